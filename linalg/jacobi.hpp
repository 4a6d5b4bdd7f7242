// SPDX-License-Identifier: MIT
// Jacobi's methods, written out (derivations/pca.md, the Jacobi sections):
//   (PC.7) the rotation that zeroes the off-diagonal entry of a symmetric 2 x 2 matrix [[a, g], [g, b]]:
//          zeta = (b - a) / (2 g), t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)), c = 1 / sqrt(1 + t^2), s = c t
//   (PC.8) jacobi_eigen: cyclic sweeps over the pairs (p, q) of a symmetric n x n A, A <- J^T A J, until
//          every |a_pq| <= tol sqrt(|a_pp a_qq|); eigenvalues on the diagonal, eigenvectors the product of J
//   (PC.9) jacobi_svd: one-sided (Hestenes) sweeps over the column pairs of an m x n A, A <- A J with J
//          from the 2 x 2 Gram matrix [[a_p^T a_p, a_p^T a_q], [a_p^T a_q, a_q^T a_q]] (PC.7), until every
//          |a_p^T a_q| <= tol ||a_p|| ||a_q||; then sigma_j = ||a_j||, u_j = a_j / sigma_j, V the product of J
// A tall A (m >= 2n) is first factored A = Q R (Householder, linalg/qr.hpp, O(m n^2) once), the
// sweeps run on the n x n R and U = Q U_R (PC.17): LAPACK's preconditioned Jacobi (gejsv) does the same.
// Both sort descending. Cost per sweep: n(n-1)/2 rotations, O(n) each for jacobi_eigen's A and V
// (O(n^3) per sweep), O(m) for jacobi_svd's columns (O(m n^2) per sweep); a handful of sweeps, the
// last ones converging quadratically.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

struct JacobiOptions {
    int max_sweeps = 60;  // a sweep visits every pair once
    double tol = 0.0;     // 0: n eps (jacobi_eigen) or m eps (jacobi_svd; m = n on the QR-first path, the
                          // sweeps running on the n x n R), see jacobi.cpp
    bool qr_first = true;  // jacobi_svd of a tall A (m >= 2n): A = Q R first, the sweeps on R, U = Q U_R
};

// (PC.7) the rotation [c s; -s c] for the symmetric 2 x 2 matrix [[a, g], [g, b]] (g != 0):
// [c -s; s c] [[a, g], [g, b]] [c s; -s c] is diagonal, with |t| = |s / c| <= 1 (the smaller angle)
struct Rotation {
    double c = 1.0, s = 0.0;
};
Rotation jacobi_rotation(double a, double g, double b);

struct SymmetricEigen {
    Vector values;   // n eigenvalues, descending
    Matrix vectors;  // n x n, column k is the unit eigenvector of values[k]
    int sweeps = 0;
    bool converged = false;
};
// A must be square and symmetric (to 1e-12 relative); NumericalError when max_sweeps is not enough.
SymmetricEigen jacobi_eigen(const Matrix& A, const JacobiOptions& opt = {});

struct SingularValueDecomposition {
    Matrix U;  // m x r, orthonormal columns (for sigma_j = 0 a unit vector orthogonal to the others)
    Vector S;  // r = min(m, n) singular values, descending, >= 0
    Matrix V;  // n x r, orthonormal columns
    int sweeps = 0;
    bool converged = false;
};
// A = U diag(S) V^T. A wide A (m < n) is decomposed through its transpose. NumericalError when
// max_sweeps is not enough, std::invalid_argument on non-finite entries.
SingularValueDecomposition jacobi_svd(const Matrix& A, const JacobiOptions& opt = {});

}  // namespace mlfs

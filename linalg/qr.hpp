// SPDX-License-Identifier: MIT
// Householder QR and least squares (derivations/linear_algebra.md, section 6).
// A is m x n with m >= n. QR stores R (n x n upper triangular) and the Householder vectors,
// never the m x m Q. Cost 2 m n^2 - 2 n^3 / 3 flops.
//   (LA.14) Householder vector v = x + sign(x_1) ||x|| e_1, H = I - 2 v v^T / (v^T v); no reflection
//           when x is already a multiple of e_1 (as LAPACK), so R has LAPACK's signs
//   (LA.15) apply H to the remaining columns (and to b): A <- A - v (2 v^T A / v^T v)
//   (LA.16) min ||A x - b||: R x = (Q^T b)[0:n], residual norm = ||(Q^T b)[n:m]||
// A column that is (numerically) dependent on earlier ones gives a tiny R(k, k); the solve throws
// NumericalError naming k when |R(k,k)| <= max(m,n) * eps * ||A(:,k)||.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

class HouseholderQR {
public:
    explicit HouseholderQR(const Matrix& A);  // m x n, m >= n

    Matrix R() const;                             // n x n upper triangular
    Vector apply_qt(const Vector& b) const;       // Q^T b, length m
    Vector apply_q(const Vector& z) const;        // Q z (full m x m Q), length m
    Matrix Q() const;                             // thin Q, m x n (for tests and teaching)
    Vector solve(const Vector& b) const;          // least-squares x, length n
    double residual_norm(const Vector& b) const;  // min ||A x - b||
    std::size_t rows() const { return m_; }
    std::size_t cols() const { return n_; }

private:
    void reflect(std::size_t k, Vector& c) const;  // c <- H_k c
    void require_length(const Vector& b) const;
    std::size_t m_, n_;
    Matrix V_;             // m x n: column k holds the Householder vector v_k in rows k..m-1
    Vector vtv_;           // v_k^T v_k
    Matrix R_;             // n x n
    Vector column_norms_;  // ||A(:, j)||, for the rank test in solve
};

// min ||A x - b||_2 by Householder QR
Vector lstsq_qr(const Matrix& A, const Vector& b);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Cholesky factorisation A = L L^T of a symmetric positive definite n x n matrix
// (derivations/linear_algebra.md, section 4): (LA.6) diagonal, (LA.7) below the diagonal,
// (LA.8) the two triangular solves, (LA.9) the log-determinant. Cost n^3/3 flops.
//
//   Cholesky chol(A);                 // never throws on a numerical failure ...
//   if (!chol.ok()) chol.error();     // ... but records the failing pivot: "pivot 7 = -2.1e-09"
//   Vector x = chol.solve(b);         // throws NumericalError if the factorisation failed
//   chol.L(); chol.log_determinant();
#pragma once

#include <string>

#include "linalg/matrix.hpp"

namespace mlfs {

class Cholesky {
public:
    // A must be square and symmetric (to 1e-12 relative, else ShapeError-like std::invalid_argument).
    explicit Cholesky(const Matrix& A);

    bool ok() const { return ok_; }
    // when !ok(): the 0-based index j of the first pivot A(j,j) - sum_k L(j,k)^2 that was <= 0,
    // and that value
    std::size_t failed_pivot() const { return failed_pivot_; }
    double failed_value() const { return failed_value_; }
    std::string error() const;  // "cholesky: pivot 7 = -2.1e-09 <= 0: the matrix is not positive definite"

    const Matrix& L() const;              // lower triangular factor, zeros above the diagonal
    Vector solve(const Vector& b) const;  // A x = b
    Matrix solve(const Matrix& B) const;  // A X = B, one column of B per right-hand side
    double log_determinant() const;       // log det A = 2 sum_j log L(j, j)
    Matrix inverse() const;               // A^-1 = solve(I)

private:
    void require_ok(const char* what) const;
    Matrix L_;
    bool ok_ = false;
    std::size_t failed_pivot_ = 0;
    double failed_value_ = 0.0;
};

// Convenience: the factor L, or a NumericalError naming the failing pivot.
Matrix cholesky(const Matrix& A);

}  // namespace mlfs

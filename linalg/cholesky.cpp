// SPDX-License-Identifier: MIT
// Cholesky A = L L^T, Cholesky-Banachiewicz order (row by row), derivations/linear_algebra.md
// section 4. A and L are n x n. Cost: n^3/3 flops (n^3/6 multiply-add pairs).
#include "linalg/cholesky.hpp"

#include <cmath>

#include "linalg/triangular.hpp"

namespace mlfs {

Cholesky::Cholesky(const Matrix& A) : L_(A.rows(), A.cols(), 0.0) {
    require_square("cholesky", A);
    if (!all_finite(A)) throw std::invalid_argument("cholesky: A (" + A.shape() + ") has a NaN or infinite entry");
    // Only the lower triangle is read; an unsymmetric A means the caller passed the wrong matrix.
    if (!is_symmetric(A, 1e-12)) throw std::invalid_argument("cholesky: A (" + A.shape() + ") is not symmetric");
    const std::size_t n = A.rows();
    // >>> exercise cholesky: derivations/linear_algebra.md
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
            double s = A(i, j);
            for (std::size_t k = 0; k < j; ++k) s -= L_(i, k) * L_(j, k);  // s = A_ij - sum_{k<j} L_ik L_jk
            if (i == j) {
                if (!(s > 0.0)) {  // the radicand of (LA.6) must be > 0 (NaN fails too)
                    failed_pivot_ = j;
                    failed_value_ = s;
                    return;  // ok_ stays false
                }
                L_(j, j) = std::sqrt(s);  // (LA.6) L_jj = sqrt(A_jj - sum_{k<j} L_jk^2)
            } else {
                L_(i, j) = s / L_(j, j);  // (LA.7) L_ij = (A_ij - sum_{k<j} L_ik L_jk) / L_jj
            }
        }
    }
    // <<< exercise cholesky
    ok_ = true;
}

std::string Cholesky::error() const {
    if (ok_) return "";
    return "cholesky: pivot " + std::to_string(failed_pivot_) + " = " + format_number(failed_value_) +
           " <= 0: the matrix is not positive definite (its leading " + std::to_string(failed_pivot_ + 1) + "x" +
           std::to_string(failed_pivot_ + 1) + " block is not)";
}

void Cholesky::require_ok(const char* what) const {
    if (!ok_) throw NumericalError(error() + " (in Cholesky::" + what + ")", failed_pivot_, failed_value_);
}

const Matrix& Cholesky::L() const {
    require_ok("L");
    return L_;
}

// (LA.8) A x = b  <=>  L y = b (forward), then L^T x = y (backward)
Vector Cholesky::solve(const Vector& b) const {
    require_ok("solve");
    return back_substitution_transposed(L_, forward_substitution(L_, b));
}

Matrix Cholesky::solve(const Matrix& B) const {
    require_ok("solve");
    if (B.rows() != L_.rows()) throw ShapeError("Cholesky::solve: A is " + L_.shape() + " but B is " + B.shape());
    Matrix X(B.rows(), B.cols());
    for (std::size_t r = 0; r < B.cols(); ++r) X.set_col(r, solve(B.col(r)));
    return X;
}

// (LA.9) log det A = log det(L) det(L^T) = 2 sum_j log L_jj
double Cholesky::log_determinant() const {
    require_ok("log_determinant");
    double s = 0.0;
    for (std::size_t j = 0; j < L_.rows(); ++j) s += std::log(L_(j, j));
    return 2.0 * s;
}

Matrix Cholesky::inverse() const { return solve(Matrix::identity(L_.rows())); }

Matrix cholesky(const Matrix& A) {
    Cholesky chol(A);
    return chol.L();
}

}  // namespace mlfs

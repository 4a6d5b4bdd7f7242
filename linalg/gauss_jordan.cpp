// SPDX-License-Identifier: MIT
// Gauss-Jordan elimination with partial pivoting (derivations/linear_algebra.md, section 5).
// A is n x n, B is n x m; the augmented matrix [A | B] is reduced to [I | X] with X = A^-1 B.
#include "linalg/gauss_jordan.hpp"

#include <cmath>
#include <limits>
#include <utility>

namespace mlfs {

// (LA.11) a pivot is numerically zero when |pivot| <= n * eps * max_ij |A_ij|
double singularity_threshold(const Matrix& A) {
    const double eps = std::numeric_limits<double>::epsilon();
    return static_cast<double>(A.rows()) * eps * max_abs(A);
}

namespace {

void swap_rows(Matrix& M, std::size_t p, std::size_t k) {
    for (std::size_t j = 0; j < M.cols(); ++j) std::swap(M(p, j), M(k, j));
}

}  // namespace

Matrix gauss_jordan_solve(const Matrix& A, const Matrix& B) {
    require_square("gauss_jordan_solve", A);
    if (B.rows() != A.rows()) throw ShapeError("gauss_jordan_solve: A is " + A.shape() + " but B is " + B.shape());
    if (!all_finite(A) || !all_finite(B))
        throw std::invalid_argument("gauss_jordan_solve: A or B has a NaN or infinite entry");
    const std::size_t n = A.rows(), m = B.cols();
    const double threshold = singularity_threshold(A);

    // M = [A | B], n x (n + m)
    Matrix M(n, n + m);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) M(i, j) = A(i, j);
        for (std::size_t j = 0; j < m; ++j) M(i, n + j) = B(i, j);
    }

    // >>> exercise gauss-jordan: derivations/linear_algebra.md
    for (std::size_t k = 0; k < n; ++k) {
        // partial pivoting: the largest |M_ik| below the diagonal (the first one on ties), swapped into row k
        std::size_t p = k;
        for (std::size_t i = k + 1; i < n; ++i)
            if (std::fabs(M(i, k)) > std::fabs(M(p, k))) p = i;  // (LA.10) p = argmax_{i >= k} |M_ik|
        const double pivot = M(p, k);
        if (std::fabs(pivot) <= threshold)  // (LA.11) relative test, never pivot == 0.0
            throw NumericalError("gauss_jordan_solve: pivot " + std::to_string(k) + " = " + format_number(pivot) +
                                     ": |pivot| <= n*eps*max|A| = " + format_number(threshold) +
                                     ", the matrix is singular to working precision (column " + std::to_string(k) +
                                     " depends on the columns before it)",
                                 k, pivot);
        if (p != k) swap_rows(M, p, k);

        // normalise row k so that M_kk = 1 (pivot / pivot is exactly 1) ...
        for (std::size_t j = k; j < n + m; ++j) M(k, j) /= pivot;  // (LA.12) row_k <- row_k / M_kk
        // ... then clear column k in every other row: row_i <- row_i - M_ik row_k
        for (std::size_t i = 0; i < n; ++i) {
            if (i == k) continue;
            const double f = M(i, k);
            if (f == 0.0) continue;  // nothing to eliminate: skipping changes no value
            for (std::size_t j = k; j < n + m; ++j) M(i, j) -= f * M(k, j);  // (LA.12) row_i <- row_i - M_ik row_k
        }
    }
    // <<< exercise gauss-jordan

    Matrix X(n, m);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j) X(i, j) = M(i, n + j);
    return X;
}

Vector gauss_jordan_solve(const Matrix& A, const Vector& b) { return gauss_jordan_solve(A, Matrix::column(b)).data(); }

// (LA.13) A^-1 is the solution of A X = I
Matrix gauss_jordan_inverse(const Matrix& A) {
    require_square("gauss_jordan_inverse", A);
    return gauss_jordan_solve(A, Matrix::identity(A.rows()));
}

}  // namespace mlfs

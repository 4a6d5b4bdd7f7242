// SPDX-License-Identifier: MIT
// Matrix products (derivations/linear_algebra.md, section 2). Legend: A is N x K, B is K x M.
#include "linalg/matmul.hpp"

#include <algorithm>

namespace mlfs {

namespace {

void require_inner(const char* what, const Matrix& A, const Matrix& B) {
    if (A.cols() != B.rows())
        throw ShapeError(std::string(what) + ": A is " + A.shape() + " but B is " + B.shape() +
                         " (A's columns must equal B's rows)");
}

}  // namespace

// (LA.2) C(i, j) = sum_k A(i, k) B(k, j). The reference: i-j-k, one dot product per entry.
// The inner loop strides through B by M doubles per step, which is what makes it slow (LA.3).
Matrix matmul_naive(const Matrix& A, const Matrix& B) {
    require_inner("matmul_naive", A, B);
    Matrix C(A.rows(), B.cols());
    // >>> exercise matmul-naive: derivations/linear_algebra.md
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < B.cols(); ++j) {
            double s = 0.0;
            for (std::size_t k = 0; k < A.cols(); ++k) s += A(i, k) * B(k, j);  // (LA.2)
            C(i, j) = s;
        }
    // <<< exercise matmul-naive
    return C;
}

// (LA.3) The same sums, loops reordered i-k-j and tiled in kTile x kTile blocks:
//   C(i, :) += A(i, k) B(k, :)   walks B and C along rows (contiguous memory),
// and a tile of B is reused for every row of A while it is still in cache.
// For each (i, j) the k-terms are still added in increasing k order, one at a time, starting
// from 0.0, so the result equals matmul_naive bit for bit (tests/test_matmul.cpp checks this).
Matrix matmul(const Matrix& A, const Matrix& B) {
    require_inner("matmul", A, B);
    constexpr std::size_t kTile = 64;  // 64 x 64 doubles = 32 KiB: one tile of B fits in L1/L2
    const std::size_t N = A.rows(), K = A.cols(), M = B.cols();
    Matrix C(N, M, 0.0);
    for (std::size_t k0 = 0; k0 < K; k0 += kTile) {
        const std::size_t k1 = std::min(k0 + kTile, K);
        for (std::size_t j0 = 0; j0 < M; j0 += kTile) {
            const std::size_t j1 = std::min(j0 + kTile, M);
            for (std::size_t i = 0; i < N; ++i)
                for (std::size_t k = k0; k < k1; ++k) {
                    const double a = A(i, k);
                    for (std::size_t j = j0; j < j1; ++j) C(i, j) += a * B(k, j);
                }
        }
    }
    return C;
}

// C = A^T B, C(i, j) = sum_k A(k, i) B(k, j): A is K x N, B is K x M, C is N x M.
// Loop order k-i-j keeps both inner accesses contiguous; each C(i, j) is summed in increasing k.
Matrix matmul_transposed_a(const Matrix& A, const Matrix& B) {
    if (A.rows() != B.rows())
        throw ShapeError("matmul_transposed_a: A is " + A.shape() + " but B is " + B.shape() +
                         " (A and B must have the same number of rows)");
    Matrix C(A.cols(), B.cols(), 0.0);
    for (std::size_t k = 0; k < A.rows(); ++k)
        for (std::size_t i = 0; i < A.cols(); ++i) {
            const double a = A(k, i);
            for (std::size_t j = 0; j < B.cols(); ++j) C(i, j) += a * B(k, j);
        }
    return C;
}

// G = X^T X, G(i, j) = sum_n X(n, i) X(n, j) for a data matrix X (N x D). Only the upper triangle
// is summed; the lower is copied, so G is exactly symmetric.
Matrix gram(const Matrix& X) {
    const std::size_t D = X.cols();
    Matrix G(D, D, 0.0);
    for (std::size_t n = 0; n < X.rows(); ++n)
        for (std::size_t i = 0; i < D; ++i) {
            const double a = X(n, i);
            for (std::size_t j = i; j < D; ++j) G(i, j) += a * X(n, j);
        }
    for (std::size_t i = 0; i < D; ++i)
        for (std::size_t j = 0; j < i; ++j) G(i, j) = G(j, i);
    return G;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Products with a vector, and X^T X, with the reference loops' bits on every core. Legend: A is
// N x D, x has length D (A x) or N (A^T x); X is N x D.
#include "linalg/matvec_fast.hpp"

#include <algorithm>
#include <string>

#include "linalg/matmul_fast.hpp"
#include "linalg/parallel.hpp"

namespace mlfs {

namespace {

constexpr std::size_t kRows = 4;            // rows of A x summed side by side: 4 chains hide the add latency
constexpr std::size_t kRowBlock = 1024;     // rows per block of work handed to a thread
constexpr std::size_t kColBlock = 64;       // columns of A^T x per block: y's block stays in registers/L1
constexpr double kMinFlopsPerThread = 2e6;  // below this a second thread costs more than it saves

int threads_for(double flops, int threads) {
    const std::size_t wanted = resolve_threads(threads);
    const std::size_t useful = static_cast<std::size_t>(std::max(1.0, flops / kMinFlopsPerThread));
    return static_cast<int>(std::min(wanted, useful));
}

}  // namespace

// y(i) = sum_j A(i, j) x(j), j increasing from 0.0 as matvec: four rows at a time, each row its own
// running sum (the four chains are independent outputs); threads take blocks of rows.
Vector matvec_fast(const Matrix& A, const Vector& x, int threads) {
    if (x.size() != A.cols())
        throw ShapeError("matvec_fast: A is " + A.shape() + " but x has length " + std::to_string(x.size()));
    const std::size_t N = A.rows(), D = A.cols();
    Vector y(N, 0.0);
    const std::size_t blocks = (N + kRowBlock - 1) / kRowBlock;
    parallel_for(blocks, threads_for(2.0 * N * D, threads), [&](std::size_t b) {
        const std::size_t i1 = std::min(N, (b + 1) * kRowBlock);
        std::size_t i = b * kRowBlock;
        for (; i + kRows <= i1; i += kRows) {
            const double* a0 = A.data().data() + i * D;
            double s[kRows] = {0.0, 0.0, 0.0, 0.0};
            for (std::size_t j = 0; j < D; ++j)
                for (std::size_t r = 0; r < kRows; ++r) s[r] += a0[r * D + j] * x[j];
            for (std::size_t r = 0; r < kRows; ++r) y[i + r] = s[r];
        }
        for (; i < i1; ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j < D; ++j) s += A(i, j) * x[j];
            y[i] = s;
        }
    });
    return y;
}

// y(j) = sum_i A(i, j) x(i), i increasing from 0.0 as matvec_transposed: the same row-by-row sweep,
// vectorised across j; threads take blocks of columns, each sweeping all rows for its own y(j).
Vector matvec_transposed_fast(const Matrix& A, const Vector& x, int threads) {
    if (x.size() != A.rows())
        throw ShapeError("matvec_transposed_fast: A is " + A.shape() + " but x has length " + std::to_string(x.size()));
    const std::size_t N = A.rows(), D = A.cols();
    Vector y(D, 0.0);
    const std::size_t blocks = (D + kColBlock - 1) / kColBlock;
    // one block per thread when D is small: split D evenly instead of in kColBlock pieces
    const std::size_t T = std::min<std::size_t>(threads_for(2.0 * N * D, threads), D == 0 ? 1 : D);
    const std::size_t n_parts = std::max(blocks, T);
    parallel_for(n_parts, static_cast<int>(T), [&](std::size_t b) {
        const std::size_t j0 = b * D / n_parts, j1 = (b + 1) * D / n_parts;
        double* yb = y.data();
        for (std::size_t i = 0; i < N; ++i) {
            const double xi = x[i];
            const double* a = A.data().data() + i * D;
            for (std::size_t j = j0; j < j1; ++j) yb[j] += a[j] * xi;
        }
    });
    return y;
}

// G(i, j) = sum_n X(n, i) X(n, j), n increasing from 0.0, is the product X^T X of (LA.3), which
// matmul_at_fast sums in the same order; G(j, i) = G(i, j) holds bit for bit since a b = b a.
Matrix gram_fast(const Matrix& X, int threads) { return matmul_at_fast(X, X, threads); }

}  // namespace mlfs

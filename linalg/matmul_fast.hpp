// SPDX-License-Identifier: MIT
// Fast matrix products beside the reference loops of matmul.hpp (derivations/linear_algebra.md,
// section 2, "The register tile"). Each returns exactly the bits of its reference:
//   matmul_fast(A, B)     C = A B     (N x K)(K x M)    reference matmul_naive(A, B)
//   matmul_at_fast(A, B)  C = A^T B   (K x N)^T(K x M)  reference matmul_transposed_a(A, B)
//   matmul_bt_fast(A, B)  C = A B^T   (N x K)(M x K)^T  reference matmul_naive(A, transpose(B))
// because every C(i, j) is still (LA.2) summed over k in increasing order, from 0.0, one rounding
// per product and one per addition: the register tile only computes many such sums side by side.
// `threads` splits the rows of C (0 = all hardware threads), never a sum, so the bits do not
// depend on it either. Cost 2 N K M flops. tests/test_matmul_fast.cpp checks all of this.
#pragma once

#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

Matrix matmul_fast(const Matrix& A, const Matrix& B, int threads = 1);
Matrix matmul_at_fast(const Matrix& A, const Matrix& B, int threads = 1);
Matrix matmul_bt_fast(const Matrix& A, const Matrix& B, int threads = 1);
// Rows [i0, i1) of A B^T written to C[(i - i0) * B.rows() + j], on the calling thread, with the same
// bits (for kernels that split their rows over threads themselves, as kmeans_assign_fast).
void matmul_bt_rows(const Matrix& A, const Matrix& B, std::size_t i0, std::size_t i1, double* C);

// For a B with few rows (k-means' centres): no packing of A, no k-blocks. bt_panels(B) lays B^T out
// once in panels of kPanel columns (zeros past B's rows); matmul_bt_rows_t then writes rows [i0, i1)
// of A B^T transposed, Ct[j * ldc + (i - i0)] for j < round_up(B.rows(), kPanel) (the rows j past
// B's are 0), each sum over k from 0.0 in increasing k: matmul's bits. On the calling thread.
constexpr std::size_t kPanel = 8;
std::vector<double> bt_panels(const Matrix& B);
void matmul_bt_rows_t(const Matrix& A, const std::vector<double>& Bt, std::size_t i0, std::size_t i1, double* Ct,
                      std::size_t ldc);

}  // namespace mlfs

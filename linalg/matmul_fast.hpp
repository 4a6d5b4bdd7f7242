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

#include "linalg/matrix.hpp"

namespace mlfs {

Matrix matmul_fast(const Matrix& A, const Matrix& B, int threads = 1);
Matrix matmul_at_fast(const Matrix& A, const Matrix& B, int threads = 1);
Matrix matmul_bt_fast(const Matrix& A, const Matrix& B, int threads = 1);
// Rows [i0, i1) of A B^T written to C[(i - i0) * B.rows() + j], on the calling thread, with the same
// bits (for kernels that split their rows over threads themselves, as kmeans_assign_fast).
void matmul_bt_rows(const Matrix& A, const Matrix& B, std::size_t i0, std::size_t i1, double* C);

}  // namespace mlfs

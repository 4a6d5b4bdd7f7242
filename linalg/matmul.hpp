// SPDX-License-Identifier: MIT
// Matrix products, twice (derivations/linear_algebra.md, section 2):
//   matmul_naive  the textbook i-j-k triple loop of (LA.2), the reference;
//   matmul        the same sums with the loops reordered i-k-j and tiled (LA.3), so the inner
//                 loop walks memory contiguously; tested against matmul_naive.
// A is N x K, B is K x M, C = A B is N x M. Cost 2 N K M flops either way.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

Matrix matmul_naive(const Matrix& A, const Matrix& B);
Matrix matmul(const Matrix& A, const Matrix& B);
Matrix matmul_transposed_a(const Matrix& A, const Matrix& B);  // A^T B without forming A^T
Matrix gram(const Matrix& X);                                  // X^T X, symmetric D x D

}  // namespace mlfs

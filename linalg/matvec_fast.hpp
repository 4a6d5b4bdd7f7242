// SPDX-License-Identifier: MIT
// Fast products with a vector and the Gram matrix, beside the reference loops of matrix.hpp and
// matmul.hpp (derivations/linear_algebra.md, section 2, "Products with a vector, and X^T X"). Each
// returns exactly the bits of its reference, because every output is still the same sum, taken in
// the same order from 0.0; the fast versions only compute several outputs side by side and split
// the outputs (never a sum) over `threads` (0 = all hardware threads):
//   matvec_fast(A, x)             y = A x     reference matvec(A, x)             y(i) summed over j
//   matvec_transposed_fast(A, x)  y = A^T x   reference matvec_transposed(A, x)  y(j) summed over i
//   gram_fast(X)                  G = X^T X   reference gram(X)                  G(i, j) summed over n
// tests/test_matvec_fast.cpp checks the bits on odd sizes and 1, 2 and 3 threads.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

Vector matvec_fast(const Matrix& A, const Vector& x, int threads = 1);
Vector matvec_transposed_fast(const Matrix& A, const Vector& x, int threads = 1);
Matrix gram_fast(const Matrix& X, int threads = 1);

}  // namespace mlfs

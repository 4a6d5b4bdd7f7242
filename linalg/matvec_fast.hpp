// SPDX-License-Identifier: MIT
// Fast products with a vector and Gram matrices, beside the reference loops of matrix.hpp and
// matmul.hpp (derivations/linear_algebra.md, section 2, "Products with a vector, and X^T X"). Each
// returns exactly the bits of its reference, because every output is still the same sum, taken in
// the same order from 0.0; the fast versions only compute several outputs side by side and split
// the outputs (never a sum) over `threads` (0 = all hardware threads):
//   matvec_fast(A, x)             y = A x     reference matvec(A, x)             y(i) summed over j
//   matvec_transposed_fast(A, x)  y = A^T x   reference matvec_transposed(A, x)  y(j) summed over i
//   gram_fast(X)                  G = X^T X   reference gram(X)                  G(a, b) summed over i
// and the Gram matrix of X with its columns shifted, the centred data of least squares, formed a
// chunk of rows at a time (no centred copy of X); each Z(i, j) is X(i, j) - xbar(j) rounded once,
// as centre_columns computes it, and each G(a, b) is summed over i as gram sums it:
//   gram_centred_fast(X, xbar)           G = Xc^T Xc, Xc = X - 1 xbar^T   reference gram(centre_columns(X, xbar))
//   gram_centred_fast(X, xbar, y, ybar)  G = Z^T Z, Z = [Xc, y - ybar 1], (D + 1) x (D + 1): its D x D
//       block is gram(Xc) and G(j, D) = matvec_transposed(Xc, y - ybar 1)(j), i.e. Xc^T Xc and Xc^T yc
//       in one pass over X (fit_cholesky's normal equations)
// tests/test_matvec_fast.cpp checks the bits on odd sizes and 1, 2 and 3 threads.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

Vector matvec_fast(const Matrix& A, const Vector& x, int threads = 1);
Vector matvec_transposed_fast(const Matrix& A, const Vector& x, int threads = 1);
Matrix gram_fast(const Matrix& X, int threads = 1);
Matrix gram_centred_fast(const Matrix& X, const Vector& xbar, int threads = 1);
Matrix gram_centred_fast(const Matrix& X, const Vector& xbar, const Vector& y, double ybar, int threads = 1);

}  // namespace mlfs

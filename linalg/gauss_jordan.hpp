// SPDX-License-Identifier: MIT
// Gauss-Jordan elimination with partial pivoting (derivations/linear_algebra.md, section 5):
// reduces [A | B] to [I | X], so X = A^-1 B. Cost about n^3 + 2 n^2 m flops for m right-hand sides
// (the inverse, m = n with a dense I: 3 n^3).
//   (LA.10) pivot row = argmax_{i >= k} |A(i, k)|, swapped into row k
//   (LA.11) singular when |pivot| <= n * eps * max_ij |A(i, j)| (relative, never == 0.0)
//   (LA.12) normalise row k, then eliminate column k from every other row
//   (LA.13) inverse = solution of A X = I
// A singular matrix throws NumericalError with the column (pivot index), the pivot value and the threshold.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

Matrix gauss_jordan_solve(const Matrix& A, const Matrix& B);
Vector gauss_jordan_solve(const Matrix& A, const Vector& b);
Matrix gauss_jordan_inverse(const Matrix& A);

// The relative singularity threshold of (LA.11) for a matrix A.
double singularity_threshold(const Matrix& A);

}  // namespace mlfs

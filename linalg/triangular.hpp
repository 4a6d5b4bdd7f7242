// SPDX-License-Identifier: MIT
// Triangular solves (derivations/linear_algebra.md, section 3), O(n^2) per right-hand side.
//   forward_substitution  L y = b, L lower triangular   (LA.4)
//   back_substitution     U x = y, U upper triangular   (LA.5)
//   back_substitution_transposed  L^T x = y using L itself (no transpose is formed)
// A zero diagonal entry throws NumericalError naming its index. Only the relevant triangle is read.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

Vector forward_substitution(const Matrix& L, const Vector& b);
Vector back_substitution(const Matrix& U, const Vector& y);
Vector back_substitution_transposed(const Matrix& L, const Vector& y);
// several right-hand sides: column r of B is one system
Matrix forward_substitution(const Matrix& L, const Matrix& B);
Matrix back_substitution(const Matrix& U, const Matrix& Y);

}  // namespace mlfs

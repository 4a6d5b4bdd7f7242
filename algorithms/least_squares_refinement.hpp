// SPDX-License-Identifier: MIT
// Iterative refinement of a least-squares solution (derivations/linear_regression.md, (LR.7)).
// Legend: A is m x n (m >= n), b has length m, x has length n, r = b - A x has length m.
//
// The least-squares solution and its residual solve the augmented system
//     r + A x = b,   A^T r = 0.
// Each step computes that system's residuals in double-double from the EXACT problem,
//     f = b - r - A x,   g = -A^T r,
// and solves the correction system  dr + A dx = f,  A^T dr = g  with the QR factor A ~ Q R of a
// rounded copy of A:  h = R^-T g,  d = Q^T f,  dx = R^-1 (d[0:n] - h),  dr = Q [h; d[n:m]].
// The factor only needs to be close to A: each step multiplies the error by about cond(A) eps.
// Cost per step: O(m n) for the residuals plus O(m n) for the solves.
#pragma once

#include <functional>

#include "linalg/double_double.hpp"
#include "linalg/qr.hpp"

namespace mlfs {

struct ExactLeastSquares {
    std::function<DoubleDouble(std::size_t, std::size_t)> A;  // A(i, j) of the exact problem
    std::function<DoubleDouble(std::size_t)> b;               // b(i) of the exact problem
};

// Refines x (from qr.solve) for `steps` steps; qr factors a rounded copy of problem.A.
Vector refine_least_squares(const HouseholderQR& qr, const ExactLeastSquares& problem, Vector x, int steps);

}  // namespace mlfs

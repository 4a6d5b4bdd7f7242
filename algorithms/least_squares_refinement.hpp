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
#include <vector>

#include "linalg/double_double.hpp"
#include "linalg/qr.hpp"

namespace mlfs {

// The exact problem of fit_qr (LR.6), every entry formed from the data in double-double:
//   A = [X - 1 xbar^T; sqrt(alpha) I]   (the ridge rows only when sqrt_alpha > 0)
//   b = [y - ybar; 0]
// xbar = 0 and ybar = 0 leave X and y as they are (no intercept). Data that are themselves known
// to double-double accuracy (powers x^k computed in double-double, say) give their low parts in
// X_lo: X(i, j) + X_lo(i, j). X, y and X_lo are not copied: they must outlive the problem.
struct ExactLeastSquares {
    const Matrix& X;                 // N x D
    const Vector& y;                 // N
    std::vector<DoubleDouble> xbar;  // D
    DoubleDouble ybar;
    double sqrt_alpha = 0.0;
    const Matrix* X_lo = nullptr;  // N x D low parts of X, or none

    std::size_t rows() const { return sqrt_alpha > 0.0 ? X.rows() + X.cols() : X.rows(); }
    std::size_t cols() const { return X.cols(); }
    DoubleDouble A(std::size_t i, std::size_t j) const {
        if (i < X.rows()) return dd_add(DoubleDouble{X(i, j), X_lo ? (*X_lo)(i, j) : 0.0}, dd_neg(xbar[j]));
        return DoubleDouble{i - X.rows() == j ? sqrt_alpha : 0.0, 0.0};
    }
    DoubleDouble b(std::size_t i) const {
        return i < X.rows() ? dd_add(DoubleDouble{y[i], 0.0}, dd_neg(ybar)) : DoubleDouble{};
    }
};

// Refines x (from qr.solve) for `steps` steps; qr factors a rounded copy of problem.A. `threads`
// splits the rows of f and the entries of g (never a sum): the same bits for every value.
// `after_step(s)`, if set, is called after step s = 1..steps (for progress on a long run).
Vector refine_least_squares(const HouseholderQR& qr, const ExactLeastSquares& problem, Vector x, int steps,
                            int threads = 1, const std::function<void(int)>& after_step = {});

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Batch gradient descent for least squares (derivations/linear_regression.md, gradient descent).
// Legend: N samples, D features, A = [1 X] is N x (D + 1) (or X alone without an intercept),
// theta = (b, w) has length D + 1.
//
//   (LR.9)  J(theta) = (1 / 2N) ||y - A theta||^2          half the mean squared error
//   (LR.10) grad J   = (1 / N) A^T (A theta - y)
//   (LR.11) theta   <- theta - lr grad J
//   (LR.12) L = lambda_max((1/N) A^T A); stable iff lr < 2 / L; default lr = 1 / L
//   (LR.14) standardize: z = (x - mu) / sigma, then w = w' / sigma, b = b' - sum_j w'_j mu_j / sigma_j;
//           without an intercept only scale: z = x / sigma, w = w' / sigma, b = 0
//   (LR.15) stop: ||grad J|| <= tol ||grad J(theta_0)||, or J_{k-1} - J_k <= loss_tol J_{k-1}, or max_iter
// Cost: O(N D) per iteration.
#pragma once

#include <functional>
#include <string>

#include "algorithms/linear_regression.hpp"

namespace mlfs {

struct GradientDescentOptions {
    double lr = 0.0;           // learning rate; 0 means 1 / L (LR.12)
    int max_iter = 100000;     // updates at most
    double tol = 1e-12;        // gradient norm, relative to the first one (LR.15)
    double loss_tol = 0.0;     // relative loss decrease per step; 0 switches that test off
    bool standardize = false;  // iterate on z-scored features, report coefficients in the original scale
    bool fit_intercept = true;
    int threads = 0;  // A theta, A^T r and A^T A (linalg/matvec_fast.hpp); 0 = all hardware
                      // threads; every result is the same for every value
    // if set: called after every update with k (updates made) and J(theta_k), e.g. to show progress
    // on a long run; it only observes
    std::function<void(int k, double J)> progress;
};

struct GradientDescentResult {
    LinearModel model;       // in the scale of the original features
    Vector theta;            // the final iterate, in the scale it iterated in (b first if fitted)
    Vector loss_curve_;      // J(theta_k) for k = 0 .. n_iter_ (each before its update, the last after)
    int n_iter_ = 0;         // updates made
    double lr = 0.0;         // the learning rate used
    double L = 0.0;          // lambda_max((1/N) A^T A)
    double grad_norm = 0.0;  // ||grad J|| at the final iterate
    bool converged = false;  // stopped by tol or loss_tol, not by max_iter
    std::string stopped_by;  // "gradient tolerance", "loss tolerance" or "max_iter"
};

// Throws NumericalError when lr >= 2 / L, or when the loss becomes non-finite or grows; the
// message names the iteration, the learning rate and the bound. Never returns NaN coefficients.
GradientDescentResult fit_gradient_descent(const Matrix& X, const Vector& y, const GradientDescentOptions& opt = {});

// The design matrix the iteration runs on: [1 Z] or [1 X] (or without the ones column), with the
// column means mu and population standard deviations sigma used to standardize (empty otherwise).
struct GradientDescentDesign {
    Matrix A;
    Vector mu, sigma;
};
GradientDescentDesign gradient_descent_design(const Matrix& X, bool standardize, bool fit_intercept);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Linear least squares and ridge regression, as scikit-learn's LinearRegression and Ridge compute
// them (derivations/linear_regression.md). Legend: N samples, D features; X is N x D, y has
// length N, w (coef_) has length D, b (intercept_) is a number.
//
//   (LR.1) minimise ||y - X w - b 1||^2 + alpha ||w||^2       (alpha = 0: ordinary least squares)
//   (LR.3) centring removes b: Xc = X - 1 xbar^T, yc = y - ybar, and b = ybar - xbar^T w
//   (LR.4) fit_cholesky: Xc^T Xc w = Xc^T yc by Cholesky, O(N D^2 + D^3 / 3);
//   (LR.5)               ridge adds alpha I: (Xc^T Xc + alpha I) w = Xc^T yc
//   (LR.6) fit_qr:       Householder QR of Xc (of [Xc; sqrt(alpha) I] for ridge), O(2 N D^2)
//   (LR.7)               + iterative refinement against the exactly centred data (double-double)
//   (LR.8) predict, R^2
// Without an intercept nothing is centred and b = 0.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "algorithms/metrics.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

struct LinearModel {
    Vector coef_;             // w, length D
    double intercept_ = 0.0;  // b
};

struct LeastSquaresOptions {
    bool fit_intercept = true;               // centre X and y, and report b = ybar - xbar^T w
    double alpha = 0.0;                      // ridge penalty alpha ||w||^2: a plain sum, not scaled by N (as sklearn)
    int refine_steps = 2;                    // fit_qr only: refinement steps (LR.7); 0 gives the plain QR solution
    int threads = 0;                         // the Gram pass of fit_cholesky (linalg/matvec_fast.hpp); the means,
                                             // centred copy, reflections and residuals of fit_qr; 0 = all hardware
                                             // threads; every result is the same for every value
    std::vector<std::string> feature_names;  // for error messages; "feature j" when empty
    // if set: fit_qr calls it after each Householder reflection ("QR reflections", k + 1, D) and each
    // refinement step ("refinement steps", s, refine_steps), e.g. to show progress; it only observes
    std::function<void(const char* stage, std::size_t done, std::size_t total)> progress;
};

// The centred problem of (LR.3). Without an intercept, xbar = 0, ybar = 0 and Xc = X, yc = y.
struct CentredProblem {
    Matrix Xc;    // N x D
    Vector yc;    // N
    Vector xbar;  // D
    double ybar = 0.0;
};
CentredProblem centre(const Matrix& X, const Vector& y, bool fit_intercept);

// (LR.4), (LR.5) the normal equations of the centred problem, (Xc^T Xc + alpha I) w = Xc^T yc:
// XtX = Xc^T Xc + alpha I is D x D, Xty = Xc^T yc has length D. O(N D^2). fit_cholesky solves them.
// `threads` splits the entries of XtX and Xty (gram_fast, matvec_transposed_fast), never a sum.
struct NormalEquations {
    Matrix XtX;  // D x D
    Vector Xty;  // D
};
NormalEquations normal_equations(const Matrix& Xc, const Vector& yc, double alpha, int threads = 1);

// Throws NumericalError when Xc^T Xc + alpha I is not (numerically) positive definite; the message
// names the Cholesky pivot and the feature that is (nearly) collinear with earlier ones.
LinearModel fit_cholesky(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt = {});
// Throws NumericalError naming the feature when a column of Xc depends on the earlier ones.
LinearModel fit_qr(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt = {});

// A fit together with the factor it solved with, so that the OLS audit (ols_audit.hpp) reuses it
// instead of factoring the data again: R is D x D upper triangular with
//     R^T R = Xc^T Xc + alpha I,
// R itself from Householder QR of Xc (LR.6), or R = L^T from Cholesky of the normal equations (LR.4).
struct FactoredFit {
    LinearModel model;
    Matrix R;                 // D x D, upper triangular
    const char* factor = "";  // "qr" or "cholesky": which one R came from
    bool fit_intercept = true;
    double alpha = 0.0;
};
FactoredFit fit_cholesky_factored(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt = {});
FactoredFit fit_qr_factored(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt = {});

Vector predict(const LinearModel& model, const Matrix& X);  // (LR.8) yhat = X w + b
// (LR.8) R^2 = 1 - RSS / TSS is r2_score, with the other sklearn.metrics in algorithms/metrics.hpp

// Checks shared by every fit: X is N x D with N >= 1, y has N finite entries, X is finite, and no
// column's sum of squares overflows or underflows. One pass over X, row by row (no column copies).
void require_regression_data(const char* what, const Matrix& X, const Vector& y);
// "feature 3 (s4)" or "feature 3"
std::string feature_label(const std::vector<std::string>& names, std::size_t j);

}  // namespace mlfs

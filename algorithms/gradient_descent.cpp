// SPDX-License-Identifier: MIT
// Batch gradient descent on half the mean squared error (LR.9-LR.15).
#include "algorithms/gradient_descent.hpp"

#include <cmath>

#include "linalg/condition.hpp"
#include "linalg/matvec_fast.hpp"

namespace mlfs {

GradientDescentDesign gradient_descent_design(const Matrix& X, bool standardize, bool fit_intercept) {
    const std::size_t N = X.rows(), D = X.cols(), offset = fit_intercept ? 1 : 0;
    GradientDescentDesign d{Matrix(N, D + offset), {}, {}};
    if (standardize) {
        // (LR.14) mu_j = mean of column j, sigma_j = sqrt((1/N) sum_i (x_ij - mu_j)^2) (ddof = 0, as StandardScaler)
        // without an intercept, centring would introduce one: then only scale (mu = 0)
        d.mu = fit_intercept ? column_means(X) : Vector(D, 0.0);
        const Matrix Xc = centre_columns(X, column_means(X));
        d.sigma = Vector(D);
        for (std::size_t j = 0; j < D; ++j) {
            d.sigma[j] = std::sqrt(dot(Xc.col(j), Xc.col(j)) / static_cast<double>(N));
            if (!(d.sigma[j] > 0.0))
                throw std::invalid_argument("gradient descent: feature " + std::to_string(j) +
                                            " is constant (standard deviation 0); it cannot be standardized");
        }
    }
    for (std::size_t i = 0; i < N; ++i) {
        if (fit_intercept) d.A(i, 0) = 1.0;
        for (std::size_t j = 0; j < D; ++j)
            d.A(i, j + offset) = standardize ? (X(i, j) - d.mu[j]) / d.sigma[j]
                                             : X(i, j);  // (LR.14) z = (x - mu) / sigma (mu = 0 without intercept)
    }
    return d;
}

namespace {

// J(theta) = (1 / 2N) ||A theta - y||^2 and grad J = (1 / N) A^T (A theta - y), from one residual
struct LossAndGradient {
    double J;
    Vector grad;
};

// A is N x (D+1) (the intercept column first, if any), y has length N, theta length D+1.
// `threads` splits the entries of A theta and A^T r (matvec_fast, matvec_transposed_fast: the bits of
// matvec and matvec_transposed), never a sum.
LossAndGradient loss_and_gradient(const Matrix& A, const Vector& y, const Vector& theta, int threads) {
    if (y.size() != A.rows() || theta.size() != A.cols())
        throw ShapeError("loss_and_gradient: A is " + A.shape() + ", y has length " + std::to_string(y.size()) +
                         " and theta " + std::to_string(theta.size()));
    // >>> exercise gd-step: derivations/linear_regression.md
    const double N = static_cast<double>(A.rows());
    const Vector r = subtract(matvec_fast(A, theta, threads), y);       // r = A theta - y
    const double J = dot(r, r) / (2.0 * N);                             // (LR.9)
    return {J, scale(1.0 / N, matvec_transposed_fast(A, r, threads))};  // (LR.10)
    // <<< exercise gd-step
}

[[noreturn]] void diverged(const std::string& what, int k, double lr, double L) {
    throw NumericalError("gradient descent diverged at iteration " + std::to_string(k) + ": " + what +
                             " (learning rate " + format_number(lr) + ", stability bound 2/L = " +
                             format_number(2.0 / L) + ", L = " + format_number(L) + "); use a smaller --lr",
                         static_cast<std::size_t>(k), lr);
}

// (LR.14) back to the original features: w_j = w'_j / sigma_j, b = b' - sum_j w'_j mu_j / sigma_j
LinearModel original_scale(const GradientDescentDesign& d, const Vector& theta, bool fit_intercept) {
    const std::size_t offset = fit_intercept ? 1 : 0;
    LinearModel m;
    m.intercept_ = fit_intercept ? theta[0] : 0.0;
    m.coef_.assign(theta.begin() + static_cast<std::ptrdiff_t>(offset), theta.end());
    if (d.sigma.empty()) return m;
    for (std::size_t j = 0; j < m.coef_.size(); ++j) {
        m.coef_[j] /= d.sigma[j];
        m.intercept_ -= m.coef_[j] * d.mu[j];
    }
    return m;
}

}  // namespace

GradientDescentResult fit_gradient_descent(const Matrix& X, const Vector& y, const GradientDescentOptions& opt) {
    require_regression_data("gradient descent", X, y);
    if (opt.max_iter < 0 || !(opt.tol >= 0.0) || !(opt.loss_tol >= 0.0) || !(opt.lr >= 0.0) || !std::isfinite(opt.lr))
        throw std::invalid_argument("gradient descent: max_iter, tol, loss_tol and lr must be >= 0 (lr finite)");
    const GradientDescentDesign d = gradient_descent_design(X, opt.standardize, opt.fit_intercept);
    const double N = static_cast<double>(X.rows());

    GradientDescentResult res;
    res.L =
        largest_eigenvalue(scale(1.0 / N, gram_fast(d.A, opt.threads))).lambda;  // (LR.12) L = lambda_max((1/N) A^T A)
    res.lr = opt.lr > 0.0 ? opt.lr : 1.0 / res.L;                                // (LR.12) default 1 / L
    if (res.lr >= 2.0 / res.L)
        diverged(  // (LR.12) stable only for lr < 2/L
            "the learning rate is not below 2/L, so the iteration cannot converge", 0, res.lr, res.L);

    Vector theta(d.A.cols(), 0.0);
    LossAndGradient lg = loss_and_gradient(d.A, y, theta, opt.threads);
    const double g0 = norm2(lg.grad);
    res.stopped_by = "max_iter";
    for (int k = 0;; ++k) {
        res.loss_curve_.push_back(lg.J);
        res.grad_norm = norm2(lg.grad);
        if (!std::isfinite(lg.J) || !std::isfinite(res.grad_norm)) diverged("the loss is not finite", k, res.lr, res.L);
        // below 2/L the loss cannot grow in exact arithmetic; allow only rounding-sized increases
        if (k > 0 && lg.J > res.loss_curve_[k - 1] * (1.0 + 1e-12))
            diverged("the loss grew from " + format_number(res.loss_curve_[k - 1]) + " to " + format_number(lg.J), k,
                     res.lr, res.L);
        if (res.grad_norm <= opt.tol * g0) {  // (LR.15) ||grad J|| <= tol ||grad J(theta_0)||
            res.converged = true, res.stopped_by = "gradient tolerance";
            break;
        }
        // (LR.15) the loss decrease, relative
        if (k > 0 && opt.loss_tol > 0.0 && res.loss_curve_[k - 1] - lg.J <= opt.loss_tol * res.loss_curve_[k - 1]) {
            res.converged = true, res.stopped_by = "loss tolerance";
            break;
        }
        if (k == opt.max_iter) break;  // (LR.15) the iteration budget
        // >>> exercise gd-step: derivations/linear_regression.md
        for (std::size_t j = 0; j < theta.size(); ++j) theta[j] -= res.lr * lg.grad[j];  // (LR.11)
        // <<< exercise gd-step
        res.n_iter_ = k + 1;
        lg = loss_and_gradient(d.A, y, theta, opt.threads);
        if (opt.progress) opt.progress(res.n_iter_, lg.J);
    }
    res.theta = theta;
    res.model = original_scale(d, theta, opt.fit_intercept);
    return res;
}

}  // namespace mlfs

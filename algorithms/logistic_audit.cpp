// SPDX-License-Identifier: MIT
// (LG.17) the audit of an unpenalised two-class logistic fit (algorithms/logistic_audit.hpp,
// derivations/logistic_regression.md). Legend: N samples, D features, P = D + 1 parameters.
#include "algorithms/logistic_audit.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "linalg/cholesky.hpp"
#include "linalg/condition.hpp"
#include "linalg/format.hpp"

namespace mlfs {

double standard_normal_quantile(double q) {
    if (!(q > 0.0 && q < 1.0)) throw std::invalid_argument("standard_normal_quantile: q must be in (0, 1)");
    // Phi(x) = erfc(-x / sqrt 2) / 2, Phi'(x) = e^{-x^2/2} / sqrt(2 pi); Newton from 0 converges for
    // every q (Phi is increasing, concave above 0 and convex below); stop when the step is at rounding
    const double pi = std::acos(-1.0);
    double x = 0.0;
    for (int it = 0; it < 100; ++it) {
        double step = (0.5 * std::erfc(-x / std::sqrt(2.0)) - q) / (std::exp(-0.5 * x * x) / std::sqrt(2.0 * pi));
        x -= step;
        if (std::fabs(step) <= 1e-16 * std::max(1.0, std::fabs(x))) break;
    }
    return x;
}

LogitAudit audit_logit(const Matrix& X, const Vector& y, const LogisticFit& fit, const LogisticOptions& opt) {
    const std::size_t N = X.rows(), D = X.cols(), P = D + 1;
    if (opt.penalised || fit.model.n_classes() != 2 || fit.hessian.rows() != P)
        throw std::invalid_argument("audit_logit: the audit needs an unpenalised two-class Newton fit "
                                    "(statsmodels' Logit has no penalty and one model row)");
    LogitAudit a;
    a.names.push_back("intercept");
    for (std::size_t j = 0; j < D; ++j) a.names.push_back(opt.feature_names.empty() ? "x" + std::to_string(j + 1)
                                                                                    : opt.feature_names[j]);
    a.params.push_back(fit.model.intercept_[0]);
    for (std::size_t j = 0; j < D; ++j) a.params.push_back(fit.model.coef_(0, j));

    Cholesky chol(fit.hessian);
    if (!chol.ok())
        throw NumericalError("audit_logit: the Hessian at the optimum is not positive definite (" + chol.error() +
                                 ")",
                             chol.failed_pivot(), chol.failed_value());
    a.cov = chol.inverse();  // cov = H^-1
    const double q = standard_normal_quantile(0.975);
    a.conf_int = Matrix(P, 2);
    for (std::size_t j = 0; j < P; ++j) {
        double se = std::sqrt(a.cov(j, j));
        a.std_err.push_back(se);
        a.z.push_back(a.params[j] / se);
        a.p_value.push_back(std::erfc(std::fabs(a.params[j] / se) / std::sqrt(2.0)));  // 2 P(Z > |z|)
        a.conf_int(j, 0) = a.params[j] - q * se;
        a.conf_int(j, 1) = a.params[j] + q * se;
    }
    a.llf = -fit.loss_curve.back();  // f = -log-likelihood without the penalty
    double n1 = 0.0;
    for (double v : y) n1 += (v == fit.model.classes_[1]) ? 1.0 : 0.0;
    const double ybar = n1 / double(N);
    a.llnull = double(N) * (ybar * std::log(ybar) + (1.0 - ybar) * std::log1p(-ybar));
    a.pseudo_r2 = 1.0 - a.llf / a.llnull;
    a.cond = spd_condition_number(fit.hessian).cond;
    if (a.cond > 1e8)
        a.warning = "cond(H) = " + format_number(a.cond) + " > 1e8: the standard errors lose about log10(cond) digits; some features are nearly collinear";
    return a;
}

}  // namespace mlfs

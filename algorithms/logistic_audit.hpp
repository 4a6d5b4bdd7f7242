// SPDX-License-Identifier: MIT
// The audit of an unpenalised two-class logistic fit, as statsmodels' Logit(y, add_constant(X))
// summary reports it (derivations/logistic_regression.md, (LG.17)). Legend: N samples, D features,
// P = D + 1 parameters ordered intercept first, as statsmodels orders them.
//
//   cov = H^-1 at the optimum, H = X~^T diag(p (1 - p)) X~ (the negative log-likelihood's Hessian)
//   se_j = sqrt(cov_jj),  z_j = theta_j / se_j,  p_j = P(|Z| >= |z_j|) = erfc(|z_j| / sqrt 2)
//   95% interval theta_j -+ Phi^-1(0.975) se_j
//   llf = -f(theta), llnull = N [ybar log ybar + (1 - ybar) log(1 - ybar)] (the intercept-only fit)
//   McFadden's pseudo-R^2 = 1 - llf / llnull;  cond(H) by (LA.20)
#pragma once

#include <string>
#include <vector>

#include "algorithms/logistic_regression.hpp"

namespace mlfs {

struct LogitAudit {
    std::vector<std::string> names;  // "intercept", then the feature names
    Vector params, std_err, z, p_value;
    Matrix conf_int;  // P x 2: lower, upper (95%)
    Matrix cov;       // P x P
    double llf = 0.0, llnull = 0.0, pseudo_r2 = 0.0;
    double cond = 0.0;    // condition number of H
    std::string warning;  // non-empty when cond > 1e8: what it costs
};

// fit: a converged unpenalised two-class Newton fit of (X, y) (it carries H at the optimum).
// Throws std::invalid_argument when the fit is penalised, multinomial or not a Newton fit.
LogitAudit audit_logit(const Matrix& X, const Vector& y, const LogisticFit& fit, const LogisticOptions& opt);

double standard_normal_quantile(double q);  // Phi^-1(q), 0 < q < 1, by Newton's method on erfc

}  // namespace mlfs

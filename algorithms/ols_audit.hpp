// SPDX-License-Identifier: MIT
// The audit of an ordinary-least-squares fit: what statsmodels' OLS summary reports
// (derivations/linear_regression.md, the sampling distribution of w). Legend: N samples,
// D features, p = D + 1 parameters with an intercept (p = D without), nu = N - p residual degrees
// of freedom; parameters are ordered intercept first, as statsmodels orders them.
//
//   (LR.16) sigma^2 = RSS / nu
//   (LR.17) Cov(w) = sigma^2 (Xc^T Xc)^-1 (by Gauss-Jordan, or R^-1 R^-T from QR), Var(b) = sigma^2 (1/N + xbar^T (Xc^T Xc)^-1 xbar)
//   (LR.18) t_j = theta_j / se_j, p_j = P(|T_nu| >= |t_j|)
//   (LR.19) 95% interval theta_j -+ t_{0.975, nu} se_j
//   (LR.20) R^2 and adjusted R^2;  (LR.21) F statistic and its p-value
//   (LR.22) cond(Xc^T Xc) by (LA.20), with a warning above 1e8
// Without an intercept, R^2 and F are uncentred (about 0, not about the mean), as statsmodels does.
#pragma once

#include <string>
#include <vector>

#include "algorithms/linear_regression.hpp"

namespace mlfs {

struct OlsAudit {
    std::vector<std::string> names;  // "intercept", then the feature names
    Vector params, std_err, t, p_value;
    Matrix conf_int;  // p x 2: lower, upper (95%)
    double rss = 0.0, sigma2 = 0.0, residual_std_error = 0.0;
    double r2 = 0.0, r2_adj = 0.0, f_statistic = 0.0, f_p_value = 0.0;
    double df_model = 0.0, df_resid = 0.0;
    double cond = 0.0;            // condition number of Xc^T Xc (X^T X without an intercept)
    std::string warning;          // non-empty when cond > 1e8: what it costs and what to do
    std::string covariance_from;  // where (Xc^T Xc)^-1 came from, in words (see CovarianceFrom)
};

// Where (Xc^T Xc)^-1 comes from: Gauss-Jordan on Xc^T Xc itself (cond(Xc)^2 decides its accuracy),
// or R^-1 R^-T from the QR factor Xc = Q R, with R^-1 by Gauss-Jordan (cond(Xc) decides it).
// The audit of a FactoredFit (below) uses the fit's own R the same way: R^T R = Xc^T Xc holds for
// both factors, so (Xc^T Xc)^-1 = R^-1 R^-T either way; the two differ only in rounding, which the
// QR factor keeps at cond(Xc) eps and the Cholesky factor at cond(Xc)^2 eps (LA.17).
enum class CovarianceFrom { normal_equations, qr };

// Audits `model` (fitted to X, y by any solver). Needs N > p; throws NumericalError (naming the
// pivot) when the matrix to invert is singular to working precision, and when y is constant (R^2
// and F undefined). An exact fit (RSS = 0) gives se = 0, t = +-inf, p = 0 and F = +inf.
OlsAudit audit_ols(const Matrix& X, const Vector& y, const LinearModel& model, bool fit_intercept,
                   const std::vector<std::string>& feature_names = {},
                   CovarianceFrom covariance = CovarianceFrom::normal_equations);

// Audits a least-squares fit with the factor the fit already made (one factorisation per fit): no
// second pass of QR or Gauss-Jordan over the data. Needs fit.alpha = 0 (the t and F laws hold for
// ordinary least squares only); otherwise as above.
OlsAudit audit_ols(const Matrix& X, const Vector& y, const FactoredFit& fit,
                   const std::vector<std::string>& feature_names = {});

constexpr double kConditionWarning = 1e8;  // cond(Xc^T Xc) above this loses 8 of 16 digits

}  // namespace mlfs

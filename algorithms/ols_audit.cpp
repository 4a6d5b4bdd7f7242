// SPDX-License-Identifier: MIT
// Standard errors, t tests, confidence intervals, R^2, F test and conditioning of an OLS fit.
#include "algorithms/ols_audit.hpp"

#include <cmath>

#include "algorithms/distributions.hpp"
#include "linalg/condition.hpp"
#include "linalg/gauss_jordan.hpp"
#include "linalg/matmul.hpp"
#include "linalg/qr.hpp"

namespace mlfs {

namespace {

std::string condition_warning(double cond) {
    if (!(cond > kConditionWarning)) return "";
    const int digits = static_cast<int>(std::floor(std::log10(cond)));
    return "cond(X^T X) = " + format_number(cond) + " > 1e8: the normal equations lose about " +
           std::to_string(digits) +
           " of the 16 significant digits (LR.22); prefer the QR solver, and rescale "
           "or centre features of very different sizes";
}

}  // namespace

namespace {

// The parts of the audit that need no (Xc^T Xc)^-1: names, parameters, RSS, TSS, sigma^2.
OlsAudit start_audit(const Matrix& X, const Vector& y, const LinearModel& model, bool fit_intercept,
                     const std::vector<std::string>& feature_names) {
    require_regression_data("audit_ols", X, y);
    const std::size_t N = X.rows(), D = X.cols(), p = D + (fit_intercept ? 1 : 0);
    if (N <= p)
        throw ShapeError("audit_ols: " + std::to_string(N) + " samples leave no residual degrees of freedom for " +
                         std::to_string(p) + " parameters (need N > p)");
    OlsAudit a;
    if (fit_intercept) a.names.push_back("intercept");
    for (std::size_t j = 0; j < D; ++j)
        a.names.push_back(j < feature_names.size() ? feature_names[j] : "x" + std::to_string(j));
    if (fit_intercept) a.params.push_back(model.intercept_);
    a.params.insert(a.params.end(), model.coef_.begin(), model.coef_.end());

    // residuals and the two sums of squares; TSS about the mean, or about 0 without an intercept
    const Vector r = subtract(y, predict(model, X));
    a.rss = dot(r, r);
    const double ybar = fit_intercept ? column_means(Matrix::column(y))[0] : 0.0;
    double tss = 0.0;
    for (double v : y) tss += (v - ybar) * (v - ybar);

    if (tss == 0.0)
        throw NumericalError(std::string("audit_ols: the target is ") + (fit_intercept ? "constant" : "all zero") +
                                 ", so R^2 and the F test are undefined",
                             0, 0.0);
    a.df_resid = static_cast<double>(N - p);
    a.df_model = static_cast<double>(D);
    a.sigma2 = a.rss / a.df_resid;  // (LR.16) sigma^2 = RSS / (N - p)
    a.residual_std_error = std::sqrt(a.sigma2);

    // (LR.20) R^2 = 1 - RSS/TSS, adjusted R^2 = 1 - (1 - R^2) (N - k) / (N - p) with k = 1 (or 0 uncentred)
    a.r2 = 1.0 - a.rss / tss;
    const double k0 = fit_intercept ? 1.0 : 0.0;
    a.r2_adj = 1.0 - (1.0 - a.r2) * (static_cast<double>(N) - k0) / a.df_resid;
    // (LR.21) F = ((TSS - RSS) / df_model) / (RSS / df_resid), p-value = P(F_{df_model, df_resid} > F)
    a.f_statistic = ((tss - a.rss) / a.df_model) / a.sigma2;  // +inf for an exact fit
    a.f_p_value = std::isinf(a.f_statistic) ? 0.0 : f_sf(a.f_statistic, a.df_model, a.df_resid);
    return a;
}

// (LR.17) (Xc^T Xc)^-1 = R^-1 R^-T from R^T R = Xc^T Xc, R^-1 by Gauss-Jordan (LA.13); (LR.22) the
// condition number by (LA.20) from the factor L = R^T
Matrix inverse_from_factor(const Matrix& R, double& cond) {
    cond = spd_condition_number_factored(transpose(R)).cond;
    const Matrix Rinv = gauss_jordan_inverse(R);
    return matmul(Rinv, transpose(Rinv));
}

// The rest, given Ginv = (Xc^T Xc)^-1: standard errors (LR.17), t and p (LR.18), intervals (LR.19).
void finish_audit(OlsAudit& a, const Matrix& Ginv, const Vector& xbar, std::size_t N, bool fit_intercept) {
    a.warning = condition_warning(a.cond);
    if (fit_intercept) {
        const double q = dot(xbar, matvec(Ginv, xbar));                                 // xbar^T (Xc^T Xc)^-1 xbar
        a.std_err.push_back(std::sqrt(a.sigma2 * (1.0 / static_cast<double>(N) + q)));  // (LR.17) se(b)
    }
    for (std::size_t j = 0; j < Ginv.rows(); ++j) a.std_err.push_back(std::sqrt(a.sigma2 * Ginv(j, j)));  // se(w_j)

    // (LR.18) t statistics and two-sided p-values; (LR.19) 95% confidence intervals
    const std::size_t p = a.params.size();
    const double t975 = student_t_quantile(0.975, a.df_resid);
    a.conf_int = Matrix(p, 2);
    for (std::size_t k = 0; k < p; ++k) {
        // an exact fit (RSS = 0) has se = 0: t = +-inf and p = 0, or t = 0 and p = 1 for a zero coefficient
        a.t.push_back(a.std_err[k] > 0.0 || a.params[k] != 0.0 ? a.params[k] / a.std_err[k] : 0.0);
        a.p_value.push_back(student_t_two_sided_p(a.t[k], a.df_resid));
        a.conf_int(k, 0) = a.params[k] - t975 * a.std_err[k];
        a.conf_int(k, 1) = a.params[k] + t975 * a.std_err[k];
    }
}

}  // namespace

OlsAudit audit_ols(const Matrix& X, const Vector& y, const LinearModel& model, bool fit_intercept,
                   const std::vector<std::string>& feature_names, CovarianceFrom covariance) {
    OlsAudit a = start_audit(X, y, model, fit_intercept, feature_names);
    const CentredProblem c = centre(X, y, fit_intercept);
    Matrix Ginv;
    if (covariance == CovarianceFrom::normal_equations) {
        // (LR.17) (Xc^T Xc)^-1 by Gauss-Jordan (LA.13); (LR.22) cond by (LA.20)
        const Matrix G = gram(c.Xc);
        a.cond = spd_condition_number(G).cond;
        Ginv = gauss_jordan_inverse(G);
        a.covariance_from = "Gauss-Jordan on X^T X";
    } else {
        Ginv = inverse_from_factor(HouseholderQR(c.Xc).R(), a.cond);  // Xc^T Xc = R^T R
        a.covariance_from = "R^-1 R^-T from a QR factor of X";
    }
    finish_audit(a, Ginv, c.xbar, X.rows(), fit_intercept);
    return a;
}

OlsAudit audit_ols(const Matrix& X, const Vector& y, const FactoredFit& fit,
                   const std::vector<std::string>& feature_names) {
    if (fit.alpha != 0.0)
        throw std::invalid_argument("audit_ols: the fit has a ridge penalty (alpha = " + format_number(fit.alpha) +
                                    "); the t and F distributions of the audit hold for ordinary least squares only");
    if (fit.R.rows() != X.cols() || fit.R.cols() != X.cols())
        throw ShapeError("audit_ols: X is " + X.shape() + " but the fit's factor R is " + fit.R.shape());
    OlsAudit a = start_audit(X, y, fit.model, fit.fit_intercept, feature_names);
    const Matrix Ginv = inverse_from_factor(fit.R, a.cond);  // (LR.17) from the fit's own R^T R = Xc^T Xc
    a.covariance_from = std::string("R^-1 R^-T from the fit's ") +
                        (std::string(fit.factor) == "qr" ? "QR" : "Cholesky") + " factor";
    const Vector xbar = fit.fit_intercept ? column_means(X) : Vector(X.cols(), 0.0);
    finish_audit(a, Ginv, xbar, X.rows(), fit.fit_intercept);
    return a;
}

}  // namespace mlfs

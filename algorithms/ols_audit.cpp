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

OlsAudit audit_ols(const Matrix& X, const Vector& y, const LinearModel& model, bool fit_intercept,
                   const std::vector<std::string>& feature_names, CovarianceFrom covariance) {
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

    // (LR.17) (Xc^T Xc)^-1 by Gauss-Jordan (LA.13); its diagonal scaled by sigma^2 gives Var(w_j)
    const CentredProblem c = centre(X, y, fit_intercept);
    Matrix Ginv;
    if (covariance == CovarianceFrom::normal_equations) {
        const Matrix G = gram(c.Xc);
        a.cond = spd_condition_number(G).cond;  // (LR.22) by (LA.20)
        Ginv = gauss_jordan_inverse(G);
    } else {
        const Matrix R = HouseholderQR(c.Xc).R();                   // Xc^T Xc = R^T R
        a.cond = spd_condition_number_factored(transpose(R)).cond;  // (LR.22) by (LA.20), from the factor
        const Matrix Rinv = gauss_jordan_inverse(R);                // (Xc^T Xc)^-1 = R^-1 R^-T
        Ginv = matmul(Rinv, transpose(Rinv));
    }
    a.warning = condition_warning(a.cond);
    if (fit_intercept) {
        const double q = dot(c.xbar, matvec(Ginv, c.xbar));                             // xbar^T (Xc^T Xc)^-1 xbar
        a.std_err.push_back(std::sqrt(a.sigma2 * (1.0 / static_cast<double>(N) + q)));  // (LR.17) se(b)
    }
    for (std::size_t j = 0; j < D; ++j) a.std_err.push_back(std::sqrt(a.sigma2 * Ginv(j, j)));  // (LR.17) se(w_j)

    // (LR.18) t statistics and two-sided p-values; (LR.19) 95% confidence intervals
    const double t975 = student_t_quantile(0.975, a.df_resid);
    a.conf_int = Matrix(p, 2);
    for (std::size_t k = 0; k < p; ++k) {
        // an exact fit (RSS = 0) has se = 0: t = +-inf and p = 0, or t = 0 and p = 1 for a zero coefficient
        a.t.push_back(a.std_err[k] > 0.0 || a.params[k] != 0.0 ? a.params[k] / a.std_err[k] : 0.0);
        a.p_value.push_back(student_t_two_sided_p(a.t[k], a.df_resid));
        a.conf_int(k, 0) = a.params[k] - t975 * a.std_err[k];
        a.conf_int(k, 1) = a.params[k] + t975 * a.std_err[k];
    }

    // (LR.20) R^2 = 1 - RSS/TSS, adjusted R^2 = 1 - (1 - R^2) (N - k) / (N - p) with k = 1 (or 0 uncentred)
    a.r2 = 1.0 - a.rss / tss;
    const double k0 = fit_intercept ? 1.0 : 0.0;
    a.r2_adj = 1.0 - (1.0 - a.r2) * (static_cast<double>(N) - k0) / a.df_resid;
    // (LR.21) F = ((TSS - RSS) / df_model) / (RSS / df_resid), p-value = P(F_{df_model, df_resid} > F)
    a.f_statistic = ((tss - a.rss) / a.df_model) / a.sigma2;  // +inf for an exact fit
    a.f_p_value = std::isinf(a.f_statistic) ? 0.0 : f_sf(a.f_statistic, a.df_model, a.df_resid);
    return a;
}

}  // namespace mlfs

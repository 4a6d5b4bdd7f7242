// SPDX-License-Identifier: MIT
// `mlfs linreg` / `mlfs tour`, linear regression: raw diabetes (442 x 10, the golden file's
// diabetes_raw.X and .y) fitted three ways and audited, each number beside scikit-learn's or
// statsmodels' (tests/golden/linreg.txt), then the NIST StRD table and three plots.
#include "studies/linear_regression.hpp"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "algorithms/linear_regression.hpp"
#include "io/golden.hpp"

namespace mlfs {

namespace {

// the feature columns of datasets/diabetes.csv, in the order of diabetes_raw.X
const std::vector<std::string> kFeatures = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"};

// |ours - ref| / |ref|, or |ours - ref| where ref = 0
double rel_diff(double ours, double ref) {
    const double d = std::fabs(ours - ref);
    return ref == 0.0 ? d : d / std::fabs(ref);
}

// The worst entry of rel_diff(ours_k, ref_k) as a summary row: ours and reference at that entry.
SummaryRow max_rel_row(const std::string& quantity, const Vector& ours, const Vector& ref, double tol) {
    SummaryRow row{quantity, 0.0, 0.0, 0.0, tol, true};
    for (std::size_t k = 0; k < ref.size(); ++k) {
        const double d = rel_diff(ours[k], ref[k]);
        if (k == 0 || !(d <= row.difference)) row.ours = ours[k], row.reference = ref[k], row.difference = d;
    }
    return row;
}

Vector coef_then_intercept(const LinearModel& m) {  // the order the tables print: w_0 .. w_{D-1}, b
    Vector v = m.coef_;
    v.push_back(m.intercept_);
    return v;
}

// Prints ours beside scikit-learn's coef_ and intercept_ (golden entry `key`), one row each, and
// returns the worst relative difference as a summary row.
SummaryRow compare_with_sklearn(const std::string& title, const LinearModel& m, const mlfs::Golden& g,
                                const std::string& key, const std::string& quantity, double tol) {
    Vector ref = g.vector(key + ".coef");
    ref.push_back(g.scalar(key + ".intercept"));
    const Vector ours = coef_then_intercept(m);
    std::printf("%s\n  sklearn: %s\n", title.c_str(), g.call(key + ".coef").c_str());
    std::printf("%-10s %24s %24s %10s %10s\n", "", "ours", "sklearn", "|diff|", "rel diff");
    for (std::size_t k = 0; k < ref.size(); ++k)
        std::printf("%-10s %24.17g %24.17g %10.2e %10.2e\n", k < kFeatures.size() ? kFeatures[k].c_str() : "intercept_",
                    ours[k], ref[k], std::fabs(ours[k] - ref[k]), rel_diff(ours[k], ref[k]));
    const SummaryRow row = max_rel_row(quantity, ours, ref, tol);
    std::printf("max relative difference %.2e (tolerance %.0e)\n\n", row.difference, tol);
    return row;
}

// Cholesky, QR and gradient descent for OLS; Cholesky and QR for ridge alpha = 1.
void solvers_section(const mlfs::Golden& g, const Matrix& X, const Vector& y, const GradientDescentResult& gd,
                     Summary& summary) {
    std::printf("-- OLS and ridge: each solver beside scikit-learn 1.2.1 --\n\n");
    LeastSquaresOptions named;
    named.feature_names = kFeatures;
    // 1e-10: sklearn solves by SVD (gelsd), we by Cholesky or QR; the two agree to 4.6e-13, so
    // 1e-10 keeps a 200x margin and still catches any wrong formula (tests/test_linear_regression.cpp)
    summary.push_back(compare_with_sklearn("OLS by Cholesky on the normal equations (LR.4)", fit_cholesky(X, y, named),
                                           g, "diabetes_raw.ols", "OLS by Cholesky: coef_, b, rel", 1e-10));
    summary.push_back(compare_with_sklearn("OLS by Householder QR with refinement (LR.6, LR.7)", fit_qr(X, y, named), g,
                                           "diabetes_raw.ols", "OLS by QR: coef_, b, rel", 1e-10));
    // 1e-8: the gradient is stopped at 1e-12 of its start; times kappa = 470 that is ~5e-10
    // (tests/test_gradient_descent.cpp)
    summary.push_back(compare_with_sklearn("OLS by gradient descent on z-scored features (LR.11, LR.14)", gd.model, g,
                                           "diabetes_raw.ols", "OLS by GD: coef_, b, rel", 1e-8));
    LeastSquaresOptions ridge = named;
    ridge.alpha = 1.0;
    summary.push_back(compare_with_sklearn("Ridge alpha = 1 by Cholesky on Xc^T Xc + alpha I (LR.4, LR.5)",
                                           fit_cholesky(X, y, ridge), g, "diabetes_raw.ridge_a1",
                                           "ridge (Cholesky): coef_, b, rel", 1e-10));
    // printed for comparison; the summary carries ridge by Cholesky only
    compare_with_sklearn("Ridge alpha = 1 by QR of [Xc; sqrt(alpha) I] (LR.6)", fit_qr(X, y, ridge), g,
                         "diabetes_raw.ridge_a1", "", 1e-10);
}

// The audit of the QR fit beside statsmodels OLS: the max relative difference per column.
OlsAudit audit_section(const mlfs::Golden& g, const Matrix& X, const Vector& y, Summary& summary) {
    std::printf("-- The OLS audit (LR.16-LR.22) beside statsmodels 0.13.5 --\n\n");
    const OlsAudit a = audit_ols(X, y, fit_qr(X, y), true, kFeatures);
    print_audit(a);
    const std::string sm = "diabetes_raw.sm.";
    const Matrix ci = g.matrix(sm + "conf_int");
    const SummaryRow se = max_rel_row("audit: std errors (bse), rel", a.std_err, g.vector(sm + "bse"), 1e-8);
    const SummaryRow p = max_rel_row("audit: p-values, rel", a.p_value, g.vector(sm + "pvalues"), 1e-8);
    std::printf("\nmax relative difference vs statsmodels (%s):\n", g.call(sm + "params").c_str());
    std::printf("  coef %.1e   std err %.1e   t %.1e   P>|t| %.1e   [0.025 %.1e   0.975] %.1e\n",
                max_rel_row("", a.params, g.vector(sm + "params"), 0).difference, se.difference,
                max_rel_row("", a.t, g.vector(sm + "tvalues"), 0).difference, p.difference,
                max_rel_row("", a.conf_int.col(0), ci.col(0), 0).difference,
                max_rel_row("", a.conf_int.col(1), ci.col(1), 0).difference);
    std::printf("  R^2 %.1e   adjusted R^2 %.1e   F %.1e   F p-value %.1e   sigma^2 %.1e\n\n",
                rel_diff(a.r2, g.scalar(sm + "rsquared")), rel_diff(a.r2_adj, g.scalar(sm + "rsquared_adj")),
                rel_diff(a.f_statistic, g.scalar(sm + "fvalue")), rel_diff(a.f_p_value, g.scalar(sm + "f_pvalue")),
                rel_diff(a.sigma2, g.scalar(sm + "scale")));
    // 1e-8: statsmodels inverts by pinv, we by Gauss-Jordan; both are within cond(Xc^T Xc) eps ~ 2e-11
    // of the truth (tests/test_ols_audit.cpp)
    for (const SummaryRow* row : {&se, &p}) {
        summary.push_back(*row);
        summary.back().source = "statsmodels";
    }
    summary.push_back(SummaryRow{"audit: R^2, rel", a.r2, g.scalar(sm + "rsquared"),
                                 rel_diff(a.r2, g.scalar(sm + "rsquared")), 1e-8, true, "statsmodels"});
    return a;
}

}  // namespace

void run_linreg_study(const std::string& out_dir, Summary& summary) {
    std::printf("== Linear regression (derivations/linear_regression.md) ==\n\n");
    const mlfs::Golden g("linreg.txt");
    const Matrix X = g.matrix("diabetes_raw.X");  // 442 x 10, raw units
    const Vector y = g.vector("diabetes_raw.y");
    std::string names;
    for (const std::string& n : kFeatures) names += (names.empty() ? "" : ", ") + n;
    std::printf("Data: diabetes in raw units (%s),\n%zu samples x %zu features (%s);\ntarget y = disease "
                "progression one year after baseline.\n\n",
                g.call("diabetes_raw.X").c_str(), X.rows(), X.cols(), names.c_str());

    GradientDescentOptions gd_opt;
    gd_opt.standardize = true;  // raw columns run from ~1 (sex) to ~300 (s1); z-scored, kappa is 470 (LR.14)
    const GradientDescentResult gd = fit_gradient_descent(X, y, gd_opt);

    solvers_section(g, X, y, gd, summary);
    const OlsAudit a = audit_section(g, X, y, summary);

    std::printf("-- Gradient descent on z-scored features: convergence --\n\n");
    print_gd_summary(gd);
    const double J_min = a.rss / (2.0 * static_cast<double>(X.rows()));  // (LR.9) at the OLS solution
    std::printf("J_min (the OLS loss RSS / 2N) %.17g; J - J_min at the end %.2e\n\n", J_min,
                gd.loss_curve_.back() - J_min);

    run_nist_table(summary);

    write_gd_loss_plot(out_dir, "linreg", "diabetes_raw", gd.loss_curve_, J_min);
    write_fit_plots(out_dir, "linreg", "diabetes_raw OLS", y, predict(fit_qr(X, y), X));
    std::printf("wrote %s/linreg_gd_loss.svg, linreg_predicted_vs_actual.svg, linreg_residuals.svg\n", out_dir.c_str());
}

}  // namespace mlfs

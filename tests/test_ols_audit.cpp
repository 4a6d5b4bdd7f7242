// SPDX-License-Identifier: MIT
// The OLS audit (LR.16-LR.22) against statsmodels 0.13.5 OLS: standard errors, t, p-values,
// confidence intervals, R^2, adjusted R^2, F and its p-value; with and without an intercept.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "algorithms/ols_audit.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"
#include "tests/linreg_fixtures.hpp"

using namespace mlfs;
using mlfs_test::first_rows;
using mlfs_test::kLinregProblems;
using mlfs_test::linreg_problem;
using mlfs_test::without_intercept;

// statsmodels takes the pinv (SVD) of [1 X] (cond 7.2e3 on raw diabetes), we invert Xc^T Xc by
// Gauss-Jordan (cond 7.6e4): both within ~cond eps ~ 2e-11 of the truth; 1e-8 is the bar.
static const double kRtol = 1e-8;

static void check_against_statsmodels(const std::string& key, const OlsAudit& a, const mlfs::Golden& g) {
    CHECK_ALL_NEAR(a.params, g.vector(key + ".params"), kRtol, 0.0, "1e-8 relative: the fits agree to ~1e-12");
    CHECK_ALL_NEAR(a.std_err, g.vector(key + ".bse"), kRtol, 0.0, "1e-8 relative: (LR.17), cond(X^T X) eps ~ 2e-11");
    CHECK_ALL_NEAR(a.t, g.vector(key + ".tvalues"), kRtol, 0.0, "1e-8 relative: (LR.18), ratio of the two above");
    // p-values: relative 1e-8 too; the smallest (1e-30 and below) need the direct I_x form of (LR.32)
    CHECK_ALL_NEAR(a.p_value, g.vector(key + ".pvalues"), kRtol, 0.0,
                   "1e-8 relative: (LR.18), t's error times |d log p / d t|");
    CHECK_ALL_NEAR(a.conf_int, g.matrix(key + ".conf_int"), kRtol, 0.0, "1e-8 relative: (LR.19)");
    CHECK_REL(a.r2, g.scalar(key + ".rsquared"), kRtol, "1e-8 relative: (LR.20)");
    CHECK_REL(a.r2_adj, g.scalar(key + ".rsquared_adj"), kRtol, "1e-8 relative: (LR.20)");
    CHECK_REL(a.f_statistic, g.scalar(key + ".fvalue"), kRtol, "1e-8 relative: (LR.21)");
    CHECK_REL(a.f_p_value, g.scalar(key + ".f_pvalue"), kRtol, "1e-8 relative: (LR.21)");
    CHECK_REL(a.rss, g.scalar(key + ".ssr"), kRtol, "1e-8 relative");
    CHECK_REL(a.sigma2, g.scalar(key + ".scale"), kRtol, "1e-8 relative: (LR.16)");
    CHECK_NEAR(a.df_resid, g.scalar(key + ".df_resid"), 0.0, "an integer count: exact");
}

TEST_CASE(matches_statsmodels_with_intercept) {
    mlfs::Golden g("linreg.txt");
    for (std::string c : kLinregProblems) {
        const auto [X, y] = linreg_problem(g, c);
        const LinearModel m = fit_qr(X, y);
        check_against_statsmodels(c + ".sm", audit_ols(X, y, m, true), g);
        check_against_statsmodels(c + ".sm", audit_ols(X, y, m, true, {}, CovarianceFrom::qr), g);
        check_against_statsmodels(c + ".sm", audit_ols(X, y, fit_cholesky(X, y), true), g);
    }
}

TEST_CASE(audit_of_the_fits_own_factor_matches_statsmodels) {
    // one factorisation per fit: the audit reuses R (QR) or L^T (Cholesky) of the fit itself
    mlfs::Golden g("linreg.txt");
    for (std::string c : kLinregProblems) {
        const auto [X, y] = linreg_problem(g, c);
        const OlsAudit from_qr = audit_ols(X, y, fit_qr_factored(X, y));
        const OlsAudit from_cholesky = audit_ols(X, y, fit_cholesky_factored(X, y));
        check_against_statsmodels(c + ".sm", from_qr, g);
        check_against_statsmodels(c + ".sm", from_cholesky, g);
        CHECK(from_qr.covariance_from == "R^-1 R^-T from the fit's QR factor");
        CHECK(from_cholesky.covariance_from == "R^-1 R^-T from the fit's Cholesky factor");
    }
    const auto [X, y] = linreg_problem(g, "diabetes_raw");
    check_against_statsmodels("diabetes_raw.sm_noint", audit_ols(X, y, fit_qr_factored(X, y, without_intercept())), g);
    LeastSquaresOptions ridge;
    ridge.alpha = 1.0;
    CHECK_THROWS(audit_ols(X, y, fit_qr_factored(X, y, ridge)), std::invalid_argument, "ridge penalty (alpha = 1)");
}

TEST_CASE(cholesky_audit_equals_qr_audit_to_cond_eps) {
    // derivations/linear_regression.md, "One factorisation per fit": both factors satisfy
    // R^T R = Xc^T Xc, so both give (Xc^T Xc)^-1 = R^-1 R^-T; Cholesky's R carries a relative error
    // of about cond(Xc^T Xc) eps, QR's about cond(Xc) eps, and inverting either R and forming
    // R^-1 R^-T adds about D eps whatever the conditioning; so the two standard errors may differ by
    // up to about D (cond(Xc^T Xc) + D) eps, relative. Measured: diabetes 6.3e-14 (bound 1.1e-12),
    // raw diabetes 4.2e-14 (1.7e-10), regression 1.9e-15 (2.6e-14).
    mlfs::Golden g("linreg.txt");
    const double eps = std::numeric_limits<double>::epsilon();
    for (std::string c : kLinregProblems) {
        const auto [X, y] = linreg_problem(g, c);
        const OlsAudit q = audit_ols(X, y, fit_qr_factored(X, y));
        const OlsAudit ch = audit_ols(X, y, fit_cholesky_factored(X, y));
        const double D = static_cast<double>(X.cols());
        const double tol = D * (q.cond + D) * eps;
        CHECK_ALL_NEAR(ch.std_err, q.std_err, tol, 0.0,
                       ("D (cond(Xc^T Xc) + D) eps: Cholesky's R vs QR's R (" + c + ")").c_str());
        // t = theta / se also carries the two fits' coefficients, whose error is relative to ||theta||
        // rather than to each entry: the bound is absolute, that tolerance times max|t|
        double max_t = 0.0;
        for (double t : q.t) max_t = std::max(max_t, std::fabs(t));
        CHECK_ALL_NEAR(ch.t, q.t, 0.0, tol * max_t, ("D (cond(Xc^T Xc) + D) eps max|t| (" + c + ")").c_str());
        CHECK_REL(ch.cond, q.cond, tol, ("D (cond(Xc^T Xc) + D) eps: the same matrix (" + c + ")").c_str());
    }
}

TEST_CASE(matches_statsmodels_without_intercept) {
    mlfs::Golden g("linreg.txt");
    const auto [X, y] = linreg_problem(g, "diabetes_raw");
    const OlsAudit a = audit_ols(X, y, fit_qr(X, y, without_intercept()), false);
    CHECK(a.names.size() == 10 && a.names[0] == "x0");         // no "intercept" row
    check_against_statsmodels("diabetes_raw.sm_noint", a, g);  // uncentred R^2 and F, as statsmodels
}

TEST_CASE(condition_number_and_warning) {
    mlfs::Golden g("linreg.txt");
    for (std::string c : kLinregProblems) {
        const auto [X, y] = linreg_problem(g, c);
        const OlsAudit a = audit_ols(X, y, fit_qr(X, y), true);
        const double cond = g.scalar(c + ".cond_gram");
        CHECK_REL(a.cond, cond, 32.0 * 10 * 2.2e-16 * cond,
                  "2 * 16 n eps cond (n = 10): lambda_min's error, as tests/test_condition.cpp");
        CHECK(a.warning.empty());  // all three are below 1e8
    }
    // a nearly collinear pair: cond far above 1e8, and the warning says what it costs
    Matrix X = g.matrix("diabetes.X");
    const Vector y = g.vector("diabetes.y");
    for (std::size_t i = 0; i < X.rows(); ++i) X(i, 1) = X(i, 0) + 1e-7 * X(i, 1);
    const OlsAudit a = audit_ols(X, y, fit_qr(X, y), true);
    CHECK(a.cond > kConditionWarning);
    CHECK_MSG(a.warning.find("digits") != std::string::npos && a.warning.find("QR") != std::string::npos,
              "warning: " + a.warning);
}

TEST_CASE(exact_fit_and_constant_target) {
    mlfs::Golden g("linreg.txt");
    const Matrix X = g.matrix("diabetes.X");
    const Vector w = g.vector("diabetes.ols.coef");
    Vector y = matvec(X, w);  // y = X w + 3 exactly representable? not needed: refit and use the fit's y
    const LinearModel m = fit_qr(X, y);
    const Vector yhat = predict(m, X);  // a target that the model reproduces exactly: RSS = 0
    const OlsAudit a = audit_ols(X, yhat, m, true);
    CHECK(a.rss == 0.0 && a.std_err[1] == 0.0 && std::isinf(a.t[1]) && a.p_value[1] == 0.0 && a.f_p_value == 0.0);
    CHECK_THROWS(audit_ols(X, Vector(X.rows(), 5.0), fit_qr(X, Vector(X.rows(), 5.0)), true), NumericalError,
                 "the target is constant");
}

TEST_CASE(total_sum_of_squares_about_a_large_mean) {
    // TSS must be summed as squares of deviations (v - ybar)^2, not as v^2 - ybar^2 in the form
    // (v + ybar)(v - ybar): the two agree in exact arithmetic, but at ybar = 2^52 + 2 the sums
    // v + ybar round to even numbers (2^53 + 3 -> 2^53 + 4) and the second gives 8 instead of 10.
    // y = 2^52 + {0, 1, 3, 4}, x = {1, -1, -1, 1} is orthogonal to y - ybar = {-2, -1, 1, 2}: the
    // model b = ybar, w = 0 explains nothing, so RSS = TSS = 10 exactly and R^2 = F = 0 exactly.
    const double big = 4503599627370496.0;  // 2^52: every y and ybar is an exact double
    const Matrix X = Matrix::column({1.0, -1.0, -1.0, 1.0});
    const Vector y = {big, big + 1.0, big + 3.0, big + 4.0};
    LinearModel m;
    m.coef_ = {0.0};
    m.intercept_ = big + 2.0;
    const OlsAudit a = audit_ols(X, y, m, true);
    CHECK_NEAR(a.rss, 10.0, 0.0, "exact: the residuals {-2, -1, 1, 2} are small integers");
    CHECK_NEAR(a.r2, 0.0, 0.0, "exact: RSS = TSS = 10, both sums of small integer squares");
    CHECK_NEAR(a.f_statistic, 0.0, 0.0, "exact: TSS - RSS = 0");
}

TEST_CASE(exact_fit_with_a_zero_coefficient) {
    // an exact fit (RSS = 0) has every se = 0: a zero coefficient gets t = 0 and p = 1, not 0/0
    const Matrix X(4, 2, {0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0});  // rows (0,0) (1,0) (0,1) (1,1)
    const Vector y = {1.0, 4.0, 1.0, 4.0};                           // y = 1 + 3 x0 + 0 x1 exactly
    LinearModel m;
    m.coef_ = {3.0, 0.0};
    m.intercept_ = 1.0;
    const OlsAudit a = audit_ols(X, y, m, true);
    CHECK(a.rss == 0.0 && a.std_err[2] == 0.0);
    CHECK_NEAR(a.t[2], 0.0, 0.0, "exact: the convention for 0 / 0 in an exact fit");
    CHECK_NEAR(a.p_value[2], 1.0, 0.0, "exact: P(|T| >= 0) = 1");
    CHECK(std::isinf(a.t[1]) && a.p_value[1] == 0.0);  // the non-zero slope: t = +inf, p = 0
}

TEST_CASE(warning_starts_above_cond_1e8) {
    // kConditionWarning is a strict bound: cond(Xc^T Xc) = 1e8 exactly gives no warning. The centred
    // columns +-5000 and +-0.5 are orthogonal, so Xc^T Xc = diag(1e8, 1) and every path computes
    // cond = 1e8 exactly (power iteration on a diagonal matrix converges to its entries)
    const Matrix X(4, 2, {5000.0, 0.5, -5000.0, 0.5, 5000.0, -0.5, -5000.0, -0.5});
    const Vector y = {1.0, 2.0, 4.0, 3.0};
    LinearModel m;
    m.coef_ = {0.0, 0.0};
    m.intercept_ = 2.5;
    for (CovarianceFrom from : {CovarianceFrom::normal_equations, CovarianceFrom::qr}) {
        const OlsAudit a = audit_ols(X, y, m, true, {}, from);
        CHECK_NEAR(a.cond, 1e8, 0.0, "exact: the eigenvalues of diag(1e8, 1)");
        CHECK_MSG(a.warning.empty(), "warning at cond = 1e8: " + a.warning);
    }
}

TEST_CASE(bad_input) {
    mlfs::Golden g("linreg.txt");
    const auto [X11, y11] = first_rows(linreg_problem(g, "diabetes"), 11);  // 11 samples, 11 parameters
    CHECK_THROWS(audit_ols(X11, y11, fit_qr(X11, y11), true), ShapeError, "no residual degrees of freedom");
    // a factor R of the wrong shape is refused when either of its sizes is wrong, not only both
    const auto [X10, y10] = linreg_problem(g, "diabetes");
    FactoredFit wide = fit_qr_factored(X10, y10), tall = wide;
    wide.R = Matrix(X10.cols(), X10.cols() + 1);
    tall.R = Matrix(X10.cols() + 1, X10.cols());
    CHECK_THROWS(audit_ols(X10, y10, wide), ShapeError, "but the fit's factor R is");
    CHECK_THROWS(audit_ols(X10, y10, tall), ShapeError, "but the fit's factor R is");
}

TEST_MAIN()

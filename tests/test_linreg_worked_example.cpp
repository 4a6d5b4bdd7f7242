// SPDX-License-Identifier: MIT
// The worked example of derivations/linear_regression.md, section 11, number by number: five
// samples, two features. The inputs are typed below; every expected value is the exact fraction
// (or square root of one, or root of a cubic) derived by hand in that section, or a bound derived
// there, not a number copied from a program.
#include <algorithm>
#include <cmath>
#include <string>

#include "algorithms/distributions.hpp"
#include "algorithms/gradient_descent.hpp"
#include "algorithms/linear_regression.hpp"
#include "algorithms/ols_audit.hpp"
#include "linalg/cholesky.hpp"
#include "linalg/condition.hpp"
#include "linalg/matmul.hpp"
#include "linalg/qr.hpp"
#include "linalg/triangular.hpp"
#include "tests/check.hpp"

using namespace mlfs;

// The data of section 11: rows are samples (x0, x1), y the targets.
static Matrix example_X() { return Matrix(5, 2, {1, 0, 1, 2, 2, 5, 3, 3, 3, 5}); }
static Vector example_y() { return {2, 4, 10, 4, 10}; }

// Small integers, their sums, and quotients that come out as integers: every operation on the
// Cholesky route is exact in float64, so those checks use tolerance 0.
static const double kExact = 0.0;
// Routes with rounding in them (Householder reflections, Gauss-Jordan with 1/6 and 1/9, square
// roots) on a matrix with cond(G) = 11.4: a few eps relative; 1e-14 is ~45 eps.
static const double kRounded = 1e-14;

TEST_CASE(centring) {
    const CentredProblem c = centre(example_X(), example_y(), true);
    CHECK_ALL_NEAR(c.xbar, Vector({2, 3}), 0.0, kExact, "(LR.3) xbar = (10/5, 15/5): exact");
    CHECK_NEAR(c.ybar, 6.0, kExact, "(LR.3) ybar = 30/5: exact");
    CHECK_ALL_NEAR(c.Xc, Matrix(5, 2, {-1, -3, -1, -1, 0, 2, 1, 0, 1, 2}), 0.0, kExact, "(LR.3) Xc: integers, exact");
    CHECK_ALL_NEAR(c.yc, Vector({-4, -2, 4, -2, 4}), 0.0, kExact, "(LR.3) yc: integers, exact");
}

TEST_CASE(normal_equations_by_cholesky) {
    const CentredProblem c = centre(example_X(), example_y(), true);
    const Matrix G = gram(c.Xc);
    CHECK_ALL_NEAR(G, Matrix(2, 2, {4, 6, 6, 18}), 0.0, kExact, "(LR.4) Xc^T Xc: integers, exact");
    const Vector Xty = matvec_transposed(c.Xc, c.yc);
    CHECK_ALL_NEAR(Xty, Vector({8, 30}), 0.0, kExact, "(LR.4) Xc^T yc: integers, exact");
    const Cholesky chol(G);
    CHECK(chol.ok());
    CHECK_ALL_NEAR(chol.L(), Matrix(2, 2, {2, 0, 3, 3}), 0.0, kExact, "(LA.6), (LA.7): sqrt 4, 6/2, sqrt 9, exact");
    CHECK_ALL_NEAR(forward_substitution(chol.L(), Xty), Vector({4, 6}), 0.0, kExact, "(LA.4) z = (8/2, (30 - 12)/3)");
    CHECK_ALL_NEAR(chol.solve(Xty), Vector({-1, 2}), 0.0, kExact, "(LA.8) w = (-1, 2)");

    const LinearModel m = fit_cholesky(example_X(), example_y());
    CHECK_ALL_NEAR(m.coef_, Vector({-1, 2}), 0.0, kExact, "fit_cholesky: the same exact steps");
    CHECK_NEAR(m.intercept_, 2.0, kExact, "(LR.3) b = 6 - (2 * -1 + 3 * 2): exact");
}

TEST_CASE(qr_route) {
    const CentredProblem c = centre(example_X(), example_y(), true);
    const HouseholderQR qr(c.Xc);
    // R = L^T with its second row's sign flipped (sign convention of (LA.14)); R^T R = G either way
    CHECK_ALL_NEAR(qr.R(), Matrix(2, 2, {2, 3, 0, -3}), 0.0, kRounded,
                   "(LR.6) R from two reflections: a few eps * ||Xc||");
    const Vector qty = qr.apply_qt(c.yc);
    CHECK_NEAR(qty[0], 4.0, kRounded, "(LR.6) (Q^T yc)_0 = 4");
    CHECK_NEAR(qty[1], -6.0, kRounded, "(LR.6) (Q^T yc)_1 = -6");
    CHECK_NEAR(qty[2] * qty[2] + qty[3] * qty[3] + qty[4] * qty[4], 4.0, kRounded,
               "(LA.16) ||(Q^T yc)_{2:5}||^2 = RSS = 4");

    for (int steps : {0, 2}) {
        LeastSquaresOptions opt;
        opt.refine_steps = steps;  // plain QR, and the default refinement (LR.7)
        const LinearModel m = fit_qr(example_X(), example_y(), opt);
        CHECK_ALL_NEAR(m.coef_, Vector({-1, 2}), 0.0, kRounded, "fit_qr: w = (-1, 2) to a few eps");
        CHECK_NEAR(m.intercept_, 2.0, kRounded, "fit_qr: b = 2 to a few eps");
    }
}

TEST_CASE(residuals_and_r2) {
    const Matrix X = example_X();
    const Vector y = example_y();
    const Vector yhat = predict(fit_cholesky(X, y), X);
    CHECK_ALL_NEAR(yhat, Vector({1, 5, 10, 5, 9}), 0.0, kExact, "(LR.8) yhat = 2 - x0 + 2 x1: integers, exact");
    const Vector r = subtract(y, yhat);
    CHECK_ALL_NEAR(r, Vector({1, -1, 0, -1, 1}), 0.0, kExact, "residuals: exact");
    const CentredProblem c = centre(X, y, true);
    CHECK_ALL_NEAR(matvec_transposed(c.Xc, r), Vector({0, 0}), 0.0, kExact, "normal equations: Xc^T r = 0 exactly");
    CHECK_NEAR(r2_score(y, yhat), 13.0 / 14.0, kRounded, "(LR.8) R^2 = 1 - 4/56 = 13/14");
}

TEST_CASE(audit) {
    const Matrix X = example_X();
    const Vector y = example_y();
    // the audit of both fits, with (Xc^T Xc)^-1 by Gauss-Jordan and from the QR factor
    const OlsAudit audits[] = {audit_ols(X, y, fit_cholesky(X, y), true),
                               audit_ols(X, y, fit_qr(X, y), true, {}, CovarianceFrom::qr)};
    // t_{0.975, 2} = sqrt(722/39) (LR.33), and the nu = 2 closed form p = 1 - |t| / sqrt(2 + t^2) of (LR.32)
    const double t975 = std::sqrt(722.0 / 39.0);
    const Vector se = {std::sqrt(12.0 / 5.0), 1.0, std::sqrt(2.0) / 3.0};
    const Vector t = {std::sqrt(5.0 / 3.0), -1.0, 3.0 * std::sqrt(2.0)};
    const Vector p = {1.0 - std::sqrt(5.0 / 11.0), 1.0 - 1.0 / std::sqrt(3.0), 1.0 - 3.0 / std::sqrt(10.0)};
    const Vector theta = {2, -1, 2};
    Matrix ci(3, 2);
    for (std::size_t k = 0; k < 3; ++k) {
        ci(k, 0) = theta[k] - t975 * se[k];
        ci(k, 1) = theta[k] + t975 * se[k];
    }
    for (const OlsAudit& a : audits) {
        CHECK_ALL_NEAR(a.params, theta, 0.0, kRounded, "(b, w0, w1) = (2, -1, 2)");
        CHECK_NEAR(a.rss, 4.0, kRounded, "RSS = 4");
        CHECK_NEAR(a.df_resid, 2.0, kExact, "nu = N - p = 5 - 3: a count");
        CHECK_NEAR(a.sigma2, 2.0, kRounded, "(LR.16) sigma^2 = 4 / 2");
        CHECK_NEAR(a.residual_std_error, std::sqrt(2.0), kRounded, "(LR.16) sigma = sqrt 2");
        CHECK_ALL_NEAR(a.std_err, se, kRounded, 0.0, "(LR.17) se = (sqrt(12/5), 1, sqrt 2 / 3)");
        CHECK_ALL_NEAR(a.t, t, kRounded, 0.0, "(LR.18) t = (sqrt(5/3), -1, 3 sqrt 2)");
        // distributions.hpp promises ~1e-14 relative; the references cancel by up to 20x (1 - 0.949)
        CHECK_ALL_NEAR(a.p_value, p, 1e-13, 0.0, "(LR.18), (LR.32) p = 1 - |t| / sqrt(2 + t^2)");
        // ends are theta -+ t975 se with terms up to 6.7 that cancel to -0.028 for w1: absolute 1e-13 too
        CHECK_ALL_NEAR(a.conf_int, ci, 1e-13, 1e-13,
                       "(LR.19) theta -+ sqrt(722/39) se; the quantile by Newton (LR.33)");
        CHECK_NEAR(a.r2, 13.0 / 14.0, kRounded, "(LR.20) R^2 = 13/14");
        CHECK_NEAR(a.r2_adj, 6.0 / 7.0, kRounded, "(LR.20) adjusted R^2 = 1 - (1/14)(4/2) = 6/7");
        CHECK_NEAR(a.f_statistic, 13.0, kRounded, "(LR.21) F = (52/2) / (4/2) = 13");
        CHECK_REL(a.f_p_value, 1.0 / 14.0, 1e-13, "(LR.21), (LR.34) P(F_{2,2} > 13) = 1/(1 + 13); ~1e-14 promised");
        // power and inverse iteration stop at a relative change of 1e-14 and converge by a factor
        // (lambda_min / lambda_max)^2 = 0.0078 per step: ~1e-15 left; 1e-13 is tests/test_condition.cpp's margin
        CHECK_REL(a.cond, (103.0 + 11.0 * std::sqrt(85.0)) / 18.0, 1e-13, "(LR.22) (11 + sqrt 85) / (11 - sqrt 85)");
        CHECK(a.warning.empty());
    }
}

TEST_CASE(t_and_f_closed_forms_for_two_degrees_of_freedom) {
    // section 10: I_x(1, 1/2) = 1 - sqrt(1 - x) and I_x(1, 1) = x, so for nu = 2 everything has a closed form
    CHECK_REL(student_t_quantile(0.975, 2.0), std::sqrt(722.0 / 39.0), 1e-13,
              "(LR.33) t_{0.975,2} = sqrt(722/39); ~1e-14 promised");
    CHECK_REL(student_t_two_sided_p(3.0 * std::sqrt(2.0), 2.0), 1.0 - 3.0 / std::sqrt(10.0), 1e-13,
              "(LR.32) 1 - 3/sqrt(10): the reference cancels 20x");
    CHECK_REL(f_sf(13.0, 2.0, 2.0), 1.0 / 14.0, 1e-13, "(LR.34) 1/(1 + f)");
}

TEST_CASE(gradient_descent_on_the_example) {
    GradientDescentOptions opt;
    opt.standardize = true;
    const GradientDescentResult r = fit_gradient_descent(example_X(), example_y(), opt);
    // z-scored, the features have correlation 1/sqrt 2: eigenvalues 1 + 1/sqrt 2, 1, 1 - 1/sqrt 2
    CHECK_REL(r.L, 1.0 + 1.0 / std::sqrt(2.0), 1e-12,
              "(LR.12) L = 1 + 1/sqrt 2; power iteration stops at 1e-14 relative change");
    CHECK_REL(r.lr, 2.0 - std::sqrt(2.0), 1e-12, "(LR.12) lr = 1/L = 2 - sqrt 2");
    CHECK(r.converged);
    // the gradient is 6% above tol * ||grad J(0)|| after 136 updates and 12% below after 137: no rounding moves that
    CHECK(r.n_iter_ == 137);
    // (LR.15): ||theta - theta*|| <= kappa tol ||theta*|| = 5.83 * 1e-12 * 7.16 = 4.2e-11 in z units (theta* = (6, -2/sqrt 5, 12/sqrt 10));
    // (LR.14) divides w' by s_j >= 2/sqrt 5: <= 4.7e-11 on w; b = b' - sum w'_j xbar_j / s_j: <= sqrt(8.5) * 4.2e-11 = 1.2e-10
    CHECK_ALL_NEAR(r.model.coef_, Vector({-1, 2}), 0.0, 1e-10,
                   "(LR.14), (LR.15) bound 4.7e-11 on w (measured 1.7e-11)");
    CHECK_NEAR(r.model.intercept_, 2.0, 2e-10, "(LR.14), (LR.15) bound 1.2e-10 on b (measured 9.7e-12)");

    const GradientDescentDesign d = gradient_descent_design(example_X(), true, true);
    const ConditionEstimate c = spd_condition_number(scale(1.0 / 5.0, gram(d.A)));
    CHECK_REL(c.cond, 3.0 + 2.0 * std::sqrt(2.0), 1e-12,
              "kappa = (1 + rho)/(1 - rho) = 3 + 2 sqrt 2; eigenvalue iterations to 1e-14");
}

// The roots of lambda^3 + c2 lambda^2 + c1 lambda + c0 when all three are real (trigonometric form), ascending.
static Vector real_cubic_roots(double c2, double c1, double c0) {
    const double q = (c2 * c2 - 3.0 * c1) / 9.0, r = (2.0 * c2 * c2 * c2 - 9.0 * c2 * c1 + 27.0 * c0) / 54.0;
    const double phi = std::acos(r / std::sqrt(q * q * q)), pi = std::acos(-1.0);
    Vector roots(3);
    for (std::size_t k = 0; k < 3; ++k)
        roots[k] = -2.0 * std::sqrt(q) * std::cos((phi + 2.0 * pi * static_cast<double>(k)) / 3.0) - c2 / 3.0;
    std::sort(roots.begin(), roots.end());
    return roots;
}

TEST_CASE(gradient_descent_on_the_raw_example) {
    // section 11: A^T A = [[5, 10, 15], [10, 24, 36], [15, 36, 63]], characteristic polynomial
    // lambda^3 - 92 lambda^2 + 326 lambda - 180 (trace 92, principal minors 20 + 90 + 216, det = N det G = 180);
    // H = A^T A / 5, so kappa = largest root / smallest root = 129.4
    const Vector roots = real_cubic_roots(-92.0, 326.0, -180.0);
    // the formula subtracts ~30 to get the root 0.68: ~50 eps relative on it, so 1e-12 on the product and kappa
    CHECK_REL(roots[0] + roots[1] + roots[2], 92.0, 1e-14, "the roots sum to the trace, 92");
    CHECK_REL(roots[0] * roots[1] * roots[2], 180.0, 1e-12, "their product is the determinant, 180");
    const double kappa = roots[2] / roots[0];
    CHECK_REL(kappa, 129.4, 1e-3, "the 129.4 of section 11, to the digits printed there");
    const GradientDescentDesign d = gradient_descent_design(example_X(), /*standardize=*/false, /*fit_intercept=*/true);
    // power and inverse iteration stop at 1e-14 relative change, the smallest root carries ~50 eps: 1e-12
    CHECK_REL(spd_condition_number(scale(1.0 / 5.0, gram(d.A))).cond, kappa, 1e-12,
              "kappa of (1/N) A^T A = roots of the cubic");

    const GradientDescentResult r = fit_gradient_descent(example_X(), example_y());
    CHECK_REL(r.L, roots[2] / 5.0, 1e-12, "(LR.12) L = largest root / 5 = 17.67");
    CHECK(r.converged);
    // measured 2,985, but one update earlier the gradient is only 0.02% above the threshold, so a change in the
    // order of a sum could move the count: only section 8's bound kappa ln(1/tol) = 129.4 * 27.6 = 3,575 is checked
    CHECK_MSG(r.n_iter_ <= 3575,
              "raw GD: " + std::to_string(r.n_iter_) + " updates (measured 2,985) <= kappa ln 1e12 = 3,575");
    // (LR.15): ||theta - theta*|| <= kappa tol ||theta*|| = 129.4 * 1e-12 * ||(2, -1, 2)|| = 3.9e-10, each entry too
    CHECK_ALL_NEAR(r.model.coef_, Vector({-1, 2}), 0.0, 3.9e-10, "(LR.15) kappa tol ||theta*|| (measured 9.6e-11)");
    CHECK_NEAR(r.model.intercept_, 2.0, 3.9e-10, "(LR.15) kappa tol ||theta*|| (measured 1.8e-10)");
}

TEST_MAIN()

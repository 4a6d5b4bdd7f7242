// SPDX-License-Identifier: MIT
// Least squares and ridge (LR.1-LR.8), by Cholesky and by QR, against scikit-learn 1.2.1's
// LinearRegression and Ridge on diabetes (scaled and raw) and make_regression.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "algorithms/linear_regression.hpp"
#include "algorithms/magnitudes.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"
#include "tests/linreg_fixtures.hpp"

using namespace mlfs;
using mlfs_test::first_rows;
using mlfs_test::kLinregProblems;
using mlfs_test::linreg_problem;
using mlfs_test::without_intercept;

// sklearn solves by SVD (gelsd) or LAPACK posv, we by Cholesky or QR: a plain port agrees to
// 4.6e-13 (sklearn-semantics.md, section 1.1); 1e-10 leaves a 200x margin and still fails on any
// wrong formula (a missing centring changes the intercept at the 1e-2 level).
static const double kRtol = 1e-10;

static Vector with_intercept(const LinearModel& m) {
    Vector v{m.intercept_};
    v.insert(v.end(), m.coef_.begin(), m.coef_.end());
    return v;
}

static Vector reference(const mlfs::Golden& g, const std::string& key) {
    Vector v{g.scalar(key + ".intercept")};
    Vector c = g.vector(key + ".coef");
    v.insert(v.end(), c.begin(), c.end());
    return v;
}

TEST_CASE(ols_matches_sklearn_by_cholesky_and_qr) {
    mlfs::Golden g("linreg.txt");
    for (std::string c : kLinregProblems) {
        const auto [X, y] = linreg_problem(g, c);
        const Vector ref = reference(g, c + ".ols");
        CHECK_ALL_NEAR(with_intercept(fit_cholesky(X, y)), ref, kRtol, 0.0,
                       "1e-10 relative: 200x the measured 4.6e-13");
        CHECK_ALL_NEAR(with_intercept(fit_qr(X, y)), ref, kRtol, 0.0, "1e-10 relative: 200x the measured 4.6e-13");
        LeastSquaresOptions plain;
        plain.refine_steps = 0;
        CHECK_ALL_NEAR(with_intercept(fit_qr(X, y, plain)), ref, kRtol, 0.0, "QR without refinement (LR.6) too");
    }
}

TEST_CASE(ridge_matches_sklearn_for_every_alpha) {
    mlfs::Golden g("linreg.txt");
    const Vector alphas = g.vector("ridge.alphas");
    const char* tags[] = {"a0.001", "a0.1", "a1", "a10"};
    CHECK(alphas.size() == 4);
    for (std::string c : kLinregProblems) {
        const auto [X, y] = linreg_problem(g, c);
        for (std::size_t k = 0; k < alphas.size(); ++k) {
            LeastSquaresOptions opt;
            opt.alpha = alphas[k];
            const Vector ref = reference(g, c + ".ridge_" + tags[k]);
            CHECK_ALL_NEAR(with_intercept(fit_cholesky(X, y, opt)), ref, kRtol, 0.0,
                           "1e-10 relative: measured <= 4.6e-13");
            CHECK_ALL_NEAR(with_intercept(fit_qr(X, y, opt)), ref, kRtol, 0.0,
                           "1e-10 relative: [Xc; sqrt(alpha) I] (LR.6)");
        }
    }
}

TEST_CASE(no_intercept_matches_sklearn) {
    mlfs::Golden g("linreg.txt");
    const auto [X, y] = linreg_problem(g, "diabetes_raw");
    const LeastSquaresOptions opt = without_intercept();
    const Vector ref = g.vector("diabetes_raw.ols_noint.coef");
    LinearModel chol = fit_cholesky(X, y, opt), qr = fit_qr(X, y, opt);
    CHECK_ALL_NEAR(chol.coef_, ref, kRtol, 0.0, "1e-10 relative, as for the centred fits");
    CHECK_ALL_NEAR(qr.coef_, ref, kRtol, 0.0, "1e-10 relative, as for the centred fits");
    CHECK(chol.intercept_ == 0.0 && qr.intercept_ == 0.0);
}

// (LR.4), (LR.5) the normal equations alone (the normal-equations exercise), against numpy's
// Xc.T @ Xc + alpha I and Xc.T @ yc. Each entry is a sum of N products; summed in any order it is
// within N eps sum_i |a_i b_i| <= N eps ||a|| ||b|| of the exact sum (Cauchy-Schwarz), and numpy's
// BLAS order carries as much: hence 2 N eps ||x_j|| ||x_k||, bounded by the largest column norms.
TEST_CASE(normal_equations_match_numpy) {
    mlfs::Golden g("linreg.txt");
    const double eps = std::numeric_limits<double>::epsilon();
    double worst = 0.0;  // measured |ours - numpy| / tol
    for (std::string c : {"diabetes", "diabetes_raw"}) {
        const Matrix X = g.matrix(c + ".X");
        const Vector y = g.vector(c + ".y");
        const CentredProblem p = centre(X, y, true);
        const double N = static_cast<double>(X.rows());
        for (std::string a : {"a0", "a1"}) {
            const double alpha = a == "a0" ? 0.0 : 1.0;
            const NormalEquations ne = normal_equations(p.Xc, p.yc, alpha);
            const Matrix XtX = g.matrix("normal_eq." + c + "." + a + ".XtX");
            const Vector Xty = g.vector("normal_eq." + c + "." + a + ".Xty");
            double max_col2 = 0.0;  // max_j ||x_j||^2 = max_j (Xc^T Xc)_jj
            for (std::size_t j = 0; j < XtX.rows(); ++j) max_col2 = std::max(max_col2, XtX(j, j) - alpha);
            const double tol_XtX = 2.0 * N * eps * max_col2;
            const double tol_Xty = 2.0 * N * eps * std::sqrt(max_col2) * norm2(p.yc);
            CHECK_ALL_NEAR(ne.XtX, XtX, 0.0, tol_XtX,
                           "2 N eps max_j ||x_j||^2: N-term sums in two orders (LR.4), + alpha I (LR.5)");
            CHECK_ALL_NEAR(ne.Xty, Xty, 0.0, tol_Xty, "2 N eps max_j ||x_j|| ||yc||: N-term sums in two orders (LR.4)");
            if (ne.XtX.rows() == XtX.rows() && ne.XtX.cols() == XtX.cols() && ne.Xty.size() == Xty.size()) {
                worst = std::max(worst, max_abs(subtract(ne.XtX, XtX)) / tol_XtX);
                worst = std::max(worst, max_abs(subtract(ne.Xty, Xty)) / tol_Xty);
            }
        }
    }
    CHECK_THROWS(normal_equations(Matrix(3, 2), Vector(4), 0.0), ShapeError, "Xc is 3x2 but yc has length 4");
    std::printf("  measured: max |ours - numpy| is %.3g of the tolerance\n", worst);
}

TEST_CASE(predict_and_r2) {
    mlfs::Golden g("linreg.txt");
    for (std::string c : kLinregProblems) {
        const auto [X, y] = linreg_problem(g, c);
        CHECK_REL(r2_score(y, predict(fit_qr(X, y), X)), g.scalar(c + ".ols.r2"), 1e-12,
                  "R^2 of two solutions 1e-13 apart: agrees to ~1e-15; 1e-12 for the summation order");
    }
    CHECK_NEAR(r2_score({1, 2, 3}, {1, 2, 3}), 1.0, 0.0, "perfect prediction: exactly 1");
    CHECK_NEAR(r2_score({2, 2, 2}, {1, 2, 3}), 0.0, 0.0, "constant y: sklearn's convention, 0 unless perfect");
    // predictions that are not a least-squares fit (no orthogonality to lean on): RSS 20, TSS 5
    CHECK_NEAR(r2_score({1, 2, 3, 4}, {4, 3, 2, 1}), -3.0, 0.0,
               "1 - 20/5 = -3: worse than the mean; small integers, exact");
    // an offset of 1e8 changes nothing: TSS is summed about the mean, so its digits survive
    CHECK_NEAR(r2_score({1e8 + 1, 1e8 + 2, 1e8 + 4}, {1e8 + 1, 1e8 + 3, 1e8 + 4}), 11.0 / 14.0, 1e-14,
               "RSS 1, TSS 14/3: 1 - 3/14 = 11/14; a few roundings");
}

// Bad input: each is a clear error that names what is wrong, never a NaN result.
TEST_CASE(bad_input_is_named) {
    mlfs::Golden g("linreg.txt");
    Matrix X = g.matrix("diabetes.X");
    const Vector y = g.vector("diabetes.y");
    LeastSquaresOptions named;
    named.feature_names = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"};

    Matrix dup = X;  // column 5 := column 2: exactly collinear
    for (std::size_t i = 0; i < dup.rows(); ++i) dup(i, 5) = dup(i, 2);
    CHECK_THROWS(fit_cholesky(dup, y, named), NumericalError, "pivot 5 = ");
    CHECK_THROWS(fit_cholesky(dup, y, named), NumericalError,
                 "feature 5 (s2) is (nearly) a linear combination of feature 2 (bmi)");
    CHECK_THROWS(fit_qr(dup, y, named), NumericalError, "column 5 is (numerically) a combination");

    Matrix constant = X;  // column 3 constant: zero after centring
    for (std::size_t i = 0; i < constant.rows(); ++i) constant(i, 3) = 7.0;
    CHECK_THROWS(fit_cholesky(constant, y, named), NumericalError, "feature 3 (bp) is constant");
    CHECK_THROWS(fit_qr(constant, y, named), NumericalError, "feature 3 (bp) is constant");

    const auto [few, y5] = first_rows({X, y}, 5);  // 5 samples, 11 parameters
    CHECK_THROWS(fit_cholesky(few, y5), ShapeError, "5 samples cannot determine 11 parameters");
    CHECK_THROWS(fit_qr(few, y5), ShapeError, "5 samples cannot determine 11 parameters");

    // column 4 := 3 column 0 + column 2: the pivot comes out positive, 1.9e-15, rounding noise
    // (with 2 column 0 + column 2 it comes out -1.5e-14 and the plain Cholesky test catches it)
    Matrix combo = X;
    for (std::size_t i = 0; i < combo.rows(); ++i) combo(i, 4) = 3.0 * combo(i, 0) + combo(i, 2);
    CHECK_THROWS(fit_cholesky(combo, y, named), NumericalError,
                 "rounding noise; feature 4 (s1) is (nearly) a linear combination of feature 0 (age), feature 2 (bmi)");
    // the same for the last column, 9 := 5 + 6: pivot 9 comes out 1.1e-16, under (N + D) eps (X^T X)_99
    Matrix last = X;
    for (std::size_t i = 0; i < last.rows(); ++i) last(i, 9) = last(i, 5) + last(i, 6);
    CHECK_THROWS(fit_cholesky(last, y, named), NumericalError,
                 "rounding noise; feature 9 (s6) is (nearly) a linear combination of feature 5 (s2), feature 6 (s3)");

    Matrix huge = X;  // squares of 1e200 overflow: an error, never inf or NaN coefficients
    huge(0, 1) = 1e200;
    CHECK_THROWS(fit_qr(huge, y), std::invalid_argument,
                 "feature 1 has values up to 1e+200 in magnitude, so its sums of squares overflow");
    CHECK_THROWS(fit_cholesky(X, scale(1e-200, y)), std::invalid_argument, "the target y has values up to");

    Matrix nan = X;
    nan(7, 2) = std::nan("");
    CHECK_THROWS(fit_cholesky(nan, y), std::invalid_argument, "X has a NaN or infinite entry");
    CHECK_THROWS(fit_qr(X, Vector(3, 1.0)), ShapeError, "X is 442x10 but y has length 3");
    LeastSquaresOptions negative;
    negative.alpha = -1.0;
    CHECK_THROWS(fit_cholesky(X, y, negative), std::invalid_argument, "alpha = -1 must be >= 0");
}

// The range rule for data whose squares are summed (algorithms/magnitudes.hpp): count squares of
// values up to big are refused only when count big^2 > 1e300 or 0 < big^2 < 1e-300. Both bounds
// are strict (at 4 values, 1e150 / sqrt(4) is 5e149 exactly as doubles), and a column of zeros has
// no digits to lose.
TEST_CASE(squares_range_bounds_are_strict) {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(!squares_out_of_range(5e149, 4.0));  // 4 (5e149)^2 = 1e300: at the bound
    CHECK(squares_out_of_range(std::nextafter(5e149, inf), 4.0));
    CHECK(!squares_out_of_range(1e-150, 4.0));  // (1e-150)^2 = 1e-300: at the bound
    CHECK(squares_out_of_range(std::nextafter(1e-150, 0.0), 4.0));
    CHECK(!squares_out_of_range(0.0, 4.0));
    CHECK(!squares_out_of_range(1.0, 4.0));
}

TEST_MAIN()

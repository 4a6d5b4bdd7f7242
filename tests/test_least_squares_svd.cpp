// SPDX-License-Identifier: MIT
// Minimum-norm least squares by the SVD (algorithms/least_squares_svd.hpp, (LR.35)-(LR.38)) against
// scikit-learn 1.2.1's LinearRegression (scipy.linalg.lstsq, gelsd, cond = eps) on rank-deficient
// and wide designs, with and without an intercept (tests/golden/pca.txt, lstsq.*): coef_,
// intercept_, rank_ (exactly), singular_, and the dependent columns of (LR.38).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "algorithms/least_squares_svd.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const double kEps = 2.220446049250313e-16;

static const Golden& golden() {
    static const Golden g("pca.txt");
    return g;
}

static double largest(const Vector& v) {
    double m = 0.0;
    for (double x : v) m = std::max(m, std::fabs(x));
    return m;
}

// X without the columns in `drop`
static Matrix without_columns(const Matrix& X, const std::vector<std::size_t>& drop) {
    std::vector<std::size_t> keep;
    for (std::size_t j = 0; j < X.cols(); ++j)
        if (std::find(drop.begin(), drop.end(), j) == drop.end()) keep.push_back(j);
    Matrix K(X.rows(), keep.size());
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t k = 0; k < keep.size(); ++k) K(i, k) = X(i, keep[k]);
    return K;
}

static const char* const kCases[] = {"one", "wide", "dupcol", "stacked", "onehot", "sumcol"};

TEST_CASE(minimum_norm_matches_linear_regression) {
    const Golden& g = golden();
    for (const char* name : kCases)
        for (bool fit_intercept : {true, false}) {
            const std::string key = std::string("lstsq.") + name, ref = key + (fit_intercept ? "" : ".noint");
            const Matrix X = g.matrix(key + ".X");
            SvdLeastSquaresOptions opt;
            opt.fit_intercept = fit_intercept;
            const SvdLeastSquaresFit fit = fit_svd(X, g.vector(key + ".y"), opt);
            const Vector coef = g.vector(ref + ".coef");
            const double b = g.scalar(ref + ".intercept");
            const double scale = std::max(largest(coef), std::fabs(b));
            // every kept s_k >= 0.3 s_1 here, so both solutions carry ~eps s_1 / s_r of rounding; 1e-10
            // leaves five decades for the two SVDs' different sums while any wrong rank is off by O(1)
            CHECK_ALL_NEAR(fit.model.coef_, coef, 0.0, 1e-10 * scale, (ref + ": coef_, 1e-10 of the largest").c_str());
            CHECK_NEAR(fit.model.intercept_, b, 1e-10 * scale, (ref + ": intercept_, 1e-10 of the largest").c_str());
            CHECK_NEAR(double(fit.rank_), g.scalar(ref + ".rank"), 0.0, (ref + ": rank_ exactly").c_str());
            const Vector S = g.vector(ref + ".singular");
            // 10 max(N, D) eps s_1: two backward-stable SVDs (also for the rounding-sized last ones)
            CHECK_ALL_NEAR(fit.singular_, S, 0.0, 10 * std::max(X.rows(), X.cols()) * kEps * S[0],
                           (ref + ": singular_, 10 max(N, D) eps s_1").c_str());
        }
}

// (LR.38): exactly D - r columns are named, and dropping them keeps the rank; the named ones are
// those the goldens' comments describe (the later of a duplicated pair, the last dummy, the sum).
TEST_CASE(dependent_columns_keep_the_rank) {
    const Golden& g = golden();
    for (const char* name : kCases)
        for (bool fit_intercept : {true, false}) {
            const std::string key = std::string("lstsq.") + name, tag = key + (fit_intercept ? "" : ".noint");
            const Matrix X = g.matrix(key + ".X");
            const Vector y = g.vector(key + ".y");
            SvdLeastSquaresOptions opt;
            opt.fit_intercept = fit_intercept;
            const SvdLeastSquaresFit fit = fit_svd(X, y, opt);
            CHECK_NEAR(double(fit.dependent_columns.size()), double(X.cols() - fit.rank_), 0.0,
                       (tag + ": D - r dependent columns").c_str());
            if (fit.dependent_columns.size() == X.cols()) continue;  // rank 0: nothing is left to fit
            const SvdLeastSquaresFit kept = fit_svd(without_columns(X, fit.dependent_columns), y, opt);
            CHECK_NEAR(double(kept.rank_), double(fit.rank_), 0.0, (tag + ": the kept columns have rank r").c_str());
            CHECK_NEAR(double(kept.dependent_columns.size()), 0.0, 0.0, (tag + ": none of them depends").c_str());
        }
    auto named = [&](const char* name, bool fit_intercept) {
        SvdLeastSquaresOptions opt;
        opt.fit_intercept = fit_intercept;
        const std::string key = std::string("lstsq.") + name;
        return fit_svd(g.matrix(key + ".X"), g.vector(key + ".y"), opt).dependent_columns;
    };
    CHECK(named("dupcol", true) == std::vector<std::size_t>{3});
    CHECK(named("dupcol", false) == std::vector<std::size_t>{3});
    CHECK(named("onehot", true) == std::vector<std::size_t>{2});
    CHECK(named("onehot", false).empty());
    CHECK(named("sumcol", true) == std::vector<std::size_t>{3});
    CHECK((named("one", true) == std::vector<std::size_t>{0, 1, 2}));
    CHECK(
        (named("one", false) == std::vector<std::size_t>{0, 2}));  // x = [1, 2, 3]: 2 is the leftmost within half of 3
}

// On a full-rank design the minimum-norm solution is THE solution: the same as QR's.
TEST_CASE(full_rank_matches_qr) {
    const Golden& g = golden();
    const Matrix X = g.matrix("lstsq.onehot.X");
    const Vector y = g.vector("lstsq.onehot.y");
    SvdLeastSquaresOptions opt;
    opt.fit_intercept = false;
    const SvdLeastSquaresFit fit = fit_svd(X, y, opt);
    LeastSquaresOptions qr_opt;
    qr_opt.fit_intercept = false;
    const LinearModel qr = fit_qr(X, y, qr_opt);
    // cond(X) = 2.3: both are within a few eps of the exact solution
    CHECK_ALL_NEAR(fit.model.coef_, qr.coef_, 0.0, 1e-13 * largest(qr.coef_), "1e-13: cond 2.3, two stable solvers");
}

// (LR.38) on small hand-made rows whose arithmetic is exact: the pivot is the leftmost row at
// least pivot_ratio times the largest (equality included), each pivot's direction is removed from
// every other unpicked row (the leftmost too) before the next choice, and rows with no direction
// left at all are all dependent.
TEST_CASE(subset_selection_rules_on_exact_rows) {
    // rows (1) and (2): 1 = 0.5 * 2 is "at least half the largest", so row 0 is the pivot
    CHECK(dependent_columns(Matrix(2, 1, {1.0, 2.0}), 0.5) == std::vector<std::size_t>{1});
    // rows (0.5, 0.125), (2, 0), (0, 1): row 1 is the first pivot (row 0 is below half of 2); removing
    // its direction (1, 0) leaves row 0 = (0, 0.125), below half of row 2's 1, so row 2 is the second
    // pivot and row 0 the dependent one. Without that removal row 0 (norm 0.52) would be picked.
    CHECK(dependent_columns(Matrix(3, 2, {0.5, 0.125, 2.0, 0.0, 0.0, 1.0}), 0.5) == std::vector<std::size_t>{0});
    // no direction at all: every column is dependent
    CHECK((dependent_columns(Matrix(3, 2, 0.0), 0.5) == std::vector<std::size_t>{0, 1, 2}));
}

TEST_CASE(bad_input_is_refused) {
    Matrix X(3, 2, 1.0);
    X(1, 1) = std::nan("");
    CHECK_THROWS(fit_svd(X, Vector{1, 2, 3}), std::invalid_argument, "fit_svd");
    CHECK_THROWS(fit_svd(Matrix(3, 2, 1.0), Vector{1, 2}), ShapeError, "fit_svd");
}

TEST_MAIN()

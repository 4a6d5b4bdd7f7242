// SPDX-License-Identifier: MIT
// The silhouette (KM.12) against sklearn.metrics.silhouette_samples / silhouette_score with
// metric='euclidean', for the labels_ of three k-means goldens (tests/golden/kmeans.txt), plus a
// hand-computed example, the singleton rule and bad input.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "algorithms/silhouette.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"

using namespace mlfs;

// sklearn's distances are sqrt(||x||^2 - 2 x.y + ||y||^2), ours sqrt(sum (x - y)^2): they differ by
// cancellation, ~1e-15 relative here (the golden's comments give the measured sklearn-vs-direct
// gap, <= 6.6e-15). s_i is a ratio of means of such distances: 1e-12 absolute is ~100x that.
static const double kTol = 1e-12;

static std::vector<int> as_labels(const Vector& v) {
    std::vector<int> l;
    for (double x : v) l.push_back(static_cast<int>(x));
    return l;
}

TEST_CASE(silhouette_matches_sklearn) {
    mlfs::Golden g("kmeans.txt");
    const int count = static_cast<int>(g.scalar("silhouette.count"));
    CHECK(count >= 2);
    double worst = 0.0;
    for (int j = 0; j < count; ++j) {
        const std::string p = "silhouette." + std::to_string(j);
        const std::string c = "kmeans." + std::to_string(static_cast<int>(g.scalar(p + ".case")));
        const Matrix X = g.matrix("data." + std::to_string(static_cast<int>(g.scalar(c + ".dataset"))) + ".X");
        const std::vector<int> labels = as_labels(g.vector(c + ".labels"));
        const Vector s = silhouette_samples(X, labels);
        const Vector ref = g.vector(p + ".samples");
        CHECK_ALL_NEAR(s, ref, 0.0, kTol, "1e-12: two distance formulas ~1e-15 apart");
        CHECK_NEAR(silhouette_score(X, labels), g.scalar(p + ".score"), kTol, "1e-12: the mean of the s_i");
        if (s.size() == ref.size()) worst = std::max(worst, max_abs(subtract(s, ref)));
        worst = std::max(worst, std::fabs(silhouette_score(X, labels) - g.scalar(p + ".score")));
    }
    std::printf("  measured: max |ds| %.3g over %d label sets\n", worst, count);
}

// X = {0, 1, 10, 11}, clusters {0, 1} and {10, 11}. For x = 0: a = 1, b = (10 + 11) / 2 = 10.5,
// s = 9.5 / 10.5; for x = 1: a = 1, b = (9 + 10) / 2 = 9.5, s = 8.5 / 9.5; the rest by symmetry.
TEST_CASE(worked_example) {
    const Matrix X(4, 1, {0.0, 1.0, 10.0, 11.0});
    const Vector s = silhouette_samples(X, {0, 0, 1, 1});
    const Vector want{9.5 / 10.5, 8.5 / 9.5, 8.5 / 9.5, 9.5 / 10.5};
    CHECK_ALL_NEAR(s, want, 0.0, 1e-16, "a ratio of exact sums: at most one rounding apart");
    CHECK_NEAR(silhouette_score(X, {0, 0, 1, 1}), (want[0] + want[1]) / 2, 1e-16, "the mean of the four");
    // label values need not be 0..K-1: {3, 3, 7, 7} is the same clustering
    CHECK_ALL_NEAR(silhouette_samples(X, {3, 3, 7, 7}), s, 0.0, 0.0, "only the grouping matters");
    // a singleton has s = 0 (and still counts in the mean)
    const Matrix Y(3, 1, {0.0, 1.0, 10.0});
    const Vector t = silhouette_samples(Y, {0, 0, 1});
    CHECK_NEAR(t[2], 0.0, 0.0, "singleton: s = 0 by definition");
    CHECK_NEAR(t[0], 0.9, 1e-16, "x = 0: a = 1, b = 10, s = 9 / 10");
    CHECK_NEAR(t[1], 8.0 / 9.0, 1e-16, "x = 1: a = 1, b = 9, s = 8 / 9");
    // every point at one place: a = b = 0, and s = 0 by the convention for max(a, b) = 0, never 0/0
    const Vector z = silhouette_samples(Matrix(4, 1, 0.0), {0, 0, 1, 1});
    for (double zi : z) CHECK_NEAR(zi, 0.0, 0.0, "a = b = 0: s = 0 exactly (a NaN fails)");
}

TEST_CASE(bad_input_is_named) {
    const Matrix X(4, 1, {0.0, 1.0, 10.0, 11.0});
    CHECK_THROWS(silhouette_score(X, {0, 0, 0, 0}), std::invalid_argument, "the labels form 1 clusters of N = 4");
    CHECK_THROWS(silhouette_score(X, {0, 1, 2, 3}), std::invalid_argument, "4 clusters of N = 4 samples");
    CHECK_THROWS(silhouette_score(X, {0, 1}), ShapeError, "X is 4x1 but labels has length 2");
    CHECK_THROWS(silhouette_score(X, {0, 1, -1, 1}), std::invalid_argument, "labels[2] = -1 is negative");
    // every label is checked, the first one included
    CHECK_THROWS(silhouette_score(X, {-1, 0, 1, 1}), std::invalid_argument, "labels[0] = -1 is negative");
    CHECK_THROWS(silhouette_score(Matrix(0, 1), {}), ShapeError, "X is 0x1");
    Matrix nan = X;
    nan(1, 0) = std::nan("");
    CHECK_THROWS(silhouette_samples(nan, {0, 0, 1, 1}), std::invalid_argument, "NaN or infinite");
}

TEST_MAIN()

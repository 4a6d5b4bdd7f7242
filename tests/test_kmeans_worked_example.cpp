// SPDX-License-Identifier: MIT
// The worked example of derivations/kmeans.md, section 12, number by number: six samples in the
// plane, K = 2, given initial centres. The inputs are typed below; every expected value is the
// number derived by hand in that section. The coordinates, the mean, every centre and every
// distance are integers, halves or quarters, so each sum, product and reciprocal on the Lloyd
// route is exact in float64 and those checks use tolerance 0. Only the silhouette (square roots)
// and tol = 1e-4 (not a binary fraction) round.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/kmeans.hpp"
#include "algorithms/silhouette.hpp"
#include "tests/check.hpp"

using namespace mlfs;

namespace {

// The six samples x_0..x_5 (rows) and the initial centres C^0 of section 12.
Matrix example_X() { return Matrix(6, 2, {0, 6, 2, 2, 6, 3, 6, 5, 8, 3, 8, 5}); }
Matrix example_C0() { return Matrix(2, 2, {6, 3, 8, 3}); }

KMeansOptions given_centres() {
    KMeansOptions opt;
    opt.n_clusters = 2;
    opt.init = KMeansInit::given;
    opt.init_centres = example_C0();
    return opt;  // max_iter 300, tol 1e-4: sklearn's defaults
}

const std::vector<int> kLabels0 = {0, 0, 0, 0, 1, 1};  // l^0, assigned to C^0
const std::vector<int> kLabels1 = {0, 0, 1, 1, 1, 1};  // l^1 = l^2, assigned to C^1 and to C^2

// The centres of the section in the coordinates of X: C^1 = means under l^0, C^2 = means under l^1.
const Matrix kC1(2, 2, {3.5, 4, 8, 4});
const Matrix kC2(2, 2, {1, 4, 7, 4});

// J(l, C) = sum_i ||x_i - c_{l_i}||^2 by direct differences: used only to confirm the two
// half-step values of the section that the library does not report (39 and 18).
double J_of(const Matrix& X, const std::vector<int>& l, const Matrix& C) {
    double J = 0.0;
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t k = 0; k < X.cols(); ++k) {
            const double d = X(i, k) - C(static_cast<std::size_t>(l[i]), k);
            J += d * d;
        }
    return J;
}

// sum_j ||c_j^new - c_j^old||^2, the quantity (KM.5) compares with tol_abs
double shift(const Matrix& C_new, const Matrix& C_old) {
    const Matrix d = subtract(C_new, C_old);
    double s = 0.0;
    for (double v : d.data()) s += v * v;
    return s;
}

}  // namespace

TEST_CASE(centring) {
    const Vector xbar = column_means(example_X());
    CHECK_ALL_NEAR(xbar, Vector({5, 4}), 0.0, 0.0, "xbar = (30/6, 24/6): integer sums, exact quotients");
    CHECK_ALL_NEAR(centre_columns(example_X(), xbar), Matrix(6, 2, {-5, 2, -3, -2, 1, -1, 1, 1, 3, -1, 3, 1}), 0.0, 0.0,
                   "Xc = X - xbar: integers, exact");
    CHECK_ALL_NEAR(centre_columns(example_C0(), xbar), Matrix(2, 2, {1, -1, 3, -1}), 0.0, 0.0,
                   "C^0 - xbar: integers, exact");
}

// (KM.6): per-feature population variances 54/6 = 9 and 12/6 = 2, their mean 5.5.
TEST_CASE(tolerance) {
    const Matrix X = example_X();
    CHECK_NEAR(kmeans_tolerance(Matrix(6, 1, {0, 2, 6, 6, 8, 8}), 1.0), 9.0, 0.0, "var(x0) = 54/6: exact");
    CHECK_NEAR(kmeans_tolerance(Matrix(6, 1, {6, 2, 3, 5, 3, 5}), 1.0), 2.0, 0.0, "var(x1) = 12/6: exact");
    CHECK_NEAR(kmeans_tolerance(X, 1.0), 5.5, 0.0, "(9 + 2) / 2: exact");
    CHECK_NEAR(kmeans_tolerance(X, 1e-4), 5.5 * 1e-4, 0.0,
               "5.5 is exact, so the one rounding is the product with 1e-4, the same on both sides");
    CHECK_NEAR(kmeans_tolerance(X, 1.5), 8.25, 0.0, "5.5 x 1.5 = 33/4: exact");
}

// (KM.2): every ||c_j||^2 - 2 x_i.c_j of the three tables, from the centres the library produced.
TEST_CASE(reduced_distances_of_each_iteration) {
    const Matrix X = example_X();
    const Vector xbar = column_means(X);
    const Matrix Xc = centre_columns(X, xbar);
    const KMeansResult km = kmeans_fit(X, given_centres());
    // rows: samples 0..5; columns: cluster 0, cluster 1 (section 12's tables)
    const std::vector<Matrix> want = {Matrix(6, 2, {16, 44, 4, 24, -2, 2, 2, 6, -6, -10, -2, -6}),  // C^0
                                      Matrix(6, 2,
                                             {-12.75, 39, -6.75, 27, 5.25, 3, 5.25, 3, 11.25, -9, 11.25, -9}),  // C^1
                                      Matrix(6, 2, {-24, 24, -8, 16, 24, 0, 24, 0, 40, -8, 40, -8})};           // C^2
    const std::vector<std::vector<int>> labels = {kLabels0, kLabels1, kLabels1};
    const Vector x_norm2 = {29, 13, 2, 2, 10, 10};  // ||x_i||^2 of the centred samples
    if (km.centres_per_iteration.size() < 3) {
        CHECK_MSG(false, "centres_per_iteration has " + std::to_string(km.centres_per_iteration.size()) +
                             " entries, need C^0, C^1, C^2");
        return;
    }
    for (std::size_t t = 0; t < 3; ++t) {
        const Matrix C = centre_columns(km.centres_per_iteration[t], xbar);  // C^t, centred
        Matrix reduced(6, 2), direct(6, 2);
        std::vector<int> argmin(6);
        for (std::size_t i = 0; i < 6; ++i) {
            for (std::size_t j = 0; j < 2; ++j) {
                const double cn = C(j, 0) * C(j, 0) + C(j, 1) * C(j, 1);
                const double xc = Xc(i, 0) * C(j, 0) + Xc(i, 1) * C(j, 1);
                reduced(i, j) = cn - 2.0 * xc;
                const double d0 = Xc(i, 0) - C(j, 0), d1 = Xc(i, 1) - C(j, 1);
                direct(i, j) = d0 * d0 + d1 * d1;
            }
            argmin[i] = reduced(i, 1) < reduced(i, 0) ? 1 : 0;
        }
        const std::string table = "table C^" + std::to_string(t);
        CHECK_ALL_NEAR(reduced, want[t], 0.0, 0.0, "quarters and integers: exact");
        CHECK_MSG(argmin == labels[t], table + ": the smaller entry of each row is the label of the section");
        bool plus_norm = true;  // ||x - c||^2 = (||c||^2 - 2 x.c) + ||x||^2, the term (KM.2) drops
        for (std::size_t i = 0; i < 6; ++i)
            for (std::size_t j = 0; j < 2; ++j) plus_norm = plus_norm && direct(i, j) == want[t](i, j) + x_norm2[i];
        CHECK_MSG(plus_norm, table + ": adding ||x_i||^2 gives the full squared distance, exactly");
        bool no_tie = true;  // the smallest margin of the section is 2.25, far from any rounding
        for (std::size_t i = 0; i < 6; ++i) no_tie = no_tie && std::fabs(reduced(i, 0) - reduced(i, 1)) >= 2.25;
        CHECK_MSG(no_tie, table + ": every assignment is decided by a margin of at least 2.25");
    }
}

// (KM.1)-(KM.3), (KM.7): the full run, with sklearn's defaults tol = 1e-4 and max_iter = 300.
TEST_CASE(lloyd_run_to_strict_convergence) {
    const Matrix X = example_X();
    const KMeansResult km = kmeans_fit(X, given_centres());
    CHECK(km.n_iter_ == 3);  // (KM.7) the third assignment repeats the second's labels
    CHECK(km.labels_ == kLabels1);
    CHECK_ALL_NEAR(km.cluster_centers_, kC2, 0.0, 0.0, "(KM.3) (-8, 0) x 1/2 and (8, 0) x 1/4, plus xbar: exact");
    CHECK_NEAR(km.inertia_, 18.0, 0.0, "(KM.1) 5 + 5 + 2 + 2 + 2 + 2: integers, exact");
    CHECK_ALL_NEAR(km.inertia_per_iteration, Vector({70, 34.5, 18}), 0.0, 0.0,
                   "(KM.1) J(l^t, C^t) for t = 0, 1, 2; strict convergence adds no fourth entry");
    if (km.centres_per_iteration.size() != 4) {
        CHECK_MSG(false, "centres_per_iteration has " + std::to_string(km.centres_per_iteration.size()) +
                             " entries, want C^0..C^3");
        return;
    }
    CHECK_ALL_NEAR(km.centres_per_iteration[0], example_C0(), 0.0, 0.0, "C^0: (6, 3) - xbar + xbar, integers");
    CHECK_ALL_NEAR(km.centres_per_iteration[1], kC1, 0.0, 0.0, "C^1: (-6, 0) x 1/4 and (6, 0) x 1/2, plus xbar");
    CHECK_ALL_NEAR(km.centres_per_iteration[2], kC2, 0.0, 0.0, "C^2: the means under l^1");
    CHECK_ALL_NEAR(km.centres_per_iteration[3], kC2, 0.0, 0.0, "C^3 = C^2: the same labels give the same sums");
    // (KM.5) the shifts the loop compared with tol_abs = 5.5e-4, recomputed from the history
    CHECK_NEAR(shift(km.centres_per_iteration[1], km.centres_per_iteration[0]), 8.25, 0.0, "6.25 + 1 + 0 + 1: exact");
    CHECK_NEAR(shift(km.centres_per_iteration[2], km.centres_per_iteration[1]), 7.25, 0.0, "6.25 + 0 + 1 + 0: exact");
    CHECK_NEAR(shift(km.centres_per_iteration[3], km.centres_per_iteration[2]), 0.0, 0.0, "no move at all");
    // l^0 is not kept by the fit; kmeans_predict against C^0 (full distances) recovers it
    KMeansResult at_C0;
    at_C0.cluster_centers_ = example_C0();
    CHECK(kmeans_predict(at_C0, X) == kLabels0);
    // the two half-steps of the descent chain 70 >= 39 >= 34.5 >= 18 >= 18
    CHECK_NEAR(J_of(X, kLabels0, kC1), 39.0, 0.0, "J(l^0, C^1) = 16.25 + 6.25 + 7.25 + 7.25 + 1 + 1: exact");
    CHECK_NEAR(J_of(X, kLabels1, kC2), 18.0, 0.0, "J(l^1, C^2): exact");
    // a translation of the data changes no decision: X + 1000 gives the same run, shifted
    const Matrix far = add_row_vector(X, Vector({1000, 1000}));
    KMeansOptions opt = given_centres();
    opt.init_centres = add_row_vector(example_C0(), Vector({1000, 1000}));
    const KMeansResult moved = kmeans_fit(far, opt);
    CHECK(moved.labels_ == kLabels1 && moved.n_iter_ == 3);
    CHECK_ALL_NEAR(moved.cluster_centers_, add_row_vector(kC2, Vector({1000, 1000})), 0.0, 0.0,
                   "centring removes the offset exactly: 1005 and 1004 are exact in binary");
    CHECK_NEAR(moved.inertia_, 18.0, 0.0, "the same exact inertia");
}

// (KM.5) with <=, then (KM.8): tol = 1.5 makes tol_abs = 8.25, exactly the first shift.
TEST_CASE(tolerance_stop_then_reassignment) {
    const Matrix X = example_X();
    KMeansOptions opt = given_centres();
    opt.tol = 1.5;
    const KMeansResult km = kmeans_fit(X, opt);
    CHECK(km.n_iter_ == 1);         // 8.25 <= 8.25 stops after the first update
    CHECK(km.labels_ == kLabels1);  // (KM.8) re-assigned to C^1: already the final partition
    CHECK_ALL_NEAR(km.cluster_centers_, kC1, 0.0, 0.0, "C^1, the means of l^0, not of labels_");
    CHECK_NEAR(km.inertia_, 34.5, 0.0, "(KM.1) J(l^1, C^1): quarters, exact");
    CHECK_ALL_NEAR(km.inertia_per_iteration, Vector({70, 34.5}), 0.0, 0.0, "J(l^0, C^0), then the re-assignment");
    CHECK(km.centres_per_iteration.size() == 2);

    // the largest tol below 1.5 gives a tol_abs below 8.25: the first shift no longer stops the
    // run, the second (7.25) does, and (KM.8) re-assigns to C^2
    opt.tol = std::nextafter(1.5, 0.0);
    CHECK(kmeans_tolerance(X, opt.tol) < 8.25);
    const KMeansResult km2 = kmeans_fit(X, opt);
    CHECK(km2.n_iter_ == 2);
    CHECK(km2.labels_ == kLabels1);
    CHECK_ALL_NEAR(km2.cluster_centers_, kC2, 0.0, 0.0, "C^2");
    CHECK_ALL_NEAR(km2.inertia_per_iteration, Vector({70, 34.5, 18}), 0.0, 0.0,
                   "two iterations, then the re-assignment's J(l^2, C^2)");
}

// (KM.8) after max_iter: two iterations, then one more assignment against C^2.
TEST_CASE(max_iter_stop_then_reassignment) {
    KMeansOptions opt = given_centres();
    opt.max_iter = 2;
    const KMeansResult km = kmeans_fit(example_X(), opt);
    CHECK(km.n_iter_ == 2);
    CHECK(km.labels_ == kLabels1);
    CHECK_ALL_NEAR(km.cluster_centers_, kC2, 0.0, 0.0, "C^2: exact");
    CHECK_NEAR(km.inertia_, 18.0, 0.0, "J(l^2, C^2): exact");
    CHECK_ALL_NEAR(km.inertia_per_iteration, Vector({70, 34.5, 18}), 0.0, 0.0,
                   "n_iter_ + 1 entries: the last is the re-assignment");
}

// (KM.12) on the final clustering: s_i = (b_i - a_i) / max(a_i, b_i) with the distances of section 12.
TEST_CASE(silhouette_of_the_result) {
    const KMeansResult km = kmeans_fit(example_X(), given_centres());
    const double r20 = std::sqrt(20.0), r8 = std::sqrt(8.0);
    const double a_right = (2.0 + 2.0 + r8) / 3.0;  // each corner of the square: sides 2, 2, diagonal sqrt 8
    const double b[6] = {(std::sqrt(45.0) + std::sqrt(37.0) + std::sqrt(73.0) + std::sqrt(65.0)) / 4.0,
                         (std::sqrt(17.0) + 5.0 + std::sqrt(37.0) + std::sqrt(45.0)) / 4.0,
                         (std::sqrt(45.0) + std::sqrt(17.0)) / 2.0,
                         (std::sqrt(37.0) + 5.0) / 2.0,
                         (std::sqrt(73.0) + std::sqrt(37.0)) / 2.0,
                         (std::sqrt(65.0) + std::sqrt(45.0)) / 2.0};
    Vector want(6);
    for (std::size_t i = 0; i < 6; ++i) {
        const double a = i < 2 ? r20 : a_right;  // the left pair is sqrt 20 apart
        want[i] = (b[i] - a) / std::max(a, b[i]);
    }
    const Vector s = silhouette_samples(example_X(), km.labels_);
    CHECK_ALL_NEAR(s, want, 0.0, 1e-15, "square roots and means below 10: a few roundings of ~1e-16 each");
    CHECK_ALL_NEAR(s, Vector({0.391489, 0.183696, 0.579711, 0.589246, 0.688770, 0.691798}), 0.0, 5e-7,
                   "the six-digit values printed in the section");
    double mean = 0.0;
    for (double v : want) mean += v / 6.0;
    CHECK_NEAR(silhouette_score(example_X(), km.labels_), mean, 1e-15, "the mean of the six");
    CHECK_NEAR(silhouette_score(example_X(), km.labels_), 0.520785, 5e-7, "0.520785 in the section");
}

// (KM.9), (KM.10): how often the two seeds fall in different groups ({x0, x1} and the square),
// over the fixed seeds 0..19999. The probabilities are the exact fractions of section 7; the
// observed frequencies are fixed numbers (the seeds are fixed), and 4 standard errors
// (sqrt(p (1 - p) / n) <= 0.0036) bound their distance from p with room to spare.
TEST_CASE(seeding_probabilities) {
    const Matrix X = example_X();
    const int group[6] = {0, 0, 1, 1, 1, 1};
    const std::uint32_t n = 20000;
    double split_pp = 0.0, split_random = 0.0;
    for (std::uint32_t seed = 0; seed < n; ++seed) {
        RandomState a(seed), b(seed);
        const std::vector<std::size_t> pp = kmeans_plus_plus(X, 2, a);
        const std::vector<std::size_t> rnd = kmeans_random_init(6, 2, b);
        split_pp += group[pp[0]] != group[pp[1]];
        split_random += group[rnd[0]] != group[rnd[1]];
    }
    const double p_pp = 10477037.0 / 10732176.0, p_random = 8.0 / 15.0;
    const double se_pp = std::sqrt(p_pp * (1 - p_pp) / n), se_random = std::sqrt(p_random * (1 - p_random) / n);
    CHECK_NEAR(split_pp / n, p_pp, 4 * se_pp, "greedy k-means++, L = 2: 4 standard errors of a fixed sample");
    CHECK_NEAR(split_random / n, p_random, 4 * se_random, "random rows: 8/15, 4 standard errors");
}

TEST_MAIN()

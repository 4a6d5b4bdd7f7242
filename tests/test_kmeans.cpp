// SPDX-License-Identifier: MIT
// k-means (KM.1-KM.18) against scikit-learn 1.2.1's KMeans(algorithm='lloyd') on iris, make_blobs
// and integer-valued data with duplicated rows and exact ties (tests/golden/kmeans.txt, 1 and 2
// OpenMP threads, the reference BLAS): labels_, n_iter_, cluster_centers_, inertia_, predict(X) and
// the seeding indices must agree bit for bit, near-ties and exact ties included, because mlfs adds
// in scikit-learn's order wherever a last bit can decide (derivations/kmeans.md, section 13).
// Hand-made examples below: exact ties, the relocation order, the tolerance formula.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "algorithms/kmeans.hpp"
#include "algorithms/numpy_order.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"
#include "tests/kmeans_cases.hpp"

using namespace mlfs;
using namespace mlfs_test;

// Each step alone (assignment, update, k-means++) is in test_kmeans_steps.cpp.

TEST_CASE(golden_cases_match_sklearn) {
    mlfs::Golden g("kmeans.txt");
    CHECK(case_count(g) >= 12);
    double worst_centre = 0.0, worst_inertia = 0.0, worst_tol = 0.0;
    int bitwise_centres = 0;
    for (int i = 0; i < case_count(g); ++i) {
        const Case c = load_case(g, i);
        const KMeansResult km = kmeans_fit(c.X, c.opt);
        const std::vector<int> ref = as_labels(g.vector(c.p + ".labels"));
        const std::size_t bad = mismatches(km.labels_, ref);
        CHECK_MSG(bad == 0, c.p + ": " + std::to_string(bad) + " labels differ from sklearn's; " + c.call);
        CHECK_MSG(km.n_iter_ == static_cast<int>(g.scalar(c.p + ".n_iter")),
                  c.p + ": n_iter_ " + std::to_string(km.n_iter_) + " vs sklearn " +
                      mlfs_test::num(g.scalar(c.p + ".n_iter")) + "; " + c.call);
        const Matrix C = g.matrix(c.p + ".centers");
        CHECK_ALL_NEAR(km.cluster_centers_, C, kCentreTol, kCentreTol,
                       "bit for bit: the same sums in sklearn's order (KM.3, KM.13, KM.15)");
        CHECK_REL(km.inertia_, g.scalar(c.p + ".inertia"), kInertiaRtol,
                  "bit for bit: sklearn's unrolled squares in its threads' order (KM.1, KM.15)");
        CHECK_REL(kmeans_tolerance(c.X, c.opt.tol), g.scalar(c.p + ".tol_abs"), 0.0,
                  "(KM.6) bit for bit: numpy's var and mean in numpy's order (KM.13)");
        if (c.opt.init != KMeansInit::given) {
            const Matrix runs = g.matrix(c.p + ".init_indices");
            const std::size_t best = static_cast<std::size_t>(g.scalar(c.p + ".best_run"));
            std::vector<std::size_t> want;
            for (std::size_t j = 0; j < runs.cols(); ++j) want.push_back(static_cast<std::size_t>(runs(best, j)));
            CHECK_MSG(km.init_indices == want, c.p + ": the winning run's seeding indices differ; " + c.call);
        } else {
            CHECK(km.init_indices.empty());
        }
        if (C.rows() == km.cluster_centers_.rows() && C.cols() == km.cluster_centers_.cols()) {
            worst_centre = std::max(worst_centre, max_abs(subtract(km.cluster_centers_, C)) / c.scale);
            bitwise_centres += km.cluster_centers_.data() == C.data();
        }
        worst_inertia = std::max(worst_inertia, std::fabs(km.inertia_ / g.scalar(c.p + ".inertia") - 1.0));
        worst_tol = std::max(worst_tol, std::fabs(kmeans_tolerance(c.X, c.opt.tol) - g.scalar(c.p + ".tol_abs")));
    }
    std::printf("  measured over %d cases: max |dcentre| / scale %.3g (%d cases bitwise equal), "
                "max rel dinertia %.3g, max |dtol_abs| %.3g\n",
                case_count(g), worst_centre, bitwise_centres, worst_inertia, worst_tol);
}

// J(l^t, C^t) >= J(l^t, C^{t+1}) >= J(l^{t+1}, C^{t+1}): the update minimises over the centres,
// the assignment minimises over the labels; a relocation (KM.4) raises J(l^t, C^{t+1}) by moving a
// sample away from its labelled cluster, but the next assignment gives it a cost of 0 in its new
// cluster, so J(l^{t+1}, C^{t+1}) is still below J(l^t, C^t). The exception is the extra last entry
// of a strict stop whose update relocated (KM.7 with KM.4): sklearn does not relabel after it, and J
// rises (measured: 811.9 to 813.0 in the dup520x3, K = 12 case); those runs end with fewer distinct
// labels than K, and their last step is left out. Slack: 1e-14 relative plus 1e-15 N max|X|^2 for
// J at 0 (12 distinct rows, K = 12: J goes 0 -> 1e-26 by the rounding of the means).
TEST_CASE(inertia_never_increases_and_history_is_consistent) {
    mlfs::Golden g("kmeans.txt");
    int relocated_last = 0;
    for (int i = 0; i < case_count(g); ++i) {
        const Case c = load_case(g, i);
        const KMeansResult km = kmeans_fit(c.X, c.opt);
        const Vector& J = km.inertia_per_iteration;
        const std::size_t n = static_cast<std::size_t>(km.n_iter_);
        const bool extra = km.strict_convergence_ && J.size() == n + 1;  // the relocated strict stop
        relocated_last += extra;
        const double floor = 1e-15 * static_cast<double>(c.X.rows()) * c.scale * c.scale;
        bool monotone = true;
        for (std::size_t t = 1; t + (extra ? 1 : 0) < J.size(); ++t)
            monotone = monotone && J[t] <= J[t - 1] * (1.0 + 1e-14) + floor;
        CHECK_MSG(monotone, c.p + ": inertia increased between iterations; " + c.call);
        if (extra)
            CHECK_MSG(std::set<int>(km.labels_.begin(), km.labels_.end()).size() < c.opt.n_clusters,
                      c.p + ": a strict stop added an entry, but no cluster is empty; " + c.call);
        // n_iter_ entries, plus one for the final re-assignment (KM.8) unless strictly converged
        CHECK_MSG(J.size() == n || (J.size() == n + 1 && (!km.strict_convergence_ || extra)),
                  c.p + ": inertia_per_iteration has " + std::to_string(J.size()) +
                      " entries for n_iter_ = " + std::to_string(n));
        if (!J.empty()) CHECK_REL(J.back(), km.inertia_, 0.0, "the last entry is J of labels_ and the centres");
        CHECK(km.centres_per_iteration.size() == n + 1);
        if (!km.centres_per_iteration.empty())
            CHECK_ALL_NEAR(km.centres_per_iteration.back(), km.cluster_centers_, 0.0, 0.0,
                           "the last entry is the result");
        if (c.opt.init == KMeansInit::given)  // (x - xbar) + xbar may round by half an ulp of |x|
            CHECK_ALL_NEAR(km.centres_per_iteration.front(), c.opt.init_centres, 0.0, 1e-15 * c.scale,
                           "C^0 is the given centres, shifted to centred coordinates and back");
    }
    CHECK(relocated_last > 0);  // the exception does occur among the goldens
}

// predict (KM.2 on the un-centred X, as sklearn's predict) equals sklearn's predict(X) bit for bit.
// It need not equal labels_: an exact tie on centred data may not be one on raw data (pool90x1, K = 4,
// 11 samples), and after a relocated strict stop the centres moved without relabelling.
TEST_CASE(predict_matches_sklearn) {
    mlfs::Golden g("kmeans.txt");
    int differs_from_labels = 0;
    for (int i = 0; i < case_count(g); ++i) {
        const Case c = load_case(g, i);
        const KMeansResult km = kmeans_fit(c.X, c.opt);
        const std::vector<int> ref = as_labels(g.vector(c.p + ".predict"));
        const std::size_t bad = mismatches(kmeans_predict(km, c.X), ref);
        CHECK_MSG(bad == 0,
                  c.p + ": predict(X) differs from sklearn's predict(X) at " + std::to_string(bad) + " samples");
        differs_from_labels += ref != km.labels_;
    }
    std::printf("  sklearn's predict(X) differs from its labels_ in %d of %d cases; ours follows it\n",
                differs_from_labels, case_count(g));
    CHECK(differs_from_labels > 0);  // the cases that show the difference are among the goldens
}

TEST_CASE(elbow_matches_sklearn) {
    mlfs::Golden g("kmeans.txt");
    const Matrix X = g.matrix("data." + std::to_string(static_cast<int>(g.scalar("elbow.dataset"))) + ".X");
    const Vector ref = g.vector("elbow.inertia");
    KMeansOptions base;  // k-means++, n_init auto = 1, seed 0, as the golden's call
    CHECK_ALL_NEAR(elbow(X, ref.size(), base), ref, kInertiaRtol, 0.0, "bit for bit, as every inertia_");
    // k_max = 1 is allowed: one entry, J of K = 1, the squared deviations from the mean ({0, 2}: 1 + 1)
    const Vector one = elbow(Matrix(2, 1, {0.0, 2.0}), 1, base);
    CHECK(one.size() == 1);
    if (one.size() == 1) CHECK_NEAR(one[0], 2.0, 0.0, "exact: small integers");
}

// X = {0, 2, 4}, given centres {0, 4}. Centred: Xc = {-2, 0, 2}, C = {-2, 2}; the middle sample has
// ||c_j||^2 - 2 x.c_j = 4 for both (an exact tie): it goes to cluster 0 (KM.2). Then c_0 = -1, and
// the next assignment keeps the labels: strict convergence at n_iter_ = 2 (KM.7).
TEST_CASE(worked_example_ties_go_to_the_lowest_index) {
    KMeansOptions opt;
    opt.n_clusters = 2;
    opt.init = KMeansInit::given;
    opt.init_centres = column({0.0, 4.0});
    const KMeansResult km = kmeans_fit(column({0.0, 2.0, 4.0}), opt);
    CHECK((km.labels_ == std::vector<int>{0, 0, 1}));
    CHECK(km.n_iter_ == 2);
    CHECK_ALL_NEAR(km.cluster_centers_, column({1.0, 4.0}), 0.0, 0.0, "exact: (0 + 2) / 2 in binary");
    CHECK_NEAR(km.inertia_, 2.0, 0.0, "exact: 1 + 1 + 0");
    CHECK_ALL_NEAR(km.inertia_per_iteration, Vector({4.0, 2.0}), 0.0, 0.0, "J(l^0, C^0) = 4 + 4 + 0, J(l^1, C^1) = 2");
    // predict: 2.5 is halfway between the centres 1 and 4 and goes to the first
    CHECK((kmeans_predict(km, column({2.5, 2.5001})) == std::vector<int>{0, 1}));
}

// X = {0, 1, 3, 7}, given centres {0, 100, 200}: everything is nearest 0, clusters 1 and 2 are
// empty (KM.4). Distances to the old centre 0 are 0, 1, 9, 49: the first empty cluster takes 7,
// the second 3, so C^1 = {0.5, 7, 3}. Iteration 2 labels {0, 0, 2, 1}, which differ from the
// first labels, and leaves the centres where they are: shift 0 <= tol_abs stops it (KM.5) and
// the final re-assignment (KM.8) adds a third J.
TEST_CASE(worked_example_relocation_order) {
    KMeansOptions opt;
    opt.n_clusters = 3;
    opt.init = KMeansInit::given;
    opt.init_centres = column({0.0, 100.0, 200.0});
    const KMeansResult km = kmeans_fit(column({0.0, 1.0, 3.0, 7.0}), opt);
    CHECK((km.labels_ == std::vector<int>{0, 0, 2, 1}));
    CHECK(km.n_iter_ == 2);
    CHECK_ALL_NEAR(km.cluster_centers_, column({0.5, 7.0, 3.0}), 0.0, 0.0, "exact in binary");
    CHECK_ALL_NEAR(km.inertia_per_iteration, Vector({59.0, 0.5, 0.5}), 0.0, 0.0, "0 + 1 + 9 + 49, then 0.25 + 0.25");
    CHECK_ALL_NEAR(km.centres_per_iteration[1], column({0.5, 7.0, 3.0}), 0.0, 0.0, "relocated in the first update");
    // with tol = 0 the test shift <= tol_abs still fires, at shift exactly 0 (KM.5 compares with <=)
    opt.tol = 0.0;
    CHECK(kmeans_fit(column({0.0, 1.0, 3.0, 7.0}), opt).n_iter_ == 2);
}

// (KM.11) on the unit square, where {left, right} and {bottom, top} both have inertia exactly 1
// and a diagonal start ends at 4/3: each run is replayed as a given-centre fit from the indices
// drawn from the one stream, and the winner must be the first run, replaced only by a strictly
// lower inertia with a different clustering (an equal inertia never replaces it).
TEST_CASE(best_run_rule_on_exact_ties) {
    const Matrix X(4, 2, {0, 0, 1, 0, 0, 1, 1, 1});
    int equal_but_different = 0;
    for (std::uint32_t seed = 0; seed < 20; ++seed) {
        KMeansOptions opt;
        opt.n_clusters = 2;
        opt.init = KMeansInit::random;
        opt.n_init = 10;
        opt.seed = seed;
        const KMeansResult km = kmeans_fit(X, opt);
        RandomState rs(seed);
        KMeansResult best;
        for (int r = 0; r < opt.n_init; ++r) {
            KMeansOptions one = opt;
            one.init = KMeansInit::given;
            one.init_centres = Matrix(2, 2);
            const std::vector<std::size_t> idx = kmeans_random_init(4, 2, rs);
            for (std::size_t j = 0; j < 2; ++j) one.init_centres.set_row(j, X.row(idx[j]));
            const KMeansResult run = kmeans_fit(X, one);
            if (r == 0) {
                best = run;
                continue;
            }
            const std::vector<int> swapped{1 - best.labels_[0], 1 - best.labels_[1], 1 - best.labels_[2],
                                           1 - best.labels_[3]};
            const bool same = run.labels_ == best.labels_ || run.labels_ == swapped;  // K = 2: equal up to 0 <-> 1
            if (run.inertia_ == best.inertia_ && !same) ++equal_but_different;
            if (run.inertia_ < best.inertia_ && !same) best = run;
        }
        CHECK_MSG(km.labels_ == best.labels_ && km.inertia_ == best.inertia_,
                  "seed " + std::to_string(seed) + ": n_init = 10 did not keep the run the rule picks");
    }
    CHECK(equal_but_different > 0);  // the tie the rule is about does occur
}

// (KM.11) a later run replaces the first only with a different clustering, even when its J is
// strictly lower. Groups {0, 1, 2} and {100, 101, 102}, K = 2, random starts, max_iter = 1: every
// start ends (after the final re-assignment, KM.8) in the same two groups, but with J = 4 only when
// the two starts lie in different groups and a larger J when both lie in one. So the fit must keep
// run 0, which is the fit with n_init = 1 (the same first draws of the one stream).
TEST_CASE(best_run_rule_keeps_the_first_of_equal_clusterings) {
    const Matrix X(6, 1, {0.0, 1.0, 2.0, 100.0, 101.0, 102.0});
    int first_not_lowest = 0;
    for (std::uint32_t seed = 0; seed < 10; ++seed) {
        KMeansOptions opt;
        opt.n_clusters = 2;
        opt.init = KMeansInit::random;
        opt.max_iter = 1;
        opt.seed = seed;
        opt.n_init = 1;
        const KMeansResult first = kmeans_fit(X, opt);
        opt.n_init = 10;
        const KMeansResult km = kmeans_fit(X, opt);
        CHECK_MSG(km.labels_ == first.labels_ && km.inertia_ == first.inertia_,
                  "seed " + std::to_string(seed) + ": n_init = 10 kept J = " + std::to_string(km.inertia_) +
                      ", the first run has J = " + std::to_string(first.inertia_));
        first_not_lowest += first.inertia_ > 4.0;
    }
    CHECK(first_not_lowest > 0);  // some first run is beaten in J by a later one of the same clustering
}

// (KM.7) the first assignment never counts as unchanged: there are no labels before it, even when it
// puts every sample in cluster 1. X = {0, 1, 10, 11} from centres {100, 5}: all go to 5, cluster 0 is
// empty and relocated (KM.4), and the run goes on to {0, 1}, {10, 11}: centres 0.5 and 10.5 (-5 and 5
// centred, exact), J = 4 x 0.25 = 1 exactly.
TEST_CASE(first_assignment_is_never_a_strict_stop) {
    KMeansOptions opt;
    opt.n_clusters = 2;
    opt.init = KMeansInit::given;
    opt.init_centres = Matrix(2, 1, {100.0, 5.0});
    const KMeansResult km = kmeans_fit(Matrix(4, 1, {0.0, 1.0, 10.0, 11.0}), opt);
    CHECK_MSG(km.n_iter_ >= 2, "n_iter_ = " + std::to_string(km.n_iter_) + ", expected more than the first step");
    CHECK_NEAR(km.inertia_, 1.0, 0.0, "exact: four squared distances of 0.5");
}

// (KM.6) tol_abs = tol x the mean of the per-feature population variances of X (not their sum,
// not the variance of the whole matrix). Columns {0, 2, 0, 2} and {0, 0, 4, 4}: variances 1 and 4.
TEST_CASE(tolerance_is_tol_times_mean_variance) {
    const Matrix X(4, 2, {0, 0, 2, 0, 0, 4, 2, 4});
    CHECK_NEAR(kmeans_tolerance(X, 1e-4), 2.5e-4, 0.0, "exact: (1 + 4) / 2 x 1e-4 rounds once");
    CHECK_NEAR(kmeans_tolerance(X, 0.0), 0.0, 0.0, "tol = 0 gives 0");
    // a tolerance larger than any shift stops after one iteration, then re-assigns (KM.8)
    KMeansOptions opt;
    opt.n_clusters = 2;
    opt.init = KMeansInit::given;
    opt.init_centres = Matrix(2, 2, {0, 0, 2, 0});
    opt.tol = 1e6;
    const KMeansResult km = kmeans_fit(X, opt);
    CHECK(km.n_iter_ == 1);
    CHECK(km.inertia_per_iteration.size() == 2);
    CHECK((km.labels_ == kmeans_predict(km, X)));
}

// n_init: 0 means 1 for k-means++ and 10 for random; given centres force one run (KM.11).
TEST_CASE(n_init_auto_and_given) {
    mlfs::Golden g("kmeans.txt");
    const Matrix X = g.matrix("data.0.X");
    KMeansOptions a;
    a.n_clusters = 3;
    a.init = KMeansInit::random;
    a.seed = 42;
    KMeansOptions b = a;
    b.n_init = 10;
    CHECK(kmeans_fit(X, a).init_indices == kmeans_fit(X, b).init_indices);
    a.init = b.init = KMeansInit::kmeans_plus_plus;
    b.n_init = 1;
    CHECK(kmeans_fit(X, a).init_indices == kmeans_fit(X, b).init_indices);
    RandomState rs(42);  // the fit seeds X centred by numpy_column_means, as kmeans_fit centres it
    CHECK(kmeans_fit(X, a).init_indices == kmeans_plus_plus(centre_columns(X, numpy_column_means(X)), 3, rs));
    KMeansOptions given;
    given.n_clusters = 2;
    given.init = KMeansInit::given;
    given.init_centres = Matrix(2, X.cols(), 0.0);
    for (std::size_t k = 0; k < X.cols(); ++k) given.init_centres(1, k) = X(100, k);
    given.n_init = 7;
    const KMeansResult one = kmeans_fit(X, given);
    given.n_init = 1;
    CHECK(one.labels_ == kmeans_fit(X, given).labels_);
}

// Bad input: each is a clear error naming the value and the sizes, never a NaN result.
TEST_CASE(bad_input_is_named) {
    const Matrix X(4, 2, {0, 0, 1, 0, 0, 1, 0, 1});  // 3 distinct rows
    KMeansOptions opt;
    opt.n_clusters = 0;
    CHECK_THROWS(kmeans_fit(X, opt), std::invalid_argument, "n_clusters = 0");
    opt.n_clusters = 4;
    CHECK_THROWS(kmeans_fit(X, opt), std::invalid_argument, "n_clusters = 4 but X (4x2) has only 3 distinct rows");
    opt.n_clusters = 2;
    CHECK_THROWS(kmeans_fit(Matrix(0, 2), opt), ShapeError, "X is 0x2");
    Matrix bad = X;
    bad(2, 1) = std::nan("");
    CHECK_THROWS(kmeans_fit(bad, opt), std::invalid_argument, "X(2, 1) = nan is not finite");
    bad(2, 1) = HUGE_VAL;
    CHECK_THROWS(kmeans_fit(bad, opt), std::invalid_argument, "X(2, 1) = inf is not finite");
    Matrix first = X;  // every entry is checked, the first row's included
    first(0, 0) = std::nan("");
    CHECK_THROWS(kmeans_fit(first, opt), std::invalid_argument, "X(0, 0) = nan is not finite");
    KMeansOptions given = opt;
    given.init = KMeansInit::given;
    given.init_centres = Matrix(2, 3);
    CHECK_THROWS(kmeans_fit(X, given), ShapeError, "init_centres is 2x3 but n_clusters = 2 and X is 4x2 (need 2x2)");
    given.init_centres = Matrix(2, 2, {0, 0, 1, std::nan("")});
    CHECK_THROWS(kmeans_fit(X, given), std::invalid_argument, "init_centres(1, 1) = nan is not finite");
    KMeansOptions o = opt;
    o.n_init = -1;
    CHECK_THROWS(kmeans_fit(X, o), std::invalid_argument, "n_init = -1");
    o = opt;
    o.max_iter = 0;
    CHECK_THROWS(kmeans_fit(X, o), std::invalid_argument, "max_iter = 0");
    o = opt;
    o.tol = -1e-4;
    CHECK_THROWS(kmeans_fit(X, o), std::invalid_argument, "tol = -0.0001");
    o.tol = std::nan("");
    CHECK_THROWS(kmeans_fit(X, o), std::invalid_argument, "tol = nan");
    o = opt;
    o.reference_threads = 3;  // (KM.15) sklearn's 3-thread sums depend on the order threads finish
    CHECK_THROWS(kmeans_fit(X, o), std::invalid_argument, "reference_threads = 3, it must be 1 or 2");
    const KMeansResult km = kmeans_fit(X, opt);
    CHECK_THROWS(kmeans_predict(km, Matrix(3, 5)), ShapeError, "X is 3x5 but the centres are 2x2");
    CHECK_THROWS(kmeans_predict(KMeansResult{}, X), std::invalid_argument, "no centres");
    CHECK_THROWS(elbow(X, 4, opt), std::invalid_argument, "n_clusters = 4 but X (4x2) has only 3 distinct rows");
    CHECK_THROWS(elbow(X, 2, given), std::invalid_argument, "init = given fixes K");
    RandomState rs(0);
    CHECK_THROWS(kmeans_plus_plus(X, 5, rs), std::invalid_argument, "K = 5 centres from N = 4 samples");
    CHECK(count_distinct_rows(X) == 3);
    CHECK(count_distinct_rows(Matrix(3, 1, {0.0, -0.0, 0.0})) == 1);
    CHECK(count_distinct_rows(Matrix(2, 2, {1.0, -0.0, 1.0, 0.0})) == 1);  // equal rows, whichever zero
    CHECK(count_distinct_rows(X, 2) == 2);                                 // counted up to 2: the scan stops there
    CHECK(count_distinct_rows(X, 3) == 3);
    CHECK(count_distinct_rows(X, 7) == 3);  // below the cap: the exact count
    CHECK(count_distinct_rows(Matrix(0, 2)) == 0);
}

// K = N is allowed (KM.9, KM.10: need 1 <= K <= N): every sample becomes a centre. Guards the
// bound of require_seedable, which a mutant K >= N passed every other test with (#18). Exact by
// construction: three distinct points each get a centre of their own, so the inertia is 0.
TEST_CASE(seeding_accepts_as_many_centres_as_samples) {
    const Matrix X(3, 1, {0.0, 1.0, 3.0});
    RandomState rs(0);
    const std::vector<std::size_t> perm = kmeans_random_init(3, 3, rs);
    CHECK(std::set<std::size_t>(perm.begin(), perm.end()) == (std::set<std::size_t>{0, 1, 2}));
    const std::vector<std::size_t> pp = kmeans_plus_plus(X, 3, rs);  // D^2 sampling: a chosen point has weight 0
    CHECK(std::set<std::size_t>(pp.begin(), pp.end()) == (std::set<std::size_t>{0, 1, 2}));
    KMeansOptions opt;
    opt.n_clusters = 3;
    for (KMeansInit init : {KMeansInit::kmeans_plus_plus, KMeansInit::random}) {
        opt.init = init;
        const KMeansResult km = kmeans_fit(X, opt);
        CHECK(std::set<int>(km.labels_.begin(), km.labels_.end()).size() == 3);
        CHECK_NEAR(km.inertia_, 0.0, 0.0, "each point is its own centre: exactly 0");
    }
}

TEST_MAIN()

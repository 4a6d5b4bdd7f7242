// SPDX-License-Identifier: MIT
// The three steps of Lloyd's k-means, each alone against scikit-learn 1.2.1 (the k-means
// exercises of derivations/kmeans.md, section 16): the assignment (KM.2), the update (KM.3, KM.4)
// and the k-means++ seeding (KM.9). Each case calls its step and no other exercise region.
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "algorithms/kmeans.hpp"
#include "algorithms/numpy_order.hpp"
#include "tests/check.hpp"
#include "tests/kmeans_cases.hpp"

using namespace mlfs;
using namespace mlfs_test;

// (KM.2) alone (the kmeans-assign exercise). First, sklearn's own first assignment from given
// centres (lloyd_step.s.labels, exported from its Lloyd iteration), bit for bit, on data with exact
// ties (integer rows, the relocation case). Then labels_ of every golden case as an assignment to
// its final centres, centred again: true after a strict stop (KM.7: the last assignment used
// centres equal to the final ones) and after (KM.8), except when a strict stop's update relocated a
// sample (KM.4) and moved a centre after the last assignment; those runs end with an empty label.
TEST_CASE(assign_reproduces_sklearn_labels) {
    mlfs::Golden g("kmeans.txt");
    const int steps = static_cast<int>(g.scalar("lloyd_step.count"));
    for (int s = 0; s < steps; ++s) {
        const std::string p = "lloyd_step." + std::to_string(s);
        const Matrix X = g.matrix("data." + std::to_string(static_cast<int>(g.scalar(p + ".dataset"))) + ".X");
        const Vector xbar = numpy_column_means(X);
        const std::vector<int> labels =
            kmeans_assign(centre_columns(X, xbar), centre_columns(g.matrix(p + ".init_centers"), xbar));
        const std::size_t bad = mismatches(labels, as_labels(g.vector(p + ".labels")));
        CHECK_MSG(bad == 0, p + ": " + std::to_string(bad) + " of " + std::to_string(X.rows()) +
                                " labels differ from sklearn's first assignment; " + g.call(p + ".labels"));
    }
    for (int i = 0; i < case_count(g); ++i) {
        const Case c = load_case(g, i);
        const std::vector<int> ref = as_labels(g.vector(c.p + ".labels"));
        if (std::set<int>(ref.begin(), ref.end()).size() < c.opt.n_clusters) continue;  // see above
        const Vector xbar = numpy_column_means(c.X);
        const std::vector<int> labels =
            kmeans_assign(centre_columns(c.X, xbar), centre_columns(g.matrix(c.p + ".centers"), xbar));
        const std::size_t bad = mismatches(labels, ref);
        CHECK_MSG(bad == 0, c.p + ": " + std::to_string(bad) + " of " + std::to_string(c.X.rows()) +
                                " labels differ from sklearn's labels_ (nearest final centre); " + c.call);
    }
    // ties go to the lowest index (KM.2): x = 0 is exactly halfway between -1 and 1
    const auto show = [](const std::vector<int>& l) {
        std::string s;
        for (int v : l) s += (s.empty() ? "" : " ") + std::to_string(v);
        return "[" + s + "]";
    };
    const std::vector<int> l3 = kmeans_assign(column({0.0, -2.0, 2.0}), column({-1.0, 1.0}));
    CHECK_MSG((l3 == std::vector<int>{0, 0, 1}), "x = (0, -2, 2), centres (-1, 1): labels ours " + show(l3) +
                                                     " vs [0 0 1]: x = 0 is a tie, "
                                                     "which goes to the lowest index (KM.2, strict <)");
    const std::vector<int> l1 = kmeans_assign(column({0.0}), column({1.0, -1.0, 1.0}));
    CHECK_MSG((l1 == std::vector<int>{0}), "x = 0, centres (1, -1, 1): label ours " + show(l1) +
                                               " vs [0]: a three-way tie goes to the lowest index (KM.2)");
}

// (KM.3), (KM.4) alone (the kmeans-update exercise): from sklearn's labels of a first assignment,
// the centres after one update equal sklearn's KMeans(init=C0, max_iter=1).cluster_centers_ bit for
// bit, with 1 or 2 of its threads' sums (KM.15). Several steps relocate empty clusters: chain3 leaves
// a cluster empty that keeps its sum, 0, as its centre; relocated4x2 and ints200x2 choose among
// equally far samples as numpy's introselect does (KM.16).
TEST_CASE(update_matches_one_sklearn_step) {
    mlfs::Golden g("kmeans.txt");
    const int steps = static_cast<int>(g.scalar("lloyd_step.count"));
    CHECK(steps >= 8);
    for (int s = 0; s < steps; ++s) {
        const std::string p = "lloyd_step." + std::to_string(s);
        const std::string d = "data." + std::to_string(static_cast<int>(g.scalar(p + ".dataset")));
        const Matrix X = g.matrix(d + ".X");
        const Vector xbar = numpy_column_means(X);
        const Matrix C = kmeans_update(centre_columns(X, xbar), centre_columns(g.matrix(p + ".init_centers"), xbar),
                                       as_labels(g.vector(p + ".labels")), static_cast<int>(g.scalar(p + ".threads")));
        CHECK_ALL_NEAR(add_row_vector(C, xbar), g.matrix(p + ".centers"), kCentreTol, kCentreTol,
                       "bit for bit: the same sums in sklearn's order, times 1 / n_j (KM.3)");
    }
    // two samples in cluster 1, none in 0: cluster 0 takes the sample farthest from its centre (KM.4)
    CHECK_ALL_NEAR(kmeans_update(column({1.0, 4.0}), column({-10.0, 2.0}), {1, 1}), column({4.0, 1.0}), 0.0, 0.0,
                   "exact: |4 - 2| > |1 - 2|, so 4 moves to cluster 0 and cluster 1 keeps 1");
}

// (KM.9) alone (the kmeans-plusplus exercise): the seeding indices of every k-means++ golden case,
// run after run from one RandomState(seed) on the centred data, as sklearn's KMeans seeds.
TEST_CASE(plusplus_matches_sklearn_seeding) {
    mlfs::Golden g("kmeans.txt");
    int seeded = 0;
    for (int i = 0; i < case_count(g); ++i) {
        const Case c = load_case(g, i);
        if (c.opt.init != KMeansInit::kmeans_plus_plus) continue;
        const Matrix Xc = centre_columns(c.X, numpy_column_means(c.X));
        const Matrix runs = g.matrix(c.p + ".init_indices");
        RandomState rs(c.opt.seed);
        for (std::size_t r = 0; r < runs.rows(); ++r) {
            const std::vector<std::size_t> idx = kmeans_plus_plus(Xc, c.opt.n_clusters, rs);
            std::vector<std::size_t> want;
            for (std::size_t j = 0; j < runs.cols(); ++j) want.push_back(static_cast<std::size_t>(runs(r, j)));
            CHECK_MSG(idx == want, c.p + " run " + std::to_string(r) + ": seeding indices ours [" + joined(idx) +
                                       "] vs sklearn [" + joined(want) + "]; " + c.call);
            ++seeded;
        }
    }
    CHECK(seeded >= 10);
}

// (KM.1) squared_distance_unrolled groups every full block of four, D = 8 included: the second
// block is summed alone, ((t4 + t5) + t6) + t7, then added. Worked by hand: differences
// (1, 0, 0, 0, h, h, h, h) with h = 2^-27 give t = (1, 0, 0, 0, q, q, q, q), q = 2^-54; the block
// sums to 4q = 2^-52 exactly and 1 + 2^-52 is a double, whereas adding q to 1 one at a time rounds
// back to 1 each time (q is a quarter of an ulp of 1). Guards the loop bound d + 4 <= D, which a
// mutant d + 5 <= D (the last block done one term at a time) passed every other test with (#18).
TEST_CASE(unrolled_distance_groups_every_block_of_four) {
    const double h = std::ldexp(1.0, -27);
    const double a[8] = {1, 0, 0, 0, h, h, h, h}, b[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    CHECK_NEAR(squared_distance_unrolled(a, b, 8), 1.0 + std::ldexp(1.0, -52), 0.0,
               "exact: 1 + (((q + q) + q) + q) with q = 2^-54");
    CHECK_NEAR(squared_distance_unrolled(a, b, 4), 1.0, 0.0, "exact: ((1 + 0) + 0) + 0");
}

// kmeans_update_from_sums checks each size on its own: sums with the wrong number of rows, or of
// columns, alone is an error (#18: a mutant joining the two tests with && passed every other test).
TEST_CASE(update_from_sums_checks_each_size) {
    const Matrix Xc(3, 2, {0, 0, 1, 0, 0, 1});
    const Matrix C(2, 2, {0, 0, 1, 0});
    const std::vector<int> labels = {0, 1, 0};
    const std::vector<std::size_t> n = {2, 1};
    CHECK_ALL_NEAR(kmeans_update_from_sums(Xc, C, labels, Matrix(2, 2, {0, 1, 1, 0}), n), Matrix(2, 2, {0, 0.5, 1, 0}),
                   0.0, 0.0, "exact: (0, 1) * (1 / 2) and (1, 0) * 1");
    CHECK_THROWS(kmeans_update_from_sums(Xc, C, labels, Matrix(3, 2), n), ShapeError, "sums 3x2 and 2 counts");
    CHECK_THROWS(kmeans_update_from_sums(Xc, C, labels, Matrix(2, 3), n), ShapeError, "sums 2x3 and 2 counts");
    CHECK_THROWS(kmeans_update_from_sums(Xc, C, labels, Matrix(2, 2), {2, 1, 0}), ShapeError, "and 3 counts");
}

// kmeans_add_samples refuses each bad range on its own: first > last, or last past the end of Xc
TEST_CASE(add_samples_checks_each_bound) {
    const Matrix Xc(3, 2, {0, 0, 1, 0, 0, 1});
    const std::vector<int> labels = {0, 1, 0};
    Matrix sums(2, 2, 0.0);
    std::vector<std::size_t> n(2, 0);
    CHECK_THROWS(kmeans_add_samples(Xc, labels, 2, 1, sums, n), ShapeError, "samples 2..1 of Xc 3x2");
    CHECK_THROWS(kmeans_add_samples(Xc, labels, 0, 4, sums, n), ShapeError, "samples 0..4 of Xc 3x2");
}

// kmeans_update refuses centres of the wrong width, or labels of the wrong length, each alone, and
// a label equal to K (labels run 0..K-1)
TEST_CASE(update_checks_each_size_and_every_label) {
    const Matrix Xc(3, 2, {0, 0, 1, 0, 0, 1});
    const Matrix C(2, 2, {0, 0, 1, 0});
    CHECK_THROWS(kmeans_update(Xc, Matrix(2, 3), {0, 1, 0}, 1), ShapeError, "the centres are 2x3 and there are 3");
    CHECK_THROWS(kmeans_update(Xc, C, {0, 1}, 1), ShapeError, "the centres are 2x2 and there are 2 labels");
    CHECK_THROWS(kmeans_update(Xc, C, {0, 2, 0}, 1), std::invalid_argument, "label 2 is not in 0..1");
}

// (KM.15) with reference_threads = 2 the update adds sklearn's two threads' sums: samples in chunks
// of 256, thread 0 taking the first ceil(n_chunks / 2) chunks. At N = 512 (two chunks) that is
// samples 0..255 and 256..511. With x_0 = 1 and every other sample 2^-53, thread 0's sum stays 1
// (each 1 + 2^-53 rounds to 1), thread 1's is 256 x 2^-53 = 2^-45 exactly, and 1 + 2^-45 is a
// double; one sum over all 512 stays 1. Dividing by n = 512 (a power of two) is exact.
TEST_CASE(update_with_two_reference_threads_splits_at_whole_chunks) {
    const std::size_t N = 512;
    Matrix Xc(N, 1, std::ldexp(1.0, -53));
    Xc(0, 0) = 1.0;
    const std::vector<int> labels(N, 0);
    const Matrix C(1, 1, 0.0);
    CHECK_NEAR(kmeans_update(Xc, C, labels, 2)(0, 0), (1.0 + std::ldexp(1.0, -45)) / 512.0, 0.0,
               "exact: (1 + 2^-45) / 512, thread 1's sum kept apart");
    CHECK_NEAR(kmeans_update(Xc, C, labels, 1)(0, 0), 1.0 / 512.0, 0.0, "exact: one sum in sample order stays 1");
}

TEST_MAIN()

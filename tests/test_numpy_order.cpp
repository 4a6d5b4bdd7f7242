// SPDX-License-Identifier: MIT
// algorithms/numpy_order.cpp against numpy 1.24 itself (tests/golden/kmeans.txt, numpy_order.*):
// the summation order of np.sum and X.mean(axis=0) (KM.13), the order of np.einsum('ij,ij->i')
// (KM.14) and the order np.argpartition leaves equal values in (KM.16). All bit for bit: these
// orders decide k-means' ties (derivations/kmeans.md, section 13), so a tolerance would hide the
// very thing they are for. The inputs are rebuilt from mlfs::RandomState, numpy's stream.
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "algorithms/numpy_order.hpp"
#include "algorithms/random.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"

using namespace mlfs;

// (KM.13) pairwise sums within blocks of 8192, blocks added in turn: every length where a branch
// changes (7/8, 128/129, 8192/8193, ...). A plain loop differs from numpy at most lengths >= 8.
TEST_CASE(sum_and_mean_in_numpy_order) {
    mlfs::Golden g("kmeans.txt");
    RandomState rs(7);
    const Vector v = rs.random_sample(20000);
    const Vector n = g.vector("numpy_order.sum.n"), sum = g.vector("numpy_order.sum.value");
    const Vector mean = g.vector("numpy_order.column_mean.value");
    int plain_differs = 0;
    for (std::size_t t = 0; t < n.size(); ++t) {
        const std::size_t len = static_cast<std::size_t>(n[t]);
        CHECK_REL(numpy_sum(v.data(), len), sum[t], 0.0, "bit for bit: numpy.sum(v[:n]), n = numpy_order.sum.n");
        const Matrix X(len, 1, Vector(v.begin(), v.begin() + static_cast<long>(len)));
        CHECK_REL(numpy_column_means(X)[0], mean[t], 0.0, "bit for bit: X.mean(axis=0) of v[:n] as a column");
        double plain = 0.0;
        for (std::size_t i = 0; i < len; ++i) plain += v[i];
        plain_differs += plain != sum[t];
    }
    CHECK(plain_differs > 0);  // the order matters on these inputs
}

// (KM.13) n = 8 already takes numpy's eight accumulators, ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)),
// not the one-at-a-time loop of n < 8: with {1, 0, h, h, 0, 0, 0, 0}, h = 2^-53, the pairs give
// 1 + 2h = 1 + 2^-52 exactly, while adding h to 1 one at a time rounds back to 1 (a tie, to even).
TEST_CASE(sum_of_eight_is_pairwise) {
    const double h = std::ldexp(1.0, -53);
    const double a[8] = {1.0, 0.0, h, h, 0.0, 0.0, 0.0, 0.0};
    CHECK_NEAR(numpy_sum(a, 8), 1.0 + std::ldexp(1.0, -52), 0.0, "exact: (1 + 0) + (h + h) = 1 + 2^-52");
    CHECK_NEAR(numpy_sum(a, 7), 1.0, 0.0, "exact: n = 7 adds in order, each 1 + h rounds to 1");
}

// (KM.14) two lanes, blocks of 8 from the highest pair down: lengths 1 to 40
TEST_CASE(einsum_norms_in_numpy_order) {
    mlfs::Golden g("kmeans.txt");
    const Matrix ref = g.matrix("numpy_order.einsum");
    for (std::size_t d = 1; d <= ref.rows(); ++d) {
        RandomState rs(static_cast<std::uint32_t>(d));
        const Vector a = rs.random_sample(2 * d);
        const Vector norms = row_norms_squared(Matrix(2, d, a));
        for (std::size_t r = 0; r < 2; ++r)
            CHECK_REL(norms[r], ref(d - 1, r), 0.0, "bit for bit: einsum('ij,ij->i'), rows of length d = 1..40");
    }
}

// (KM.16) numpy's introselect on values 0..3 (ties everywhere): which indices come out, in which order
TEST_CASE(argpartition_top_as_numpy) {
    mlfs::Golden g("kmeans.txt");
    const int count = static_cast<int>(g.scalar("numpy_order.argpartition.count"));
    for (int s = 0; s < count; ++s) {
        const std::string p = "numpy_order.argpartition." + std::to_string(s);
        const Vector v = g.vector(p + ".v"), ref = g.vector(p + ".top");
        const std::vector<std::size_t> top = argpartition_top(v, static_cast<std::size_t>(g.scalar(p + ".m")));
        std::string ours, want;
        for (std::size_t r = 0; r < top.size(); ++r) ours += " " + std::to_string(top[r]);
        for (double x : ref) want += " " + std::to_string(static_cast<std::size_t>(x));
        CHECK_MSG(ours == want, p + ": ours [" + ours + " ] vs numpy [" + want + " ] (" + g.call(p + ".top") + ")");
    }
    // m = N is allowed: the top N of N values are all of them
    const std::vector<std::size_t> all = argpartition_top(Vector{0.5, 0.25, 0.75}, 3);
    CHECK((std::set<std::size_t>(all.begin(), all.end()) == std::set<std::size_t>{0, 1, 2}) && all.size() == 3);
    // m = 1: the last of equal maxima (sklearn's test_kmeans_relocated_clusters turns on it)
    CHECK((argpartition_top(Vector{0.5, 0.25, 0.25, 0.5}, 1) == std::vector<std::size_t>{3}));
}

TEST_MAIN()

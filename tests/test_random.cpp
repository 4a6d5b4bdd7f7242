// SPDX-License-Identifier: MIT
// RandomState against numpy's legacy numpy.random.RandomState (tests/golden/random.txt): every
// draw bit for bit, and the stream position after each kind of draw.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "algorithms/random.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"

using namespace mlfs;

// tolerance 0 everywhere a number comes from numpy
static const char* const kSame = "same integer draws, same IEEE operations";

template <class Int>
static Vector as_doubles(const std::vector<Int>& v) {  // exact: every value here is below 2^53
    return Vector(v.begin(), v.end());
}

static std::uint32_t golden_u32(const Vector& raw, std::size_t i) { return static_cast<std::uint32_t>(raw[i]); }

TEST_CASE(raw_stream_is_numpys_mt19937) {
    mlfs::Golden g("random.txt");
    for (std::uint32_t seed : {0u, 5489u, 4294967295u}) {
        RandomState rs(seed);
        Vector ours(1000);
        for (double& u : ours) u = rs.next_uint32();
        CHECK_ALL_NEAR(ours, g.vector("raw.seed" + std::to_string(seed)), 0.0, 0.0, kSame);
    }
}

TEST_CASE(random_sample_and_uniform_match_numpy) {
    mlfs::Golden g("random.txt");
    for (std::uint32_t seed : {0u, 1u, 42u}) {
        const Vector ref = g.vector("random_sample.seed" + std::to_string(seed));
        RandomState helper(seed), scalar(seed);
        CHECK_ALL_NEAR(helper.random_sample(ref.size()), ref, 0.0, 0.0, kSame);
        Vector ours(ref.size());
        for (double& u : ours) u = scalar.random_sample();
        CHECK_ALL_NEAR(ours, ref, 0.0, 0.0, kSame);
    }
    const double b = g.scalar("uniform.bound");
    const Matrix ref = g.matrix("uniform.seed42");
    RandomState helper(42), scalar(42);
    CHECK_ALL_NEAR(helper.uniform(-b, b, 5, 7), ref, 0.0, 0.0, kSame);
    Vector ours(35);
    for (double& u : ours) u = scalar.uniform(-b, b);
    CHECK_ALL_NEAR(ours, ref.data(), 0.0, 0.0, kSame);
}

TEST_CASE(random_sample_is_the_53_bit_formula) {
    // (a >> 5) * 2^26 + (b >> 6) assembled as an integer, then scaled by 2^-53 (exact both ways),
    // on the raw pairs numpy gave for seed 0: checks the formula itself against numpy's doubles
    mlfs::Golden g("random.txt");
    const Vector raw = g.vector("raw.seed0");
    const Vector ref = g.vector("random_sample.seed0");
    RandomState rs(0);
    Vector formula(raw.size() / 2), ours(raw.size() / 2);
    for (std::size_t i = 0; i < formula.size(); ++i) {
        const std::uint64_t a = golden_u32(raw, 2 * i) >> 5, b = golden_u32(raw, 2 * i + 1) >> 6;
        formula[i] = std::ldexp(static_cast<double>((a << 26) | b), -53);
        ours[i] = rs.random_sample();
    }
    CHECK_ALL_NEAR(formula, Vector(ref.begin(), ref.begin() + 500), 0.0, 0.0,
                   "the formula is exact integer arithmetic");
    CHECK_ALL_NEAR(ours, formula, 0.0, 0.0, kSame);
    // uniform is low + (high - low) * u on the same u
    RandomState left(3), right(3);
    const double u = right.random_sample();
    CHECK_NEAR(left.uniform(-0.25, 1.5), -0.25 + 1.75 * u, 0.0, kSame);
    CHECK_NEAR(left.uniform(2.0, 2.0), 2.0, 0.0, "a zero range gives low (two draws still consumed)");
    right.random_sample();  // right skips the two draws left spent on uniform(2, 2)
    CHECK_NEAR(left.random_sample(), right.random_sample(), 0.0, kSame);
}

TEST_CASE(randint_matches_numpy_and_keeps_the_stream_position) {
    mlfs::Golden g("random.txt");
    const Vector ns = g.vector("randint.ns");
    CHECK(ns.size() == 9);
    for (double n_double : ns) {
        const std::int64_t n = static_cast<std::int64_t>(n_double);
        const std::string name = "randint.n" + std::to_string(n);
        RandomState rs(42);
        std::vector<std::int64_t> draws(200);
        for (std::int64_t& d : draws) d = rs.randint(n);
        CHECK_ALL_NEAR(as_doubles(draws), g.vector(name + ".draws"), 0.0, 0.0, kSame);
        CHECK_NEAR(rs.random_sample(), g.scalar(name + ".next"), 0.0,
                   "the same number of raw draws consumed, then the same random_sample");
    }
}

TEST_CASE(randint_special_cases_on_the_raw_stream) {
    mlfs::Golden g("random.txt");
    const Vector raw = g.vector("raw.seed0");
    RandomState a(0), b(0), c(0);
    // n = 2^32: r = 2^32 - 1 takes one raw draw as it is; n = 2^31: mask 2^31 - 1 never rejects
    bool whole = true, masked = true;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        whole = whole && a.randint(std::int64_t(1) << 32) == static_cast<std::int64_t>(golden_u32(raw, i));
        masked = masked &&
                 b.randint(std::int64_t(1) << 31) == static_cast<std::int64_t>(golden_u32(raw, i) & 0x7FFFFFFFu);
    }
    CHECK_MSG(whole, "randint(2^32) is the raw stream");
    CHECK_MSG(masked, "randint(2^31) is the raw stream & (2^31 - 1)");
    // a 64-bit draw is (first << 32) | second; with r = 2^63 - 2 the mask is 2^63 - 1
    const std::uint64_t first = golden_u32(raw, 0), second = golden_u32(raw, 1);
    const std::uint64_t expect = ((first << 32) | second) & 0x7FFFFFFFFFFFFFFFull;
    CHECK(expect <= 0x7FFFFFFFFFFFFFFEull);  // accepted at the first try (else this check is moot)
    CHECK(static_cast<std::uint64_t>(c.randint(std::numeric_limits<std::int64_t>::max())) == expect);
    CHECK(c.next_uint32() == golden_u32(raw, 2));  // exactly two draws consumed
    // the rejection is v > r, so a 64-bit draw equal to r itself is kept: with r = that same draw
    // (its mask covers it) the first try is the answer, two raw draws
    RandomState e(0);
    CHECK(expect > 0xFFFFFFFFull);  // the 64-bit path
    CHECK(e.random_interval(expect) == expect);
    CHECK(e.next_uint32() == golden_u32(raw, 2));
    // n = 1 (r = 0) and random_interval(0) consume nothing
    RandomState d(0);
    CHECK(d.randint(1) == 0 && d.random_interval(0) == 0);
    CHECK(d.next_uint32() == golden_u32(raw, 0));
}

TEST_CASE(permutation_and_shuffle_match_numpy) {
    mlfs::Golden g("random.txt");
    const Vector ns = g.vector("permutation.ns");
    CHECK(ns.size() == 5);
    for (double n_double : ns) {
        const std::size_t n = static_cast<std::size_t>(n_double);
        const std::string name = "permutation.n" + std::to_string(n);
        RandomState rs(0), twin(0);
        CHECK_ALL_NEAR(as_doubles(rs.permutation(n)), g.vector(name), 0.0, 0.0, kSame);
        CHECK_NEAR(rs.random_sample(), g.scalar(name + ".next"), 0.0,
                   "n - 1 random_interval draws consumed, then the same random_sample");
        std::vector<long> x(n);
        for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<long>(i);
        twin.shuffle(x);
        CHECK_ALL_NEAR(as_doubles(x), g.vector(name), 0.0, 0.0, "shuffle makes the same swaps as permutation");
    }
    RandomState empty(0);
    CHECK(empty.permutation(0).empty());
    CHECK(empty.next_uint32() == RandomState(0).next_uint32());  // n = 0 draws nothing
}

TEST_CASE(normals_match_numpy_including_the_cache) {
    mlfs::Golden g("random.txt");
    const Vector ref = g.vector("standard_normal.seed1");
    RandomState helper(1), scalar(1);
    CHECK_ALL_NEAR(helper.standard_normal(ref.size()), ref, 0.0, 0.0, kSame);
    Vector ours(ref.size());
    for (double& z : ours) z = scalar.standard_normal();
    CHECK_ALL_NEAR(ours, ref, 0.0, 0.0, kSame);
    // 1001 is odd: f x1 of the last pair stays cached; random_sample neither uses nor clears it
    CHECK_NEAR(helper.random_sample(), g.scalar("standard_normal.seed1.next"), 0.0, kSame);
    CHECK_NEAR(helper.standard_normal(), g.scalar("standard_normal.seed1.cached"), 0.0,
               "the cached value, returned without a draw");
    CHECK_NEAR(scalar.random_sample(), g.scalar("standard_normal.seed1.next"), 0.0, kSame);
    const Vector nref = g.vector("normal.seed5489");
    RandomState nhelper(5489), nscalar(5489);
    CHECK_ALL_NEAR(nhelper.normal(3.0, 2.0, nref.size()), nref, 0.0, 0.0, kSame);
    Vector nours(nref.size());
    for (double& z : nours) z = nscalar.normal(3.0, 2.0);
    CHECK_ALL_NEAR(nours, nref, 0.0, 0.0, kSame);
    // the second normal of a pair comes from the cache: after two normals the stream stands where it
    // stood after one
    RandomState p(7), q(7);
    p.standard_normal();
    p.standard_normal();
    q.standard_normal();
    CHECK(p.next_uint32() == q.next_uint32());  // the second normal drew nothing
}

TEST_CASE(mixed_stream_as_kmeans_and_mlp_use_it) {
    mlfs::Golden g("random.txt");
    RandomState rs(0);
    CHECK_NEAR(static_cast<double>(rs.randint(150)), g.scalar("mixed.randint"), 0.0, kSame);  // k-means++ c0
    Vector r = rs.uniform(0.0, 1.0, 3);  // k-means++ candidates: uniform(size=L) * pot
    for (double& v : r) v *= 7.5;
    CHECK_ALL_NEAR(r, g.vector("mixed.uniform_scaled"), 0.0, 0.0, kSame);
    CHECK_ALL_NEAR(as_doubles(rs.permutation(150)), g.vector("mixed.permutation"), 0.0, 0.0, kSame);
    CHECK_ALL_NEAR(rs.uniform(-0.3, 0.3, 4, 5), g.matrix("mixed.uniform"), 0.0, 0.0, kSame);  // MLP weights
    CHECK_ALL_NEAR(rs.standard_normal(3), g.vector("mixed.standard_normal"), 0.0, 0.0, kSame);
    CHECK_NEAR(rs.random_sample(), g.scalar("mixed.next"), 0.0, kSame);
}

TEST_CASE(same_seed_same_stream_different_seed_different_stream) {
    RandomState a(12345), b(12345), c(12346);
    bool same = true;
    int differ = 0;
    for (int i = 0; i < 2000; ++i) {
        // a bit of everything, in the same order on a and b
        same = same && a.next_uint32() == b.next_uint32() && a.random_sample() == b.random_sample() &&
               a.randint(1000 + i) == b.randint(1000 + i) && a.standard_normal() == b.standard_normal();
        const std::uint32_t seed = static_cast<std::uint32_t>(i);
        if (RandomState(seed).next_uint32() != RandomState(seed + 1).next_uint32()) ++differ;
    }
    CHECK_MSG(same, "two RandomState(12345) give identical streams");
    CHECK_MSG(differ == 2000, "seeds i and i + 1 give different first draws, " + std::to_string(differ) + " of 2000");
    int equal = 0;
    RandomState d(12345);
    for (int i = 0; i < 1000; ++i) equal += d.next_uint32() == c.next_uint32();
    CHECK_MSG(equal <= 2, "seeds 12345 and 12346 agree on " + std::to_string(equal) + " of 1000 draws");
}

TEST_CASE(bad_arguments_throw_with_the_value) {
    RandomState rs(0);
    const double nan = std::nan("");
    CHECK_THROWS(rs.randint(0), std::invalid_argument, "randint: need n >= 1 for a draw from [0, n), got n = 0");
    CHECK_THROWS(rs.randint(-3), std::invalid_argument, "got n = -3");
    CHECK_THROWS(rs.uniform(1.0, 0.5), std::invalid_argument, "uniform: need low <= high, got low = 1, high = 0.5");
    CHECK_THROWS(rs.uniform(0.0, nan), std::invalid_argument, "high = nan");
    CHECK_THROWS(rs.uniform(1.0, 0.5, 3), std::invalid_argument, "uniform: need low <= high");
    CHECK_THROWS(rs.uniform(1.0, 0.5, 2, 2), std::invalid_argument, "uniform: need low <= high");
    const double big = std::numeric_limits<double>::max();
    CHECK_THROWS(rs.uniform(-big, big), std::invalid_argument, "uniform: the range high - low");
    CHECK_THROWS(rs.normal(0.0, -1.0), std::invalid_argument, "normal: need scale >= 0, got scale = -1");
    CHECK_THROWS(rs.normal(0.0, nan), std::invalid_argument, "scale = nan");
    CHECK_THROWS(rs.normal(0.0, -2.0, 4), std::invalid_argument, "normal: need scale >= 0");
    // a refused call draws nothing
    CHECK(rs.next_uint32() == RandomState(0).next_uint32());
    CHECK_NEAR(rs.normal(5.0, 0.0), 5.0, 0.0, "scale 0 is allowed, as in numpy: loc + 0 * g");
}

TEST_MAIN()

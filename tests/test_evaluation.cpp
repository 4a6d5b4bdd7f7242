// SPDX-License-Identifier: MIT
// Held-out rows and metrics against scikit-learn 1.2.1 (tests/golden/evaluation.txt):
// train_test_split's rows, plain and stratified, index for index, and r2_score, mean_squared_error,
// mean_absolute_error, accuracy_score, log_loss, confusion_matrix and classification_report on
// arrays redrawn here from the same numpy RandomState calls (algorithms/random.hpp), bit for bit.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/metrics.hpp"
#include "algorithms/random.hpp"
#include "algorithms/split.hpp"
#include "io/golden.hpp"
#include "linalg/format.hpp"
#include "tests/check.hpp"

using namespace mlfs;

// tolerance 0: the same draws, the same IEEE operations in numpy's order (numpy_sum), glibc's log
static const char* const kSame = "same operations in numpy's order";

static Vector as_doubles(const std::vector<std::size_t>& v) { return Vector(v.begin(), v.end()); }

static Labels as_labels(const Vector& v) {
    Labels y(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) y[i] = static_cast<std::size_t>(v[i]);
    return y;
}

TEST_CASE(train_test_split_picks_sklearns_rows) {
    Golden g("evaluation.txt");
    struct Case {
        const char* name;
        std::size_t N;
        TestSize size;
        std::uint32_t seed;
    };
    const Case cases[] = {
        {"n10", 10, TestSize::of_fraction(0.25), 0},
        {"n150", 150, TestSize::of_fraction(0.3), 42},
        {"n1000", 1000, TestSize::of_fraction(0.2), 7},
        {"n7_count3", 7, TestSize::of_count(3), 1},
        {"n101_half", 101, TestSize::of_fraction(0.5), 4294967295u},
        {"n2", 2, TestSize::of_fraction(0.5), 0},
    };
    for (const Case& c : cases) {
        const TrainTest tt = train_test_split(c.N, split_sizes(c.N, c.size), c.seed);
        const std::string p = std::string("split.") + c.name;
        CHECK_ALL_NEAR(as_doubles(tt.train), g.vector(p + ".train"), 0.0, 0.0, "row indices are exact");
        CHECK_ALL_NEAR(as_doubles(tt.test), g.vector(p + ".test"), 0.0, 0.0, "row indices are exact");
    }
}

TEST_CASE(stratified_split_picks_sklearns_rows) {
    Golden g("evaluation.txt");
    struct Case {
        const char* name;
        TestSize size;
        std::uint32_t seed;
    };
    // "ties": 4 classes of 5 rows, n_train = 14: every remainder is 0.5, so rng.choice decides
    const Case cases[] = {
        {"three_equal", TestSize::of_fraction(0.3), 0}, {"ties", TestSize::of_fraction(0.3), 11},
        {"imbalanced", TestSize::of_fraction(0.25), 5}, {"two_rare", TestSize::of_fraction(0.2), 1},
        {"count_test", TestSize::of_count(9), 123},
    };
    for (const Case& c : cases) {
        const std::string p = std::string("stratified.") + c.name;
        const Labels y = as_labels(g.vector(p + ".y"));
        std::size_t K = 0;
        for (std::size_t k : y) K = std::max(K, k + 1);
        const TrainTest tt = stratified_train_test_split(y, K, split_sizes(y.size(), c.size), c.seed);
        CHECK_ALL_NEAR(as_doubles(tt.train), g.vector(p + ".train"), 0.0, 0.0, "row indices are exact");
        CHECK_ALL_NEAR(as_doubles(tt.test), g.vector(p + ".test"), 0.0, 0.0, "row indices are exact");
    }
}

TEST_CASE(splits_refuse_what_sklearn_refuses) {
    CHECK_THROWS(split_sizes(10, TestSize::of_fraction(1.0)), std::invalid_argument, "fraction in (0, 1)");
    CHECK_THROWS(split_sizes(10, TestSize::of_fraction(0.0)), std::invalid_argument, "fraction in (0, 1)");
    CHECK_THROWS(split_sizes(10, TestSize::of_fraction(std::nan(""))), std::invalid_argument, "fraction");
    CHECK_THROWS(split_sizes(10, TestSize::of_count(10)), std::invalid_argument, "smaller than the 10 rows");
    CHECK_THROWS(split_sizes(10, TestSize::of_count(0)), std::invalid_argument, "at least 1");
    // ceil(0.95 * 10) = 10: nothing left to train on
    CHECK_THROWS(split_sizes(10, TestSize::of_fraction(0.95)), std::invalid_argument, "train side would be empty");
    const SplitSizes s = split_sizes(10, TestSize::of_fraction(0.2));
    CHECK(s.n_test == 2 && s.n_train == 8);
    CHECK_THROWS(stratified_train_test_split({0, 0, 1, 1, 1, 2}, 3, split_sizes(6, TestSize::of_count(3)), 0),
                 std::invalid_argument, "class 2 has 1 row(s)");
    CHECK_THROWS(stratified_train_test_split({0, 0, 1, 1, 2, 2}, 3, split_sizes(6, TestSize::of_count(2)), 0),
                 std::invalid_argument, "test side has 2 rows, fewer than the 3 classes");
    CHECK_THROWS(stratified_train_test_split({0, 0, 1, 1, 2, 2}, 3, split_sizes(6, TestSize::of_count(4)), 0),
                 std::invalid_argument, "train side has 2 rows, fewer than the 3 classes");
}

TEST_CASE(approximate_mode_hands_out_every_draw) {
    // 7 rows among classes of 3, 3 and 4: 2.1, 2.1, 2.8 floor to 2, 2, 2; the one left goes to the
    // largest remainder, class 2, without a draw deciding it
    RandomState rs(0);
    const std::vector<std::size_t> n = approximate_mode({3, 3, 4}, 7, rs);
    CHECK(n.size() == 3 && n[0] == 2 && n[1] == 2 && n[2] == 3);
}

static void check_regression(const Golden& g, const std::string& name, const Vector& y, const Vector& y_hat) {
    const std::string p = "regression." + name + ".";
    const double r2 = g.scalar(p + "r2_score");
    if (std::isnan(r2)) CHECK(std::isnan(r2_score(y, y_hat)));  // N = 1: undefined, as scikit-learn's nan
    else CHECK_NEAR(r2_score(y, y_hat), r2, 0.0, kSame);
    CHECK_NEAR(mean_squared_error(y, y_hat), g.scalar(p + "mean_squared_error"), 0.0, kSame);
    CHECK_NEAR(mean_absolute_error(y, y_hat), g.scalar(p + "mean_absolute_error"), 0.0, kSame);
}

TEST_CASE(regression_metrics_match_sklearn_bit_for_bit) {
    Golden g("evaluation.txt");
    struct Case {
        const char* name;
        std::uint32_t seed;
        std::size_t N;
        double loc, scale, noise;
    };
    // n20000 sums across numpy's 8192-element buffer; near_zero_r2 has R^2 = 0.003, where a last bit
    // of either sum shows; tiny and huge sit at 1e-100 and 1e100
    const Case cases[] = {
        {"n1", 1, 1, 0.0, 1.0, 0.5},
        {"n2", 2, 2, 0.0, 1.0, 0.5},
        {"n7", 3, 7, 10.0, 2.0, 1.0},
        {"n100", 4, 100, -3.0, 5.0, 0.1},
        {"n20000", 5, 20000, 1.0, 3.0, 0.5},
        {"near_zero_r2", 6, 1000, 0.0, 1.0, 1.0},
        {"tiny", 7, 300, 1e-100, 3e-100, 1e-101},
        {"huge", 8, 300, 1e100, 3e100, 1e99},
    };
    for (const Case& c : cases) {
        RandomState rs(c.seed);
        const Vector y = rs.normal(c.loc, c.scale, c.N);
        const Vector z = rs.standard_normal(c.N);
        Vector y_hat(c.N);
        for (std::size_t i = 0; i < c.N; ++i) y_hat[i] = y[i] + c.noise * z[i];  // y + noise * z
        check_regression(g, c.name, y, y_hat);
    }
    const Vector constant(50, 2.5);
    check_regression(g, "constant_exact", constant, constant);  // R^2 = 1: SS_res = 0
    RandomState rs9(9);
    const Vector z = rs9.standard_normal(50);
    Vector off(50);
    for (std::size_t i = 0; i < 50; ++i) off[i] = constant[i] + z[i];
    check_regression(g, "constant_off", constant, off);  // R^2 = 0: SS_tot = 0 (force_finite)
    RandomState rs10(10);
    Vector yi(500), yhi(500);
    for (double& v : yi) v = static_cast<double>(rs10.randint(100));
    for (std::size_t i = 0; i < 500; ++i) yhi[i] = yi[i] + static_cast<double>(rs10.randint(7)) - 3.0;
    check_regression(g, "integers", yi, yhi);
}

TEST_CASE(classification_metrics_match_sklearn_bit_for_bit) {
    Golden g("evaluation.txt");
    struct Case {
        const char* name;
        std::uint32_t seed;
        std::size_t N, K, unused;
    };
    const Case cases[] = {{"binary", 21, 200, 2, 0}, {"three", 22, 1000, 3, 0}, {"ten", 23, 20000, 10, 1}};
    for (const Case& c : cases) {
        // goldens_evaluation._classification_arrays, draw for draw
        RandomState rs(c.seed);
        Labels y(c.N), y_hat(c.N);
        for (std::size_t& v : y) v = static_cast<std::size_t>(rs.randint(static_cast<std::int64_t>(c.K)));
        const Vector u = rs.random_sample(c.N);
        std::vector<std::size_t> s(c.N);
        for (std::size_t& v : s) v = static_cast<std::size_t>(rs.randint(static_cast<std::int64_t>(c.K - 1)));
        for (std::size_t i = 0; i < c.N; ++i) {
            y_hat[i] = u[i] < 0.3 ? (y[i] + 1 + s[i]) % c.K : y[i];
            if (y_hat[i] == c.K - 1) y_hat[i] = 0;  // class K-1 is never predicted
        }
        const std::size_t L = c.K + c.unused;  // labels = range(K + unused)
        const Vector draws = rs.random_sample(c.N * c.K);
        Matrix P(c.N, L, 0.0);
        for (std::size_t i = 0; i < c.N; ++i)
            for (std::size_t k = 0; k < c.K; ++k) P(i, k) = draws[i * c.K + k];
        for (std::size_t k = 0; k < L; ++k) P(0, k) = k == y[0] ? 1.0 : 0.0;  // clipped at both ends
        for (std::size_t k = 0; k < c.K; ++k) P(1, k) = 1e-300;               // clipped to eps
        const std::string p = std::string("classification.") + c.name + ".";
        CHECK_NEAR(accuracy_score(y, y_hat), g.scalar(p + "accuracy_score"), 0.0, kSame);
        CHECK_NEAR(log_loss(y, P), g.scalar(p + "log_loss"), 0.0, kSame);
        const auto C = confusion_matrix(y, y_hat, L);
        Matrix Cd(L, L);
        for (std::size_t a = 0; a < L; ++a)
            for (std::size_t b = 0; b < L; ++b) Cd(a, b) = static_cast<double>(C[a][b]);
        CHECK_ALL_NEAR(Cd, g.matrix(p + "confusion_matrix"), 0.0, 0.0, "counts are exact");
        const ClassificationReport r = classification_report(y, y_hat, L);
        CHECK_ALL_NEAR(r.precision, g.vector(p + "precision"), 0.0, 0.0, kSame);
        CHECK_ALL_NEAR(r.recall, g.vector(p + "recall"), 0.0, 0.0, kSame);
        CHECK_ALL_NEAR(r.f1, g.vector(p + "f1"), 0.0, 0.0, kSame);
        CHECK_ALL_NEAR(as_doubles(r.support), g.vector(p + "support"), 0.0, 0.0, "counts are exact");
        CHECK_NEAR(r.macro_precision, g.scalar(p + "macro_precision"), 0.0, kSame);
        CHECK_NEAR(r.macro_recall, g.scalar(p + "macro_recall"), 0.0, kSame);
        CHECK_NEAR(r.macro_f1, g.scalar(p + "macro_f1"), 0.0, kSame);
        CHECK_NEAR(r.weighted_precision, g.scalar(p + "weighted_precision"), 0.0, kSame);
        CHECK_NEAR(r.weighted_recall, g.scalar(p + "weighted_recall"), 0.0, kSame);
        CHECK_NEAR(r.weighted_f1, g.scalar(p + "weighted_f1"), 0.0, kSame);
    }
}

TEST_CASE(metrics_refuse_bad_input) {
    CHECK_THROWS(r2_score({1.0, 2.0}, {1.0}), std::invalid_argument, "y has 2 values but y_hat has 1");
    CHECK_THROWS(mean_squared_error({}, {}), std::invalid_argument, "no rows");
    CHECK_THROWS(accuracy_score({0, 1}, {0}), std::invalid_argument, "y has 2 values");
    CHECK_THROWS(log_loss({0, 3}, Matrix(2, 3, 0.5)), std::invalid_argument, "class index 3");
    CHECK_THROWS(log_loss({0}, Matrix(1, 1, 1.0)), std::invalid_argument, "K >= 2");
    Matrix P(2, 2, 0.5);
    P(1, 0) = -0.1;
    CHECK_THROWS(log_loss({0, 1}, P), std::invalid_argument, "P(1, 0)");
    CHECK_THROWS(confusion_matrix({0, 1}, {0, 2}, 2), std::invalid_argument, "y_hat");
}

// Labels, --test-size values and predictions are printed with format_shortest: the fewest digits that
// read back as the same double, without an exponent where %g would add one to few digits (30, not 3e+01)
TEST_CASE(format_shortest_reads_back_as_written) {
    const std::pair<double, const char*> cases[] = {{30.0, "30"},           {3.0, "3"},
                                                    {0.5, "0.5"},           {1e200, "1e+200"},
                                                    {1e-5, "1e-05"},        {123456.0, "123456"},
                                                    {0.1, "0.1"},           {-0.0, "-0"},
                                                    {0.999999, "0.999999"}, {1.5e17, "1.5e+17"},
                                                    {5e-324, "5e-324"},     {2.0 / 3.0, "0.6666666666666666"}};
    for (const auto& c : cases) {
        const std::string s = format_shortest(c.first);
        CHECK(s == c.second);
        CHECK(std::strtod(s.c_str(), nullptr) == c.first);
    }
}

TEST_MAIN()

// SPDX-License-Identifier: MIT
// train_test_split, plain and stratified, as scikit-learn 1.2.1 draws it (algorithms/split.hpp;
// derivations/evaluation.md, (EV.1)-(EV.4)). Written from sklearn/model_selection/_split.py
// (_validate_shuffle_split, ShuffleSplit._iter_indices, StratifiedShuffleSplit._iter_indices) and
// sklearn/utils/__init__.py (_approximate_mode); checked row for row by tests/test_evaluation.cpp.
#include "algorithms/split.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

#include "algorithms/random.hpp"
#include "linalg/format.hpp"

namespace mlfs {

namespace {

std::string str(std::size_t n) { return std::to_string(n); }

}  // namespace

SplitSizes split_sizes(std::size_t N, const TestSize& test_size) {
    if (N == 0) throw std::invalid_argument("no rows to split");  // scikit-learn refuses an empty input first
    std::size_t n_test = 0;
    if (test_size.is_fraction) {
        const double f = test_size.fraction;
        if (!(f > 0.0 && f < 1.0))  // also NaN
            throw std::invalid_argument(
                "test size " + format_shortest(f) +
                " should be a fraction in (0, 1) or a whole number of rows below N = " + str(N));
        n_test = static_cast<std::size_t>(std::ceil(f * static_cast<double>(N)));  // (EV.1) ceil(f N)
    } else {
        n_test = test_size.count;
        if (n_test == 0 || n_test >= N)
            throw std::invalid_argument("test size " + str(n_test) + " should be at least 1 and smaller than the " +
                                        str(N) + " rows");
    }
    if (n_test >= N)
        throw std::invalid_argument("with " + str(N) + " rows and test size " + format_shortest(test_size.fraction) +
                                    " the train side would be empty (n_test = " + str(n_test) + ")");
    return {N - n_test, n_test};
}

TrainTest train_test_split(std::size_t N, const SplitSizes& sizes, std::uint32_t seed) {
    if (sizes.n_train + sizes.n_test != N || sizes.n_train == 0 || sizes.n_test == 0)
        throw std::invalid_argument("train_test_split: sizes " + str(sizes.n_train) + " + " + str(sizes.n_test) +
                                    " do not split " + str(N) + " rows into two non-empty sides");
    RandomState rs(seed);
    const std::vector<std::size_t> p = rs.permutation(N);  // (EV.2)
    TrainTest tt;
    tt.test.assign(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(sizes.n_test));
    tt.train.assign(p.begin() + static_cast<std::ptrdiff_t>(sizes.n_test), p.end());
    return tt;
}

std::vector<std::size_t> approximate_mode(const std::vector<std::size_t>& counts, std::size_t draws, RandomState& rs) {
    const std::size_t K = counts.size();
    std::size_t total = 0;
    for (std::size_t n_k : counts) total += n_k;
    if (total == 0) throw std::invalid_argument("approximate_mode: no rows to draw from");
    // (EV.4) continuous_k = n_k / sum(n) * draws, floored; numpy divides first, then multiplies
    Vector continuous(K), remainder(K);
    std::vector<std::size_t> floored(K);
    std::size_t placed = 0;
    for (std::size_t k = 0; k < K; ++k) {
        continuous[k] = static_cast<double>(counts[k]) / static_cast<double>(total) * static_cast<double>(draws);
        const double f = std::floor(continuous[k]);
        floored[k] = static_cast<std::size_t>(f);
        remainder[k] = continuous[k] - f;
        placed += floored[k];
    }
    std::size_t need = draws > placed ? draws - placed : 0;
    // the distinct remainders, largest first (np.sort(np.unique(remainder))[::-1])
    Vector values = remainder;
    std::sort(values.begin(), values.end(), std::greater<double>());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (std::size_t v = 0; v < values.size() && need > 0; ++v) {
        std::vector<std::size_t> tied;  // np.where(remainder == value): ascending class indices
        for (std::size_t k = 0; k < K; ++k)
            if (remainder[k] == values[v]) tied.push_back(k);
        const std::size_t add_now = std::min(tied.size(), need);
        // rng.choice(tied, add_now, replace=False) is permutation(len(tied))[:add_now], drawn even
        // when every tied class is taken
        const std::vector<std::size_t> p = rs.permutation(tied.size());
        for (std::size_t t = 0; t < add_now; ++t) ++floored[tied[p[t]]];
        need -= add_now;
    }
    return floored;
}

TrainTest stratified_train_test_split(const std::vector<std::size_t>& y, std::size_t K, const SplitSizes& sizes,
                                      std::uint32_t seed) {
    const std::size_t N = y.size();
    if (sizes.n_train + sizes.n_test != N || sizes.n_train == 0 || sizes.n_test == 0)
        throw std::invalid_argument("stratified split: sizes " + str(sizes.n_train) + " + " + str(sizes.n_test) +
                                    " do not split " + str(N) + " rows into two non-empty sides");
    // rows of each class in increasing order (np.argsort(y, kind="mergesort") split by class)
    std::vector<std::vector<std::size_t>> rows(K);
    for (std::size_t i = 0; i < N; ++i) {
        if (y[i] >= K)
            throw std::invalid_argument("stratified split: row " + str(i) + " has class index " + str(y[i]) +
                                        " but there are " + str(K) + " classes");
        rows[y[i]].push_back(i);
    }
    std::vector<std::size_t> counts(K);
    for (std::size_t k = 0; k < K; ++k) {
        counts[k] = rows[k].size();
        if (counts[k] < 2)
            throw std::invalid_argument("stratified split: class " + str(k) + " has " + str(counts[k]) +
                                        " row(s); every class needs at least 2");
    }
    if (sizes.n_train < K)
        throw std::invalid_argument("stratified split: the train side has " + str(sizes.n_train) +
                                    " rows, fewer than the " + str(K) + " classes");
    if (sizes.n_test < K)
        throw std::invalid_argument("stratified split: the test side has " + str(sizes.n_test) +
                                    " rows, fewer than the " + str(K) + " classes");
    RandomState rs(seed);
    // (EV.3) how many of each class go to train, then to test from what is left
    const std::vector<std::size_t> n_i = approximate_mode(counts, sizes.n_train, rs);
    std::vector<std::size_t> left(K);
    for (std::size_t k = 0; k < K; ++k) left[k] = counts[k] - n_i[k];
    const std::vector<std::size_t> t_i = approximate_mode(left, sizes.n_test, rs);
    TrainTest tt;
    for (std::size_t k = 0; k < K; ++k) {
        const std::vector<std::size_t> p = rs.permutation(counts[k]);  // this class's rows, shuffled
        for (std::size_t t = 0; t < n_i[k]; ++t) tt.train.push_back(rows[k][p[t]]);
        for (std::size_t t = n_i[k]; t < n_i[k] + t_i[k]; ++t) tt.test.push_back(rows[k][p[t]]);
    }
    rs.shuffle(tt.train);  // rng.permutation(train): the same draws as shuffling a copy
    rs.shuffle(tt.test);
    return tt;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Held-out rows: which rows a model is fitted on and which it is judged on, chosen exactly as
// scikit-learn 1.2.1's train_test_split(test_size, random_state=seed[, stratify=y]) chooses them,
// the same rows in the same order, through numpy's legacy random stream (random.hpp).
// Derivation: derivations/evaluation.md, sections 1-2, tags (EV.1)-(EV.4).
// Legend: N rows, K classes, n_test / n_train the sizes of the two sides.
//
//   SplitSizes s = split_sizes(N, TestSize::of_fraction(0.25));    // n_test = ceil(0.25 N)
//   TrainTest tt = train_test_split(N, s, 42);                      // tt.train, tt.test: row indices
//   TrainTest st = stratified_train_test_split(y, K, s, 42);        // y(i) in 0..K-1, classes sorted
//
// Every way scikit-learn refuses a split (a fraction outside (0, 1), a count not below N, an empty
// train side, a class with one row when stratifying, fewer test or train rows than classes) is a
// std::invalid_argument here that says which and gives the sizes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlfs {

// --test-size as scikit-learn reads it: a float in (0, 1) is a fraction of N, an integer a count.
struct TestSize {
    bool is_fraction = true;
    double fraction = 0.25;  // train_test_split's default
    std::size_t count = 0;
    static TestSize of_fraction(double f) { return {true, f, 0}; }
    static TestSize of_count(std::size_t n) { return {false, 0.0, n}; }
};

struct SplitSizes {
    std::size_t n_train = 0, n_test = 0;
};

// (EV.1) n_test = ceil(f N) for a fraction f, or the count itself; n_train = N - n_test.
SplitSizes split_sizes(std::size_t N, const TestSize& test_size);

struct TrainTest {
    std::vector<std::size_t> train, test;  // row indices into the N rows, in scikit-learn's order
};

// (EV.2) p = RandomState(seed).permutation(N); test = p[0 .. n_test), train = p[n_test .. N).
TrainTest train_test_split(std::size_t N, const SplitSizes& sizes, std::uint32_t seed);

// (EV.3) StratifiedShuffleSplit's first split: y(i) is row i's class index into the K classes in
// sorted order (np.unique's order); n_k = class sizes. Each class gives approximate_mode(n, n_train)
// rows to train and approximate_mode(n - n_i, n_test) to test, its rows taken in the order of one
// permutation of the class; both sides are then permuted once more.
TrainTest stratified_train_test_split(const std::vector<std::size_t>& y, std::size_t K, const SplitSizes& sizes,
                                      std::uint32_t seed);

class RandomState;
// (EV.4) scikit-learn's _approximate_mode(counts, draws, rng): floor(n_k / sum(n) * draws) per
// class, then the rows still missing go to the classes with the largest remainders, ties among
// equal remainders broken by rng.choice (a permutation of the tied classes, its first ones taken).
std::vector<std::size_t> approximate_mode(const std::vector<std::size_t>& counts, std::size_t draws, RandomState& rs);

}  // namespace mlfs

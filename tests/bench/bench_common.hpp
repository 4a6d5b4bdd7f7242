// SPDX-License-Identifier: MIT
// Helpers shared by the benchmarks (never by tests): raw float64 files, the random inputs used when
// no file is given, and the median of repeated wall-clock timings. tests/bench/compare.py writes
// the raw files (row-major little-endian float64, the shape given on the command line) so that
// numpy / scikit-learn and these programs time the same numbers.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "linalg/matrix.hpp"

namespace bench {

// rows x cols doubles from a raw file, or uniform in [lo, hi) from mt19937_64(seed) when path is "-"
inline mlfs::Matrix load_or_random(const std::string& path, std::size_t rows, std::size_t cols, unsigned seed,
                                   double lo = -1.0, double hi = 1.0) {
    mlfs::Matrix A(rows, cols);
    if (path == "-") {
        std::mt19937_64 gen(seed);
        for (double& a : A.data()) a = lo + (hi - lo) * (static_cast<double>(gen() >> 11) * 0x1.0p-53);
        return A;
    }
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(A.data().data()), static_cast<std::streamsize>(A.size() * sizeof(double)));
    if (!in) throw std::runtime_error(path + ": cannot read " + A.shape() + " doubles");
    return A;
}

// The median of `repeats` wall-clock times of f() (f returns nothing the timer needs).
template <class F>
double median_seconds(int repeats, F f) {
    std::vector<double> t;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

inline std::size_t arg(int argc, char** argv, int i, std::size_t fallback) {
    return argc > i ? static_cast<std::size_t>(std::strtoull(argv[i], nullptr, 10)) : fallback;
}

}  // namespace bench

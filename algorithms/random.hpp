// SPDX-License-Identifier: MIT
// A random stream identical, draw for draw and bit for bit, to numpy's legacy
// numpy.random.RandomState(seed), which is what scikit-learn 1.2.1 uses for every random_state=int.
// Used by the k-means++ seeding and init='random' (derivations/kmeans.md) and by the MLP weight
// initialisation and per-epoch shuffle (derivations/neural_networks.md).
//
// Why not <random>: the engine std::mt19937 is specified exactly by the standard, but every
// distribution (uniform_real_distribution, normal_distribution, generate_canonical, ...) is left
// to the implementation, so GCC, Clang and MSVC give different numbers, none of them numpy's.
// So only the engine's raw 32-bit output is used here, and every transformation is written out
// below as numpy 1.24 performs it:
//
//   seeding        numpy seeds MT19937 with Matsumoto-Nishimura init_genrand for 0 <= seed < 2^32,
//                  mt[0] = seed, mt[i] = 1812433253 (mt[i-1] ^ (mt[i-1] >> 30)) + i, which is
//                  exactly std::mt19937(seed); RandomState(s).randint(0, 2**32, dtype=np.uint32)
//                  is that raw stream.
//   random_sample  two draws a, b: (a >> 5) * 2^26 + (b >> 6) is a 53-bit integer; divided by
//                  2^53 it is a double in [0, 1) (both steps exact).
//   uniform        low + (high - low) * u, the range computed once in double.
//   randint(n)     the legacy masked rejection (numpy never uses Lemire's method for
//                  RandomState): with r = n - 1 and mask = the smallest 2^k - 1 >= r, draw
//                  v = u & mask until v <= r. u is one 32-bit draw while r <= 2^32 - 1, else a
//                  64-bit draw (first 32-bit draw in the high half, the second in the low half).
//                  r = 0 returns 0 without drawing. This is random_interval(n - 1) exactly.
//   permutation    Fisher-Yates from the end on 0..n-1: for i = n-1 .. 1, j = random_interval(i),
//                  swap x[i], x[j]; n - 1 draws of random_interval (none for n <= 1).
//   standard_normal  the legacy polar Box-Muller: repeat x1 = 2u - 1, x2 = 2u - 1,
//                  r2 = x1^2 + x2^2 until 0 < r2 < 1; f = sqrt(-2 log(r2) / r2); return f x2 and
//                  keep f x1 for the next call (one cached value; only standard_normal and
//                  normal read it).
//   normal         loc + scale * standard_normal().
//
// Bitwise equality with numpy assumes IEEE double with no fused multiply-add contraction (the
// build passes -ffp-contract=off) and, for the normals only, a libm whose log matches the one
// numpy was linked against (glibc here; sqrt is exact everywhere).
//
//   mlfs::RandomState rs(42);             // no globals: pass rs by reference to whoever draws
//   std::int64_t c0 = rs.randint(150);    // k-means++ first centre
//   Matrix W = rs.uniform(-b, b, fan_in, fan_out);   // MLP weights, drawn in C (row-major) order
//   std::vector<std::size_t> idx = rs.permutation(N); // one epoch's order
//
// Invalid arguments (randint n <= 0, uniform high < low or a non-finite range, normal scale < 0
// or NaN) throw std::invalid_argument naming the function and the value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

class RandomState {
public:
    explicit RandomState(std::uint32_t seed);

    std::uint32_t next_uint32();                          // one raw MT19937 draw
    double random_sample();                               // [0, 1), two draws
    double uniform(double low, double high);              // [low, high), two draws
    std::int64_t randint(std::int64_t n);                 // [0, n), masked rejection
    std::uint64_t random_interval(std::uint64_t max);     // [0, max], masked rejection
    std::vector<std::size_t> permutation(std::size_t n);  // a shuffled 0..n-1
    template <class T>
    void shuffle(std::vector<T>& x);          // same draws as permutation(x.size())
    double standard_normal();                 // N(0, 1), polar method, one cached value
    double normal(double loc, double scale);  // N(loc, scale^2)

    // The same draws as n scalar calls in order (numpy's size=n); the range or the argument
    // checks are done once, as numpy does.
    Vector random_sample(std::size_t n);
    Vector uniform(double low, double high, std::size_t n);
    Matrix uniform(double low, double high, std::size_t rows, std::size_t cols);  // size=(rows, cols), C order
    Vector standard_normal(std::size_t n);
    Vector normal(double loc, double scale, std::size_t n);

private:
    std::uint64_t next_uint64();  // two draws, the first in the high 32 bits (numpy's next64)

    std::mt19937 mt_;         // only its raw operator() is used, never a distribution
    bool has_gauss_ = false;  // standard_normal's cached second value f * x1
    double gauss_ = 0.0;
};

template <class T>
void RandomState::shuffle(std::vector<T>& x) {
    // Fisher-Yates from the end: for i = n-1 down to 1, x[i] trades places with x[j], j uniform on [0, i]
    if (x.size() < 2) return;  // nothing to draw
    for (std::size_t i = x.size() - 1; i > 0; --i) {
        const std::size_t j = static_cast<std::size_t>(random_interval(i));
        using std::swap;
        swap(x[i], x[j]);
    }
}

}  // namespace mlfs

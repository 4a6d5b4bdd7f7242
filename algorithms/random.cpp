// SPDX-License-Identifier: MIT
// numpy's legacy RandomState on the raw output of std::mt19937 (the rules are in random.hpp).
#include "algorithms/random.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "linalg/format.hpp"

namespace mlfs {

namespace {

// (high - low) once, as numpy does; throws unless low <= high and the range is finite
double checked_range(double low, double high) {
    if (!(low <= high))  // also catches NaN
        throw std::invalid_argument("RandomState::uniform: need low <= high, got low = " + format_exact(low) +
                                    ", high = " + format_exact(high));
    const double range = high - low;
    if (!std::isfinite(range))
        throw std::invalid_argument("RandomState::uniform: the range high - low = " + format_exact(high) + " - " +
                                    format_exact(low) + " is not finite");
    return range;
}

void check_scale(double scale) {
    if (!(scale >= 0.0))  // also catches NaN; scale = 0 is allowed (it returns loc)
        throw std::invalid_argument("RandomState::normal: need scale >= 0, got scale = " + format_exact(scale));
}

// the smallest 2^k - 1 >= r: copy the highest set bit of r into every bit below it
std::uint64_t mask_for(std::uint64_t r) {
    std::uint64_t mask = r;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    return mask;
}

}  // namespace

RandomState::RandomState(std::uint32_t seed) : mt_(seed) {}

std::uint32_t RandomState::next_uint32() {
    // std::mt19937 yields exactly 32 bits in a uint_fast32_t (which may be wider)
    return static_cast<std::uint32_t>(mt_());
}

std::uint64_t RandomState::next_uint64() {
    const std::uint64_t high = next_uint32();  // two statements: the order of the draws is fixed
    const std::uint64_t low = next_uint32();
    return (high << 32) | low;
}

double RandomState::random_sample() {
    // a: the top 27 bits of the first draw, b: the top 26 bits of the second;
    // a * 2^26 + b < 2^53 is an exact integer in a double, and / 2^53 is exact too
    const std::uint32_t a = next_uint32() >> 5;
    const std::uint32_t b = next_uint32() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

double RandomState::uniform(double low, double high) {
    const double range = checked_range(low, high);
    const double step = range * random_sample();  // a separate rounding, then the add (no fma)
    return low + step;
}

std::uint64_t RandomState::random_interval(std::uint64_t max) {
    if (max == 0) return 0;  // no draw
    const std::uint64_t mask = mask_for(max);
    std::uint64_t v;
    if (max <= 0xFFFFFFFFu) {
        do {
            v = next_uint32() & mask;
        } while (v > max);  // 32-bit draws
    } else {
        do {
            v = next_uint64() & mask;
        } while (v > max);  // 64-bit draws (two each)
    }
    return v;
}

std::int64_t RandomState::randint(std::int64_t n) {
    if (n <= 0)
        throw std::invalid_argument("RandomState::randint: need n >= 1 for a draw from [0, n), got n = " +
                                    std::to_string(n));
    // numpy's legacy bounded draw on r = n - 1 is this same masked rejection, including its two
    // special cases: r = 0 draws nothing, r = 2^32 - 1 (mask = all ones) takes one raw draw
    return static_cast<std::int64_t>(random_interval(static_cast<std::uint64_t>(n - 1)));
}

std::vector<std::size_t> RandomState::permutation(std::size_t n) {
    std::vector<std::size_t> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = i;  // numpy.arange(n)
    shuffle(x);
    return x;
}

double RandomState::standard_normal() {
    if (has_gauss_) {  // the second value of the last pair
        has_gauss_ = false;
        return gauss_;
    }
    double x1, x2, r2;
    do {  // a point uniform in the unit disc, without its centre
        x1 = 2.0 * random_sample() - 1.0;
        x2 = 2.0 * random_sample() - 1.0;
        const double x1x1 = x1 * x1;  // separate roundings (no fma), as numpy computes them
        const double x2x2 = x2 * x2;
        r2 = x1x1 + x2x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    const double f = std::sqrt(-2.0 * std::log(r2) / r2);  // polar Box-Muller
    gauss_ = f * x1;                                       // kept for the next call
    has_gauss_ = true;
    return f * x2;
}

double RandomState::normal(double loc, double scale) {
    check_scale(scale);
    const double g = scale * standard_normal();
    return loc + g;
}

Vector RandomState::random_sample(std::size_t n) {
    Vector u(n);
    for (double& ui : u) ui = random_sample();
    return u;
}

Vector RandomState::uniform(double low, double high, std::size_t n) {
    const double range = checked_range(low, high);
    Vector u(n);
    for (double& ui : u) {
        const double step = range * random_sample();
        ui = low + step;
    }
    return u;
}

Matrix RandomState::uniform(double low, double high, std::size_t rows, std::size_t cols) {
    // row-major storage (LA.1) is numpy's C order, so the flat draws fill it directly
    return Matrix(rows, cols, uniform(low, high, rows * cols));
}

Vector RandomState::standard_normal(std::size_t n) {
    Vector z(n);
    for (double& zi : z) zi = standard_normal();
    return z;
}

Vector RandomState::normal(double loc, double scale, std::size_t n) {
    check_scale(scale);
    Vector z(n);
    for (double& zi : z) {
        const double g = scale * standard_normal();
        zi = loc + g;
    }
    return z;
}

}  // namespace mlfs

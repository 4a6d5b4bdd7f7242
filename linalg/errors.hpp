// SPDX-License-Identifier: MIT
// Errors the linear-algebra routines throw. Each message says what broke and where:
//   ShapeError       "matmul: A is 3x4 but B is 5x2"
//   NumericalError   "cholesky: pivot 7 = -2.1e-09 is not positive ..." (index and value kept as fields)
// Preconditions are always checked (never assert, which NDEBUG removes).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace mlfs {

// A size mismatch between arguments; the message names every shape involved.
struct ShapeError : std::invalid_argument {
    explicit ShapeError(const std::string& message) : std::invalid_argument(message) {}
};

// A numerical breakdown: a non-positive Cholesky pivot, a (numerically) singular pivot, ...
// `index` is the 0-based pivot (or iteration) where it happened and `value` the number found there.
struct NumericalError : std::runtime_error {
    NumericalError(const std::string& message, std::size_t index, double value)
        : std::runtime_error(message), index(index), value(value) {}
    std::size_t index;
    double value;
};

// "%.3g"-style formatting for messages, so every error prints numbers the same way.
std::string format_number(double x);

}  // namespace mlfs

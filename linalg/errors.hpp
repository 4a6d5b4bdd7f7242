// SPDX-License-Identifier: MIT
// Errors the linear-algebra routines throw. Each message says what broke and where:
//   ShapeError       "matmul: A is 3x4 but B is 5x2"
//   NumericalError   "cholesky: pivot 7 = -2.1e-09 is not positive ..." (index and value kept as fields)
//   ExerciseNotDone  "exercise cholesky is not done yet: ..." (thrown only by the student kit's stubs)
// Preconditions are always checked (never assert, which NDEBUG removes).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "linalg/format.hpp"

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

// The student kit (derivations/teaching.md) replaces each exercise region of the code with
//   throw mlfs::ExerciseNotDone("cholesky", "linalg/cholesky.cpp", "derivations/linear_algebra.md");
// so that every caller fails with a message naming the exercise, where to write it and how to test
// it, never a crash. It is not a ShapeError or NumericalError, so no test mistakes it for one.
struct ExerciseNotDone : std::logic_error {
    ExerciseNotDone(const std::string& name, const std::string& file, const std::string& sheet)
        : std::logic_error("exercise " + name + " is not done yet: write the region marked 'exercise " + name +
                           "' in " + file + " (the exercise sheet is at the end of " + sheet +
                           "), then check it with: ctest --test-dir build -L ex-" + name + " --output-on-failure"),
          name(name) {}
    std::string name;
};

}  // namespace mlfs

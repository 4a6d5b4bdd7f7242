// SPDX-License-Identifier: MIT
// Benchmark, not a test: it prints figures and checks nothing beyond reporting differences.
// Times the three matrix products of linalg/matmul.hpp on square N x N inputs
// (derivations/linear_algebra.md, section 2, quotes its output):
//   matmul_naive          i-j-k, the reference (LA.2)
//   matmul                i-k-j in 64 x 64 tiles (LA.3)
//   matmul_transposed_a   k-i-j on A^T, called with At = A^T so that it also computes A B
// For each N: the best of 3 wall-clock runs (std::chrono::steady_clock), GFLOP/s = 2 N^3 / t / 1e9,
// and max_ij |C(i, j) - C_naive(i, j)|, which should be exactly 0 (all three add the k-terms of
// each C(i, j) in increasing k, starting from 0.0).
//
// Legend: N matrix size; A, B random N x N with entries in [-1, 1); C = A B.
//
// Build and run (from the repository root; never with -ffast-math / -Ofast):
//   cmake -B build && cmake --build build --target bench_matmul && ./build/bench_matmul
// (a CMake Release build compiles with -O3, which vectorises the stride-1 loops; the table in the
// derivation was made at -O2, so expect different figures) or by hand, on one line:
//   g++ -std=c++17 -O2 -ffp-contract=off -I. tests/bench/bench_matmul.cpp
//       linalg/matrix.cpp linalg/matmul.cpp -o bench_matmul
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "linalg/matmul.hpp"
#include "linalg/matrix.hpp"

namespace {

using mlfs::Matrix;

constexpr int kRepeats = 3;
// matmul_naive is skipped at a size when kRepeats runs are predicted to take longer than this.
constexpr double kNaiveBudgetSeconds = 20.0;

// Entries uniform in [-1, 1) from the top 53 bits of mt19937_64, so the inputs are the same
// on every platform (std::uniform_real_distribution is not pinned down by the standard).
Matrix random_matrix(std::size_t n, std::mt19937_64& gen) {
    Matrix A(n, n);
    for (double& a : A.data()) a = 2.0 * (static_cast<double>(gen() >> 11) * 0x1.0p-53) - 1.0;
    return A;
}

// Best (smallest) wall-clock time of kRepeats calls of product(); the last result goes to C.
template <class Product>
double best_seconds(Product product, Matrix& C) {
    double best = 0.0;
    for (int r = 0; r < kRepeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        C = product();
        const auto t1 = std::chrono::steady_clock::now();
        const double t = std::chrono::duration<double>(t1 - t0).count();
        if (r == 0 || t < best) best = t;
    }
    return best;
}

// max_ij |C(i, j) - R(i, j)| over the rows that R has (R may hold only the first rows of C).
double max_abs_diff(const Matrix& C, const Matrix& R) {
    double m = 0.0;
    for (std::size_t i = 0; i < R.rows(); ++i)
        for (std::size_t j = 0; j < R.cols(); ++j) {
            const double d = std::fabs(C(i, j) - R(i, j));
            if (!(d <= m)) m = d;  // a NaN difference is kept, not skipped
        }
    return m;
}

// The first `rows` rows of A: enough for a cheap reference check, since row i of A B depends
// only on row i of A.
Matrix first_rows(const Matrix& A, std::size_t rows) {
    Matrix T(rows, A.cols());
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) T(i, j) = A(i, j);
    return T;
}

void print_row(std::size_t n, const char* routine, double seconds, const std::string& diff) {
    const double flops = 2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n);
    std::printf("| %4zu | %-19s | %9.6f | %6.2f | %s |\n", n, routine, seconds, flops / seconds / 1e9, diff.c_str());
}

std::string diff_text(double max_diff, const char* note) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g%s", max_diff, note);
    return buf;
}

// Times the three products at size n. Returns the naive best time (the prediction, if the naive
// product was skipped), from which the caller predicts the next size.
double bench_size(std::size_t n, double predicted_naive_seconds, std::mt19937_64& gen) {
    const Matrix A = random_matrix(n, gen);
    const Matrix B = random_matrix(n, gen);
    const Matrix At = mlfs::transpose(A);
    Matrix C_naive, C_tiled, C_ta;

    const bool run_naive = kRepeats * predicted_naive_seconds <= kNaiveBudgetSeconds;
    double t_naive = predicted_naive_seconds;
    const char* note = "";
    if (run_naive) {
        t_naive = best_seconds([&] { return mlfs::matmul_naive(A, B); }, C_naive);
        print_row(n, "matmul_naive", t_naive, "(reference)");
    } else {
        std::printf("| %4zu | %-19s | skipped | | %d runs predicted to take %.0f s > %.0f s |\n", n, "matmul_naive",
                    kRepeats, kRepeats * predicted_naive_seconds, kNaiveBudgetSeconds);
        C_naive = mlfs::matmul_naive(first_rows(A, 16), B);  // reference for the first 16 rows only
        note = " (first 16 rows)";
    }
    const double t_tiled = best_seconds([&] { return mlfs::matmul(A, B); }, C_tiled);
    print_row(n, "matmul", t_tiled, diff_text(max_abs_diff(C_tiled, C_naive), note));
    const double t_ta = best_seconds([&] { return mlfs::matmul_transposed_a(At, B); }, C_ta);
    print_row(n, "matmul_transposed_a", t_ta, diff_text(max_abs_diff(C_ta, C_naive), note));
    std::fflush(stdout);
    return t_naive;
}

}  // namespace

int main() {
#if defined(__VERSION__)
    std::printf("compiler: %s\n", __VERSION__);
#endif
#if !defined(__OPTIMIZE__)
    std::printf("UNOPTIMISED build: the figures below mean little\n");
#endif
    std::printf("best of %d runs; GFLOP/s = 2 N^3 / t / 1e9; last column max |C - C_naive|\n\n", kRepeats);
    std::printf("| N | routine | best time (s) | GFLOP/s | max abs diff |\n");
    std::printf("|---:|---|---:|---:|---|\n");

    std::mt19937_64 gen(20240611);
    double predicted = 0.0;  // nothing known before the first size
    for (std::size_t n : {64, 128, 256, 512, 1024}) {
        const double t_naive = bench_size(n, predicted, gen);
        // The next size doubles N, so 8x the flops; the naive loop usually slows down more than
        // that as B stops fitting in cache, so 8x is an optimistic prediction.
        predicted = 8.0 * t_naive;
    }
    return 0;
}

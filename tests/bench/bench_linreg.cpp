// SPDX-License-Identifier: MIT
// Benchmark, not a test: the in-process halves of issue #13 (derivations/linear_regression.md).
// Legend: N samples, D features; X is N x D, y has length N.
//  - reading the CSV with mlfs::read_csv (io/csv.hpp): the file compare_linreg.py wrote with '%.17g'
//    from the same X and y, so the table read back must hold their bits exactly (columns x..., y last);
//  - fit_qr and fit_cholesky (algorithms/linear_regression.hpp) on X, y for each thread count, as
//    LinearRegression().fit(X, y) is timed by compare_linreg.py. Medians of REPEATS wall-clock times.
// Checks that every thread count gives the first one's coef_ and intercept_ bits, per solver.
//
//   bench_linreg N D REPEATS X.bin y.bin DATA.csv|- THREADS...   e.g. bench_linreg 100000 20 3 - - - 1 2
// Output (seconds):
//   "read_csv N n D d bytes B seconds S same_bits 1"          (only when a CSV is given)
//   "linreg N n D d solver qr|cholesky threads T seconds S same_bits 1"
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "algorithms/linear_regression.hpp"
#include "io/csv.hpp"
#include "tests/bench/bench_common.hpp"

namespace {

// The CSV holds [X | y] (N x (D+1)); same_bits says that the reader gave back exactly those doubles.
void time_read_csv(const std::string& path, const mlfs::Matrix& X, const mlfs::Vector& y, int repeats) {
    const std::size_t N = X.rows(), D = X.cols();
    mlfs::Table t;
    const double s = bench::median_seconds(repeats, [&] { t = mlfs::read_csv(path); });
    std::vector<double> Xy;  // [X | y] row by row, as the file has it
    Xy.reserve(N * (D + 1));
    for (std::size_t i = 0; i < N; ++i) {
        Xy.insert(Xy.end(), X.data().begin() + i * D, X.data().begin() + (i + 1) * D);
        Xy.push_back(y[i]);
    }
    std::printf("read_csv N %zu D %zu bytes %ju seconds %.6g same_bits %d\n", N, D,
                static_cast<std::uintmax_t>(std::filesystem::file_size(path)), s,
                bench::same_bits(t.X.data(), Xy) ? 1 : 0);
    std::fflush(stdout);
}

// fit(X, y, opt) on each thread count; the bits of w and b are compared with the first count's.
template <class Fit>
void time_fit(const char* solver, Fit fit, const mlfs::Matrix& X, const mlfs::Vector& y, int repeats,
              const std::vector<int>& threads) {
    std::vector<double> reference;
    for (int T : threads) {
        mlfs::LeastSquaresOptions opt;
        opt.threads = T;
        mlfs::LinearModel m;
        fit(X, y, opt);  // warm-up: first touch of the result buffers, thread start-up
        const double s = bench::median_seconds(repeats, [&] { m = fit(X, y, opt); });
        std::vector<double> bits = m.coef_;
        bits.push_back(m.intercept_);
        if (reference.empty()) reference = bits;
        std::printf("linreg N %zu D %zu solver %s threads %d seconds %.6g same_bits %d\n", X.rows(), X.cols(), solver,
                    T, s, bench::same_bits(bits, reference) ? 1 : 0);
        std::fflush(stdout);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 8) {
        std::fprintf(stderr, "usage: bench_linreg N D REPEATS X.bin|- y.bin|- DATA.csv|- THREADS...\n");
        return 2;
    }
    const std::size_t N = bench::arg(argc, argv, 1, 0), D = bench::arg(argc, argv, 2, 0);
    const int repeats = static_cast<int>(bench::arg(argc, argv, 3, 3));
    const mlfs::Matrix X = bench::load_or_random(argv[4], N, D, 1);
    const mlfs::Vector y = bench::load_or_random(argv[5], N, 1, 2).data();
    const std::string csv = argv[6];
    std::vector<int> threads;
    for (int a = 7; a < argc; ++a) threads.push_back(static_cast<int>(bench::arg(argc, argv, a, 1)));

    if (csv != "-") time_read_csv(csv, X, y, repeats);  // its table is freed before the fits
    time_fit("qr", mlfs::fit_qr, X, y, repeats, threads);
    time_fit("cholesky", mlfs::fit_cholesky, X, y, repeats, threads);
    return 0;
}

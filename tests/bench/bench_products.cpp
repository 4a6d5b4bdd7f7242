// SPDX-License-Identifier: MIT
// Benchmark, not a test: the register-tiled products of linalg/matmul_fast.hpp at N x N
// (derivations/linear_algebra.md, "The register tile", quotes its output). For each product and
// thread count: the median of REPEATS wall-clock times, GFLOP/s = 2 N^3 / t / 1e9, and whether the
// result has the reference loop's bits (matmul for A B and A B^T, matmul_transposed_a for A^T B).
//
//   bench_products N REPEATS A.bin|- B.bin|- THREADS...      e.g. bench_products 1024 5 - - 1 2
// Output: "products name <AB|AtB|ABt> N n threads T seconds S gflops G same_bits 1", one line each.
#include <cstdio>
#include <functional>

#include "linalg/matmul.hpp"
#include "linalg/matmul_fast.hpp"
#include "tests/bench/bench_common.hpp"

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr, "usage: bench_products N REPEATS A.bin|- B.bin|- THREADS...\n");
        return 2;
    }
    const std::size_t n = bench::arg(argc, argv, 1, 1024);
    const int repeats = static_cast<int>(bench::arg(argc, argv, 2, 5));
    const mlfs::Matrix A = bench::load_or_random(argv[3], n, n, 1), B = bench::load_or_random(argv[4], n, n, 2);
    // the references, once: each has matmul_naive's sums in the same k order (tests/test_matmul.cpp)
    const mlfs::Matrix AB = mlfs::matmul(A, B), AtB = mlfs::matmul_transposed_a(A, B);
    const mlfs::Matrix ABt = mlfs::matmul(A, mlfs::transpose(B));
    struct Case {
        const char* name;
        std::function<mlfs::Matrix(int)> run;
        const mlfs::Matrix* ref;
    };
    const Case cases[] = {{"AB", [&](int t) { return mlfs::matmul_fast(A, B, t); }, &AB},
                          {"AtB", [&](int t) { return mlfs::matmul_at_fast(A, B, t); }, &AtB},
                          {"ABt", [&](int t) { return mlfs::matmul_bt_fast(A, B, t); }, &ABt}};
    const double flops = 2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n);
    for (int a = 5; a < argc; ++a) {
        const int threads = static_cast<int>(bench::arg(argc, argv, a, 1));
        for (const Case& c : cases) {
            mlfs::Matrix C;
            const double s = bench::median_seconds(repeats, [&] { C = c.run(threads); });
            std::printf("products name %s N %zu threads %d seconds %.6g gflops %.2f same_bits %d\n", c.name, n, threads,
                        s, flops / s / 1e9, bench::same_bits(C.data(), c.ref->data()) ? 1 : 0);
            std::fflush(stdout);
        }
    }
    return 0;
}

// SPDX-License-Identifier: MIT
// Benchmark, not a test: Lloyd's k-means per iteration (derivations/kmeans.md, "Where the time
// goes"), as KMeans(algorithm='lloyd', n_init=1, init=C0, tol=0, max_iter=M) runs it: the first K
// samples are the given starting centres. Per iteration = (median fit time with max_iter = M minus
// median fit time with max_iter = 1) / (n_iter_ - 1), so that what a fit does once (checks,
// centring, the tolerance) is left out; compare.py times scikit-learn the same way. Checks that
// every thread count gives the first one's bits and that the fast assignment gives
// kmeans_assign's labels on the final centres.
//
//   bench_kmeans N D K MAX_ITER REPEATS X.bin|- THREADS...    e.g. bench_kmeans 100000 10 8 20 3 - 1 2
// Output: "kmeans N n D d K k threads T seconds_per_iteration S n_iter I same_bits 1".
#include <cstdio>

#include "algorithms/kmeans.hpp"
#include "algorithms/kmeans_assign_fast.hpp"
#include "tests/bench/bench_common.hpp"

int main(int argc, char** argv) {
    if (argc < 8) {
        std::fprintf(stderr, "usage: bench_kmeans N D K MAX_ITER REPEATS X.bin|- THREADS...\n");
        return 2;
    }
    const std::size_t N = bench::arg(argc, argv, 1, 0), D = bench::arg(argc, argv, 2, 0),
                      K = bench::arg(argc, argv, 3, 0);
    const int max_iter = static_cast<int>(bench::arg(argc, argv, 4, 20)),
              repeats = static_cast<int>(bench::arg(argc, argv, 5, 3));
    const mlfs::Matrix X = bench::load_or_random(argv[6], N, D, 1);
    mlfs::KMeansOptions opt;
    opt.n_clusters = K;
    opt.init = mlfs::KMeansInit::given;
    opt.init_centres = mlfs::Matrix(K, D);
    for (std::size_t j = 0; j < K; ++j) opt.init_centres.set_row(j, X.row(j));
    opt.max_iter = max_iter;
    opt.tol = 0.0;
    std::vector<double> reference;
    for (int a = 7; a < argc; ++a) {
        opt.threads = static_cast<int>(bench::arg(argc, argv, a, 1));
        mlfs::KMeansResult km;
        opt.max_iter = 1;
        const double s1 = bench::median_seconds(repeats, [&] { km = mlfs::kmeans_fit(X, opt); });
        opt.max_iter = max_iter;
        const double sM = bench::median_seconds(repeats, [&] { km = mlfs::kmeans_fit(X, opt); });
        const double s = km.n_iter_ > 1 ? (sM - s1) / (km.n_iter_ - 1) : sM;
        std::vector<double> bits(km.labels_.begin(), km.labels_.end());
        bits.insert(bits.end(), km.cluster_centers_.data().begin(), km.cluster_centers_.data().end());
        bits.push_back(km.inertia_);
        if (reference.empty()) {  // and once: the fast assignment against the reference on these centres
            reference = bits;
            const mlfs::Vector xbar = mlfs::column_means(X);
            const mlfs::Matrix Xc = mlfs::centre_columns(X, xbar), C = mlfs::centre_columns(km.cluster_centers_, xbar);
            if (mlfs::kmeans_assign_fast(Xc, C, 0) != mlfs::kmeans_assign(Xc, C)) reference.push_back(-1.0);
        }
        std::printf("kmeans N %zu D %zu K %zu threads %d seconds_per_iteration %.6g n_iter %d same_bits %d\n", N, D, K,
                    opt.threads, s, km.n_iter_, bench::same_bits(bits, reference) ? 1 : 0);
        std::fflush(stdout);
    }
    return 0;
}

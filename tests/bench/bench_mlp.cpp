// SPDX-License-Identifier: MIT
// Benchmark, not a test: one MLP training epoch (derivations/neural_networks.md, "Where the time
// goes"), as scikit-learn's MLPClassifier(hidden_layer_sizes=(H,), solver='adam', batch_size=200)
// runs it: N x D inputs, labels 0..9, H hidden relu units, softmax output. Seconds per epoch =
// (median fit time with E2 epochs minus median fit time with E1) / (E2 - E1), so that what a fit
// does once (checks, the initial weights, the starting loss over all of X) is left out;
// compare.py times scikit-learn the same way. Checks that every thread count gives the same bits
// (loss curve and weights) as the first one.
//
//   bench_mlp N D H E1 E2 REPEATS X.bin|- y.bin|- THREADS...
//   e.g. bench_mlp 60000 784 128 1 2 3 - - 1 2     (random data; compare.py passes its own files)
// Output: one line per thread count, "mlp N D H threads T seconds_per_epoch S same_bits 1".
#include <cstdio>

#include "algorithms/mlp.hpp"
#include "tests/bench/bench_common.hpp"

int main(int argc, char** argv) {
    if (argc < 10) {
        std::fprintf(stderr, "usage: bench_mlp N D H E1 E2 REPEATS X.bin|- y.bin|- THREADS...\n");
        return 2;
    }
    const std::size_t N = bench::arg(argc, argv, 1, 0), D = bench::arg(argc, argv, 2, 0),
                      H = bench::arg(argc, argv, 3, 0);
    const int e1 = static_cast<int>(bench::arg(argc, argv, 4, 1)), e2 = static_cast<int>(bench::arg(argc, argv, 5, 2));
    const int repeats = static_cast<int>(bench::arg(argc, argv, 6, 3));
    const mlfs::Matrix X = bench::load_or_random(argv[7], N, D, 1, 0.0, 1.0);
    const mlfs::Matrix yd = bench::load_or_random(argv[8], N, 1, 2, 0.0, 10.0);
    std::vector<int> y(N);
    for (std::size_t i = 0; i < N; ++i) y[i] = static_cast<int>(yd(i, 0));
    mlfs::MLPOptions opt;
    opt.hidden_layer_sizes = {H};
    opt.tol = 0.0;
    opt.n_iter_no_change = e2 + 1;  // every epoch runs
    std::vector<double> reference;  // loss curve and weights of the first thread count
    for (int a = 9; a < argc; ++a) {
        opt.threads = static_cast<int>(bench::arg(argc, argv, a, 1));
        mlfs::MLPClassifier clf;
        opt.max_iter = e1;
        const double s1 = bench::median_seconds(repeats, [&] { clf = mlfs::mlp_classifier_fit(X, y, opt); });
        opt.max_iter = e2;
        const double s2 = bench::median_seconds(repeats, [&] { clf = mlfs::mlp_classifier_fit(X, y, opt); });
        std::vector<double> bits = clf.fit.loss_curve_;
        for (const mlfs::Matrix& W : clf.fit.net.coefs_) bits.insert(bits.end(), W.data().begin(), W.data().end());
        if (reference.empty()) reference = bits;
        std::printf("mlp N %zu D %zu H %zu threads %d seconds_per_epoch %.6g same_bits %d\n", N, D, H, opt.threads,
                    (s2 - s1) / (e2 - e1), bench::same_bits(bits, reference) ? 1 : 0);
        std::fflush(stdout);
    }
    return 0;
}

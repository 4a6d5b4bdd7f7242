// SPDX-License-Identifier: MIT
// Silhouette coefficients (derivations/kmeans.md, KM.12). Legend: N samples, D features, K clusters.
#include "algorithms/silhouette.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace mlfs {

namespace {

// Checks the input and returns the cluster sizes n_k, indexed by label (0 for unused labels).
std::vector<std::size_t> cluster_sizes(const char* what, const Matrix& X, const std::vector<int>& labels) {
    const std::string w(what);
    if (X.rows() == 0 || X.cols() == 0) throw ShapeError(w + ": X is " + X.shape() + ", it needs samples and features");
    if (labels.size() != X.rows())
        throw ShapeError(w + ": X is " + X.shape() + " but labels has length " + std::to_string(labels.size()));
    if (!all_finite(X)) throw std::invalid_argument(w + ": X has a NaN or infinite entry");
    int max_label = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0)
            throw std::invalid_argument(w + ": labels[" + std::to_string(i) + "] = " + std::to_string(labels[i]) +
                                        " is negative");
        max_label = std::max(max_label, labels[i]);
    }
    std::vector<std::size_t> n(static_cast<std::size_t>(max_label) + 1, 0);
    for (int l : labels) ++n[static_cast<std::size_t>(l)];
    const std::size_t K =
        static_cast<std::size_t>(std::count_if(n.begin(), n.end(), [](std::size_t c) { return c > 0; }));
    if (K < 2 || K > X.rows() - 1)
        throw std::invalid_argument(w + ": the labels form " + std::to_string(K) + " clusters of N = " +
                                    std::to_string(X.rows()) + " samples; the silhouette needs 2 <= K <= N - 1");
    return n;
}

double distance(const Matrix& X, std::size_t i, std::size_t j) {
    double d2 = 0.0;
    for (std::size_t k = 0; k < X.cols(); ++k) d2 += (X(i, k) - X(j, k)) * (X(i, k) - X(j, k));
    return std::sqrt(d2);  // ||x_i - x_j||_2
}

}  // namespace

Vector silhouette_samples(const Matrix& X, const std::vector<int>& labels) {
    const std::vector<std::size_t> n = cluster_sizes("silhouette_samples", X, labels);
    const std::size_t N = X.rows(), K = n.size();
    Vector s(N, 0.0);
    Vector sums(K);  // sums[k] = sum of ||x_i - x_j|| over the members j of cluster k, in sample order
    for (std::size_t i = 0; i < N; ++i) {
        const std::size_t own = static_cast<std::size_t>(labels[i]);
        if (n[own] == 1) continue;  // (KM.12) a singleton has s_i = 0
        std::fill(sums.begin(), sums.end(), 0.0);
        for (std::size_t j = 0; j < N; ++j) sums[static_cast<std::size_t>(labels[j])] += distance(X, i, j);
        const double a = sums[own] / static_cast<double>(n[own] - 1);  // (KM.12) a_i: x_i itself adds 0
        double b = HUGE_VAL;                                           // (KM.12) b_i
        for (std::size_t k = 0; k < K; ++k)
            if (k != own && n[k] > 0) b = std::min(b, sums[k] / static_cast<double>(n[k]));
        const double m = std::max(a, b);
        s[i] = m > 0.0 ? (b - a) / m : 0.0;  // (KM.12) s_i = (b_i - a_i) / max(a_i, b_i)
    }
    return s;
}

double silhouette_score(const Matrix& X, const std::vector<int>& labels) {
    const Vector s = silhouette_samples(X, labels);
    double total = 0.0;
    for (double v : s) total += v;
    return total / static_cast<double>(s.size());  // (KM.12) mean over i
}

}  // namespace mlfs

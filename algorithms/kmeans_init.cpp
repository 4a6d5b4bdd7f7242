// SPDX-License-Identifier: MIT
// What k-means prepares before its first Lloyd iteration (derivations/kmeans.md): the absolute
// tolerance (KM.6), the count of distinct rows behind the K check, and the two random seedings,
// greedy k-means++ (KM.9) and random rows (KM.10), drawing from mlfs::RandomState exactly as
// scikit-learn 1.2.1 draws from numpy's RandomState. Legend: N samples, D features, K clusters.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "algorithms/kmeans.hpp"
#include "algorithms/numpy_order.hpp"

namespace mlfs {

namespace {

// Two helpers of kmeans_plus_plus. [[maybe_unused]]: in the student kit, until the k-means++
// exercise is written, nothing calls them.
// (KM.17) ||x_i - a||^2 for every sample i as sklearn's _euclidean_distances computes it, a = row r
// of X: ((-2 x_i.a) + ||a||^2) + ||x_i||^2, the dot a plain sum in feature order (the reference
// BLAS), the norms in einsum's order (KM.14, xn = row_norms_squared(X)), clipped at 0 (np.maximum).
[[maybe_unused]] Vector squared_distances_to_row(const Matrix& X, const Vector& xn, std::size_t r) {
    Vector dist(X.rows());
    for (std::size_t i = 0; i < X.rows(); ++i) {
        double xa = 0.0;  // x_i . a
        for (std::size_t d = 0; d < X.cols(); ++d) xa += X(r, d) * X(i, d);
        dist[i] = std::max((-2.0 * xa + xn[r]) + xn[i], 0.0);
    }
    return dist;
}

// (KM.13) numpy's sum of v (closest_dist_sq.sum(), distance_to_candidates.sum(axis=1))
[[maybe_unused]] double sum(const Vector& v) { return numpy_sum(v); }

void require_seedable(const char* what, std::size_t N, std::size_t K) {
    if (K < 1 || K > N)
        throw std::invalid_argument(std::string(what) + ": K = " + std::to_string(K) +
                                    " centres from N = " + std::to_string(N) + " samples; need 1 <= K <= N");
}

}  // namespace

// (KM.9) greedy k-means++. The first centre is a uniform sample; every next one is the best of L
// candidates drawn with probability proportional to the squared distance to the nearest centre
// chosen so far (D^2 sampling), "best" meaning the lowest potential sum_i min_j ||x_i - c_j||^2.
// Cost O(N D K L).
std::vector<std::size_t> kmeans_plus_plus(const Matrix& X, std::size_t K, RandomState& rs) {
    const std::size_t N = X.rows();
    require_seedable("kmeans_plus_plus", N, K);
    // the first centre: a uniform sample, numpy's randint(N)
    std::vector<std::size_t> idx{static_cast<std::size_t>(rs.randint(static_cast<std::int64_t>(N)))};
    // >>> exercise kmeans-plusplus: derivations/kmeans.md
    // L = 2 + floor(ln K) local trials, as sklearn's 2 + int(np.log(K))
    const std::size_t L = 2 + static_cast<std::size_t>(std::log(static_cast<double>(K)));
    const Vector xn = row_norms_squared(X);                    // ||x_i||^2, sklearn's x_squared_norms (KM.14)
    Vector closest = squared_distances_to_row(X, xn, idx[0]);  // D^2 weights: squared distance to the nearest centre
    double pot = sum(closest);                                 // the potential phi = sum_i closest_i (KM.13)
    for (std::size_t c = 1; c < K; ++c) {
        // draws r_t = u_t * phi, u_t uniform on [0, 1) (numpy's uniform(size=L) * phi)
        Vector r = rs.random_sample(L);
        for (double& v : r) v *= pot;
        // cum_i = closest_0 + ... + closest_i; candidate = first i with cum_i >= r_t
        // (searchsorted side='left'), clipped to N - 1 in case rounding puts r_t past cum_{N-1}
        Vector cum(N);
        std::partial_sum(closest.begin(), closest.end(), cum.begin());
        std::size_t best_cand = 0;
        double best_pot = 0.0;
        Vector best_closest;
        for (std::size_t t = 0; t < L; ++t) {
            const auto it = std::lower_bound(cum.begin(), cum.end(), r[t]);
            const std::size_t cand = std::min(static_cast<std::size_t>(it - cum.begin()), N - 1);
            // the D^2 weights if cand became a centre, and their potential
            Vector trial = squared_distances_to_row(X, xn, cand);
            for (std::size_t i = 0; i < N; ++i) trial[i] = std::min(closest[i], trial[i]);
            const double trial_pot = sum(trial);
            if (t == 0 || trial_pot < best_pot) {  // keep the first minimum
                best_cand = cand;
                best_pot = trial_pot;
                best_closest = std::move(trial);
            }
        }
        idx.push_back(best_cand);
        pot = best_pot;
        closest = std::move(best_closest);
    }
    // <<< exercise kmeans-plusplus
    return idx;
}

// (KM.10) K distinct samples: the first K entries of a uniformly random permutation of 0..N-1
std::vector<std::size_t> kmeans_random_init(std::size_t N, std::size_t K, RandomState& rs) {
    require_seedable("kmeans_random_init", N, K);
    std::vector<std::size_t> perm = rs.permutation(N);
    perm.resize(K);
    return perm;
}

// (KM.6) as np.mean(np.var(X, axis=0)) * tol: var_d = (sum_i (X(i, d) - xbar_d)^2) / N with the
// column sums in numpy's order (rows in order for D >= 2, numpy_sum for D = 1), then numpy_sum over
// d, / D, times tol; tol = 0 gives 0 (sklearn's _tolerance returns 0 without computing).
double kmeans_tolerance(const Matrix& X, double tol) {
    if (tol == 0.0) return 0.0;
    const std::size_t N = X.rows(), D = X.cols();
    const Vector xbar = numpy_column_means(X);
    Matrix dev(N, D);  // (X(i, d) - xbar_d)^2
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t d = 0; d < D; ++d) dev(i, d) = (X(i, d) - xbar[d]) * (X(i, d) - xbar[d]);
    Vector var = numpy_column_means(dev);  // the same sum, / N
    return numpy_sum(var) / static_cast<double>(D) * tol;
}

std::size_t count_distinct_rows(const Matrix& X, std::size_t at_most) {
    // rows seen so far, in a hash set keyed by their values; + 0.0 turns -0.0 into 0.0, so that the
    // two zeros (equal under ==) hash alike
    const std::size_t D = X.cols();
    auto hash = [&X, D](std::size_t i) {
        std::size_t h = 1469598103934665603ULL;
        for (std::size_t d = 0; d < D; ++d) {
            const double v = X(i, d) + 0.0;
            unsigned long long bits;
            std::memcpy(&bits, &v, sizeof bits);
            h = (h ^ static_cast<std::size_t>(bits)) * 1099511628211ULL;
        }
        return h;
    };
    auto same = [&X, D](std::size_t a, std::size_t b) {
        for (std::size_t d = 0; d < D; ++d)
            if (X(a, d) != X(b, d)) return false;
        return true;
    };
    std::unordered_set<std::size_t, decltype(hash), decltype(same)> seen(16, hash, same);
    for (std::size_t i = 0; i < X.rows() && seen.size() < at_most; ++i) seen.insert(i);
    return seen.size();
}

}  // namespace mlfs

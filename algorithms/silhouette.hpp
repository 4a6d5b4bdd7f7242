// SPDX-License-Identifier: MIT
// The silhouette of a clustering, as sklearn.metrics.silhouette_samples / silhouette_score with
// metric='euclidean' (derivations/kmeans.md). Legend: N samples, D features; X is N x D and
// labels has length N (any non-negative integers; the distinct values are the clusters).
//
//   (KM.12) s_i = (b_i - a_i) / max(a_i, b_i), where
//           a_i = the mean distance from x_i to the other members of its cluster,
//           b_i = the smallest mean distance from x_i to the members of another cluster;
//           s_i = 0 when x_i is alone in its cluster (and when a_i = b_i = 0);
//           the score is the mean of s_i over i.
// Distances are ||x_i - x_j||_2 by direct differences. Cost O(N^2 D) time, O(N + K) memory.
//
// Bad input (no samples, NaN/inf, labels of the wrong length or negative, fewer than 2 or more
// than N - 1 clusters, for which sklearn refuses too) throws std::invalid_argument (ShapeError
// for the length) naming the sizes.
#pragma once

#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

Vector silhouette_samples(const Matrix& X, const std::vector<int>& labels);  // s_i, length N
double silhouette_score(const Matrix& X, const std::vector<int>& labels);    // (1/N) sum_i s_i

}  // namespace mlfs

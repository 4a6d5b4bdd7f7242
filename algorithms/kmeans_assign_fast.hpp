// SPDX-License-Identifier: MIT
// The k-means assignment step (KM.2) on every core, with kmeans_assign's bits
// (derivations/kmeans.md, "Where the time goes"). Legend: N samples, D features, K clusters;
// Xc is N x D (centred), C is K x D.
//
// kmeans_assign computes, for each sample i and centre j in increasing j,
//   d(i, j) = ||c_j||^2 - 2 (x_i . c_j),   x_i . c_j summed over k = 0 .. D-1 from 0.0,
// and keeps the first j with the smallest d. Here the N x K dot products x_i . c_j of a block of
// samples are one product Xb C^T, taken by the register tile (linalg/matmul_fast.hpp), which sums
// each x_i . c_j in the same k order, so d(i, j) has the same bits; the same j-ascending scan with a
// strict < then picks the same label, ties included. Threads take blocks of samples (outputs), so
// the labels do not depend on the thread count.
#pragma once

#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

// Labels as kmeans_assign(Xc, C); when d2 is given it receives, for each sample, the squared
// distance to its centre by direct differences, d2[i] = sum_k (Xc(i, k) - C(l_i, k))^2 in k order
// (the term of (KM.1) that kmeans' inertia adds, with its bits). threads: 0 = all hardware threads.
std::vector<int> kmeans_assign_fast(const Matrix& Xc, const Matrix& C, int threads = 1, Vector* d2 = nullptr);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The k-means assignment step (KM.2) on every core, with kmeans_assign's bits
// (derivations/kmeans.md, "Where the time goes"). Legend: N samples, D features, K clusters;
// Xc is N x D (centred), C is K x D.
//
// kmeans_assign computes, for each sample i and centre j in increasing j,
//   d(i, j) = ||c_j||^2 - 2 (x_i . c_j),   x_i . c_j summed over k = 0 .. D-1 from 0.0,
// ||c_j||^2 in np.einsum's order (row_norms_squared, KM.14),
// and keeps the first j with the smallest d. Here the N x K dot products x_i . c_j of a block of
// samples are one product Xb C^T, taken by the register tile (linalg/matmul_fast.hpp), which sums
// each x_i . c_j in the same k order, so d(i, j) has the same bits; the same j-ascending scan with a
// strict < then picks the same label, ties included. Threads take blocks of samples (outputs), so
// the labels do not depend on the thread count.
#pragma once

#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

// Labels as kmeans_assign(Xc, C); when margin is given it receives assignment_margin(Xc, C), the
// closest call of this assignment (KM.18), with its bits (the same d(i, j), the same ||x_i||^2, and a
// minimum, which no order changes). threads: 0 = all hardware threads. x_norms, if given, is
// row_norms_squared(Xc), computed once by a caller that assigns the same samples again and again.
// dist, when given, receives each sample's ||x_i - c_{l_i}||^2 as kmeans_inertia computes its terms
// (squared_distance_unrolled, KM.1), for kmeans_inertia_from_terms to add in sklearn's order.
// sums, when given, receives (KM.3)'s sums and counts of the samples 0 .. sums->done-1 under these
// labels, added in sample order by kmeans_add_samples on the thread that assigns the first blocks
// while each block is still in its cache (all of them on one thread; the first 1/T of them on T),
// so that the caller adds samples sums->done .. N-1 and gets kmeans_update's bits for
// reference_threads = 1 without a second pass over X for those samples.
struct KMeansSums {
    Matrix sums;                 // K x D
    std::vector<std::size_t> n;  // K
    std::size_t done = 0;
};
std::vector<int> kmeans_assign_fast(const Matrix& Xc, const Matrix& C, int threads = 1, double* margin = nullptr,
                                    const Vector* x_norms = nullptr, Vector* dist = nullptr,
                                    KMeansSums* sums = nullptr);

}  // namespace mlfs

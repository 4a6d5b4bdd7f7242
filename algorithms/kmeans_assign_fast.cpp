// SPDX-License-Identifier: MIT
// (KM.2) assignment on blocks of samples: one register-tiled product per block for the dot
// products, then kmeans_assign's own scan. Legend: N samples, D features, K clusters, B samples in
// a block. Cost O(N K D) flops, split over threads by blocks of samples.
#include "algorithms/kmeans_assign_fast.hpp"

#include <algorithm>
#include <limits>

#include "algorithms/kmeans.hpp"
#include "algorithms/numpy_order.hpp"
#include "linalg/matmul_fast.hpp"
#include "linalg/parallel.hpp"

namespace mlfs {

namespace {

constexpr std::size_t kBlock = 240;  // B samples: a B x K block of dot products stays in L2

// Samples [i0, i1): XC(i, j) = x_i . c_j by the tile (same k order), then kmeans_assign's
// j-ascending argmin; with xn given, also the closest call of the block as assignment_margin
// computes it: (d_second - d_best) / d_second of the full squared distances, clipped at 0.
// With dist given, also each sample's distance to its centre as kmeans_inertia's terms.
double assign_block(const Matrix& Xc, const Matrix& C, const Vector& cn, const Vector* xn, std::size_t i0,
                    std::size_t i1, std::vector<int>& labels, Vector* dist) {
    const std::size_t K = C.rows(), D = Xc.cols();
    thread_local std::vector<double> XC;  // B x K, x_i . c_j with kmeans_assign's bits; kept from block to block
    if (XC.size() < kBlock * K) XC.resize(kBlock * K);
    matmul_bt_rows(Xc, C, i0, i1, XC.data());
    double margin = 1.0;
    for (std::size_t i = i0; i < i1; ++i) {
        const double* xc = &XC[(i - i0) * K];
        // (KM.2) d_j = ||x_i - c_j||^2 - ||x_i||^2 = ||c_j||^2 - 2 x_i . c_j; kmeans_assign's scan,
        // j increasing, keeping the first of equal d (strict <), written without branches
        double best = cn[0] - 2.0 * xc[0];
        int label = 0;
        for (std::size_t j = 1; j < K; ++j) {
            const double d = cn[j] - 2.0 * xc[j];
            label = d < best ? static_cast<int>(j) : label;
            best = d < best ? d : best;
        }
        labels[i] = label;
        if (xn) {
            // (KM.18) the two smallest of assignment_margin's max(||x_i||^2 + d_j, 0), the same d_j
            // bits; max as a comparison (the data are finite, and +0.0 or -0.0 change no margin),
            // and the two smallest kept without branches: the values of assignment_margin's
            // if (full < d1) d2 = d1, d1 = full; else if (full < d2) d2 = full;
            double d1 = std::numeric_limits<double>::infinity(), d2 = d1;
            for (std::size_t j = 0; j < K; ++j) {
                const double sum = (*xn)[i] + (cn[j] - 2.0 * xc[j]), full = sum > 0.0 ? sum : 0.0;
                d2 = std::min(d2, std::max(d1, full));
                d1 = std::min(d1, full);
            }
            if (d2 < std::numeric_limits<double>::infinity()) {
                const double m = d2 > 0.0 ? (d2 - d1) / d2 : 0.0;
                if (m < margin) margin = m;
            }
        }
        if (dist) {
            const std::size_t l = static_cast<std::size_t>(label);
            (*dist)[i] = squared_distance_unrolled(&Xc.data()[i * D], &C.data()[l * D], D);  // (KM.1)
        }
    }
    return margin;
}

}  // namespace

std::vector<int> kmeans_assign_fast(const Matrix& Xc, const Matrix& C, int threads, double* margin,
                                    const Vector* x_norms, Vector* dist) {
    if (C.rows() == 0 || C.cols() != Xc.cols())
        throw ShapeError("kmeans_assign_fast: Xc is " + Xc.shape() + " but the centres are " + C.shape());
    const std::size_t N = Xc.rows();
    const Vector cn = row_norms_squared(C);  // ||c_j||^2 as kmeans_assign (KM.14)
    Vector own_norms;
    if (margin && !x_norms) own_norms = row_norms_squared(Xc);  // ||x_i||^2 as assignment_margin
    const Vector* xn = margin ? (x_norms ? x_norms : &own_norms) : nullptr;
    if (xn && xn->size() != N)
        throw ShapeError("kmeans_assign_fast: Xc has " + std::to_string(N) + " rows but x_norms has length " +
                         std::to_string(xn->size()));
    std::vector<int> labels(N, 0);
    if (dist) dist->assign(N, 0.0);
    const std::size_t blocks = (N + kBlock - 1) / kBlock;
    std::vector<double> block_margin(blocks, 1.0);  // one slot per block: no two threads write one
    parallel_for(blocks, threads, [&](std::size_t b) {
        block_margin[b] = assign_block(Xc, C, cn, xn, b * kBlock, std::min(N, (b + 1) * kBlock), labels, dist);
    });
    if (margin) {
        *margin = 1.0;
        for (double m : block_margin) *margin = std::min(*margin, m);
    }
    return labels;
}

}  // namespace mlfs

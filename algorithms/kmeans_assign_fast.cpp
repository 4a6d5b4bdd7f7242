// SPDX-License-Identifier: MIT
// (KM.2) assignment on blocks of samples: one register-tiled product per block for the dot
// products, then kmeans_assign's own scan. Legend: N samples, D features, K clusters, B samples in
// a block. Cost O(N K D) flops, split over threads by blocks of samples.
#include "algorithms/kmeans_assign_fast.hpp"

#include <algorithm>

#include "linalg/matmul_fast.hpp"
#include "linalg/parallel.hpp"

namespace mlfs {

namespace {

constexpr std::size_t kBlock = 240;  // B samples: a B x K block of dot products stays in L2

// ||c_j||^2 summed over k in order, as kmeans_assign
Vector centre_norms(const Matrix& C) {
    Vector cn(C.rows(), 0.0);
    for (std::size_t j = 0; j < C.rows(); ++j)
        for (std::size_t k = 0; k < C.cols(); ++k) cn[j] += C(j, k) * C(j, k);
    return cn;
}

// Samples [i0, i1): XC(i, j) = x_i . c_j by the tile (same k order), then the j-ascending argmin.
void assign_block(const Matrix& Xc, const Matrix& C, const Vector& cn, std::size_t i0, std::size_t i1,
                  std::vector<int>& labels, Vector* d2) {
    const std::size_t K = C.rows(), D = Xc.cols();
    std::vector<double> XC((i1 - i0) * K);  // B x K, x_i . c_j with kmeans_assign's bits
    matmul_bt_rows(Xc, C, i0, i1, XC.data());
    for (std::size_t i = i0; i < i1; ++i) {
        double best = 0.0;
        for (std::size_t j = 0; j < K; ++j) {
            const double d = cn[j] - 2.0 * XC[(i - i0) * K + j];  // (KM.2) ||x_i - c_j||^2 - ||x_i||^2
            if (j == 0 || d < best) {                       // strict <: ties go to the lowest j
                best = d;
                labels[i] = static_cast<int>(j);
            }
        }
        if (d2) {  // (KM.1) the inertia term, by direct differences in k order
            const std::size_t l = static_cast<std::size_t>(labels[i]);
            double s = 0.0;
            for (std::size_t k = 0; k < D; ++k) s += (Xc(i, k) - C(l, k)) * (Xc(i, k) - C(l, k));
            (*d2)[i] = s;
        }
    }
}

}  // namespace

std::vector<int> kmeans_assign_fast(const Matrix& Xc, const Matrix& C, int threads, Vector* d2) {
    if (C.rows() == 0 || C.cols() != Xc.cols())
        throw ShapeError("kmeans_assign_fast: Xc is " + Xc.shape() + " but the centres are " + C.shape());
    const std::size_t N = Xc.rows();
    const Vector cn = centre_norms(C);
    std::vector<int> labels(N, 0);
    if (d2) d2->assign(N, 0.0);
    const std::size_t blocks = (N + kBlock - 1) / kBlock;
    parallel_for(blocks, threads, [&](std::size_t b) {
        assign_block(Xc, C, cn, b * kBlock, std::min(N, (b + 1) * kBlock), labels, d2);
    });
    return labels;
}

}  // namespace mlfs

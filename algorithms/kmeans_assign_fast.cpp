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

constexpr std::size_t kBlock = 240;  // B samples: a B x K block of dot products stays in L2 (a multiple of kLanes)

// The dot products of a block: with few centres (K D <= kDirect doubles, C^T's panels in L2)
// linalg's unpacked narrow tile (matmul_bt_rows_t, 4 samples x 8 centres), else the blocked
// product (matmul_bt_rows); both sum each x_i . c_j over d = 0 .. D-1 from 0.0 in increasing d, as
// kmeans_assign's (KM.2): the same bits.
constexpr std::size_t kDirect = 32768;  // 256 KiB of panels

// One block's products, centre by centre: XCt(j, i - i0) = x_i . c_j with kmeans_assign's bits
struct BlockProducts {
    std::vector<double> XCt;  // Kp x kBlock (Kp: K rounded up to whole panels)
    std::vector<double> XC;   // kBlock x K, for the blocked product's layout
};

// kmeans_assign's scan (KM.2) for kLanes samples side by side (each sample's scan is its own: the
// lanes run as vectors): for j increasing, d = ||c_j||^2 - 2 x_i . c_j is kept when d < best,
// strictly, so the first of equal d wins; second is the smallest d but best's (equal to best on a
// tie), for the closest call. xc points at the lanes' products with centre 0 (row stride kBlock).
constexpr std::size_t kLanes = 4;  // one vector of 4 doubles per array with AVX (8 ran slower: GCC spilled them)
void scan_lanes(const double* xc, const Vector& cn, double* best, double* second, double* label) {
    double b[kLanes], s[kLanes], l[kLanes];  // label as a double: j < 2^53, exact
    for (std::size_t r = 0; r < kLanes; ++r) {
        b[r] = cn[0] - 2.0 * xc[r];
        s[r] = std::numeric_limits<double>::infinity();
        l[r] = 0.0;
    }
    for (std::size_t j = 1; j < cn.size(); ++j) {
        const double* x = xc + j * kBlock;
        const double cj = cn[j], jd = static_cast<double>(j);
        for (std::size_t r = 0; r < kLanes; ++r) {
            const double d = cj - 2.0 * x[r];
            s[r] = std::min(s[r], std::max(b[r], d));
            l[r] = d < b[r] ? jd : l[r];
            b[r] = d < b[r] ? d : b[r];
        }
    }
    for (std::size_t r = 0; r < kLanes; ++r) {
        best[r] = b[r];
        second[r] = s[r];
        label[r] = l[r];
    }
}

// (KM.18) assignment_margin's closest call of B samples: of full_j = max(||x_i||^2 + d_j, 0), the
// two smallest. full is a non-decreasing function of d_j (a rounded sum, then a max), so they are
// full of the two smallest d_j, best and second: the same bits. m_i = (d2 - d1) / d2 (0 when d2 = 0)
// for every sample first (a loop that runs vectorised), then their minimum; a sample whose d2 is
// infinite (K = 1: no second centre) gives NaN and is skipped, as assignment_margin skips it.
double closest_call(const double* xn, const double* best, const double* second, std::size_t B) {
    double m[kBlock];
    for (std::size_t i = 0; i < B; ++i) {
        const double s1 = xn[i] + best[i], s2 = xn[i] + second[i];
        const double d1 = s1 > 0.0 ? s1 : 0.0, d2 = s2 > 0.0 ? s2 : 0.0;
        m[i] = d2 > 0.0 ? (d2 - d1) / d2 : 0.0;
    }
    double margin = 1.0;
    for (std::size_t i = 0; i < B; ++i)
        if (m[i] < margin) margin = m[i];
    return margin;
}

// (KM.1) J's terms of samples [i0, i1): dist_i = ||x_i - c_{l_i}||^2 with squared_distance_unrolled's
// arithmetic (the squared differences four at a time, result += ((t0 + t1) + t2) + t3, then the
// D % 4 left over one at a time), for four samples side by side: each sample's chain of additions
// is its own, so the four overlap instead of waiting on each other. label[i - i0] is l_i.
void distances(const Matrix& Xc, const Matrix& C, const double* label, std::size_t i0, std::size_t i1, double* dist) {
    const std::size_t D = Xc.cols();
    constexpr std::size_t S = 4;
    std::size_t i = i0;
    for (; i + S <= i1; i += S) {
        const double* x[S];
        const double* c[S];
        double result[S];
        for (std::size_t r = 0; r < S; ++r) {
            x[r] = &Xc.data()[(i + r) * D];
            c[r] = &C.data()[static_cast<std::size_t>(label[i + r - i0]) * D];
            result[r] = 0.0;
        }
        std::size_t d = 0;
        for (; d + 4 <= D; d += 4) {
#pragma GCC unroll 4
            for (std::size_t r = 0; r < S; ++r) {
                const double* a = x[r] + d;
                const double* b = c[r] + d;
                const double t0 = (a[0] - b[0]) * (a[0] - b[0]), t1 = (a[1] - b[1]) * (a[1] - b[1]);
                const double t2 = (a[2] - b[2]) * (a[2] - b[2]), t3 = (a[3] - b[3]) * (a[3] - b[3]);
                result[r] += ((t0 + t1) + t2) + t3;
            }
        }
        for (; d < D; ++d)
            for (std::size_t r = 0; r < S; ++r) result[r] += (x[r][d] - c[r][d]) * (x[r][d] - c[r][d]);
        for (std::size_t r = 0; r < S; ++r) dist[i + r] = result[r];
    }
    for (; i < i1; ++i) {
        const std::size_t l = static_cast<std::size_t>(label[i - i0]);
        dist[i] = squared_distance_unrolled(&Xc.data()[i * D], &C.data()[l * D], D);
    }
}

// Samples [i0, i1): XC(i, j) = x_i . c_j with kmeans_assign's bits, then kmeans_assign's
// j-ascending argmin; with xn given, also the closest call of the block as assignment_margin
// computes it: (d_second - d_best) / d_second of the full squared distances, clipped at 0.
// With dist given, also each sample's distance to its centre as kmeans_inertia's terms.
// Ct holds C^T's panels for the direct route, or is empty for the blocked product.
double assign_block(const Matrix& Xc, const Matrix& C, const std::vector<double>& Ct, const Vector& cn,
                    const Vector* xn, std::size_t i0, std::size_t i1, std::vector<int>& labels, Vector* dist) {
    const std::size_t K = C.rows(), B = i1 - i0, Kp = (K + kPanel - 1) / kPanel * kPanel;
    thread_local BlockProducts w;  // kept from block to block
    if (w.XCt.size() < Kp * kBlock) w.XCt.resize(Kp * kBlock);
    if (Ct.empty()) {  // the blocked product, then its B x K block turned centre by centre
        if (w.XC.size() < kBlock * K) w.XC.resize(kBlock * K);
        matmul_bt_rows(Xc, C, i0, i1, w.XC.data());
        for (std::size_t i = 0; i < B; ++i)
            for (std::size_t j = 0; j < K; ++j) w.XCt[j * kBlock + i] = w.XC[i * K + j];
    } else {
        matmul_bt_rows_t(Xc, Ct, i0, i1, w.XCt.data(), kBlock);
    }
    // (KM.2) d_j = ||x_i - c_j||^2 - ||x_i||^2 = ||c_j||^2 - 2 x_i . c_j; kmeans_assign's scan, j
    // increasing, for the block's samples side by side; beside it the second smallest d, for the
    // closest call
    double best[kBlock], second[kBlock], label[kBlock];
    for (std::size_t i = 0; i < B; i += kLanes) scan_lanes(&w.XCt[i], cn, &best[i], &second[i], &label[i]);
    double margin = 1.0;
    if (xn) margin = closest_call(&(*xn)[i0], best, second, B);
    for (std::size_t i = i0; i < i1; ++i) labels[i] = static_cast<int>(label[i - i0]);
    if (dist) distances(Xc, C, label, i0, i1, dist->data());  // (KM.1)
    return margin;
}

}  // namespace

std::vector<int> kmeans_assign_fast(const Matrix& Xc, const Matrix& C, int threads, double* margin,
                                    const Vector* x_norms, Vector* dist, KMeansSums* sums) {
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
    const std::vector<double> Ct = C.size() <= kDirect ? bt_panels(C) : std::vector<double>{};
    const std::size_t blocks = (N + kBlock - 1) / kBlock;
    std::vector<double> block_margin(blocks, 1.0);  // one slot per block: no two threads write one
    // (KM.3) the first range of blocks runs on one thread, in order: it adds its samples as it goes
    const std::size_t summed_blocks = sums ? first_range_end(blocks, threads) : 0;
    if (sums) {
        sums->sums = Matrix(C.rows(), C.cols(), 0.0);
        sums->n.assign(C.rows(), 0);
        sums->done = std::min(N, summed_blocks * kBlock);
    }
    parallel_for(blocks, threads, [&](std::size_t b) {
        const std::size_t i0 = b * kBlock, i1 = std::min(N, (b + 1) * kBlock);
        block_margin[b] = assign_block(Xc, C, Ct, cn, xn, i0, i1, labels, dist);
        if (b < summed_blocks) kmeans_add_samples(Xc, labels, i0, i1, sums->sums, sums->n);
    });
    if (margin) {
        *margin = 1.0;
        for (double m : block_margin) *margin = std::min(*margin, m);
    }
    return labels;
}

}  // namespace mlfs

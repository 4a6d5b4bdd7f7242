// SPDX-License-Identifier: MIT
// numpy 1.24's summation orders and its introselect, as scikit-learn's k-means meets them
// (algorithms/numpy_order.hpp; derivations/kmeans.md, KM.13, KM.14, KM.16). Written from numpy's
// sources (umath/loops_utils.h.src, multiarray/einsum_sumprod.c.src, npysort/selection.cpp) and
// checked against numpy itself by tests/test_numpy_order.cpp and the k-means goldens.
#include "algorithms/numpy_order.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace mlfs {

namespace {

// numpy's ufunc buffer: a reduction hands its inner loop at most this many elements at a time
constexpr std::size_t kBufferSize = 8192;
// pairwise summation switches from 8 accumulators to halving above this many elements
constexpr std::size_t kPairwiseBlock = 128;

// (KM.13) pairwise summation of n <= kBufferSize elements (numpy's DOUBLE_pairwise_sum)
double pairwise_sum(const double* a, std::size_t n, std::size_t stride) {
    if (n < 8) {
        double s = -0.0;  // numpy starts at -0.0 so that a sum of -0.0 stays -0.0
        for (std::size_t i = 0; i < n; ++i) s += a[i * stride];
        return s;
    }
    if (n <= kPairwiseBlock) {
        double r[8];  // accumulator t takes the elements t, t + 8, t + 16, ...
        for (std::size_t t = 0; t < 8; ++t) r[t] = a[t * stride];
        std::size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (std::size_t t = 0; t < 8; ++t) r[t] += a[(i + t) * stride];
        double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) s += a[i * stride];  // the n % 8 left over, in order
        return s;
    }
    std::size_t half = n / 2;
    half -= half % 8;  // keep the first half a multiple of the unroll
    return pairwise_sum(a, half, stride) + pairwise_sum(a + half * stride, n - half, stride);
}

// ------------------------------------------------------------------ introselect (KM.16)
// numpy's arg-partition on doubles without NaN: t is the index array being permuted (offset to
// the range worked on), v the values by original index. Comparisons are numpy's `less` (<).
using Index = std::ptrdiff_t;

bool lt(const double* v, const std::size_t* t, Index a, Index b) { return v[t[a]] < v[t[b]]; }

// median of t[low], t[mid], t[high] moved to low, the smallest of the three to low + 1
void median3_swap(const double* v, std::size_t* t, Index low, Index mid, Index high) {
    if (lt(v, t, high, mid)) std::swap(t[high], t[mid]);
    if (lt(v, t, high, low)) std::swap(t[high], t[low]);
    if (lt(v, t, low, mid)) std::swap(t[low], t[mid]);
    std::swap(t[mid], t[low + 1]);
}

// position (1, 2 or 3) of the median of t[0..4] after numpy's partial sorting network
Index median5(const double* v, std::size_t* t) {
    if (lt(v, t, 1, 0)) std::swap(t[1], t[0]);
    if (lt(v, t, 4, 3)) std::swap(t[4], t[3]);
    if (lt(v, t, 3, 0)) std::swap(t[3], t[0]);
    if (lt(v, t, 4, 1)) std::swap(t[4], t[1]);
    if (lt(v, t, 2, 1)) std::swap(t[2], t[1]);
    if (lt(v, t, 3, 2)) return lt(v, t, 3, 1) ? 1 : 3;
    return 2;
}

// Hoare partition around `pivot` without bound checks (median3_swap put sentinels at both ends)
void unguarded_partition(const double* v, std::size_t* t, double pivot, Index& ll, Index& hh) {
    for (;;) {
        do ++ll;
        while (v[t[ll]] < pivot);
        do --hh;
        while (pivot < v[t[hh]]);
        if (hh < ll) break;
        std::swap(t[ll], t[hh]);
    }
}

// O(n kth) selection: positions 0..kth get the smallest values, each the first minimum of the rest
void dumb_select(const double* v, std::size_t* t, Index num, Index kth) {
    for (Index i = 0; i <= kth; ++i) {
        Index m = i;
        for (Index k = i + 1; k < num; ++k)
            if (v[t[k]] < v[t[m]]) m = k;
        std::swap(t[i], t[m]);
    }
}

void introselect(const double* v, std::size_t* t, Index num, Index kth);

// median of medians of 5 (the linear-time fallback pivot); returns its position
Index median_of_median5(const double* v, std::size_t* t, Index num) {
    const Index nmed = num / 5;
    for (Index i = 0, sub = 0; i < nmed; ++i, sub += 5) std::swap(t[sub + median5(v, t + sub)], t[i]);
    if (nmed > 2) introselect(v, t, nmed, nmed / 2);
    return nmed / 2;
}

// numpy's introselect_<double, arg=true> for one kth and an empty pivot stack (argpartition's use)
void introselect(const double* v, std::size_t* t, Index num, Index kth) {
    Index low = 0, high = num - 1;
    if (kth - low < 3) return dumb_select(v, t, num, kth);
    if (kth == num - 1) {  // the maximum: the LAST of equal maxima goes to the end
        Index m = low;
        for (Index k = low + 1; k < num; ++k)
            if (!(v[t[k]] < v[t[m]])) m = k;
        std::swap(t[kth], t[m]);
        return;
    }
    int depth_limit = 0;  // 2 floor(log2 num)
    for (std::size_t u = static_cast<std::size_t>(num); u >>= 1;) depth_limit += 2;
    while (low + 1 < high) {
        Index ll = low + 1, hh = high;
        if (depth_limit > 0 || hh - ll < 5) {
            median3_swap(v, t, low, low + (high - low) / 2, high);
        } else {
            const Index mid = ll + median_of_median5(v, t + ll, hh - ll);
            std::swap(t[mid], t[low]);
            --ll;
            ++hh;
        }
        --depth_limit;
        unguarded_partition(v, t, v[t[low]], ll, hh);
        std::swap(t[low], t[hh]);  // the pivot into its place
        if (hh >= kth) high = hh - 1;
        if (hh <= kth) low = ll;
    }
    if (high == low + 1 && lt(v, t, high, low)) std::swap(t[high], t[low]);
}

}  // namespace

// (KM.13) a reduction over more than 8192 elements is pairwise within each buffer of 8192 and
// sequential across buffers, starting from 0 (the identity of add)
double numpy_sum(const double* a, std::size_t n, std::size_t stride) {
    double s = 0.0;
    for (std::size_t b = 0; b < n; b += kBufferSize)
        s += pairwise_sum(a + b * stride, std::min(kBufferSize, n - b), stride);
    return s;
}

// (KM.14) two SSE2 lanes: lane l holds the elements 2p + l. Each block of 8 is added into the lanes
// pair 3 first, then 2, 1, 0 (acc = x*x + acc, a multiply and an add, no FMA); the last 1 to 7
// elements pair by pair (an odd last element pairs with 0); then lane 0 + lane 1.
double einsum_squared_norm(const double* x, std::size_t n) {
    double lane[2] = {0.0, 0.0};
    std::size_t i = 0;
    for (; n - i >= 8; i += 8)
        for (std::size_t p = 4; p-- > 0;)
            for (std::size_t l = 0; l < 2; ++l) lane[l] = x[i + 2 * p + l] * x[i + 2 * p + l] + lane[l];
    for (; i < n; i += 2)
        for (std::size_t l = 0; l < 2; ++l) {
            const double e = i + l < n ? x[i + l] : 0.0;
            lane[l] = e * e + lane[l];
        }
    return 0.0 + (lane[0] + lane[1]);  // einsum adds into its zeroed output
}

Vector row_norms_squared(const Matrix& A) {
    Vector n(A.rows());
    for (std::size_t r = 0; r < A.rows(); ++r) n[r] = einsum_squared_norm(A.data().data() + r * A.cols(), A.cols());
    return n;
}

// X.mean(axis=0): for D >= 2 numpy's iterator adds whole rows, so each column is summed in row
// order; for D = 1 the column is contiguous and is summed by numpy_sum. Then / N.
Vector numpy_column_means(const Matrix& X) {
    if (X.rows() == 0) throw ShapeError("numpy_column_means: X is " + X.shape() + ", it has no rows");
    const std::size_t N = X.rows(), D = X.cols();
    Vector xbar(D, 0.0);
    if (D == 1) {
        xbar[0] = numpy_sum(X.data().data(), N);
    } else {
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t d = 0; d < D; ++d) xbar[d] += X(i, d);
    }
    for (double& m : xbar) m /= static_cast<double>(N);
    return xbar;
}

std::vector<std::size_t> argpartition_top(const Vector& v, std::size_t m) {
    const std::size_t N = v.size();
    if (m < 1 || m > N)
        throw std::invalid_argument("argpartition_top: m = " + std::to_string(m) + " of " + std::to_string(N) +
                                    " values");
    std::vector<std::size_t> t(N);
    for (std::size_t i = 0; i < N; ++i) t[i] = i;
    introselect(v.data(), t.data(), static_cast<Index>(N), static_cast<Index>(N - m));
    std::vector<std::size_t> top;
    for (std::size_t r = 0; r < m; ++r) top.push_back(t[N - 1 - r]);  // [:-m-1:-1]: from the end
    return top;
}

}  // namespace mlfs

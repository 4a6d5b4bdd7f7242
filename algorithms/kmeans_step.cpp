// SPDX-License-Identifier: MIT
// One Lloyd iteration as scikit-learn 1.2.1's lloyd_iter_chunked_dense computes it, and the two
// numbers around it: the assignment (KM.2), the update (KM.3) with the relocation of empty
// clusters (KM.4), the centre shift (KM.5) and the inertia (KM.1). derivations/kmeans.md, sections
// 3 to 5 and 13 ("Where ties are decided"). Legend: N samples, D features (index d), K clusters
// (index j); Xc is N x D (centred), C is K x D.
// Every sum here runs in scikit-learn's order, because on integer data and duplicated rows its
// last bit decides labels (KM.2, KM.4), n_iter_ (KM.5) and the best of n_init runs (KM.1, KM.11).
// `reference_threads` (1 or 2) picks which of scikit-learn's OpenMP reductions to reproduce (KM.15).
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "algorithms/kmeans.hpp"
#include "algorithms/numpy_order.hpp"

namespace mlfs {

namespace {

// sklearn's CHUNK_SIZE: the Lloyd iteration hands samples to threads in chunks of 256
constexpr std::size_t kChunk = 256;

// (KM.15) where thread 1's samples start when sklearn sums the update with 2 threads: the chunks
// are dealt out by a static schedule, thread 0 taking the first ceil(n_chunks / 2) of them; with
// one chunk (N <= 256) there is one thread. Returns N when thread 0 sums everything.
std::size_t update_split(std::size_t N, int reference_threads) {
    if (reference_threads < 2 || N <= kChunk) return N;
    const std::size_t n_chunks = (N + kChunk - 1) / kChunk;
    return ((n_chunks + 1) / 2) * kChunk;
}

}  // namespace

// (KM.3) the samples first .. last-1 added into their clusters' sums, in sample order;
// n counts them. sums (K x D) and n (K) come in holding what was summed before.
void kmeans_add_samples(const Matrix& Xc, const std::vector<int>& labels, std::size_t first, std::size_t last,
                        Matrix& sums, std::vector<std::size_t>& n) {
    if (first > last || last > Xc.rows() || labels.size() != Xc.rows() || sums.rows() != n.size() ||
        sums.cols() != Xc.cols())
        throw ShapeError("kmeans_add_samples: samples " + std::to_string(first) + ".." + std::to_string(last) +
                         " of Xc " + Xc.shape() + " with " + std::to_string(labels.size()) + " labels into sums " +
                         sums.shape());
    // >>> exercise kmeans-update: derivations/kmeans.md
    const std::size_t D = Xc.cols();
    for (std::size_t i = first; i < last; ++i) {
        const std::size_t l = static_cast<std::size_t>(labels[i]);
        for (std::size_t d = 0; d < D; ++d) sums(l, d) += Xc(i, d);
        ++n[l];
    }
    // <<< exercise kmeans-update
}

namespace {

// (KM.4) The clusters empty after the assignment (n_e = 0), in increasing e, each take one of the
// samples farthest from their old centre, dist_i = ||x_i - c_old[l_i]||^2 summed as numpy sums a
// row (KM.13). Which of several equally far samples is taken is numpy's introselect's choice
// (argpartition_top, KM.16): for one empty cluster and N >= 4 the LAST of the farthest (for N <= 3
// numpy's dumb_select decides, e.g. the first of {.5, .5, .25}); with two or more empty clusters the
// samples come in introselect's order, not farthest first. The sample f leaves
// its cluster o's sum; a cluster emptied by this stays empty until the next assignment (as sklearn).
void relocate_empty(const Matrix& Xc, const Matrix& C_old, const std::vector<int>& labels, Matrix& sums,
                    std::vector<std::size_t>& n) {
    const std::size_t N = Xc.rows(), D = Xc.cols();
    std::vector<std::size_t> empty;
    for (std::size_t e = 0; e < n.size(); ++e)
        if (n[e] == 0) empty.push_back(e);
    if (empty.empty()) return;
    Vector dist(N), diff2(D);
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t d = 0; d < D; ++d) {
            const double diff = Xc(i, d) - C_old(static_cast<std::size_t>(labels[i]), d);
            diff2[d] = diff * diff;
        }
        dist[i] = numpy_sum(diff2);  // ((X - C_old[labels])**2).sum(axis=1)
    }
    const std::vector<std::size_t> far = argpartition_top(dist, empty.size());
    for (std::size_t r = 0; r < empty.size(); ++r) {
        const std::size_t e = empty[r], f = far[r], o = static_cast<std::size_t>(labels[f]);
        for (std::size_t d = 0; d < D; ++d) {
            sums(o, d) -= Xc(f, d);
            sums(e, d) = Xc(f, d);
        }
        --n[o];
        n[e] = 1;
    }
}

}  // namespace

// (KM.1) sklearn's _euclidean_dense_dense: the squared differences four at a time,
// result += ((t0 + t1) + t2) + t3, then the D % 4 left over one at a time
double squared_distance_unrolled(const double* a, const double* b, std::size_t D) {
    double result = 0.0;
    std::size_t d = 0;
    for (; d + 4 <= D; d += 4) {
        const double t0 = (a[d] - b[d]) * (a[d] - b[d]), t1 = (a[d + 1] - b[d + 1]) * (a[d + 1] - b[d + 1]);
        const double t2 = (a[d + 2] - b[d + 2]) * (a[d + 2] - b[d + 2]),
                     t3 = (a[d + 3] - b[d + 3]) * (a[d + 3] - b[d + 3]);
        result += ((t0 + t1) + t2) + t3;
    }
    for (; d < D; ++d) result += (a[d] - b[d]) * (a[d] - b[d]);
    return result;
}

// (KM.2) l_i = argmin_j ||c_j||^2 - 2 x_i.c_j; ||x_i||^2 is the same for every j and is left out.
// ||c_j||^2 in numpy's einsum order (KM.14); x_i.c_j a plain sum in feature order, as the
// reference BLAS's dgemm; cn - 2 xc rounds once, as dgemm's alpha * xc + beta * cn with alpha = -2,
// beta = 1. Strict < scans j upwards, so a tie goes to the lowest j. Xc is N x D, C is K x D.
std::vector<int> kmeans_assign(const Matrix& Xc, const Matrix& C) {
    if (C.rows() == 0 || C.cols() != Xc.cols())
        throw ShapeError("kmeans_assign: Xc is " + Xc.shape() + " but the centres are " + C.shape());
    const Vector cn = row_norms_squared(C);  // ||c_j||^2, sklearn's row_norms (KM.14)
    // >>> exercise kmeans-assign: derivations/kmeans.md
    const std::size_t N = Xc.rows(), K = C.rows(), D = Xc.cols();
    std::vector<int> labels(N);
    for (std::size_t i = 0; i < N; ++i) {
        double best = 0.0;
        for (std::size_t j = 0; j < K; ++j) {
            double xc = 0.0;  // x_i . c_j
            for (std::size_t d = 0; d < D; ++d) xc += Xc(i, d) * C(j, d);
            const double dist = cn[j] - 2.0 * xc;  // ||x_i - c_j||^2 - ||x_i||^2
            if (j == 0 || dist < best) {
                best = dist;
                labels[i] = static_cast<int>(j);
            }
        }
    }
    return labels;
    // <<< exercise kmeans-assign
}

// (KM.18) The closest call of an assignment: min(1, min over samples of (d_second - d_best) / d_second),
// d = max(0, ||x_i||^2 + (KM.2)), the full squared distances of the two nearest centres, rounded
// again and clipped, so 0 (d_best == d_second, or both 0) is usually but not always an exact tie of
// (KM.2)'s reduced values. 1, the largest margin there is: K = 1, where nothing is decided, or every
// sample on its centre (d_best = 0 < d_second).
double assignment_margin(const Matrix& Xc, const Matrix& C) {
    const Vector cn = row_norms_squared(C), xn = row_norms_squared(Xc);
    double margin = 1.0;
    for (std::size_t i = 0; i < Xc.rows(); ++i) {
        double d1 = std::numeric_limits<double>::infinity(), d2 = d1;  // the two smallest
        for (std::size_t j = 0; j < C.rows(); ++j) {
            double xc = 0.0;
            for (std::size_t d = 0; d < Xc.cols(); ++d) xc += Xc(i, d) * C(j, d);
            const double full = std::fmax(xn[i] + (cn[j] - 2.0 * xc), 0.0);
            if (full < d1) d2 = d1, d1 = full;
            else if (full < d2) d2 = full;
        }
        if (std::isfinite(d2)) margin = std::fmin(margin, d2 > 0.0 ? (d2 - d1) / d2 : 0.0);
    }
    return margin;
}

// (KM.3) c_j = (sum_{i: l_i = j} x_i) * (1 / n_j); (KM.4) in between. With reference_threads = 2
// the sums are those of sklearn's two threads, each in sample order, added (KM.15): thread 0's +
// thread 1's. A cluster left with n_j = 0 (its only sample was moved by KM.4) keeps its sum, as sklearn.
Matrix kmeans_update(const Matrix& Xc, const Matrix& C_old, const std::vector<int>& labels, int reference_threads) {
    const std::size_t N = Xc.rows(), K = C_old.rows(), D = Xc.cols();
    if (C_old.cols() != D || labels.size() != N)
        throw ShapeError("kmeans_update: Xc is " + Xc.shape() + ", the centres are " + C_old.shape() +
                         " and there are " + std::to_string(labels.size()) + " labels");
    for (int l : labels)
        if (l < 0 || static_cast<std::size_t>(l) >= K)
            throw std::invalid_argument("kmeans_update: label " + std::to_string(l) + " is not in 0.." +
                                        std::to_string(K - 1));
    Matrix sums(K, D, 0.0);         // sum_{i: l_i = j} x_i
    std::vector<std::size_t> n(K);  // n_j
    const std::size_t split = update_split(N, reference_threads);
    kmeans_add_samples(Xc, labels, 0, split, sums, n);  // thread 0's chunks (all of them with one thread)
    if (split < N) {
        Matrix part(K, D, 0.0);  // thread 1's chunks, summed apart, then added (KM.15)
        kmeans_add_samples(Xc, labels, split, N, part, n);
        for (std::size_t t = 0; t < sums.size(); ++t) sums.data()[t] += part.data()[t];
    }
    return kmeans_update_from_sums(Xc, C_old, labels, std::move(sums), std::move(n));
}

// (KM.4) then (KM.3)'s division, from the sums and counts of the samples in each cluster
Matrix kmeans_update_from_sums(const Matrix& Xc, const Matrix& C_old, const std::vector<int>& labels, Matrix sums,
                               std::vector<std::size_t> n) {
    const std::size_t K = C_old.rows(), D = Xc.cols();
    if (sums.rows() != K || sums.cols() != D || n.size() != K || labels.size() != Xc.rows())
        throw ShapeError("kmeans_update_from_sums: sums " + sums.shape() + " and " + std::to_string(n.size()) +
                         " counts for centres " + C_old.shape() + ", Xc " + Xc.shape() + " and " +
                         std::to_string(labels.size()) + " labels");
    relocate_empty(Xc, C_old, labels, sums, n);  // (KM.4)
    // >>> exercise kmeans-update: derivations/kmeans.md
    for (std::size_t j = 0; j < K; ++j) {
        if (n[j] == 0) continue;
        const double inv = 1.0 / static_cast<double>(n[j]);  // the reciprocal, then a multiply, as sklearn
        for (std::size_t d = 0; d < D; ++d) sums(j, d) *= inv;
    }
    // <<< exercise kmeans-update
    return sums;
}

// (KM.5) sum_j ||c_j^new - c_j^old||^2 as sklearn forms it: shift_j = sqrt(the unrolled squared
// distance), then (shift**2).sum() over j in numpy's order (KM.13). sqrt then square is not the identity.
double kmeans_centre_shift(const Matrix& C_new, const Matrix& C_old) {
    Vector s2(C_new.rows());
    for (std::size_t j = 0; j < C_new.rows(); ++j) {
        const double s = std::sqrt(
            squared_distance_unrolled(&C_new.data()[j * C_new.cols()], &C_old.data()[j * C_old.cols()], C_new.cols()));
        s2[j] = s * s;
    }
    return numpy_sum(s2);
}

// (KM.1) J = sum_i ||x_i - c_{l_i}||^2, each term by the unrolled squared distance; with
// reference_threads = 2 the samples are split as sklearn's static schedule splits them (thread 0
// takes the first ceil(N / 2)) and the two partial sums are added (KM.15).
double kmeans_inertia(const Matrix& Xc, const Matrix& C, const std::vector<int>& labels, int reference_threads) {
    const std::size_t N = Xc.rows(), D = Xc.cols();
    const std::size_t split = reference_threads < 2 ? N : (N + 1) / 2;
    double part[2] = {0.0, 0.0};
    for (std::size_t i = 0; i < N; ++i) {
        const std::size_t l = static_cast<std::size_t>(labels[i]);
        part[i < split ? 0 : 1] += squared_distance_unrolled(&Xc.data()[i * D], &C.data()[l * D], D);
    }
    return part[0] + part[1];
}

double kmeans_inertia_from_terms(const Vector& dist, int reference_threads) {
    const std::size_t N = dist.size();
    const std::size_t split = reference_threads < 2 ? N : (N + 1) / 2;
    double part[2] = {0.0, 0.0};
    for (std::size_t i = 0; i < N; ++i) part[i < split ? 0 : 1] += dist[i];  // kmeans_inertia's order
    return part[0] + part[1];
}

}  // namespace mlfs

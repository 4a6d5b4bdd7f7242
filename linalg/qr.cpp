// SPDX-License-Identifier: MIT
// Householder QR and least squares (derivations/linear_algebra.md, section 6).
// Legend: A is m x n (m >= n), v_k is the k-th Householder vector (nonzero in rows k..m-1),
// R is n x n upper triangular, b has length m, x has length n.
#include "linalg/qr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "linalg/parallel.hpp"
#include "linalg/triangular.hpp"

namespace mlfs {

namespace {

std::vector<double> by_columns(const Matrix& A) {
    std::vector<double> columns(A.rows() * A.cols());
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) columns[j * A.rows() + i] = A(i, j);
    return columns;
}

}  // namespace

HouseholderQR::HouseholderQR(const Matrix& A, int threads)
    : HouseholderQR(by_columns(A), A.rows(), A.cols(), threads) {}

HouseholderQR::HouseholderQR(std::vector<double> columns, std::size_t m, std::size_t n, int threads,
                             const std::function<void(std::size_t k)>& after_column)
    : m_(m), n_(n), QR_(std::move(columns)), v0_(n, 0.0), vtv_(n, 0.0), column_norms_(n) {
    if (m_ < n_ || n_ == 0)
        throw ShapeError("HouseholderQR: A is " + std::to_string(m_) + "x" + std::to_string(n_) +
                         ", it needs at least as many rows as columns and one column");
    if (QR_.size() != m_ * n_)
        throw ShapeError("HouseholderQR: " + std::to_string(QR_.size()) + " numbers for a " + std::to_string(m_) + "x" +
                         std::to_string(n_) + " matrix");
    for (double a : QR_)
        if (!std::isfinite(a))
            throw std::invalid_argument("HouseholderQR: A (" + std::to_string(m_) + "x" + std::to_string(n_) +
                                        ") has a NaN or infinite entry");
    factor(threads, after_column);
}

// (LA.14) v_k from column k, which holds x = (H_{k-1} ... H_0 A)(k:m, k) in rows k..m-1; column k
// then keeps R_kk in row k and v_k's tail below it.
void HouseholderQR::make_reflector(std::size_t k) {
    double* x = column(k);
    // Already a multiple of e_1 (this includes the last column of a square A): no reflection,
    // R_kk = x_1 keeps its sign, as LAPACK's dlarfg does; vtv_[k] = 0 marks H_k = I.
    if (std::all_of(x + k + 1, x + m_, [](double a) { return a == 0.0; })) return;
    const double sign = x[k] >= 0.0 ? 1.0 : -1.0;  // sign(0) = +1
    // (LA.14) v = x + sign(x_1) ||x|| e_1: same signs add, no cancellation. v differs from x only in
    // its first entry, so x[k+1..m) already is v's tail; the first entry goes to v0_.
    const double v0 = x[k] + sign * norm2(x + k, m_ - k);
    // v^T v, and v^T x for H_k applied to x itself (LA.15), each summed over i in order
    double vtv = 0.0, vtx = 0.0;
    vtv += v0 * v0;
    vtx += v0 * x[k];
    for (std::size_t i = k + 1; i < m_; ++i) {
        vtv += x[i] * x[i];
        vtx += x[i] * x[i];
    }
    v0_[k] = v0;
    vtv_[k] = vtv;
    // H_k x = -sign(x_1) ||x|| e_1: only its first entry, R_kk, is kept (the rest is rounding noise
    // about 0, and the storage holds v_k's tail there)
    const double f = 2.0 * vtx / vtv;
    x[k] -= f * v0;
}

// The factorisation, one reflection after another: for k = 0..n-1, v_k from column k (LA.14), then
// H_k on columns k+1..n-1 (LA.15). H_k on column j is  c <- c - f v_k  with  f = 2 v_k^T c / v_k^T v_k,
// so every column is read twice per step, once for the sum v_k^T c and once for the update. Here
// the update by H_k and the sum for the next step, v_{k+1}^T c, share one pass over the column: column
// k+1 goes first (v_{k+1} is made from it), then each later column is updated row by row and its
// updated rows are added into v_{k+1}^T c at once. Every number is the one the two-pass order gives,
// each sum still taken over i in order from 0.0; the pass just reads the column once instead of
// twice. Columns are independent outputs: threads split them, four at a time.
void HouseholderQR::factor(int threads, const std::function<void(std::size_t)>& after_column) {
    const bool worth_threads = m_ * n_ >= (std::size_t(1) << 16);
    parallel_for(n_, worth_threads ? threads : 1, [&](std::size_t j) { column_norms_[j] = norm2(column(j), m_); });
    std::vector<double> vtc(n_, 0.0);  // vtc[j] = v_k^T (column j), for the step k about to be applied
    make_reflector(0);
    if (vtv_[0] != 0.0)
        parallel_for(n_ - 1, worth_threads ? threads : 1, [&](std::size_t c) { vtc[c + 1] = dot_v(0, column(c + 1)); });
    for (std::size_t k = 0; k + 1 < n_; ++k) {
        // H_k on column k + 1, then v_{k+1} from it
        if (vtv_[k] != 0.0) update(k, column(k + 1), 2.0 * vtc[k + 1] / vtv_[k]);
        make_reflector(k + 1);
        // H_k on columns k+2..n-1 with the sums v_{k+1}^T c of the next step in the same pass
        const std::size_t first = k + 2, groups = (n_ - std::min(first, n_) + 3) / 4;
        const bool split = (m_ - k) * (n_ - k) >= (std::size_t(1) << 16);
        parallel_for(groups, split ? threads : 1, [&](std::size_t g) {
            const std::size_t j = first + 4 * g;
            update_and_dot(k, j, std::min<std::size_t>(4, n_ - j), vtc.data());
        });
        if (after_column) after_column(k);
    }
    if (after_column) after_column(n_ - 1);
}

// v_k^T c = sum_{i >= k} v_k(i) c(i), in order from 0.0 (v_k(k) = v0_[k])
double HouseholderQR::dot_v(std::size_t k, const double* c) const {
    const double* v = column(k);
    double s = 0.0;
    s += v0_[k] * c[k];
    for (std::size_t i = k + 1; i < m_; ++i) s += v[i] * c[i];
    return s;
}

// (LA.15) c <- c - f v_k on rows k..m-1
void HouseholderQR::update(std::size_t k, double* c, double f) const {
    const double* v = column(k);
    c[k] -= f * v0_[k];
    for (std::size_t i = k + 1; i < m_; ++i) c[i] -= f * v[i];
}

// For the w <= 4 columns j..j+w-1: H_k (c <- c - f v_k with f = 2 vtc[j] / v_k^T v_k), and then
// vtc[j] <- v_{k+1}^T c of the updated column, in one pass over rows k..m-1. Either part is left
// out when its reflection is the identity.
void HouseholderQR::update_and_dot(std::size_t k, std::size_t j, std::size_t w, double* vtc) {
    constexpr std::size_t W = 4;
    const double* v = column(k);      // v_k, rows k+1..
    const double* u = column(k + 1);  // v_{k+1}, rows k+2..
    const bool apply = vtv_[k] != 0.0, next = vtv_[k + 1] != 0.0;
    double* c[W];
    double f[W], s[W];
    for (std::size_t q = 0; q < W; ++q) {
        c[q] = column(j + std::min(q, w - 1));  // a short group repeats its last column, unused
        f[q] = apply ? 2.0 * vtc[j + std::min(q, w - 1)] / vtv_[k] : 0.0;
        s[q] = 0.0;
    }
    if (w < W || !(apply && next)) {  // the general case, one column at a time
        for (std::size_t q = 0; q < w; ++q) {
            if (apply) update(k, c[q], f[q]);
            if (next) vtc[j + q] = dot_v(k + 1, c[q]);
        }
        return;
    }
    for (std::size_t q = 0; q < W; ++q) {
        c[q][k] -= f[q] * v0_[k];        // row k: H_k only
        c[q][k + 1] -= f[q] * v[k + 1];  // row k + 1: H_k, then the first term of v_{k+1}^T c
        s[q] += v0_[k + 1] * c[q][k + 1];
    }
    for (std::size_t i = k + 2; i < m_; ++i)
        for (std::size_t q = 0; q < W; ++q) {
            c[q][i] -= f[q] * v[i];
            s[q] += u[i] * c[q][i];
        }
    for (std::size_t q = 0; q < W; ++q) vtc[j + q] = s[q];
}

Matrix HouseholderQR::R() const {
    Matrix R(n_, n_);
    for (std::size_t j = 0; j < n_; ++j)
        for (std::size_t i = 0; i <= j; ++i) R(i, j) = column(j)[i];
    return R;
}

void HouseholderQR::require_length(const Vector& b) const {
    if (b.size() != m_)
        throw ShapeError("HouseholderQR: A is " + std::to_string(m_) + "x" + std::to_string(n_) +
                         " but the vector has length " + std::to_string(b.size()));
}

// Q^T b = H_{n-1} ... H_1 H_0 b
Vector HouseholderQR::apply_qt(const Vector& b) const {
    require_length(b);
    Vector c = b;
    apply_in_order(c.data(), true);
    return c;
}

// Q z = H_0 H_1 ... H_{n-1} z: the reflections in reverse order (each H_k is its own inverse)
Vector HouseholderQR::apply_q(const Vector& z) const {
    require_length(z);
    Vector c = z;
    apply_in_order(c.data(), false);
    return c;
}

// (LA.15) on a vector: the reflections H_0, ..., H_{n-1} (forward) or H_{n-1}, ..., H_0 (backward)
// on c, each exactly c <- c - f v_k with f = 2 v_k^T c / v_k^T v_k (dot_v, then update); as in factor, the update by one reflection and the sum v^T c of the next share a
// pass over c, with every sum still over i in increasing order from 0.0. The next reflection's rows
// are k+1.. (forward) or k-1.. (backward): in the backward order its first row, k - 1, is not
// touched by H_k, so its term is added first, as dot_v adds it.
void HouseholderQR::apply_in_order(double* c, bool forward) const {
    std::size_t k = forward ? 0 : n_ - 1;
    double vtc = dot_v(k, c);  // v_k^T c for the reflection about to be applied
    for (std::size_t step = 0; step < n_; ++step, forward ? ++k : --k) {
        const bool last = step + 1 == n_;
        const std::size_t next = forward ? k + 1 : k - 1;  // unused when last
        const double f = vtv_[k] != 0.0 ? 2.0 * vtc / vtv_[k] : 0.0;
        if (last || vtv_[next] == 0.0) {  // nothing to sum for the next one
            if (vtv_[k] != 0.0) update(k, c, f);
            continue;
        }
        if (vtv_[k] == 0.0) {  // H_k = I: only the sum
            vtc = dot_v(next, c);
            continue;
        }
        const double* v = column(k);     // v_k below row k
        const double* u = column(next);  // v_next below row next
        double s = 0.0;
        if (!forward) s += v0_[next] * c[next];  // row k - 1, untouched by H_k
        c[k] -= f * v0_[k];
        if (!forward) s += u[k] * c[k];
        c[k + 1] -= f * v[k + 1];
        s += (forward ? v0_[next] : u[k + 1]) * c[k + 1];
        for (std::size_t i = k + 2; i < m_; ++i) {
            c[i] -= f * v[i];
            s += u[i] * c[i];
        }
        vtc = s;
    }
}

// Thin Q (m x n): column j is Q e_j
Matrix HouseholderQR::Q() const {
    Matrix Q(m_, n_);
    for (std::size_t j = 0; j < n_; ++j) {
        Vector e(m_, 0.0);
        e[j] = 1.0;
        Q.set_col(j, apply_q(e));
    }
    return Q;
}

// (LA.16) min ||A x - b|| = min ||R x - (Q^T b)[0:n]||^2 + ||(Q^T b)[n:m]||^2: solve R x = (Q^T b)[0:n]
Vector HouseholderQR::solve(const Vector& b) const {
    // A column that depends on the earlier ones leaves an R_kk that is rounding noise compared with
    // the column itself: |R_kk| <= max(m,n) * eps * ||A(:,k)||. Per column, so scaling a column
    // (as polynomial features do, x^10 next to 1) does not change the verdict.
    const double eps = std::numeric_limits<double>::epsilon();
    for (std::size_t k = 0; k < n_; ++k) {
        const double R_kk = column(k)[k];
        const double threshold = static_cast<double>(std::max(m_, n_)) * eps * column_norms_[k];
        if (!(std::fabs(R_kk) > threshold))
            throw NumericalError("HouseholderQR::solve: R(" + std::to_string(k) + "," + std::to_string(k) +
                                     ") = " + format_number(R_kk) + " <= max(m,n)*eps*||A(:," + std::to_string(k) +
                                     ")|| = " + format_number(threshold) + ": column " + std::to_string(k) +
                                     " is (numerically) a combination of the columns before it",
                                 k, R_kk);
    }
    Vector c = apply_qt(b);
    c.resize(n_);
    return back_substitution(R(), c);
}

double HouseholderQR::residual_norm(const Vector& b) const {
    Vector c = apply_qt(b);
    return norm2(c.data() + n_, m_ - n_);  // (LA.16) ||(Q^T b)[n:m]||
}

Vector lstsq_qr(const Matrix& A, const Vector& b) { return HouseholderQR(A).solve(b); }

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Householder QR and least squares (derivations/linear_algebra.md, section 6).
// Legend: A is m x n (m >= n), v_k is the k-th Householder vector (nonzero in rows k..m-1),
// R is n x n upper triangular, b has length m, x has length n.
#include "linalg/qr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "linalg/triangular.hpp"

namespace mlfs {

HouseholderQR::HouseholderQR(const Matrix& A)
    : m_(A.rows()),
      n_(A.cols()),
      V_(A.rows(), A.cols()),
      vtv_(A.cols(), 0.0),
      R_(A.cols(), A.cols()),
      column_norms_(A.cols()) {
    if (m_ < n_ || n_ == 0)
        throw ShapeError("HouseholderQR: A is " + A.shape() +
                         ", it needs at least as many rows as columns and one column");
    if (!all_finite(A)) throw std::invalid_argument("HouseholderQR: A (" + A.shape() + ") has a NaN or infinite entry");
    for (std::size_t j = 0; j < n_; ++j) column_norms_[j] = norm2(A.col(j));
    Matrix W = A;  // reduced in place to R in its top n rows
    for (std::size_t k = 0; k < n_; ++k) {
        // the column to reduce: x = W(k:m, k)
        Vector v(m_ - k);
        for (std::size_t i = k; i < m_; ++i) v[i - k] = W(i, k);
        // Already a multiple of e_1 (this includes the last column of a square A): no reflection,
        // R_kk = x_1 keeps its sign, as LAPACK's dlarfg does; vtv_[k] = 0 marks H_k = I.
        if (norm2(Vector(v.begin() + 1, v.end())) == 0.0) continue;
        const double sign = v[0] >= 0.0 ? 1.0 : -1.0;  // sign(0) = +1
        v[0] += sign * norm2(v);  // (LA.14) v = x + sign(x_1) ||x|| e_1: same signs add, no cancellation
        for (std::size_t i = k; i < m_; ++i) V_(i, k) = v[i - k];
        vtv_[k] = dot(v, v);
        // (LA.15) apply H_k to the columns k..n-1 of W; column k becomes -sign(x_1) ||x|| e_1
        for (std::size_t j = k; j < n_; ++j) {
            Vector c = W.col(j);
            reflect(k, c);
            W.set_col(j, c);
        }
        for (std::size_t i = k + 1; i < m_; ++i) W(i, k) = 0.0;  // exactly zero below the diagonal
    }
    for (std::size_t i = 0; i < n_; ++i)
        for (std::size_t j = i; j < n_; ++j) R_(i, j) = W(i, j);
}

Matrix HouseholderQR::R() const { return R_; }

// (LA.15) on a vector: c <- H_k c = c - v_k (2 v_k^T c / v_k^T v_k), touching rows k..m-1 only
void HouseholderQR::reflect(std::size_t k, Vector& c) const {
    if (vtv_[k] == 0.0) return;  // H_k = I
    double vtc = 0.0;
    for (std::size_t i = k; i < m_; ++i) vtc += V_(i, k) * c[i];
    const double f = 2.0 * vtc / vtv_[k];
    for (std::size_t i = k; i < m_; ++i) c[i] -= f * V_(i, k);  // (LA.15) c - v_k (2 v_k^T c / v_k^T v_k)
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
    for (std::size_t k = 0; k < n_; ++k) reflect(k, c);
    return c;
}

// Q z = H_0 H_1 ... H_{n-1} z: the reflections in reverse order (each H_k is its own inverse)
Vector HouseholderQR::apply_q(const Vector& z) const {
    require_length(z);
    Vector c = z;
    for (std::size_t k = n_; k-- > 0;) reflect(k, c);
    return c;
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
        const double threshold = static_cast<double>(std::max(m_, n_)) * eps * column_norms_[k];
        if (!(std::fabs(R_(k, k)) > threshold))
            throw NumericalError("HouseholderQR::solve: R(" + std::to_string(k) + "," + std::to_string(k) +
                                     ") = " + format_number(R_(k, k)) + " <= max(m,n)*eps*||A(:," + std::to_string(k) +
                                     ")|| = " + format_number(threshold) + ": column " + std::to_string(k) +
                                     " is (numerically) a combination of the columns before it",
                                 k, R_(k, k));
    }
    Vector c = apply_qt(b);
    c.resize(n_);
    return back_substitution(R_, c);
}

double HouseholderQR::residual_norm(const Vector& b) const {
    Vector c = apply_qt(b);
    return norm2(Vector(c.begin() + static_cast<std::ptrdiff_t>(n_), c.end()));  // (LA.16) ||(Q^T b)[n:m]||
}

Vector lstsq_qr(const Matrix& A, const Vector& b) { return HouseholderQR(A).solve(b); }

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Householder QR and least squares (derivations/linear_algebra.md, section 6).
// A is m x n with m >= n. QR stores R (n x n upper triangular) and the Householder vectors,
// never the m x m Q. Cost 2 m n^2 - 2 n^3 / 3 flops.
//   (LA.14) Householder vector v = x + sign(x_1) ||x|| e_1, H = I - 2 v v^T / (v^T v); no reflection
//           when x is already a multiple of e_1 (as LAPACK), so R has LAPACK's signs
//   (LA.15) apply H to the remaining columns (and to b): A <- A - v (2 v^T A / v^T v)
//   (LA.16) min ||A x - b||: R x = (Q^T b)[0:n], residual norm = ||(Q^T b)[n:m]||
// A column that is (numerically) dependent on earlier ones gives a tiny R(k, k); the solve throws
// NumericalError naming k when |R(k,k)| <= max(m,n) * eps * ||A(:,k)||.
//
// In place, as LAPACK's dgeqrf: A is held column by column (column j is m contiguous numbers, so a
// reflection walks memory in order) and overwritten: R on and above the diagonal, v_k below it.
// The one entry that does not fit, v_k's first (row k, where R(k, k) sits), is kept in v0_.
// Storage: one copy of A, m n numbers; nothing else of size m n.
#pragma once

#include <functional>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

class HouseholderQR {
public:
    // A is m x n (m >= n), row-major as every Matrix; copied once into column order.
    explicit HouseholderQR(const Matrix& A, int threads = 1);
    // A given column by column, A(i, j) = columns[j * m + i], factored in that very storage.
    // `threads` splits the columns each reflection updates (never a sum): the same bits for any value.
    // `after_column(k)`, if set, is called once column k is reduced (for progress on a long run).
    HouseholderQR(std::vector<double> columns, std::size_t m, std::size_t n, int threads = 1,
                  const std::function<void(std::size_t k)>& after_column = {});

    Matrix R() const;                             // n x n upper triangular
    Vector apply_qt(const Vector& b) const;       // Q^T b, length m
    Vector apply_q(const Vector& z) const;        // Q z (full m x m Q), length m
    Matrix Q() const;                             // thin Q, m x n (for tests and teaching)
    Vector solve(const Vector& b) const;          // least-squares x, length n
    double residual_norm(const Vector& b) const;  // min ||A x - b||
    std::size_t rows() const { return m_; }
    std::size_t cols() const { return n_; }

private:
    void factor(int threads, const std::function<void(std::size_t)>& after_column);
    void make_reflector(std::size_t k);                                             // v_k and R_kk from column k
    double dot_v(std::size_t k, const double* c) const;                             // v_k^T c
    void update(std::size_t k, double* c, double f) const;                          // c <- c - f v_k
    void apply_in_order(double* c, bool forward) const;                             // all n reflections on c
    void update_and_dot(std::size_t k, std::size_t j, std::size_t w, double* vtc);  // see qr.cpp
    void require_length(const Vector& b) const;
    const double* column(std::size_t j) const { return QR_.data() + j * m_; }
    double* column(std::size_t j) { return QR_.data() + j * m_; }
    std::size_t m_, n_;
    std::vector<double> QR_;  // m x n by columns: R on and above the diagonal, v_k below it in column k
    Vector v0_;               // v_k's entry in row k
    Vector vtv_;              // v_k^T v_k; 0 marks H_k = I (no reflection)
    Vector column_norms_;     // ||A(:, j)||, for the rank test in solve
};

// min ||A x - b||_2 by Householder QR
Vector lstsq_qr(const Matrix& A, const Vector& b);

}  // namespace mlfs

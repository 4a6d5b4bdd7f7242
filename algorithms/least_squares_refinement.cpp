// SPDX-License-Identifier: MIT
// Iterative refinement of least squares with double-double residuals (LR.7).
#include "algorithms/least_squares_refinement.hpp"

#include "linalg/parallel.hpp"
#include "linalg/triangular.hpp"

namespace mlfs {

namespace {

constexpr std::size_t kRowsPerBlock = 4096;  // rows of f per thread task
constexpr std::size_t kLanes = 8;            // rows of f summed side by side

// One entry of f = b - r - A x (LR.7): s = (b(i) - r(i)) - sum_j A(i, j) x(j), over j in order, in
// double-double, rounded once at the end. The plain form; the data rows use the form below.
double residual_entry(const ExactLeastSquares& p, const Vector& r, const Vector& x, std::size_t i) {
    DoubleDouble s = dd_add(p.b(i), -r[i]);
    for (std::size_t j = 0; j < x.size(); ++j) s = dd_add(s, dd_neg(dd_mul(p.A(i, j), x[j])));
    return s.value();
}

// residual_entry for the kLanes data rows i..i+kLanes-1 side by side: the same operations in the
// same order for each row, with A(i, j) = X(i, j) - xbar_j written out. One row's sum is a chain of
// dependent double-double additions; kLanes independent chains keep the processor busy, and the
// compiler can put them in one vector register.
void residual_lanes(const ExactLeastSquares& p, const Vector& r, const Vector& x, std::size_t i, double* f) {
    double hi[kLanes], lo[kLanes];  // s = hi + lo, one per row
    for (std::size_t q = 0; q < kLanes; ++q) {
        const DoubleDouble s = dd_add(p.b(i + q), -r[i + q]);
        hi[q] = s.hi;
        lo[q] = s.lo;
    }
    const std::size_t D = p.X.cols();
    const double* X = p.X.data().data() + i * D;  // rows i.., row-major
    for (std::size_t j = 0; j < x.size(); ++j) {
        const DoubleDouble minus_xbar = dd_neg(p.xbar[j]);
        double a[kLanes];
        for (std::size_t q = 0; q < kLanes; ++q) a[q] = X[q * D + j];
        for (std::size_t q = 0; q < kLanes; ++q) {
            const DoubleDouble A = dd_add(DoubleDouble{a[q], 0.0}, minus_xbar);  // A(i + q, j)
            const DoubleDouble s = dd_add(DoubleDouble{hi[q], lo[q]}, dd_neg(dd_mul(A, x[j])));
            hi[q] = s.hi;
            lo[q] = s.lo;
        }
    }
    for (std::size_t q = 0; q < kLanes; ++q) f[q] = DoubleDouble{hi[q], lo[q]}.value();
}

// f = b - r - A x in double-double (r = 0: the plain residual). Each f(i) is its own output, so
// blocks of rows go to threads.
Vector residual(const ExactLeastSquares& p, const Vector& r, const Vector& x, int threads) {
    const std::size_t m = r.size(), N = p.X.rows();
    Vector f(m);
    const std::size_t blocks = (m + kRowsPerBlock - 1) / kRowsPerBlock;
    parallel_for(blocks, threads, [&](std::size_t block) {
        const std::size_t begin = block * kRowsPerBlock, end = std::min(m, begin + kRowsPerBlock);
        std::size_t i = begin;
        if (!p.X_lo)  // the side-by-side form reads X only
            for (; i + kLanes <= std::min(end, N); i += kLanes) residual_lanes(p, r, x, i, &f[i]);
        for (; i < end; ++i) f[i] = residual_entry(p, r, x, i);  // the last rows, and the ridge rows
    });
    return f;
}

// g = -A^T r in double-double: g(j) = -sum_i A(i, j) r(i), each summed over i in order. The rows
// are walked once, as A is stored, with the n sums side by side (independent chains, contiguous in
// j, so they vectorise); threads split the entries g(j).
Vector minus_At_r(const ExactLeastSquares& p, const Vector& r, int threads) {
    const std::size_t m = p.rows(), n = p.cols(), N = p.X.rows();
    Vector g(n);
    const std::size_t T = std::min<std::size_t>(resolve_threads(threads), n);
    parallel_for(T, threads, [&](std::size_t t) {
        const std::size_t j0 = t * n / T, j1 = (t + 1) * n / T, w = j1 - j0;
        std::vector<double> hi(w, 0.0), lo(w, 0.0), minus_xbar_hi(w), minus_xbar_lo(w);
        for (std::size_t c = 0; c < w; ++c) {
            minus_xbar_hi[c] = -p.xbar[j0 + c].hi;
            minus_xbar_lo[c] = -p.xbar[j0 + c].lo;
        }
        for (std::size_t i = 0; i < (p.X_lo ? 0 : N); ++i) {  // the data rows, from X alone
            const double* X = p.X.data().data() + i * p.X.cols() + j0;
            for (std::size_t c = 0; c < w; ++c) {
                const DoubleDouble A =
                    dd_add(DoubleDouble{X[c], 0.0}, DoubleDouble{minus_xbar_hi[c], minus_xbar_lo[c]});
                const DoubleDouble s = dd_add(DoubleDouble{hi[c], lo[c]}, dd_neg(dd_mul(A, r[i])));
                hi[c] = s.hi;
                lo[c] = s.lo;
            }
        }
        for (std::size_t i = p.X_lo ? 0 : N; i < m; ++i)  // the ridge rows (all rows with X_lo)
            for (std::size_t c = 0; c < w; ++c) {
                const DoubleDouble s = dd_add(DoubleDouble{hi[c], lo[c]}, dd_neg(dd_mul(p.A(i, j0 + c), r[i])));
                hi[c] = s.hi;
                lo[c] = s.lo;
            }
        for (std::size_t c = 0; c < w; ++c) g[j0 + c] = DoubleDouble{hi[c], lo[c]}.value();
    });
    return g;
}

}  // namespace

Vector refine_least_squares(const HouseholderQR& qr, const ExactLeastSquares& p, Vector x, int steps, int threads,
                            const std::function<void(int)>& after_step) {
    const std::size_t m = qr.rows(), n = qr.cols();
    if (p.rows() != m || p.cols() != n)
        throw ShapeError("refine_least_squares: the QR factor is " + std::to_string(m) + "x" + std::to_string(n) +
                         " but the exact problem is " + std::to_string(p.rows()) + "x" + std::to_string(p.cols()));
    const Matrix R = qr.R();
    const Matrix Rt = transpose(R);
    Vector r = residual(p, Vector(m, 0.0), x, threads);
    for (int step = 0; step < steps; ++step) {
        // (LR.7) residuals of the augmented system: f = b - r - A x, g = -A^T r
        const Vector f = residual(p, r, x, threads);
        const Vector g = minus_At_r(p, r, threads);
        // (LR.7) correction: h = R^-T g, d = Q^T f, dx = R^-1 (d[0:n] - h), dr = Q [h; d[n:m]]
        const Vector h = forward_substitution(Rt, g);
        Vector d = qr.apply_qt(f);
        Vector d1(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(n));
        const Vector dx = back_substitution(R, subtract(d1, h));
        for (std::size_t i = 0; i < n; ++i) d[i] = h[i];
        const Vector dr = qr.apply_q(d);
        for (std::size_t j = 0; j < n; ++j) x[j] += dx[j];
        for (std::size_t i = 0; i < m; ++i) r[i] += dr[i];
        if (after_step) after_step(step + 1);
    }
    return x;
}

}  // namespace mlfs

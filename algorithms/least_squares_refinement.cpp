// SPDX-License-Identifier: MIT
// Iterative refinement of least squares with double-double residuals (LR.7).
#include "algorithms/least_squares_refinement.hpp"

#include "linalg/triangular.hpp"

namespace mlfs {

namespace {

// b - r - A x in double-double, rounded once at the end (r = 0 gives the plain residual)
Vector residual(const ExactLeastSquares& p, const Vector& r, const Vector& x) {
    Vector f(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        DoubleDouble s = dd_add(p.b(i), -r[i]);
        for (std::size_t j = 0; j < x.size(); ++j) s = dd_add(s, dd_neg(dd_mul(p.A(i, j), x[j])));
        f[i] = s.value();
    }
    return f;
}

}  // namespace

Vector refine_least_squares(const HouseholderQR& qr, const ExactLeastSquares& p, Vector x, int steps) {
    const std::size_t m = qr.rows(), n = qr.cols();
    const Matrix R = qr.R();
    const Matrix Rt = transpose(R);
    Vector r = residual(p, Vector(m, 0.0), x);
    for (int step = 0; step < steps; ++step) {
        // (LR.7) residuals of the augmented system: f = b - r - A x, g = -A^T r
        const Vector f = residual(p, r, x);
        Vector g(n);
        for (std::size_t j = 0; j < n; ++j) {
            DoubleDouble s;
            for (std::size_t i = 0; i < m; ++i) s = dd_add(s, dd_neg(dd_mul(p.A(i, j), r[i])));
            g[j] = s.value();
        }
        // (LR.7) correction: h = R^-T g, d = Q^T f, dx = R^-1 (d[0:n] - h), dr = Q [h; d[n:m]]
        const Vector h = forward_substitution(Rt, g);
        Vector d = qr.apply_qt(f);
        Vector d1(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(n));
        const Vector dx = back_substitution(R, subtract(d1, h));
        for (std::size_t i = 0; i < n; ++i) d[i] = h[i];
        const Vector dr = qr.apply_q(d);
        for (std::size_t j = 0; j < n; ++j) x[j] += dx[j];
        for (std::size_t i = 0; i < m; ++i) r[i] += dr[i];
    }
    return x;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Jacobi's eigen-decomposition and one-sided (Hestenes) SVD (linalg/jacobi.hpp,
// derivations/pca.md (PC.7)-(PC.10), and the QR first of (PC.17)).
#include "linalg/jacobi.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "linalg/errors.hpp"
#include "linalg/qr.hpp"

namespace mlfs {

namespace {
const double kEps = 2.220446049250313e-16;

double dot(const double* x, const double* y, std::size_t n) {
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += x[i] * y[i];
    return s;
}

// the order that sorts `values` descending (stable: equal values keep their order)
std::vector<std::size_t> descending(const Vector& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
    return order;
}
}  // namespace

// (PC.7) zeta = (b - a) / (2 g), t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)), c = 1 / sqrt(1 + t^2), s = c t
Rotation jacobi_rotation(double a, double g, double b) {
    Rotation r;
    // >>> exercise jacobi-rotation: derivations/pca.md
    if (g == 0.0) return r;  // already diagonal
    double zeta = (b - a) / (2.0 * g);
    // the smaller root of t^2 + 2 zeta t - 1 = 0 (|t| <= 1: a rotation by at most 45 degrees);
    // for |zeta| > 1e150, zeta^2 would overflow and t = 1 / (2 zeta) to rounding
    double t = std::fabs(zeta) > 1e150 ? 0.5 / zeta
                                       : (zeta >= 0.0 ? 1.0 : -1.0) / (std::fabs(zeta) + std::sqrt(1.0 + zeta * zeta));
    r.c = 1.0 / std::sqrt(1.0 + t * t);
    r.s = r.c * t;
    return r;
    // <<< exercise jacobi-rotation
}

// (PC.8) cyclic Jacobi: A <- J^T A J for every pair (p, q) with a large enough a_pq, V <- V J
SymmetricEigen jacobi_eigen(const Matrix& A_in, const JacobiOptions& opt) {
    const std::size_t n = A_in.rows();
    if (A_in.cols() != n) throw ShapeError("jacobi_eigen: A is " + std::to_string(n) + "x" + std::to_string(A_in.cols()) +
                                           ", not square");
    double frob = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            if (!std::isfinite(A_in(i, j))) throw std::invalid_argument("jacobi_eigen: A has a non-finite entry");
            if (std::fabs(A_in(i, j) - A_in(j, i)) > 1e-12 * std::max(std::fabs(A_in(i, j)), std::fabs(A_in(j, i))))
                throw std::invalid_argument("jacobi_eigen: A is not symmetric at (" + std::to_string(i) + ", " +
                                            std::to_string(j) + ")");
            frob += A_in(i, j) * A_in(i, j);
        }
    const double tol = opt.tol > 0.0 ? opt.tol : double(std::max<std::size_t>(n, 1)) * kEps;
    const double floor = 1e-2 * kEps * std::sqrt(frob);  // entries below this are rounding noise of A
    Matrix A = A_in, V = Matrix::identity(n);
    SymmetricEigen out;
    for (int sweep = 1; sweep <= opt.max_sweeps && !out.converged; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) {
                double g = A(p, q);
                if (std::fabs(g) <= std::max(tol * std::sqrt(std::fabs(A(p, p) * A(q, q))), floor)) continue;
                Rotation r = jacobi_rotation(A(p, p), g, A(q, q));
                rotated = true;
                for (std::size_t k = 0; k < n; ++k) {  // columns p, q: A <- A J
                    double akp = A(k, p), akq = A(k, q);
                    A(k, p) = r.c * akp - r.s * akq;
                    A(k, q) = r.s * akp + r.c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {  // rows p, q: A <- J^T A
                    double apk = A(p, k), aqk = A(q, k);
                    A(p, k) = r.c * apk - r.s * aqk;
                    A(q, k) = r.s * apk + r.c * aqk;
                }
                A(p, q) = A(q, p) = 0.0;  // zero by construction (PC.7); rounding leaves ~eps |A|
                for (std::size_t k = 0; k < n; ++k) {  // V <- V J
                    double vkp = V(k, p), vkq = V(k, q);
                    V(k, p) = r.c * vkp - r.s * vkq;
                    V(k, q) = r.s * vkp + r.c * vkq;
                }
            }
        out.sweeps = sweep;
        out.converged = !rotated;
    }
    if (!out.converged && n > 1)
        throw NumericalError("jacobi_eigen: not converged after " + std::to_string(opt.max_sweeps) + " sweeps",
                             std::size_t(opt.max_sweeps), 0.0);
    out.converged = true;
    Vector diag(n);
    for (std::size_t k = 0; k < n; ++k) diag[k] = A(k, k);
    std::vector<std::size_t> order = descending(diag);
    out.values.resize(n);
    out.vectors = Matrix(n, n);
    for (std::size_t k = 0; k < n; ++k) {
        out.values[k] = diag[order[k]];
        for (std::size_t i = 0; i < n; ++i) out.vectors(i, k) = V(i, order[k]);
    }
    return out;
}

namespace {
// (PC.9) one-sided Jacobi on the n columns (each of length m, m >= n) of a, stored column by column
// (a[j] is column j); v (n x n, column-major too) accumulates the rotations. Returns the sweeps.
int hestenes(std::vector<Vector>& a, std::vector<Vector>& v, std::size_t m, const JacobiOptions& opt) {
    const std::size_t n = a.size();
    const double tol = opt.tol > 0.0 ? opt.tol : double(std::max<std::size_t>(m, 1)) * kEps;
    // ||A||_F is unchanged by rotations; a column shorter than eps ||A||_F is rounding noise of a
    // dependent column (its sigma is 0 to working precision) and is left alone: its tiny entries
    // would never satisfy the relative test below, and rotating them changes nothing that matters
    double frob2 = 0.0;
    for (const Vector& col : a) frob2 += dot(col.data(), col.data(), m);
    const double negligible = kEps * kEps * frob2;
    for (int sweep = 1; sweep <= opt.max_sweeps; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) {
                double alpha = dot(a[p].data(), a[p].data(), m);  // ||a_p||^2
                double beta = dot(a[q].data(), a[q].data(), m);   // ||a_q||^2
                double gamma = dot(a[p].data(), a[q].data(), m);  // a_p^T a_q
                if (alpha <= negligible || beta <= negligible) continue;                      // a zero column
                if (std::fabs(gamma) <= tol * std::sqrt(alpha) * std::sqrt(beta)) continue;  // orthogonal enough
                Rotation r = jacobi_rotation(alpha, gamma, beta);  // (PC.7) on the 2 x 2 Gram matrix
                rotated = true;
                for (std::size_t i = 0; i < m; ++i) {  // [a_p a_q] <- [a_p a_q] J
                    double x = a[p][i], y = a[q][i];
                    a[p][i] = r.c * x - r.s * y;
                    a[q][i] = r.s * x + r.c * y;
                }
                for (std::size_t i = 0; i < n; ++i) {  // V <- V J
                    double x = v[p][i], y = v[q][i];
                    v[p][i] = r.c * x - r.s * y;
                    v[q][i] = r.s * x + r.c * y;
                }
            }
        if (!rotated) return sweep;
    }
    throw NumericalError("jacobi_svd: not converged after " + std::to_string(opt.max_sweeps) + " sweeps",
                         std::size_t(opt.max_sweeps), 0.0);
}

// Adds unit vectors orthogonal to the columns already in U (those with S > 0) where S is 0:
// Gram-Schmidt, twice, on e_0, e_1, ... until one survives.
void complete_basis(Matrix& U, const Vector& S) {
    const std::size_t m = U.rows(), r = U.cols();
    std::size_t next_e = 0;
    for (std::size_t k = 0; k < r; ++k) {
        if (S[k] > 0.0) continue;
        for (; next_e < m; ++next_e) {
            Vector u(m, 0.0);
            u[next_e] = 1.0;
            for (int pass = 0; pass < 2; ++pass)
                for (std::size_t j = 0; j < r; ++j) {
                    if (j == k || (S[j] == 0.0 && j > k)) continue;
                    double d = 0.0;
                    for (std::size_t i = 0; i < m; ++i) d += U(i, j) * u[i];
                    for (std::size_t i = 0; i < m; ++i) u[i] -= d * U(i, j);
                }
            double norm = std::sqrt(dot(u.data(), u.data(), m));
            if (norm < 0.5) continue;  // e_i nearly in the span already
            for (std::size_t i = 0; i < m; ++i) U(i, k) = u[i] / norm;
            ++next_e;
            break;
        }
    }
}
}  // namespace

SingularValueDecomposition jacobi_svd(const Matrix& A, const JacobiOptions& opt) {
    for (double x : A.data())
        if (!std::isfinite(x)) throw std::invalid_argument("jacobi_svd: A has a non-finite entry");
    if (A.rows() < A.cols()) {  // wide: A^T = U' S V'^T gives A = V' S U'^T
        SingularValueDecomposition t = jacobi_svd(transpose(A), opt);
        std::swap(t.U, t.V);
        return t;
    }
    const std::size_t m = A.rows(), n = A.cols();
    // scale by a power of 2 (exact) so that no squared norm overflows or underflows
    int e = 0;
    double amax = max_abs(A);
    if (amax > 0.0) std::frexp(amax, &e);
    // A column far below the largest (entries under 2^-900 once scaled) would underflow the QR's sums of
    // squares (linalg/qr.cpp forms them unscaled); such a matrix is swept as it is
    bool spread = false;
    for (std::size_t j = 0; j < n && !spread; ++j) {
        double cmax = 0.0;
        for (std::size_t i = 0; i < m; ++i) cmax = std::max(cmax, std::fabs(A(i, j)));
        spread = cmax > 0.0 && std::ldexp(cmax, -e) < std::ldexp(1.0, -900);
    }
    if (opt.qr_first && !spread && n > 1 && m >= 2 * n) {  // (PC.17) A = Q R; R = U_R S V^T; A = (Q U_R) S V^T
        std::vector<double> columns(m * n);
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t i = 0; i < m; ++i) columns[j * m + i] = std::ldexp(A(i, j), -e);
        HouseholderQR qr(std::move(columns), m, n);
        JacobiOptions on_r = opt;
        on_r.qr_first = false;
        SingularValueDecomposition r = jacobi_svd(qr.R(), on_r);
        SingularValueDecomposition out;
        out.sweeps = r.sweeps;
        out.converged = r.converged;
        out.S = r.S;
        for (double& s : out.S) s = std::ldexp(s, e);
        out.V = std::move(r.V);
        out.U = Matrix(m, n);
        Vector z(m);
        for (std::size_t k = 0; k < n; ++k) {
            std::fill(z.begin(), z.end(), 0.0);
            for (std::size_t i = 0; i < n; ++i) z[i] = r.U(i, k);
            Vector u = qr.apply_q(z);  // Q [u_R; 0]
            for (std::size_t i = 0; i < m; ++i) out.U(i, k) = u[i];
        }
        return out;
    }
    std::vector<Vector> a(n, Vector(m)), v(n, Vector(n, 0.0));
    for (std::size_t j = 0; j < n; ++j) {
        for (std::size_t i = 0; i < m; ++i) a[j][i] = std::ldexp(A(i, j), -e);
        v[j][j] = 1.0;
    }
    SingularValueDecomposition out;
    out.sweeps = n > 1 ? hestenes(a, v, m, opt) : 1;
    out.converged = true;
    Vector sigma(n);
    for (std::size_t j = 0; j < n; ++j) sigma[j] = std::sqrt(dot(a[j].data(), a[j].data(), m));
    std::vector<std::size_t> order = descending(sigma);
    out.S.resize(n);
    out.U = Matrix(m, n);
    out.V = Matrix(n, n);
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t j = order[k];
        out.S[k] = std::ldexp(sigma[j], e);  // sigma_j = ||a_j||, scaled back
        for (std::size_t i = 0; i < m; ++i) out.U(i, k) = sigma[j] > 0.0 ? a[j][i] / sigma[j] : 0.0;  // u = a / sigma
        for (std::size_t i = 0; i < n; ++i) out.V(i, k) = v[j][i];
    }
    complete_basis(out.U, out.S);
    return out;
}

}  // namespace mlfs

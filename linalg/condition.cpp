// SPDX-License-Identifier: MIT
// Extreme eigenvalues and the 2-norm condition number of a symmetric positive definite n x n
// matrix A (derivations/linear_algebra.md, section 7). Each iteration costs one matvec or one
// Cholesky solve, 2 n^2 flops either way (the solve after an n^3/3 factorisation).
#include "linalg/condition.hpp"

#include <cmath>
#include <functional>

#include "linalg/cholesky.hpp"
#include "linalg/triangular.hpp"

namespace mlfs {

namespace {

// A fixed start vector with no special structure (all-ones is almost an eigenvector of some
// matrices we care about, e.g. Hilbert), normalised.
Vector start_vector(std::size_t n) {
    Vector v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = 1.0 + 0.5 * std::sin(static_cast<double>(i + 1));
    return scale(1.0 / norm2(v), v);
}

// The iteration shared by (LA.18) and (LA.19): v <- M v / ||M v||, mu = v^T M v (Rayleigh
// quotient of M, ||v|| = 1), until mu changes by <= tol * |mu|.
EigenEstimate iterate(std::size_t n, const std::function<Vector(const Vector&)>& apply_M, const ConditionOptions& opt) {
    EigenEstimate e;
    Vector v = start_vector(n);
    double mu_old = 0.0;
    for (int it = 1; it <= opt.max_iter; ++it) {
        Vector w = apply_M(v);        // M v: A v for (LA.18), A^-1 v for (LA.19)
        const double mu = dot(v, w);  // (LA.18) Rayleigh quotient v^T M v, ||v|| = 1
        const double norm = norm2(w);
        if (!(norm > 0.0) || !std::isfinite(norm))
            throw NumericalError("eigenvalue iteration: ||M v|| = " + format_number(norm) + " at iteration " +
                                     std::to_string(it),
                                 static_cast<std::size_t>(it), norm);
        v = scale(1.0 / norm, w);
        e.lambda = mu;
        e.iterations = it;
        if (it > 1 && std::fabs(mu - mu_old) <= opt.tol * std::fabs(mu)) {
            e.converged = true;
            break;
        }
        mu_old = mu;
    }
    return e;
}

}  // namespace

// (LA.18) power iteration: v <- A v / ||A v||, lambda_max = v^T A v
EigenEstimate largest_eigenvalue(const Matrix& A, const ConditionOptions& opt) {
    require_square("largest_eigenvalue", A);
    return iterate(
        A.rows(), [&A](const Vector& v) { return matvec(A, v); }, opt);
}

// (LA.19) inverse iteration: v <- A^-1 v / ||A^-1 v|| with A^-1 v from the Cholesky solve (LA.8);
// the Rayleigh quotient of A^-1 is 1 / lambda_min.
EigenEstimate smallest_eigenvalue(const Matrix& A, const ConditionOptions& opt) {
    require_square("smallest_eigenvalue", A);
    Cholesky chol(A);
    if (!chol.ok()) throw NumericalError(chol.error(), chol.failed_pivot(), chol.failed_value());
    EigenEstimate e = iterate(
        A.rows(), [&chol](const Vector& v) { return chol.solve(v); }, opt);
    e.lambda = 1.0 / e.lambda;  // (LA.19) lambda_min = 1 / (v^T A^-1 v)
    return e;
}

ConditionEstimate spd_condition_number_factored(const Matrix& L, const ConditionOptions& opt) {
    require_square("spd_condition_number_factored", L);
    ConditionEstimate c;
    c.largest = iterate(
        L.rows(), [&L](const Vector& v) { return matvec(L, matvec_transposed(L, v)); }, opt);
    c.smallest = iterate(
        L.rows(), [&L](const Vector& v) { return back_substitution_transposed(L, forward_substitution(L, v)); }, opt);
    c.smallest.lambda = 1.0 / c.smallest.lambda;    // (LA.19) lambda_min = 1 / (v^T A^-1 v)
    c.cond = c.largest.lambda / c.smallest.lambda;  // (LA.20)
    return c;
}

// (LA.20) cond_2(A) = lambda_max / lambda_min
ConditionEstimate spd_condition_number(const Matrix& A, const ConditionOptions& opt) {
    ConditionEstimate c;
    c.largest = largest_eigenvalue(A, opt);
    c.smallest = smallest_eigenvalue(A, opt);
    c.cond = c.largest.lambda / c.smallest.lambda;  // (LA.20) cond_2(A) = lambda_max / lambda_min
    return c;
}

}  // namespace mlfs

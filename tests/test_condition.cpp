// SPDX-License-Identifier: MIT
// Extreme eigenvalues by power (LA.18) and inverse (LA.19) iteration, cond_2 (LA.20), against
// numpy's eigvalsh/cond and exact (60-digit) eigenvalues of the stored Hilbert matrices.
#include <cmath>
#include <limits>
#include <string>

#include "io/golden.hpp"
#include "linalg/condition.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const double kEps = std::numeric_limits<double>::epsilon();

// Weyl: a backward error dA with ||dA|| <= c n eps ||A|| moves every eigenvalue by at most that
// much, absolutely. So lambda_max is good to c n eps relative, lambda_min only to c n eps lambda_max.
static double eig_atol(std::size_t n, double lambda_max) { return 16.0 * static_cast<double>(n) * kEps * lambda_max; }

TEST_CASE(spd6_matches_numpy) {
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("spd6.A");
    Vector eig = g.vector("spd6.eig");  // ascending
    ConditionEstimate c = spd_condition_number(A);
    CHECK(c.largest.converged && c.smallest.converged);
    const double atol = eig_atol(6, eig.back());
    CHECK_NEAR(c.largest.lambda, eig.back(), atol, "16 n eps lambda_max (Weyl)");
    CHECK_NEAR(c.smallest.lambda, eig.front(), atol, "16 n eps lambda_max (Weyl): absolute, not relative");
    CHECK_REL(c.cond, g.scalar("spd6.cond"), 2.0 * atol / eig.front(), "from the two eigenvalue bounds");
}

TEST_CASE(hilbert_eigenvalues_against_exact) {
    mlfs::Golden g("linalg.txt");
    int checked = 0;
    for (int n = 8; n <= 12; ++n) {
        const std::string c = "hilbert" + std::to_string(n);
        Matrix A = g.matrix(c + ".A");
        Vector eig = g.vector(c + ".eig_exact");
        const double atol = eig_atol(n, eig.back());
        EigenEstimate big = largest_eigenvalue(A);
        CHECK(big.converged);
        CHECK_NEAR(big.lambda, eig.back(), atol, "16 n eps lambda_max (Weyl)");
        // lambda_min: a backward error of c n eps ||A|| (Weyl) is a relative error of c n eps cond(A);
        // where that reaches 1 there is no digit to compare and the check would be empty.
        const double rel = 16.0 * n * kEps * g.scalar(c + ".cond_exact");
        if (rel >= 1.0) continue;
        EigenEstimate small = smallest_eigenvalue(A);
        CHECK(small.converged);
        CHECK_REL(small.lambda, eig.front(), rel, "16 n eps cond(A): Weyl's absolute bound, relative to lambda_min");
        ConditionEstimate ce = spd_condition_number(A);
        CHECK_REL(ce.cond, g.scalar(c + ".cond_exact"), 2.0 * rel, "lambda_min's and lambda_max's relative errors");
        ++checked;
    }
    CHECK_MSG(checked >= 3, "hilbert8..10 have a meaningful lambda_min bound");
}

TEST_CASE(not_positive_definite_is_reported) {
    mlfs::Golden g("linalg.txt");
    CHECK_THROWS(spd_condition_number(g.matrix("indefinite4.A")), NumericalError, "not positive definite");
}

TEST_CASE(iteration_limit_is_reported) {
    // two nearly equal top eigenvalues converge slowly: with 3 steps the estimate is not converged
    Matrix A(2, 2, {1.0, 0.0, 0.0, 1.0 - 1e-9});
    ConditionOptions opt;
    opt.max_iter = 3;
    opt.tol = 0.0;
    EigenEstimate e = largest_eigenvalue(A, opt);
    CHECK(!e.converged && e.iterations == 3);
}

TEST_CASE(single_step_zero_tolerance_and_zero_matrix) {
    const Matrix A(2, 2, {2.0, 0.0, 0.0, 1.0});
    ConditionOptions opt;
    opt.max_iter = 1;  // one step: the Rayleigh quotient of the normalised start vector (LA.18)
    const EigenEstimate one = largest_eigenvalue(A, opt);
    CHECK(one.iterations == 1 && !one.converged);
    CHECK_MSG(one.lambda >= 1.0 && one.lambda <= 2.0,
              "v^T A v with ||v|| = 1 lies in [lambda_min, lambda_max]: " + std::to_string(one.lambda));
    opt.max_iter = 1000;
    opt.tol = 0.0;  // tol = 0: until the estimate stops changing (|mu - mu_old| <= 0), which it does here
    const EigenEstimate exact = largest_eigenvalue(A, opt);
    CHECK(exact.converged && exact.lambda == 2.0);
    // A v = 0: no direction to follow; a clear error at the first step, never a NaN estimate
    CHECK_THROWS(largest_eigenvalue(Matrix(2, 2, 0.0)), NumericalError, "||M v|| = 0 at iteration 1");
}

// The iteration starts from the fixed vector v_i = 1 + sin(i + 1) / 2 (i = 0..n-1), normalised, so
// every run (and every iteration count a report prints) is reproducible: one step of the power
// iteration on diag(3, 2, 1) is exactly that vector's Rayleigh quotient sum a_i v_i^2 / sum v_i^2.
TEST_CASE(first_step_is_the_rayleigh_quotient_of_the_fixed_start) {
    const Matrix A(3, 3, {3.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 1.0});
    ConditionOptions opt;
    opt.max_iter = 1;
    double num = 0.0, den = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
        const double v = 1.0 + 0.5 * std::sin(static_cast<double>(i + 1));
        num += A(i, i) * v * v;
        den += v * v;
    }
    CHECK_REL(largest_eigenvalue(A, opt).lambda, num / den, 16.0 * kEps,
              "normalising first vs dividing at the end: a few roundings of eps each");
    // The first step has no earlier estimate to compare with, so it never counts as converged, even
    // with tol = 1 (where |mu - 0| <= tol |mu| would hold): the second step is the first that can stop.
    opt.max_iter = 1000;
    opt.tol = 1.0;
    const EigenEstimate loose = largest_eigenvalue(A, opt);
    CHECK_MSG(loose.converged && loose.iterations == 2,
              "tol = 1: converged after 2 steps, got " + std::to_string(loose.iterations));
}

TEST_MAIN()

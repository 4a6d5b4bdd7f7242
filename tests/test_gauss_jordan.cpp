// SPDX-License-Identifier: MIT
// Gauss-Jordan with partial pivoting (LA.10-LA.13) against scipy.linalg.solve / inv.
#include <cmath>
#include <limits>
#include <string>

#include "io/golden.hpp"
#include "linalg/gauss_jordan.hpp"
#include "linalg/matmul.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const double kEps = std::numeric_limits<double>::epsilon();

// Forward error of two backward-stable solvers: each within c n eps cond(A) of the truth; c = 8.
static double solve_tol(std::size_t n, double cond) { return 2.0 * 8.0 * static_cast<double>(n) * kEps * cond; }

TEST_CASE(general_matches_scipy) {
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("general5.A");
    CHECK(A(0, 0) == 0.0);  // the first step cannot proceed without a row swap (LA.10)
    Matrix inv_ref = g.matrix("general5.inv");
    // cond_F(A) = ||A||_F ||A^-1||_F bounds cond_2 from above
    const double cond = frobenius_norm(A) * frobenius_norm(inv_ref);
    const double tol = solve_tol(5, cond);
    Matrix X = g.matrix("general5.X");
    CHECK_ALL_NEAR(gauss_jordan_solve(A, g.matrix("general5.B")), X, 0.0, tol * max_abs(X),
                   "16 n eps cond_F(A) max|X|: two backward-stable solvers");
    Matrix inv = gauss_jordan_inverse(A);
    CHECK_ALL_NEAR(inv, inv_ref, 0.0, tol * max_abs(inv_ref), "16 n eps cond_F(A) max|A^-1|");
    CHECK_ALL_NEAR(matmul(A, inv), Matrix::identity(5), 0.0, tol, "A A^-1 = I to 16 n eps cond_F(A)");
    Vector b = g.matrix("general5.B").col(1);
    CHECK_ALL_NEAR(gauss_jordan_solve(A, b), X.col(1), 0.0, tol * max_abs(X),
                   "vector form = column 1 of the matrix form");
}

TEST_CASE(hilbert_inverse_where_meaningful) {
    mlfs::Golden g("linalg.txt");
    int checked = 0;
    for (int n = 8; n <= 12; ++n) {
        const std::string c = "hilbert" + std::to_string(n);
        const double tol = solve_tol(n, g.scalar(c + ".cond_exact"));
        if (tol >= 1.0) continue;  // no float64 inverse has a correct digit to compare
        Matrix inv_ref = g.matrix(c + ".inv");
        CHECK_ALL_NEAR(gauss_jordan_inverse(g.matrix(c + ".A")), inv_ref, 0.0, tol * max_abs(inv_ref),
                       "16 n eps cond(A) max|A^-1|: both inverses are that far from the truth at most");
        Vector x = gauss_jordan_solve(g.matrix(c + ".A"), g.vector(c + ".b"));
        Vector x_exact = g.vector(c + ".x_exact");
        CHECK_NEAR(norm2(subtract(x, x_exact)) / norm2(x_exact), 0.0, tol, "forward error <= 16 n eps cond(A)");
        ++checked;
    }
    CHECK_MSG(checked >= 2, "at least hilbert8 and hilbert9 have a meaningful bound");
}

TEST_CASE(partial_pivoting_is_needed) {
    // [[1e-20, 1], [1, 1]] x = [1, 2] has x ~ (1, 1). Without a row swap the multiplier 1e20 wipes
    // out the second row and gives x = (0, 1); with it the answer is right to rounding.
    Matrix A(2, 2, {1e-20, 1, 1, 1});
    Vector x = gauss_jordan_solve(A, Vector{1, 2});
    CHECK_ALL_NEAR(x, Vector({1, 1}), 4 * kEps, 0.0, "x = (1/(1-1e-20), (1-2e-20)/(1-1e-20)) rounds to (1, 1)");
    // The largest |M_ik| is -1: a pivot search on the signed value keeps 1e-10 (above the threshold
    // (LA.11), so nothing stops it) and x_0 = 1e10 - 1e10 x_1 loses about 10 digits.
    const double x_exact = 1.0 / (1.0 + 1e-10);  // both components
    CHECK_ALL_NEAR(gauss_jordan_solve(Matrix(2, 2, {1e-10, 1, -1, 1}), Vector{1, 0}), Vector({x_exact, x_exact}),
                   4 * kEps, 0.0, "with the swap every step is a few roundings: 4 eps relative (LA.10 on |M_ik|)");
}

TEST_CASE(pivot_ties_go_to_the_first_row) {
    // (LA.10) |M_0k| = |M_1k| = 3: the first row stays the pivot, and then every step is a small
    // integer (3/3, -7 + 3, -4/4), so x = (1, -1) exactly. Pivoting on row 1 instead divides by -3
    // and gives x_0 = 1.0000000000000002.
    CHECK_ALL_NEAR(gauss_jordan_solve(Matrix(2, 2, {3, 0, -3, 4}), Vector{3, -7}), Vector({1, -1}), 0.0, 0.0,
                   "pivot on row 0 (first of the tie): exact");
}

TEST_CASE(singular_reports_the_pivot) {
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("singular4.A");
    const std::size_t rank = static_cast<std::size_t>(g.scalar("singular4.rank"));
    CHECK(rank == 3);
    // the first `rank` columns are independent, so the elimination breaks down at column `rank`
    const std::string where = "pivot " + std::to_string(rank) + " = ";
    CHECK_THROWS(gauss_jordan_inverse(A), NumericalError, where);
    CHECK_THROWS(gauss_jordan_solve(A, Vector(4, 1.0)), NumericalError, "singular to working precision");
    try {
        gauss_jordan_inverse(A);
    } catch (const NumericalError& e) {
        CHECK_MSG(e.index == rank, "NumericalError.index names column " + std::to_string(rank));
        CHECK_NEAR(e.value, 0.0, singularity_threshold(A), "the reported pivot is below the threshold (LA.11)");
    }
    CHECK_THROWS(gauss_jordan_inverse(Matrix(3, 3, 0.0)), NumericalError, "pivot 0 = 0");
}

TEST_CASE(threshold_is_relative) {
    // Scaling A scales every pivot and the threshold alike (LA.11): the verdict must not change.
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("general5.A"), B = g.matrix("general5.B");
    Matrix X = gauss_jordan_solve(A, B);
    // powers of two scale exactly, so the answer must be identical up to the same power
    CHECK_ALL_NEAR(gauss_jordan_solve(scale(std::ldexp(1.0, -900), A), B), scale(std::ldexp(1.0, 900), X), 0.0, 0.0,
                   "scaling by 2^-900 is exact: same bits, scaled");
    CHECK_THROWS(gauss_jordan_inverse(scale(std::ldexp(1.0, 900), g.matrix("singular4.A"))), NumericalError,
                 "pivot 3 = ");
    CHECK(singularity_threshold(Matrix(2, 2, {2, 0, 0, -4})) == 2 * kEps * 4);
}

TEST_CASE(bad_input) {
    CHECK_THROWS(gauss_jordan_inverse(Matrix(2, 3)), ShapeError, "must be square, but it is 2x3");
    CHECK_THROWS(gauss_jordan_solve(Matrix(2, 2), Matrix(3, 1)), ShapeError, "A is 2x2 but B is 3x1");
    CHECK_THROWS(gauss_jordan_solve(Matrix(1, 1, Vector{std::nan("")}), Vector{1}), std::invalid_argument, "NaN");
}

TEST_MAIN()

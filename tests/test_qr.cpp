// SPDX-License-Identifier: MIT
// Householder QR (LA.14, LA.15) and least squares (LA.16) against numpy and exact solutions.
#include <cmath>
#include <limits>
#include <string>

#include "io/golden.hpp"
#include "linalg/matmul.hpp"
#include "linalg/qr.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const double kEps = std::numeric_limits<double>::epsilon();

// Least-squares perturbation bound (Golub & Van Loan, thm 5.3.1) for a backward-stable solver:
//   ||x - x*|| / ||x*|| <~ c m eps (cond + cond^2 ||r|| / (||A|| ||x*||)).
static double lstsq_tol(const Matrix& A, double cond, double residual_norm, const Vector& x) {
    const double m = static_cast<double>(A.rows());
    const double ratio = residual_norm / (frobenius_norm(A) * norm2(x));
    return 8.0 * m * kEps * (cond + cond * cond * ratio);
}

TEST_CASE(factorisation_matches_lapack_and_is_orthogonal) {
    mlfs::Golden g("linalg.txt");
    for (std::string c : {"lstsq12x4", "vander20x6"}) {
        Matrix A = g.matrix(c + ".A");
        const double m = static_cast<double>(A.rows());
        HouseholderQR qr(A);
        Matrix R = qr.R(), Q = qr.Q();
        // same sign convention as LAPACK dgeqrf (R_kk = -sign(x_1) ||x||), so R itself compares;
        // R's perturbation is bounded by c m eps cond(A) ||A||
        Matrix R_ref = g.matrix(c + ".R");
        CHECK_ALL_NEAR(R, R_ref, 0.0, 8.0 * m * kEps * g.scalar(c + ".cond") * max_abs(R_ref),
                       "8 m eps cond(A) max|R|: perturbation bound of the R factor");
        CHECK_ALL_NEAR(matmul_transposed_a(Q, Q), Matrix::identity(A.cols()), 0.0, 8.0 * m * kEps,
                       "Q^T Q = I to 8 m eps: products of reflections stay orthogonal");
        CHECK_ALL_NEAR(matmul(Q, R), A, 0.0, 8.0 * m * kEps * max_abs(A), "Q R = A to 8 m eps max|A|: backward stable");
        for (std::size_t i = 1; i < R.rows(); ++i)
            for (std::size_t j = 0; j < i; ++j) CHECK(R(i, j) == 0.0);
    }
}

TEST_CASE(least_squares_matches_numpy) {
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("lstsq12x4.A");
    Vector b = g.vector("lstsq12x4.b"), x_ref = g.vector("lstsq12x4.x");
    const double rnorm = g.scalar("lstsq12x4.residual_norm");
    Vector x = lstsq_qr(A, b);
    const double tol = 2.0 * lstsq_tol(A, g.scalar("lstsq12x4.cond"), rnorm, x_ref);
    CHECK_ALL_NEAR(x, x_ref, 0.0, tol * norm2(x_ref), "twice the least-squares perturbation bound: both solvers");
    CHECK_NEAR(HouseholderQR(A).residual_norm(b), rnorm, 8.0 * 12 * kEps * norm2(b),
               "8 m eps ||b||: the residual is computed from Q^T b (LA.16)");
}

TEST_CASE(polynomial_fit_matches_the_exact_solution) {
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("vander20x6.A");
    Vector b = g.vector("vander20x6.b"), x_exact = g.vector("vander20x6.x_exact");
    Vector x = lstsq_qr(A, b);
    const double tol = lstsq_tol(A, g.scalar("vander20x6.cond"), g.scalar("vander20x6.residual_norm"), x_exact);
    CHECK_NEAR(norm2(subtract(x, x_exact)) / norm2(x_exact), 0.0, tol,
               "8 m eps (cond + cond^2 ||r||/(||A|| ||x||)): least-squares perturbation bound");
    // the normal equations would lose cond^2: that comparison lives in the linear-regression tests
}

TEST_CASE(dependent_column_is_named) {
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("lstsq12x4.A");
    // column 3 := column 0 + 2 column 1: exactly dependent up to rounding
    for (std::size_t i = 0; i < A.rows(); ++i) A(i, 3) = A(i, 0) + 2.0 * A(i, 1);
    CHECK_THROWS(lstsq_qr(A, g.vector("lstsq12x4.b")), NumericalError, "column 3 is (numerically) a combination");
    Matrix Z = g.matrix("lstsq12x4.A");
    for (std::size_t i = 0; i < Z.rows(); ++i) Z(i, 0) = 0.0;
    CHECK_THROWS(lstsq_qr(Z, g.vector("lstsq12x4.b")), NumericalError, "R(0,0) = 0");
}

TEST_CASE(lapack_sign_conventions) {
    // (LA.14) sign(0) = +1, as dlarfg: x = (0, 3, 4) gives v = (5, 3, 4), v^T v = 50, H x = (-5, 0, 0), all exact
    CHECK(HouseholderQR(Matrix(3, 1, {0, 3, 4})).R()(0, 0) == -5.0);
    // nothing below the diagonal (the last column of a square A included): no reflection, R_kk keeps
    // its sign; an upper-triangular A is therefore its own R, and Q = I
    const Matrix U(3, 3, {2, 1, -1, 0, -3, 4, 0, 0, 5});
    const HouseholderQR qr(U);
    CHECK_ALL_NEAR(qr.R(), U, 0.0, 0.0, "no reflection applied: R = A exactly");
    CHECK_ALL_NEAR(qr.Q(), Matrix::identity(3), 0.0, 0.0, "every H_k = I");
}

TEST_CASE(bad_input) {
    CHECK_THROWS(HouseholderQR(Matrix(2, 3)), ShapeError, "A is 2x3, it needs at least as many rows as columns");
    CHECK_THROWS(HouseholderQR(Matrix(3, 2)).apply_qt(Vector(2)), ShapeError, "the vector has length 2");
    CHECK_THROWS(HouseholderQR(Matrix(2, 1, {1, std::nan("")})), std::invalid_argument, "NaN");
}

TEST_MAIN()

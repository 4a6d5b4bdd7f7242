// SPDX-License-Identifier: MIT
// Forward (LA.4) and back (LA.5) substitution.
#include <cmath>
#include <limits>

#include "io/golden.hpp"
#include "linalg/triangular.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const double kEps = std::numeric_limits<double>::epsilon();

// The factor of the worked example in derivations/linear_algebra.md, section 8 (exported as spd3.L).
static Matrix L3() { return mlfs::Golden("linalg.txt").matrix("spd3.L"); }

// right-hand sides built from x = (1, -2, 3): every step stays in small integers
TEST_CASE(forward_substitution_is_exact) {
    Matrix L = L3();  // [[2,0,0],[6,1,0],[-8,5,3]]
    Vector x = {1, -2, 3};
    CHECK_ALL_NEAR(forward_substitution(L, matvec(L, x)), x, 0.0, 0.0, "small integers: exact");
    L(1, 1) = 0.0;
    CHECK_THROWS(forward_substitution(L, Vector{1, 2, 3}), NumericalError, "diagonal entry 1 is 0");
}

TEST_CASE(back_substitution_is_exact) {
    Matrix L = L3();
    Vector x = {1, -2, 3};
    Matrix U = transpose(L);
    CHECK_ALL_NEAR(back_substitution(U, matvec(U, x)), x, 0.0, 0.0, "small integers: exact");
    CHECK_ALL_NEAR(back_substitution_transposed(L, matvec(U, x)), x, 0.0, 0.0, "same as U = L^T: exact");
    U(1, 1) = 0.0;
    CHECK_THROWS(back_substitution(U, Vector{1, 2, 3}), NumericalError, "diagonal entry 1 is 0");
}

// Componentwise backward stability: the computed y solves (L + dL) y = b with |dL| <= n eps |L|,
// so |b - L y| <= n eps |L| |y| (plus the rounding of the residual itself: 2 n eps in all).
static void check_backward(const Matrix& T, const Vector& y, const Vector& b, const char* what) {
    const std::size_t n = T.rows();
    double worst = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double r = b[i], bound = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            r -= T(i, j) * y[j];
            bound += std::fabs(T(i, j) * y[j]);
        }
        bound *= 2.0 * static_cast<double>(n) * kEps;
        worst = std::fmax(worst, bound > 0 ? std::fabs(r) / bound : std::fabs(r));
    }
    CHECK_NEAR(worst, 0.0, 1.0, what);
}

// Runs check(L, b) on each Cholesky factor L of hilbert8 .. hilbert12 in tests/golden/linalg.txt,
// with its right-hand side b; LAPACK could not factor every one, so it checks that at least two
// were there.
template <class Check>
static void on_hilbert_factors(Check check) {
    mlfs::Golden g("linalg.txt");
    int checked = 0;
    for (int n = 8; n <= 12; ++n) {
        const std::string c = "hilbert" + std::to_string(n);
        if (!g.has(c + ".L")) continue;  // LAPACK could not factor it; nothing to test
        check(g.matrix(c + ".L"), g.vector(c + ".b"));
        ++checked;
    }
    CHECK_MSG(checked >= 2, "at least two Hilbert factors were checked");
}

TEST_CASE(forward_substitution_is_backward_stable) {
    on_hilbert_factors([](const Matrix& L, const Vector& b) {
        const Vector y = forward_substitution(L, b);
        check_backward(L, y, b, "max_i |b - L y|_i / (2 n eps (|L||y|)_i) <= 1: backward stability (LA.4)");
    });
}

TEST_CASE(back_substitution_is_backward_stable) {
    on_hilbert_factors([](const Matrix& L, const Vector& b) {
        const Matrix U = transpose(L);
        const Vector x = back_substitution(U, b);
        check_backward(U, x, b, "max_i |b - U x|_i / (2 n eps (|U||x|)_i) <= 1: backward stability (LA.5)");
    });
}

TEST_CASE(several_right_hand_sides) {
    Matrix L = L3();
    Matrix X(3, 2, {1, 4, -2, 0, 3, -1});
    Matrix B(3, 2);
    for (std::size_t r = 0; r < 2; ++r) B.set_col(r, matvec(L, X.col(r)));
    CHECK_ALL_NEAR(forward_substitution(L, B), X, 0.0, 0.0, "small integers: exact");
    Matrix U = transpose(L);
    for (std::size_t r = 0; r < 2; ++r) B.set_col(r, matvec(U, X.col(r)));
    CHECK_ALL_NEAR(back_substitution(U, B), X, 0.0, 0.0, "small integers: exact");
}

// (LA.4) sums L_ij y_j over j < i only: L_ii enters as the divisor and nothing else, so an infinite
// diagonal entry gives y_i = s / inf = 0 exactly. A sum running to j <= i would add L_ii * y_i with
// y_i not yet computed (0), and inf * 0 = NaN (a mutant the integer examples cannot see, #18).
TEST_CASE(forward_substitution_uses_the_diagonal_only_as_divisor) {
    const double inf = std::numeric_limits<double>::infinity();
    Matrix L(2, 2, {2, 0, 1, inf});
    const Vector y = forward_substitution(L, Vector{4, 5});  // y_0 = 4 / 2 = 2, y_1 = (5 - 1 * 2) / inf = 0
    CHECK_ALL_NEAR(y, (Vector{2, 0}), 0.0, 0.0, "exact: 4 / 2 and 3 / inf");
}

TEST_CASE(zero_diagonal_and_shape_errors) {
    Matrix L = L3();
    L(1, 1) = 0.0;
    CHECK_THROWS(forward_substitution(L, Vector{1, 2, 3}), NumericalError, "diagonal entry 1 is 0");
    CHECK_THROWS(back_substitution(transpose(L), Vector{1, 2, 3}), NumericalError, "diagonal entry 1 is 0");
    CHECK_THROWS(forward_substitution(L, Vector{1, 2}), ShapeError, "3x3 but the right-hand side has 2 rows");
    CHECK_THROWS(back_substitution(Matrix(2, 3), Vector{1, 2}), ShapeError, "must be square, but it is 2x3");
}

TEST_MAIN()

// SPDX-License-Identifier: MIT
// The Matrix class and its elementwise operations: storage (LA.1), shapes, shape errors.
// Small integer inputs: every result here is exact in binary64, so tolerances are 0.
#include <cmath>

#include "linalg/matrix.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static Matrix A23() { return Matrix(2, 3, {1, 2, 3, 4, 5, 6}); }

TEST_CASE(storage_is_row_major) {
    Matrix A = A23();
    CHECK(A.rows() == 2 && A.cols() == 3);
    CHECK(A(0, 2) == 3.0);  // (LA.1) data[0 * 3 + 2]
    CHECK(A(1, 0) == 4.0);  // data[1 * 3 + 0]
    CHECK(A.data()[1 * 3 + 2] == A(1, 2));
    CHECK(A.shape() == "2x3");
    CHECK_THROWS(Matrix(2, 3, {1, 2}), ShapeError, "2x3 needs 6 numbers, got 2");
    CHECK_THROWS(A.at(2, 0), ShapeError, "outside a 2x3");
    CHECK_THROWS(A.at(0, 3), ShapeError, "index (0, 3) is outside a 2x3");  // column = cols is outside too
}

TEST_CASE(rows_columns_identity) {
    Matrix A = A23();
    CHECK_ALL_NEAR(A.row(1), Vector({4, 5, 6}), 0.0, 0.0, "copy");
    CHECK_ALL_NEAR(A.col(2), Vector({3, 6}), 0.0, 0.0, "copy");
    Matrix I = Matrix::identity(3);
    CHECK(I(0, 0) == 1.0 && I(1, 1) == 1.0 && I(2, 2) == 1.0 && I(0, 1) == 0.0 && I(2, 0) == 0.0);
    A.set_col(0, {7, 8});
    CHECK(A(0, 0) == 7.0 && A(1, 0) == 8.0);
    CHECK_THROWS(A.set_row(0, {1, 2}), ShapeError, "length 2 into a 2x3");
    CHECK_THROWS(A.col(3), ShapeError, "column 3 of a 2x3");  // column = cols is outside
    A.set_row(0, {9, 10, 11});                                // writes row 0 only: row 1 keeps {8, 5, 6}
    CHECK_ALL_NEAR(A.data(), Vector({9, 10, 11, 8, 5, 6}), 0.0, 0.0, "copies, exact");
}

TEST_CASE(transpose_and_elementwise) {
    Matrix A = A23();
    Matrix T = transpose(A);
    CHECK(T.rows() == 3 && T.cols() == 2);
    CHECK_ALL_NEAR(T, Matrix(3, 2, {1, 4, 2, 5, 3, 6}), 0.0, 0.0, "exact copy");
    CHECK_ALL_NEAR(add(A, A), scale(2.0, A), 0.0, 0.0, "small integers are exact");
    CHECK_ALL_NEAR(subtract(A, A), Matrix(2, 3, 0.0), 0.0, 0.0, "x - x = 0 exactly");
    CHECK_ALL_NEAR(hadamard(A, A), Matrix(2, 3, {1, 4, 9, 16, 25, 36}), 0.0, 0.0, "exact");
    // shapes must agree in rows and in columns, each on its own
    CHECK_THROWS(add(A, Matrix(1, 3)), ShapeError, "add: A is 2x3 but B is 1x3");
    CHECK_THROWS(subtract(A, Matrix(2, 2)), ShapeError, "subtract: A is 2x3 but B is 2x2");
    CHECK_ALL_NEAR(add_row_vector(A, {10, 20, 30}), Matrix(2, 3, {11, 22, 33, 14, 25, 36}), 0.0, 0.0, "exact");
    CHECK_THROWS(add(A, T), ShapeError, "add: A is 2x3 but B is 3x2");
    CHECK_THROWS(add_row_vector(A, {1}), ShapeError, "A is 2x3 but b has length 1");
}

TEST_CASE(column_statistics) {
    Matrix X(3, 2, {1, 10, 2, 20, 6, 60});
    CHECK_ALL_NEAR(column_sums(X), Vector({9, 90}), 0.0, 0.0, "exact");
    CHECK_ALL_NEAR(column_means(X), Vector({3, 30}), 0.0, 0.0, "exact");
    Matrix Xc = centre_columns(X, column_means(X));
    CHECK_ALL_NEAR(Xc, Matrix(3, 2, {-2, -20, -1, -10, 3, 30}), 0.0, 0.0, "exact");
    CHECK_ALL_NEAR(column_sums(Xc), Vector({0, 0}), 0.0, 0.0, "centred columns sum to 0");
    CHECK_THROWS(column_means(Matrix(0, 2)), ShapeError, "no rows");
}

TEST_CASE(vectors) {
    Matrix A = A23();
    CHECK_ALL_NEAR(matvec(A, {1, 0, -1}), Vector({-2, -2}), 0.0, 0.0, "exact");
    CHECK_ALL_NEAR(matvec_transposed(A, {1, -1}), Vector({-3, -3, -3}), 0.0, 0.0, "exact");
    CHECK_NEAR(dot({1, 2, 3}, {4, 5, 6}), 32.0, 0.0, "exact");
    CHECK_NEAR(norm2({3, 4}), 5.0, 0.0, "sqrt(25) is exact");
    CHECK_NEAR(norm2({3e200, 4e200}), 5e200, 5e200 * 4e-16, "scaled: no overflow; a few roundings");
    CHECK_NEAR(norm2({3e-200, 4e-200}), 5e-200, 5e-200 * 4e-16, "scaled: no underflow; a few roundings");
    CHECK_NEAR(max_abs(Vector{-7, 3}), 7.0, 0.0, "exact");
    // elementwise on vectors, every entry (the first included)
    CHECK_ALL_NEAR(add(Vector{1, 2}, Vector{3, 4}), Vector({4, 6}), 0.0, 0.0, "exact");
    CHECK_ALL_NEAR(subtract(Vector{1, 2}, Vector{3, 5}), Vector({-2, -3}), 0.0, 0.0, "exact");
    CHECK_THROWS(matvec(A, {1, 2}), ShapeError, "matvec: A is 2x3 but x has length 2");
    CHECK_THROWS(dot({1}, {1, 2}), ShapeError, "x has length 1 but y has length 2");
}

TEST_CASE(symmetry_and_finiteness) {
    Matrix S(2, 2, {1, 2, 2, 1});
    CHECK(is_symmetric(S));
    S(0, 1) = 2.0000001;
    CHECK(!is_symmetric(S));
    CHECK(is_symmetric(S, 1e-6));
    CHECK(all_finite(S));
    S(1, 1) = std::nan("");
    CHECK(!all_finite(S));
}

TEST_MAIN()

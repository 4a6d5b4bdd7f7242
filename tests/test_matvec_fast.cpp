// SPDX-License-Identifier: MIT
// The fast products with a vector and the Gram matrices (linalg/matvec_fast.hpp) against the reference
// loops, bit for bit (tolerance zero: every output is the same sum in the same order from 0.0), on
// odd shapes (1, 7, 63, 65, 1000 and sizes past the 2 MFLOP per thread at which a second and a third
// thread start) and on 1, 2 and 3 threads, which split outputs only. The Gram kernels walk the rows
// in chunks of 128: N = 1000, 4099 and 20001 cross chunk boundaries, N = 256 ends on one.
#include <cmath>
#include <string>

#include "linalg/matmul.hpp"
#include "linalg/matrix.hpp"
#include "linalg/matvec_fast.hpp"
#include "tests/bit_identity.hpp"
#include "tests/check.hpp"

using namespace mlfs;
using mlfs_test::pseudo_random;
using mlfs_test::same_bits;

static std::string describe(const char* what, std::size_t N, std::size_t D, int threads) {
    return std::string(what) + " N=" + std::to_string(N) + " D=" + std::to_string(D) +
           " threads=" + std::to_string(threads) + ": same bits as the reference (same order of the sum)";
}

// A x, A^T r and, where the O(N D^2) reference loop takes at most 1e8 steps (so that the
// ThreadSanitizer run stays short), X^T X; the Gram tests below cover the rest.
static void check_shape(std::size_t N, std::size_t D, unsigned seed) {
    const Matrix A = pseudo_random(N, D, seed);
    const Vector x = pseudo_random(D, 1, seed + 1).data(), r = pseudo_random(N, 1, seed + 2).data();
    const Vector ref = matvec(A, x), ref_t = matvec_transposed(A, r);
    const bool with_gram = N * D * D <= 100000000;
    const Matrix ref_g = with_gram ? gram(A) : Matrix();
    for (int threads = 1; threads <= 3; ++threads) {
        CHECK_MSG(same_bits(matvec_fast(A, x, threads), ref), describe("A x", N, D, threads));
        CHECK_MSG(same_bits(matvec_transposed_fast(A, r, threads), ref_t), describe("A^T r", N, D, threads));
        if (with_gram) CHECK_MSG(same_bits(gram_fast(A, threads), ref_g), describe("X^T X", N, D, threads));
    }
}

TEST_CASE(odd_shapes_every_thread_count) {
    const std::size_t dims[] = {1, 7, 63, 65, 1000};
    unsigned seed = 1;
    for (std::size_t N : dims)
        for (std::size_t D : dims) check_shape(N, D, seed += 3);
}

TEST_CASE(shapes_big_enough_for_three_threads) {
    // 2 N D >= 6 MFLOP: all three thread counts really run; D = 2 splits fewer columns than threads
    const std::size_t shapes[][2] = {{50001, 63}, {1500001, 2}, {20001, 150}};
    unsigned seed = 100;
    for (const auto& s : shapes) check_shape(s[0], s[1], seed += 3);
}

TEST_CASE(all_hardware_threads_and_empty_sums) {
    const Matrix A = pseudo_random(40001, 65, 7);
    const Vector x = pseudo_random(65, 1, 8).data(), r = pseudo_random(40001, 1, 9).data();
    CHECK_MSG(same_bits(matvec_fast(A, x, 0), matvec(A, x)), "A x, threads = 0 (all hardware threads): same bits");
    CHECK_MSG(same_bits(matvec_transposed_fast(A, r, 0), matvec_transposed(A, r)), "A^T r, threads = 0: same bits");
    CHECK_MSG(same_bits(gram_fast(A, 0), gram(A)), "X^T X, threads = 0: same bits");
    // no columns: A x is N zeros (the empty sum), A^T r and X^T X are empty; no rows: zeros
    CHECK_MSG(same_bits(matvec_fast(Matrix(3, 0), Vector(), 2), matvec(Matrix(3, 0), Vector())), "D = 0: zeros");
    CHECK_MSG(same_bits(matvec_transposed_fast(Matrix(0, 4), Vector(), 2), matvec_transposed(Matrix(0, 4), Vector())),
              "N = 0: A^T r is zeros");
    CHECK_MSG(same_bits(gram_fast(Matrix(0, 4), 2), gram(Matrix(0, 4))), "N = 0: X^T X is zeros");
}

// Data on which a sum taken in another order would show: magnitudes from 1e-8 to 1e8 of both signs
// (column 0, 4, ...), small integers with many exact ties (column 1, 5, ...), values in [-0.5, 0.5)
// with signed zeros (column 2, ...), a constant column (3, centred to exact zeros) and columns offset
// by 1000 (7, 11, ..., where centring cancels most digits).
static Matrix awkward(std::size_t N, std::size_t D, unsigned seed) {
    Matrix X = pseudo_random(N, D, seed);
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < D; ++j) {
            double& x = X(i, j);
            if (j % 4 == 0) x *= std::pow(10.0, static_cast<double>((i * 7 + j) % 17) - 8.0);
            if (j % 4 == 1) x = static_cast<double>((i * 3 + j) % 5) - 2.0;
            if (j == 3) x = 4.25;
            if (j % 4 == 3 && j != 3) x += 1000.0;
        }
    return X;
}

// The Gram kernels against the reference loops on X (N x D) and y: gram_fast(X) against gram(X);
// gram_centred_fast(X, xbar) against gram(Xc) with Xc = centre_columns(X, xbar), xbar = column_means(X)
// (as fit_cholesky centres); gram_centred_fast(X, xbar, y, ybar) against gram([Xc yc]), whose last
// column is also matvec_transposed(Xc, yc), the X^T y of the normal equations.
static void check_gram(std::size_t N, std::size_t D, unsigned seed) {
    const Matrix X = awkward(N, D, seed);
    Vector y = awkward(N, 1, seed + 1).data();
    for (double& v : y) v += 50.0;
    const Vector xbar = column_means(X);
    const double ybar = column_means(Matrix::column(y))[0];
    const Matrix Xc = centre_columns(X, xbar);
    Matrix Z(N, D + 1);  // [Xc yc]
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = 0; j < D; ++j) Z(i, j) = Xc(i, j);
        Z(i, D) = y[i] - ybar;
    }
    const Matrix ref = gram(X), ref_c = gram(Xc), ref_z = gram(Z);
    const Vector ref_xty = matvec_transposed(Xc, Z.col(D));
    for (int threads = 1; threads <= 3; ++threads) {
        CHECK_MSG(same_bits(gram_fast(X, threads), ref), describe("X^T X", N, D, threads));
        CHECK_MSG(same_bits(gram_centred_fast(X, xbar, threads), ref_c), describe("Xc^T Xc", N, D, threads));
        const Matrix G = gram_centred_fast(X, xbar, y, ybar, threads);
        CHECK_MSG(same_bits(G, ref_z), describe("[Xc yc]^T [Xc yc]", N, D, threads));
        Vector xty(D);
        for (std::size_t j = 0; j < D && G.rows() == D + 1; ++j) xty[j] = G(j, D);
        CHECK_MSG(same_bits(xty, ref_xty), describe("its last column, Xc^T yc", N, D, threads));
    }
}

TEST_CASE(gram_kernels_on_awkward_data) {
    const std::size_t rows[] = {1, 7, 63, 65, 256, 1000, 4099}, cols[] = {1, 2, 7, 20, 33};
    unsigned seed = 300;
    for (std::size_t N : rows)
        for (std::size_t D : cols) check_gram(N, D, seed += 3);
}

TEST_CASE(gram_kernels_big_enough_for_three_threads) {
    // N (D + 1)(D + 2) >= 6 MFLOP: the tiles of G really go to 2 and 3 threads
    check_gram(20001, 20, 400);
    check_gram(3001, 64, 403);
}

TEST_CASE(gram_kernels_without_rows_or_columns) {
    const Vector none;
    // no rows: every entry is the empty sum 0.0; no columns: G is empty, or (y - ybar)^T (y - ybar)
    CHECK_MSG(same_bits(gram_centred_fast(Matrix(0, 3), Vector(3, 1.0), 2), Matrix(3, 3, 0.0)), "N = 0: zeros");
    CHECK_MSG(same_bits(gram_centred_fast(Matrix(0, 3), Vector(3, 1.0), none, 1.0, 2), Matrix(4, 4, 0.0)),
              "N = 0 with y: zeros");
    CHECK_MSG(same_bits(gram_fast(Matrix(5, 0), 2), Matrix(0, 0)), "D = 0: empty");
    const Vector y = {1.0, -2.0, 0.5};
    const Matrix G = gram_centred_fast(Matrix(3, 0), none, y, 0.5, 2);
    CHECK_MSG(G.rows() == 1 && G.cols() == 1 && G(0, 0) == ((0.0 + 0.25) + 6.25) + 0.0,
              "D = 0 with y: sum of (y - ybar)^2");
}

TEST_CASE(shape_errors_name_both_sizes) {
    CHECK_THROWS(matvec_fast(Matrix(2, 3), Vector(4)), ShapeError, "A is 2x3 but x has length 4");
    CHECK_THROWS(matvec_transposed_fast(Matrix(2, 3), Vector(3)), ShapeError, "A is 2x3 but x has length 3");
    CHECK_THROWS(gram_centred_fast(Matrix(2, 3), Vector(2)), ShapeError, "X is 2x3 but xbar has length 2");
    CHECK_THROWS(gram_centred_fast(Matrix(2, 3), Vector(3), Vector(3), 0.0), ShapeError,
                 "X is 2x3 but xbar has length 3 and y has length 3");
}

TEST_MAIN()

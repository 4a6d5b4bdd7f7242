// SPDX-License-Identifier: MIT
// The fast products with a vector and the Gram matrix (linalg/matvec_fast.hpp) against the reference
// loops, bit for bit (tolerance zero: every output is the same sum in the same order from 0.0), on
// odd shapes (1, 7, 63, 65, 1000 and sizes past the 2 MFLOP per thread at which a second and a third
// thread start) and on 1, 2 and 3 threads, which split outputs only.
#include <string>

#include "linalg/matmul.hpp"
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

static void check_shape(std::size_t N, std::size_t D, unsigned seed) {
    const Matrix A = pseudo_random(N, D, seed);
    const Vector x = pseudo_random(D, 1, seed + 1).data(), r = pseudo_random(N, 1, seed + 2).data();
    const Vector ref = matvec(A, x), ref_t = matvec_transposed(A, r);
    const Matrix ref_g = gram(A);
    for (int threads = 1; threads <= 3; ++threads) {
        CHECK_MSG(same_bits(matvec_fast(A, x, threads), ref), describe("A x", N, D, threads));
        CHECK_MSG(same_bits(matvec_transposed_fast(A, r, threads), ref_t), describe("A^T r", N, D, threads));
        CHECK_MSG(same_bits(gram_fast(A, threads), ref_g), describe("X^T X", N, D, threads));
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

TEST_CASE(shape_errors_name_both_sizes) {
    CHECK_THROWS(matvec_fast(Matrix(2, 3), Vector(4)), ShapeError, "A is 2x3 but x has length 4");
    CHECK_THROWS(matvec_transposed_fast(Matrix(2, 3), Vector(3)), ShapeError, "A is 2x3 but x has length 3");
}

TEST_MAIN()

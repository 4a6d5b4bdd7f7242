// SPDX-License-Identifier: MIT
// The register-tiled products (linalg/matmul_fast.hpp) against the reference loops, bit for bit:
// every C(i, j) is summed over k in the same order from 0.0, so the tolerance is zero (LA.3), on
// shapes that are not multiples of the tile (1, 7, 63, 65, 1000 in every position), with K past
// one k-block (128) and N past one row block, and on 1, 2 and 3 threads (threads split rows of C).
#include <string>

#include "linalg/matmul.hpp"
#include "linalg/matmul_fast.hpp"
#include "tests/bit_identity.hpp"
#include "tests/check.hpp"

using namespace mlfs;
using mlfs_test::pseudo_random;
using mlfs_test::same_bits;

static std::string describe(const char* what, std::size_t N, std::size_t K, std::size_t M, int threads) {
    return std::string(what) + " N=" + std::to_string(N) + " K=" + std::to_string(K) + " M=" + std::to_string(M) +
           " threads=" + std::to_string(threads) + ": same bits as the reference (same k order, LA.3)";
}

// C = A B, A^T B and A B^T for A N x K and B K x M, each against its reference
static void check_shape(std::size_t N, std::size_t K, std::size_t M, unsigned seed) {
    const Matrix A = pseudo_random(N, K, seed), B = pseudo_random(K, M, seed + 1);
    const Matrix At = transpose(A), Bt = transpose(B);
    const bool small = N * K * M <= 65 * 65 * 65;  // matmul_naive is slow; matmul equals it bit for bit
    const Matrix ref = small ? matmul_naive(A, B) : matmul(A, B);
    const Matrix ref_at = matmul_transposed_a(At, B);  // the reference of A^T B, on At^T = A
    const Matrix ref_bt = small ? matmul_naive(A, transpose(Bt)) : matmul(A, transpose(Bt));
    for (int threads = 1; threads <= 3; ++threads) {
        CHECK_MSG(same_bits(matmul_fast(A, B, threads), ref), describe("A B", N, K, M, threads));
        CHECK_MSG(same_bits(matmul_at_fast(At, B, threads), ref_at), describe("A^T B", N, K, M, threads));
        CHECK_MSG(same_bits(matmul_bt_fast(A, Bt, threads), ref_bt), describe("A B^T", N, K, M, threads));
    }
}

TEST_CASE(small_odd_shapes_every_thread_count) {
    const std::size_t dims[] = {1, 7, 63, 65};
    unsigned seed = 1;
    for (std::size_t N : dims)
        for (std::size_t K : dims)
            for (std::size_t M : dims) check_shape(N, K, M, seed += 2);
}

TEST_CASE(a_dimension_of_1000_every_thread_count) {
    // 1000 rows (several row blocks), 1000 terms (one k-block of up to 1024), 1000 columns; the kernel
    // keeps products under 2 MFLOP per thread on fewer threads, so the last four are big enough for 3
    const std::size_t shapes[][3] = {{1000, 7, 65},   {63, 1000, 7},    {7, 65, 1000},  {1000, 1000, 1},
                                     {1, 1000, 1000}, {65, 1000, 63},   {1000, 63, 65}, {1000, 300, 65},
                                     {63, 1000, 300}, {1000, 65, 1000}, {300, 65, 1000}};
    unsigned seed = 500;
    for (const auto& s : shapes) check_shape(s[0], s[1], s[2], seed += 2);
}

TEST_CASE(all_hardware_threads_and_empty_sums) {
    const Matrix A = pseudo_random(130, 300, 7), B = pseudo_random(300, 70, 8);
    CHECK_MSG(same_bits(matmul_fast(A, B, 0), matmul(A, B)), "threads = 0 (all hardware threads): same bits");
    // K = 0: every entry is the empty sum 0.0, as matmul_naive gives
    CHECK_MSG(same_bits(matmul_fast(Matrix(3, 0), Matrix(0, 4), 2), matmul_naive(Matrix(3, 0), Matrix(0, 4))),
              "K = 0 gives zeros");
}

TEST_CASE(several_k_blocks_every_thread_count) {
    // K past the k-block of 1024 terms: each partial sum is stored to C after a block and loaded back
    // for the next (the first block alone starts from 0.0 without loading C); 2100 = 1024 + 1024 + 52
    const std::size_t shapes[][3] = {{7, 2100, 65}, {200, 1025, 17}, {65, 2048, 1}};
    unsigned seed = 900;
    for (const auto& s : shapes) check_shape(s[0], s[1], s[2], seed += 2);
}

TEST_CASE(rows_of_a_b_transposed) {
    // matmul_bt_rows: rows [i0, i1) of A B^T, as kmeans_assign_fast calls it, against matmul_bt_fast's rows
    const Matrix A = pseudo_random(1000, 65, 31), B = pseudo_random(63, 65, 32);
    const Matrix full = matmul_bt_fast(A, B, 1);
    const std::size_t ranges[][2] = {{0, 1}, {7, 70}, {240, 480}, {999, 1000}, {0, 1000}};
    for (const auto& r : ranges) {
        Matrix part(r[1] - r[0], B.rows(), -1.0);  // overwritten, not added to
        matmul_bt_rows(A, B, r[0], r[1], part.data().data());
        Matrix expected(r[1] - r[0], B.rows());
        for (std::size_t i = r[0]; i < r[1]; ++i) expected.set_row(i - r[0], full.row(i));
        CHECK_MSG(same_bits(part, expected), "rows " + std::to_string(r[0]) + ".." + std::to_string(r[1]) +
                                                 " of A B^T: the same bits as the whole product");
    }
}

TEST_CASE(rows_of_a_b_transposed_unpacked) {
    // matmul_bt_rows_t: rows [i0, i1) of A B^T written turned (Ct(j, i - i0)), from bt_panels(B), as
    // kmeans_assign_fast calls it for few centres, against the reference loop matmul(A, B^T)
    for (std::size_t M : {1, 7, 8, 9, 63, 65})
        for (std::size_t K : {1, 7, 63, 65}) {
            const Matrix A = pseudo_random(1000, K, 41 + static_cast<unsigned>(M + K)),
                         B = pseudo_random(M, K, 43 + static_cast<unsigned>(M * K));
            const Matrix full = matmul(A, transpose(B));
            const std::vector<double> Bt = bt_panels(B);
            const std::size_t Mp = (M + kPanel - 1) / kPanel * kPanel;
            const std::size_t ranges[][2] = {{0, 1}, {7, 70}, {240, 480}, {997, 1000}, {0, 1000}};
            for (const auto& r : ranges) {
                const std::size_t ld = r[1] - r[0] + 3;  // a row stride wider than the rows
                std::vector<double> Ct(Mp * ld, -1.0);
                matmul_bt_rows_t(A, Bt, r[0], r[1], Ct.data(), ld);
                Matrix part(M, r[1] - r[0]), expected(M, r[1] - r[0]);
                bool padding_zero = true;
                for (std::size_t j = 0; j < Mp; ++j)
                    for (std::size_t i = r[0]; i < r[1]; ++i) {
                        if (j >= M) {
                            padding_zero = padding_zero && Ct[j * ld + i - r[0]] == 0.0;
                            continue;
                        }
                        part(j, i - r[0]) = Ct[j * ld + i - r[0]];
                        expected(j, i - r[0]) = full(i, j);
                    }
                const std::string at = "M=" + std::to_string(M) + " K=" + std::to_string(K) + " rows " +
                                       std::to_string(r[0]) + ".." + std::to_string(r[1]);
                CHECK_MSG(same_bits(part, expected), at + ": the bits of matmul(A, B^T), turned");
                CHECK_MSG(padding_zero, at + ": the rows past B's are 0");
            }
        }
    CHECK_THROWS(matmul_bt_rows_t(Matrix(4, 3), bt_panels(Matrix(2, 3)), 0, 5, nullptr, 8), ShapeError,
                 "rows 0..5 of A 4x3");
}

TEST_CASE(shape_errors_name_both_shapes) {
    CHECK_THROWS(matmul_fast(Matrix(2, 3), Matrix(4, 2)), ShapeError, "A is 2x3 but B is 4x2");
    CHECK_THROWS(matmul_at_fast(Matrix(2, 3), Matrix(4, 2)), ShapeError, "A is 2x3 but B is 4x2");
    CHECK_THROWS(matmul_bt_fast(Matrix(2, 3), Matrix(4, 2)), ShapeError, "A is 2x3 but B is 4x2");
}

TEST_MAIN()

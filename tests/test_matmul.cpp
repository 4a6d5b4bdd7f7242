// SPDX-License-Identifier: MIT
// Matrix products: matmul_naive (LA.2) against numpy, and every faster variant against the naive one.
#include <cmath>
#include <limits>

#include "io/golden.hpp"
#include "linalg/matmul.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const double kEps = std::numeric_limits<double>::epsilon();

// A deterministic matrix with no structure (a fixed linear congruential sequence), for shapes
// that golden files do not need to store.
static Matrix pseudo_random(std::size_t rows, std::size_t cols, unsigned seed) {
    Matrix A(rows, cols);
    unsigned long long s = seed;
    for (double& a : A.data()) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        a = static_cast<double>(s >> 11) / 9007199254740992.0 - 0.5;
    }
    return A;
}

// |A| |B|: the bound sum_k |A_ik| |B_kj| that scales the rounding error of C_ij
static Matrix abs_product(const Matrix& A, const Matrix& B) {
    Matrix Aa = A, Ba = B;
    for (double& a : Aa.data()) a = std::fabs(a);
    for (double& b : Ba.data()) b = std::fabs(b);
    return matmul(Aa, Ba);  // not matmul_naive: the tolerance must not come from the code under test
}

TEST_CASE(naive_matches_numpy) {
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("matmul.A"), B = g.matrix("matmul.B"), C = g.matrix("matmul.C");
    Matrix ours = matmul_naive(A, B);
    // a K-term dot product is off by at most K eps sum_k |A_ik B_kj| (numpy's BLAS uses FMA and
    // another order, so both sides carry such an error)
    const double K = static_cast<double>(A.cols());
    const double tol = 2.0 * K * kEps * max_abs(abs_product(A, B));
    CHECK_ALL_NEAR(ours, C, 0.0, tol, "2 K eps max(|A||B|): two K-term sums in different orders");
}

TEST_CASE(blocked_equals_naive_bit_for_bit) {
    // shapes that are not multiples of the 64-wide tile, and ones smaller than a tile
    const std::size_t shapes[][3] = {{1, 1, 1}, {3, 5, 2}, {65, 130, 70}, {130, 64, 129}, {7, 200, 3}};
    unsigned seed = 1;
    for (const auto& s : shapes) {
        Matrix A = pseudo_random(s[0], s[1], seed++), B = pseudo_random(s[1], s[2], seed++);
        CHECK_ALL_NEAR(matmul(A, B), matmul_naive(A, B), 0.0, 0.0,
                       "same sums in the same k order: identical bits (LA.3)");
    }
}

TEST_CASE(transposed_and_gram_equal_the_naive_product) {
    Matrix X = pseudo_random(37, 9, 7), Y = pseudo_random(37, 4, 8);
    CHECK_ALL_NEAR(matmul_transposed_a(X, Y), matmul_naive(transpose(X), Y), 0.0, 0.0,
                   "same sums in the same order: identical bits");
    CHECK_ALL_NEAR(gram(X), matmul_naive(transpose(X), X), 0.0, 0.0, "same sums in the same order");
    mlfs::Golden g("linalg.txt");
    Matrix A = g.matrix("matmul.A");
    const double tol = 2.0 * static_cast<double>(A.rows()) * kEps * max_abs(abs_product(transpose(A), A));
    CHECK_ALL_NEAR(gram(A), g.matrix("matmul.G"), 0.0, tol, "2 N eps max(|A^T||A|): N-term sums, two orders");
}

TEST_CASE(shape_errors_name_both_shapes) {
    Matrix A(3, 4), B(5, 2);
    CHECK_THROWS(matmul_naive(A, B), ShapeError, "A is 3x4 but B is 5x2");
    CHECK_THROWS(matmul(A, B), ShapeError, "A is 3x4 but B is 5x2");
    CHECK_THROWS(matmul_transposed_a(A, B), ShapeError, "A is 3x4 but B is 5x2");
}

TEST_MAIN()

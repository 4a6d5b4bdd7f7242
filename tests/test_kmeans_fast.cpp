// SPDX-License-Identifier: MIT
// The fast assignment (algorithms/kmeans_assign_fast.hpp) against kmeans_assign, exactly: the same
// labels (first index on ties, as KM.14 decides them), the closest call with assignment_margin's
// bits and J from its distances with kmeans_inertia's bits, on odd sizes, on integer data full of
// exact ties and duplicate rows, and on 1, 2 and 3 threads.
#include <cstring>
#include <string>
#include <vector>

#include "algorithms/kmeans.hpp"
#include "algorithms/kmeans_assign_fast.hpp"
#include "tests/check.hpp"

using namespace mlfs;

// uniform in [-0.5, 0.5) from a fixed linear congruential sequence; integer_grid = true rounds each
// entry to one of -2..2, so that many distances tie exactly and many rows repeat
static Matrix pseudo_random(std::size_t rows, std::size_t cols, unsigned seed, bool integer_grid) {
    Matrix A(rows, cols);
    unsigned long long s = seed;
    for (double& a : A.data()) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        a = static_cast<double>(s >> 11) / 9007199254740992.0 - 0.5;
        if (integer_grid) a = static_cast<double>(static_cast<int>((a + 0.5) * 5.0) - 2);
    }
    return A;
}

static bool same_bits(const Vector& a, const Vector& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

static void check_case(std::size_t N, std::size_t D, std::size_t K, unsigned seed, bool ties) {
    const Matrix X = pseudo_random(N, D, seed, ties);
    // centres: K rows of X (so exact duplicates of samples) when N allows, else fresh points
    Matrix C = pseudo_random(K, D, seed + 1, ties);
    for (std::size_t j = 0; j < K && j < N; j += 2) C.set_row(j, X.row((j * 7) % N));
    const std::vector<int> ref = kmeans_assign(X, C);
    const double ref_margin = assignment_margin(X, C);
    const double ref_J = kmeans_inertia(X, C, ref, 1), ref_J2 = kmeans_inertia(X, C, ref, 2);
    const std::string at = "N=" + std::to_string(N) + " D=" + std::to_string(D) + " K=" + std::to_string(K) +
                           (ties ? " integer data" : "");
    for (int threads = 1; threads <= 3; ++threads) {
        double margin = -1.0;
        Vector dist;
        const std::vector<int> labels = kmeans_assign_fast(X, C, threads, &margin, nullptr, &dist);
        CHECK_MSG(labels == ref, at + " threads=" + std::to_string(threads) +
                                     ": labels as kmeans_assign (same d bits, same first-index ties)");
        CHECK_MSG(same_bits(Vector{margin}, Vector{ref_margin}),
                  at + " threads=" + std::to_string(threads) +
                      ": the closest call (KM.18) as assignment_margin, same bits");
        CHECK_MSG(same_bits(Vector{kmeans_inertia_from_terms(dist, 1), kmeans_inertia_from_terms(dist, 2)},
                            Vector{ref_J, ref_J2}),
                  at + " threads=" + std::to_string(threads) +
                      ": J from the pass's distances as kmeans_inertia (1 and 2 reference threads), same bits");
        // (KM.3) summed during the pass by the first range of blocks, the rest after: kmeans_update's bits
        // (with K <= N, as kmeans_fit requires: the relocation needs a sample per empty cluster)
        if (K > N) continue;
        KMeansSums sums;
        const std::vector<int> again = kmeans_assign_fast(X, C, threads, nullptr, nullptr, nullptr, &sums);
        kmeans_add_samples(X, again, sums.done, N, sums.sums, sums.n);
        const Matrix C_new = kmeans_update_from_sums(X, C, again, sums.sums, sums.n);
        CHECK_MSG(again == ref && same_bits(C_new.data(), kmeans_update(X, C, ref, 1).data()),
                  at + " threads=" + std::to_string(threads) + ": the update from the sums begun in the pass (" +
                      std::to_string(sums.done) + " samples) as kmeans_update, same bits");
    }
}

TEST_CASE(odd_sizes_every_thread_count) {
    unsigned seed = 1;
    for (std::size_t N : {1, 7, 63, 65, 1000})
        for (std::size_t D : {1, 7, 65})
            for (std::size_t K : {1, 7, 9, 65}) check_case(N, D, K, seed += 2, false);
}

TEST_CASE(both_routes_of_the_dot_products) {
    // kmeans_assign_fast takes linalg's narrow tile while K D <= 32768 doubles and the blocked product
    // above: K D = 260 x 129 = 33540 and 8 x 4097 = 32776 take the blocked one, 8 x 4096 the narrow one
    unsigned seed = 5001;
    check_case(300, 129, 260, seed += 2, false);
    check_case(65, 4097, 8, seed += 2, false);
    check_case(65, 4096, 8, seed += 2, false);
    check_case(300, 129, 260, seed += 2, true);
}

TEST_CASE(exact_ties_and_duplicate_rows_every_thread_count) {
    unsigned seed = 1001;
    for (std::size_t N : {7, 65, 1000})
        for (std::size_t D : {1, 2, 7})
            for (std::size_t K : {2, 7, 9, 65}) check_case(N, D, K, seed += 2, true);
    // x = 0 is exactly halfway between -1 and 1, and 2 is at centre 1 twice: first index wins
    const Matrix X(3, 1, std::vector<double>{0.0, -2.0, 2.0}), C(3, 1, std::vector<double>{-1.0, 2.0, 2.0});
    for (int threads = 1; threads <= 3; ++threads)
        CHECK_MSG((kmeans_assign_fast(X, C, threads) == std::vector<int>{0, 0, 1}), "ties go to the lowest index");
}

TEST_CASE(shape_errors_name_both_shapes) {
    CHECK_THROWS(kmeans_assign_fast(Matrix(4, 3), Matrix(2, 2)), ShapeError, "Xc is 4x3 but the centres are 2x2");
}

TEST_MAIN()

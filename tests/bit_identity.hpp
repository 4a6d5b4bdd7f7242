// SPDX-License-Identifier: MIT
// Helpers for the tests that hold a fast kernel to its reference bit for bit (test_matmul_fast,
// test_matvec_fast): a matrix with no structure and a comparison that tells every bit apart.
#pragma once

#include <cstring>

#include "linalg/matrix.hpp"

namespace mlfs_test {

// A deterministic matrix with no structure (a fixed linear congruential sequence, entries in
// [-0.5, 0.5)); every 5th entry is a signed zero, so that 0.0 + (-0.0) = 0.0 is exercised too.
inline mlfs::Matrix pseudo_random(std::size_t rows, std::size_t cols, unsigned seed) {
    mlfs::Matrix A(rows, cols);
    unsigned long long s = seed;
    std::size_t t = 0;
    for (double& a : A.data()) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        a = static_cast<double>(s >> 11) / 9007199254740992.0 - 0.5;
        if (++t % 5 == 0) a = (s >> 7) % 2 ? -0.0 : 0.0;
    }
    return A;
}

// identical length and identical bits (memcmp also tells 0.0 from -0.0)
inline bool same_bits(const mlfs::Vector& x, const mlfs::Vector& y) {
    return x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
}
inline bool same_bits(const mlfs::Matrix& A, const mlfs::Matrix& B) {
    return A.rows() == B.rows() && A.cols() == B.cols() && same_bits(A.data(), B.data());
}

}  // namespace mlfs_test

// SPDX-License-Identifier: MIT
// What a CSV reader gives for one input, for comparing two readers: the table, or the message of the
// CsvError it threw (any other exception escapes). Used by tests/test_csv.cpp and the fuzz harness
// tests/fuzz/fuzz_csv.cpp.
#pragma once

#include <cstring>
#include <string>

#include "io/csv.hpp"

namespace mlfs_test {

struct Outcome {
    bool ok = false;
    mlfs::Table table;
    std::string message;
};

template <class Read>
Outcome outcome(Read read) {
    Outcome o;
    try {
        o.table = read();
        o.ok = true;
    } catch (const mlfs::CsvError& e) {
        o.message = e.what();
    }
    return o;
}

// Same names and shape, and every double the same bits (so -0.0 differs from 0.0 here).
inline bool same_table(const mlfs::Table& a, const mlfs::Table& b) {
    if (a.names != b.names || a.X.rows() != b.X.rows() || a.X.cols() != b.X.cols()) return false;
    return a.X.size() == 0 || std::memcmp(a.X.data().data(), b.X.data().data(), a.X.size() * sizeof(double)) == 0;
}

}  // namespace mlfs_test

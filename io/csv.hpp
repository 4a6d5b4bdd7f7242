// SPDX-License-Identifier: MIT
// Reading a numeric CSV file into a Table: one header row of column names, then rows of numbers.
// N data rows (samples) and D columns (features): X is N x D and names holds D names.
//
// Accepted: LF or CRLF line endings, a UTF-8 byte-order mark, a final newline or none, blank
// lines at the end of the file, spaces around numbers, header names in double quotes
// ("petal length", with "" for a quote inside). Numbers are read with std::strtod in the C
// locale (the program never calls setlocale), so the decimal point is always '.'.
//
// Everything else is an error: a CsvError whose message starts "FILE:LINE:COLUMN: " (line is
// 1-based; column is the 1-based field number, left out where no single field is to blame, and
// both are left out when the file cannot be read at all), then says what is wrong in plain words.
// Because a blank line in the middle is an error, data row i (0-based) is always line i + 2.
//
//   mlfs::Table t = mlfs::read_csv("datasets/iris.csv");
//   std::size_t j = mlfs::column_index(t, "petal_length");   // t.X(i, j)
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

// Bad input data: the message names the file, and the line and field where they apply.
struct CsvError : std::runtime_error {
    explicit CsvError(const std::string& message) : std::runtime_error(message) {}
};

struct Table {
    std::vector<std::string> names;  // D column names, unique and non-empty
    Matrix X;                        // N x D, every entry finite
    std::string path;                // where it was read from, for messages
};

// Reads and checks the whole file; throws CsvError, also when the file has more than max_bytes
// (1 GiB by default: a file that large is not a table to fit by these methods, and /dev/zero never ends).
constexpr std::size_t kMaxCsvBytes = std::size_t(1) << 30;
Table read_csv(const std::string& path, std::size_t max_bytes = kMaxCsvBytes);

// The same, from text already in memory; `path` is used only in messages.
Table parse_csv(const std::string& text, const std::string& path);

// The index j of the column called `name`; throws CsvError naming the file and listing the
// columns there are.
std::size_t column_index(const Table& table, const std::string& name);

// A table holding only the named columns, in the order asked for (a name twice is an error).
Table select_columns(const Table& table, const std::vector<std::string>& names);

}  // namespace mlfs

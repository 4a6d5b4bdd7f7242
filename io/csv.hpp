// SPDX-License-Identifier: MIT
// Reading a numeric CSV file into a Table: one header row of column names, then rows of numbers.
// N data rows (samples) and D columns (features): X is N x D and names holds D names.
//
// Accepted: LF or CRLF line endings, a UTF-8 byte-order mark, a final newline or none, blank
// lines at the end of the file, spaces around numbers, header names in double quotes
// ("petal length", with "" for a quote inside). Numbers are decimal and read as std::strtod reads
// them in the C locale (the program never calls setlocale), so the decimal point is always '.';
// a subnormal (4.9e-324 up to 2.2e-308) is a number.
//
// Everything else is an error, among them a control byte in a header name (NUL, tab, ...), a
// hexadecimal cell ("0x10", which strtod would read as 16), NaN, infinity, a number too large for a
// double (1e999), and a non-zero number so small that it would be read as 0 (1e-400): a CsvError whose message starts "FILE:LINE:COLUMN: " (line is
// 1-based; column is the 1-based field number, left out where no single field is to blame, and
// both are left out when the file cannot be read at all), then says what is wrong in plain words.
// Because a blank line in the middle is an error, data row i (0-based) is always line i + 2.
//
//   mlfs::Table t = mlfs::read_csv("datasets/iris.csv");
//   std::size_t j = mlfs::column_index(t, "petal_length");   // t.X(i, j)
//
// Two readers give the same table, bit for bit, and the same messages (tests/test_csv.cpp):
// parse_csv is the reference (the whole text in memory, split into lines, every cell through
// strtod); read_csv and read_csv_columns stream the file in blocks (csv_stream.cpp), parse
// numbers with std::from_chars where it agrees with strtod, and read only the columns asked for:
//
//   mlfs::Table t = mlfs::read_csv_columns("my.csv", {{"x1", "x2", "y"}});   // N x 3, in that order
//   mlfs::Table u = mlfs::read_csv_columns("my.csv", {});   // every numeric column; u.text_columns
//
// A column that is not read is skipped unparsed, so it may hold text, also RFC 4180 quoted text
// with commas and "" inside ("Smith, John"); a quoted cell may not span lines (an error says so).
#pragma once

#include <cstddef>
#include <functional>
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
    std::vector<std::string> names;         // D column names, unique and non-empty
    Matrix X;                               // N x D, every entry finite
    std::string path;                       // where it was read from, for messages
    std::vector<std::string> text_columns;  // read_csv_columns without names: the text columns it skipped
    std::vector<std::string> text;          // CsvColumns::text's cells, one per row (N), unquoted
};

// The largest file read (64 GiB): far above real tables (a million rows of 100 numbers at 17
// digits is 1.8 GB, and its doubles need 0.8 GB of memory), but a bound all the same. What stops
// an endless stream such as /dev/zero sooner is the cap on one line, kMaxCsvLineBytes.
constexpr std::size_t kMaxCsvBytes = std::size_t(64) << 30;
// The longest line (64 MiB): a row of a million 17-digit numbers is 24 MB.
constexpr std::size_t kMaxCsvLineBytes = std::size_t(64) << 20;
// Bytes per read (4 MiB): enough that the calls to fread cost nothing beside the parsing, and
// little beside the doubles.
constexpr std::size_t kCsvBlockBytes = std::size_t(4) << 20;

// Reads and checks the whole file, every column a number; throws CsvError, also when the file has
// more than max_bytes.
Table read_csv(const std::string& path, std::size_t max_bytes = kMaxCsvBytes);

// The reference reader, from text already in memory; `path` is used only in messages.
Table parse_csv(const std::string& text, const std::string& path);

// Which columns read_csv_columns reads.
struct CsvColumns {
    std::vector<std::string> names;  // exactly these, in this order; empty: every numeric column
    // with names empty: columns read even when their first cell is text (a target, say), so that
    // the text is an error naming the cell and the column rather than a skipped column
    std::vector<std::string> required;
    // with names empty: every column, and a text cell is an error (read_csv's rule)
    bool every_column = false;
    // a column read as text (class labels), into Table::text, and left out of X and names: each cell
    // as written (spaces kept, as pandas keeps them) or, if "quoted", what the quotes hold ("" is one
    // quote); an empty cell, a control byte or a cell that is not UTF-8 is an error naming it
    std::string text;
};

// Called with the bytes read so far and the rows parsed so far; done is true at the last call.
using CsvProgress = std::function<void(std::size_t bytes_read, std::size_t rows, bool done)>;

struct CsvOptions {
    std::size_t max_bytes = kMaxCsvBytes;           // a larger file is an error
    std::size_t max_line_bytes = kMaxCsvLineBytes;  // a longer line is an error naming it
    std::size_t block_bytes = kCsvBlockBytes;       // bytes per read (tests use a few, to cut lines)
    CsvProgress progress;                           // if set: called every progress_bytes and at the end
    std::size_t progress_bytes = std::size_t(32) << 20;
};

// Streams the file and reads the columns `wanted` asks for:
// - names given: those columns, in that order. A name that is no column, or a name given twice,
//   is an error (column_index's and select_columns' messages); a text cell in one is an error
//   naming its line, column and name, and every other column is skipped unparsed.
// - names empty: every column whose first data cell is a number (NaN, infinity and an empty cell
//   count as numbers, and so fail as read_csv fails on them), and the required ones; the others
//   are text columns, skipped, and listed in text_columns. No numeric column at all is an error.
// - every_column: what read_csv reads.
// Memory: the doubles, plus one block of rows (32 MiB) and two of text (2 x 4 MiB): reading a
// 1e6 x 21 file of 423 MB, whose doubles are 168 MB, the whole process peaked at 208 MB. One
// thread parses at 255-330 MB/s there (pandas.read_csv: 67-69 MB/s in the same runs; README, "Speed").
Table read_csv_columns(const std::string& path, const CsvColumns& wanted, const CsvOptions& options = {});

// "FILE: skipped 2 text columns (name, species): their first cells are not numbers", or "" when
// read_csv_columns skipped none; for a command to print as a note.
std::string skipped_text_note(const Table& table);

// A CsvProgress for a command line: "reading PATH: 1250000 rows, 512 MB, 301 MB/s" on stderr,
// at most once a second and only once the read has taken a second, then "read PATH: ..." when
// done; a shorter read prints nothing.
CsvProgress progress_on_stderr(const std::string& path);

// The index j of the column called `name`; throws CsvError naming the file and listing the
// columns there are.
std::size_t column_index(const Table& table, const std::string& name);

// A table holding only the named columns, in the order asked for (a name twice is an error).
Table select_columns(const Table& table, const std::vector<std::string>& names);

}  // namespace mlfs

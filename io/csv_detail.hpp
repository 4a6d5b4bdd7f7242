// SPDX-License-Identifier: MIT
// The pieces the two CSV readers share (not part of the API; include io/csv.hpp): the messages,
// the header, one cell through strtod, and one row by the reference rules. Both readers go
// through these, so a bad file gets the same message from either.
// Legend: D columns in the file (the header's names), W of them read (the width of a row of X).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mlfs {
namespace csv_detail {

// "FILE:LINE:COLUMN: message"; line 0 or column 0 means "does not apply" and is left out.
[[noreturn]] void fail(const std::string& path, std::size_t line, std::size_t column, const std::string& message);

// The offset of the first byte of s that starts no valid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view s);

// A cell shown in a message: at most 40 bytes, in double quotes, control bytes as \xHH.
std::string quoted(std::string_view s);

inline bool is_space(char c) { return c == ' ' || c == '\t'; }
std::string_view trim(std::string_view s);
bool is_blank(std::string_view line);

// The header line (without its line ending): D names, none empty, no two alike, all UTF-8.
std::vector<std::string> parse_header(std::string_view line, const std::string& path);

// One data cell through strtod: a whole finite number, spaces around it allowed; otherwise the
// CsvError that names the line, the column and its name.
double parse_cell(std::string_view raw, const std::string& name, std::size_t line, std::size_t column,
                  const std::string& path);

// What a row reader does with each of the D columns of the file.
constexpr std::size_t kSkip = static_cast<std::size_t>(-1);
struct RowPlan {
    std::vector<std::size_t> slot;  // D entries: where column j's number goes in a row of X, or kSkip
    std::size_t width = 0;          // W, the read columns
    // false: every comma ends a cell (read_csv's rule, all columns read); true: a cell may be RFC
    // 4180 "quoted", as text in a skipped column is
    bool quotes = false;
};

// read_csv's plan: every column, in file order, no quotes.
RowPlan plan_every_column(std::size_t D);

// The index of `name` among the header's names; a CsvError listing the names otherwise.
std::size_t find_column(const std::vector<std::string>& names, const std::string& name, const std::string& path);

// The index among the header's names of each of `wanted`, in that order: a CsvError for a name
// given twice ("asked for twice") or not there (find_column's message). One hash of the D names,
// then one look-up per name: O(D + W) on average, where a search per name was O(D W).
std::vector<std::size_t> find_columns(const std::vector<std::string>& names, const std::vector<std::string>& wanted,
                                      const std::string& path);

// The plan for the columns `wanted`, in that order (none twice); every other column is skipped.
RowPlan plan_named(const std::vector<std::string>& names, const std::vector<std::string>& wanted,
                   const std::string& path);

// The plan for every numeric column, decided on the first data row (`line`, line number
// line_no): a column whose first cell is a number (or NaN, infinity, empty: a bad number), or
// that is `required`, is read, the others are text; their names go to `numeric` and `text`.
// The column named `exclude` (if any) is neither read nor listed.
RowPlan plan_numeric(std::string_view line, std::size_t line_no, const std::vector<std::string>& names,
                     const std::vector<std::string>& required, const std::string& path,
                     std::vector<std::string>& numeric, std::vector<std::string>& text,
                     const std::string& exclude = "");

// A text cell as a label: as written, or inside its RFC 4180 quotes ("" is one quote, spaces around the
// quotes dropped);
// an empty label, or one that is not UTF-8, is the CsvError naming the cell.
std::string text_cell(std::string_view raw, const std::string& name, std::size_t line, std::size_t column,
                      const std::string& path);

// The cells of one line (without its line ending) as RowPlan splits it; an unclosed quote in a
// skipped column, or text after its closing quote, is an error at that cell.
std::vector<std::string_view> split_row(std::string_view line, std::size_t line_no, const RowPlan& plan,
                                        const std::vector<std::string>& names, const std::string& path);

// One data row by the reference rules, in the reference order (the count of cells and a
// trailing comma first, then each read cell through parse_cell, left to right): W numbers into
// row[0, W), or the CsvError of the first problem.
void parse_row(std::string_view line, std::size_t line_no, const RowPlan& plan, const std::vector<std::string>& names,
               const std::string& path, double* row);

// The same row the quick way, for the line [p, end) and the '\n' or '\r' that ends it at *end
// (where read_number_strtod stops): true when every read cell is a plain finite number
// (read_number) and the cells are exactly D; false as soon as anything else turns up, and then
// the caller reads the row again with parse_row, which finds the reference's message, or the
// number strtod reads where read_number gave up ("+5", "0x1p3", "1e-400"). It allocates nothing.
bool parse_row_fast(const char* p, const char* end, const RowPlan& plan, double* row);

// One number at p, not a space, up to at most end: std::from_chars where the library has it for
// double, else read_number_strtod; returns the end of the number, or nullptr when there is no
// finite number or from_chars reports an error (an underflow, an overflow), for parse_row to decide.
const char* read_number(const char* p, const char* end, double& x);
// The same with std::strtod straight on the line, which stops at the '\n' or '\r' at *end.
const char* read_number_strtod(const char* p, const char* end, double& x);

}  // namespace csv_detail
}  // namespace mlfs

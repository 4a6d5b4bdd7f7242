// SPDX-License-Identifier: MIT
// One data row of a CSV file (csv_detail.hpp): which columns are read (the plans), the reference
// rules for a row (split_row, parse_row), and beside them the quick reading of a plain row
// (parse_row_fast) that the streaming reader tries first.
// Legend: D columns in the file, W of them read, j a column of the file (0-based).
#include "io/csv_detail.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "io/csv.hpp"

namespace mlfs {
namespace csv_detail {

RowPlan plan_every_column(std::size_t D) {
    RowPlan plan;
    for (std::size_t j = 0; j < D; ++j) plan.slot.push_back(j);
    plan.width = D;
    return plan;
}

std::size_t find_column(const std::vector<std::string>& names, const std::string& name, const std::string& path) {
    for (std::size_t j = 0; j < names.size(); ++j)
        if (names[j] == name) return j;
    std::string available;
    for (const std::string& n : names) available += (available.empty() ? "" : ", ") + n;
    throw CsvError(path + ": no column named " + quoted(name) + "; the columns are: " + available);
}

std::vector<std::size_t> find_columns(const std::vector<std::string>& names, const std::vector<std::string>& wanted,
                                      const std::string& path) {
    std::unordered_map<std::string_view, std::size_t> index;  // name -> j; the header's names are unique
    index.reserve(names.size());
    for (std::size_t j = 0; j < names.size(); ++j) index.emplace(names[j], j);
    std::unordered_set<std::string_view> asked;
    asked.reserve(wanted.size());
    std::vector<std::size_t> js;
    js.reserve(wanted.size());
    for (const std::string& name : wanted) {
        if (!asked.insert(name).second) throw CsvError(path + ": column " + quoted(name) + " was asked for twice");
        const auto found = index.find(name);
        js.push_back(found != index.end() ? found->second : find_column(names, name, path));  // the message
    }
    return js;
}

RowPlan plan_named(const std::vector<std::string>& names, const std::vector<std::string>& wanted,
                   const std::string& path) {
    RowPlan plan;
    plan.slot.assign(names.size(), kSkip);
    plan.quotes = true;  // the skipped columns may hold quoted text
    const std::vector<std::size_t> js = find_columns(names, wanted, path);
    for (std::size_t k = 0; k < wanted.size(); ++k) plan.slot[js[k]] = k;
    plan.width = wanted.size();
    return plan;
}

namespace {

// Does strtod read the whole cell? An empty cell counts as a number: it is a gap in a numeric
// column, which parse_cell then reports, not a text column.
bool looks_numeric(std::string_view raw) {
    const std::string cell(trim(raw));
    if (cell.empty()) return true;
    char* end = nullptr;
    std::strtod(cell.c_str(), &end);
    return end != cell.c_str() && end == cell.c_str() + cell.size();
}

}  // namespace

RowPlan plan_numeric(std::string_view line, std::size_t line_no, const std::vector<std::string>& names,
                     const std::vector<std::string>& required, const std::string& path,
                     std::vector<std::string>& numeric, std::vector<std::string>& text, const std::string& exclude) {
    RowPlan plan;
    plan.slot.assign(names.size(), kSkip);
    plan.quotes = true;
    parse_row(line, line_no, plan, names, path, nullptr);  // the count of cells and the quotes, as in any row
    const std::vector<std::string_view> cells = split_row(line, line_no, plan, names, path);
    for (std::size_t j = 0; j < names.size(); ++j) {
        if (!exclude.empty() && names[j] == exclude) continue;
        const bool is_required = std::find(required.begin(), required.end(), names[j]) != required.end();
        if (!is_required && !looks_numeric(cells[j])) {
            text.push_back(names[j]);
            continue;
        }
        plan.slot[j] = plan.width++;
        numeric.push_back(names[j]);
    }
    if (plan.width == 0)
        fail(path, line_no, 0,
             "no numeric column: the first data row holds text in every column, so there are no numbers to read");
    return plan;
}

std::string text_cell(std::string_view raw, const std::string& name, std::size_t line, std::size_t column,
                      const std::string& path) {
    const std::string_view cell = trim(raw);
    std::string out;
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
        for (std::size_t i = 1; i + 1 < cell.size(); ++i) {
            out += cell[i];
            if (cell[i] == '"') ++i;  // "" is one quote (split_row checked the pairs)
        }
    } else {
        out = std::string(raw);  // as written, spaces too: pandas keeps them, so "a" and "a " are two labels
    }
    const std::string where = "in column " + std::to_string(column) + " (" + quoted(name) + ")";
    if (out.empty()) fail(path, line, column, "empty cell " + where + ": every row needs a label");
    if (invalid_utf8_at(out) != std::string_view::npos)
        fail(path, line, column, "the label " + quoted(out) + " " + where + " is not valid UTF-8");
    for (unsigned char c : out)
        if (c < 0x20 || c == 0x7f)
            fail(path, line, column, "the label " + quoted(out) + " " + where + " holds a control byte");
    return out;
}

namespace {

// How a cell that may be "quoted" (RFC 4180, "" for a quote inside) ends.
enum class Quoted { no, ok, unclosed, text_after };

// The cell starting at line[start]: if it opens with a quote (after spaces) and is well formed,
// `end` becomes the offset of the comma after it, or line.size().
Quoted scan_quoted(std::string_view line, std::size_t start, std::size_t& end) {
    std::size_t i = start;
    while (i < line.size() && is_space(line[i])) ++i;
    if (i == line.size() || line[i] != '"') return Quoted::no;
    for (++i;; i += 2) {  // i is just past a quote that opens or that is doubled ("")
        i = line.find('"', i);
        if (i == std::string_view::npos) return Quoted::unclosed;
        if (i + 1 == line.size() || line[i + 1] != '"') break;
    }
    for (++i; i < line.size() && is_space(line[i]); ++i) {}
    if (i < line.size() && line[i] != ',') return Quoted::text_after;
    end = i;
    return Quoted::ok;
}

}  // namespace

std::vector<std::string_view> split_row(std::string_view line, std::size_t line_no, const RowPlan& plan,
                                        const std::vector<std::string>& names, const std::string& path) {
    std::vector<std::string_view> cells;
    const std::size_t D = plan.slot.size();
    for (std::size_t start = 0;;) {
        const std::size_t j = cells.size();
        std::size_t end = std::min(line.find(',', start), line.size());
        if (plan.quotes && j < D) {
            const Quoted q = scan_quoted(line, start, end);
            // a read column's bad quotes keep the comma split, for parse_cell to name as read_csv does
            if ((q == Quoted::unclosed || q == Quoted::text_after) && plan.slot[j] == kSkip) {
                const std::string where = "in column " + std::to_string(j + 1) + " (" + quoted(names[j]) + ")";
                fail(path, line_no, j + 1,
                     q == Quoted::unclosed ? "the quoted cell " + where +
                                                 " has no closing quote on this line; a quoted cell may not span lines"
                                           : "unexpected text after the closing quote of the cell " + where);
            }
        }
        cells.push_back(line.substr(start, end - start));
        if (end == line.size()) return cells;
        start = end + 1;
    }
}

void parse_row(std::string_view line, std::size_t line_no, const RowPlan& plan, const std::vector<std::string>& names,
               const std::string& path, double* row) {
    const std::vector<std::string_view> cells = split_row(line, line_no, plan, names, path);
    const std::size_t D = names.size(), found = cells.size();
    const bool ends_with_comma = trim(line).back() == ',';
    if (found == D + 1 && ends_with_comma && trim(cells.back()).empty())
        fail(path, line_no, found,
             "trailing comma: the row ends with ',', which makes " + std::to_string(found) +
                 " fields but the header has " + std::to_string(D));
    if (found != D)
        fail(path, line_no, 0,
             "ragged row: found " + std::to_string(found) + " field" + (found == 1 ? "" : "s") + ", expected " +
                 std::to_string(D) + " (one per header column)");
    if (ends_with_comma && trim(cells.back()).empty() && plan.slot[D - 1] != kSkip)
        fail(path, line_no, D,
             "empty cell in column " + std::to_string(D) + " (" + quoted(names.back()) +
                 "); the row ends with a trailing comma");
    for (std::size_t j = 0; j < D; ++j)
        if (plan.slot[j] != kSkip) row[plan.slot[j]] = parse_cell(cells[j], names[j], line_no, j + 1, path);
}

const char* read_number_strtod(const char* p, const char* end, double& x) {
    // strtod would skip a '\n' or '\v' before a number (and so reach into the next line): start it
    // only on what can begin a number; it stops at the ',', '\n' or '\r' after one
    const bool starts_number = p != end && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.');
    if (!starts_number) return nullptr;
    char* stop = nullptr;
    x = std::strtod(p, &stop);
    if (stop == p || stop > end || !std::isfinite(x)) return nullptr;
    // hexadecimal ("0x10") is an error and a 0 may be an underflow ("1e-400"): parse_row decides
    for (const char* c = p; c != stop && *c != 'e' && *c != 'E'; ++c)
        if (*c == 'x' || *c == 'X' || (x == 0.0 && *c >= '1' && *c <= '9')) return nullptr;
    return stop;
}

const char* read_number(const char* p, const char* end, double& x) {
#if defined(__cpp_lib_to_chars)
    // from_chars is correctly rounded, as glibc's strtod is, so where it reads the whole cell
    // without an error they give the same double (tests/test_csv.cpp checks it bit for bit)
    const std::from_chars_result r = std::from_chars(p, end, x);
    if (r.ec != std::errc() || !std::isfinite(x)) return nullptr;  // "inf", "nan" and overflow
    // libstdc++ reports "1e-400" as out of range; a library that returns 0 for it leaves it to parse_row too
    for (const char* c = p; x == 0.0 && c != r.ptr && *c != 'e' && *c != 'E'; ++c)
        if (*c >= '1' && *c <= '9') return nullptr;
    return r.ptr;
#else
    return read_number_strtod(p, end, x);
#endif
}

namespace {

// Past the "quoted" cell that opens at p (p at the quote), or nullptr if it does not close.
const char* skip_quoted(const char* p, const char* end) {
    for (++p;; p += 2) {  // p is just past a quote that opens or that is doubled ("")
        p = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (p == nullptr) return nullptr;
        if (p + 1 == end || p[1] != '"') return p + 1;
    }
}

const char* skip_spaces(const char* p, const char* end) {
    while (p != end && is_space(*p)) ++p;
    return p;
}

}  // namespace

// The cells as split_row splits them, each read cell straight into its place in `row`.
bool parse_row_fast(const char* p, const char* end, const RowPlan& plan, double* row) {
    const std::size_t D = plan.slot.size();
    for (std::size_t j = 0; j < D; ++j) {
        p = skip_spaces(p, end);
        if (plan.slot[j] != kSkip) {
            p = read_number(p, end, row[plan.slot[j]]);
            if (p == nullptr) return false;
            p = skip_spaces(p, end);
        } else if (plan.quotes && p != end && *p == '"') {
            p = skip_quoted(p, end);
            if (p == nullptr) return false;
            p = skip_spaces(p, end);
        } else {
            const void* comma = std::memchr(p, ',', static_cast<std::size_t>(end - p));
            p = comma ? static_cast<const char*>(comma) : end;
        }
        if (j + 1 == D) return p == end;  // more cells: a ragged row or a trailing comma
        if (p == end || *p != ',') return false;
        ++p;
    }
    return false;  // D == 0 never happens: the header has a name
}

}  // namespace csv_detail
}  // namespace mlfs

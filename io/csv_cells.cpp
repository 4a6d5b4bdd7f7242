// SPDX-License-Identifier: MIT
// The CSV readers' messages, the header and one cell (csv_detail.hpp): the rules of the
// reference reader, shared by the streaming one so that both say the same about a bad file.
#include "io/csv_detail.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "io/csv.hpp"
#include "linalg/format.hpp"

namespace mlfs {
namespace csv_detail {

void fail(const std::string& path, std::size_t line, std::size_t column, const std::string& message) {
    std::string where = path;
    if (line > 0) where += ":" + std::to_string(line);
    if (line > 0 && column > 0) where += ":" + std::to_string(column);
    throw CsvError(where + ": " + message);
}

// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;              // continuation bytes
        unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the first continuation byte
        if (c < 0x80) n = 0;
        else if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) n = 2, lo = 0xA0;
        else if (c == 0xED) n = 2, hi = 0x9F;
        else if (c >= 0xE1 && c <= 0xEF) n = 2;
        else if (c == 0xF0) n = 3, lo = 0x90;
        else if (c == 0xF4) n = 3, hi = 0x8F;
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else return i;
        if (i + n >= s.size()) return i;  // the sequence is cut off by the end
        for (std::size_t k = 1; k <= n; ++k) {
            const unsigned char d = static_cast<unsigned char>(s[i + k]);
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) return i;
        }
        i += n + 1;
    }
    return std::string::npos;
}

// Control bytes (NUL, CR, tabs, ...) are shown as \xHH so the message stays on one line and is not
// cut short at a NUL; in a string that is not UTF-8, every byte from 0x80 up is shown as \xHH too,
// so the message itself stays UTF-8.
std::string quoted(std::string_view s) {
    const bool utf8 = invalid_utf8_at(s) == std::string::npos;
    std::size_t shown = std::min<std::size_t>(s.size(), 40);
    while (utf8 && shown < s.size() && (static_cast<unsigned char>(s[shown]) & 0xC0) == 0x80)
        --shown;  // whole characters
    std::string out = "\"";
    for (std::size_t i = 0; i < shown; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f || (c > 0x7f && !utf8)) {
            const char* hex = "0123456789abcdef";
            out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
        } else {
            out += s[i];
        }
    }
    return out + (shown < s.size() ? "...\"" : "\"");
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

namespace {

// One header name starting at line[i] (bare, or "quoted" with "" for a quote); leaves i on the
// comma after it or at the end of the line.
std::string read_header_name(std::string_view line, std::size_t& i, std::size_t column, const std::string& path) {
    while (i < line.size() && is_space(line[i])) ++i;
    if (i >= line.size() || line[i] != '"') {
        std::size_t comma = std::min(line.find(',', i), line.size());
        std::string name(trim(line.substr(i, comma - i)));
        if (name.find('"') != std::string::npos)
            fail(path, 1, column,
                 "column name " + quoted(name) +
                     " has a stray double quote; "
                     "quote the whole name, like \"petal length\"");
        i = comma;
        return name;
    }
    std::string name;
    for (++i;; ++i) {
        if (i >= line.size()) fail(path, 1, column, "column name has an opening double quote but no closing one");
        if (line[i] != '"') {
            name += line[i];
            continue;
        }
        if (i + 1 < line.size() && line[i + 1] == '"') {
            name += '"';
            ++i;
            continue;
        }  // "" is one quote
        break;
    }
    for (++i; i < line.size() && is_space(line[i]); ++i) {}
    if (i < line.size() && line[i] != ',')
        fail(path, 1, column, "unexpected text after the closing quote of column name " + quoted(name));
    return name;
}

}  // namespace

std::vector<std::string> parse_header(std::string_view line, const std::string& path) {
    std::vector<std::string> names;
    std::size_t i = 0;
    for (;;) {
        names.push_back(read_header_name(line, i, names.size() + 1, path));
        if (i >= line.size()) break;
        ++i;  // the comma
    }
    std::map<std::string, std::size_t> first_column;  // name -> 1-based column where it first appears
    for (std::size_t j = 0; j < names.size(); ++j) {
        const std::size_t column = j + 1;
        if (names[j].empty() && column == names.size() && column > 1 && trim(line).back() == ',')
            fail(path, 1, column,
                 "trailing comma: the header ends with ',', which leaves column " + std::to_string(column) +
                     " without a name");
        if (names[j].empty())
            fail(path, 1, column,
                 "empty column name in column " + std::to_string(column) + "; every column needs a name");
        const std::size_t bad = invalid_utf8_at(names[j]);
        if (bad != std::string::npos) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(names[j][bad]));
            fail(path, 1, column,
                 "column name " + quoted(names[j]) + " is not valid UTF-8 (byte " + byte + " at position " +
                     std::to_string(bad + 1) + " of the name); save the file as UTF-8");
        }
        const auto control = std::find_if(names[j].begin(), names[j].end(), [](char ch) {
            return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f;  // NUL, tab, CR, ESC, DEL, ...
        });
        if (control != names[j].end()) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(*control));
            fail(path, 1, column,
                 "column name " + quoted(names[j]) + " contains a control byte (" + byte + " at position " +
                     std::to_string(control - names[j].begin() + 1) +
                     " of the name); a name cannot be printed or asked for with it");
        }
        auto seen = first_column.find(names[j]);
        if (seen != first_column.end())
            fail(path, 1, column,
                 "duplicate column name " + quoted(names[j]) + ": columns " + std::to_string(seen->second) + " and " +
                     std::to_string(column) + " are both called " + quoted(names[j]));
        first_column[names[j]] = column;
    }
    return names;
}

double parse_cell(std::string_view raw, const std::string& name, std::size_t line, std::size_t column,
                  const std::string& path) {
    const std::string cell(trim(raw));  // a copy: strtod needs the NUL after it
    const std::string where = " in column " + std::to_string(column) + " (" + quoted(name) + ")";
    if (cell.empty()) fail(path, line, column, "empty cell" + where + "; every cell needs a number");
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
        fail(path, line, column,
             "cell " + cell + where +
                 " is in double quotes; only header names "
                 "may be quoted, numbers must be bare");
    if (cell.find('"') != std::string::npos)
        fail(path, line, column,
             "cell " + quoted(cell) + where +
                 " contains a double quote; "
                 "only header names may be quoted, numbers must be bare");
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    if (end == cell.c_str() || end != cell.c_str() + cell.size())  // a NUL byte inside stops strtod early
        fail(path, line, column, "cell " + quoted(cell) + where + " is not a number");
    const std::size_t digits = cell.find_first_not_of("+-");  // strtod read it whole: a sign, then a digit or '.'
    if (cell.compare(digits, 2, "0x") == 0 || cell.compare(digits, 2, "0X") == 0)
        fail(path, line, column,
             "cell " + quoted(cell) + where + " is a hexadecimal number; only decimal numbers are read (" +
                 format_exact(value) + " in decimal)");
    if (std::isnan(value))
        fail(path, line, column,
             "cell " + quoted(cell) + where + " is NaN; NaN is not allowed, every cell must be a finite number");
    if (std::isinf(value) && errno == ERANGE)
        fail(path, line, column,
             "cell " + quoted(cell) + where + " is too large for a double; infinite values are not allowed");
    if (std::isinf(value))
        fail(path, line, column, "cell " + quoted(cell) + where + " is infinite; infinite values are not allowed");
    // a non-zero number written below 2.5e-324 rounds to 0: the cell's value would be lost unseen (a
    // subnormal, 4.9e-324 to 2.2e-308, keeps at least its first digit and is read)
    if (value == 0.0 && cell.substr(0, cell.find_first_of("eE")).find_first_of("123456789") != std::string::npos)
        fail(path, line, column,
             "cell " + quoted(cell) + where +
                 " is too small for a double: it is not 0 but would be read as 0 (the smallest is 4.9e-324); "
                 "rescale the column");
    return value;
}

}  // namespace csv_detail
}  // namespace mlfs

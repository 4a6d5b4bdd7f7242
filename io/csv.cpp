// SPDX-License-Identifier: MIT
// The CSV reader of csv.hpp. It reads the whole file, splits it into lines, and checks the header
// and then every data row, stopping at the first problem with a message that points at it.
#include "io/csv.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <utility>

namespace mlfs {
namespace {

// "FILE:LINE:COLUMN: message"; line 0 or column 0 means "does not apply" and is left out.
[[noreturn]] void fail(const std::string& path, std::size_t line, std::size_t column, const std::string& message) {
    std::string where = path;
    if (line > 0) where += ":" + std::to_string(line);
    if (line > 0 && column > 0) where += ":" + std::to_string(column);
    throw CsvError(where + ": " + message);
}

// The offset of the first byte of s that starts no valid UTF-8 sequence (overlong forms, surrogates
// and code points above U+10FFFF are invalid), or npos if all of s is UTF-8.
std::size_t invalid_utf8_at(const std::string& s) {
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

// A cell shown in a message: at most 40 bytes, control bytes (NUL, CR, tabs, ...) shown as \xHH so the
// message stays on one line and is not cut short at a NUL; in a string that is not UTF-8, every
// byte from 0x80 up is shown as \xHH too, so the message itself stays UTF-8.
std::string quoted(const std::string& s) {
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

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool is_blank(const std::string& line) { return trim(line).empty(); }

// Lines without their "\n" or "\r\n"; a final newline does not start another line.
std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// Data cells are plain numbers, so a data row splits at every comma.
std::vector<std::string> split_plain(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = line.find(',', start);
        cells.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) return cells;
        start = comma + 1;
    }
}

// One header name starting at line[i] (bare, or "quoted" with "" for a quote); leaves i on the
// comma after it or at the end of the line.
std::string read_header_name(const std::string& line, std::size_t& i, std::size_t column, const std::string& path) {
    while (i < line.size() && is_space(line[i])) ++i;
    if (i >= line.size() || line[i] != '"') {
        std::size_t comma = std::min(line.find(',', i), line.size());
        std::string name = trim(line.substr(i, comma - i));
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

// The header: D names, none empty, no two alike.
std::vector<std::string> parse_header(const std::string& line, const std::string& path) {
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
        auto seen = first_column.find(names[j]);
        if (seen != first_column.end())
            fail(path, 1, column,
                 "duplicate column name " + quoted(names[j]) + ": columns " + std::to_string(seen->second) + " and " +
                     std::to_string(column) + " are both called " + quoted(names[j]));
        first_column[names[j]] = column;
    }
    return names;
}

// One data cell: a whole finite number, spaces around it allowed.
double parse_cell(const std::string& raw, const std::string& name, std::size_t line, std::size_t column,
                  const std::string& path) {
    const std::string cell = trim(raw);
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
    if (std::isnan(value))
        fail(path, line, column,
             "cell " + quoted(cell) + where + " is NaN; NaN is not allowed, every cell must be a finite number");
    if (std::isinf(value) && errno == ERANGE)
        fail(path, line, column,
             "cell " + quoted(cell) + where + " is too large for a double; infinite values are not allowed");
    if (std::isinf(value))
        fail(path, line, column, "cell " + quoted(cell) + where + " is infinite; infinite values are not allowed");
    return value;  // an underflow to 0 or a subnormal (errno ERANGE, finite) is a fine number
}

// One data row of D cells, appended to `data` (row-major, as Matrix stores it).
void parse_row(const std::string& line_text, std::size_t line, const std::vector<std::string>& names,
               const std::string& path, std::vector<double>& data) {
    const std::vector<std::string> cells = split_plain(line_text);
    const std::size_t D = names.size(), found = cells.size();
    const bool ends_with_comma = trim(line_text).back() == ',';
    if (found == D + 1 && ends_with_comma && trim(cells.back()).empty())
        fail(path, line, found,
             "trailing comma: the row ends with ',', which makes " + std::to_string(found) +
                 " fields but the header has " + std::to_string(D));
    if (found != D)
        fail(path, line, 0,
             "ragged row: found " + std::to_string(found) + " field" + (found == 1 ? "" : "s") + ", expected " +
                 std::to_string(D) + " (one per header column)");
    if (ends_with_comma && trim(cells.back()).empty())
        fail(path, line, D,
             "empty cell in column " + std::to_string(D) + " (" + quoted(names.back()) +
                 "); the row ends with a trailing comma");
    for (std::size_t j = 0; j < D; ++j) data.push_back(parse_cell(cells[j], names[j], line, j + 1, path));
}

}  // namespace

Table parse_csv(const std::string& file_text, const std::string& path) {
    const std::string bom = "\xEF\xBB\xBF";  // UTF-8 byte-order mark, as some spreadsheets write
    const bool has_bom = file_text.compare(0, bom.size(), bom) == 0;
    const std::vector<std::string> lines = split_lines(has_bom ? file_text.substr(bom.size()) : file_text);

    // blank lines at the end are allowed; n counts the lines up to the last one with text
    std::size_t n = lines.size();
    while (n > 0 && is_blank(lines[n - 1])) --n;
    if (n == 0) fail(path, 1, 0, "the file is empty; expected a header row of column names, then rows of numbers");
    if (is_blank(lines[0])) fail(path, 1, 0, "the first line is blank; it must hold the column names");

    Table table;
    table.path = path;
    table.names = parse_header(lines[0], path);
    const std::size_t D = table.names.size();
    if (n == 1)
        fail(path, 1, 0,
             "header only: no data rows follow the header (" + std::to_string(D) + " column" + (D == 1 ? "" : "s") +
                 ")");

    std::vector<double> data;
    data.reserve((n - 1) * D);
    for (std::size_t k = 1; k < n; ++k) {
        const std::size_t line = k + 1;  // 1-based
        if (is_blank(lines[k]))
            fail(path, line, 0,
                 "blank line in the middle of the data; blank lines are allowed only at the end of the file");
        parse_row(lines[k], line, table.names, path, data);
    }
    table.X = Matrix(n - 1, D, std::move(data));
    return table;
}

Table read_csv(const std::string& path, std::size_t max_bytes) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) fail(path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));
    std::string text;
    char buf[65536];
    std::size_t got = 0;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) {
        text.append(buf, got);
        if (text.size() > max_bytes) {  // e.g. /dev/zero, which never ends
            std::fclose(f);
            fail(path, 0, 0,
                 "the file is larger than " + std::to_string(max_bytes) +
                     " bytes; mlfs reads a CSV file into memory whole, so it stops here");
        }
    }
    const bool read_failed = std::ferror(f) != 0;
    const int read_errno = errno;  // e.g. EISDIR: fopen accepts a directory, reading it fails
    std::fclose(f);
    if (read_failed) fail(path, 0, 0, std::string("cannot read file: ") + std::strerror(read_errno));
    return parse_csv(text, path);
}

std::size_t column_index(const Table& table, const std::string& name) {
    for (std::size_t j = 0; j < table.names.size(); ++j)
        if (table.names[j] == name) return j;
    std::string available;
    for (const std::string& n : table.names) available += (available.empty() ? "" : ", ") + n;
    throw CsvError(table.path + ": no column named " + quoted(name) + "; the columns are: " + available);
}

Table select_columns(const Table& table, const std::vector<std::string>& names) {
    std::vector<std::size_t> js;
    for (std::size_t k = 0; k < names.size(); ++k) {
        for (std::size_t m = 0; m < k; ++m)
            if (names[m] == names[k])
                throw CsvError(table.path + ": column " + quoted(names[k]) + " was asked for twice");
        js.push_back(column_index(table, names[k]));
    }
    const std::size_t N = table.X.rows();
    Table out;
    out.names = names;
    out.path = table.path;
    out.X = Matrix(N, js.size());
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t k = 0; k < js.size(); ++k) out.X(i, k) = table.X(i, js[k]);
    return out;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The reference CSV reader of csv.hpp, parse_csv: it takes the whole text, splits it into lines,
// and checks the header and then every data row, every cell through strtod, stopping at the
// first problem with a message that points at it. read_csv, which streams (csv_stream.cpp), must
// give the same table and the same messages; tests/test_csv.cpp compares the two.
#include "io/csv.hpp"

#include <utility>

#include "io/csv_detail.hpp"

namespace mlfs {

using csv_detail::fail;
using csv_detail::is_blank;

namespace {

// Lines without their "\n" or "\r\n"; a final newline does not start another line.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

}  // namespace

Table parse_csv(const std::string& file_text, const std::string& path) {
    const std::string bom = "\xEF\xBB\xBF";  // UTF-8 byte-order mark, as some spreadsheets write
    std::string_view text = file_text;
    if (text.compare(0, bom.size(), bom) == 0) text.remove_prefix(bom.size());
    const std::vector<std::string_view> lines = split_lines(text);

    // blank lines at the end are allowed; n counts the lines up to the last one with text
    std::size_t n = lines.size();
    while (n > 0 && is_blank(lines[n - 1])) --n;
    if (n == 0) fail(path, 1, 0, "the file is empty; expected a header row of column names, then rows of numbers");
    if (is_blank(lines[0])) fail(path, 1, 0, "the first line is blank; it must hold the column names");

    Table table;
    table.path = path;
    table.names = csv_detail::parse_header(lines[0], path);
    const std::size_t D = table.names.size();
    if (n == 1)
        fail(path, 1, 0,
             "header only: no data rows follow the header (" + std::to_string(D) + " column" + (D == 1 ? "" : "s") +
                 ")");

    const csv_detail::RowPlan plan = csv_detail::plan_every_column(D);
    std::vector<double> data((n - 1) * D);
    for (std::size_t k = 1; k < n; ++k) {
        const std::size_t line = k + 1;  // 1-based
        if (is_blank(lines[k]))
            fail(path, line, 0,
                 "blank line in the middle of the data; blank lines are allowed only at the end of the file");
        csv_detail::parse_row(lines[k], line, plan, table.names, path, &data[(k - 1) * D]);
    }
    table.X = Matrix(n - 1, D, std::move(data));
    return table;
}

Table read_csv(const std::string& path, std::size_t max_bytes) {
    CsvColumns every;
    every.every_column = true;
    CsvOptions options;
    options.max_bytes = max_bytes;
    return read_csv_columns(path, every, options);
}

std::size_t column_index(const Table& table, const std::string& name) {
    return csv_detail::find_column(table.names, name, table.path);
}

Table select_columns(const Table& table, const std::vector<std::string>& names) {
    const std::vector<std::size_t> js = csv_detail::find_columns(table.names, names, table.path);
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

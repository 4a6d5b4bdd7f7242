// SPDX-License-Identifier: MIT
// Tests for the CSV reader (io/csv.hpp): good files in every accepted form (LF, CRLF, UTF-8 BOM,
// with and without a final newline, trailing blank lines, quoted header names), and every bad
// case, each checked for its exact message including FILE:LINE: (and the column where one
// applies). The bad files are the ones under tests/data/bad_csv/ that the cli_data_bad_csv test
// also feeds to the program; CRLF and BOM files are written by this test into a temp directory,
// so no file with CRLF endings needs to live in the repository.
// Then the streaming reader against the reference: every bundled CSV file, extreme numbers and
// every bad text give the same doubles bit for bit, or the same message, at block sizes that cut
// lines, CRLFs and the BOM anywhere; and reading some columns, skipping text, and progress.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "io/csv.hpp"
#include "io/csv_detail.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"
#include "tests/csv_outcome.hpp"

namespace fs = std::filesystem;
using mlfs::CsvError;
using mlfs::parse_csv;
using mlfs::read_csv;
using mlfs_test::Outcome;
using mlfs_test::outcome;
using mlfs_test::same_table;

namespace {

std::string bad(const std::string& name) { return mlfs::repo_root() + "/tests/data/bad_csv/" + name; }

// A fresh directory for the files this test writes; removed by the destructor.
struct TempDir {
    fs::path dir;
    TempDir() {
        std::random_device rd;  // a random suffix, so parallel runs never share the directory
        dir = fs::temp_directory_path() / ("mlfs_test_csv_" + std::to_string(rd()));
        fs::create_directories(dir);
    }
    ~TempDir() {
        std::error_code ec;  // best effort: a failed cleanup must not fail the test
        fs::remove_all(dir, ec);
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        const std::string path = (dir / name).string();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
};

// The 2 x 2 table "a,b / 1,2.5 / -3,4e-2" that every accepted spelling below must give.
void check_small(const mlfs::Table& t, const std::string& path) {
    CHECK(t.path == path);
    CHECK(t.names.size() == 2 && t.names[0] == "a" && t.names[1] == "b");
    CHECK(t.X.rows() == 2 && t.X.cols() == 2);
    if (t.X.rows() != 2 || t.X.cols() != 2) return;
    CHECK(t.X(0, 0) == 1.0 && t.X(0, 1) == 2.5 && t.X(1, 0) == -3.0 && t.X(1, 1) == 4e-2);
}

}  // namespace

TEST_CASE(good_file_from_repository) {
    const std::string path = mlfs::repo_root() + "/tests/data/good.csv";
    const mlfs::Table t = read_csv(path);
    CHECK(t.names == (std::vector<std::string>{"sepal_length", "sepal_width", "species"}));
    CHECK(t.X.rows() == 6 && t.X.cols() == 3);
    CHECK_NEAR(t.X(2, 0), 7.0, 0.0, "read exactly by strtod");
    CHECK_NEAR(t.X(5, 2), 2.0, 0.0, "read exactly by strtod");
}

TEST_CASE(line_endings_bom_and_final_newline) {
    TempDir tmp;
    const std::string bom = "\xEF\xBB\xBF";
    const char* cases[][2] = {
        {"lf.csv", "a,b\n1,2.5\n-3,4e-2\n"},
        {"lf_no_final_newline.csv", "a,b\n1,2.5\n-3,4e-2"},
        {"crlf.csv", "a,b\r\n1,2.5\r\n-3,4e-2\r\n"},
        {"crlf_no_final_newline.csv", "a,b\r\n1,2.5\r\n-3,4e-2"},
        {"trailing_blank_lines.csv", "a,b\n1,2.5\n-3,4e-2\n\n  \n\n"},
        {"crlf_trailing_blank_lines.csv", "a,b\r\n1,2.5\r\n-3,4e-2\r\n\r\n\r\n"},
        {"spaces.csv", " a , b \n 1 ,\t2.5\n-3 , 4e-2 \n"},
        {"quoted_names.csv", "\"a\", \"b\"\n1,2.5\n-3,4e-2\n"},
    };
    for (const auto& c : cases) {
        const std::string path = tmp.write(c[0], c[1]);
        check_small(read_csv(path), path);
    }
    const std::string bom_crlf = tmp.write("bom_crlf.csv", bom + "a,b\r\n1,2.5\r\n-3,4e-2\r\n");
    check_small(read_csv(bom_crlf), bom_crlf);
    const std::string bom_lf = tmp.write("bom_lf.csv", bom + "a,b\n1,2.5\n-3,4e-2");
    check_small(read_csv(bom_lf), bom_lf);
    // a BOM-only file is an empty file, and the BOM does not shift line numbers
    CHECK_THROWS(read_csv(tmp.write("bom_only.csv", bom)), CsvError, "bom_only.csv:1: the file is empty");
    CHECK_THROWS(parse_csv(bom + "a,b\r\n1,x\r\n", "m.csv"), CsvError, "m.csv:2:2: cell \"x\"");
}

TEST_CASE(quoted_header_names_keep_commas_and_quotes) {
    const mlfs::Table t = parse_csv("\"petal, length\",\"say \"\"hi\"\"\",plain\n1,2,3\n", "q.csv");
    CHECK(t.names.size() == 3);
    CHECK(t.names[0] == "petal, length");
    CHECK(t.names[1] == "say \"hi\"");
    CHECK(t.names[2] == "plain");
}

TEST_CASE(one_column_and_number_forms) {
    const mlfs::Table t = parse_csv("x\n0\n-0.5\n+7\n.25\n1E3\n1e-310\n", "one.csv");
    CHECK(t.X.rows() == 6 && t.X.cols() == 1);
    CHECK(t.X(2, 0) == 7.0 && t.X(3, 0) == 0.25 && t.X(4, 0) == 1000.0);
    CHECK(t.X(5, 0) > 0.0 && t.X(5, 0) < 1e-300);  // a subnormal is a finite number, accepted
}

TEST_CASE(every_bad_file_names_file_line_and_column) {
    const std::string p_empty = bad("empty.csv");
    CHECK_THROWS(read_csv(p_empty), CsvError,
                 p_empty + ":1: the file is empty; expected a header row of column names, then rows of numbers");
    const std::string p_header = bad("header_only.csv");
    CHECK_THROWS(read_csv(p_header), CsvError,
                 p_header + ":1: header only: no data rows follow the header (3 columns)");
    const std::string p_ragged = bad("ragged.csv");
    CHECK_THROWS(read_csv(p_ragged), CsvError,
                 p_ragged + ":3: ragged row: found 2 fields, expected 3 (one per header column)");
    const std::string p_text = bad("non_numeric.csv");
    CHECK_THROWS(read_csv(p_text), CsvError, p_text + ":3:2: cell \"abc\" in column 2 (\"b\") is not a number");
    const std::string p_nan = bad("nan_cell.csv");
    CHECK_THROWS(
        read_csv(p_nan), CsvError,
        p_nan +
            ":2:2: cell \"nan\" in column 2 (\"b\") is NaN; NaN is not allowed, every cell must be a finite number");
    const std::string p_inf = bad("inf_cell.csv");
    CHECK_THROWS(read_csv(p_inf), CsvError,
                 p_inf + ":3:1: cell \"-inf\" in column 1 (\"a\") is infinite; infinite values are not allowed");
    const std::string p_big = bad("overflow_cell.csv");
    CHECK_THROWS(
        read_csv(p_big), CsvError,
        p_big + ":3:1: cell \"1e999\" in column 1 (\"a\") is too large for a double; infinite values are not allowed");
    const std::string p_cell = bad("empty_cell.csv");
    CHECK_THROWS(read_csv(p_cell), CsvError,
                 p_cell + ":3:2: empty cell in column 2 (\"b\"); every cell needs a number");
    const std::string p_dup = bad("duplicate_column.csv");
    CHECK_THROWS(read_csv(p_dup), CsvError,
                 p_dup + ":1:3: duplicate column name \"x\": columns 1 and 3 are both called \"x\"");
    const std::string p_noname = bad("empty_column_name.csv");
    CHECK_THROWS(read_csv(p_noname), CsvError,
                 p_noname + ":1:2: empty column name in column 2; every column needs a name");
    const std::string p_comma = bad("trailing_comma.csv");
    CHECK_THROWS(read_csv(p_comma), CsvError,
                 p_comma + ":3:3: trailing comma: the row ends with ',', which makes 3 fields but the header has 2");
    const std::string p_hcomma = bad("header_trailing_comma.csv");
    CHECK_THROWS(read_csv(p_hcomma), CsvError,
                 p_hcomma + ":1:3: trailing comma: the header ends with ',', which leaves column 3 without a name");
    const std::string p_blank = bad("blank_line_middle.csv");
    CHECK_THROWS(read_csv(p_blank), CsvError,
                 p_blank +
                     ":3: blank line in the middle of the data; blank lines are allowed only at the end of the file");
    const std::string p_first = bad("blank_first_line.csv");
    CHECK_THROWS(read_csv(p_first), CsvError, p_first + ":1: the first line is blank; it must hold the column names");
    const std::string p_quote = bad("quoted_cell.csv");
    CHECK_THROWS(
        read_csv(p_quote), CsvError,
        p_quote +
            ":2:2: cell \"2\" in column 2 (\"b\") is in double quotes; only header names may be quoted, numbers must be bare");
}

TEST_CASE(missing_and_unreadable_files) {
    const std::string missing = bad("no_such_file.csv");
    CHECK_THROWS(read_csv(missing), CsvError, missing + ": cannot open file: No such file or directory");
    TempDir tmp;  // a directory opens like a file but cannot be read
    CHECK_THROWS(read_csv(tmp.dir.string()), CsvError, tmp.dir.string() + ": cannot read file: Is a directory");
}

TEST_CASE(more_bad_rows_and_headers) {
    CHECK_THROWS(parse_csv("a,b,c\n1,2,3,4\n", "m.csv"), CsvError,
                 "m.csv:2: ragged row: found 4 fields, expected 3 (one per header column)");
    CHECK_THROWS(parse_csv("a,b,c\n1,2,\n", "m.csv"), CsvError,
                 "m.csv:2:3: empty cell in column 3 (\"c\"); the row ends with a trailing comma");
    CHECK_THROWS(parse_csv("a,b\n1,2\n  \t\n3,4\n", "m.csv"), CsvError, "m.csv:3: blank line in the middle");
    CHECK_THROWS(parse_csv("a,b\n1 2,3\n", "m.csv"), CsvError,
                 "m.csv:2:1: cell \"1 2\" in column 1 (\"a\") is not a number");
    CHECK_THROWS(parse_csv("a,b\n1,2x\n", "m.csv"), CsvError, "m.csv:2:2: cell \"2x\"");
    CHECK_THROWS(parse_csv("a,b\n1,1\"5\n", "m.csv"), CsvError,
                 "m.csv:2:2: cell \"1\"5\" in column 2 (\"b\") contains a double quote");
    CHECK_THROWS(parse_csv("a,b\nNaN,1\n", "m.csv"), CsvError, "m.csv:2:1: cell \"NaN\" in column 1 (\"a\") is NaN");
    CHECK_THROWS(parse_csv("a,b\n1,Infinity\n", "m.csv"), CsvError,
                 "m.csv:2:2: cell \"Infinity\" in column 2 (\"b\") is infinite");
    CHECK_THROWS(parse_csv("\n\n\n", "m.csv"), CsvError, "m.csv:1: the file is empty");
    CHECK_THROWS(parse_csv("a,b\n\n\n", "m.csv"), CsvError,
                 "m.csv:1: header only: no data rows follow the header (2 columns)");
    CHECK_THROWS(parse_csv("\"a,b\n1\n", "m.csv"), CsvError,
                 "m.csv:1:1: column name has an opening double quote but no closing one");
    CHECK_THROWS(parse_csv("a,b\"c\n1,2\n", "m.csv"), CsvError,
                 "m.csv:1:2: column name \"b\"c\" has a stray double quote");
    CHECK_THROWS(parse_csv("\"a\"x,b\n1,2\n", "m.csv"), CsvError,
                 "m.csv:1:1: unexpected text after the closing quote of column name \"a\"");
    CHECK_THROWS(parse_csv("a,\"\"\n1,2\n", "m.csv"), CsvError, "m.csv:1:2: empty column name in column 2");
}

TEST_CASE(nul_and_control_bytes_in_cells) {
    // strtod stops at a NUL byte: "3\0" must not read as 3; the message shows the byte, uncut
    const std::string text("a,b\n1,3\0\n", 9);
    CHECK_THROWS(parse_csv(text, "n.csv"), CsvError, "n.csv:2:2: cell \"3\\x00\"");
    CHECK_THROWS(parse_csv("a,b\n1,2\v\n", "v.csv"), CsvError, "\"2\\x0b\"");
}

TEST_CASE(header_names_must_be_utf8) {
    CHECK(parse_csv("caf\xc3\xa9,\xe2\x82\xac,\xf0\x9f\x98\x80\n1,2,3\n", "u.csv").names[1] ==
          "\xe2\x82\xac");  // é, €, an emoji
    CHECK_THROWS(parse_csv("a,caf\xe9\n1,2\n", "l1.csv"), CsvError,
                 "l1.csv:1:2: column name \"caf\\xe9\" is not valid UTF-8 (byte 0xe9 at position 4");  // Latin-1 é
    CHECK_THROWS(parse_csv("\xc0\xafx\n1\n", "o.csv"), CsvError, "(byte 0xc0 at position 1");          // overlong '/'
    CHECK_THROWS(parse_csv("\xed\xa0\x80\n1\n", "s.csv"), CsvError, "(byte 0xed at position 1");       // a surrogate
    CHECK_THROWS(parse_csv("ab\xe2\x82\n1\n", "t.csv"), CsvError, "(byte 0xe2 at position 3");         // cut short
}

TEST_CASE(files_larger_than_the_cap_are_refused) {
    const std::string iris = mlfs::repo_root() + "/datasets/iris.csv";
    CHECK(mlfs::read_csv(iris).X.rows() == 150);
    CHECK_THROWS(mlfs::read_csv(iris, 100), CsvError, "the file is larger than 100 bytes");
}

TEST_CASE(column_lookup_and_selection) {
    const mlfs::Table t = parse_csv("a,b,c\n1,2,3\n4,5,6\n", "t.csv");
    CHECK(mlfs::column_index(t, "c") == 2);
    CHECK_THROWS(mlfs::column_index(t, "nope"), CsvError, "t.csv: no column named \"nope\"; the columns are: a, b, c");
    const mlfs::Table s = mlfs::select_columns(t, {"c", "a"});
    CHECK(s.names == (std::vector<std::string>{"c", "a"}) && s.path == "t.csv");
    CHECK(s.X.rows() == 2 && s.X.cols() == 2);
    CHECK(s.X(0, 0) == 3.0 && s.X(0, 1) == 1.0 && s.X(1, 0) == 6.0 && s.X(1, 1) == 4.0);
    CHECK_THROWS(mlfs::select_columns(t, {"a", "zz"}), CsvError, "t.csv: no column named \"zz\"");
    CHECK_THROWS(mlfs::select_columns(t, {"a", "a"}), CsvError, "t.csv: column \"a\" was asked for twice");
}

// ---- the streaming reader (read_csv, read_csv_columns) against the reference (parse_csv)

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

mlfs::Table read_every(const std::string& path, std::size_t block) {
    mlfs::CsvColumns every;
    every.every_column = true;
    mlfs::CsvOptions options;
    options.block_bytes = block;
    return mlfs::read_csv_columns(path, every, options);
}

// read_csv at block size `block` against parse_csv on the same bytes: the same table, bit for
// bit, or the same message.
void check_same_as_reference(const std::string& path, std::size_t block) {
    const Outcome ref = outcome([&] { return parse_csv(slurp(path), path); });
    const Outcome ours = outcome([&] { return read_every(path, block); });
    const bool same = ref.ok == ours.ok && ref.message == ours.message &&
                      (!ref.ok || same_table(ref.table, ours.table));
    CHECK_MSG(same, path + " in blocks of " + std::to_string(block) + ": reference \"" + ref.message + "\" vs ours \"" +
                        ours.message + "\"");
}

constexpr std::size_t kDefaultBlock = mlfs::kCsvBlockBytes;

}  // namespace

TEST_CASE(every_bundled_csv_reads_as_the_reference_reads_it) {
    std::size_t files = 0;
    for (const char* dir : {"/datasets", "/tests/data"}) {
        for (const auto& entry : fs::recursive_directory_iterator(mlfs::repo_root() + dir)) {
            if (entry.path().extension() != ".csv") continue;
            ++files;
            const std::string path = entry.path().string();
            for (std::size_t block : {std::size_t(1), std::size_t(7), std::size_t(4096), kDefaultBlock})
                if (block > 1 || fs::file_size(entry.path()) < 50000) check_same_as_reference(path, block);
        }
    }
    CHECK(files >= 30);  // 9 data sets and the test files: a moved folder must not pass by reading nothing
}

namespace {

// Cells that from_chars and strtod treat differently, or that are hard to round: the extremes of
// double, subnormals, halfway cases, long mantissas, and what from_chars leaves to strtod ('+',
// spaces). Hexadecimal cells and non-zero cells that round to 0 are errors (kRejectedCells).
const char* const kExtremeCells[] = {
    "4.9e-324",
    "5e-324",
    "2.4703282292062328e-324",
    "2.2250738585072014e-308",
    "2.2250738585072011e-308",
    "2.225073858507201136057409796709131975934819546351645648e-308",
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "-1.7976931348623157E+308",
    "-0.0",
    "-0",
    "0",
    "0.000",
    "+5",
    "+.5e1",
    " 1.5",
    "2.5 ",
    "\t-3\t",
    "9007199254740993",
    "9007199254740993.000000000000000000000001",
    "123456789012345678901234567890",
    "1.23456789012345678901234567890e-5",
    "0.1",
    "0.30000000000000004",
    "1e23",
    "8.98846567431158e307",
    "1.",
    ".5",
    "-.5e-3",
    "00012",
    "1e+0000000000000000001",
    "0.000000000000000000000000000000000000000000000000000000000000000000000000000001e78",
    "1.7976931348623157e-308"};

// Cells strtod reads that the reader refuses (issue #18): hexadecimal, and non-zero numbers that
// round to 0, each with the start of its message.
const char* const kRejectedCells[][2] = {{"0x1p-3", "is a hexadecimal number"},
                                         {"0X1.8P+1", "is a hexadecimal number"},
                                         {"-0x1p-1074", "is a hexadecimal number"},
                                         {"+0x10", "is a hexadecimal number"},
                                         {"1e-400", "is too small for a double"},
                                         {"-1e-400", "is too small for a double"},
                                         {"2.4703282292062327e-324", "is too small for a double"}};

// Some thousands of doubles of every magnitude written with 17 digits, and some in other forms.
std::vector<std::string> random_cells() {
    std::mt19937_64 rng(13);
    std::vector<std::string> cells;
    const char* const formats[] = {"%.17g", "%.17g", "%.17g", "%.16g", "%.25e", "%.3g", "%.12e", "%.17f"};
    for (int k = 0; cells.size() < 6000; ++k) {
        std::uint64_t bits = rng();
        if (k % 16 == 0) bits &= 0x800FFFFFFFFFFFFFull;  // a subnormal (or zero) now and then
        double x = 0.0;
        std::memcpy(&x, &bits, sizeof x);
        if (!std::isfinite(x)) continue;
        const char* format = formats[k % 8];
        if (std::strcmp(format, "%.17f") == 0 && std::fabs(x) > 1e30) format = "%.17g";  // not 300 digits
        char buf[400];
        std::snprintf(buf, sizeof buf, format, x);
        cells.push_back(buf);
    }
    return cells;
}

// strtod on the cell without the spaces around it, as the reference reads it.
double strtod_of(const std::string& cell) {
    const std::size_t b = cell.find_first_not_of(" \t"), e = cell.find_last_not_of(" \t");
    return std::strtod(cell.substr(b, e - b + 1).c_str(), nullptr);
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE(extreme_numbers_read_as_strtod_reads_them_bit_for_bit) {
    std::vector<std::string> cells(std::begin(kExtremeCells), std::end(kExtremeCells));
    for (const std::string& c : random_cells()) cells.push_back(c);
    const std::size_t D = 5;
    while (cells.size() % D != 0) cells.push_back("1");
    std::string text = "a,b,c,d,e\n";
    for (std::size_t k = 0; k < cells.size(); ++k) text += cells[k] + (k % D == D - 1 ? "\n" : ",");
    TempDir tmp;
    const std::string path = tmp.write("extreme.csv", text);
    for (std::size_t block : {std::size_t(3), std::size_t(1000), kDefaultBlock}) {
        const mlfs::Table t = read_every(path, block);
        CHECK(t.X.rows() * D == cells.size());
        std::size_t differ = 0;
        for (std::size_t k = 0; k < cells.size() && k < t.X.size(); ++k)
            if (!same_bits(t.X.data()[k], strtod_of(cells[k]))) ++differ;
        CHECK_MSG(differ == 0, std::to_string(differ) + " of " + std::to_string(cells.size()) +
                                   " cells differ from strtod in blocks of " + std::to_string(block));
    }
    CHECK(same_table(parse_csv(text, path), read_csv(path)));
    // the fast path's two spellings (from_chars, and strtod where a library lacks it) agree on every
    // cell that from_chars reads whole, which is when parse_row_fast keeps its number
    std::size_t fast = 0, disagree = 0;
    for (const std::string& c : cells) {
        const std::string cell(mlfs::csv_detail::trim(c));
        const std::string line = cell + "\n";  // read_number_strtod needs the '\n' that ends a line
        const char* end = line.data() + cell.size();
        double x = 0.0, y = 0.0;
        if (mlfs::csv_detail::read_number(line.data(), end, x) != end) continue;  // left to parse_row
        ++fast;
        if (mlfs::csv_detail::read_number_strtod(line.data(), end, y) != end || !same_bits(x, y)) ++disagree;
    }
    CHECK(fast > 5000);  // most cells take the fast path
    CHECK_MSG(disagree == 0, std::to_string(disagree) + " cells read differently by from_chars and strtod");
}

TEST_CASE(hexadecimal_and_underflowing_cells_are_errors_from_both_readers) {
    TempDir tmp;
    for (const auto& c : kRejectedCells) {
        const std::string path = tmp.write("rejected.csv", std::string("a,b\n1,") + c[0] + "\n");
        const std::string message = path + ":2:2: cell \"" + c[0] + "\" in column 2 (\"b\") " + c[1];
        CHECK_THROWS(parse_csv(std::string("a,b\n1,") + c[0] + "\n", path), CsvError, message);
        for (std::size_t block : {std::size_t(1), std::size_t(4), kDefaultBlock})
            CHECK_THROWS(read_every(path, block), CsvError, message);
    }
}

TEST_CASE(every_message_is_the_reference_message_wherever_the_blocks_end) {
    const std::string bom = "\xEF\xBB\xBF";
    const std::string texts[] = {"a,b,c\n1,2,3,4\n",
                                 "a,b,c\n1,2,\n",
                                 "a,b\n1,2\n  \t\n3,4\n",
                                 "a,b\n1 2,3\n",
                                 "a,b\n1,2x\n",
                                 "a,b\n1,1\"5\n",
                                 "a,b\nNaN,1\n",
                                 "a,b\n1,Infinity\n",
                                 "\n\n\n",
                                 "a,b\n\n\n",
                                 "\"a,b\n1\n",
                                 "a,b\"c\n1,2\n",
                                 "\"a\"x,b\n1,2\n",
                                 "a,\"\"\n1,2\n",
                                 std::string("a,b\n1,3\0\n", 9),
                                 "a,b\n1,2\v\n",
                                 "a,caf\xe9\n1,2\n",
                                 "ab\xe2\x82\n1\n",
                                 bom + "a,b\r\n1,x\r\n",
                                 bom,
                                 "\xEF\xBB",
                                 bom + "\r\n\r\na,b\n1,2\n",
                                 "a,b\r\n1,2\r\n\r\n3,4\r\n",
                                 "a,b\n1,2\r\r\n",
                                 "a,b\n1,2",
                                 "a,b\n1,2\n3,",
                                 "a,b\n 1 , 2 \n\n \n",
                                 "a,b\n\"1\",2\n",
                                 "a,b\n\"1,5\",2\n",
                                 "a\n1\n\n\n2\n",
                                 "a,b\n1,2\n3\n",
                                 "a,b\n1,2,\n",
                                 "a,b\n1,\n",
                                 "a,b,\n1,2\n",
                                 "a\n+5\n0x1p3\n1e-400\n1e999\n",
                                 "a\n\"\"\n",
                                 "a,b\n-,1\n",
                                 "a,b\r\n1,2\r",
                                 "\r\n",
                                 "a,b\n1,2\n\r\n\r",
                                 "x\n" + std::string(300, '7') + "\n"};
    TempDir tmp;
    for (std::size_t k = 0; k < std::size(texts); ++k) {
        const std::string path = tmp.write("m" + std::to_string(k) + ".csv", texts[k]);
        for (std::size_t block : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(5), kDefaultBlock})
            check_same_as_reference(path, block);
    }
}

TEST_CASE(lines_cut_by_every_block_size) {
    // rows of 1 to 40 characters, CRLF endings, no final newline: every block size from 1 to 64
    // cuts some row, some "\r\n" between its two bytes, and the last line
    std::mt19937 rng(7);
    std::string text = "\xEF\xBB\xBFx, y,z\r\n";
    for (int i = 0; i < 300; ++i) {
        for (int j = 0; j < 3; ++j) {
            const int digits = 1 + static_cast<int>(rng() % 12);
            std::string cell = (rng() % 2 ? "-" : "") + std::to_string(rng() % 10) + ".";
            for (int d = 0; d < digits; ++d) cell += static_cast<char>('0' + rng() % 10);
            text += (j ? "," : "") + std::string(rng() % 3, ' ') + cell + "e" + std::to_string(int(rng() % 40) - 20);
        }
        text += i + 1 < 300 ? "\r\n" : "";
    }
    TempDir tmp;
    const std::string path = tmp.write("cut.csv", text);
    for (std::size_t block = 1; block <= 64; ++block) check_same_as_reference(path, block);
    CHECK(read_csv(path).X.rows() == 300);
}

TEST_CASE(a_line_longer_than_the_cap_is_an_error_naming_it) {
    TempDir tmp;
    const std::string path = tmp.write("long.csv", "a,b\n1,2\n" + std::string(100, '1') + ",2\n3,4\n");
    mlfs::CsvColumns every;
    every.every_column = true;
    for (std::size_t block : {std::size_t(1), std::size_t(16), std::size_t(4096)}) {
        mlfs::CsvOptions options;
        options.max_line_bytes = 50;
        options.block_bytes = block;
        CHECK_THROWS(
            mlfs::read_csv_columns(path, every, options), CsvError,
            path + ":3: the line is longer than 50 bytes, more than any row of numbers needs; is this a CSV file?");
        options.max_line_bytes = 102;  // the line itself is 102 bytes
        CHECK(mlfs::read_csv_columns(path, every, options).X.rows() == 3);
    }
    // /dev/zero never ends and holds no '\n': the first line passes the cap (64 MiB) and that stops it
    if (fs::exists("/dev/zero"))
        CHECK_THROWS(read_csv("/dev/zero"), CsvError, "/dev/zero:1: the line is longer than 67108864 bytes");
}

namespace {

// A table with text columns: names with commas and quotes, an empty text cell, and numbers in
// the forms strtod alone reads.
const char* const kPeople = "id,name,x,comment,y\n"
                            "1,\"Smith, John\",1.5,\"said \"\"hi\"\", left\",2\n"
                            "2,plain text,-3,,4e-2\n"
                            "3,\"\",+8., \"spaces around\" ,+7\n";

mlfs::Table read_columns(const std::string& path, std::vector<std::string> names, std::size_t block = kDefaultBlock,
                         std::vector<std::string> required = {}) {
    mlfs::CsvColumns wanted;
    wanted.names = std::move(names);
    wanted.required = std::move(required);
    mlfs::CsvOptions options;
    options.block_bytes = block;
    return mlfs::read_csv_columns(path, wanted, options);
}

}  // namespace

TEST_CASE(named_columns_are_read_in_order_and_the_rest_skipped_unparsed) {
    TempDir tmp;
    const std::string path = tmp.write("people.csv", kPeople);
    for (std::size_t block : {std::size_t(1), std::size_t(5), kDefaultBlock}) {
        const mlfs::Table t = read_columns(path, {"y", "x"}, block);
        CHECK(t.names == (std::vector<std::string>{"y", "x"}) && t.text_columns.empty() && t.path == path);
        CHECK(t.X.rows() == 3 && t.X.cols() == 2);
        if (t.X.rows() != 3 || t.X.cols() != 2) continue;
        CHECK(t.X(0, 0) == 2.0 && t.X(0, 1) == 1.5 && t.X(1, 0) == 4e-2 && t.X(1, 1) == -3.0);
        CHECK(t.X(2, 0) == 7.0 && t.X(2, 1) == 8.0);  // "+7" and "+8." through strtod
    }
    CHECK_THROWS(read_columns(path, {"x", "zz"}), CsvError,
                 path + ": no column named \"zz\"; the columns are: id, name, x, comment, y");
    CHECK_THROWS(read_columns(path, {"x", "y", "x"}), CsvError, path + ": column \"x\" was asked for twice");
    // a read column holding text is the reference's error, naming line, column and name
    CHECK_THROWS(read_columns(path, {"x", "name"}), CsvError,
                 path + ":2:2: cell \"Smith, John\" in column 2 (\"name\") is in double quotes");
    const std::string labels = tmp.write("labels.csv", "a,label,b\n1,cat,2\n");
    CHECK_THROWS(read_columns(labels, {"label"}), CsvError,
                 labels + ":2:2: cell \"cat\" in column 2 (\"label\") is not a number");
    // the rules of rows still hold with quotes: the count of cells, quotes that do not close
    const std::string ragged = tmp.write("ragged.csv", "a,t\n1,\"x,y\",3\n");
    CHECK_THROWS(read_columns(ragged, {"a"}), CsvError, ragged + ":2: ragged row: found 3 fields, expected 2");
    const std::string spans = tmp.write("spans.csv", "a,t\n1,\"line one\nline two\"\n");
    CHECK_THROWS(read_columns(spans, {"a"}), CsvError,
                 spans + ":2:2: the quoted cell in column 2 (\"t\") has no closing quote on this line; a quoted cell "
                         "may not span lines");
    const std::string after = tmp.write("after.csv", "a,t\n1,\"x\"y\n");
    CHECK_THROWS(read_columns(after, {"a"}), CsvError,
                 after + ":2:2: unexpected text after the closing quote of the cell in column 2 (\"t\")");
    const std::string late = tmp.write("late.csv", "a,t\n1,x\n2 ,\"y\"\n\n3,4\n");
    CHECK_THROWS(read_columns(late, {"a"}), CsvError, late + ":4: blank line in the middle of the data");
}

// CsvColumns::text: class labels as the file writes them, one string per row, left out of X and
// names; also a column whose cells look like numbers (7) is text there, and never listed as skipped
TEST_CASE(a_text_column_is_read_as_labels) {
    TempDir tmp;
    const std::string path =
        tmp.write("pets.csv", "name,w,kind,n\n\"Tom, the \"\"cat\"\"\",4, cat ,1\nRex,30,\"dog\",2\nx,5,7,3\n");
    for (std::size_t block : {std::size_t(2), kDefaultBlock}) {
        mlfs::CsvColumns wanted;
        wanted.text = "kind";
        mlfs::CsvOptions options;
        options.block_bytes = block;
        mlfs::Table t = mlfs::read_csv_columns(path, wanted, options);
        CHECK(t.names == (std::vector<std::string>{"w", "n"}) && t.text_columns == std::vector<std::string>{"name"});
        CHECK(t.text == (std::vector<std::string>{" cat ", "dog", "7"}));  // as written, or unquoted
        CHECK(t.X.rows() == 3 && t.X.cols() == 2 && t.X(2, 0) == 5.0 && t.X(2, 1) == 3.0);
        wanted.names = {"n", "w"};
        t = mlfs::read_csv_columns(path, wanted, options);
        CHECK(t.names == (std::vector<std::string>{"n", "w"}) &&
              t.text == (std::vector<std::string>{" cat ", "dog", "7"}));
        wanted.text = "name";  // RFC 4180: the comma and the doubled quotes are the label's
        t = mlfs::read_csv_columns(path, wanted, options);
        CHECK(t.text == (std::vector<std::string>{"Tom, the \"cat\"", "Rex", "x"}));
    }
    mlfs::CsvColumns wanted;
    wanted.text = "nope";
    CHECK_THROWS(mlfs::read_csv_columns(path, wanted), CsvError, "no column named \"nope\"");
    wanted.text = "w";
    wanted.names = {"w"};
    CHECK_THROWS(mlfs::read_csv_columns(path, wanted), CsvError, "asked for both as numbers and as text");
    wanted.names.clear();
    wanted.text = "kind";
    CHECK_THROWS(mlfs::read_csv_columns(tmp.write("e.csv", "x,kind\n1,a\n2,\n"), wanted), CsvError,
                 ":3:2: empty cell in column 2 (\"kind\"): every row needs a label");
    CHECK_THROWS(mlfs::read_csv_columns(tmp.write("c.csv", "x,kind\n1,a\x01"
                                                           "b\n"),
                                        wanted),
                 CsvError, ":2:2: the label \"a\\x01b\" in column 2 (\"kind\") holds a control byte");
    CHECK_THROWS(mlfs::read_csv_columns(tmp.write("u.csv", "x,kind\n1,a\xff"
                                                           "b\n"),
                                        wanted),
                 CsvError, "is not valid UTF-8");
}

TEST_CASE(without_names_every_numeric_column_is_read_and_text_columns_listed) {
    TempDir tmp;
    const std::string path = tmp.write("people.csv", kPeople);
    for (std::size_t block : {std::size_t(2), kDefaultBlock}) {
        const mlfs::Table t = read_columns(path, {}, block);
        CHECK(t.names == (std::vector<std::string>{"id", "x", "y"}));
        CHECK(t.text_columns == (std::vector<std::string>{"name", "comment"}));
        CHECK(t.X.rows() == 3 && t.X.cols() == 3);
        if (t.X.rows() == 3 && t.X.cols() == 3) CHECK(t.X(2, 0) == 3.0 && t.X(2, 1) == 8.0 && t.X(2, 2) == 7.0);
    }
    CHECK(mlfs::skipped_text_note(read_columns(path, {})) ==
          path + ": skipped 2 text columns (name, comment): their first cells are not numbers");
    CHECK(mlfs::skipped_text_note(read_columns(path, {"x"})).empty());
    // a required column (a target) is read even when it holds text, so the text is an error
    CHECK_THROWS(read_columns(path, {}, kDefaultBlock, {"name"}), CsvError,
                 path + ":2:2: cell \"Smith, John\" in column 2 (\"name\") is in double quotes");
    CHECK_THROWS(read_columns(path, {}, kDefaultBlock, {"nope"}), CsvError, path + ": no column named \"nope\"");
    // a later text cell in a numeric column is an error; so are NaN and an empty first cell
    const std::string later = tmp.write("later.csv", "a,b,c\n1,2,u\n3,x,v\n");
    CHECK_THROWS(read_columns(later, {}), CsvError, later + ":3:2: cell \"x\" in column 2 (\"b\") is not a number");
    const std::string nan = tmp.write("nan.csv", "a,b\nnan,u\n");
    CHECK_THROWS(read_columns(nan, {}), CsvError, nan + ":2:1: cell \"nan\" in column 1 (\"a\") is NaN");
    const std::string gap = tmp.write("gap.csv", "a,b\n,u\n");
    CHECK_THROWS(read_columns(gap, {}), CsvError, gap + ":2:1: empty cell in column 1 (\"a\")");
    const std::string words = tmp.write("words.csv", "a,b\nx,y\n");
    CHECK_THROWS(read_columns(words, {}), CsvError, words + ":2: no numeric column");
    // the file's own errors come first as in read_csv
    const std::string header = tmp.write("header.csv", "a,b\n\n");
    CHECK_THROWS(read_columns(header, {}), CsvError, header + ":1: header only");
    CHECK_THROWS(read_columns(bad("ragged.csv"), {}), CsvError, ":3: ragged row: found 2 fields, expected 3");
}

TEST_CASE(progress_is_reported_as_the_file_is_read) {
    TempDir tmp;
    std::string text = "a,b\n";
    for (int i = 0; i < 1000; ++i) text += std::to_string(i) + ",0.5\n";
    const std::string path = tmp.write("progress.csv", text);
    std::vector<std::size_t> bytes, rows;
    bool done = false, done_last = true;
    mlfs::CsvOptions options;
    options.block_bytes = 100;
    options.progress_bytes = 1000;
    options.progress = [&](std::size_t b, std::size_t r, bool d) {
        done_last = !done;  // no call may follow the one marked done
        bytes.push_back(b), rows.push_back(r), done = d;
    };
    const mlfs::Table t = mlfs::read_csv_columns(path, {}, options);
    CHECK(t.X.rows() == 1000);
    CHECK(bytes.size() >= text.size() / 1000 && done && done_last);
    CHECK(!bytes.empty() && bytes.back() == text.size() && rows.back() == 1000);
    bool increasing = true;
    for (std::size_t k = 1; k < bytes.size(); ++k) increasing = increasing && bytes[k] > bytes[k - 1];
    CHECK(increasing);
}

// Issue #18: a control byte in a name (a NUL cut "a\0" to "a" when printed), a hexadecimal cell
// (strtod read 0x10 as 16) and a non-zero cell that rounds to 0 (1e-400) are errors at their cell,
// from both readers, at every block size.
TEST_CASE(control_bytes_hexadecimal_and_underflow_are_errors_at_their_cell) {
    const std::string p_nul = bad("control_byte_name.csv");
    const std::string nul = ":1:1: column name \"a\\x00\" contains a control byte (0x00 at position 2 of the name)";
    CHECK_THROWS(read_csv(p_nul), CsvError, p_nul + nul);
    CHECK_THROWS(read_columns(p_nul, {"b"}), CsvError, p_nul + nul);
    CHECK_THROWS(parse_csv("x,\"a\tb\"\n1,2\n", "t.csv"), CsvError,
                 "t.csv:1:2: column name \"a\\x09b\" contains a control byte (0x09 at position 2 of the name)");
    CHECK_THROWS(parse_csv("x,b\x7f\n1,2\n", "d.csv"), CsvError,
                 "d.csv:1:2: column name \"b\\x7f\" contains a control byte");
    const std::string p_hex = bad("hex_cell.csv");
    CHECK_THROWS(read_csv(p_hex), CsvError,
                 p_hex + ":3:2: cell \"0x10\" in column 2 (\"b\") is a hexadecimal number; only decimal numbers are "
                         "read (16 in decimal)");
    CHECK_THROWS(read_columns(p_hex, {"b"}), CsvError, p_hex + ":3:2: cell \"0x10\" in column 2");
    CHECK_THROWS(read_columns(p_hex, {}), CsvError, p_hex + ":3:2: cell \"0x10\" in column 2");
    CHECK_THROWS(parse_csv("a\n-0X1P3\n", "h.csv"), CsvError,
                 "h.csv:2:1: cell \"-0X1P3\" in column 1 (\"a\") is a hexadecimal");
    const std::string p_tiny = bad("underflow_cell.csv");
    CHECK_THROWS(read_csv(p_tiny), CsvError,
                 p_tiny + ":3:1: cell \"1e-400\" in column 1 (\"a\") is too small for a double: it is not 0 but would "
                          "be read as 0 (the smallest is 4.9e-324)");
    CHECK_THROWS(read_columns(p_tiny, {"a"}), CsvError, p_tiny + ":3:1: cell \"1e-400\"");
    CHECK_THROWS(parse_csv("a\n-0.0001e-320\n", "u.csv"), CsvError, "u.csv:2:1: cell \"-0.0001e-320\"");
    // zeros in any spelling and the subnormals (which keep their leading digits) are numbers
    const mlfs::Table z = parse_csv("a\n0e-400\n-0.000e999\n00\n4.9e-324\n2.5e-324\n", "z.csv");
    CHECK(z.X.rows() == 5 && z.X(0, 0) == 0.0 && z.X(1, 0) == 0.0 && z.X(2, 0) == 0.0);
    CHECK(z.X(3, 0) > 0.0 && z.X(4, 0) == z.X(3, 0));  // 2.5e-324 rounds up to the smallest subnormal
    for (std::size_t block : {std::size_t(1), std::size_t(3), kDefaultBlock}) {
        for (const std::string& p : {p_nul, p_hex, p_tiny}) check_same_as_reference(p, block);
    }
}

TEST_MAIN()

// SPDX-License-Identifier: MIT
// Tests for the CSV reader (io/csv.hpp): good files in every accepted form (LF, CRLF, UTF-8 BOM,
// with and without a final newline, trailing blank lines, quoted header names), and every bad
// case, each checked for its exact message including FILE:LINE: (and the column where one
// applies). The bad files are the ones under tests/data/bad_csv/ that the cli_data_bad_csv test
// also feeds to the program; CRLF and BOM files are written by this test into a temp directory,
// so no file with CRLF endings needs to live in the repository.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "io/csv.hpp"
#include "io/golden.hpp"
#include "tests/check.hpp"

namespace fs = std::filesystem;
using mlfs::CsvError;
using mlfs::parse_csv;
using mlfs::read_csv;

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

TEST_MAIN()

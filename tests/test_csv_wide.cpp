// SPDX-License-Identifier: MIT
// A wide table's header is handled in O(D) or O(D log D) (issue #18, item 1): with D = 200,000
// columns, every step that touches the names (the reader's plan for named columns, its plan for the
// numeric ones with a required target, select_columns, --features' repeat check) must finish in
// well under a second. Each used to search the names once per name asked for and compare each name
// with every earlier one, O(D^2): about 4e10 string comparisons here, minutes of work, where the
// ctest TIMEOUT of this test (CMakeLists.txt) stops it. Legend: D columns, 2 data rows.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "io/csv.hpp"
#include "tests/check.hpp"

namespace fs = std::filesystem;

namespace {

const std::size_t D = 200000;

std::vector<std::string> names() {
    std::vector<std::string> n;
    for (std::size_t j = 0; j < D; ++j) n.push_back("c" + std::to_string(j));
    return n;
}

// "c0,...,c199999" / "0,1,...,D-1" / "1,2,...,D": X(0, j) = j and X(1, j) = j + 1, written once
// into a temporary file that the destructor removes.
struct WideFile {
    std::string path;
    WideFile() {
        std::random_device rd;  // a random name, so parallel runs never share the file
        path = (fs::temp_directory_path() / ("mlfs_test_csv_wide_" + std::to_string(rd()) + ".csv")).string();
        std::string text;
        for (std::size_t row = 0; row < 3; ++row)
            for (std::size_t j = 0; j < D; ++j)
                text += (row == 0 ? "c" : "") + std::to_string(j + (row == 2)) + (j + 1 < D ? "," : "\n");
        std::ofstream(path, std::ios::binary) << text;
    }
    ~WideFile() {
        std::error_code ec;  // best effort: a failed cleanup must not fail the test
        fs::remove(path, ec);
    }
};

mlfs::CsvColumns columns(const std::vector<std::string>& names, const std::vector<std::string>& required) {
    mlfs::CsvColumns c;
    c.names = names;
    c.required = required;
    return c;
}

const WideFile& wide() {
    static const WideFile file;
    return file;
}

}  // namespace

TEST_CASE(every_column_by_name_in_reverse) {
    std::vector<std::string> wanted = names();
    std::reverse(wanted.begin(), wanted.end());
    const mlfs::Table t = mlfs::read_csv_columns(wide().path, columns(wanted, {}));
    CHECK(t.X.rows() == 2 && t.X.cols() == D);
    CHECK(t.names.front() == "c199999" && t.names.back() == "c0");
    CHECK(t.X(0, 0) == 199999.0 && t.X(1, 0) == 200000.0 && t.X(0, D - 1) == 0.0);
    wanted.push_back("c7");  // the repeat is still found, at the end of the list
    CHECK_THROWS(mlfs::read_csv_columns(wide().path, columns(wanted, {})), mlfs::CsvError,
                 ": column \"c7\" was asked for twice");
}

TEST_CASE(numeric_columns_with_a_required_target_then_select_the_features) {
    const mlfs::Table t = mlfs::read_csv_columns(wide().path, columns({}, {"c199999"}));  // as mlfs mlp reads
    CHECK(t.X.cols() == D && t.text_columns.empty());
    std::vector<std::string> features(t.names.begin(), t.names.end() - 1);  // every column but the target
    const mlfs::Table X = mlfs::select_columns(t, features);
    CHECK(X.X.rows() == 2 && X.X.cols() == D - 1);
    CHECK(X.X(1, D - 2) == double(D - 1));
    CHECK(mlfs::column_index(t, "c123456") == 123456);
    features.push_back("c0");
    CHECK_THROWS(mlfs::select_columns(t, features), mlfs::CsvError, ": column \"c0\" was asked for twice");
}

TEST_CASE(features_list_of_every_column) {
    mlfs::Args args("mlfs wide", "a command to test --features with.");
    std::string list;
    for (const std::string& n : names()) list += (list.empty() ? "" : ",") + n;
    CHECK(mlfs::parse_feature_names(list, args).size() == D);
}

TEST_MAIN()

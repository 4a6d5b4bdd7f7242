// SPDX-License-Identifier: MIT
// libFuzzer harness for the JSON reader (io/json_read.hpp): each input is a file's text. parse_json
// must either refuse it with a JsonParseError whose message starts "PATH:LINE:COLUMN: " or give a
// value that, written again with io/json.hpp (skipped if it holds a null, which the writer lacks),
// reads back as the same tree, numbers bit for bit. Anything else (another exception, a crash, a
// hang, a sanitizer report, a different tree) is a finding. Build and run: tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/json.hpp"
#include "io/json_read.hpp"
#include "tests/json_compare.hpp"

namespace {

// "input.json:12:5: ..." with line and column 1 or more
bool names_line_and_column(const std::string& message) {
    const std::string prefix = "input.json:";
    if (message.compare(0, prefix.size(), prefix) != 0) return false;
    std::size_t i = prefix.size();
    for (int field = 0; field < 2; ++field) {
        const std::size_t start = i;
        while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
        if (i == start || message[start] == '0' || i >= message.size() || message[i] != ':') return false;
        ++i;
    }
    return message.compare(i, 1, " ") == 0;
}

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "finding: %s\n%s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    mlfs::JsonValue v;
    try {
        v = mlfs::parse_json(text, "input.json");
    } catch (const mlfs::JsonParseError& e) {
        if (!names_line_and_column(e.what())) finding("a message without PATH:LINE:COLUMN", e.what());
        return 0;
    }
    mlfs::Json j = mlfs::Json::array();
    if (!mlfs_test::to_json(v, j)) return 0;  // holds a null
    const std::string again = j.dump();
    mlfs::JsonValue back;
    try {
        back = mlfs::parse_json(again, "again.json");
    } catch (const mlfs::JsonParseError& e) {
        finding("what the writer wrote is refused", std::string(e.what()) + "\n" + again);
    }
    if (!mlfs_test::identical(v, back)) finding("written and read back, the value changed", again);
    return 0;
}

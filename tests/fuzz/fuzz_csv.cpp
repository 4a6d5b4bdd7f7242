// SPDX-License-Identifier: MIT
// libFuzzer harness for the CSV readers (io/csv*): each input is a file's bytes. The reference reader
// (parse_csv) and the streaming one (read_csv, at a block size taken from the first byte, so lines,
// CRLFs and the BOM are cut anywhere) must both accept it with the same table, bit for bit, or both
// refuse it with a CsvError carrying the same message; read_csv_columns must also read the numeric
// columns, one column by name, and one column as text labels (the same at two block sizes, one
// non-empty label per row) without any other exception. Anything else (another exception, a
// crash, a sanitizer report, a disagreement) is a finding. Build and run: tests/fuzz/README.md.
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/csv.hpp"
#include "tests/csv_outcome.hpp"

namespace {

// The temporary file the streaming reader reads: one per process, in /dev/shm where it exists.
const std::string& scratch() {
    static const std::string path = [] {
        const char* dir = std::getenv("MLFS_FUZZ_DIR");
        return std::string(dir ? dir : "/tmp") + "/mlfs_fuzz_csv_" + std::to_string(getpid()) + ".csv";
    }();
    return path;
}

}  // namespace

using mlfs_test::Outcome;
using mlfs_test::outcome;
using mlfs_test::same_table;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string& path = scratch();
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) std::abort();
        if (std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) std::abort();
    }
    mlfs::CsvOptions options;
    options.block_bytes = size == 0 ? 1 : 1 + data[0] % 64;
    mlfs::CsvColumns every;
    every.every_column = true;
    const Outcome ref = outcome([&] { return mlfs::parse_csv(text, path); });
    const Outcome streamed = outcome([&] { return mlfs::read_csv_columns(path, every, options); });
    if (ref.ok != streamed.ok || (ref.ok && !same_table(ref.table, streamed.table)) ||
        (!ref.ok && ref.message != streamed.message)) {
        std::fprintf(stderr, "readers disagree:\n  parse_csv: %s\n  read_csv:  %s\n",
                     ref.ok ? "a table" : ref.message.c_str(), streamed.ok ? "a table" : streamed.message.c_str());
        std::abort();
    }
    const Outcome numeric = outcome([&] { return mlfs::read_csv_columns(path, {}, options); });
    if (numeric.ok && !numeric.table.names.empty()) {  // one of the columns it read, by name
        mlfs::CsvColumns one;
        one.names = {numeric.table.names.back()};
        const Outcome named = outcome([&] { return mlfs::read_csv_columns(path, one, options); });
        (void)named;
        // a text column (class labels, CsvColumns::text): a skipped text column if there is one, else
        // the first numeric one; read at two block sizes, it must give one label per row, none empty,
        // the same labels both times, and leave the column out of X and names
        mlfs::CsvColumns labels;
        labels.text = numeric.table.text_columns.empty() ? numeric.table.names.front()
                                                         : numeric.table.text_columns.front();
        mlfs::CsvOptions whole;
        const Outcome small = outcome([&] { return mlfs::read_csv_columns(path, labels, options); });
        const Outcome big = outcome([&] { return mlfs::read_csv_columns(path, labels, whole); });
        if (small.ok != big.ok || (small.ok && small.table.text != big.table.text) ||
            (!small.ok && small.message != big.message)) {
            std::fprintf(stderr, "the text column differs between block sizes\n");
            std::abort();
        }
        if (small.ok) {
            const mlfs::Table& t = small.table;
            bool good = t.text.size() == t.X.rows();
            for (const std::string& label : t.text) good = good && !label.empty();
            for (const std::string& name : t.names) good = good && name != labels.text;
            if (!good) {
                std::fprintf(stderr, "a text column read wrongly\n");
                std::abort();
            }
        }
    }
    return 0;
}

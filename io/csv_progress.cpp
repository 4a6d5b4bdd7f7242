// SPDX-License-Identifier: MIT
// What a command line shows about a CSV read (csv.hpp): the text columns skipped, and the progress
// of a long read, on stderr only, so that stdout stays what the command prints (one JSON object).
#include "io/csv.hpp"

#include <chrono>
#include <cstdio>

namespace mlfs {

std::string skipped_text_note(const Table& table) {
    const std::size_t n = table.text_columns.size();
    if (n == 0) return "";
    std::string names;
    for (const std::string& name : table.text_columns) names += (names.empty() ? "" : ", ") + name;
    return table.path + ": skipped " + std::to_string(n) + " text column" + (n == 1 ? "" : "s") + " (" + names +
           "): " + (n == 1 ? "its first cell is not a number" : "their first cells are not numbers");
}

CsvProgress progress_on_stderr(const std::string& path) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    return [path, start, last = start](std::size_t bytes, std::size_t rows, bool done) mutable {
        const Clock::time_point now = Clock::now();
        const double seconds = std::chrono::duration<double>(now - start).count();
        if (seconds < 1.0 || (!done && now - last < std::chrono::seconds(1))) return;
        last = now;
        const double mb = static_cast<double>(bytes) / 1e6;
        if (done)
            std::fprintf(stderr, "read %s: %zu rows, %.0f MB in %.1f s, %.0f MB/s\n", path.c_str(), rows, mb, seconds,
                         mb / seconds);
        else std::fprintf(stderr, "reading %s: %zu rows, %.0f MB, %.0f MB/s\n", path.c_str(), rows, mb, mb / seconds);
    };
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// write_file_whole of write_file.hpp: write a temporary file beside the target, then rename.
#include "io/write_file.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace mlfs {

void write_file_whole(const std::string& path, const std::string& text, const std::string& what) {
    static std::atomic<unsigned> counter{0};
    // beside the target, so that the rename stays on one file system (and is atomic there); the
    // clock and a counter make the name unique to this write
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    const std::string tmp = path + ".tmp-" + std::to_string(now) + "-" + std::to_string(counter.fetch_add(1));
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw WriteError(path + ": cannot write the " + what + " (" + std::strerror(errno) + ")");
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const int write_errno = errno;
    const bool closed = std::fclose(f) == 0;  // a full disk may only show here, when the buffer is flushed
    const int close_errno = errno;
    if (!written || !closed) {
        std::remove(tmp.c_str());
        throw WriteError(path + ": writing the " + what + " failed (" +
                         std::strerror(!written ? write_errno : close_errno) + "); nothing was written");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int rename_errno = errno;
        std::remove(tmp.c_str());
        throw WriteError(path + ": cannot write the " + what + " (" + std::strerror(rename_errno) + ")");
    }
}

}  // namespace mlfs

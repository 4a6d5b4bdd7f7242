// SPDX-License-Identifier: MIT
// libFuzzer harness for the NIST StRD reader (io/nist*): each input is a file's bytes, prefixed by
// the 30 lines before the certified values when it has fewer than 61 lines of its own, so that most
// inputs reach the parsing of lines 31-60 and the data. read_nist must return a data set or throw
// std::runtime_error naming the file and a line; anything else (std::out_of_range, a crash, a
// sanitizer report, a message without "FILE:") is a finding. Build and run: tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "io/nist.hpp"

namespace {

const std::string& scratch() {
    static const std::string path = [] {
        const char* dir = std::getenv("MLFS_FUZZ_DIR");
        return std::string(dir ? dir : "/tmp") + "/mlfs_fuzz_nist_" + std::to_string(getpid()) + ".dat";
    }();
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    if (lines < 61) {  // the first line as NIST writes it, then blank lines up to line 31
        std::string head = "NIST/ITL StRD\r\n";
        for (int k = 2; k <= 30; ++k) head += "\r\n";
        text = head + text;
    }
    const std::string& path = scratch();
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) std::abort();
        if (std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) std::abort();
    }
    try {
        const mlfs::NistDataset d = mlfs::read_nist(path);
        if (d.X.rows() != d.y.size() || d.X.cols() == 0 || d.certified_coef.size() != d.certified_sd.size())
            std::abort();  // a data set the fits could not use
    } catch (const std::runtime_error& e) {
        if (std::string(e.what()).rfind(path + ":", 0) != 0) {
            std::fprintf(stderr, "message without the file and line: %s\n", e.what());
            std::abort();
        }
    }  // any other exception escapes: libFuzzer reports it as a crash
    return 0;
}

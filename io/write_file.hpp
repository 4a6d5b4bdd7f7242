// SPDX-License-Identifier: MIT
// Writing an output file whole or not at all: the text goes to a temporary file beside `path`
// (PATH.tmp-CLOCK-N), which is renamed over `path` only once every byte is written and the file is
// closed. A full disk, a lost mount or an exception leaves no half-written PATH behind (and no
// temporary either): readers of the folder see the old file, or none, or the new one.
//
//   mlfs::write_file_whole("out/plot.svg", svg, "the SVG file");   // throws WriteError naming the file
#pragma once

#include <stdexcept>
#include <string>

namespace mlfs {

struct WriteError : std::runtime_error {
    explicit WriteError(const std::string& message) : std::runtime_error(message) {}
};

// `what` names the kind of file in messages: "PATH: cannot write the SVG file (No space left on device)".
void write_file_whole(const std::string& path, const std::string& text, const std::string& what);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Where the repository's data lives: datasets/ and tests/golden/ are found under repo_root().
// CMake builds compile the source path in (MLFS_ROOT); the bare-compiler build runs from the
// repository root ("."); the environment variable MLFS_ROOT overrides both, so the program and the
// tests can run from anywhere. Header-only, so a test builds with one compiler command.
#pragma once

#include <cstdlib>
#include <string>

#ifndef MLFS_ROOT
#define MLFS_ROOT "."  // the bare-compiler build runs from the repository root
#endif

namespace mlfs {

// The repository root: $MLFS_ROOT if set, else the path compiled in.
inline std::string repo_root() {
    const char* env = std::getenv("MLFS_ROOT");
    return env && *env ? env : MLFS_ROOT;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The program's version, printed by `mlfs --version`. Keep it equal to project(mlfs VERSION ...)
// in CMakeLists.txt; a plain macro so the bare-compiler build needs no generated header.
#pragma once

#define MLFS_VERSION "0.1.0"

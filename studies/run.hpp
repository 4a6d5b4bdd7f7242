// SPDX-License-Identifier: MIT
// Running case studies: `mlfs tour` runs all four, `mlfs kmeans --out DIR` (and linreg, mlp) one.
// Each study prints its sections and writes its plots into the output folder; then the summary
// table (studies/summary.hpp) is printed and OUT/index.html (studies/index_html.hpp) written.
// Exit codes are the caller's (cli/): these return whether every comparison was ok.
#pragma once

#include <string>
#include <vector>

#include "studies/summary.hpp"

namespace mlfs {

// Creates out_dir, runs the studies in order, prints the summary table, writes out_dir/index.html
// (every plot in the folder with its caption, and the table; `version` names the program that
// wrote it); returns true when every comparison is ok. An output folder that cannot be created or
// written throws std::runtime_error naming it.
bool run_case_studies(const std::string& out_dir, const std::vector<CaseStudy>& studies, const std::string& version);

// The same for studies without headings (one study's own command: `mlfs kmeans --out DIR`).
bool run_studies(const std::string& out_dir, const std::vector<Study>& studies, const std::string& version);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The linear-algebra case study of `mlfs tour` (derivations/linear_algebra.md): Cholesky,
// Gauss-Jordan and Householder QR on Hilbert systems whose exact solutions are known, our
// condition-number estimate against the exact one, and each solver against numpy/scipy goldens.
#pragma once

#include <string>

#include "studies/summary.hpp"

namespace mlfs {

// Prints the study to stdout, writes its plots into out_dir, appends its comparisons to summary.
void run_linalg_study(const std::string& out_dir, Summary& summary);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The tour's summary: one row per quantity that a case study compares with its reference
// (numpy, scipy, scikit-learn or an exact value), printed as one table at the end of `mlfs tour`.
#pragma once

#include <string>
#include <vector>

namespace mlfs {

struct SummaryRow {
    std::string quantity;   // "spd6: Cholesky factor L, max |ours - scipy|"
    double ours = 0.0;
    double reference = 0.0;
    double difference = 0.0;  // what is compared with the tolerance (absolute unless `relative`)
    double tolerance = 0.0;
    bool relative = false;
    bool ok() const { return difference <= tolerance; }  // NaN is never ok
};

using Summary = std::vector<SummaryRow>;

// Prints the table: quantity, ours, reference, difference, tolerance, verdict ("ok" / "FAIL").
void print_summary(const Summary& summary);

// A case study: prints its sections, writes its plots into the folder, appends its comparisons.
using Study = void (*)(const std::string& out_dir, Summary& summary);

// Creates out_dir, runs the studies in order, prints the summary table; returns kExitOk when every
// comparison is ok, kExitFailure otherwise (cli/commands.hpp).
int run_studies(const std::string& out_dir, const std::vector<Study>& studies);

}  // namespace mlfs

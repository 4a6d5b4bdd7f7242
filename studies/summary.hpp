// SPDX-License-Identifier: MIT
// The case studies' summary: one row per quantity that a study compares with its reference
// (scikit-learn, statsmodels, numpy, scipy, NIST's certified values or an exact value), printed as
// one table, grouped by study, at the end of `mlfs tour` (and of `mlfs linreg`, `kmeans`, `mlp`),
// and written with every plot of the run into OUT/index.html (studies/index_html.hpp); the run
// itself is studies/run.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace mlfs {

struct SummaryRow {
    SummaryRow() = default;
    SummaryRow(std::string quantity_, double ours_, double reference_, double difference_, double tolerance_,
               bool relative_, std::string source_ = "")
        : quantity(std::move(quantity_)),
          ours(ours_),
          reference(reference_),
          difference(difference_),
          tolerance(tolerance_),
          relative(relative_),
          source(std::move(source_)) {}

    std::string quantity;  // "spd6: Cholesky factor L"
    double ours = 0.0;
    double reference = 0.0;
    double difference = 0.0;  // what is compared with the tolerance (absolute unless `relative`)
    double tolerance = 0.0;
    bool relative = false;
    std::string source;  // who computed the reference ("scipy"); empty: the study's usual one
    bool ok() const { return difference <= tolerance; }  // NaN is never ok
};

using Summary = std::vector<SummaryRow>;

// A case study: prints its sections, writes its plots into the folder, appends its comparisons.
using Study = void (*)(const std::string& out_dir, Summary& summary);

// A study as a run lists it: a heading, the reference of its rows that name none, and the code.
struct CaseStudy {
    std::string name;    // "k-means (derivations/kmeans.md)"; empty: no heading
    std::string source;  // "scikit-learn"
    Study run;
};

// What one study did in a run: its rows (each with its source filled in) and the plots it wrote,
// as paths relative to the output folder ("kmeans_elbow.svg", "mlp/curves.svg"), in name order.
struct StudyResult {
    std::string name;
    Summary rows;
    std::vector<std::string> plots;
};

// The summary table in `width` columns: quantity, ours, reference, source, difference, tolerance,
// verdict ("ok" / "FAIL"), with a heading line per named study. A quantity too long for its column
// gets a line of its own, its numbers on the next, so it is never cut (and can be searched for).
void print_summary(const std::vector<StudyResult>& results, std::size_t width = 100);

// A row's numbers as both tables print them: %.6g for ours and reference, %.2e for difference
// and tolerance; and its verdict, "ok" or "FAIL".
struct SummaryCells {
    std::string ours, reference, difference, tolerance, verdict;
};
SummaryCells format_cells(const SummaryRow& row);

// The number of rows over every study, and of those that are not ok.
std::size_t count_rows(const std::vector<StudyResult>& results);
std::size_t count_failed(const std::vector<StudyResult>& results);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The summary table of a run of case studies (studies/summary.hpp).
#include "studies/summary.hpp"

#include <algorithm>
#include <cstdio>

#include "linalg/format.hpp"

namespace mlfs {

namespace {

// The columns after the quantity: ours, reference, source, difference, tolerance, verdict.
struct Widths {
    std::size_t ours = 4, reference = 9, source = 6, difference = 10, tolerance = 9;
};

Widths widths_of(const std::vector<StudyResult>& results) {
    Widths w;
    for (const StudyResult& study : results)
        for (const SummaryRow& row : study.rows) {
            const SummaryCells c = format_cells(row);
            w.ours = std::max(w.ours, c.ours.size());
            w.reference = std::max(w.reference, c.reference.size());
            w.source = std::max(w.source, row.source.size());
            w.difference = std::max(w.difference, c.difference.size());
            w.tolerance = std::max(w.tolerance, c.tolerance.size());
        }
    return w;
}

void print_line(const std::string& quantity, std::size_t q, const Widths& w, const SummaryCells& c,
                const std::string& source) {
    std::printf("%-*s %*s %*s  %-*s %*s %*s  %s\n", static_cast<int>(q), quantity.c_str(), static_cast<int>(w.ours),
                c.ours.c_str(), static_cast<int>(w.reference), c.reference.c_str(), static_cast<int>(w.source),
                source.c_str(), static_cast<int>(w.difference), c.difference.c_str(), static_cast<int>(w.tolerance),
                c.tolerance.c_str(), c.verdict.c_str());
}

}  // namespace

SummaryCells format_cells(const SummaryRow& row) {
    return {format_table(row.ours), format_table(row.reference), format_sci(row.difference), format_sci(row.tolerance),
            row.ok() ? "ok" : "FAIL"};
}

std::size_t count_rows(const std::vector<StudyResult>& results) {
    std::size_t n = 0;
    for (const StudyResult& study : results) n += study.rows.size();
    return n;
}

std::size_t count_failed(const std::vector<StudyResult>& results) {
    std::size_t n = 0;
    for (const StudyResult& study : results)
        for (const SummaryRow& row : study.rows) n += row.ok() ? 0 : 1;
    return n;
}

void print_summary(const std::vector<StudyResult>& results, std::size_t width) {
    const Widths w = widths_of(results);
    const std::size_t rest = w.ours + w.reference + w.source + w.difference + w.tolerance + 8 +
                             7;                                   // 8 spaces, "verdict"
    const std::size_t q = width > rest + 24 ? width - rest : 24;  // the quantity's column, at least 24
    print_line("quantity", q, w, {"ours", "reference", "difference", "tolerance", "verdict"}, "source");
    for (const StudyResult& study : results) {
        if (!study.name.empty()) std::printf("-- %s\n", study.name.c_str());
        for (const SummaryRow& row : study.rows) {
            const bool long_name = row.quantity.size() > q;
            if (long_name) std::printf("%s\n", row.quantity.c_str());
            print_line(long_name ? "" : row.quantity, q, w, format_cells(row), row.source);
        }
    }
    std::printf("\ndifference: the largest |ours - reference| over the entries compared, divided by |reference|\n"
                "where the quantity says rel; the verdict is ok when the difference is at most the tolerance.\n");
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Running case studies and printing their summary table (cli/summary.hpp).
#include "cli/summary.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/index_html.hpp"

namespace mlfs {

namespace {

std::string format(const char* spec, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, spec, v);
    return buf;
}

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

// Checks that out_dir can be written before any study runs, so a bad --out fails at once.
void require_writable(const std::string& out_dir) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) throw std::runtime_error(out_dir + ": cannot create the output folder: " + ec.message());
    if (!std::filesystem::is_directory(out_dir, ec))
        throw std::runtime_error(out_dir + ": the output folder is not a folder");
    const std::filesystem::path probe = std::filesystem::path(out_dir) / ".mlfs-write-test";
    std::ofstream(probe.string()).put('\n');
    if (!std::filesystem::exists(probe, ec))
        throw std::runtime_error(out_dir + ": cannot write into the output folder");
    std::filesystem::remove(probe, ec);
}

}  // namespace

SummaryCells format_cells(const SummaryRow& row) {
    return {format("%.6g", row.ours), format("%.6g", row.reference), format("%.2e", row.difference),
            format("%.2e", row.tolerance), row.ok() ? "ok" : "FAIL"};
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
    const std::size_t rest = w.ours + w.reference + w.source + w.difference + w.tolerance + 8 + 7;  // 8 spaces, "verdict"
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

int run_case_studies(const std::string& out_dir, const std::vector<CaseStudy>& studies) {
    require_writable(out_dir);
    std::vector<StudyResult> results;
    for (const CaseStudy& study : studies) {
        const FileTimes before = svg_files(out_dir);
        StudyResult r{study.name, {}, {}};
        study.run(out_dir, r.rows);
        for (SummaryRow& row : r.rows)
            if (row.source.empty()) row.source = study.source;
        r.plots = written_since(before, svg_files(out_dir));
        results.push_back(std::move(r));
    }
    std::printf("\n== Summary: ours vs reference ==\n\n");
    print_summary(results);
    const IndexReport index = write_index_html(out_dir, results);
    const std::size_t rows = count_rows(results), failed = count_failed(results);
    std::printf("\n%zu of %zu comparisons ok; plots in %s/: %zu SVG files, shown with their captions in index.html\n",
                rows - failed, rows, out_dir.c_str(), index.plots);
    for (const std::string& plot : index.uncaptioned)
        std::fprintf(stderr, "warning: %s/%s has no caption (no <desc>); give it one where it is made "
                             "(Plot::set_caption, or svg_title_and_desc in cli/svg.hpp)\n", out_dir.c_str(), plot.c_str());
    for (const std::string& plot : index.not_from_this_run)
        std::fprintf(stderr, "warning: %s/%s was not written by this run; index.html lists it last\n",
                     out_dir.c_str(), plot.c_str());
    return failed == 0 ? kExitOk : kExitFailure;
}

int run_studies(const std::string& out_dir, const std::vector<Study>& studies) {
    std::vector<CaseStudy> unnamed;
    for (Study study : studies) unnamed.push_back({"", "", study});
    return run_case_studies(out_dir, unnamed);
}

}  // namespace mlfs

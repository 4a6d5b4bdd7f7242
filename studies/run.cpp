// SPDX-License-Identifier: MIT
// Running case studies (studies/run.hpp): each study in turn, then the summary table and
// OUT/index.html.
#include "studies/run.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "studies/index_html.hpp"

namespace mlfs {

namespace {

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

bool run_case_studies(const std::string& out_dir, const std::vector<CaseStudy>& studies, const std::string& version) {
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
    const IndexReport index = write_index_html(out_dir, results, version);
    const std::size_t rows = count_rows(results), failed = count_failed(results);
    std::printf("\n%zu of %zu comparisons ok; plots in %s/: %zu SVG files, shown with their captions in index.html\n",
                rows - failed, rows, out_dir.c_str(), index.plots);
    for (const std::string& plot : index.uncaptioned)
        std::fprintf(stderr,
                     "warning: %s/%s has no caption (no <desc>); give it one where it is made "
                     "(Plot::set_caption, or svg_title_and_desc in io/svg.hpp)\n",
                     out_dir.c_str(), plot.c_str());
    for (const std::string& plot : index.not_from_this_run)
        std::fprintf(stderr, "warning: %s/%s was not written by this run; index.html lists it last\n", out_dir.c_str(),
                     plot.c_str());
    return failed == 0;
}

bool run_studies(const std::string& out_dir, const std::vector<Study>& studies, const std::string& version) {
    std::vector<CaseStudy> unnamed;
    for (Study study : studies) unnamed.push_back({"", "", study});
    return run_case_studies(out_dir, unnamed, version);
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// OUT/index.html for a run of case studies (`mlfs tour --out OUT`): the summary table with coloured
// verdicts, then every plot of each study (in name order), each with its title and caption,
// then any other SVG in the folder. Plain HTML and CSS, no script, nothing fetched from outside;
// the plots are <img src="relative/path.svg">, so the folder can be moved or zipped as it is.
//
// The captions come from the plots themselves: the <title> and <desc> that Plot writes
// (Plot::set_caption) or that a hand-written SVG carries (svg_title_and_desc, io/svg.hpp). The
// page lists every .svg under OUT, in subfolders too, so a new plot cannot be left out; one without
// a <desc> is shown with a "no caption" note and reported.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "studies/summary.hpp"

namespace mlfs {

// Every .svg under dir, in subfolders too: its path relative to dir, with '/' between folders,
// and its last write time.
using FileTimes = std::map<std::string, std::filesystem::file_time_type>;
FileTimes svg_files(const std::string& dir);

// The files of `after` that are new or rewritten since `before`, in name order (the file system's
// clock is too coarse to order files written a few milliseconds apart).
std::vector<std::string> written_since(const FileTimes& before, const FileTimes& after);

struct IndexReport {
    std::size_t plots = 0;                       // every .svg in the folder, each shown once
    std::vector<std::string> uncaptioned;        // plots without a <desc>
    std::vector<std::string> not_from_this_run;  // plots in the folder that no study wrote
};

// The page as text; out_dir is where the plots are read from (for their titles and captions);
// version names the program that wrote it ("0.1.0").
std::string index_html(const std::string& out_dir, const std::vector<StudyResult>& results, const std::string& version,
                       IndexReport& report);

// Writes out_dir/index.html; throws std::runtime_error naming the file if it cannot.
IndexReport write_index_html(const std::string& out_dir, const std::vector<StudyResult>& results,
                             const std::string& version);

}  // namespace mlfs

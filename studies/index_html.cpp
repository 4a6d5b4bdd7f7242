// SPDX-License-Identifier: MIT
// OUT/index.html (studies/index_html.hpp): the page is built top-down, (1) the head and its style
// sheet, (2) the contents, (3) the summary table, (4) one section of figures per study, (5) the
// SVGs in the folder that no study of this run wrote.
#include "studies/index_html.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "io/svg.hpp"
#include "io/write_file.hpp"

namespace mlfs {

namespace {

namespace fs = std::filesystem;

std::string html(const std::string& s) { return xml_escape(s); }

// A relative path as a URL: '/' separates folders, bytes other than letters, digits and -._~ are
// percent-encoded (a space is %20).
std::string url(const std::string& path) {
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* const kStyle = R"(body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       margin: 0; background: #f6f6f4; line-height: 1.45; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; background: white; }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #ddd; font-size: 21px; }
nav { margin: 12px 0 8px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
nav a { white-space: nowrap; }
code, .num { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #999; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.study th { background: #eef2f6; font-weight: 600; padding-top: 6px; }
td.verdict { font-weight: 600; text-align: center; border-radius: 3px; }
td.ok { color: #11612b; background: #dcf3e2; }
td.fail { color: #9b1111; background: #fbdcdc; }
p.note { color: #555; font-size: 14px; }
figure { margin: 0 0 28px; padding: 12px; border: 1px solid #ddd; border-radius: 4px; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { margin-top: 8px; font-size: 15px; }
figcaption .file { color: #777; font-size: 12px; margin-left: 6px; }
.missing { color: #9b1111; font-weight: 600; }
)";

// "study-2", the anchor of the second study's section
std::string anchor(std::size_t k) { return "study-" + std::to_string(k + 1); }

std::string heading(const StudyResult& study) { return study.name.empty() ? "Plots" : study.name; }

// "k-means", the heading without its parenthesis, for the contents
std::string short_heading(const StudyResult& study) { return heading(study).substr(0, heading(study).find(" (")); }

// (3) the summary table: one heading row per named study, the verdict cells coloured
std::string summary_table(const std::vector<StudyResult>& results) {
    std::string s = "<table>\n<thead><tr><th>quantity</th><th class=\"num\">ours</th><th class=\"num\">reference</th>"
                    "<th>source</th><th class=\"num\">difference</th><th class=\"num\">tolerance</th>"
                    "<th>verdict</th></tr></thead>\n<tbody>\n";
    for (const StudyResult& study : results) {
        if (!study.name.empty()) s += "<tr class=\"study\"><th colspan=\"7\">" + html(study.name) + "</th></tr>\n";
        for (const SummaryRow& row : study.rows) {
            const SummaryCells c = format_cells(row);
            s += "<tr><td>" + html(row.quantity) + "</td><td class=\"num\">" + html(c.ours) +
                 "</td><td class=\"num\">" + html(c.reference) + "</td><td>" + html(row.source) +
                 "</td><td class=\"num\">" + html(c.difference) + "</td><td class=\"num\">" + html(c.tolerance) +
                 "</td><td class=\"verdict " + (row.ok() ? "ok" : "fail") + "\">" + c.verdict + "</td></tr>\n";
        }
    }
    return s + "</tbody>\n</table>\n";
}

// One plot: the image, then its title and caption read back from the SVG.
std::string figure(const std::string& out_dir, const std::string& plot, IndexReport& report) {
    const SvgLabels labels = read_svg_labels(read_text((fs::path(out_dir) / plot).string()));
    const std::string title = labels.title.empty() ? plot : labels.title;
    std::string caption = html(labels.desc);
    if (labels.desc.empty()) {
        report.uncaptioned.push_back(plot);
        caption = "<span class=\"missing\">No caption: this SVG has no &lt;desc&gt;.</span>";
    }
    ++report.plots;
    return "<figure>\n<img src=\"" + url(plot) + "\" alt=\"" + html(title) + "\">\n<figcaption><strong>" + html(title) +
           ".</strong> " + caption + " <span class=\"file\">" + html(plot) + "</span></figcaption>\n</figure>\n";
}

std::string figures(const std::string& out_dir, const std::vector<std::string>& plots, IndexReport& report) {
    if (plots.empty()) return "<p class=\"note\">No plots.</p>\n";
    std::string s;
    for (const std::string& plot : plots) s += figure(out_dir, plot, report);
    return s;
}

}  // namespace

FileTimes svg_files(const std::string& dir) {
    FileTimes files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (ext != ".svg" || !it->is_regular_file(ec)) continue;
        files[it->path().lexically_relative(dir).generic_string()] = it->last_write_time(ec);
    }
    if (ec) throw std::runtime_error(dir + ": cannot list the output folder: " + ec.message());
    return files;
}

std::vector<std::string> written_since(const FileTimes& before, const FileTimes& after) {
    std::vector<std::string> written;  // in name order, as the map holds them
    for (const auto& [path, time] : after) {
        const auto was = before.find(path);
        if (was == before.end() || was->second != time) written.push_back(path);
    }
    return written;
}

std::string index_html(const std::string& out_dir, const std::vector<StudyResult>& results, const std::string& version,
                       IndexReport& report) {
    // (1) head
    std::string s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>mlfs: the case studies against their references</title>\n<style>\n" +
                    std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
    const std::size_t rows = count_rows(results), failed = count_failed(results);
    s += "<h1>mlfs: the case studies against their references</h1>\n<p>Written by <code>mlfs " + html(version) +
         "</code>: each quantity computed here beside the same quantity from scikit-learn, statsmodels, "
         "numpy, scipy or an exact value, and every plot of the run with what to look for in it. <strong>" +
         std::to_string(rows - failed) + " of " + std::to_string(rows) + " comparisons ok.</strong></p>\n";
    // (2) contents
    s += "<nav><a href=\"#summary\">Summary</a>";
    for (std::size_t k = 0; k < results.size(); ++k)
        s += "<a href=\"#" + anchor(k) + "\">" + html(short_heading(results[k])) + "</a>";
    s += "</nav>\n";
    // (3) the table
    s += "<h2 id=\"summary\">Summary: ours vs reference</h2>\n" + summary_table(results) +
         "<p class=\"note\">difference: |ours &minus; reference|, divided by |reference| where the quantity says "
         "rel; a verdict is ok when the difference is at most the tolerance.</p>\n";
    // (4) each study's plots
    std::set<std::string> shown;
    for (std::size_t k = 0; k < results.size(); ++k) {
        s += "<section id=\"" + anchor(k) + "\">\n<h2>" + html(heading(results[k])) + "</h2>\n" +
             figures(out_dir, results[k].plots, report) + "</section>\n";
        shown.insert(results[k].plots.begin(), results[k].plots.end());
    }
    // (5) anything else in the folder, so the page shows every SVG there
    for (const auto& file : svg_files(out_dir))
        if (!shown.count(file.first)) report.not_from_this_run.push_back(file.first);
    if (!report.not_from_this_run.empty())
        s += "<section id=\"other\">\n<h2>Other plots in this folder (not written by this run)</h2>\n" +
             figures(out_dir, report.not_from_this_run, report) + "</section>\n";
    return s + "</main>\n</body>\n</html>\n";
}

IndexReport write_index_html(const std::string& out_dir, const std::vector<StudyResult>& results,
                             const std::string& version) {
    IndexReport report;
    const std::string page = index_html(out_dir, results, version, report);
    const std::string path = (fs::path(out_dir) / "index.html").string();
    write_file_whole(path, page, "page");  // whole or not at all
    return report;
}

}  // namespace mlfs

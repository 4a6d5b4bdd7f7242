// SPDX-License-Identifier: MIT
// Tests for the SVG plot writer (io/svg.hpp): ticks are 1-2-5 x 10^k steps covering the data,
// log ticks are decades, labels are short, points that cannot be drawn are skipped and counted
// and never written as "nan", the output is well-formed (every tag closed, in order), the
// legend has one entry per class, text is escaped, the title and caption read back from the
// SVG, and save() reports a path it cannot write; output files are written whole or not at all.
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/svg.hpp"
#include "io/write_file.hpp"
#include "tests/check.hpp"

using mlfs::Plot;

namespace {

// Every <tag> is closed by a matching </tag> in the right order, or closes itself (<tag/>);
// the root is <svg>. Returns "" when well-formed, else what is wrong.
std::string tag_problem(const std::string& svg) {
    std::vector<std::string> open;
    std::size_t i = 0, roots = 0;
    while ((i = svg.find('<', i)) != std::string::npos) {
        const std::size_t end = svg.find('>', i);
        if (end == std::string::npos) return "a '<' with no '>' at offset " + std::to_string(i);
        const std::string tag = svg.substr(i + 1, end - i - 1);
        i = end + 1;
        if (tag.empty()) return "empty tag";
        if (tag[0] == '/') {
            if (open.empty() || open.back() != tag.substr(1)) return "</" + tag.substr(1) + "> closes nothing open";
            open.pop_back();
            continue;
        }
        if (open.empty()) ++roots;
        if (tag.back() != '/') open.push_back(tag.substr(0, tag.find_first_of(" \t\n")));
    }
    if (!open.empty()) return "<" + open.back() + "> never closed";
    if (roots != 1 || svg.rfind("<svg ", 0) != 0) return "not a single <svg> root";
    return "";
}

// No attribute value (x="...", d="...") spells nan or inf in any case; the note under the plot
// may say "NaN, infinite" in words.
bool no_nan_or_inf_attribute(const std::string& svg) {
    for (std::size_t i = svg.find("=\""); i != std::string::npos; i = svg.find("=\"", i + 1)) {
        std::string value = svg.substr(i + 2, svg.find('"', i + 2) - (i + 2));
        for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (value.find("nan") != std::string::npos || value.find("inf") != std::string::npos) return false;
    }
    return true;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t i = haystack.find(needle); i != std::string::npos; i = haystack.find(needle, i + 1)) ++n;
    return n;
}

// The ticks are k * step for consecutive k, step = 1, 2 or 5 x 10^e, and they cover [lo, hi].
void check_nice(double lo, double hi) {
    const std::vector<double> t = mlfs::nice_ticks(lo, hi);
    std::ostringstream what;
    what << "nice_ticks(" << lo << ", " << hi << ") gave " << t.size() << " ticks";
    CHECK_MSG(t.size() >= 3 && t.size() <= 12, what.str());
    if (t.size() < 2) return;
    const double step = t[1] - t[0];
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
    const bool nice = std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 ||
                      std::fabs(mantissa - 5) < 1e-9 || std::fabs(mantissa - 10) < 1e-9;
    CHECK_MSG(nice, what.str() + ", step " + mlfs_test::num(step) + " is not 1, 2 or 5 x 10^k");
    for (std::size_t k = 1; k < t.size(); ++k)
        CHECK_NEAR(t[k] - t[k - 1], step, 1e-9 * step, "ticks equally spaced, up to rounding of k * step");
    for (double v : t) CHECK_NEAR(std::remainder(v, step), 0.0, 1e-9 * step, "each tick a whole multiple of the step");
    CHECK_MSG(t.front() <= lo + 1e-9 * step && t.back() >= hi - 1e-9 * step, what.str() + " not covering the range");
    if (lo < hi)  // (a single value is widened first, so only a true range bounds the overshoot)
        CHECK_MSG(t.front() > lo - step && t.back() < hi + step, what.str() + " overshooting by a whole step");
}

}  // namespace

TEST_CASE(nice_ticks_are_1_2_5_steps_covering_the_range) {
    check_nice(0, 1);
    check_nice(4.3, 7.9);
    check_nice(-3.2, 17);
    check_nice(0.001, 0.0047);
    check_nice(1e6, 3.2e6);
    check_nice(-1e-3, 1e-3);
    check_nice(0.1, 0.3);  // 0.1 and 0.3 are not exact in binary; must not grow an extra tick
    check_nice(-7, -2);
    check_nice(42, 42);  // a single value widens to a range around it
    const std::vector<double> t = mlfs::nice_ticks(-1, 1);
    bool has_zero = false;
    for (double v : t) has_zero = has_zero || v == 0.0;
    CHECK_MSG(has_zero, "a range straddling 0 has an exact 0 tick");
    CHECK_THROWS(mlfs::nice_ticks(2, 1), std::invalid_argument, "nice_ticks: need finite lo <= hi");
    CHECK_THROWS(mlfs::nice_ticks(0, HUGE_VAL), std::invalid_argument, "nice_ticks");
}

TEST_CASE(extreme_ranges_end_in_few_ticks_or_a_clear_error) {
    // two values one ulp apart: ticks at that resolution would never end; the range is widened
    const std::vector<double> t = mlfs::nice_ticks(1.0, 1.0000000000000002);
    CHECK(t.size() >= 2 && t.size() <= 12 && t.front() <= 1.0 && t.back() >= 1.0000000000000002);
    const std::vector<double> big = mlfs::nice_ticks(1e17, 1e17 + 16);
    CHECK(big.size() >= 2 && big.size() <= 12);
    // beyond 1e300 the range itself (or the padding) overflows: an error, not a crash
    CHECK_THROWS(mlfs::nice_ticks(-1e308, 1e308), std::invalid_argument, "beyond 1e300");
    CHECK_THROWS(mlfs::nice_ticks(1.7e308, 1.7e308), std::invalid_argument, "rescale the data");
}

TEST_CASE(log_ticks_are_decades) {
    const std::vector<double> t = mlfs::log_ticks(0.003, 250);
    CHECK(t.size() == 7);  // 1e-3 ... 1e3
    if (t.size() == 7) {
        CHECK_REL(t.front(), 1e-3, 1e-15, "10^-3 from pow, one rounding");
        CHECK_REL(t.back(), 1e3, 0.0, "exact");
    }
    for (std::size_t k = 1; k < t.size(); ++k) CHECK_REL(t[k] / t[k - 1], 10.0, 1e-14, "consecutive decades");
    const std::vector<double> one = mlfs::log_ticks(2, 3);  // inside one decade: still two ticks
    CHECK(one.size() == 2 && one[0] == 1.0 && one[1] == 10.0);
    const std::vector<double> exact = mlfs::log_ticks(10, 100);
    CHECK(exact.size() == 2 && exact[0] == 10.0 && exact[1] == 100.0);
    CHECK_THROWS(mlfs::log_ticks(0, 1), std::invalid_argument, "log_ticks: need 0 < lo <= hi");
    CHECK_THROWS(mlfs::log_ticks(-1, 1), std::invalid_argument, "log_ticks");
}

TEST_CASE(tick_labels_are_short) {
    CHECK(mlfs::tick_label(0.25, 0.25) == "0.25");
    CHECK(mlfs::tick_label(0.5, 0.5) == "0.5");
    CHECK(mlfs::tick_label(1500, 500) == "1500");
    CHECK(mlfs::tick_label(-0.4, 0.2) == "-0.4");
    CHECK(mlfs::tick_label(0.30000000000000004, 0.1) == "0.3");
    CHECK(mlfs::tick_label(1e-17, 0.1) == "0");  // rounding residue of a zero tick
    CHECK(mlfs::tick_label(1e-6, 1e-6) == "1e-6");
    CHECK(mlfs::tick_label(2e6, 1e6) == "2e6");
    CHECK(mlfs::tick_label(2.5e6, 5e5) == "2.5e6");
    CHECK(mlfs::tick_label(0.001, 0.001) == "0.001");
}

TEST_CASE(scatter_has_a_legend_entry_per_class) {
    Plot p("classes", "x", "y");
    p.add_scatter("species", {1, 2, 3, 4, 5, 6}, {1, 4, 9, 16, 25, 36}, {0, 2, 1, 2, 0, 7});
    const std::string svg = p.to_svg();
    CHECK_MSG(tag_problem(svg).empty(), "well-formed: " + tag_problem(svg));
    for (const char* entry : {">species 0<", ">species 1<", ">species 2<", ">species 7<"})
        CHECK_MSG(count(svg, entry) == 1, std::string("one legend entry ") + entry);
    CHECK(count(svg, ">species ") == 4);
    CHECK(count(svg, "#0072B2") >= 2);  // class 0: its points' group and its legend swatch
    CHECK(count(svg, "#009E73") >= 2);  // class 2
    CHECK(p.skipped() == 0);
}

TEST_CASE(non_finite_points_are_skipped_and_counted) {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = HUGE_VAL;
    Plot p("skips", "x", "y");
    p.add_line("loss", {0, 1, 2, 3, 4, 5}, {1, nan, 3, inf, 2, 1});
    p.add_scatter("pts", {nan, 1, 2}, {1, 2, -inf});
    CHECK(p.skipped() == 4);
    const std::string svg = p.to_svg();
    CHECK_MSG(tag_problem(svg).empty(), "well-formed: " + tag_problem(svg));
    CHECK_MSG(no_nan_or_inf_attribute(svg), "no attribute holds nan or inf");
    CHECK(svg.find("4 points not shown") != std::string::npos);
    CHECK(count(svg, "M") >= 3);  // the line restarts after each gap: 3 pieces, each a move-to
}

TEST_CASE(log_axis_skips_non_positive_and_labels_decades) {
    Plot p("loss", "epoch", "loss");
    p.set_log_y(true);
    p.add_line("train", {1, 2, 3, 4, 5, 6}, {50, 3, 0.2, 0.004, 0.0, -1.0});
    CHECK(p.skipped() == 2);
    const std::string svg = p.to_svg();
    CHECK_MSG(tag_problem(svg).empty(), "well-formed: " + tag_problem(svg));
    for (const char* label : {">0.001<", ">0.01<", ">0.1<", ">1<", ">10<", ">100<"})
        CHECK_MSG(svg.find(label) != std::string::npos, std::string("decade label ") + label);
    CHECK(svg.find(">0.05<") == std::string::npos);  // no linear ticks on a log axis
    CHECK(svg.find("2 points not shown") != std::string::npos);
    Plot q("log x", "n", "t");
    q.set_log_x(true);
    q.add_line("time", {10, 100, 1e6}, {1, 2, 3});
    const std::string s2 = q.to_svg();
    // 10 ... 1e6 leaves the plain range, so every decade is written the same way: 10 to the K
    CHECK(s2.find(">10<tspan dy=\"-5\" font-size=\"9\">6</tspan>") != std::string::npos);
    CHECK(s2.find(">10<tspan dy=\"-5\" font-size=\"9\">1</tspan>") != std::string::npos);
    CHECK(s2.find(">10</text>") == std::string::npos);
}

TEST_CASE(markers_text_escaping_and_empty_plot) {
    Plot p("a < b & \"c\"", "x", "y");
    p.add_scatter("data", {0, 1}, {0, 1});
    p.add_markers("centres", {0.5}, {0.5});
    const std::string svg = p.to_svg();
    CHECK_MSG(tag_problem(svg).empty(), "well-formed: " + tag_problem(svg));
    CHECK(svg.find("a &lt; b &amp; &quot;c&quot;") != std::string::npos);
    CHECK(svg.find(">centres<") != std::string::npos && svg.find(">data<") != std::string::npos);
    Plot empty("nothing", "x", "y");
    CHECK_MSG(tag_problem(empty.to_svg()).empty(), "an empty plot is still a well-formed picture");
}

TEST_CASE(title_and_caption_read_back) {
    Plot p("loss & <accuracy>", "x", "y");
    p.add_line("l", {1, 2}, {1, 2});
    CHECK_MSG(p.to_svg().find("<desc>") == std::string::npos, "no caption, no <desc>");
    CHECK(mlfs::read_svg_labels(p.to_svg()).title == "loss & <accuracy>");
    CHECK(mlfs::read_svg_labels(p.to_svg()).desc.empty());
    p.set_caption("Look for the \"knee\" at K = 3 & nowhere < 2.");
    const std::string svg = p.to_svg();
    CHECK_MSG(tag_problem(svg).empty(), "well-formed: " + tag_problem(svg));
    CHECK(svg.find("<desc>Look for the &quot;knee&quot; at K = 3 &amp; nowhere &lt; 2.</desc>") != std::string::npos);
    const mlfs::SvgLabels labels = mlfs::read_svg_labels(svg);
    CHECK(labels.title == "loss & <accuracy>");
    CHECK(labels.desc == "Look for the \"knee\" at K = 3 & nowhere < 2.");
    const std::string raw = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n" +
                            mlfs::svg_title_and_desc("a > b", "it's &amp;") + "</svg>\n";
    CHECK_MSG(tag_problem(raw).empty(), "well-formed: " + tag_problem(raw));
    CHECK(mlfs::read_svg_labels(raw).title == "a > b");
    CHECK(mlfs::read_svg_labels(raw).desc == "it's &amp;");
    CHECK(mlfs::read_svg_labels("<svg><text>no title</text></svg>").title.empty());
}

TEST_CASE(bad_arguments_and_save) {
    Plot p("t", "x", "y");
    CHECK_THROWS(p.add_line("l", {1, 2, 3}, {1, 2}), mlfs::ShapeError, "series \"l\": xs has 3 points but ys has 2");
    CHECK_THROWS(p.add_scatter("s", {1, 2}, {1, 2}, {0}), mlfs::ShapeError,
                 "series \"s\": 2 points but 1 class labels");
    CHECK_THROWS(p.set_size(100, 50), std::invalid_argument, "100x50 is too small");
    p.add_line("l", {1, 2, 3}, {3, 1, 2});
    CHECK_THROWS(p.save("/nonexistent_dir/plot.svg"), mlfs::SvgError,
                 "/nonexistent_dir/plot.svg: cannot write the SVG file (No such file or directory)");
    std::random_device rd;  // a random name, so parallel runs never share the file
    const std::filesystem::path out = std::filesystem::temp_directory_path() /
                                      ("mlfs_test_svg_" + std::to_string(rd()) + ".svg");
    p.save(out.string());
    std::ifstream in(out, std::ios::binary);
    std::stringstream back;
    back << in.rdbuf();
    CHECK(back.str() == p.to_svg());
    std::error_code ec;
    std::filesystem::remove(out, ec);
}

TEST_CASE(output_files_are_written_whole_or_not_at_all) {
    namespace fs = std::filesystem;
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("mlfs_test_write_" + std::to_string(rd()));
    fs::create_directories(dir);
    auto files_in_dir = [&dir] {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
        return names;
    };
    // a target that cannot be replaced (a folder of that name): an error, and no temporary left behind
    fs::create_directories(dir / "taken.svg");
    CHECK_THROWS(mlfs::write_file_whole((dir / "taken.svg").string(), "<svg/>", "SVG file"), mlfs::WriteError,
                 "taken.svg: cannot write the SVG file (");
    CHECK_MSG(files_in_dir().size() == 1,
              "only the folder is left, no temporary: " + std::to_string(files_in_dir().size()));
    // an old file is replaced only by a whole new one
    const fs::path target = dir / "plot.svg";
    mlfs::write_file_whole(target.string(), "old", "SVG file");
    mlfs::write_file_whole(target.string(), std::string(1 << 20, 'x'), "SVG file");
    CHECK(fs::file_size(target) == (std::size_t(1) << 20));
    CHECK_MSG(files_in_dir().size() == 2, "the folder and plot.svg only: " + std::to_string(files_in_dir().size()));
    std::error_code ec;
    fs::remove_all(dir, ec);
}

TEST_MAIN()

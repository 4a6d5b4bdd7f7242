// SPDX-License-Identifier: MIT
// A small SVG plot writer for the case studies: line series (loss curves), scatter series coloured
// by an integer class (data sets, cluster labels), marker series (cluster centres), on linear or
// log axes with "nice" ticks, a title, axis labels and a legend. Plain text out, no dependencies.
//
//   mlfs::Plot plot("iris.csv", "petal_length", "petal_width");
//   plot.add_scatter("species", x, y, labels);   // one colour and legend entry per class
//   plot.add_markers("centres", cx, cy);
//   plot.set_caption("The three species in the petal plane; look for ...");   // the SVG's <desc>
//   plot.save("iris.svg");
//
// Points that cannot be drawn (NaN, +-inf, and values <= 0 on a log axis) are skipped and counted
// (skipped()); a line is broken there; the picture says how many under the axes and never holds
// "nan" or "inf". The axes run from the first tick to the last, so every point is inside.
// Colours are the Okabe-Ito palette, which stays distinguishable under the common colour-vision
// deficiencies; class c gets colour c mod 8 and shape c mod 4 (circle, square, triangle,
// diamond), so the same label looks the same in every plot; its legend entry reads "NAME c".
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

// The SVG file could not be written; the message names the path.
struct SvgError : std::runtime_error {
    explicit SvgError(const std::string& message) : std::runtime_error(message) {}
};

// Writes a whole SVG document; throws SvgError naming the path if it cannot.
void save_svg(const std::string& path, const std::string& svg);

// Linear-axis ticks: equally spaced by a step of 1, 2 or 5 x 10^k, chosen so there are about
// `target` of them; the first is <= lo and the last >= hi, so they cover the range.
std::vector<double> nice_ticks(double lo, double hi, int target = 6);

// Log-axis ticks: the powers of ten 10^floor(log10 lo) ... 10^ceil(log10 hi) (at least two);
// needs 0 < lo <= hi, both finite.
std::vector<double> log_ticks(double lo, double hi);

// A tick label with just enough decimals for ticks `step` apart ("0.25", "1500", "1e-6").
std::string tick_label(double value, double step);

// One series as Plot stores it (exposed so the drawing helpers in svg.cpp can take it).
enum class SeriesKind { line, scatter, markers };
struct PlotSeries {
    SeriesKind kind;
    std::string name;
    Vector xs, ys;
    std::vector<int> classes;  // scatter only; empty means one colour
};

class Plot {
public:
    Plot(std::string title, std::string x_label, std::string y_label);

    void set_log_x(bool on) { log_x_ = on; }
    void set_log_y(bool on) { log_y_ = on; }
    void set_size(int width, int height);  // pixels; default 800 x 560, at least 240 x 180
    // One or two sentences for a reader: what the plot shows and what to look for. Written as the
    // SVG's <desc> (not drawn); `mlfs tour` shows it under the plot in index.html.
    void set_caption(std::string caption) { caption_ = std::move(caption); }

    // Each throws ShapeError if xs, ys (and classes) differ in length.
    void add_line(const std::string& name, const Vector& xs, const Vector& ys) {
        add({SeriesKind::line, name, xs, ys, {}});
    }
    void add_scatter(const std::string& name, const Vector& xs, const Vector& ys,
                     const std::vector<int>& classes);  // a colour and a legend entry per class
    void add_scatter(const std::string& name, const Vector& xs, const Vector& ys) {  // one colour
        add({SeriesKind::scatter, name, xs, ys, {}});
    }
    void add_markers(const std::string& name, const Vector& xs, const Vector& ys) {  // big crosses
        add({SeriesKind::markers, name, xs, ys, {}});
    }

    std::size_t skipped() const;  // points that cannot be drawn on the current axes
    std::string to_svg() const;
    void save(const std::string& path) const;  // throws SvgError naming the path

private:
    void add(PlotSeries series);

    std::string title_, x_label_, y_label_, caption_;
    bool log_x_ = false, log_y_ = false;
    int width_ = 800, height_ = 560;
    std::vector<PlotSeries> series_;
};

// & < > " as XML/HTML entities, for text and attribute values in SVG and HTML.
std::string xml_escape(const std::string& s);

// For an SVG written without Plot: "<title>TITLE</title>\n<desc>CAPTION</desc>\n", escaped, to put
// right after the opening <svg ...> tag, so it carries the same title and caption Plot writes.
std::string svg_title_and_desc(const std::string& title, const std::string& caption);

// The text of an SVG document's first <title> and first <desc>, entities decoded; empty if absent.
struct SvgLabels {
    std::string title, desc;
};
SvgLabels read_svg_labels(const std::string& svg);

}  // namespace mlfs

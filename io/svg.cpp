// SPDX-License-Identifier: MIT
// The SVG plot writer of svg.hpp. to_svg works in three steps: (1) the drawable points decide the
// axis ranges and ticks, (2) the tick-label and legend widths decide the margins, (3) the pieces
// are written: axes (grid, frame, ticks, labels), the series, the legend, a note of skipped points.
// Pixel coordinates: x grows to the right, y grows downwards, as SVG has it.
#include "io/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <utility>

#include "io/write_file.hpp"

namespace mlfs {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

namespace {

const double kCharWidth = 7.0;  // rough width of one 12px sans-serif character, for the margins

// Okabe & Ito, "Color Universal Design" (2008): blue, orange, bluish green, vermillion, reddish
// purple, sky blue, yellow, black.
const char* palette(int c) {
    static const char* const colours[8] = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                           "#CC79A7", "#56B4E9", "#F0E442", "#000000"};
    return colours[((c % 8) + 8) % 8];
}

std::string px(double v) {  // a pixel coordinate; a tenth of a pixel is finer than any screen
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string text(double x, double y, const std::string& anchor, const std::string& s, const std::string& extra = "") {
    return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" +
           xml_escape(s) + "</text>\n";
}

// Class c is drawn as circle, square, triangle or diamond (c mod 4), so classes differ in shape
// as well as colour.
std::string marker(int c, double x, double y) {
    auto pt = [](double a, double b) { return px(a) + " " + px(b); };
    switch (((c % 4) + 4) % 4) {
    case 0: return "<circle cx=\"" + px(x) + "\" cy=\"" + px(y) + "\" r=\"3.5\"/>";
    case 1: return "<rect x=\"" + px(x - 3.2) + "\" y=\"" + px(y - 3.2) + "\" width=\"6.4\" height=\"6.4\"/>";
    case 2: return "<path d=\"M" + pt(x, y - 4.5) + "L" + pt(x + 4.2, y + 3) + "L" + pt(x - 4.2, y + 3) + "Z\"/>";
    default:
        return "<path d=\"M" + pt(x, y - 4.5) + "L" + pt(x + 4.5, y) + "L" + pt(x, y + 4.5) + "L" + pt(x - 4.5, y) +
               "Z\"/>";
    }
}

// A thick cross with a white halo, visible on top of scatter points (cluster centres).
std::string cross(double x, double y, const char* colour) {
    const std::string d = "M" + px(x - 6) + " " + px(y - 6) + "L" + px(x + 6) + " " + px(y + 6) + "M" + px(x - 6) +
                          " " + px(y + 6) + "L" + px(x + 6) + " " + px(y - 6);
    return "<path d=\"" + d + "\" stroke=\"white\" stroke-width=\"5\"/><path d=\"" + d + "\" stroke=\"" + colour +
           "\" stroke-width=\"2.5\"/>\n";
}

struct Axis {
    bool log = false;
    std::vector<double> ticks;    // data units; the axis runs from the first tick to the last
    double edge0 = 0, edge1 = 1;  // pixels of the frame, at the low and the high end
    double p0 = 0, p1 = 1;        // pixels of the first and the last tick, a little inside the
                                  // frame so points at the extremes are not cut by it
    void place(double e0, double e1) {
        const double inset = e1 > e0 ? 8 : -8;
        edge0 = e0, edge1 = e1, p0 = e0 + inset, p1 = e1 - inset;
    }
    double unit(double v) const { return log ? std::log10(v) : v; }
    double to_px(double v) const {
        const double lo = unit(ticks.front()), hi = unit(ticks.back());
        return p0 + (unit(v) - lo) / (hi - lo) * (p1 - p0);
    }
    // a log axis over many decades labels every k-th decade, so labels never crowd
    bool labelled(std::size_t k) const { return !log || k % ((ticks.size() + 8) / 9) == 0; }
    // decades are all "1eK" (drawn as 10 to the K) when any of them would be, not a mix of
    // "0.001" and "1e-5"
    std::string label(std::size_t k) const {
        if (!log) return tick_label(ticks[k], ticks[1] - ticks[0]);
        if (ticks.front() >= 1e-3 && ticks.back() <= 1e4) return tick_label(ticks[k], ticks[k]);
        return "1e" + std::to_string(std::lround(std::log10(ticks[k])));
    }
};

Axis make_axis(const std::vector<double>& values, bool log) {
    Axis a;
    a.log = log;
    double lo = log ? 1.0 : 0.0, hi = log ? 10.0 : 1.0;  // an empty plot still gets axes
    if (!values.empty()) {
        lo = *std::min_element(values.begin(), values.end());
        hi = *std::max_element(values.begin(), values.end());
    }
    a.ticks = log ? log_ticks(lo, hi) : nice_ticks(lo, hi);
    return a;
}

bool drawable(double v, bool log) { return std::isfinite(v) && (!log || v > 0); }

struct Entry {
    std::string label;
    SeriesKind kind;
    std::string colour;
    int shape;
};

// One legend entry per series, or per class of a class scatter; fills each series' colour.
std::vector<Entry> legend_entries(const std::vector<PlotSeries>& series, std::vector<std::string>& colours) {
    std::vector<Entry> legend;
    int ordinal = 0;  // lines and one-colour scatters take the palette in turn
    for (const PlotSeries& s : series) {
        const bool by_class = !s.classes.empty();
        colours.push_back(s.kind == SeriesKind::markers ? "#000000" : palette(by_class ? 0 : ordinal++));
        if (!by_class) legend.push_back({s.name, s.kind, colours.back(), 0});
        for (int c : std::set<int>(s.classes.begin(), s.classes.end()))
            legend.push_back({s.name + " " + std::to_string(c), s.kind, palette(c), c});
    }
    for (Entry& e : legend)  // a long name would squeeze the plot
        if (e.label.size() > 28) e.label = e.label.substr(0, 25) + "...";
    return legend;
}

std::string legend_svg(const std::vector<Entry>& entries, double x, double y, double height) {
    const std::size_t rows = static_cast<std::size_t>(std::max(1.0, std::floor(height / 18)));
    std::string s = "<g class=\"legend\">\n";
    for (std::size_t r = 0; r < entries.size(); ++r, y += 18) {
        if (r + 1 == rows && entries.size() > rows) {  // no room: say how many are not listed
            s += text(x, y + 4, "start", "+" + std::to_string(entries.size() - r) + " more");
            break;
        }
        const Entry& e = entries[r];
        if (e.kind == SeriesKind::line)
            s += "<path d=\"M" + px(x) + " " + px(y) + "h18\" stroke=\"" + e.colour + "\" stroke-width=\"2\"/>";
        else if (e.kind == SeriesKind::markers) s += "<g fill=\"none\">" + cross(x + 9, y, e.colour.c_str()) + "</g>";
        else s += "<g fill=\"" + e.colour + "\">" + marker(e.shape, x + 9, y) + "</g>";
        s += text(x + 26, y + 4, "start", e.label);
    }
    return s + "</g>\n";
}

// A tick label; on a log axis "1eK" is drawn as 10 with a raised K.
std::string tick_text(const Axis& a, std::size_t k, double x, double y, const std::string& anchor) {
    const std::string label = a.label(k);
    if (!a.log || label.rfind("1e", 0) != 0) return text(x, y, anchor, label);
    return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + anchor +
           "\">10<tspan dy=\"-5\" font-size=\"9\">" + label.substr(2) + "</tspan></text>\n";
}

std::string axes_svg(const Axis& ax, const Axis& ay) {
    std::string grid = "<g stroke=\"#e6e6e6\">\n", marks = "<g stroke=\"#333\">\n", labels;
    for (std::size_t k = 0; k < ax.ticks.size(); ++k) {
        const double x = ax.to_px(ax.ticks[k]);
        grid += "<path d=\"M" + px(x) + " " + px(ay.edge1) + "V" + px(ay.edge0) + "\"/>\n";
        marks += "<path d=\"M" + px(x) + " " + px(ay.edge0) + "v5\"/>\n";
        if (ax.labelled(k)) labels += tick_text(ax, k, x, ay.edge0 + 18, "middle");
    }
    for (std::size_t k = 0; k < ay.ticks.size(); ++k) {
        const double y = ay.to_px(ay.ticks[k]);
        grid += "<path d=\"M" + px(ax.edge0) + " " + px(y) + "H" + px(ax.edge1) + "\"/>\n";
        marks += "<path d=\"M" + px(ax.edge0) + " " + px(y) + "h-5\"/>\n";
        if (ay.labelled(k)) labels += tick_text(ay, k, ax.edge0 - 8, y + 4, "end");
    }
    return grid + "</g>\n" + marks + "</g>\n" + labels + "<rect x=\"" + px(ax.edge0) + "\" y=\"" + px(ay.edge1) +
           "\" width=\"" + px(ax.edge1 - ax.edge0) + "\" height=\"" + px(ay.edge0 - ay.edge1) +
           "\" fill=\"none\" stroke=\"#333\"/>\n";
}

// One series in pixels; a line is broken where a point cannot be drawn.
std::string series_svg(const PlotSeries& s, const std::string& colour, const Axis& ax, const Axis& ay) {
    std::string out, d;
    std::map<int, std::string> by_class;  // scatter: the markers of each class, one <g> per class
    bool pen_down = false;
    for (std::size_t i = 0; i < s.xs.size(); ++i) {
        const bool ok = drawable(s.xs[i], ax.log) && drawable(s.ys[i], ay.log);
        if (!ok) {
            pen_down = false;
            continue;
        }
        const double x = ax.to_px(s.xs[i]), y = ay.to_px(s.ys[i]);
        if (s.kind == SeriesKind::line) d += (pen_down ? "L" : "M") + px(x) + " " + px(y);
        else if (s.kind == SeriesKind::markers) out += cross(x, y, colour.c_str());
        else by_class[s.classes.empty() ? 0 : s.classes[i]] += marker(s.classes.empty() ? 0 : s.classes[i], x, y);
        pen_down = true;
    }
    if (s.kind == SeriesKind::line)
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour +
               "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n";
    if (s.kind == SeriesKind::markers) return "<g fill=\"none\">\n" + out + "</g>\n";
    for (const auto& [c, shapes] : by_class)
        out += "<g fill=\"" + (s.classes.empty() ? colour : std::string(palette(c))) + "\" fill-opacity=\"0.8\">" +
               shapes + "</g>\n";
    return out;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi || target < 2)
        throw std::invalid_argument("nice_ticks: need finite lo <= hi and target >= 2, got lo " + format_number(lo) +
                                    ", hi " + format_number(hi) + ", target " + std::to_string(target));
    const double size = std::max(std::fabs(lo), std::fabs(hi));
    if (size > 1e300)  // hi - lo, the padding or the last tick would overflow
        throw std::invalid_argument("nice_ticks: values up to " + format_number(size) +
                                    " in magnitude cannot be drawn (beyond 1e300); rescale the data");
    if (hi - lo <= 1e-9 * size || hi == lo) {  // one value, or differences at rounding level: widen
        const double mid = lo / 2 + hi / 2, pad = size == 0 ? 1.0 : 0.1 * size;
        lo = mid - pad;
        hi = mid + pad;
    }
    // the step is 1, 2 or 5 x 10^k, the first such at least (hi - lo) / (target - 1)
    const double raw = (hi - lo) / (target - 1);
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / decade;
    const double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * decade;
    // ticks are k * step; the 1e-9 keeps lo = 3 * step from rounding down to 2.9999999 * step
    const double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
    std::vector<double> ticks;
    for (double k = first; k <= last; ++k) ticks.push_back(std::fabs(k) < 0.5 ? 0.0 : k * step);
    return ticks;
}

std::vector<double> log_ticks(double lo, double hi) {
    if (!(lo > 0) || !std::isfinite(hi) || lo > hi)
        throw std::invalid_argument("log_ticks: need 0 < lo <= hi, finite, got lo " + format_number(lo) + ", hi " +
                                    format_number(hi));
    const double k0 = std::floor(std::log10(lo));
    const double k1 = std::max(std::ceil(std::log10(hi)), k0 + 1);
    std::vector<double> ticks;
    for (double k = k0; k <= k1; ++k) ticks.push_back(std::pow(10.0, k));
    return ticks;
}

std::string tick_label(double value, double step) {
    char buf[64];
    const double a = std::fabs(value);
    if (a < 0.5 * std::fabs(step) * 1e-9) return "0";
    if (a >= 1e6 || a < 1e-4) {  // scientific, with just the significant digits the step needs
        const int digits =
            std::clamp(static_cast<int>(std::floor(std::log10(a)) - std::floor(std::log10(std::fabs(step)))) + 1, 1,
                       15);
        std::snprintf(buf, sizeof buf, "%.*g", digits, value);
        std::string s = buf;  // "1e+06" -> "1e6", "2.5e-07" -> "2.5e-7"
        const std::size_t e = s.find('e');
        if (e == std::string::npos) return s;
        std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
        const bool negative = exponent[0] == '-';
        exponent.erase(0, exponent.find_first_not_of("+-0"));
        return mantissa + "e" + (negative ? "-" : "") + exponent;
    }
    int decimals = 0;  // the fewest that show the step exactly: 0.25 -> 2, 5 -> 0
    while (decimals < 15) {
        const double scaled = std::fabs(step) * std::pow(10.0, decimals);
        if (std::fabs(scaled - std::round(scaled)) <= 1e-6 * scaled) break;
        ++decimals;
    }
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

Plot::Plot(std::string title, std::string x_label, std::string y_label)
    : title_(std::move(title)), x_label_(std::move(x_label)), y_label_(std::move(y_label)) {}

void Plot::set_size(int width, int height) {
    if (width < 240 || height < 180)
        throw std::invalid_argument("Plot::set_size: " + std::to_string(width) + "x" + std::to_string(height) +
                                    " is too small; need at least 240x180 pixels");
    width_ = width;
    height_ = height;
}

void Plot::add(PlotSeries s) {
    const std::string what = "Plot: series \"" + s.name + "\"";
    if (s.xs.size() != s.ys.size())
        throw ShapeError(what + ": xs has " + std::to_string(s.xs.size()) + " points but ys has " +
                         std::to_string(s.ys.size()));
    if (!s.classes.empty() && s.classes.size() != s.xs.size())
        throw ShapeError(what + ": " + std::to_string(s.xs.size()) + " points but " + std::to_string(s.classes.size()) +
                         " class labels");
    series_.push_back(std::move(s));
}

void Plot::add_scatter(const std::string& name, const Vector& xs, const Vector& ys, const std::vector<int>& classes) {
    if (classes.empty() && !xs.empty())
        throw ShapeError("Plot: series \"" + name + "\": " + std::to_string(xs.size()) + " points but no class labels");
    add({SeriesKind::scatter, name, xs, ys, classes});
}

std::size_t Plot::skipped() const {
    std::size_t n = 0;
    for (const PlotSeries& s : series_)
        for (std::size_t i = 0; i < s.xs.size(); ++i)
            if (!drawable(s.xs[i], log_x_) || !drawable(s.ys[i], log_y_)) ++n;
    return n;
}

std::string Plot::to_svg() const {
    // (1) the drawable points decide the axis ranges and ticks
    std::vector<double> xs, ys;
    for (const PlotSeries& s : series_)
        for (std::size_t i = 0; i < s.xs.size(); ++i)
            if (drawable(s.xs[i], log_x_) && drawable(s.ys[i], log_y_)) {
                xs.push_back(s.xs[i]);
                ys.push_back(s.ys[i]);
            }
    Axis ax = make_axis(xs, log_x_), ay = make_axis(ys, log_y_);

    // (2) colours and legend, then margins wide enough for the y tick labels and the legend
    std::vector<std::string> colours;
    const std::vector<Entry> legend = legend_entries(series_, colours);
    std::size_t y_chars = 0, legend_chars = 0;
    for (std::size_t k = 0; k < ay.ticks.size(); ++k)
        if (ay.labelled(k)) y_chars = std::max(y_chars, ay.label(k).size());
    for (const Entry& e : legend) legend_chars = std::max(legend_chars, e.label.size());
    const std::size_t n_skipped = skipped();
    const double left = 42 + kCharWidth * static_cast<double>(y_chars), top = 40;
    const double bottom = n_skipped > 0 ? 66 : 52;  // room for the note of skipped points
    const double right = legend.empty() ? 28
                                        : std::min(54 + kCharWidth * static_cast<double>(legend_chars), width_ / 3.0);
    ax.place(left, width_ - right);
    ay.place(height_ - bottom, top);  // the low end of y is at the bottom: SVG's y grows downwards

    // (3) the picture
    const double mid_x = (ax.edge0 + ax.edge1) / 2, mid_y = (ay.edge0 + ay.edge1) / 2;
    const std::string w = std::to_string(width_), h = std::to_string(height_);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h +
                      "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    svg += "<title>" + xml_escape(title_) + "</title>\n";
    if (!caption_.empty()) svg += "<desc>" + xml_escape(caption_) + "</desc>\n";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    svg += text(mid_x, 24, "middle", title_, " font-size=\"15\" font-weight=\"bold\"");
    svg += axes_svg(ax, ay);
    svg += text(mid_x, ay.edge0 + 40, "middle", x_label_);
    svg += "<text transform=\"translate(18 " + px(mid_y) + ") rotate(-90)\" text-anchor=\"middle\">" +
           xml_escape(y_label_) + "</text>\n";
    for (std::size_t k = 0; k < series_.size(); ++k) svg += series_svg(series_[k], colours[k], ax, ay);
    if (!legend.empty()) svg += legend_svg(legend, ax.edge1 + 16, top + 8, ay.edge0 - top - 8);
    if (n_skipped > 0)
        svg += text(left, height_ - 8, "start",
                    std::to_string(n_skipped) + (n_skipped == 1 ? " point" : " points") +
                        " not shown: NaN, infinite, or <= 0 on a log axis",
                    " font-size=\"11\" fill=\"#666\"");
    return svg + "</svg>\n";
}

void Plot::save(const std::string& path) const { save_svg(path, to_svg()); }

void save_svg(const std::string& path, const std::string& svg) {
    try {
        write_file_whole(path, svg, "SVG file");  // whole or not at all
    } catch (const WriteError& e) {
        throw SvgError(e.what());
    }
}

std::string svg_title_and_desc(const std::string& title, const std::string& caption) {
    return "<title>" + xml_escape(title) + "</title>\n<desc>" + xml_escape(caption) + "</desc>\n";
}

namespace {

std::string unescape(std::string s) {
    const std::pair<const char*, char> entities[] = {{"&lt;", '<'},   {"&gt;", '>'},    {"&quot;", '"'},
                                                     {"&#39;", '\''}, {"&apos;", '\''}, {"&amp;", '&'}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        for (const auto& [name, c] : entities)
            if (s.compare(i, std::strlen(name), name) == 0) {
                out += c;
                i += std::strlen(name);
                replaced = true;
                break;
            }
        if (!replaced) out += s[i++];
    }
    return out;
}

// The text between the first <tag> and the </tag> after it; empty if either is missing.
std::string element_text(const std::string& svg, const std::string& tag) {
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    const std::size_t begin = svg.find(open);
    if (begin == std::string::npos) return "";
    const std::size_t end = svg.find(close, begin + open.size());
    if (end == std::string::npos) return "";
    return unescape(svg.substr(begin + open.size(), end - begin - open.size()));
}

}  // namespace

SvgLabels read_svg_labels(const std::string& svg) { return {element_text(svg, "title"), element_text(svg, "desc")}; }

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Hand-placed SVG elements (io/svg_shapes.hpp).
#include "io/svg_shapes.hpp"

#include <cstdio>

#include "io/svg.hpp"

namespace mlfs {

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Text content needs only & and < escaped (XML 1.0, section 2.4); > and quotes stay as written.
std::string escape_text(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
    return out;
}

std::string attr(const char* name, const std::string& value) { return std::string(" ") + name + "=\"" + value + "\""; }

}  // namespace

std::string svg_open(int width, int height) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" font-family=\"sans-serif\">\n";
}

std::string svg_close() { return "</svg>\n"; }

std::string svg_background() { return "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"; }

std::string svg_rect(double x, double y, double width, double height, const std::string& fill, int decimals,
                     const std::string& stroke) {
    return "<rect" + attr("x", fixed(x, decimals)) + attr("y", fixed(y, decimals)) +
           attr("width", fixed(width, decimals)) + attr("height", fixed(height, decimals)) + attr("fill", fill) +
           (stroke.empty() ? "" : attr("stroke", stroke)) + "/>";
}

std::string svg_circle(double cx, double cy, double r, const std::string& fill, int decimals) {
    char radius[32];
    std::snprintf(radius, sizeof radius, "%g", r);
    return "<circle" + attr("cx", fixed(cx, decimals)) + attr("cy", fixed(cy, decimals)) + attr("r", radius) +
           attr("fill", fill) + "/>";
}

std::string svg_text(double x, double y, int font_size, const std::string& text, int decimals,
                     const std::string& anchor) {
    return "<text" + attr("x", fixed(x, decimals)) + attr("y", fixed(y, decimals)) +
           attr("font-size", std::to_string(font_size)) + (anchor.empty() ? "" : attr("text-anchor", anchor)) + ">" +
           escape_text(text) + "</text>";
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Hand-placed SVG, for figures that are not x-y plots (io/svg.hpp draws those): a grid of coloured
// cells, image thumbnails, a legend drawn by hand. Each function returns one element as text,
// without a newline, so the caller decides what goes on a line; coordinates are pixels, printed
// with `decimals` decimals (0 for whole pixels). Text has & and < escaped, all XML requires there.
//
//   std::string s = svg_open(800, 560) + svg_title_and_desc(title, caption) + svg_background() + "\n";
//   s += svg_rect(10, 20, 8, 8, "#cfe3f2") + "\n";
//   s += svg_text(40, 30, 16, title) + "\n";
//   save_svg("boundary.svg", s + svg_close());           // io/svg.hpp
#pragma once

#include <string>

namespace mlfs {

// <svg xmlns=... width="W" height="H" font-family="sans-serif"> and a newline
std::string svg_open(int width, int height);
std::string svg_close();  // </svg> and a newline

// A white rectangle under the whole picture.
std::string svg_background();

// A filled rectangle; stroke, if given, draws its outline (fill "none" for an outline alone).
std::string svg_rect(double x, double y, double width, double height, const std::string& fill, int decimals = 0,
                     const std::string& stroke = "");

// A filled circle of radius r (printed as %g).
std::string svg_circle(double cx, double cy, double r, const std::string& fill, int decimals = 0);

// Text at (x, y); anchor "" (the start), "middle" or "end".
std::string svg_text(double x, double y, int font_size, const std::string& text, int decimals = 0,
                     const std::string& anchor = "");

}  // namespace mlfs

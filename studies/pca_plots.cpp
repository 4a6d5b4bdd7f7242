// SPDX-License-Identifier: MIT
// The figures of the PCA study (studies/pca.cpp): the digits on two components drawn as their digits,
// digits rebuilt from K components as 8 x 8 grey cells, the cumulative explained variance, a scatter
// coloured by class, and the relative errors of the two routes. Legend: N samples, K components.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "io/svg.hpp"
#include "io/svg_shapes.hpp"
#include "studies/pca.hpp"

namespace mlfs {

namespace {

// matplotlib's tab10: ten classes, ten colours dark enough for text on white (the digit drawn is the
// class, so a reader who cannot tell two colours apart can still read the label)
const char* const kTen[10] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                              "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// <text> with a fill colour (svg_text draws black)
std::string coloured_text(double x, double y, int size, const std::string& text, const std::string& fill) {
    return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"" + std::to_string(size) + "\" fill=\"" + fill +
           "\" text-anchor=\"middle\">" + xml_escape(text) + "</text>";
}

}  // namespace

void write_pca_digit_scatter(const std::string& path, const std::string& title, const Matrix& Z,
                             const std::vector<int>& labels) {
    double lo[2] = {HUGE_VAL, HUGE_VAL}, hi[2] = {-HUGE_VAL, -HUGE_VAL};
    for (std::size_t i = 0; i < Z.rows(); ++i)
        for (std::size_t j = 0; j < 2; ++j) lo[j] = std::min(lo[j], Z(i, j)), hi[j] = std::max(hi[j], Z(i, j));
    const std::vector<double> tx = nice_ticks(lo[0], hi[0]), ty = nice_ticks(lo[1], hi[1]);
    const double x0 = tx.front(), x1 = tx.back(), y0 = ty.front(), y1 = ty.back();
    const double left = 70, top = 50, w = 600, h = 520;
    auto px = [&](double v) { return left + (v - x0) / (x1 - x0) * w; };
    auto py = [&](double v) { return top + h - (v - y0) / (y1 - y0) * h; };
    std::string s = svg_open(800, 640) +
                    svg_title_and_desc(title,
                                       "Each of the 1797 digit images projected on the first two principal "
                                       "components (the two directions of largest variance), drawn as its own "
                                       "digit in its class's colour. Two of 64 dimensions already set 0 (top), "
                                       "4 and 6 (right), 3 and 9 (left) and 1 (bottom) apart, while 2, 5 and 8 "
                                       "overlap in the middle: 28.5% of the variance is not the whole story.") +
                    svg_background() + "\n" + svg_text(40, 30, 16, title) + "\n";
    s += svg_rect(left, top, w, h, "none", 0, "#333") + "\n";
    for (double t : tx)
        s += svg_text(px(t), top + h + 18, 12, tick_label(t, tx[1] - tx[0]), 0, "middle") + "\n";
    for (double t : ty) s += svg_text(left - 6, py(t) + 4, 12, tick_label(t, ty[1] - ty[0]), 0, "end") + "\n";
    s += svg_text(left + w / 2, top + h + 40, 13, "PC1 (the first principal component)", 0, "middle") + "\n";
    s += "<text x=\"22\" y=\"" + fmt(top + h / 2) + "\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 22 " +
         fmt(top + h / 2) + ")\">PC2</text>\n";
    for (std::size_t i = 0; i < Z.rows(); ++i) {
        const int c = ((labels[i] % 10) + 10) % 10;
        s += coloured_text(px(Z(i, 0)), py(Z(i, 1)) + 4, 11, std::to_string(labels[i]), kTen[c]) + "\n";
    }
    for (int c = 0; c < 10; ++c)
        s += coloured_text(710, top + 20 + 24 * c, 15, "digit " + std::to_string(c), kTen[c]) + "\n";
    save_svg(path, s + svg_close());
}

void write_pca_reconstruction_plot(const std::string& path, const std::string& title, const Matrix& originals,
                                   const std::vector<Matrix>& recons, const std::vector<std::size_t>& n_components) {
    const double cell = 7, image = 8 * cell, gap = 14, left = 150, top = 60;
    const std::size_t R = originals.rows(), rows = recons.size() + 1;
    const int width = static_cast<int>(left + double(R) * (image + gap) + 20);
    const int height = static_cast<int>(top + double(rows) * (image + gap) + 20);
    std::string s = svg_open(width, height) +
                    svg_title_and_desc(title,
                                       "Top row: the first ten digit images (8 x 8 pixels, 0 white to 16 black). "
                                       "Each row below rebuilds them from the first K principal components, "
                                       "x ~ z V_K^T + mean_ (PC.16). With 2 components every digit is a blur of "
                                       "the mean; by 10 most are legible, and 40 (of 64) is close to the "
                                       "original.") +
                    svg_background() + "\n" + svg_text(20, 30, 16, title) + "\n";
    for (std::size_t r = 0; r < rows; ++r) {
        const Matrix& images = r == 0 ? originals : recons[r - 1];
        const double y = top + double(r) * (image + gap);
        const std::string label = r == 0 ? "original" : "K = " + std::to_string(n_components[r - 1]);
        s += svg_text(left - 14, y + image / 2 + 5, 14, label, 0, "end") + "\n";
        for (std::size_t i = 0; i < R; ++i) {
            const double x = left + double(i) * (image + gap);
            for (std::size_t p = 0; p < 64; ++p) {
                const double v = std::min(16.0, std::max(0.0, images(i, p)));
                const int grey = static_cast<int>(std::lround(255.0 * (1.0 - v / 16.0)));
                char fill[8];
                std::snprintf(fill, sizeof fill, "#%02x%02x%02x", grey, grey, grey);
                s += svg_rect(x + double(p % 8) * cell, y + double(p / 8) * cell, cell, cell, fill);
            }
            s += svg_rect(x, y, image, image, "none", 0, "#999") + "\n";
        }
    }
    save_svg(path, s + svg_close());
}

void write_pca_scree_plot(const std::string& path, const std::string& title,
                          const std::vector<std::pair<std::string, Vector>>& ratios) {
    Plot plot(title, "components kept, K", "cumulative explained_variance_ratio_");
    double most = 1.0;
    for (const auto& r : ratios) {
        Vector k, cum;
        double sum = 0.0;
        for (std::size_t i = 0; i < r.second.size(); ++i) {
            sum += r.second[i];
            k.push_back(double(i + 1));
            cum.push_back(sum);
        }
        most = std::max(most, double(r.second.size()));
        plot.add_line(r.first, k, cum);
    }
    plot.add_line("0.95", {1.0, most}, {0.95, 0.95});
    plot.set_caption("The share of the total variance kept by the first K components. The digits need 11 "
                     "components for 75% and 29 for 95%; z-scored wine climbs gently (10 of 13 for 95%), while "
                     "unscaled wine starts at 99.8% with one component: not a sign of simple data but of one "
                     "column (proline) measured in large units. n_components=0.95 keeps the fewest K whose curve is above the "
                     "0.95 line.");
    plot.save(path);
}

void write_pca_class_scatter(const std::string& path, const std::string& title, const Matrix& Z,
                             const std::vector<int>& labels, const ScatterText& text) {
    Plot plot(title, text.x_label, text.y_label);
    plot.add_scatter(text.name, Z.col(0), Z.col(1), labels);
    plot.set_caption(text.caption);
    plot.save(path);
}

void write_pca_eigloss_plot(const std::string& path, const std::string& title, const Vector& exact,
                            const std::vector<std::pair<std::string, Vector>>& errors, double floor) {
    Plot plot(title, "the exact singular value s_k (log scale)", "|s_k - exact| / exact (log scale)");
    plot.set_log_x(true);
    plot.set_log_y(true);
    for (const auto& e : errors) {
        Vector err;
        for (double v : e.second) err.push_back(std::max(v, floor));
        plot.add_line(e.first, exact, err);
    }
    char floor_text[16];
    std::snprintf(floor_text, sizeof floor_text, "%.0e", floor);
    plot.set_caption(std::string("The relative error of each singular value of eigloss against mpmath's (errors of "
                                 "exactly 0 drawn at ") +
                     floor_text +
                     "), against the value itself: the smaller s_k, the larger the error. Both SVDs keep s_3 = 1e-8 "
                     "to about 1e-9 (the bound is eps s_1 / s_3 = 2e-8); the covariance route (ours with solver eig, "
                     "and numpy's eigh) squares the spread of the values, so s_3 drowns in the rounding of C and "
                     "comes out wrong in the first or second digit.");
    plot.save(path);
}

}  // namespace mlfs

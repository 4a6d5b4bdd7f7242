// SPDX-License-Identifier: MIT
// The figures of the logistic-regression study (studies/logistic_regression.cpp): the loss per
// Newton step and per gradient step, a multinomial decision boundary, a calibration curve, and the
// coefficient paths over C on separated data. Legend: N samples, D features, K classes.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "io/svg.hpp"
#include "io/svg_shapes.hpp"
#include "studies/logistic_regression.hpp"

namespace mlfs {

void write_logreg_convergence_plot(const std::string& path, const std::string& title,
                                   const std::vector<LossGap>& runs) {
    Plot plot(title, "step k (log scale)", "f(theta_k) - f*  (log scale)");
    plot.set_log_x(true);
    plot.set_log_y(true);
    for (const LossGap& r : runs) {
        Vector k, gap;
        const double floor = 16.0 * DBL_EPSILON * std::fabs(r.f_star);  // below it the gap is rounding noise
        for (std::size_t i = 1; i < r.loss_curve.size(); ++i) {
            const double d = r.loss_curve[i] - r.f_star;
            if (!(d > floor)) break;
            k.push_back(static_cast<double>(i));
            gap.push_back(d);
        }
        plot.add_line(r.name, k, gap);
    }
    plot.set_caption("The gap f(theta_k) - f* to the optimum after each step k, both axes logarithmic, each line cut "
                     "where the gap reaches the rounding level of f. Newton's two lines fall off a cliff after a few "
                     "steps, in raw units as on z-scored features (the error squares each step); gradient descent "
                     "(GD, step 1/L) falls slowly on z-scored features and hardly at all on the raw ones.");
    plot.save(path);
}

void write_logreg_boundary_plot(const std::string& path, const std::string& title, const LogisticModel& model,
                                const Matrix& X, const Vector& y, const std::vector<std::string>& names) {
    // Okabe-Ito, as io/svg.cpp colours class c; the pale versions for the regions
    const char* const dark[8] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};
    const char* const pale[8] = {"#cfe3f2", "#fbe3b0", "#c4eadf", "#f2d7e7", "#d5ecf9", "#f5cfb3", "#fbf6c6", "#d9d9d9"};
    const std::size_t G = 60, K = std::min<std::size_t>(model.n_classes(), 8);
    double lo[2] = {HUGE_VAL, HUGE_VAL}, hi[2] = {-HUGE_VAL, -HUGE_VAL};
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t j = 0; j < 2; ++j) lo[j] = std::min(lo[j], X(i, j)), hi[j] = std::max(hi[j], X(i, j));
    for (std::size_t j = 0; j < 2; ++j) {  // a margin of 5% on each side
        const double m = hi[j] > lo[j] ? 0.05 * (hi[j] - lo[j]) : 1.0;  // a constant feature: a unit either side
        lo[j] -= m, hi[j] += m;
    }
    Matrix grid(G * G, 2);
    for (std::size_t a = 0; a < G; ++a)
        for (std::size_t b = 0; b < G; ++b) {
            grid(a * G + b, 0) = lo[0] + (hi[0] - lo[0]) * (static_cast<double>(a) + 0.5) / static_cast<double>(G);
            grid(a * G + b, 1) = lo[1] + (hi[1] - lo[1]) * (static_cast<double>(b) + 0.5) / static_cast<double>(G);
        }
    const Vector region = predict(model, grid);
    auto index = [&](double label) {
        return static_cast<std::size_t>(std::lower_bound(model.classes_.begin(), model.classes_.end(), label) -
                                        model.classes_.begin()) %
               8;
    };
    const double left = 70, top = 50, size = 440;
    auto px = [&](double v) { return left + (v - lo[0]) / (hi[0] - lo[0]) * size; };
    auto py = [&](double v) { return top + size - (v - lo[1]) / (hi[1] - lo[1]) * size; };
    std::string s = svg_open(800, 560) +
                    svg_title_and_desc(title,
                                       "The class the model predicts over the plane of two features (pale cells), "
                                       "with every sample on top in its true class's colour. The boundaries are "
                                       "straight lines, where two classes' scores b_k + x^T w_k tie (for two classes, "
                                       "where z = b + x^T w = 0); a sample on another colour's cell is a training "
                                       "error.") +
                    svg_background() + "\n" + svg_text(40, 30, 16, title) + "\n";
    const double cw = size / static_cast<double>(G);
    for (std::size_t k = 0; k < region.size(); ++k)
        s += svg_rect(px(grid(k, 0)) - cw / 2, py(grid(k, 1)) - cw / 2, cw + 0.3, cw + 0.3, pale[index(region[k])], 2) +
             "\n";
    s += svg_rect(left, top, size, size, "none", 0, "#333") + "\n";
    for (std::size_t i = 0; i < X.rows(); ++i)
        s += svg_circle(px(X(i, 0)), py(X(i, 1)), 3.5, dark[index(y[i])], 2) + "\n";
    // axis ends and labels
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g", lo[0]);
    s += svg_text(left, top + size + 18, 12, buf) + "\n";
    std::snprintf(buf, sizeof buf, "%.3g", hi[0]);
    s += svg_text(left + size, top + size + 18, 12, buf, 0, "end") + "\n";
    s += svg_text(left + size / 2, top + size + 38, 13, names.size() > 0 ? names[0] : "x1", 0, "middle") + "\n";
    std::snprintf(buf, sizeof buf, "%.3g", lo[1]);
    s += svg_text(left - 6, top + size, 12, buf, 0, "end") + "\n";
    std::snprintf(buf, sizeof buf, "%.3g", hi[1]);
    s += svg_text(left - 6, top + 12, 12, buf, 0, "end") + "\n";
    s += "<text x=\"24\" y=\"" + std::to_string(static_cast<int>(top + size / 2)) +
         "\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 24 " +
         std::to_string(static_cast<int>(top + size / 2)) + ")\">" + xml_escape(names.size() > 1 ? names[1] : "x2") +
         "</text>\n";
    for (std::size_t c = 0; c < K; ++c) {
        const double yc = 70 + 26 * static_cast<double>(c);
        std::snprintf(buf, sizeof buf, "class %g: predicted region, samples", model.classes_[c]);
        s += svg_rect(540, yc - 7, 14, 14, pale[c]) + svg_circle(547, yc, 3.5, dark[c]) +
             svg_text(562, yc + 5, 13, buf) + "\n";
    }
    std::size_t wrong = 0;
    const Vector yhat = predict(model, X);
    for (std::size_t i = 0; i < X.rows(); ++i) wrong += yhat[i] != y[i];
    std::snprintf(buf, sizeof buf, "%zu of %zu samples misclassified", wrong, X.rows());
    s += svg_text(540, 70 + 26 * static_cast<double>(K) + 10, 13, buf) + "\n";
    save_svg(path, s + svg_close());
}

CalibrationBins calibration_bins(const Vector& p1, const Vector& y01, std::size_t bins) {
    std::vector<double> sum_p(bins, 0.0), sum_y(bins, 0.0), n(bins, 0.0);
    for (std::size_t i = 0; i < p1.size(); ++i) {
        const std::size_t b = std::min(bins - 1, static_cast<std::size_t>(p1[i] * static_cast<double>(bins)));
        sum_p[b] += p1[i], sum_y[b] += y01[i], n[b] += 1.0;
    }
    CalibrationBins c;
    for (std::size_t b = 0; b < bins; ++b)
        if (n[b] > 0.0) {
            c.mean_predicted.push_back(sum_p[b] / n[b]);
            c.observed.push_back(sum_y[b] / n[b]);
            c.count.push_back(n[b]);
        }
    return c;
}

void write_logreg_calibration_plot(const std::string& path, const std::string& title,
                                   const std::vector<std::pair<std::string, CalibrationBins>>& curves) {
    Plot plot(title, "mean predicted probability in the bin", "observed frequency of the class in the bin");
    plot.add_line("perfectly calibrated (y = x)", Vector{0.0, 1.0}, Vector{0.0, 1.0});
    for (const auto& c : curves) plot.add_line(c.first, c.second.mean_predicted, c.second.observed);
    plot.set_caption("The training samples binned by their predicted probability of the positive class (benign "
                     "for breast cancer, the minority for the imbalanced set; bins of 0.1); each point is a bin's "
                     "mean prediction against how often the class really occurs in it. On the diagonal the "
                     "probabilities mean what they say. Look at the imbalanced set: it follows the line although "
                     "predict() at 0.5 misses most of its minority; breast cancer's middle bins hold 1 to 9 "
                     "samples (the counts are printed), so its curve jumps there while its crowded end bins sit "
                     "on the line.");
    plot.save(path);
}

void write_logreg_path_plot(const std::string& path, const std::string& title, const std::vector<double>& Cs,
                            const Matrix& coef, const std::vector<double>& intercept, const Matrix& ref_coef,
                            const std::vector<double>& ref_intercept) {
    Plot plot(title, "C (log scale; the penalty is ||w||^2 / 2C)", "coefficient");
    plot.set_log_x(true);
    for (std::size_t j = 0; j < coef.cols(); ++j) plot.add_line("w" + std::to_string(j + 1), Cs, coef.col(j));
    plot.add_line("b (intercept)", Cs, intercept);
    Vector xs, ys;
    for (std::size_t c = 0; c < Cs.size(); ++c) {
        for (std::size_t j = 0; j < ref_coef.cols(); ++j) xs.push_back(Cs[c]), ys.push_back(ref_coef(c, j));
        xs.push_back(Cs[c]), ys.push_back(ref_intercept[c]);
    }
    plot.add_markers("scikit-learn", xs, ys);
    plot.set_caption("The separated data fitted with the L2 penalty for each C of scikit-learn's path: our "
                     "coefficients as lines, scikit-learn's as crosses. Without a penalty there is no answer (the "
                     "fit reports SeparationError); with one there is, and it grows without bound as C grows: "
                     "look for the weights climbing by about the same step per decade of C on the right, where "
                     "every sample is already classified right and only the length of w keeps growing.");
    plot.save(path);
}

}  // namespace mlfs

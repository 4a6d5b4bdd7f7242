// SPDX-License-Identifier: MIT
// (LG.15) the separation checks of an unpenalised logistic fit (derivations/logistic_regression.md,
// algorithms/logistic_separation.hpp). Legend: N samples, D features, M model rows, x~_i = [1, x_i].
#include "algorithms/logistic_separation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "algorithms/logistic_regression.hpp"
#include "linalg/format.hpp"

namespace mlfs {

namespace {

// margin_i of the linear function theta (M rows of [b_m, w_m]) and ||x~_i||
void margins(const SeparationCheck& c, const Vector& theta, Vector& m, Vector& xnorm) {
    const std::size_t N = c.X.rows(), D = c.X.cols(), M = theta.size() / (D + 1);
    m.assign(N, 0.0);
    xnorm.assign(N, 0.0);
    Vector z(M);
    for (std::size_t i = 0; i < N; ++i) {
        const double* x = &c.X.data()[i * D];
        double s2 = 1.0;
        for (std::size_t j = 0; j < D; ++j) s2 += x[j] * x[j];
        xnorm[i] = std::sqrt(s2);
        for (std::size_t k = 0; k < M; ++k) {
            const double* t = &theta[k * (D + 1)];
            double s = t[0];
            for (std::size_t j = 0; j < D; ++j) s += x[j] * t[j + 1];
            z[k] = s;
        }
        if (M == 1) {
            m[i] = (2.0 * c.y01[i] - 1.0) * z[0];
            continue;
        }
        std::size_t own = 0;
        for (std::size_t k = 0; k < M; ++k)
            if ((*c.Y)(i, k) == 1.0) own = k;
        double rival = -HUGE_VAL;
        for (std::size_t k = 0; k < M; ++k)
            if (k != own) rival = std::max(rival, z[k]);
        m[i] = z[own] - rival;
    }
}

// "mean_radius 0.71, intercept -0.52, ..." : the largest components of d / ||d||
std::string direction(const SeparationCheck& c, const Vector& d) {
    const std::size_t D = c.X.cols(), M = d.size() / (D + 1);
    double norm = std::sqrt(std::inner_product(d.begin(), d.end(), d.begin(), 0.0));
    std::vector<std::size_t> order(d.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return std::fabs(d[a]) > std::fabs(d[b]); });
    std::string out;
    for (std::size_t r = 0; r < std::min<std::size_t>(6, order.size()); ++r) {
        std::size_t p = order[r], k = p / (D + 1), a = p % (D + 1);
        if (d[p] == 0.0) break;
        // named as the audit names them: the feature's name, or x1 .. xD as statsmodels does
        std::string label = a == 0 ? "intercept" : a - 1 < c.names.size() ? c.names[a - 1] : "x" + std::to_string(a);
        if (M > 1) label = "class " + format_table(c.classes[k]) + ": " + label;
        out += (r ? ", " : "") + label + " " + format_table(d[p] / norm);
    }
    return out;
}

}  // namespace

namespace {
// theta separates every row with a positive margin: the message of a complete separation
[[noreturn]] void complete(const SeparationCheck& c, const Vector& theta, std::size_t iteration) {
    const std::size_t D = c.X.cols();
    std::string split = theta.size() == D + 1
                            ? "z = b + x^T w is > 0 on every row of class " + format_table(c.classes[1]) +
                                  " and < 0 on every row of class " + format_table(c.classes[0])
                            : "every row's own class has the largest score z_k = b_k + x^T w_k";
    throw SeparationError("the classes are completely separated (found at step " + std::to_string(iteration) +
                              "): " + split +
                              " for the coefficients below, so scaling them up drives the log-loss to 0; the "
                              "unpenalised likelihood has no maximum and its coefficients grow without bound. The "
                              "separating direction, largest components first: " +
                              direction(c, theta) + ". Fit with the L2 penalty (a finite C) for a finite answer.",
                          iteration);
}
}  // namespace

void SeparationCheck::require_no_complete_separation(const Vector& theta, int iteration) const {
    Vector m, xnorm;
    margins(*this, theta, m, xnorm);
    for (double v : m)
        if (!(v > 0.0)) return;
    complete(*this, theta, std::size_t(iteration));
}

void SeparationCheck::require_finite_maximum(const Vector& before, int before_step, const Vector& now, int now_step,
                                             const std::string& why) const {
    if (now_step <= before_step) return;
    const std::size_t first = std::size_t(before_step), last = std::size_t(now_step);
    Vector d(now.size());
    for (std::size_t j = 0; j < d.size(); ++j) d[j] = now[j] - before[j];
    double dnorm = std::sqrt(std::inner_product(d.begin(), d.end(), d.begin(), 0.0));
    if (dnorm == 0.0) return;
    Vector m, xnorm;
    margins(*this, d, m, xnorm);
    std::size_t rising = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        double tol = 1e-8 * dnorm * xnorm[i];
        if (m[i] < -tol) return;  // some row's fit gets worse along d: not a separating direction
        if (m[i] > tol) ++rising;
    }
    if (rising == 0) return;
    if (rising == m.size()) complete(*this, d, last);  // d itself separates every row
    double size_before = 0.0, after = 0.0;
    for (double v : before) size_before = std::max(size_before, std::fabs(v));
    for (double v : now) after = std::max(after, std::fabs(v));
    throw SeparationError("the unpenalised likelihood has no maximum (quasi-complete separation; " + why +
                              " at step " + std::to_string(last) +
                              "): the coefficients have been moving along a direction that lowers no row's "
                              "margin and raises it for " +
                              std::to_string(rising) + " of " + std::to_string(m.size()) +
                              " rows, so the log-loss keeps falling as they grow without bound (max |theta| " +
                              format_table(size_before) + " at step " + std::to_string(first) + ", " + format_table(after) + " at step " +
                              std::to_string(last) + "). That direction, largest components first: " +
                              direction(*this, d) + ". Fit with the L2 penalty (a finite C) for a finite answer.",
                          last);
}

}  // namespace mlfs

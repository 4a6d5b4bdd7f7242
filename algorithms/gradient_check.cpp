// SPDX-License-Identifier: MIT
// Central-difference gradient check of backprop (NN.18), with the rounding bound of
// gradient_check.hpp.
#include "algorithms/gradient_check.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlfs {

double gradient_check_objective(const Network& net, const Matrix& X, const Matrix& Y, double alpha) {
    const Matrix out = forward(net, X).back();
    const double J = batch_loss(net, out, Y, alpha);
    if (net.output != OutputKind::identity) return J;
    // squared error: sklearn's gradient is that of (1/2m) sum_ij (y - yhat)^2, i.e. K x its loss's data term
    const double data = data_loss(net.output, out, Y);
    return J - data + data * static_cast<double>(Y.cols());
}

double gradient_check_rounding_scale(const Network& net, const Matrix& X, const Matrix& Y, double alpha) {
    const std::vector<Matrix> A = forward(net, X);
    const std::size_t L = net.n_layers();
    const Matrix &P = A[L], &A_in = A[L - 1], &W = net.coefs_[L - 1];  // P is m x K, A_in m x H_{L-1}
    const Vector& b = net.intercepts_[L - 1];
    const double eps = std::numeric_limits<double>::epsilon();
    double s = 0.0;
    for (std::size_t i = 0; i < P.rows(); ++i)
        for (std::size_t k = 0; k < P.cols(); ++k) {
            double zeta = std::fabs(b[k]);  // zeta_ik = sum_j |A_in(i, j) W(j, k)| + |b_k|
            for (std::size_t j = 0; j < A_in.cols(); ++j) zeta += std::fabs(A_in(i, j) * W(j, k));
            const double p = P(i, k), y = Y(i, k);
            double c = 0.0;  // condition of the loss in p (squared: none beyond the zeta term)
            if (net.output == OutputKind::softmax) c = y;
            if (net.output == OutputKind::logistic) {
                const double pc = std::min(std::max(p, eps), 1.0 - eps);  // as clip_probability (NN.3)
                c = y + (1.0 - y) * pc / (1.0 - pc);
            }
            s += std::fabs(p - y) * zeta + c;  // term 1: Z_L's rounding through (P - Y)/m; term 2: the loss's own
        }
    return std::fabs(gradient_check_objective(net, X, Y, alpha)) + s / static_cast<double>(P.rows());
}

namespace {

// true when some relu pre-activation lies on different sides of 0 in the three passes
bool crosses_kink(const Network& net, const std::vector<Matrix>& Z0, const std::vector<Matrix>& Zp,
                  const std::vector<Matrix>& Zm) {
    if (net.hidden != Activation::relu) return false;
    for (std::size_t l = 0; l + 1 < Z0.size(); ++l)  // hidden layers only; the output is smooth
        for (std::size_t k = 0; k < Z0[l].size(); ++k) {
            const bool s0 = Z0[l].data()[k] > 0.0, sp = Zp[l].data()[k] > 0.0, sm = Zm[l].data()[k] > 0.0;
            if (s0 != sp || s0 != sm) return true;
        }
    return false;
}

// (NN.18) rel = |a - n| / max(|a|, |n|, noise / tau): below tau <=> |a - n| <= max(tau max(|a|, |n|), noise).
// Two exactly equal gradients (0 = 0 included) have rel 0.
double relative_error(double a, double n, double floor) {
    const double d = std::fabs(a - n), scale = std::max({std::fabs(a), std::fabs(n), floor});
    return d == 0.0 ? 0.0 : d / scale;
}

}  // namespace

GradientCheckResult gradient_check(const Network& net, const Matrix& X, const Matrix& Y, double alpha,
                                   const GradientCheckOptions& opt) {
    Gradients g;
    backprop(net, X, Y, alpha, g);  // the analytic gradient
    std::vector<Matrix> Z0, Zp, Zm;
    forward(net, X, &Z0);
    GradientCheckResult r;
    // noise = S eps J_eps / h, the rounding bound of the difference quotient (NN.18)
    r.noise = opt.safety * std::numeric_limits<double>::epsilon() * gradient_check_rounding_scale(net, X, Y, alpha) /
              opt.h;
    r.floor = r.noise / opt.threshold;
    std::vector<GradientCheckEntry> all;
    Network p = net;  // perturbed copy; each parameter is restored after its two evaluations
    auto check_one = [&](double& theta, double analytic, GradientCheckEntry e) {
        const double saved = theta;
        theta = saved + opt.h;
        const double Jp = gradient_check_objective(p, X, Y, alpha);
        forward(p, X, &Zp);
        theta = saved - opt.h;
        const double Jm = gradient_check_objective(p, X, Y, alpha);
        forward(p, X, &Zm);
        theta = saved;
        if (crosses_kink(p, Z0, Zp, Zm)) {
            ++r.n_skipped_kinks;
            return;
        }
        e.analytic = analytic;
        e.numeric = (Jp - Jm) / (2.0 * opt.h);  // (NN.18) n
        e.rel_error = relative_error(e.analytic, e.numeric, r.floor);
        r.max_abs_gradient = std::max({r.max_abs_gradient, std::fabs(e.analytic), std::fabs(e.numeric)});
        ++r.n_checked;
        all.push_back(e);
    };
    for (std::size_t l = 0; l < net.n_layers(); ++l) {
        Matrix& W = p.coefs_[l];
        for (std::size_t i = 0; i < W.rows(); ++i)
            for (std::size_t j = 0; j < W.cols(); ++j) check_one(W(i, j), g.dW[l](i, j), {l, false, i, j, 0, 0, 0});
        for (std::size_t j = 0; j < p.intercepts_[l].size(); ++j)
            check_one(p.intercepts_[l][j], g.db[l][j], {l, true, 0, j, 0, 0, 0});
    }
    std::sort(all.begin(), all.end(),
              [](const GradientCheckEntry& a, const GradientCheckEntry& b) { return a.rel_error > b.rel_error; });
    if (!all.empty()) r.max_rel_error = all.front().rel_error;
    all.resize(std::min(all.size(), opt.n_worst));
    r.worst = std::move(all);
    // a check that could not fail: every gradient, both kinds, below the guard or the rounding bound
    r.vacuous = r.max_abs_gradient < std::max(opt.zero_guard, r.noise);
    return r;
}

std::string GradientCheckResult::verdict() const {
    if (vacuous || n_checked == 0) return "vacuous";
    if (max_rel_error > 1e-2) return "probably wrong";
    if (max_rel_error > 1e-4) return "uncomfortable";
    if (max_rel_error >= 1e-7) return "acceptable with kinks";
    return "good";
}

std::string GradientCheckResult::describe() const {
    std::string s = verdict() + ": max rel error " + format_number(max_rel_error) + " over " +
                    std::to_string(n_checked) + " parameters (" + std::to_string(n_skipped_kinks) +
                    " skipped at relu kinks), max |gradient| " + format_number(max_abs_gradient) + ", rounding bound " +
                    format_number(noise) + " (floor " + format_number(floor) + ")";
    for (const GradientCheckEntry& e : worst)
        s += "\n  " + std::string(e.bias ? "b" : "W") + std::to_string(e.layer + 1) + "(" +
             (e.bias ? std::to_string(e.j) : std::to_string(e.i) + ", " + std::to_string(e.j)) + "): analytic " +
             format_number(e.analytic) + ", numeric " + format_number(e.numeric) + ", |a - n| " +
             format_number(std::fabs(e.analytic - e.numeric)) + ", rel " + format_number(e.rel_error);
    return s;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Central-difference gradient check of backprop (NN.18).
#include "algorithms/gradient_check.hpp"

#include <algorithm>
#include <cmath>

namespace mlfs {

double gradient_check_objective(const Network& net, const Matrix& X, const Matrix& Y, double alpha) {
    const Matrix out = forward(net, X).back();
    const double J = batch_loss(net, out, Y, alpha);
    if (net.output != OutputKind::identity) return J;
    // squared error: sklearn's gradient is that of (1/2m) sum_ij (y - yhat)^2, i.e. K x its loss's data term
    const double data = data_loss(net.output, out, Y);
    return J - data + data * static_cast<double>(Y.cols());
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

}  // namespace

GradientCheckResult gradient_check(const Network& net, const Matrix& X, const Matrix& Y, double alpha,
                                   const GradientCheckOptions& opt) {
    Gradients g;
    backprop(net, X, Y, alpha, g);  // the analytic gradient
    std::vector<Matrix> Z0, Zp, Zm;
    forward(net, X, &Z0);
    GradientCheckResult r;
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
        if (crosses_kink(p, Z0, Zp, Zm)) { ++r.n_skipped_kinks; return; }
        e.analytic = analytic;
        e.numeric = (Jp - Jm) / (2.0 * opt.h);
        // (NN.18) rel = |a - n| / max(|a|, |n|), with a floor for two (near-)zero gradients
        e.rel_error = std::fabs(e.analytic - e.numeric) /
                      std::max({std::fabs(e.analytic), std::fabs(e.numeric), opt.floor});
        r.max_abs_gradient = std::max(r.max_abs_gradient, std::fabs(analytic));
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
    std::sort(all.begin(), all.end(), [](const GradientCheckEntry& a, const GradientCheckEntry& b) {
        return a.rel_error > b.rel_error;
    });
    if (!all.empty()) r.max_rel_error = all.front().rel_error;
    all.resize(std::min(all.size(), opt.n_worst));
    r.worst = std::move(all);
    r.vacuous = r.max_abs_gradient < opt.zero_guard;  // a check that could not fail
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
                    " skipped at relu kinks), max |gradient| " + format_number(max_abs_gradient);
    for (const GradientCheckEntry& e : worst)
        s += "\n  " + std::string(e.bias ? "b" : "W") + std::to_string(e.layer + 1) + "(" +
             (e.bias ? std::to_string(e.j) : std::to_string(e.i) + ", " + std::to_string(e.j)) +
             "): analytic " + format_number(e.analytic) + ", numeric " + format_number(e.numeric) +
             ", rel " + format_number(e.rel_error);
    return s;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Gradient check for the MLP: backprop's gradient (NN.4-NN.7) against central differences of the
// objective, for every weight and bias (NN.18). Legend as in mlp.hpp: X is m x D, Y is m x K,
// P = A_L the output (m x K), eps = 2^-52.
//
//   numeric  n = (J(theta + h e_k) - J(theta - h e_k)) / (2 h): truncation O(h^2 J''') plus
//            rounding: each J carries an error ~ eps J_eps, so n carries ~ eps J_eps / h
//   (NN.18)  pass  <=>  |a - n| <= max(tau max(|a|, |n|), noise),   noise = S eps J_eps / h,
//            reported as rel = |a - n| / max(|a|, |n|, noise / tau)   (pass <=> rel < tau)
//            tau = 1e-7 (CS231n, "Gradient checks": good for doubles), S = 4 a safety factor.
//   J_eps    the size of the rounding error of J in units of eps, to first order:
//            |J| + (1/m) sum_ik ( |p_ik - y_ik| zeta_ik + c_ik ),  where
//            zeta = |A_{L-1}| |W_L| + |b_L|  bounds the rounding of Z_L = A_{L-1} W_L + b_L, which
//                   reaches J through dJ/dZ_L = (P - Y)/m (NN.4), and
//            c    is the condition of the loss in P: y (softmax: log p), y + (1 - y) p / (1 - p)
//                 (binary: log(1 - p) loses digits as p -> 1), 0 (squared: in the zeta term)
//            Over the gradcheck sweep (4 activations x 3 losses x 7 shapes x 2 alphas x 20 seeds,
//            h = 1e-5 and 1e-6) the largest |a - n| / (eps J_eps / h) among entries that needed
//            the bound was 0.92; S = 4 leaves a factor 4 over it. Without the c term a binary
//            network with p = 0.9999 for a y = 0 sample showed 250 x eps |J| / h.
//   verdict  rel > 1e-2 probably wrong; 1e-4 .. 1e-2 uncomfortable; 1e-7 .. 1e-4 acceptable only
//            with kinks; < 1e-7 good (doubles, smooth activations)
//
// J is the objective whose gradient backprop computes: the loss sklearn reports, except that the
// squared error is summed over the K outputs (sklearn averages the loss over outputs but not the
// delta, so its gradient is K times d(reported loss)/dW; for K = 1 the two are the same).
// Relu kinks: a perturbation that moves a hidden pre-activation across 0 (between theta - h,
// theta and theta + h) makes the difference quotient meaningless there; that parameter is skipped
// and counted, never silently passed. A check where every gradient (analytic and numeric) is
// below max(zero_guard, noise) could not fail, so it is reported as vacuous and ok() is false.
#pragma once

#include <string>
#include <vector>

#include "algorithms/mlp.hpp"

namespace mlfs {

struct GradientCheckOptions {
    double h = 1e-5;           // the perturbation
    double threshold = 1e-7;   // tau: the relative bar, and noise / tau the floor of rel (NN.18)
    double safety = 4.0;       // S in noise = S eps J_eps / h
    double zero_guard = 1e-6;  // max |gradient| below this (or below noise) => vacuous
    std::size_t n_worst = 5;   // entries kept in `worst`
};

struct GradientCheckEntry {
    std::size_t layer = 0;  // 0-based: W_{layer+1} / b_{layer+1}
    bool bias = false;      // b (then i = 0, j = unit) or W (i = input unit, j = output unit)
    std::size_t i = 0, j = 0;
    double analytic = 0.0, numeric = 0.0, rel_error = 0.0;
};

struct GradientCheckResult {
    std::vector<GradientCheckEntry> worst;  // largest rel_error first
    double max_rel_error = 0.0;
    double max_abs_gradient = 0.0;  // max(|analytic|, |numeric|) over all checked parameters
    double noise = 0.0;             // S eps J_eps / h: the absolute bound of (NN.18)
    double floor = 0.0;             // noise / tau: the smallest denominator of rel
    std::size_t n_checked = 0, n_skipped_kinks = 0;
    bool vacuous = false;
    // rel was computed with the floor noise / GradientCheckOptions::threshold; a smaller threshold
    // here is a stricter test of the same numbers
    bool ok(double threshold = 1e-7) const { return !vacuous && n_checked > 0 && max_rel_error < threshold; }
    std::string verdict() const;   // "good", "acceptable with kinks", "uncomfortable", "probably wrong", "vacuous"
    std::string describe() const;  // one line per worst entry
};

// J(theta) as described above (the objective of the check)
double gradient_check_objective(const Network& net, const Matrix& X, const Matrix& Y, double alpha);

// J_eps as described above: |fl(J) - J| is about eps J_eps (NN.18)
double gradient_check_rounding_scale(const Network& net, const Matrix& X, const Matrix& Y, double alpha);

GradientCheckResult gradient_check(const Network& net, const Matrix& X, const Matrix& Y, double alpha,
                                   const GradientCheckOptions& opt = {});

}  // namespace mlfs

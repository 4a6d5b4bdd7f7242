// SPDX-License-Identifier: MIT
// Gradient check for the MLP: backprop's gradient (NN.4-NN.7) against central differences of the
// objective, for every weight and bias (NN.18). Legend as in mlp.hpp: X is m x D, Y is m x K.
//
//   numeric  n = (J(theta + h e_k) - J(theta - h e_k)) / (2 h)       error O(h^2) + O(eps J / h)
//   (NN.18)  rel = |a - n| / max(|a|, |n|, floor)  (CS231n, "Gradient checks"). The floor (1e-4
//            by default) matters only for gradients below it: there the rounding noise of the
//            difference quotient, ~eps J / h ~ 1e-11 for J ~ 1 and h = 1e-5, would dominate the
//            plain ratio (a gradient of 6e-6 shows 9e-7 with a correct backprop); with the floor
//            the test becomes |a - n| < threshold x floor = 1e-11 absolute for those, still strict.
//   verdict  rel > 1e-2 probably wrong; 1e-4 .. 1e-2 uncomfortable; 1e-7 .. 1e-4 acceptable only
//            with kinks; < 1e-7 good (doubles, smooth activations)
//
// J is the objective whose gradient backprop computes: the loss sklearn reports, except that the
// squared error is summed over the K outputs (sklearn averages the loss over outputs but not the
// delta, so its gradient is K times d(reported loss)/dW; for K = 1 the two are the same).
// Relu kinks: a perturbation that moves a hidden pre-activation across 0 (between theta - h,
// theta and theta + h) makes the difference quotient meaningless there; that parameter is skipped
// and counted, never silently passed. A check where every gradient is below `zero_guard` could not
// fail, so it is reported as vacuous and ok() is false.
#pragma once

#include <string>
#include <vector>

#include "algorithms/mlp.hpp"

namespace mlfs {

struct GradientCheckOptions {
    double h = 1e-5;            // the perturbation
    double floor = 1e-4;        // smallest denominator of the relative error
    double zero_guard = 1e-6;   // max |gradient| below this => vacuous
    std::size_t n_worst = 5;    // entries kept in `worst`
};

struct GradientCheckEntry {
    std::size_t layer = 0;      // 0-based: W_{layer+1} / b_{layer+1}
    bool bias = false;          // b (then i = 0, j = unit) or W (i = input unit, j = output unit)
    std::size_t i = 0, j = 0;
    double analytic = 0.0, numeric = 0.0, rel_error = 0.0;
};

struct GradientCheckResult {
    std::vector<GradientCheckEntry> worst;  // largest rel_error first
    double max_rel_error = 0.0;
    double max_abs_gradient = 0.0;          // max |analytic| over all checked parameters
    std::size_t n_checked = 0, n_skipped_kinks = 0;
    bool vacuous = false;
    bool ok(double threshold = 1e-7) const { return !vacuous && n_checked > 0 && max_rel_error < threshold; }
    std::string verdict() const;            // "good", "acceptable with kinks", "uncomfortable", "probably wrong", "vacuous"
    std::string describe() const;           // one line per worst entry
};

// J(theta) as described above (the objective of the check)
double gradient_check_objective(const Network& net, const Matrix& X, const Matrix& Y, double alpha);

GradientCheckResult gradient_check(const Network& net, const Matrix& X, const Matrix& Y, double alpha,
                                   const GradientCheckOptions& opt = {});

}  // namespace mlfs

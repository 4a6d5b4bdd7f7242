// SPDX-License-Identifier: MIT
// (LG.15) separation (derivations/logistic_regression.md): when a linear function of the features
// puts every row on its own class's side, the unpenalised likelihood has no maximum and the
// coefficients grow without bound. fit_logistic asks two questions of an unpenalised fit, at every
// Newton step (every 10th gradient step), and the second again when the fit cannot finish (max_iter,
// a singular Hessian, a line search that cannot decrease f):
//   complete separation: are all margins of theta positive? A certificate: theta itself separates
//     the rows, and scaling it up drives the log-loss to 0.
//   quasi-complete separation: has theta been moving (over the last five steps) along a direction d
//     that lowers no row's margin, (2 y_i - 1) x~_i^T d >= -1e-8 ||d|| ||x~_i|| for every i, and
//     raises some? Only separated data has such a d. If d raises every margin, d itself separates
//     completely, and that is what is reported.
// Margin of row i: (2 y_i - 1) z_i for two classes; z_{i,c} - max_{k != c} z_{ik} for K classes,
// c its class. Both checks throw SeparationError with the direction's largest components named.
#pragma once

#include <string>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

struct SeparationCheck {
    const Matrix& X;                         // N x D
    const Matrix* Y;                         // N x K one-hot for K > 2 classes, else nullptr
    const Vector& y01;                       // N, for two classes
    const Vector& classes;                   // the labels, sorted
    const std::vector<std::string>& names;   // feature names (may be empty)

    // theta holds M rows of [b_m, w_m]
    void require_no_complete_separation(const Vector& theta, int iteration) const;
    // d = now - before, the movement from step before_step to step now_step (five steps apart, or
    // fewer at the start); `why` says when it is asked. Returns when d is not a separating direction.
    void require_finite_maximum(const Vector& before, int before_step, const Vector& now, int now_step,
                                const std::string& why) const;
};

}  // namespace mlfs

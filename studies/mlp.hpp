// SPDX-License-Identifier: MIT
// The multi-layer perceptron case study of `mlfs mlp` and `mlfs tour` (algorithms/mlp.hpp): digits
// trained beside scikit-learn 1.2.1's loss curve, n_iter_ and test predictions
// (tests/golden/mlp_digits.txt), a decision boundary on the moons, and the failure-mode figures.
// Legend: N samples, D = 64 pixels, K = 10 classes, L weight layers.
#pragma once

#include <string>
#include <vector>

#include "algorithms/mlp.hpp"
#include "studies/summary.hpp"

namespace mlfs {

// Prints the study to stdout, writes its figures into out_dir, appends its comparisons to summary.
// (studies/mlp.cpp)
void run_mlp_study(const std::string& out_dir, Summary& summary);

// ---- pieces in studies/mlp_plots.cpp

// Digits: X is N x 64 pixels in [0, 1] (pixels / 16), y the digits; the first n_train rows train.
struct DigitsSplit {
    Matrix X_train, X_test;
    std::vector<int> y_train, y_test;
};
DigitsSplit load_digits_split(std::size_t n_train);

// Each misclassified test image as an 8 x 8 grey thumbnail (white 0 .. black 1) labelled
// "true→predicted"; raw SVG rects. X is N x 64, truth and predicted have length N. Writes `path`.
void write_misclassified_svg(const std::string& path, const std::string& title, const Matrix& X,
                             const std::vector<int>& truth, const std::vector<int>& predicted);

// An MLP (hidden 16, tanh, adam) on datasets/moons.csv: its predicted class on a grid of small
// squares under the points. Writes out_dir/mlp_moons_boundary.svg and prints one line.
void run_moons_boundary(const std::string& out_dir);

// The failure-mode figures, each with one printed line of its key numbers: mlp_vanishing.svg,
// mlp_dead_relu.svg, mlp_divergence.svg, mlp_overfitting.svg, and the divergence message.
void run_mlp_failure_figures(const std::string& out_dir);

}  // namespace mlfs

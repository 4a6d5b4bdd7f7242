// SPDX-License-Identifier: MIT
// The logistic-regression case study of `mlfs logreg` and `mlfs tour` (derivations/logistic_regression.md):
// z-scored breast cancer fitted by Newton beside scikit-learn (C = 1, 0.001, 1000) and the Logit audit
// beside statsmodels; iris, wine and a generated set fitted by the multinomial (softmax) model; and the
// failure modes shown on data: separation (the unpenalised fit throws SeparationError; the penalty's
// coefficient path over C), the default C = 1 against no penalty, unscaled features (gradient descent
// crawls where Newton takes a few steps), and class imbalance with the decision threshold.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "algorithms/logistic_regression.hpp"
#include "studies/summary.hpp"

namespace mlfs {

// Prints the study to stdout, writes its plots into out_dir, appends its comparisons to summary.
// (studies/logistic_regression.cpp)
void run_logreg_study(const std::string& out_dir, Summary& summary);

// ---- the study's figures (studies/logistic_regression_plots.cpp); each carries its caption

// One convergence curve: f_k - f* against step k = 1, 2, ... (f* the optimum's f), cut where the gap
// falls to the rounding level of f (16 eps f*), below which it is noise.
struct LossGap {
    std::string name;  // "Newton, z-scored"
    std::vector<double> loss_curve;
    double f_star = 0.0;
};
// f - f* per step on log axes (both: Newton's handful of steps and gradient descent's thousands).
void write_logreg_convergence_plot(const std::string& path, const std::string& title, const std::vector<LossGap>& runs);

// The class predicted on a grid over features (a, b) of X (N x 2 is fitted by `model`), pale cells,
// with the samples on top coloured by their true class. Writes `path`.
void write_logreg_boundary_plot(const std::string& path, const std::string& title, const LogisticModel& model,
                                const Matrix& X, const Vector& y, const std::vector<std::string>& names);

// A reliability curve: the samples binned by predicted probability of classes_[1] (width 1 / bins);
// per non-empty bin the mean prediction, the observed frequency of classes_[1], and the count.
struct CalibrationBins {
    std::vector<double> mean_predicted, observed, count;
};
CalibrationBins calibration_bins(const Vector& p1, const Vector& y01, std::size_t bins);
// The curves of each named set of bins against the diagonal y = x (perfect calibration). Writes `path`.
void write_logreg_calibration_plot(const std::string& path, const std::string& title,
                                   const std::vector<std::pair<std::string, CalibrationBins>>& curves);

// Each coefficient (and the intercept) of the penalised fits against C on a log axis: ours as
// lines, scikit-learn's as crosses. coef is Cs.size() x D, intercept Cs.size(). Writes `path`.
void write_logreg_path_plot(const std::string& path, const std::string& title, const std::vector<double>& Cs,
                            const Matrix& coef, const std::vector<double>& intercept, const Matrix& ref_coef,
                            const std::vector<double>& ref_intercept);

}  // namespace mlfs

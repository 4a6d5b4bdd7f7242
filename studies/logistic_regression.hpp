// SPDX-License-Identifier: MIT
// The logistic-regression case study of `mlfs logreg` and `mlfs tour` (derivations/logistic_regression.md):
// z-scored breast cancer fitted by Newton beside scikit-learn (C = 1, 0.001, 1000) and the Logit audit
// beside statsmodels; iris, wine and a generated set fitted by the multinomial (softmax) model; and the
// failure modes shown on data: separation (the unpenalised fit throws SeparationError; the penalty's
// coefficient path over C), the default C = 1 against no penalty, unscaled features (gradient descent
// crawls where Newton takes a few steps), and class imbalance with the decision threshold.
#pragma once

#include <string>

#include "studies/summary.hpp"

namespace mlfs {

// Prints the study to stdout, writes its plots into out_dir, appends its comparisons to summary.
// (studies/logistic_regression.cpp)
void run_logreg_study(const std::string& out_dir, Summary& summary);

}  // namespace mlfs

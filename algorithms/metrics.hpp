// SPDX-License-Identifier: MIT
// How good a model is, on the rows it was fitted on or on held-out rows: the sklearn.metrics
// functions of scikit-learn 1.2.1, computed in numpy's order (numpy_sum, algorithms/numpy_order.hpp)
// so that they agree with it to the last bit or within a few roundings.
// Derivation: derivations/evaluation.md, sections 3-5, tags (EV.5)-(EV.12).
// Legend: N rows, K classes; y the true values (regression) or class indices 0..K-1 into classes_,
// y_hat the predictions, P the N x K predicted probabilities (row i, column k: P(class k | row i)).
//
//   double r2 = r2_score(y, y_hat);                  // 1 - SS_res / SS_tot
//   ClassificationReport r = classification_report(y, y_hat, K);   // r.precision[k], r.macro_f1, ...
//
// Sizes that disagree, an empty input, a class index >= K or a probability that is negative or not
// finite are a std::invalid_argument naming the function and the sizes.
#pragma once

#include <cstddef>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

// ---- regression (sklearn.metrics.r2_score, mean_squared_error, mean_absolute_error)
// (EV.5) R^2 = 1 - sum_i (y_i - yhat_i)^2 / sum_i (y_i - ybar)^2; 1 when the numerator is 0, 0 when
// only the denominator is; NaN for N < 2 (scikit-learn warns and returns nan: not defined).
double r2_score(const Vector& y, const Vector& y_hat);
// (EV.6) MSE = (1/N) sum_i (y_i - yhat_i)^2
double mean_squared_error(const Vector& y, const Vector& y_hat);
// (EV.7) MAE = (1/N) sum_i |yhat_i - y_i|
double mean_absolute_error(const Vector& y, const Vector& y_hat);

// ---- classification, labels as indices into the K classes
using Labels = std::vector<std::size_t>;

// (EV.8) the fraction of rows whose prediction is the true class
double accuracy_score(const Labels& y, const Labels& y_hat);

// (EV.9) log_loss(y, P, labels=classes_): -(1/N) sum_i log p_i, p_i = P(i, y_i) after clipping each
// P(i, k) to [eps, 1 - eps] (eps = 2^-52) and dividing the row by its sum
double log_loss(const Labels& y, const Matrix& P);

// (EV.10) C(a, b) = how many rows of true class a were predicted as class b (K x K, rows true)
std::vector<std::vector<std::size_t>> confusion_matrix(const Labels& y, const Labels& y_hat, std::size_t K);

// (EV.11)-(EV.12) classification_report(y, y_hat, labels=range(K), zero_division=0): per class
// precision = TP / (TP + FP), recall = TP / (TP + FN), f1 = 2 p r / (p + r) (0 where a denominator
// is 0) and support = TP + FN; the macro average (the plain mean over classes) and the weighted
// average (weighted by support).
struct ClassificationReport {
    Vector precision, recall, f1;  // K each
    std::vector<std::size_t> support;
    double macro_precision = 0, macro_recall = 0, macro_f1 = 0;
    double weighted_precision = 0, weighted_recall = 0, weighted_f1 = 0;
};
ClassificationReport classification_report(const Labels& y, const Labels& y_hat, std::size_t K);

}  // namespace mlfs

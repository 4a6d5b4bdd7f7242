// SPDX-License-Identifier: MIT
// sklearn.metrics, in numpy's order of operations (algorithms/metrics.hpp; derivations/evaluation.md,
// (EV.5)-(EV.12)). Written from sklearn/metrics/_regression.py (r2_score,
// _assemble_r2_explained_variance, mean_squared_error, mean_absolute_error) and _classification.py
// (accuracy_score, log_loss, confusion_matrix, precision_recall_fscore_support, _prf_divide); every
// np.average / .sum / .mean there is numpy_sum here, the pairwise order numpy adds in.
#include "algorithms/metrics.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "algorithms/numpy_order.hpp"

namespace mlfs {

namespace {

void require_pair(const char* what, std::size_t n_true, std::size_t n_pred) {
    if (n_true != n_pred)
        throw std::invalid_argument(std::string(what) + ": y has " + std::to_string(n_true) + " values but y_hat has " +
                                    std::to_string(n_pred));
    if (n_true == 0) throw std::invalid_argument(std::string(what) + ": no rows");
}

void require_classes(const char* what, const Labels& y, std::size_t K) {
    for (std::size_t i = 0; i < y.size(); ++i)
        if (y[i] >= K)
            throw std::invalid_argument(std::string(what) + ": row " + std::to_string(i) + " has class index " +
                                        std::to_string(y[i]) + " but there are " + std::to_string(K) + " classes");
}

// np.average(v) = v.sum() / n, the sum pairwise
double numpy_mean(const Vector& v) { return numpy_sum(v) / static_cast<double>(v.size()); }

// _prf_divide(num, den, zero_division=0): num / den, and 0 where den is 0
double divide_or_zero(std::size_t num, std::size_t den) {
    return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

double r2_score(const Vector& y, const Vector& y_hat) {
    require_pair("r2_score", y.size(), y_hat.size());
    const std::size_t N = y.size();
    if (N < 2) return std::nan("");  // scikit-learn: "R^2 score is not well-defined with less than two samples"
    Vector residual2(N), deviation2(N);
    for (std::size_t i = 0; i < N; ++i) residual2[i] = (y[i] - y_hat[i]) * (y[i] - y_hat[i]);
    const double ybar = numpy_mean(y);
    for (std::size_t i = 0; i < N; ++i) deviation2[i] = (y[i] - ybar) * (y[i] - ybar);
    const double numerator = numpy_sum(residual2);     // SS_res
    const double denominator = numpy_sum(deviation2);  // SS_tot
    if (numerator == 0.0) return 1.0;                  // a perfect fit, also of a constant y
    if (denominator == 0.0) return 0.0;                // a constant y, imperfectly fitted (force_finite)
    return 1.0 - numerator / denominator;              // (EV.5)
}

double mean_squared_error(const Vector& y, const Vector& y_hat) {
    require_pair("mean_squared_error", y.size(), y_hat.size());
    Vector e2(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) e2[i] = (y[i] - y_hat[i]) * (y[i] - y_hat[i]);
    return numpy_mean(e2);  // (EV.6)
}

double mean_absolute_error(const Vector& y, const Vector& y_hat) {
    require_pair("mean_absolute_error", y.size(), y_hat.size());
    Vector e(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) e[i] = std::fabs(y_hat[i] - y[i]);
    return numpy_mean(e);  // (EV.7)
}

double accuracy_score(const Labels& y, const Labels& y_hat) {
    require_pair("accuracy_score", y.size(), y_hat.size());
    std::size_t correct = 0;
    for (std::size_t i = 0; i < y.size(); ++i) correct += y[i] == y_hat[i] ? 1 : 0;
    return static_cast<double>(correct) / static_cast<double>(y.size());  // (EV.8), exact count / N
}

double log_loss(const Labels& y, const Matrix& P) {
    require_pair("log_loss", y.size(), P.rows());
    const std::size_t N = P.rows(), K = P.cols();
    if (K < 2) throw std::invalid_argument("log_loss: P has " + std::to_string(K) + " column(s); it needs K >= 2");
    require_classes("log_loss", y, K);
    const double eps = 0x1p-52, one_minus_eps = 1.0 - 0x1p-52;  // np.finfo(float64).eps
    Vector row(K), loss(N);
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t k = 0; k < K; ++k) {
            const double p = P(i, k);
            if (!(p >= 0.0) || !std::isfinite(p))
                throw std::invalid_argument("log_loss: P(" + std::to_string(i) + ", " + std::to_string(k) +
                                            ") is not a finite probability");
            row[k] = std::fmin(std::fmax(p, eps), one_minus_eps);  // np.clip(P, eps, 1 - eps)
        }
        const double s = numpy_sum(row);     // renormalise the row: P / P.sum(axis=1)
        loss[i] = -std::log(row[y[i]] / s);  // (EV.9) the row's one non-zero term of -sum_k t_ik log p_ik
    }
    return numpy_mean(loss);
}

std::vector<std::vector<std::size_t>> confusion_matrix(const Labels& y, const Labels& y_hat, std::size_t K) {
    require_pair("confusion_matrix", y.size(), y_hat.size());
    require_classes("confusion_matrix (y)", y, K);
    require_classes("confusion_matrix (y_hat)", y_hat, K);
    std::vector<std::vector<std::size_t>> C(K, std::vector<std::size_t>(K, 0));
    for (std::size_t i = 0; i < y.size(); ++i) ++C[y[i]][y_hat[i]];  // (EV.10)
    return C;
}

ClassificationReport classification_report(const Labels& y, const Labels& y_hat, std::size_t K) {
    const std::vector<std::vector<std::size_t>> C = confusion_matrix(y, y_hat, K);
    ClassificationReport r;
    r.precision.assign(K, 0.0);
    r.recall.assign(K, 0.0);
    r.f1.assign(K, 0.0);
    r.support.assign(K, 0);
    Vector support(K), wp(K), wr(K), wf(K);
    for (std::size_t k = 0; k < K; ++k) {
        std::size_t predicted = 0, actual = 0;  // column k's sum (TP + FP), row k's sum (TP + FN)
        for (std::size_t a = 0; a < K; ++a) predicted += C[a][k];
        for (std::size_t b = 0; b < K; ++b) actual += C[k][b];
        const std::size_t tp = C[k][k];
        r.precision[k] = divide_or_zero(tp, predicted);  // (EV.11)
        r.recall[k] = divide_or_zero(tp, actual);
        const double denom = r.precision[k] + r.recall[k];
        r.f1[k] = denom == 0.0 ? 0.0 : 2.0 * r.precision[k] * r.recall[k] / denom;  // ((1 + 1) p) r / (p + r)
        r.support[k] = actual;
        support[k] = static_cast<double>(actual);
        wp[k] = r.precision[k] * support[k];
        wr[k] = r.recall[k] * support[k];
        wf[k] = r.f1[k] * support[k];
    }
    // (EV.12) macro: np.average(v); weighted: np.average(v, weights=support) = sum(v n) / sum(n)
    r.macro_precision = numpy_mean(r.precision);
    r.macro_recall = numpy_mean(r.recall);
    r.macro_f1 = numpy_mean(r.f1);
    const double total = numpy_sum(support);
    r.weighted_precision = numpy_sum(wp) / total;
    r.weighted_recall = numpy_sum(wr) / total;
    r.weighted_f1 = numpy_sum(wf) / total;
    return r;
}

}  // namespace mlfs

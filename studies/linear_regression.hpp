// SPDX-License-Identifier: MIT
// The linear-regression case study of `mlfs linreg` and `mlfs tour` (derivations/linear_regression.md):
// raw diabetes (442 x 10) fitted by Cholesky, QR and gradient descent against scikit-learn, the
// OLS audit against statsmodels, and the 11 NIST StRD data sets against their certified values.
// Also the report pieces that `mlfs linreg --data FILE.csv` prints for a user's own data.
#pragma once

#include <string>
#include <vector>

#include "algorithms/gradient_descent.hpp"
#include "algorithms/ols_audit.hpp"
#include "studies/summary.hpp"

namespace mlfs {

// Prints the study to stdout, writes its plots into out_dir, appends its comparisons to summary.
// (studies/linear_regression.cpp; the NIST table is in studies/linear_regression_nist.cpp)
void run_linreg_study(const std::string& out_dir, Summary& summary);

// The NIST StRD table: min LRE of the coefficients by QR, QR without refinement, and Cholesky;
// appends the row "NIST: min LRE over 11 datasets, QR" (at least 7 digits).
void run_nist_table(Summary& summary);

// ---- report pieces shared with `mlfs linreg --data` (studies/linear_regression_report.cpp)

// The statsmodels-style table: per parameter (intercept first) coef, std err, t, p-value and the
// 95% interval; then residual std error, R^2, adjusted R^2, F and its p-value, cond and the warning.
void print_audit(const OlsAudit& a);

// lr, L, 2/L, iterations, what stopped the iteration, the final gradient norm and loss.
void print_gd_summary(const GradientDescentResult& r);

// The coefficients and the intercept, one per line.
void print_fit(const std::vector<std::string>& names, const LinearModel& m);

// predicted vs actual (with the line y = x) and residuals vs fitted (with the zero line):
// writes out_dir/PREFIX_predicted_vs_actual.svg and out_dir/PREFIX_residuals.svg.
void write_fit_plots(const std::string& out_dir, const std::string& prefix, const std::string& title, const Vector& y,
                     const Vector& yhat);

// J_k - J_min on a log axis against k, until the gap falls to the rounding level of J (16 eps J_min,
// drawn as a line: below it the gap is noise); with J_min NaN (no least-squares loss known) it plots
// J_k itself. Writes out_dir/PREFIX_gd_loss.svg.
void write_gd_loss_plot(const std::string& out_dir, const std::string& prefix, const std::string& title,
                        const Vector& loss_curve, double J_min);

}  // namespace mlfs

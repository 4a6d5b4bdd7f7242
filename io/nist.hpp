// SPDX-License-Identifier: MIT
// Reader for the NIST StRD linear-regression files in datasets/nist-strd/ (format described in
// datasets/nist-strd/README.md): the certified values and the data, and the model as certified.
#pragma once

#include <string>

#include "algorithms/linear_regression.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

struct NistDataset {
    std::string name;           // "Filip"
    Matrix X;                   // N x D features of the certified model: x, x^2, ..., or x1..x6 (no ones column)
    Vector y;                   // N
    bool fit_intercept = true;  // false for NoInt1 / NoInt2
    int degree = 1;             // polynomial degree for the one-predictor models
    Vector certified_coef;      // B0 (if intercept), B1, ..., as certified (15 digits)
    Vector certified_sd;        // their certified standard deviations
    double certified_residual_sd = 0.0;
    double certified_r2 = 0.0;
};

// Throws std::runtime_error naming the file and line when the file does not follow the format.
NistDataset read_nist(const std::string& path);

// Log relative error (LRE, McCullough 1998), clipped to [0, 15]; NaN counts as 0:
//   -log10(|est - cert| / |cert|)   (cert != 0),    -log10(|est - cert|)   (cert == 0).
double log_relative_error(double estimate, double certified);

// The smallest LRE over the fitted parameters (intercept first where certified) against the
// certified ones: NIST's usual accuracy figure for a data set.
double min_coefficient_lre(const LinearModel& model, const NistDataset& d);

}  // namespace mlfs

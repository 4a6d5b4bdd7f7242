// SPDX-License-Identifier: MIT
// The PCA case study of `mlfs pca` and `mlfs tour` (derivations/pca.md): iris and the digits fitted by
// the one-sided Jacobi SVD beside scikit-learn's PCA(svd_solver='full'), the digits on their first two
// components, the cumulative explained variance, digits rebuilt from 2 to 40 components; then the failure
// modes shown on data: unscaled wine (proline takes the first component), two moons that no projection
// separates, and the small components that the covariance route (solver eig) loses.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "algorithms/pca.hpp"
#include "studies/summary.hpp"

namespace mlfs {

// Prints the study to stdout, writes its plots into out_dir, appends its comparisons to summary.
// (studies/pca.cpp)
void run_pca_study(const std::string& out_dir, Summary& summary);

// ---- the study's figures (studies/pca_plots.cpp); each carries its caption

// The samples on their first two components, each drawn as its class label (a digit 0-9) in the
// class's colour. Z is N x (>= 2), labels N integers 0..9.
void write_pca_digit_scatter(const std::string& path, const std::string& title, const Matrix& Z,
                             const std::vector<int>& labels);

// One row per sample of `originals` (R x 64, 8 x 8 images with values 0..16): the original, then each
// reconstruction of recons[m] (R x 64, from n_components[m] components), as grey cells (0 white, 16 black;
// values outside 0..16 clipped).
void write_pca_reconstruction_plot(const std::string& path, const std::string& title, const Matrix& originals,
                                   const std::vector<Matrix>& recons, const std::vector<std::size_t>& n_components);

// The cumulative explained variance ratio against the number of components kept, one line per named set,
// with the 0.95 level that n_components=0.95 picks by.
void write_pca_scree_plot(const std::string& path, const std::string& title,
                          const std::vector<std::pair<std::string, Vector>>& ratios);

// The samples on two axes of Z (columns 0 and 1) coloured by class (legend "NAME c" per class), with
// axis labels and a caption.
struct ScatterText {
    std::string name, x_label, y_label, caption;  // name: the legend's, "cultivar"
};
void write_pca_class_scatter(const std::string& path, const std::string& title, const Matrix& Z,
                             const std::vector<int>& labels, const ScatterText& text);

// The relative error of each singular value by the two routes (and by scipy and numpy's eigh) against the
// exact value, both axes logarithmic; an error of exactly 0 is drawn at `floor`.
void write_pca_eigloss_plot(const std::string& path, const std::string& title, const Vector& exact,
                            const std::vector<std::pair<std::string, Vector>>& errors, double floor);

}  // namespace mlfs

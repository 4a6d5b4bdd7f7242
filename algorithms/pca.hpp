// SPDX-License-Identifier: MIT
// Principal component analysis as scikit-learn 1.2.1's PCA(svd_solver="full") computes it
// (derivations/pca.md). Legend: N samples, D features, r = min(N, D), K components kept.
//
//   (PC.1)  mean_ = column means, Xc = X - 1 mean_^T
//   (PC.2)-(PC.3) the axes: the eigenvectors of C = Xc^T Xc / (N - 1), by decreasing eigenvalue
//   (PC.4)  Xc = U S V^T by jacobi_svd (linalg/jacobi.hpp); explained_variance_ = S^2 / (N - 1)
//   (PC.5)  explained_variance_ratio_ = explained_variance_ / total variance (sum of all r)
//   (PC.12) svd_flip: each column of U (and row of V^T) signed so that U's largest |entry| is positive
//   (PC.13) n_components: an integer K, or a fraction f in (0, 1): the fewest K whose cumulative
//           ratio exceeds f (searchsorted(cumsum, f, side="right") + 1); default r
//   (PC.6)  the squared reconstruction error with K components is (N - 1) times the dropped variances
//   (PC.14) noise_variance_ = the mean of the dropped explained variances (0 when none is dropped)
//   (PC.15) transform: Z = Xc V_K (/ sqrt(explained_variance_) when whitening)
//   (PC.16) inverse_transform: X ~ Z V_K^T (* sqrt(explained_variance_)) + mean_
//   the teaching contrast, solver eig: the eigenvectors of C = Xc^T Xc / (N - 1) by jacobi_eigen (PC.8),
//   which squares the condition number (PC.11) and loses the small components
// Cost (PC.17): the SVD's QR of the tall Xc, O(N D^2) once, then O(D^3) per Jacobi sweep on R (a handful,
// converging quadratically at the end, (PC.10)); N < 2D: O(N D min(N, D)) per sweep on Xc itself.
#pragma once

#include <string>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

enum class PcaSolver { svd, eig };

struct PcaOptions {
    double n_components = 0.0;  // 0: all r; an integer K >= 1; or a fraction in (0, 1) of the variance
    bool whiten = false;
    PcaSolver solver = PcaSolver::svd;
    std::vector<std::string> feature_names;  // for messages
};

struct Pca {
    Vector mean_;                      // D
    Matrix components_;                // K x D, rows are the principal axes
    Vector explained_variance_;        // K
    Vector explained_variance_ratio_;  // K
    Vector singular_values_;           // K
    double noise_variance_ = 0.0;
    std::size_t n_components_ = 0;     // K
    std::size_t n_samples_ = 0;        // N
    bool whiten = false;
    int sweeps = 0;                    // Jacobi sweeps the decomposition took
    // per component: how clearly svd_flip's sign was decided, (|u_max| - |u_rival|) / |u_max|, u_rival the
    // largest entry of U's column with the other sign (1 when there is none). Below ~1e-12 the sign
    // rests on the last bits of U, which LAPACK and Jacobi round differently: it may differ from sklearn's.
    Vector sign_margin_;
};

// Throws ShapeError for N < 2 or D < 1, std::invalid_argument for non-finite data or n_components
// out of range (an integer above min(N, D), a fraction outside (0, 1), a non-integer above 1).
Pca fit_pca(const Matrix& X, const PcaOptions& opt = {});
Matrix transform(const Pca& pca, const Matrix& X);          // N x K (PC.15)
Matrix inverse_transform(const Pca& pca, const Matrix& Z);  // N x D (PC.16)

// (PC.12) scikit-learn's svd_flip(U, Vt) with u_based_decision: for each column k of U, the sign of
// its entry of largest magnitude (the first, on ties) multiplies U's column k and V's column k.
void svd_flip(Matrix& U, Matrix& V);
// The sign margin of every column of U (see Pca::sign_margin_).
Vector sign_margins(const Matrix& U);

}  // namespace mlfs

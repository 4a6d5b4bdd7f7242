// SPDX-License-Identifier: MIT
// Minimum-norm least squares by the SVD, as scikit-learn's LinearRegression computes it
// (scipy.linalg.lstsq, LAPACK gelsd, cond = eps) for rank-deficient and wide problems
// (derivations/linear_regression.md, section 15). Legend: N samples, D features, r the rank;
// X is N x D, y has length N, w (coef_) has length D, b (intercept_) is a number.
//
//   (LR.3)  centring removes b: Xc = X - 1 xbar^T, yc = y - ybar, b = ybar - xbar^T w
//   (LR.35) Xc = U S V^T (linalg/jacobi.hpp), r = #{k : s_k > cond s_1}, cond = max(N, D) eps
//           (numpy's matrix_rank rule; gelsd's is eps, see fit_svd: the two agree on rank_ wherever
//           no singular value is decided by rounding)
//   (LR.36) w = Xc^+ yc = V S^+ U^T yc = sum_{k < r} v_k (u_k^T yc) / s_k
//   (LR.37) that w is the least-squares solution of smallest ||w||: it has no part in null(Xc)
//   (LR.38) dependent columns: subset selection on the rows of V_r (D x r), pivoting on the
//           leftmost column within a factor 2 of the largest remaining norm
// Cost: the Jacobi SVD, O(N D min(N, D)) per sweep, a handful of sweeps; O(D^2 r) for (LR.38).
// Memory: the centred copy of X and the SVD's working copy, 2 N D doubles.
#pragma once

#include <cstddef>
#include <vector>

#include "algorithms/linear_regression.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

struct SvdLeastSquaresOptions {
    bool fit_intercept = true;  // centre X and y (LR.3), and report b = ybar - xbar^T w
    double cond = 0.0;          // singular values <= cond * s_1 count as zero; 0: max(N, D) eps (numpy's
                                // matrix_rank; scipy's gelsd uses eps, the same rank_ unless rounding decides)
    double pivot_ratio = 0.5;   // (LR.38): a pivot may be any column within this factor of the largest
};

struct SvdLeastSquaresFit {
    LinearModel model;                           // coef_ (length D) and intercept_ (0 without an intercept)
    std::size_t rank_ = 0;                       // r, as sklearn's rank_ (of Xc, not counting the intercept)
    Vector singular_;                            // min(N, D) singular values of Xc (of X without intercept), descending
    double cutoff = 0.0;                         // cond * s_1: the singular values at or below it were dropped
    std::vector<std::size_t> dependent_columns;  // D - r indices, ascending (LR.38); empty when r = D
    int sweeps = 0;                              // Jacobi sweeps of the SVD
};

// (LR.35)-(LR.38). Any shape with N >= 1, D >= 1: N < D, rank 0 (every column constant with an
// intercept: w = 0, b = ybar) and exact dependencies are all answered, as LinearRegression does.
// Throws what require_regression_data throws (non-finite data, mismatched sizes), and
// NumericalError if the SVD does not converge.
SvdLeastSquaresFit fit_svd(const Matrix& X, const Vector& y, const SvdLeastSquaresOptions& opt = {});

// (LR.38) on its own: the D - r columns left over when r independent ones are picked from the
// rows of V_r (D x r, orthonormal columns spanning the row space of Xc). Ascending indices.
std::vector<std::size_t> dependent_columns(const Matrix& Vr, double pivot_ratio = 0.5);

}  // namespace mlfs

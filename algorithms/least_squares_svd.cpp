// SPDX-License-Identifier: MIT
// Minimum-norm least squares by the SVD (algorithms/least_squares_svd.hpp,
// derivations/linear_regression.md section 15, (LR.35)-(LR.38)).
#include "algorithms/least_squares_svd.hpp"

#include <cmath>
#include <limits>

#include "linalg/jacobi.hpp"

namespace mlfs {

// (LR.38) Golub, Klema and Stewart's subset selection: QR with column pivoting on V_r^T, written
// as Gram-Schmidt on the rows of Vr. Column j of Xc is U_r S_r (row j of Vr)^T and U_r S_r has
// full column rank r, so columns of Xc are dependent exactly when the rows of Vr are. Each step
// takes as pivot the LEFTMOST row whose remaining norm is at least pivot_ratio times the largest
// (threshold pivoting: the earlier of two near-equal columns is kept, so of two duplicated
// columns the later is named), then removes that direction from the other rows. After r pivots,
// what is left are D - r rows of norm 0 in exact arithmetic, rounding-sized in floating point: the
// dependent columns.
std::vector<std::size_t> dependent_columns(const Matrix& Vr, double pivot_ratio) {
    const std::size_t D = Vr.rows(), r = Vr.cols();
    Matrix W = Vr;  // D x r; row j is column j's coordinates in the row space of Xc
    std::vector<bool> picked(D, false);
    for (std::size_t step = 0; step < r; ++step) {
        Vector norm(D, 0.0);
        double largest = 0.0;
        for (std::size_t j = 0; j < D; ++j) {
            if (picked[j]) continue;
            double s = 0.0;
            for (std::size_t k = 0; k < r; ++k) s += W(j, k) * W(j, k);  // ||W(j, :)||^2
            norm[j] = std::sqrt(s);
            if (norm[j] > largest) largest = norm[j];
        }
        if (!(largest > 0.0)) break;  // no direction left (cannot happen for orthonormal Vr)
        std::size_t p = 0;
        while (picked[p] || norm[p] < pivot_ratio * largest) ++p;  // the leftmost near-largest
        picked[p] = true;
        Vector q(r);
        for (std::size_t k = 0; k < r; ++k) q[k] = W(p, k) / norm[p];  // q = W(p, :) / ||W(p, :)||
        for (std::size_t j = 0; j < D; ++j) {
            if (picked[j]) continue;
            double c = 0.0;
            for (std::size_t k = 0; k < r; ++k) c += W(j, k) * q[k];  // c = W(j, :) q
            for (std::size_t k = 0; k < r; ++k) W(j, k) -= c * q[k];  // W(j, :) <- W(j, :) - c q^T
        }
    }
    std::vector<std::size_t> dependent;
    for (std::size_t j = 0; j < D; ++j)
        if (!picked[j]) dependent.push_back(j);
    return dependent;
}

SvdLeastSquaresFit fit_svd(const Matrix& X, const Vector& y, const SvdLeastSquaresOptions& opt) {
    require_regression_data("fit_svd", X, y);
    const std::size_t N = X.rows(), D = X.cols(), m = N < D ? N : D;
    const CentredProblem c = centre(X, y, opt.fit_intercept);  // (LR.3), as sklearn's _preprocess_data
    // (LR.35) Xc = U S V^T; U N x m, V D x m. The rank decision needs the zero singular values of an
    // exact dependency as close to 0 as possible: one-sided Jacobi on Xc itself rotates two equal
    // columns into an exact 0 column, where a QR first would leave R's rounding (~eps ||Xc||) behind,
    // about the size of the cut-off. So no QR first here (O(N D^2) per sweep).
    JacobiOptions jacobi;
    jacobi.qr_first = false;
    const SingularValueDecomposition svd = jacobi_svd(c.Xc, jacobi);
    SvdLeastSquaresFit fit;
    fit.singular_ = svd.S;
    fit.sweeps = svd.sweeps;
    // (LR.35) r = #{k : s_k > cond s_1}. scipy passes cond = eps to gelsd as RCOND; an exact dependency
    // leaves a singular value of rounding size there, c eps s_1 with c of order 1 either side of it:
    // 0.05 to 0.78 in LAPACK's arithmetic on the exported cases, up to 1.16 in Jacobi's (lstsq.dupcol
    // without intercept), so the same cut-off would decide rank_ by the last bits.
    // The default is numpy's matrix_rank rule, cond = max(N, D) eps: it drops every value of rounding
    // size and agrees with gelsd's rank_ wherever gelsd's own rounding put the value below eps s_1.
    const double cond = opt.cond > 0.0 ? opt.cond
                                       : double(std::max(N, D)) * std::numeric_limits<double>::epsilon();
    fit.cutoff = m > 0 ? cond * svd.S[0] : 0.0;
    while (fit.rank_ < m && svd.S[fit.rank_] > fit.cutoff) ++fit.rank_;  // S is descending
    // (LR.36) w = V S^+ U^T yc = sum_{k < r} v_k (u_k^T yc) / s_k; (LR.37) no part in null(Xc)
    fit.model.coef_.assign(D, 0.0);
    for (std::size_t k = 0; k < fit.rank_; ++k) {
        double uty = 0.0;
        for (std::size_t i = 0; i < N; ++i) uty += svd.U(i, k) * c.yc[i];  // u_k^T yc
        const double a = uty / svd.S[k];
        for (std::size_t j = 0; j < D; ++j) fit.model.coef_[j] += svd.V(j, k) * a;  // + v_k a
    }
    fit.model.intercept_ = opt.fit_intercept ? c.ybar - dot(c.xbar, fit.model.coef_) : 0.0;  // (LR.3)
    // (LR.38) the columns of Xc left over by subset selection on the first r columns of V
    Matrix Vr(D, fit.rank_);
    for (std::size_t j = 0; j < D; ++j)
        for (std::size_t k = 0; k < fit.rank_; ++k) Vr(j, k) = svd.V(j, k);
    fit.dependent_columns = dependent_columns(Vr, opt.pivot_ratio);
    return fit;
}

}  // namespace mlfs

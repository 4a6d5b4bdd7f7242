// SPDX-License-Identifier: MIT
// Principal component analysis (algorithms/pca.hpp, derivations/pca.md). Legend: N samples,
// D features, r = min(N, D), K components kept; U is N x r, S has r entries, V is D x r.
#include "algorithms/pca.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "linalg/errors.hpp"
#include "linalg/format.hpp"
#include "linalg/jacobi.hpp"
#include "linalg/matmul.hpp"

namespace mlfs {

namespace {

// (PC.13) K from n_components: 0 -> r; an integer 1..r; a fraction f in (0, 1) -> the number of
// cumulative ratios <= f, plus one (numpy's searchsorted(cumsum, f, side="right") + 1)
std::size_t components_to_keep(double n_components, const Vector& ratio) {
    const std::size_t r = ratio.size();
    if (n_components == 0.0) return r;
    if (n_components > 0.0 && n_components < 1.0) {
        double cumsum = 0.0;
        std::size_t below = 0;
        for (double v : ratio) {
            cumsum += v;
            if (cumsum <= n_components) ++below;
            else break;
        }
        return std::min(below + 1, r);
    }
    if (n_components >= 1.0 && n_components == std::floor(n_components) && n_components <= double(r))
        return std::size_t(n_components);
    throw std::invalid_argument("fit_pca: n_components = " + format_exact(n_components) +
                                " must be an integer from 1 to min(N, D) = " + std::to_string(r) +
                                " or a fraction of the variance in (0, 1)");
}

}  // namespace

// (PC.12) scikit-learn's svd_flip with u_based_decision
void svd_flip(Matrix& U, Matrix& V) {
    if (U.cols() != V.cols())
        throw ShapeError("svd_flip: U has " + std::to_string(U.cols()) + " columns, V " + std::to_string(V.cols()));
    // >>> exercise svd-flip: derivations/pca.md
    const std::size_t r = U.cols();
    std::vector<std::size_t> imax(r, 0);  // per column, the row of the largest |U(i, k)|, the first on
    for (std::size_t i = 1; i < U.rows(); ++i)  // ties (numpy's argmax); row by row, as U is stored
        for (std::size_t k = 0; k < r; ++k)
            if (std::fabs(U(i, k)) > std::fabs(U(imax[k], k))) imax[k] = i;
    std::vector<double> sign(r, 1.0);
    for (std::size_t k = 0; k < r; ++k)
        if (U.rows() > 0 && U(imax[k], k) < 0.0) sign[k] = -1.0;
    for (std::size_t i = 0; i < U.rows(); ++i)  // u_k <- sign_k u_k and v_k <- sign_k v_k:
        for (std::size_t k = 0; k < r; ++k) U(i, k) *= sign[k];  // u_k sigma_k v_k^T is unchanged
    for (std::size_t i = 0; i < V.rows(); ++i)
        for (std::size_t k = 0; k < r; ++k) V(i, k) *= sign[k];
    // <<< exercise svd-flip
}

Vector sign_margins(const Matrix& U) {
    const std::size_t r = U.cols();
    Vector top(r, 0.0), pos(r, 0.0), neg(r, 0.0);  // per column: the largest |entry| of each sign
    for (std::size_t i = 0; i < U.rows(); ++i)
        for (std::size_t k = 0; k < r; ++k) {
            double u = U(i, k);
            if (u > 0.0) pos[k] = std::max(pos[k], u);
            if (u < 0.0) neg[k] = std::max(neg[k], -u);
        }
    Vector margin(r, 1.0);
    for (std::size_t k = 0; k < r; ++k) {
        double hi = std::max(pos[k], neg[k]), lo = std::min(pos[k], neg[k]);
        if (hi > 0.0) margin[k] = (hi - lo) / hi;
    }
    return margin;
}

Pca fit_pca(const Matrix& X, const PcaOptions& opt) {
    const std::size_t N = X.rows(), D = X.cols(), r = std::min(N, D);
    if (N < 2 || D < 1)
        throw ShapeError("fit_pca: X is " + std::to_string(N) + "x" + std::to_string(D) +
                         "; PCA needs at least 2 samples (the variances divide by N - 1) and 1 feature");
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < D; ++j)
            if (!std::isfinite(X(i, j)))
                throw std::invalid_argument("fit_pca: X(" + std::to_string(i) + ", " + std::to_string(j) + ") = " +
                                            format_exact(X(i, j)) + " is not finite");
    Pca pca;
    pca.n_samples_ = N;
    pca.whiten = opt.whiten;
    pca.mean_.assign(D, 0.0);  // (PC.1) mean_ and Xc = X - 1 mean_^T
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < D; ++j) pca.mean_[j] += X(i, j);
    for (double& m : pca.mean_) m /= double(N);
    Matrix Xc(N, D);
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < D; ++j) Xc(i, j) = X(i, j) - pca.mean_[j];

    Matrix U, V;  // N x r, D x r
    Vector S;     // r
    if (opt.solver == PcaSolver::svd) {
        // (PC.2)-(PC.3) the axes are C's eigenvectors, by (PC.4) the right singular vectors of Xc
        SingularValueDecomposition svd = jacobi_svd(Xc);  // (PC.4) Xc = U S V^T
        U = std::move(svd.U), S = std::move(svd.S), V = std::move(svd.V);
        pca.sweeps = svd.sweeps;
    } else {  // the teaching contrast: C = Xc^T Xc / (N - 1) = V Lambda V^T, S = sqrt((N - 1) lambda)
        Matrix C = matmul(transpose(Xc), Xc);
        for (double& c : C.data()) c /= double(N - 1);
        SymmetricEigen eig = jacobi_eigen(C);  // (PC.8): C's eigenvectors are the axes, (PC.2)-(PC.3)
        pca.sweeps = eig.sweeps;
        S.resize(r);
        V = Matrix(D, r);
        for (std::size_t k = 0; k < r; ++k) {
            S[k] = std::sqrt(std::max(eig.values[k], 0.0) * double(N - 1));  // a negative lambda is rounding
            for (std::size_t j = 0; j < D; ++j) V(j, k) = eig.vectors(j, k);
        }
        U = matmul(Xc, V);  // u_k sigma_k = Xc v_k: only its signs are used (svd_flip)
    }
    svd_flip(U, V);  // (PC.12)
    const Vector margins = sign_margins(U);

    Vector ev(r), ratio(r);
    double total = 0.0;
    for (std::size_t k = 0; k < r; ++k) total += ev[k] = S[k] * S[k] / double(N - 1);  // (PC.4)
    if (!(total > 0.0))
        throw std::invalid_argument("fit_pca: every column is constant (the total variance is 0): no direction to find");
    for (std::size_t k = 0; k < r; ++k) ratio[k] = ev[k] / total;  // (PC.5)
    const std::size_t K = components_to_keep(opt.n_components, ratio);
    double dropped = 0.0;  // (PC.14) noise_variance_: the mean of the dropped variances
    for (std::size_t k = K; k < r; ++k) dropped += ev[k];  // (N - 1) dropped = the squared reconstruction error (PC.6)
    pca.noise_variance_ = K < r ? dropped / double(r - K) : 0.0;
    pca.n_components_ = K;
    pca.components_ = Matrix(K, D);
    for (std::size_t k = 0; k < K; ++k) {
        if (opt.whiten && !(ev[k] > 0.0))
            throw std::invalid_argument("fit_pca: component " + std::to_string(k + 1) +
                                        " has variance 0, so it cannot be whitened; keep fewer components");
        pca.explained_variance_.push_back(ev[k]);
        pca.explained_variance_ratio_.push_back(ratio[k]);
        pca.singular_values_.push_back(S[k]);
        pca.sign_margin_.push_back(margins[k]);
        for (std::size_t j = 0; j < D; ++j) pca.components_(k, j) = V(j, k);
    }
    return pca;
}

Matrix transform(const Pca& pca, const Matrix& X) {
    const std::size_t N = X.rows(), D = pca.mean_.size(), K = pca.n_components_;
    if (X.cols() != D)
        throw ShapeError("transform: X has " + std::to_string(X.cols()) + " columns, the PCA was fitted on " +
                         std::to_string(D));
    Matrix Z(N, K);
    // >>> exercise pca-project: derivations/pca.md
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t k = 0; k < K; ++k) {
            double z = 0.0;  // (PC.15) z_ik = (x_i - mean_)^T v_k
            for (std::size_t j = 0; j < D; ++j) z += (X(i, j) - pca.mean_[j]) * pca.components_(k, j);
            Z(i, k) = pca.whiten ? z / std::sqrt(pca.explained_variance_[k]) : z;
        }
    // <<< exercise pca-project
    return Z;
}

Matrix inverse_transform(const Pca& pca, const Matrix& Z) {
    const std::size_t N = Z.rows(), D = pca.mean_.size(), K = pca.n_components_;
    if (Z.cols() != K)
        throw ShapeError("inverse_transform: Z has " + std::to_string(Z.cols()) + " columns, the PCA keeps " +
                         std::to_string(K) + " components");
    Matrix X(N, D);
    // >>> exercise pca-project: derivations/pca.md
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < D; ++j) {
            double x = 0.0;  // (PC.16) x_ij = sum_k z_ik (sqrt(ev_k)) v_kj + mean_j
            for (std::size_t k = 0; k < K; ++k)
                x += Z(i, k) * (pca.whiten ? std::sqrt(pca.explained_variance_[k]) : 1.0) * pca.components_(k, j);
            X(i, j) = x + pca.mean_[j];
        }
    // <<< exercise pca-project
    return X;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Jacobi's eigen-decomposition and SVD (linalg/jacobi.hpp) against numpy/scipy and mpmath, and PCA
// (algorithms/pca.hpp) against scikit-learn 1.2.1's PCA(svd_solver="full") (tests/golden/pca.txt):
// singular values to eps sigma_max, vectors where the spectral gap allows, the subspace where it
// does not, svd_flip's signs, n_components as an integer and a fraction, whitening, the worked
// example, and the covariance route's lost small components, measured.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "algorithms/pca.hpp"
#include "io/golden.hpp"
#include "linalg/jacobi.hpp"
#include "linalg/matmul.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const double kEps = 2.220446049250313e-16;

static const Golden& golden() {
    static const Golden g("pca.txt");
    return g;
}

static double frobenius(const Matrix& A) {
    double s = 0.0;
    for (double v : A.data()) s += v * v;
    return std::sqrt(s);
}

// ||A - U diag(S) V^T||, ||U^T U - I|| on the columns with S > 0, ||V^T V - I||
static void check_factorisation(const std::string& name, const Matrix& A, const SingularValueDecomposition& svd) {
    const std::size_t m = A.rows(), n = A.cols(), r = svd.S.size();
    Matrix R = A;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t k = 0; k < r; ++k) R(i, j) -= svd.U(i, k) * svd.S[k] * svd.V(j, k);
    double size = std::max<double>(m, n);
    CHECK_NEAR(frobenius(R), 0.0, 10 * size * kEps * frobenius(A),
               ("10 max(m, n) eps ||A||: a backward-stable factorisation, " + name).c_str());
    double worst_u = 0.0, worst_v = 0.0;
    for (std::size_t a = 0; a < r; ++a)
        for (std::size_t b = 0; b < r; ++b) {
            double uu = 0.0, vv = 0.0;
            for (std::size_t i = 0; i < m; ++i) uu += svd.U(i, a) * svd.U(i, b);
            for (std::size_t j = 0; j < n; ++j) vv += svd.V(j, a) * svd.V(j, b);
            worst_u = std::max(worst_u, std::fabs(uu - (a == b ? 1.0 : 0.0)));
            worst_v = std::max(worst_v, std::fabs(vv - (a == b ? 1.0 : 0.0)));
        }
    // U's columns are A v / sigma: orthogonal to the tolerance of the sweep's stopping rule (m eps)
    // relative to sigma_max / sigma_k, so only the columns of sizeable sigma are held to it
    CHECK_NEAR(worst_v, 0.0, 10 * size * kEps, ("10 max(m, n) eps: V is a product of rotations, " + name).c_str());
    if (r > 0 && svd.S.back() > 1e-3 * svd.S[0])
        CHECK_NEAR(worst_u, 0.0, 1e3 * size * kEps, ("U orthogonal to m eps sigma_1 / sigma_r, " + name).c_str());
}

TEST_CASE(jacobi_rotation_matches_mpmath) {
    const Golden& g = golden();
    Matrix cases = g.matrix("rot.cases");
    Vector c = g.vector("rot.c"), s = g.vector("rot.s");
    for (std::size_t k = 0; k < cases.rows(); ++k) {
        Rotation r = jacobi_rotation(cases(k, 0), cases(k, 1), cases(k, 2));
        CHECK_NEAR(r.c, c[k], 4 * kEps, "4 eps: a sqrt, a division and a product of exact inputs (PC.7)");
        CHECK_NEAR(r.s, s[k], 4 * kEps * std::fabs(s[k]),
                   "4 eps relative, also for s ~ 1e-300 (the |zeta| > 1e150 branch)");
    }
}

TEST_CASE(svd_matches_scipy) {
    const Golden& g = golden();
    for (const char* name :
         {"tall", "wide", "rankdef", "repeated", "tiny", "graded", "one", "col", "row", "int", "zeros"}) {
        const std::string key = std::string("svd.") + name;
        Matrix A = g.matrix(key + ".A");
        SingularValueDecomposition svd = jacobi_svd(A);
        Vector S = g.vector(key + ".S");
        double smax = S.empty() ? 0.0 : S[0];
        double bound = 10 * std::max<double>(A.rows(), A.cols()) * kEps * smax;
        CHECK_ALL_NEAR(svd.S, S, 1e-12, bound,
                       "1e-12 relative or 10 max(m, n) eps sigma_max: a singular value is found to eps sigma_max");
        CHECK_ALL_NEAR(svd.S, g.vector(key + ".S_exact"), 1e-12, bound,
                       "1e-12 relative or 10 max(m, n) eps sigma_max, against mpmath's values of the stored A");
        check_factorisation(key, A, svd);
    }
}

TEST_CASE(eigen_matches_numpy) {
    const Golden& g = golden();
    for (const char* name : {"spd", "repeated", "indefinite", "tinycov"}) {
        const std::string key = std::string("eig.") + name;
        Matrix A = g.matrix(key + ".A");
        SymmetricEigen eig = jacobi_eigen(A);
        double scale = frobenius(A), n = double(A.rows());
        CHECK_ALL_NEAR(eig.values, g.vector(key + ".values"), 0.0, 10 * n * kEps * scale,
                       "10 n eps ||A||: an eigenvalue of a symmetric matrix is found to eps ||A||");
        Matrix R = matmul(A, eig.vectors);  // A v_k - lambda_k v_k
        for (std::size_t i = 0; i < R.rows(); ++i)
            for (std::size_t k = 0; k < R.cols(); ++k) R(i, k) -= eig.values[k] * eig.vectors(i, k);
        CHECK_NEAR(frobenius(R), 0.0, 10 * n * kEps * scale,
                   "10 n eps ||A||: the residual of a backward-stable method");
    }
}

// a fitted Pca against the golden entries under `key`
static void check_pca(const std::string& key, const Pca& p, const Matrix& X) {
    const Golden& g = golden();
    Vector S = g.vector(key + ".singular_values");
    const double bound = 10 * std::max<double>(X.rows(), X.cols()) * kEps * S[0];
    CHECK_NEAR(double(p.n_components_), g.scalar(key + ".n_components"), 0.0, "a count: exact");
    for (std::size_t k = 0; k < p.n_components_ && S[k] > 1e-8 * S[0]; ++k)
        CHECK_MSG(p.sign_margin_[k] > 1e-10, "each sign compared below is decided far from rounding");
    if (p.n_components_ != S.size()) return;
    CHECK_ALL_NEAR(p.mean_, g.vector(key + ".mean"), 1e-14, 1e-300, "1e-14 relative: numpy's pairwise sum vs ours");
    CHECK_ALL_NEAR(p.singular_values_, S, 1e-12, bound, "1e-12 relative or 10 max(N, D) eps sigma_max (issue #15)");
    Vector ev = g.vector(key + ".explained_variance");
    CHECK_ALL_NEAR(p.explained_variance_, ev, 1e-12, bound * S[0] / double(X.rows() - 1) * 2,
                   "1e-12 relative or twice sigma's bound: S^2 / (N - 1)");
    CHECK_ALL_NEAR(p.explained_variance_ratio_, g.vector(key + ".explained_variance_ratio"), 1e-12, 2 * bound / S[0],
                   "1e-12 relative: the variances over their sum");
    CHECK_NEAR(p.noise_variance_, g.scalar(key + ".noise_variance"),
               1e-12 * std::fabs(g.scalar(key + ".noise_variance")) + bound * S[0] / double(X.rows() - 1) * 2,
               "the mean of the dropped variances: as those");
    // components_: entry by entry with the signs where the gap to the neighbours is wide
    // (a vector's error is about eps sigma_max / gap: 1e-10 needs gap > ~1e-5 sigma_max),
    // else the subspace of the cluster, compared by its projector
    Matrix C = g.matrix(key + ".components");
    const std::size_t K = p.n_components_;
    for (std::size_t k = 0; k < K; ++k) {
        if (S[k] <= 1e-8 * S[0]) continue;  // a null-space direction: any unit vector in it is right
        double gap = HUGE_VAL;
        if (k > 0) gap = std::min(gap, S[k - 1] - S[k]);
        if (k + 1 < S.size()) gap = std::min(gap, S[k] - S[k + 1]);
        if (gap > 1e-4 * S[0])
            CHECK_ALL_NEAR(p.components_.row(k), C.row(k), 0.0, 1e-10,
                           "1e-10 per entry, same signs: the gap allows it (svd_flip decides the sign)");
    }
    Matrix Zref = g.matrix(key + ".transform"), Z = transform(p, X);
    bool all_separated = true;  // every kept component compared above
    for (std::size_t k = 0; k + 1 < S.size() && k < K; ++k) all_separated &= S[k] - S[k + 1] > 1e-4 * S[0];
    if (all_separated && S[K - 1] > 1e-8 * S[0]) {
        Matrix Zhead(Zref.rows(), K);  // the golden may hold the first rows only
        for (std::size_t i = 0; i < Zref.rows(); ++i)
            for (std::size_t k = 0; k < K; ++k) Zhead(i, k) = Z(i, k);
        CHECK_ALL_NEAR(Zhead, Zref, 0.0, 1e-10 * (S[0] + 1.0), "1e-10 of sigma_1: the components' error times |x|");
    }
}

static PcaOptions components(double n) {
    PcaOptions o;
    o.n_components = n;
    return o;
}

TEST_CASE(pca_matches_sklearn) {
    const Golden& g = golden();
    struct Case {
        const char* key;
        const char* data;
        double n;
    };
    for (Case c :
         {Case{"pca.iris", "pca.iris", 0.0}, Case{"pca.iris2", "pca.iris", 2.0}, Case{"pca.wine", "pca.wine", 0.0},
          Case{"pca.wine_z95", "pca.wine_z95", 0.95}, Case{"pca.digits40", "pca.digits", 40.0},
          Case{"pca.wide", "pca.wide", 0.0}, Case{"pca.nearpair", "pca.nearpair", 0.0}}) {
        Matrix X = g.matrix(std::string(c.data) + ".X");
        check_pca(c.key, fit_pca(X, components(c.n)), X);
    }
}

// two components 4e-7 sigma_1 apart: each vector is decided by rounding, their plane is not
TEST_CASE(near_repeated_pair_as_a_plane) {
    const Golden& g = golden();
    Pca p = fit_pca(g.matrix("pca.nearpair.X"));
    Matrix P(p.components_.cols(), p.components_.cols());
    for (std::size_t a = 0; a < P.rows(); ++a)
        for (std::size_t b = 0; b < P.cols(); ++b)
            for (std::size_t k = 1; k <= 2; ++k) P(a, b) += p.components_(k, a) * p.components_(k, b);
    CHECK_ALL_NEAR(P, g.matrix("pca.nearpair.pair_projector"), 0.0, 1e-10,
                   "1e-10: the projector onto the pair's plane, eps sigma_1 / (gap to the rest)");
}

// (PC.11) measured: the variances of a spectrum over 1e-16 by the SVD of Xc and by the eigenvalues
// of C = Xc^T Xc / (N - 1). Printed with -v; derivations/pca.md quotes these numbers.
TEST_CASE(covariance_route_loses_small_components) {
    const Golden& g = golden();
    Matrix X = g.matrix("eigloss.X");
    Vector exact = g.vector("eigloss.variance_exact");
    PcaOptions eig;
    eig.solver = PcaSolver::eig;
    Pca by_svd = fit_pca(X), by_eig = fit_pca(X, eig);
    for (std::size_t k = 0; k < 3; ++k) {
        double e_svd = std::fabs(by_svd.explained_variance_[k] - exact[k]) / exact[k];
        double e_eig = std::fabs(by_eig.explained_variance_[k] - exact[k]) / exact[k];
        if (mlfs_test::Registry::get().verbose)
            std::printf("eigloss: variance %zu exact %.3e: relative error svd %.2e, eig %.2e\n", k + 1, exact[k], e_svd,
                        e_eig);
        if (k == 2) {
            CHECK_NEAR(e_svd, 0.0, 4e-8, "2 eps sigma_1 / sigma_3 = 4e-8: the centred data's own rounding, no more");
            CHECK_MSG(e_eig > 1e-2, "the covariance route loses the 1e-16 variance (below C's rounding, eps/49)");
        }
    }
}

// The derivation's worked example (derivations/pca.md), every intermediate
TEST_CASE(worked_example) {
    const Golden& g = golden();
    Matrix X = g.matrix("worked.X"), Xc = g.matrix("worked.Xc");
    Rotation r = jacobi_rotation(g.scalar("worked.sweep1.alpha"), g.scalar("worked.sweep1.gamma"),
                                 g.scalar("worked.sweep1.beta"));
    CHECK_NEAR(r.c, g.scalar("worked.sweep1.c"), 0.0, "the same formula on the same doubles: exact");
    CHECK_NEAR(r.s, g.scalar("worked.sweep1.s"), 0.0, "the same formula on the same doubles: exact");
    JacobiOptions plain;  // the golden replays the sweeps on Xc itself (a 4 x 2 would take the QR first)
    plain.qr_first = false;
    SingularValueDecomposition svd = jacobi_svd(Xc, plain);
    CHECK_NEAR(double(svd.sweeps), 2.0, 0.0, "one sweep rotates, the second finds every pair orthogonal");
    CHECK_ALL_NEAR(svd.S, g.vector("worked.S_exact"), 4 * kEps, 0.0, "4 eps relative: one rotation and a norm");
    Pca p = fit_pca(X);
    CHECK_ALL_NEAR(p.mean_, g.vector("worked.mean"), 0.0, 0.0, "exact: small integers");
    CHECK_ALL_NEAR(p.explained_variance_, g.vector("worked.pca.explained_variance"), 8 * kEps, 0.0, "8 eps: S^2 / 3");
    CHECK_ALL_NEAR(p.explained_variance_ratio_, g.vector("worked.pca.explained_variance_ratio"), 8 * kEps, 0.0,
                   "8 eps");
    // each column of U has two entries of equal size and opposite sign, so svd_flip's choice is
    // decided by rounding (tests/golden/pca.txt): compare every component up to its sign
    Matrix C = g.matrix("worked.pca.components"), Z = transform(p, X), Zref = g.matrix("worked.pca.transform");
    for (std::size_t k = 0; k < 2; ++k) {
        CHECK_NEAR(p.sign_margin_[k], 0.0, 1e-15, "two entries of U of one size and opposite signs: margin ~0");
        double sign = p.components_(k, 0) * C(k, 0) >= 0.0 ? 1.0 : -1.0;
        for (std::size_t j = 0; j < 2; ++j)
            CHECK_NEAR(sign * p.components_(k, j), C(k, j), 8 * kEps, "8 eps, up to the sign rounding decides");
        for (std::size_t i = 0; i < 4; ++i)
            CHECK_NEAR(sign * Z(i, k), Zref(i, k), 16 * kEps, "16 eps, up to the same sign");
    }
}

TEST_CASE(svd_flip_signs_as_sklearn) {
    Matrix U(3, 2), V(2, 2, 1.0);
    U(0, 0) = -0.5, U(1, 0) = 0.5, U(2, 0) = 0.1;  // a tie in |u|: the first (negative) decides
    U(0, 1) = 0.2, U(1, 1) = -0.9, U(2, 1) = 0.3;
    svd_flip(U, V);
    CHECK(U(0, 0) == 0.5 && U(1, 0) == -0.5 && V(0, 0) == -1.0 && V(1, 0) == -1.0);
    CHECK(U(1, 1) == 0.9 && V(0, 1) == -1.0);
    // LAPACK's U and V^T of the worked example's Xc (scipy), before the flip: svd_flip must give
    // scikit-learn's components exactly. Each column of U has two entries of one size and opposite
    // signs (rows 1 and 2 equal; rows 0 and 3 one ulp apart), so this is where the first-on-ties
    // rule and the last bit decide, as in numpy's argmax.
    const Golden& g = golden();
    Matrix U2 = g.matrix("worked.svd.U"), V2 = transpose(g.matrix("worked.svd.Vt"));
    svd_flip(U2, V2);
    CHECK_ALL_NEAR(transpose(V2), g.matrix("worked.pca.components"), 0.0, 0.0,
                   "exact: a sign change of the same numbers (PC.12)");
}

TEST_CASE(project_and_reconstruct) {
    const Golden& g = golden();  // a Pca built from the golden numbers alone, so this checks only
    Pca p;                       // transform and inverse_transform
    p.mean_ = g.vector("pca.iris2.mean");
    p.components_ = g.matrix("pca.iris2.components");
    p.explained_variance_ = g.vector("pca.iris2.explained_variance");
    p.n_components_ = p.components_.rows();
    Matrix X = g.matrix("pca.iris.X");
    Matrix X5(5, X.cols()), Z5ref(5, 2), Zref = g.matrix("pca.iris2.transform");
    for (std::size_t i = 0; i < 5; ++i) {
        for (std::size_t j = 0; j < X.cols(); ++j) X5(i, j) = X(i, j);
        for (std::size_t k = 0; k < 2; ++k) Z5ref(i, k) = Zref(i, k);
    }
    CHECK_ALL_NEAR(transform(p, X5), Z5ref, 0.0, 1e-13,
                   "1e-13: five rows alone, centred on the fitted mean_, not on their own (PC.15)");
    CHECK_ALL_NEAR(transform(p, X), g.matrix("pca.iris2.transform"), 0.0, 1e-13,
                   "1e-13: four products per entry, from the same numbers (PC.15)");
    {
        p.whiten = true;
        p.mean_ = g.vector("pca.iris_white.mean");
        p.components_ = g.matrix("pca.iris_white.components");
        p.explained_variance_ = g.vector("pca.iris_white.explained_variance");
        p.n_components_ = p.components_.rows();
        Matrix Z = transform(p, X);
        CHECK_ALL_NEAR(Z, g.matrix("pca.iris_white.transform"), 0.0, 1e-12, "1e-12: divided by sqrt(ev) (PC.15)");
        {
            Matrix Z5(5, Z.cols());
            for (std::size_t i = 0; i < 5; ++i)
                for (std::size_t k = 0; k < Z.cols(); ++k) Z5(i, k) = Z(i, k);
            CHECK_ALL_NEAR(inverse_transform(p, Z5), g.matrix("pca.iris_white.inverse"), 0.0, 1e-12, "1e-12: (PC.16)");
        }
    }
}

TEST_CASE(bad_input) {
    CHECK_THROWS(fit_pca(Matrix(1, 3, 1.0)), ShapeError, "at least 2 samples");
    CHECK_THROWS(fit_pca(Matrix(4, 2, 1.0)), std::invalid_argument, "every column is constant");
    Matrix X(4, 2);
    X(0, 0) = 1, X(1, 1) = 2, X(2, 0) = 3, X(3, 1) = -1;
    CHECK_THROWS(fit_pca(X, components(3.0)), std::invalid_argument, "n_components = 3");
    CHECK_THROWS(fit_pca(X, components(1.5)), std::invalid_argument, "n_components = 1.5");
    CHECK_THROWS(fit_pca(X, components(-1.0)), std::invalid_argument, "n_components");
    X(2, 1) = std::nan("");
    CHECK_THROWS(fit_pca(X), std::invalid_argument, "not finite");
}

// n_components = 1 is the integer K = 1 (one component), not the fraction "all the variance";
// every entry is checked for finiteness, the first row too; and the covariance route divides
// by N - 1 like the SVD route: its explained variances are the SVD's (both S^2 / (N - 1))
TEST_CASE(one_component_first_row_and_both_routes) {
    Matrix X(4, 2);
    X(0, 0) = 1, X(1, 1) = 2, X(2, 0) = 3, X(3, 1) = -1;
    CHECK_NEAR(double(fit_pca(X, components(1.0)).n_components_), 1.0, 0.0, "an integer: exact");
    PcaOptions eig;
    eig.solver = PcaSolver::eig;
    const Pca a = fit_pca(X), b = fit_pca(X, eig);
    // X^T X of this 4 x 2 has cond ~ 2: both routes agree to a few eps of the largest variance
    CHECK_ALL_NEAR(b.explained_variance_, a.explained_variance_, 0.0, 1e-14 * a.explained_variance_[0],
                   "1e-14 of the largest: two eigen-solvers on a well-conditioned 2 x 2");
    Matrix bad = X;
    bad(0, 0) = std::nan("");
    CHECK_THROWS(fit_pca(bad), std::invalid_argument, "X(0, 0) = ");
}

TEST_MAIN()

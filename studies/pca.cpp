// SPDX-License-Identifier: MIT
// `mlfs pca` / `mlfs tour`, principal component analysis (derivations/pca.md): iris and the digits by the
// one-sided Jacobi SVD beside scikit-learn 1.2.1's PCA(svd_solver='full'), the digits on two components,
// the cumulative explained variance, digits rebuilt from 2 to 40 components, a wide set (N < D), a pair
// of nearly equal variances, the derivation's worked example; then the failure modes on data: unscaled
// wine, two moons that no projection separates, and the small components lost by the covariance route
// (tests/golden/pca.txt). Legend: N samples, D features, r = min(N, D), K components kept.
#include "studies/pca.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "io/csv.hpp"
#include "io/golden.hpp"
#include "linalg/jacobi.hpp"

namespace mlfs {

namespace {

// Singular values, variances and ratios: sklearn's LAPACK SVD and our Jacobi SVD are both backward
// stable, |ds_k| <= c eps s_1; over these spectra (s_1 / s_K <= 40 on the kept components) that is below
// 1e-13 relative, so 1e-12 keeps a margin and still catches any wrong formula (N vs N - 1: 1e-2).
const double kValuesRtol = 1e-12;
// Components: a unit vector moves by about eps s_1 / gap, the gap (s_k - s_{k+1}) / s_1 >= 1.5e-3 on
// the kept components here (the golden file prints each), so ~1e-13; signs from svd_flip, whose margin
// (the largest |U entry| over the second) is >= 2.4e-3 here, far above rounding.
const double kComponentsAtol = 1e-10;
// transform: each entry is x_c^T v_k, off by |x_c| |dv_k| <= s_1 |dv_k|: measured against s_1.
const double kTransformRtol = 1e-10;

// The worst entry of |ours - ref| / max(|ref|, floor): ours and the reference there.
struct Worst {
    double diff = 0.0, ours = 0.0, ref = 0.0;
    bool seen = false;
    void see(double o, double r, double floor = 0.0) {
        const double d = std::fabs(o - r) / std::max(std::fabs(r), floor);
        if (!seen || !(d <= diff)) diff = d, ours = o, ref = r, seen = true;  // NaN always counts as worse
    }
    // the first `count` entries (all when count is 0); a size mismatch counts as NaN
    void see_all(const Vector& o, const Vector& r, double floor = 0.0, std::size_t count = 0) {
        const std::size_t n = count ? count : r.size();
        if (o.size() < n || r.size() < n) see(std::nan(""), 0.0);
        for (std::size_t k = 0; k < n && o.size() >= n && r.size() >= n; ++k) see(o[k], r[k], floor);
    }
    SummaryRow row(const std::string& quantity, double tol, const std::string& source = "") const {
        return SummaryRow{quantity, ours, ref, diff, tol, true, source};
    }
};

// The first `rows` rows of A (all when rows is 0).
Matrix top_rows(const Matrix& A, std::size_t rows) {
    const std::size_t R = rows ? std::min(rows, A.rows()) : A.rows();
    Matrix B(R, A.cols());
    for (std::size_t i = 0; i < R; ++i) B.set_row(i, A.row(i));
    return B;
}

struct PcaComparison {
    Pca pca;
    Worst values, components, Z;
};

// Ours beside scikit-learn's golden `key`.* on X: the values (singular_values_, explained_variance_ and
// its ratio, relative), components_ (absolute: unit rows), transform (relative to s_1, or to 1 when
// whitened). `keep` limits the comparison to the first components (0: all).
PcaComparison compare_pca(const Golden& g, const std::string& key, const Matrix& X, const PcaOptions& opt,
                          std::size_t keep = 0) {
    PcaComparison c;
    c.pca = fit_pca(X, opt);
    c.values.see_all(c.pca.singular_values_, g.vector(key + ".singular_values"), 0.0, keep);
    c.values.see_all(c.pca.explained_variance_, g.vector(key + ".explained_variance"), 0.0, keep);
    c.values.see_all(c.pca.explained_variance_ratio_, g.vector(key + ".explained_variance_ratio"), 0.0, keep);
    const Matrix ref_components = g.matrix(key + ".components"), ref_Z = g.matrix(key + ".transform");
    const std::size_t K = keep ? keep : ref_components.rows();
    for (std::size_t k = 0; k < K; ++k) c.components.see_all(c.pca.components_.row(k), ref_components.row(k), 1.0);
    const Matrix Z = transform(c.pca, top_rows(X, ref_Z.rows()));
    const double scale = opt.whiten ? 1.0 : c.pca.singular_values_[0];
    for (std::size_t i = 0; i < ref_Z.rows(); ++i) c.Z.see_all(Z.row(i), ref_Z.row(i), scale, K);
    return c;
}

// A fit keeping K components, from one that keeps more: the SVD does not depend on K (PC.13), so the
// first K rows are the fit with n_components = K; noise_variance_ (PC.14) is the mean over the r - K
// dropped variances, the kept ones past K and the dropped ones the bigger fit averaged.
Pca first_components(const Pca& p, std::size_t K, std::size_t r) {
    Pca q = p;
    q.n_components_ = K;
    q.components_ = top_rows(p.components_, K);
    q.explained_variance_.resize(K), q.explained_variance_ratio_.resize(K), q.singular_values_.resize(K);
    double dropped = p.noise_variance_ * double(r - p.n_components_);
    for (std::size_t k = K; k < p.n_components_; ++k) dropped += p.explained_variance_[k];
    q.noise_variance_ = K < r ? dropped / double(r - K) : 0.0;
    return q;
}

void print_spectrum(const Pca& p, std::size_t show) {
    std::printf("%4s %16s %20s %12s %12s\n", "k", "singular_value", "explained_variance", "ratio", "cumulative");
    double cum = 0.0;
    for (std::size_t k = 0; k < p.n_components_; ++k) {
        cum += p.explained_variance_ratio_[k];
        if (k < show || k + 1 == p.n_components_)
            std::printf("%4zu %16.10g %20.10g %12.6f %12.6f\n", k + 1, p.singular_values_[k], p.explained_variance_[k],
                        p.explained_variance_ratio_[k], cum);
        else if (k == show) std::printf("%4s\n", "...");
    }
}

std::vector<int> int_labels(const Vector& y) {
    std::vector<int> v;
    for (double label : y) v.push_back(static_cast<int>(label));
    return v;
}

// ---- iris: every attribute beside scikit-learn; n_components = 2 and whitening
void iris_section(const Golden& g, Summary& summary) {
    const Matrix X = g.matrix("pca.iris.X");
    const PcaComparison all = compare_pca(g, "pca.iris", X, {});
    std::printf("-- Iris: PCA by the one-sided Jacobi SVD of Xc (PC.4, PC.9) beside scikit-learn 1.2.1 --\n\n"
                "%zu samples x %zu features (cm); sklearn: %s\n%d Jacobi sweeps\n\n",
                X.rows(), X.cols(), g.call("pca.iris.singular_values").c_str(), all.pca.sweeps);
    print_spectrum(all.pca, 4);
    std::printf("\ncomponents_ (rows, signed by svd_flip, PC.12):\n");
    for (std::size_t k = 0; k < all.pca.n_components_; ++k) {
        std::printf("  PC%zu", k + 1);
        for (double v : all.pca.components_.row(k)) std::printf(" %12.8f", v);
        std::printf("\n");
    }
    PcaOptions two, white;
    two.n_components = 2;
    white.whiten = true;
    const PcaComparison iris2 = compare_pca(g, "pca.iris2", X, two), whitened = compare_pca(g, "pca.iris_white", X, white);
    Worst noise;
    noise.see(iris2.pca.noise_variance_, g.scalar("pca.iris2.noise_variance"));
    std::printf("\nmax difference vs sklearn: values %.1e (relative), components_ %.1e, transform %.1e (of s_1)\n"
                "n_components=2: noise_variance_ %.10g (the mean of the 2 dropped variances, PC.14), rel d %.1e\n"
                "whiten=True: transform divided by sqrt(explained_variance_) (PC.15), unit variance; rel d %.1e\n\n",
                all.values.diff, all.components.diff, all.Z.diff, iris2.pca.noise_variance_, noise.diff,
                whitened.Z.diff);
    summary.push_back(all.values.row("iris: singular_values_, explained_variance_(_ratio_), rel", kValuesRtol));
    summary.push_back(all.components.row("iris: components_ with svd_flip's signs, abs", kComponentsAtol));
    summary.push_back(all.Z.row("iris: transform, |d| / s_1", kTransformRtol));
    summary.push_back(noise.row("iris, n_components=2: noise_variance_, rel", kValuesRtol));
    summary.push_back(whitened.Z.row("iris, whiten=True: transform, abs (unit variance)", kTransformRtol));
}

// ---- the digits: 40 components beside scikit-learn, the plane of the first two, the rebuilt images
Pca digits_section(const Golden& g, const std::string& out_dir, Summary& summary) {
    const Matrix X = g.matrix("pca.digits.X");
    CsvColumns digit;
    digit.names = {"digit"};
    const Table t = read_csv_columns(repo_root() + "/datasets/digits.csv", digit);
    if (t.X.rows() != X.rows())
        throw std::runtime_error("datasets/digits.csv has " + std::to_string(t.X.rows()) + " rows, pca.digits.X " +
                                 std::to_string(X.rows()));
    PcaOptions opt;
    opt.n_components = 40;
    const PcaComparison c = compare_pca(g, "pca.digits40", X, opt);
    std::printf("-- Digits: %zu images of 8 x 8 pixels (D = %zu), n_components = 40 --\n\n"
                "sklearn: %s\n%d Jacobi sweeps\n\n",
                X.rows(), X.cols(), g.call("pca.digits40.singular_values").c_str(), c.pca.sweeps);
    print_spectrum(c.pca, 10);
    Worst noise;
    noise.see(c.pca.noise_variance_, g.scalar("pca.digits40.noise_variance"));
    std::printf("\nnoise_variance_ %.10g: the mean variance of the 24 dropped directions\n"
                "max difference vs sklearn: values %.1e (relative), components_ %.1e, transform %.1e (of s_1,\n"
                "the first 200 rows), noise_variance_ %.1e\n\n",
                c.pca.noise_variance_, c.values.diff, c.components.diff, c.Z.diff, noise.diff);
    summary.push_back(c.values.row("digits, 40 of 64: singular_values_, explained_variance_(_ratio_), rel", kValuesRtol));
    summary.push_back(c.components.row("digits, 40 of 64: components_ with svd_flip's signs, abs", kComponentsAtol));
    summary.push_back(c.Z.row("digits, 40 of 64: transform, |d| / s_1", kTransformRtol));
    summary.push_back(noise.row("digits, 40 of 64: noise_variance_, rel", kValuesRtol));

    write_pca_digit_scatter(out_dir + "/pca_digits.svg", "digits on their first two principal components",
                            transform(first_components(c.pca, 2, 64), X), int_labels(t.X.col(0)));
    // rebuilt from K components (PC.15, PC.16), beside sklearn's fits with n_components = K
    const std::vector<std::size_t> Ks = {2, 5, 10, 20, 40};
    const Matrix originals = top_rows(X, 10);
    std::vector<Matrix> recons;
    Worst recon;
    std::printf("The first 10 digits rebuilt from K components, x ~ Z V_K^T + mean_ (PC.16):\n"
                "%4s %22s %16s\n", "K", "mean squared error", "rel d sklearn");
    for (std::size_t K : Ks) {
        const Pca p = first_components(c.pca, K, 64);
        recons.push_back(inverse_transform(p, transform(p, originals)));
        Worst one;
        one.see_all(recons.back().data(), g.matrix("pca.digits.recon" + std::to_string(K)).data(), 16.0);
        if (!recon.seen || !(one.diff <= recon.diff)) recon = one;
        double sse = 0.0;
        for (std::size_t i = 0; i < originals.data().size(); ++i)
            sse += (recons.back().data()[i] - originals.data()[i]) * (recons.back().data()[i] - originals.data()[i]);
        std::printf("%4zu %22.6f %16.1e\n", K, sse / double(originals.data().size()), one.diff);
    }
    std::printf("(pixels are 0..16; rel d is |d| / 16. Ours are the first K rows of the fit keeping 40: the SVD\n"
                "does not depend on K, so they equal sklearn's fits with n_components = K.)\n\n");
    summary.push_back(recon.row("digits: inverse_transform(transform) from K = 2..40, |d| / 16", kTransformRtol));
    write_pca_reconstruction_plot(out_dir + "/pca_digits_rebuilt.svg",
                                  "the first 10 digits rebuilt from 2, 5, 10, 20 and 40 components", originals, recons,
                                  Ks);
    return c.pca;
}

// The three features with the largest |loading| in component k: "proline 0.9998, magnesium 0.0179, ..."
std::string top_loadings(const Pca& p, std::size_t k, const std::vector<std::string>& names) {
    std::vector<std::size_t> j(names.size());
    for (std::size_t i = 0; i < j.size(); ++i) j[i] = i;
    std::sort(j.begin(), j.end(), [&](std::size_t a, std::size_t b) {
        return std::fabs(p.components_(k, a)) > std::fabs(p.components_(k, b));
    });
    std::string s;
    char buf[96];
    for (std::size_t i = 0; i < 3 && i < j.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s%s %+.4f", i ? ", " : "", names[j[i]].c_str(), p.components_(k, j[i]));
        s += buf;
    }
    return s;
}

// ---- failure mode: unscaled features; n_components as a fraction of the variance
void wine_section(const Golden& g, const Pca& digits, const std::string& out_dir, Summary& summary) {
    const Table t = read_csv(repo_root() + "/datasets/wine.csv");
    std::vector<std::string> names(t.names.begin(), t.names.end() - 1);  // the last column is the class
    const std::vector<int> labels = int_labels(t.X.col(column_index(t, "class")));
    const Matrix X = g.matrix("pca.wine.X"), Xz = g.matrix("pca.wine_z95.X");
    const PcaComparison raw = compare_pca(g, "pca.wine", X, {});
    PcaOptions f95;
    f95.n_components = 0.95;
    const PcaComparison z = compare_pca(g, "pca.wine_z95", Xz, f95);
    double proline = 0.0, hue = 0.0;
    for (std::size_t i = 0; i < X.rows(); ++i)
        proline = std::max(proline, X(i, column_index(t, "proline"))), hue = std::max(hue, X(i, column_index(t, "hue")));
    std::printf("-- Failure mode: unscaled features. Wine, %zu samples x %zu features in their own units --\n\n"
                "proline runs to %.0f, hue to %.2f: variance is measured in squared units, so the largest column\n"
                "is the largest direction.\n\n",
                X.rows(), X.cols(), proline, hue);
    std::printf("unscaled: PC1 explains %.4f of the variance; its loadings: %s\n", raw.pca.explained_variance_ratio_[0],
                top_loadings(raw.pca, 0, names).c_str());
    std::printf("          PC2 explains %.4f; its loadings: %s\n", raw.pca.explained_variance_ratio_[1],
                top_loadings(raw.pca, 1, names).c_str());
    std::printf("z-scored: PC1 explains %.4f; its loadings: %s\n", z.pca.explained_variance_ratio_[0],
                top_loadings(z.pca, 0, names).c_str());
    std::printf("          PC2 explains %.4f; its loadings: %s\n\n", z.pca.explained_variance_ratio_[1],
                top_loadings(z.pca, 1, names).c_str());
    std::printf("Unscaled, PC1 is proline, nearly alone: PCA found the units, not the structure. Z-scored (each\n"
                "column to mean 0, variance 1, StandardScaler), every feature has its say and the first two\n"
                "components separate the three cultivars (pca_wine_unscaled.svg, pca_wine_zscored.svg).\n\n");
    const Vector cumsum = g.vector("pca.wine_z95.ratio_cumsum");
    std::printf("z-scored, n_components = 0.95 (PC.13): the fewest K whose cumulative ratio exceeds 0.95:\n ");
    for (double v : cumsum) std::printf(" %.4f", v);
    std::printf("\n  -> n_components_ = %zu (sklearn %g); noise_variance_ %.10g; rel d values %.1e, components_ %.1e\n"
                "unscaled beside sklearn: rel d values %.1e (its smallest variance is 1e-7 of the largest; s_1 / s_13 "
                "= %.0f)\n\n",
                z.pca.n_components_, g.scalar("pca.wine_z95.n_components"), z.pca.noise_variance_, z.values.diff,
                z.components.diff, raw.values.diff, raw.pca.singular_values_[0] / raw.pca.singular_values_[12]);
    const double K = double(z.pca.n_components_), ref_K = g.scalar("pca.wine_z95.n_components");
    summary.push_back(SummaryRow{"wine z-scored, n_components=0.95: n_components_", K, ref_K, std::fabs(K - ref_K),
                                 0.0, false});
    summary.push_back(z.values.row("wine z-scored: singular_values_, explained_variance_(_ratio_), rel", kValuesRtol));
    summary.push_back(z.components.row("wine z-scored: components_ with svd_flip's signs, abs", kComponentsAtol));
    // unscaled: s_1 / s_13 ~ 3500, so the smallest values may carry c eps s_1 / s_13 ~ 1e-12 relative error
    summary.push_back(raw.values.row("wine unscaled: singular_values_, explained_variance_(_ratio_), rel", 1e-11));

    write_pca_class_scatter(out_dir + "/pca_wine_unscaled.svg", "wine, unscaled: the first two components",
                            transform(raw.pca, X), labels,
                            {"cultivar", "PC1 (nearly proline alone)", "PC2",
                            "Wine's 178 samples on the first two components of the unscaled data, coloured by "
                            "cultivar. PC1 is proline (in mg/l, up to 1680) and PC2 magnesium (up to 162): the two "
                            "largest columns, not the two most telling directions, and the cultivars overlap."});
    write_pca_class_scatter(out_dir + "/pca_wine_zscored.svg", "wine, z-scored: the first two components",
                            transform(z.pca, Xz), labels,
                            {"cultivar", "PC1", "PC2",
                            "The same samples after z-scoring each column: the first two components now mix all "
                            "thirteen features, and the three cultivars fall into three groups."});
    write_pca_scree_plot(out_dir + "/pca_scree.svg", "cumulative explained variance ratio",
                         {{"digits, 40 of 64", digits.explained_variance_ratio_},
                          {"wine z-scored, 10 of 13", z.pca.explained_variance_ratio_},
                          {"wine unscaled", raw.pca.explained_variance_ratio_}});
}

// ---- failure mode: structure that is not linear
void moons_section(const std::string& out_dir) {
    const Table t = read_csv(repo_root() + "/datasets/moons.csv");
    const Matrix X = select_columns(t, {"x0", "x1"}).X;
    const Vector y = t.X.col(column_index(t, "moon"));
    const Pca p = fit_pca(X, {});
    const Matrix Z = transform(p, X);
    // the best cut of each direction (cos a, sin a), a in 1-degree steps: the share of samples it gets right
    double best = 0.0, best_angle = 0.0, pc1 = 0.0;
    for (int a = 0; a < 180; ++a) {
        const double c = std::cos(a * std::acos(-1.0) / 180.0), s = std::sin(a * std::acos(-1.0) / 180.0);
        std::vector<std::pair<double, double>> proj;
        for (std::size_t i = 0; i < Z.rows(); ++i) proj.push_back({c * Z(i, 0) + s * Z(i, 1), y[i]});
        std::sort(proj.begin(), proj.end());
        double ones_left = 0.0, total_ones = 0.0, right = 0.0;
        for (const auto& v : proj) total_ones += v.second;
        const double n = double(proj.size());
        for (std::size_t i = 0; i <= proj.size(); ++i) {  // cut after the first i samples, either side class 1
            const double left = double(i), right_one = total_ones - ones_left;
            const double acc = std::max((left - ones_left) + right_one, ones_left + (n - left - right_one)) / n;
            right = std::max(right, acc);
            if (i < proj.size()) ones_left += proj[i].second;
        }
        if (a == 0) pc1 = right;
        if (right > best) best = right, best_angle = a;
    }
    std::printf("-- Failure mode: structure that is not linear. Two moons (datasets/moons.csv, %zu samples) --\n\n"
                "PCA can only rotate and drop axes: each component is a direction, and a projection on a line\n"
                "mixes the two interlocking moons. The best threshold on PC1 classifies %.1f%% of the samples;\n"
                "the best threshold on any of 180 directions, %.1f%% (at %.0f degrees from PC1). The ratios\n"
                "%.4f and %.4f say nothing about the moons: variance is not class structure.\n\n",
                X.rows(), 100.0 * pc1, 100.0 * best, best_angle, p.explained_variance_ratio_[0],
                p.explained_variance_ratio_[1]);
    write_pca_class_scatter(out_dir + "/pca_moons.svg", "two moons on their principal components", Z, int_labels(y),
                            {"moon", "PC1", "PC2",
                            "The two moons in the coordinates of their principal components, coloured by moon: PCA "
                            "only turns the picture. Every projection onto a line (a direction) overlaps the moons; "
                            "separating them needs a curved boundary, which no linear method gives."});
}

// ---- failure mode: the covariance route squares the condition number (PC.11)
void eigloss_section(const Golden& g, const std::string& out_dir, Summary& summary) {
    const Matrix X = g.matrix("eigloss.X");
    const Vector exact = g.vector("eigloss.S_exact"), scipy = g.vector("eigloss.S");
    const Vector numpy_eig = g.vector("eigloss.eig_values");
    PcaOptions eig;
    eig.solver = PcaSolver::eig;
    const Pca svd_route = fit_pca(X, {}), eig_route = fit_pca(X, eig);
    std::printf("-- Failure mode: the covariance route loses the small components (PC.11) --\n\n"
                "eigloss: %zu x %zu, singular values 1, 1e-4, 1e-8 (built so). The SVD of Xc sees 1e-8 beside 1;\n"
                "C = Xc^T Xc / (N - 1) holds the variances 2e-2 ... 2e-18, and 2e-18 is below the rounding of\n"
                "C's entries (eps x 2e-2 = 4.5e-18): solver eig cannot see it.\n\n",
                X.rows(), X.cols());
    std::printf("%3s %24s %24s %24s %10s %10s\n", "k", "exact s_k", "SVD route", "eig route", "rel SVD", "rel eig");
    Vector err_svd, err_eig, err_scipy, err_numpy;
    Worst svd_bound;
    for (std::size_t k = 0; k < exact.size(); ++k) {
        err_svd.push_back(std::fabs(svd_route.singular_values_[k] - exact[k]) / exact[k]);
        err_eig.push_back(std::fabs(eig_route.singular_values_[k] - exact[k]) / exact[k]);
        err_scipy.push_back(std::fabs(scipy[k] - exact[k]) / exact[k]);
        const double s_numpy = std::sqrt(std::max(numpy_eig[k], 0.0) * double(X.rows() - 1));
        err_numpy.push_back(std::fabs(s_numpy - exact[k]) / exact[k]);
        svd_bound.see(svd_route.singular_values_[k], exact[k], exact[0]);
        std::printf("%3zu %24.17g %24.17g %24.17g %10.1e %10.1e\n", k + 1, exact[k], svd_route.singular_values_[k],
                    eig_route.singular_values_[k], err_svd[k], err_eig[k]);
    }
    std::printf("\nfor scale: scipy's SVD %.1e %.1e %.1e; numpy's eigh(C) %.1e %.1e %.1e (relative, per value)\n"
                "The SVD's error is eps s_1 / s_k at most (%.1e of s_1 here); the eig route's is eps s_1^2 / s_k^2,\n"
                "which is the whole value when s_k / s_1 is below sqrt(eps) = 1.5e-8.\n\n",
                err_scipy[0], err_scipy[1], err_scipy[2], err_numpy[0], err_numpy[1], err_numpy[2], svd_bound.diff);
    // backward stability: |ds_k| <= c eps s_1 with c a small multiple of sqrt(N D)
    summary.push_back(svd_bound.row("eigloss, SVD route: singular_values_, |d| / s_1", 1e-14, "mpmath"));
    const bool lost = err_svd[2] < 1e-8 && err_eig[2] > 1e-6;
    summary.push_back(SummaryRow{"eigloss: eig route loses s_3 (1 = rel error > 1e-6 while the SVD's < 1e-8)",
                                 lost ? 1.0 : 0.0, 1.0, lost ? 0.0 : 1.0, 0.0, false, "mpmath"});
    const double floor = 1e-17;
    write_pca_eigloss_plot(out_dir + "/pca_eigloss.svg", "eigloss: relative error of each singular value", exact,
                           {{"SVD route (ours)", err_svd},
                            {"eig route (ours, solver eig)", err_eig},
                            {"scipy.linalg.svd", err_scipy},
                            {"numpy.linalg.eigh of C", err_numpy}},
                           floor);
}

// ---- hard cases: more features than samples; two nearly equal variances
void hard_cases_section(const Golden& g, Summary& summary) {
    const Matrix W = g.matrix("pca.wide.X");
    const PcaComparison wide = compare_pca(g, "pca.wide", W, {}, W.rows() - 1);
    std::printf("-- More features than samples: wide, %zu x %zu --\n\n"
                "Xc has rank N - 1 = %zu (centring removes one direction): s_%zu = %.1e is rounding, and its\n"
                "component an arbitrary unit vector (LAPACK's and ours differ); the first %zu agree: values %.1e,\n"
                "components_ %.1e, transform %.1e.\n\n",
                W.rows(), W.cols(), W.rows() - 1, W.rows(), wide.pca.singular_values_.back(), W.rows() - 1,
                wide.values.diff, wide.components.diff, wide.Z.diff);
    summary.push_back(wide.values.row("wide 8 x 20: values of the first 7 components, rel", kValuesRtol));
    summary.push_back(wide.components.row("wide 8 x 20: components_ 1-7, abs", kComponentsAtol));

    const Matrix X = g.matrix("pca.nearpair.X");
    const Pca p = fit_pca(X, {});
    const Matrix ref = g.matrix("pca.nearpair.components"), ref_P = g.matrix("pca.nearpair.pair_projector");
    Worst single, plane;
    for (std::size_t k = 1; k < 3; ++k) single.see_all(p.components_.row(k), ref.row(k), 1.0);
    for (std::size_t a = 0; a < X.cols(); ++a)
        for (std::size_t b = 0; b < X.cols(); ++b) {  // P = V2 V2^T, V2 = components 2 and 3 as columns
            const double P = p.components_(1, a) * p.components_(1, b) + p.components_(2, a) * p.components_(2, b);
            plane.see(P, ref_P(a, b), 1.0);
        }
    std::printf("-- Two nearly equal variances: nearpair, s_2 / s_3 = 1 + 1e-6 --\n\n"
                "Components 2 and 3 are fixed only as a plane: each vector moves by eps s_1 / gap = %.0e, and\n"
                "ours differ from sklearn's by %.1e; the plane's projector V2 V2^T by %.1e.\n\n",
                DBL_EPSILON / 4e-7, single.diff, plane.diff);
    // the plane is as well-conditioned as the gap to its neighbours (0.3 s_1): eps-level
    summary.push_back(plane.row("nearpair: the plane of components 2-3, V2 V2^T, abs", kComponentsAtol));
}

// ---- the derivation's worked example
void worked_example_section(const Golden& g, Summary& summary) {
    const Matrix X = g.matrix("worked.X");
    const Pca p = fit_pca(X, {});
    const SingularValueDecomposition svd = jacobi_svd(g.matrix("worked.Xc"));
    const Vector exact = g.vector("worked.S_exact");
    const Matrix ref = g.matrix("worked.pca.components"), V1 = g.matrix("worked.sweep1.V");
    Worst values, components, rotation;
    values.see_all(p.singular_values_, exact);
    // svd_flip's ties here are decided by rounding (rows of Xc in opposite pairs): compare up to sign
    for (std::size_t k = 0; k < 2; ++k) {
        const double sign = p.components_(k, 0) * ref(k, 0) + p.components_(k, 1) * ref(k, 1) < 0.0 ? -1.0 : 1.0;
        for (std::size_t j = 0; j < 2; ++j) components.see(sign * p.components_(k, j), ref(k, j), 1.0);
    }
    rotation.see_all(svd.V.data(), V1.data(), 1.0);
    std::printf("-- The worked example of the derivation: X 4 x 2 --\n\n"
                "singular_values_ %.17g %.17g\n   exact sqrt((7 +- sqrt(13)) / 2): %.17g %.17g (rel d %.1e)\n"
                "components_ (up to sign: svd_flip's tie is decided by rounding) rel d %.1e\n"
                "V after Jacobi's one rotation (zeta = 1.5, t = %.17g) beside the replica's: %.1e; %d sweeps\n\n",
                p.singular_values_[0], p.singular_values_[1], exact[0], exact[1], values.diff, components.diff,
                g.scalar("worked.sweep1.t"), rotation.diff, svd.sweeps);
    // a 2 x 2 rotation and two norms: a few roundings of numbers near 1
    summary.push_back(values.row("worked example: singular_values_, rel", 4 * DBL_EPSILON, "exact"));
    summary.push_back(components.row("worked example: components_ up to sign, abs", 4 * DBL_EPSILON));
    summary.push_back(rotation.row("worked example: V of sweep 1 (PC.7, PC.9), abs", 4 * DBL_EPSILON, "doubles replica"));
}

}  // namespace

void run_pca_study(const std::string& out_dir, Summary& summary) {
    std::printf("== Principal component analysis (derivations/pca.md) ==\n\n");
    const Golden g("pca.txt");
    iris_section(g, summary);
    const Pca digits = digits_section(g, out_dir, summary);
    worked_example_section(g, summary);
    hard_cases_section(g, summary);
    wine_section(g, digits, out_dir, summary);
    moons_section(out_dir);
    eigloss_section(g, out_dir, summary);
    std::printf("wrote into %s/: pca_digits.svg, pca_digits_rebuilt.svg, pca_scree.svg, pca_wine_unscaled.svg,\n"
                "  pca_wine_zscored.svg, pca_moons.svg, pca_eigloss.svg\n",
                out_dir.c_str());
}

}  // namespace mlfs

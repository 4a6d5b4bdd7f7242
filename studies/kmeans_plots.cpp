// SPDX-License-Identifier: MIT
// The report pieces of a k-means fit, shared by the case study and `mlfs kmeans --data` (the
// cluster table, the agreement with known classes, the cluster, elbow and silhouette plots), and
// the failure-mode figures of derivations/kmeans.md: an unlucky random seed, an unscaled feature,
// clusters that are not convex. Legend: N samples, D features, K clusters.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/csv.hpp"
#include "io/golden.hpp"
#include "io/svg.hpp"
#include "studies/kmeans.hpp"

namespace mlfs {

namespace {

// A data set of the repository with its class column: X is N x D (every other column), t the classes.
struct Labelled {
    Matrix X;
    std::vector<std::string> names;
    std::vector<int> t;
};

Labelled load_labelled(const std::string& file, const std::string& class_column) {
    const Table table = read_csv(mlfs::repo_root() + "/datasets/" + file);
    Labelled d;
    for (const std::string& n : table.names)
        if (n != class_column) d.names.push_back(n);
    d.X = select_columns(table, d.names).X;
    for (double v : table.X.col(column_index(table, class_column))) d.t.push_back(static_cast<int>(v));
    return d;
}

// z-scores with population standard deviations (ddof = 0), as sklearn's StandardScaler:
// Z(i, k) = (X(i, k) - mu_k) / sigma_k. mu and sigma are returned for mapping centres back.
Matrix standardise(const Matrix& X, Vector& mu, Vector& sigma) {
    mu = column_means(X);
    sigma.assign(X.cols(), 0.0);
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t k = 0; k < X.cols(); ++k) sigma[k] += (X(i, k) - mu[k]) * (X(i, k) - mu[k]);
    for (double& s : sigma) s = std::sqrt(s / static_cast<double>(X.rows()));
    Matrix Z(X.rows(), X.cols());
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t k = 0; k < X.cols(); ++k) Z(i, k) = (X(i, k) - mu[k]) / sigma[k];
    return Z;
}

// c(k) = z(k) sigma_k + mu_k for every centre the result holds, so it can be drawn on X's axes.
void unstandardise_centres(KMeansResult& km, const Vector& mu, const Vector& sigma) {
    auto back = [&](Matrix& C) {
        for (std::size_t j = 0; j < C.rows(); ++j)
            for (std::size_t k = 0; k < C.cols(); ++k) C(j, k) = C(j, k) * sigma[k] + mu[k];
    };
    back(km.cluster_centers_);
    for (Matrix& C : km.centres_per_iteration) back(C);
}

KMeansOptions options(std::size_t K, KMeansInit init, std::uint32_t seed) {
    KMeansOptions o;
    o.n_clusters = K;
    o.init = init;
    o.n_init = 1;
    o.seed = seed;
    return o;
}

// X (N x D) in the plane of features a and b coloured by cluster, the centres' paths, the final centres.
Plot cluster_plot(const std::string& title, const Matrix& X, std::size_t a, std::size_t b,
                  const std::vector<std::string>& names, const KMeansResult& km, bool paths) {
    Plot plot(title, names.at(a), names.at(b));
    plot.add_scatter("cluster", X.col(a), X.col(b), km.labels_);
    // a line's colour is the palette in order of the line series, so the path of centre j takes
    // cluster j's colour
    for (std::size_t j = 0; paths && j < km.cluster_centers_.rows(); ++j) {
        Vector xs, ys;
        for (const Matrix& C : km.centres_per_iteration) xs.push_back(C(j, a)), ys.push_back(C(j, b));
        plot.add_line("path of centre " + std::to_string(j), xs, ys);
    }
    plot.add_markers("final centres", km.cluster_centers_.col(a), km.cluster_centers_.col(b));
    plot.set_caption(std::string("Each sample coloured by its cluster in the plane of two features, with the final "
                                 "centres as crosses") +
                     (paths ? " and each centre's path through the Lloyd iterations (KM.2, KM.3). Look for "
                              "clusters that cut across the groups you can see."
                            : ". Look for clusters that cut across the groups you can see."));
    return plot;
}

// blobs.csv, K = 4, n_init = 1, seeds 0..29 with init='random' and with k-means++.
void seeds_figure(const std::string& out_dir) {
    const Labelled d = load_labelled("blobs.csv", "blob");
    const std::uint32_t n_seeds = 30;
    Vector seeds, J_random, J_pp;  // k-means++ is drawn 0.3 to the right of its seed, so both show
    KMeansResult worst;
    std::uint32_t worst_seed = 0;
    for (std::uint32_t s = 0; s < n_seeds; ++s) {
        KMeansResult km = kmeans_fit(d.X, options(4, KMeansInit::random, s));
        seeds.push_back(static_cast<double>(s));
        J_random.push_back(km.inertia_);
        if (s == 0 || km.inertia_ > worst.inertia_) worst = std::move(km), worst_seed = s;
        J_pp.push_back(kmeans_fit(d.X, options(4, KMeansInit::kmeans_plus_plus, s)).inertia_);
    }
    const double best =
        std::min(*std::min_element(J_random.begin(), J_random.end()), *std::min_element(J_pp.begin(), J_pp.end()));
    auto at_best = [best](const Vector& J) {  // runs that reach the lowest J, up to rounding
        return std::count_if(J.begin(), J.end(), [best](double v) { return v <= best * (1.0 + 1e-9); });
    };
    Plot plot("blobs.csv, K = 4, n_init = 1: inertia_ of each seed", "seed (random_state)", "inertia_ J (KM.1)");
    plot.add_scatter("init='random'", seeds, J_random);
    plot.add_scatter("init='k-means++'", add(seeds, Vector(n_seeds, 0.3)), J_pp);
    plot.add_line("lowest J found", {0.0, n_seeds - 1.0}, {best, best});
    plot.set_caption("The inertia_ J that each of " + std::to_string(n_seeds) +
                     " seeds reaches with "
                     "init='random' and with k-means++ (drawn a little to the right). Random seeding stops in "
                     "a local minimum above the lowest J in " +
                     std::to_string(n_seeds - at_best(J_random)) + " seeds, k-means++ in " +
                     std::to_string(n_seeds - at_best(J_pp)) + ".");
    plot.save(out_dir + "/kmeans_seeds.svg");
    std::printf("kmeans_seeds.svg: blobs.csv, K = 4, seeds 0..%u: init='random' reaches the lowest inertia_ %.1f\n"
                "  in %ld of %u seeds, k-means++ in %ld; the worst, seed %u (random), stops at %.1f\n",
                n_seeds - 1, best, static_cast<long>(at_best(J_random)), n_seeds, static_cast<long>(at_best(J_pp)),
                worst_seed, worst.inertia_);
    char title[120];
    std::snprintf(title, sizeof title, "blobs.csv, K = 4, init='random', seed %u: stuck at J = %.0f", worst_seed,
                  worst.inertia_);
    Plot worst_plot = cluster_plot(title, d.X, 0, 1, d.names, worst, true);
    worst_plot.set_caption("The worst random seed's clustering and each centre's path: two centres share one blob "
                           "while one centre holds two. No Lloyd step can move a centre across the gap, so J "
                           "stays in this local minimum.");
    worst_plot.save(out_dir + "/kmeans_seeds_worst.svg");
    std::printf("kmeans_seeds_worst.svg: that seed's clustering: two centres share one blob, one centre holds two;\n"
                "  accuracy %.3f against the blobs (best matching)\n",
                best_match_accuracy(worst.labels_, d.t, 4));
}

// blobs.csv with x1 in hundredths (x1 x 100): K = 4 on the raw and on the standardised columns.
void scaling_figures(const std::string& out_dir) {
    Labelled d = load_labelled("blobs.csv", "blob");
    for (std::size_t i = 0; i < d.X.rows(); ++i) d.X(i, 1) *= 100.0;
    d.names[1] = "100 x1";
    const KMeansOptions opt = options(4, KMeansInit::kmeans_plus_plus, 0);
    const KMeansResult raw = kmeans_fit(d.X, opt);
    Vector mu, sigma;
    KMeansResult z = kmeans_fit(standardise(d.X, mu, sigma), opt);
    unstandardise_centres(z, mu, sigma);
    Plot raw_plot = cluster_plot("blobs.csv with x1 x 100, K = 4 on the raw columns", d.X, 0, 1, d.names, raw, true);
    raw_plot.set_caption("K = 4 on the blobs with x1 multiplied by 100: the distance is almost all x1, so the "
                         "clusters are horizontal slices, not the blobs. Compare the standardised figure.");
    raw_plot.save(out_dir + "/kmeans_scaling_raw.svg");
    Plot z_plot =
        cluster_plot("the same data, K = 4 on standardised columns (drawn in raw units)", d.X, 0, 1, d.names, z, true);
    z_plot.set_caption("The same data clustered after standardising each column, drawn in raw units: both "
                       "features count equally again and the four blobs are found.");
    z_plot.save(out_dir + "/kmeans_scaling_standardised.svg");
    std::printf(
        "kmeans_scaling_raw.svg / kmeans_scaling_standardised.svg: blobs.csv with x1 x 100 (std %.3g vs %.3g):\n"
        "  raw, the distance is almost all x1: accuracy %.3f; standardised: accuracy %.3f\n",
        sigma[1], sigma[0], best_match_accuracy(raw.labels_, d.t, 4), best_match_accuracy(z.labels_, d.t, 4));
}

// moons.csv, K = 2: the boundary between two centres is a straight line, the moons are not convex.
void moons_figure(const std::string& out_dir) {
    const Labelled d = load_labelled("moons.csv", "moon");
    const KMeansResult km = kmeans_fit(d.X, options(2, KMeansInit::kmeans_plus_plus, 0));
    // (KM.2) the boundary ||x - c_0|| = ||x - c_1|| is the line through m = (c_0 + c_1) / 2 along
    // u, perpendicular to c_1 - c_0; drawn for the t where m + t u lies inside the data's box
    const Matrix& C = km.cluster_centers_;
    const double m[2] = {(C(0, 0) + C(1, 0)) / 2, (C(0, 1) + C(1, 1)) / 2};
    const double u[2] = {C(0, 1) - C(1, 1), C(1, 0) - C(0, 0)};
    double t0 = -1e300, t1 = 1e300;
    for (std::size_t k = 0; k < 2; ++k) {
        if (u[k] == 0.0) continue;
        const Vector x = d.X.col(k);
        const double a = (*std::min_element(x.begin(), x.end()) - m[k]) / u[k];
        const double b = (*std::max_element(x.begin(), x.end()) - m[k]) / u[k];
        t0 = std::max(t0, std::min(a, b));
        t1 = std::min(t1, std::max(a, b));
    }
    Plot plot = cluster_plot("moons.csv, K = 2: a straight cut through both moons", d.X, 0, 1, d.names, km, true);
    plot.set_caption("K = 2 on the two moons, with the line of points equidistant from the two centres. That "
                     "boundary is always straight (KM.2), so k-means cuts through both moons: it cannot follow "
                     "clusters that are not convex.");
    plot.add_line("boundary (equidistant)", {m[0] + t0 * u[0], m[0] + t1 * u[0]}, {m[1] + t0 * u[1], m[1] + t1 * u[1]});
    plot.save(out_dir + "/kmeans_moons.svg");
    std::printf("kmeans_moons.svg: moons.csv, K = 2 (k-means++, seed 0): accuracy %.3f against the moons; the\n"
                "  boundary is the perpendicular bisector of the two centres, a straight line\n",
                best_match_accuracy(km.labels_, d.t, 2));
}

}  // namespace

void run_kmeans_failure_figures(const std::string& out_dir) {
    std::printf("-- When k-means fails: the figures of the derivation --\n\n");
    seeds_figure(out_dir);
    scaling_figures(out_dir);
    moons_figure(out_dir);
    std::printf("\n");
}

void print_clusters(const std::vector<std::string>& names, const KMeansResult& km) {
    const std::size_t K = km.cluster_centers_.rows(), D = km.cluster_centers_.cols();
    std::vector<std::size_t> size(K, 0);
    for (int l : km.labels_) ++size[static_cast<std::size_t>(l)];
    std::printf("%-8s %6s", "cluster", "size");
    for (std::size_t k = 0; k < D; ++k)
        std::printf(" %*s", std::max(16, static_cast<int>(names[k].size())), names[k].c_str());
    std::printf("\n");
    for (std::size_t j = 0; j < K; ++j) {
        std::printf("%-8zu %6zu", j, size[j]);
        for (std::size_t k = 0; k < D; ++k)
            std::printf(" %*.10g", std::max(16, static_cast<int>(names[k].size())), km.cluster_centers_(j, k));
        std::printf("\n");
    }
}

double best_match_accuracy(const std::vector<int>& labels, const std::vector<int>& truth, std::size_t K) {
    if (labels.size() != truth.size() || labels.empty())
        throw ShapeError("best_match_accuracy: " + std::to_string(labels.size()) + " labels but " +
                         std::to_string(truth.size()) + " classes");
    if (K < 1 || K > 8) throw std::invalid_argument("best_match_accuracy: K = " + std::to_string(K) + ", need 1..8");
    Matrix n(K, K, 0.0);  // n(j, c) = #{i : l_i = j, t_i = c}
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] >= 0 && truth[i] >= 0 && labels[i] < static_cast<int>(K) && truth[i] < static_cast<int>(K))
            n(static_cast<std::size_t>(labels[i]), static_cast<std::size_t>(truth[i])) += 1.0;
    std::vector<std::size_t> p(K);
    std::iota(p.begin(), p.end(), 0);
    double best = 0.0;
    do {  // cluster j is read as class p[j]
        double hits = 0.0;
        for (std::size_t j = 0; j < K; ++j) hits += n(j, p[j]);
        best = std::max(best, hits);
    } while (std::next_permutation(p.begin(), p.end()));
    return best / static_cast<double>(labels.size());
}

void write_cluster_plot(const std::string& path, const std::string& title, const Matrix& X, std::size_t a,
                        std::size_t b, const std::vector<std::string>& names, const KMeansResult& km, bool paths) {
    cluster_plot(title, X, a, b, names, km, paths).save(path);
}

void write_elbow_plot(const std::string& path, const std::string& title, const Vector& inertia, std::size_t k_mark) {
    Vector ks;
    for (std::size_t K = 1; K <= inertia.size(); ++K) ks.push_back(static_cast<double>(K));
    Plot plot(title, "number of clusters K", "inertia_ J (KM.1)");
    plot.add_line("inertia_", ks, inertia);
    plot.add_scatter("each K", ks, inertia);
    if (k_mark >= 1 && k_mark <= inertia.size())
        plot.add_markers("K = " + std::to_string(k_mark), {static_cast<double>(k_mark)}, {inertia[k_mark - 1]});
    plot.set_caption("The inertia_ J of the fit for each number of clusters K. J always falls as K grows; look "
                     "for the bend (the elbow) after which one more cluster buys little.");
    plot.save(path);
}

void write_silhouette_plot(const std::string& path, const std::string& title, const Vector& s,
                           const std::vector<int>& labels) {
    const int K = labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end()) + 1;
    const double gap = std::max(2.0, 0.04 * static_cast<double>(s.size()));  // rows left empty between clusters
    Plot plot(title, "silhouette s_i (KM.12)", "samples, sorted within each cluster");
    double row = 0.0, mean = 0.0;
    for (int j = 0; j < K; ++j) {
        Vector sj;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (labels[i] == j) sj.push_back(s[i]);
        std::sort(sj.begin(), sj.end());  // within a cluster, from the lowest s_i upwards
        // one bar per sample, drawn as a zigzag 0 -> s_i -> 0 one row up, which fills the band;
        // the j-th line takes the palette's colour j, as cluster j does in the other plots
        Vector xs, ys;
        for (double v : sj)
            xs.push_back(0.0), ys.push_back(row), xs.push_back(v), ys.push_back(row), row += 1.0, mean += v;
        plot.add_line("cluster " + std::to_string(j), xs, ys);
        row += gap;
    }
    mean /= static_cast<double>(std::max<std::size_t>(1, s.size()));
    char name[48];
    std::snprintf(name, sizeof name, "mean s = %.3f", mean);
    plot.add_line(name, {mean, mean}, {0.0, std::max(0.0, row - gap)});
    plot.set_caption("The silhouette s_i of every sample (KM.12), sorted within each cluster, and their mean. "
                     "Long bars near 1 are tight, well separated clusters; bars near 0 or below are samples "
                     "between two clusters or in the wrong one.");
    plot.save(path);
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The k-means case study of `mlfs kmeans` and `mlfs tour` (derivations/kmeans.md): a selection of
// the golden cases of tests/golden/kmeans.txt refitted beside scikit-learn's numbers, the iris
// study (K = 3 against the species), and the failure-mode figures (seeds, scaling, moons).
// Also the report pieces that `mlfs kmeans --data FILE.csv` uses for a user's own data.
// Legend: N samples, D features, K clusters.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "algorithms/kmeans.hpp"
#include "studies/summary.hpp"

namespace mlfs {

// Prints the study to stdout, writes its figures into out_dir, appends its comparisons to summary.
// (studies/kmeans.cpp)
void run_kmeans_study(const std::string& out_dir, Summary& summary);

// The failure-mode figures of the derivation, each with one printed line of its key numbers:
// kmeans_seeds.svg, kmeans_seeds_worst.svg, kmeans_scaling_raw.svg,
// kmeans_scaling_standardised.svg, kmeans_moons.svg. (studies/kmeans_plots.cpp)
void run_kmeans_failure_figures(const std::string& out_dir);

// ---- report pieces shared with `mlfs kmeans --data` (studies/kmeans_plots.cpp)

// The size of each cluster and its centre, one row per cluster, under the feature names.
void print_clusters(const std::vector<std::string>& names, const KMeansResult& km);

// The fraction of samples whose cluster, renamed by the best one-to-one map of the K clusters onto
// the classes 0..K-1, equals their class: max over permutations p of (1/N) #{i : p(l_i) = t_i}.
// K! maps, so K is at most 8. labels and truth have length N.
double best_match_accuracy(const std::vector<int>& labels, const std::vector<int>& truth, std::size_t K);

// X (N x D) in the plane of features a and b, coloured by cluster; with `paths`, each centre's
// path through km.centres_per_iteration; the final centres as crosses. Writes `path`.
void write_cluster_plot(const std::string& path, const std::string& title, const Matrix& X, std::size_t a,
                        std::size_t b, const std::vector<std::string>& names, const KMeansResult& km, bool paths);

// inertia_ (J) against K = 1 .. inertia.size(), with K = k_mark marked. Writes `path`.
void write_elbow_plot(const std::string& path, const std::string& title, const Vector& inertia, std::size_t k_mark);

// The silhouette plot: the s_i of each cluster sorted, one row per sample (x = s_i, y = rank, the
// clusters stacked with a gap), and the mean s as a vertical line. Writes `path`.
void write_silhouette_plot(const std::string& path, const std::string& title, const Vector& s,
                           const std::vector<int>& labels);

}  // namespace mlfs

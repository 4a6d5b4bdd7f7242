// SPDX-License-Identifier: MIT
// k-means clustering by Lloyd's algorithm, computed as scikit-learn 1.2.1's
// KMeans(algorithm='lloyd') computes it (derivations/kmeans.md). Legend: N samples, D features,
// K clusters; X is N x D, the centres C are K x D (row j is c_j), the labels l have length N.
//
//   (KM.1)  inertia J = sum_i ||x_i - c_{l_i}||^2, each term unrolled by 4 features as sklearn's
//           _euclidean_dense_dense
//   (KM.2)  assignment  l_i = argmin_j ||c_j||^2 - 2 x_i.c_j, on centred data, ties to the lowest j
//   (KM.3)  update      c_j = (sum_{i: l_i = j} x_i) * (1 / n_j)
//   (KM.4)  the clusters empty after the assignment, in increasing order, take the samples of
//           np.argpartition(dist, -|E|)[:-|E|-1:-1] in turn (KM.16): the |E| farthest from their old
//           centres, in the order numpy's introselect leaves them (not sorted); a cluster emptied
//           by that stays empty until the next assignment
//   (KM.5)  centre shift sum_j (sqrt ||c_j^new - c_j^old||^2)^2 <= tol_abs stops the run (the norm
//           unrolled as KM.1, the sum over j as KM.13)
//   (KM.6)  tol_abs = ((sum_d var_d) / D) * tol, var_d = (sum_i (X(i, d) - xbar_d)^2) / N, population
//           variances of the input X
//   (KM.7)  labels unchanged => stop ("strict convergence"); n_iter_ counts that iteration
//   (KM.8)  after a tolerance stop or max_iter, one more assignment against the final centres
//   (KM.9)  k-means++ seeding (greedy, 2 + floor(ln K) trials per centre), distances as KM.17
//   (KM.10) random seeding: the first K entries of a random permutation of the samples
//   (KM.11) n_init runs from one random stream; a later run wins only with strictly lower J and a
//           different clustering
//   (KM.12) silhouette (algorithms/silhouette.hpp, included below)
// Where a tie or a last bit decides a discrete outcome, the arithmetic is scikit-learn's, bit for
// bit (derivations/kmeans.md, section 13; algorithms/numpy_order.hpp):
//   (KM.13) numpy's summation order (pairwise in blocks of 8192): centring for D = 1, the
//           tolerance (KM.6), the shift, the relocation distances, the k-means++ potentials
//   (KM.14) ||c||^2 in np.einsum's order (sklearn's row_norms)
//   (KM.15) which of sklearn's OpenMP reductions: KMeansOptions::reference_threads = 1 or 2
//   (KM.16) numpy's introselect order among equally far samples in the relocation
//   (KM.17) k-means++ distances ((-2 x.c) + ||c||^2) + ||x||^2, clipped at 0, as _euclidean_distances
//   (KM.18) the closest call: min over samples and assignments of (d_2 - d_1) / d_2 on the full
//           distances max(0, ||x||^2 + (||c||^2 - 2 x.c)), reported
// Cost: one Lloyd iteration is O(N K D) (assignment, inertia and update); k-means++ is
// O(N D K L) with L = 2 + floor(ln K) trials per centre; kmeans_fit is n_init times
// (seeding + iterations x N K D). Every draw comes from mlfs::RandomState, numpy's RandomState bit
// for bit, so the seeding picks the same samples as scikit-learn for the same seed.
//
//   KMeansOptions opt;  opt.n_clusters = 3;  opt.seed = 42;
//   KMeansResult km = kmeans_fit(X, opt);             // km.labels_, km.cluster_centers_, km.inertia_
//   std::vector<int> l = kmeans_predict(km, X_new);   // nearest centre
//
// Bad input (no samples, NaN/inf, K < 1, K > the number of distinct rows of X, given centres of the
// wrong shape, n_init < 0, max_iter < 1, tol < 0, reference_threads not 1 or 2) throws
// std::invalid_argument (ShapeError for shapes) naming the value and the sizes. scikit-learn accepts
// K > distinct points and relocates clusters onto duplicate points; here it is an error, because
// such clusters mean nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "algorithms/random.hpp"
#include "algorithms/silhouette.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

enum class KMeansInit { kmeans_plus_plus, random, given };

struct KMeansOptions {
    std::size_t n_clusters = 8;  // K (sklearn's default)
    KMeansInit init = KMeansInit::kmeans_plus_plus;
    Matrix init_centres;  // K x D, used when init == given (forces n_init = 1, as sklearn)
    int n_init = 0;       // 0 = sklearn's "auto": 1 for k-means++, 10 for random
    int max_iter = 300;
    double tol = 1e-4;       // relative: tol_abs = tol * mean(var(X, axis=0)) (KM.6)
    std::uint32_t seed = 0;  // RandomState(seed), fresh per fit, as random_state=int
    // (KM.15) which of scikit-learn's OpenMP reductions to reproduce: 1 = its one-thread order, 2 = its
    // two-thread order (the update's and the inertia's partial sums). mlfs itself runs on one thread;
    // this only chooses the order of the sums, never how mlfs is run.
    int reference_threads = 1;
    int threads = 0;  // for the assignment (kmeans_assign_fast); 0 = all hardware
                      // threads; every result is the same for every value
    // Called after each assignment step with the iteration (from 1, per start) and its inertia
    // J(l^t, C^t), e.g. to print progress; empty by default. It only observes.
    std::function<void(int iteration, double inertia)> on_iteration;
};

struct KMeansResult {
    std::vector<int> labels_;          // N, in 0..K-1
    Matrix cluster_centers_;           // K x D (original, un-centred coordinates)
    double inertia_ = 0.0;             // (KM.1) J of labels_ and cluster_centers_
    int n_iter_ = 0;                   // Lloyd iterations of the winning run
    bool strict_convergence_ = false;  // (KM.7) it stopped because its labels did not change
    // (KM.18) the closest call: the smallest relative margin (d_2 - d_1) / d_2 between the two nearest
    // centres over every sample and every assignment of every run, d = max(0, ||x||^2 + (||c||^2 -
    // 2 x.c)) (0 when d_2 = 0). The decision (KM.2) uses the reduced ||c||^2 - 2 x.c alone, so 0 means
    // the two nearest full distances rounded (or clipped) to the same value: usually an exact tie
    // decided by the lowest index. ~1e-16: decided by the last bit, so another BLAS may decide it
    // otherwise. 1: K = 1, or every sample sat on its centre (d_1 = 0 < d_2) in every assignment.
    double closest_call_ = 0.0;
    // The winning run's history, for plots and the per-iteration monotonicity check:
    // inertia_per_iteration[t] = J(l^t, C^t), the inertia of the labels of assignment step t with
    // the centres C^t they were assigned to (t = 0 .. n_iter_-1); after a tolerance stop or
    // max_iter one more entry for the final re-assignment (KM.8), and after a strict stop whose update
    // relocated a sample into an empty cluster (KM.4) one more entry J(l, C^final), which may be higher:
    // sklearn does not relabel after that relocation. The last entry equals inertia_.
    Vector inertia_per_iteration;
    std::vector<Matrix> centres_per_iteration;  // C^0 (initial), then after each update (un-centred); n_iter_ + 1
    std::vector<std::size_t> init_indices;      // sample indices chosen by k-means++ / random (empty for given)
};

KMeansResult kmeans_fit(const Matrix& X, const KMeansOptions& opt);
std::vector<int> kmeans_predict(const KMeansResult& model, const Matrix& X);  // nearest centre, ties lowest
Vector elbow(const Matrix& X, std::size_t k_max, const KMeansOptions& base);  // inertia_ for K = 1..k_max

// The pieces kmeans_fit is made of, public for tests and teaching. Xc and C are centred (kmeans_fit
// passes X - 1 xbar^T and its centres shifted by the same xbar).
// (algorithms/kmeans_step.cpp)
// (KM.2) label of each sample: argmin_j ||c_j||^2 - 2 x_i.c_j, ties to the lowest j; Xc N x D, C K x D
std::vector<int> kmeans_assign(const Matrix& Xc, const Matrix& C);
// (KM.18) min(1, min over samples of (d_2 - d_1) / d_2), the two smallest full squared distances
// max(0, ||x_i||^2 + (||c_j||^2 - 2 x_i.c_j)) (0 if d_2 = 0; 1 for K = 1 or every d_1 = 0 < d_2)
double assignment_margin(const Matrix& Xc, const Matrix& C);
// (KM.3) the centres of the clusters `labels` (N, in 0..K-1) describe, each the mean of its samples,
// after (KM.4) moved a sample into every empty cluster (C_old, K x D, gives the distances it uses);
// the sums in the order of sklearn's reference_threads (1 or 2) OpenMP threads (KM.15)
Matrix kmeans_update(const Matrix& Xc, const Matrix& C_old, const std::vector<int>& labels, int reference_threads = 1);
// kmeans_update's two halves, for a caller that sums while it assigns (lloyd, through
// kmeans_assign_fast): (KM.3) samples first .. last-1 added, in sample order, into their clusters'
// sums (K x D) and counts n (K), which hold what was added before; then (KM.4) and the division.
void kmeans_add_samples(const Matrix& Xc, const std::vector<int>& labels, std::size_t first, std::size_t last,
                        Matrix& sums, std::vector<std::size_t>& n);
Matrix kmeans_update_from_sums(const Matrix& Xc, const Matrix& C_old, const std::vector<int>& labels, Matrix sums,
                               std::vector<std::size_t> n);
// (KM.1) J of `labels` and C, in the order of sklearn's reference_threads threads (KM.15)
double kmeans_inertia(const Matrix& Xc, const Matrix& C, const std::vector<int>& labels, int reference_threads = 1);
// (KM.1) J from its terms, dist_i = ||x_i - c_{l_i}||^2 summed over features as numpy sums a row
// (KM.13), added in the order of kmeans_inertia (which is this, with the terms computed in place)
double kmeans_inertia_from_terms(const Vector& dist, int reference_threads = 1);
// (KM.5) sum_j shift_j^2, shift_j = sqrt(||c_j^new - c_j^old||^2) as sklearn's _center_shift
double kmeans_centre_shift(const Matrix& C_new, const Matrix& C_old);
// (KM.1) ||a - b||^2 over D entries, unrolled by 4 as sklearn's _euclidean_dense_dense
double squared_distance_unrolled(const double* a, const double* b, std::size_t D);
// (algorithms/kmeans_init.cpp)
// (KM.9) K sample indices by greedy k-means++ on X (kmeans_fit passes the centred X); draws from rs;
// distances by (KM.17), sums by (KM.13).
std::vector<std::size_t> kmeans_plus_plus(const Matrix& X, std::size_t K, RandomState& rs);
// (KM.10) the first K entries of rs.permutation(N)
std::vector<std::size_t> kmeans_random_init(std::size_t N, std::size_t K, RandomState& rs);
// (KM.6) tol_abs = ((sum_d ((sum_i (X(i, d) - xbar_d)^2) / N)) / D) * tol, xbar_d = (sum_i X(i, d)) / N,
// in numpy's order (np.var, np.mean)
double kmeans_tolerance(const Matrix& X, double tol);
// the number of different rows of X (exact comparison; 0.0 and -0.0 are the same), counted up to
// at_most: the scan stops there, so that "are there K distinct points?" costs O(K D) on most data
std::size_t count_distinct_rows(const Matrix& X, std::size_t at_most = static_cast<std::size_t>(-1));

}  // namespace mlfs

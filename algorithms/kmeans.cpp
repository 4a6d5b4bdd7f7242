// SPDX-License-Identifier: MIT
// Lloyd's k-means as scikit-learn 1.2.1 computes it (derivations/kmeans.md, tags KM.1 to KM.8,
// KM.11 and KM.18): the run, the choice among n_init runs, the fit. One iteration's steps are in
// kmeans_step.cpp; what is prepared before the first iteration, the tolerance KM.6 and the seedings
// KM.9 and KM.10, in kmeans_init.cpp. Legend: N samples, D features (index d), K clusters (index j).
// Everything after the centring runs on Xc = X - 1 xbar^T, as sklearn does: the assignment is
// decided on the centred data and the centres are shifted back at the very end.
#include "algorithms/kmeans.hpp"

#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

#include "algorithms/kmeans_assign_fast.hpp"
#include "algorithms/numpy_order.hpp"

namespace mlfs {

namespace {

std::string str(std::size_t n) { return std::to_string(n); }

void require_finite(const char* what, const char* name, const Matrix& A) {
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j)
            if (!std::isfinite(A(i, j)))
                throw std::invalid_argument(std::string(what) + ": " + name + "(" + str(i) + ", " + str(j) +
                                            ") = " + format_number(A(i, j)) + " is not finite");
}

void validate(const Matrix& X, const KMeansOptions& opt) {
    const char* what = "kmeans_fit";
    if (X.rows() == 0 || X.cols() == 0)
        throw ShapeError(std::string(what) + ": X is " + X.shape() + ", it needs at least one sample and one feature");
    require_finite(what, "X", X);
    if (opt.n_clusters < 1) throw std::invalid_argument(std::string(what) + ": n_clusters = 0, it must be >= 1");
    if (opt.n_init < 0)
        throw std::invalid_argument(std::string(what) + ": n_init = " + std::to_string(opt.n_init) +
                                    ", it must be >= 0 (0 = auto)");
    if (opt.max_iter < 1)
        throw std::invalid_argument(std::string(what) + ": max_iter = " + std::to_string(opt.max_iter) +
                                    ", it must be >= 1");
    if (opt.reference_threads != 1 && opt.reference_threads != 2)
        throw std::invalid_argument(std::string(what) +
                                    ": reference_threads = " + std::to_string(opt.reference_threads) +
                                    ", it must be 1 or 2 (scikit-learn's one- or two-thread sums)");
    if (!(opt.tol >= 0.0) || !std::isfinite(opt.tol))
        throw std::invalid_argument(std::string(what) + ": tol = " + format_number(opt.tol) +
                                    ", it must be finite and >= 0");
    if (opt.init == KMeansInit::given) {
        if (opt.init_centres.rows() != opt.n_clusters || opt.init_centres.cols() != X.cols())
            throw ShapeError(std::string(what) + ": init_centres is " + opt.init_centres.shape() +
                             " but n_clusters = " + str(opt.n_clusters) + " and X is " + X.shape() + " (need " +
                             str(opt.n_clusters) + "x" + str(X.cols()) + ")");
        require_finite(what, "init_centres", opt.init_centres);
    }
    const std::size_t distinct = count_distinct_rows(X, opt.n_clusters);  // exact when below n_clusters
    if (opt.n_clusters > distinct)
        throw std::invalid_argument(std::string(what) + ": n_clusters = " + str(opt.n_clusters) + " but X (" +
                                    X.shape() + ") has only " + str(distinct) +
                                    " distinct rows; each cluster needs a point of its own");
}

struct LloydRun {
    std::vector<int> labels;
    Matrix C;  // centred
    double inertia = 0.0;
    int n_iter = 0;
    bool strict = false;            // (KM.7)
    double margin = 0.0;            // (KM.18) the closest call of its assignments
    Vector J;                       // inertia_per_iteration
    std::vector<Matrix> C_history;  // centred
};

// (KM.2) on `threads` threads (kmeans_assign_fast: kmeans_assign's labels, bit for bit), with the
// closest call (KM.18) of that assignment folded into run.margin, and (KM.1) J(l, C) from the
// distances the same pass computed, added as kmeans_inertia adds them (the same bits)
// With sums given (reference_threads = 1 only), also (KM.3)'s sums of the first samples, added as
// they are assigned (kmeans_assign_fast).
std::vector<int> assign(const Matrix& Xc, const Vector& x_norms, LloydRun& run, int threads, int reference_threads,
                        double& J, KMeansSums* sums = nullptr) {
    double margin = 1.0;
    Vector dist;  // ||x_i - c_{l_i}||^2
    std::vector<int> labels = kmeans_assign_fast(Xc, run.C, threads, &margin, &x_norms, &dist, sums);
    run.margin = std::fmin(run.margin, margin);
    J = kmeans_inertia_from_terms(dist, reference_threads);
    return labels;
}

// One run of Lloyd's algorithm from the centred initial centres C0 (KM.2 to KM.8), its sums in the
// order of scikit-learn's `reference_threads` OpenMP threads (KM.15); the assignment on mlfs's own
// `threads`, which change no bit. on_iteration, if set, sees each iteration's J(l^t, C^t).
LloydRun lloyd(const Matrix& Xc, const Matrix& C0, int max_iter, double tol_abs, int reference_threads, int threads,
               const std::function<void(int, double)>& on_iteration) {
    LloydRun run;
    run.C = C0;
    run.C_history.push_back(C0);
    run.margin = 1.0;                              // (KM.18) no decision yet
    std::vector<int> labels_old(Xc.rows(), -1);    // no labels yet: the first iteration never converges strictly
    const Vector x_norms = row_norms_squared(Xc);  // ||x_i||^2 for the closest call, once per run
    bool& strict = run.strict;
    while (run.n_iter < max_iter) {
        ++run.n_iter;
        double J = 0.0;
        // (KM.2) with C^t; with one reference thread, (KM.3)'s sums begin in the same pass
        KMeansSums sums;
        KMeansSums* fused = reference_threads == 1 ? &sums : nullptr;
        run.labels = assign(Xc, x_norms, run, threads, reference_threads, J, fused);
        run.J.push_back(J);  // (KM.1) J(l^t, C^t)
        if (on_iteration) on_iteration(run.n_iter, run.J.back());
        Matrix C_new;  // (KM.3), (KM.4): kmeans_update's bits either way
        if (fused) {
            kmeans_add_samples(Xc, run.labels, sums.done, Xc.rows(), sums.sums, sums.n);  // the rest, in order
            C_new = kmeans_update_from_sums(Xc, run.C, run.labels, std::move(sums.sums), std::move(sums.n));
        } else {
            C_new = kmeans_update(Xc, run.C, run.labels, reference_threads);
        }
        const double shift = kmeans_centre_shift(C_new, run.C);  // (KM.5)
        run.C = std::move(C_new);
        run.C_history.push_back(run.C);
        if (run.labels == labels_old) {  // (KM.7) strict convergence
            strict = true;
            break;
        }
        if (shift <= tol_abs) break;  // (KM.5) tolerance stop
        labels_old = run.labels;
    }
    if (strict) {
        run.inertia = kmeans_inertia(Xc, run.C, run.labels, reference_threads);  // (KM.1) the last labels, C^{t+1}
    } else {
        run.labels = assign(Xc, x_norms, run, threads, reference_threads, run.inertia);  // (KM.8) re-assign, (KM.1)
    }
    // the last entry of the history is inertia_: after (KM.8), or after a strict stop whose update
    // relocated a sample (KM.4), which moves centres without relabelling (then J may even rise)
    if (!strict || run.inertia != run.J.back()) run.J.push_back(run.inertia);
    return run;
}

// (KM.11) sklearn's _is_same_clustering: true when the map a_i -> b_i is a function
bool same_clustering(const std::vector<int>& a, const std::vector<int>& b, std::size_t K) {
    std::vector<int> image(K, -1);
    for (std::size_t i = 0; i < a.size(); ++i) {
        int& m = image[static_cast<std::size_t>(a[i])];
        if (m == -1) m = b[i];
        else if (m != b[i]) return false;
    }
    return true;
}

Matrix rows_of(const Matrix& X, const std::vector<std::size_t>& idx) {
    Matrix C(idx.size(), X.cols());
    for (std::size_t j = 0; j < idx.size(); ++j) C.set_row(j, X.row(idx[j]));
    return C;
}

// Step 5 of kmeans_fit: the winning run with its centres back in the coordinates of X
KMeansResult result_of(LloydRun best, std::vector<std::size_t> indices, double closest, const Vector& xbar) {
    KMeansResult out;
    out.labels_ = std::move(best.labels);
    out.cluster_centers_ = add_row_vector(best.C, xbar);  // c_j + xbar, as sklearn's best_centers += X_mean
    out.inertia_ = best.inertia;
    out.n_iter_ = best.n_iter;
    out.strict_convergence_ = best.strict;
    out.closest_call_ = closest;
    out.inertia_per_iteration = std::move(best.J);
    for (const Matrix& C : best.C_history) out.centres_per_iteration.push_back(add_row_vector(C, xbar));
    out.init_indices = std::move(indices);
    return out;
}

}  // namespace

KMeansResult kmeans_fit(const Matrix& X, const KMeansOptions& opt) {
    // 1. checks: finite X, 1 <= K <= distinct rows, sane options
    validate(X, opt);
    const std::size_t K = opt.n_clusters;
    // 2. (KM.6) the absolute tolerance, from the un-centred X
    const double tol_abs = kmeans_tolerance(X, opt.tol);
    // 3. centring: Xc = X - 1 xbar^T, xbar = X.mean(axis=0) in numpy's order (KM.13); given centres
    // are shifted by the same xbar
    const Vector xbar = numpy_column_means(X);
    const Matrix Xc = centre_columns(X, xbar);
    int n_init = opt.n_init;
    if (opt.init == KMeansInit::given) n_init = 1;
    else if (n_init == 0) n_init = opt.init == KMeansInit::random ? 10 : 1;

    // 4. n_init runs drawing from one stream (KM.11)
    RandomState rs(opt.seed);
    LloydRun best;
    std::vector<std::size_t> best_indices;
    double closest = 1.0;  // (KM.18) over every run
    for (int r = 0; r < n_init; ++r) {
        // 4a. (KM.9) / (KM.10) / given: the initial centres C^0
        std::vector<std::size_t> idx;
        Matrix C0;
        if (opt.init == KMeansInit::given) {
            C0 = centre_columns(opt.init_centres, xbar);
        } else {
            idx = opt.init == KMeansInit::kmeans_plus_plus ? kmeans_plus_plus(Xc, K, rs)
                                                           : kmeans_random_init(Xc.rows(), K, rs);
            C0 = rows_of(Xc, idx);
        }
        // 4b. (KM.2)-(KM.8) Lloyd's iterations
        LloydRun run = lloyd(Xc, C0, opt.max_iter, tol_abs, opt.reference_threads, opt.threads, opt.on_iteration);
        closest = std::fmin(closest, run.margin);
        // 4c. (KM.11) the first run is kept; a later one replaces it only if J is strictly lower and
        // the clustering is not the same
        if (r == 0 || (run.inertia < best.inertia && !same_clustering(run.labels, best.labels, K))) {
            best = std::move(run);
            best_indices = std::move(idx);
        }
    }

    // 5. the winner, with its centres back in the coordinates of X
    return result_of(std::move(best), std::move(best_indices), closest, xbar);
}

std::vector<int> kmeans_predict(const KMeansResult& model, const Matrix& X) {
    const Matrix& C = model.cluster_centers_;
    if (C.rows() == 0) throw std::invalid_argument("kmeans_predict: the model has no centres (fit it first)");
    if (X.cols() != C.cols())
        throw ShapeError("kmeans_predict: X is " + X.shape() + " but the centres are " + C.shape());
    require_finite("kmeans_predict", "X", X);
    // sklearn's predict: the assignment (KM.2) of the un-centred X to cluster_centers_
    return kmeans_assign(X, C);
}

Vector elbow(const Matrix& X, std::size_t k_max, const KMeansOptions& base) {
    if (k_max < 1) throw std::invalid_argument("elbow: k_max = 0, it must be >= 1");
    if (base.init == KMeansInit::given)
        throw std::invalid_argument("elbow: init = given fixes K = " + str(base.init_centres.rows()) +
                                    "; use k-means++ or random to sweep K = 1.." + str(k_max));
    Vector J;
    for (std::size_t K = 1; K <= k_max; ++K) {
        KMeansOptions opt = base;
        opt.n_clusters = K;
        J.push_back(kmeans_fit(X, opt).inertia_);
    }
    return J;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Lloyd's k-means as scikit-learn 1.2.1 computes it (derivations/kmeans.md, tags KM.1 to KM.8 and
// KM.11; what is prepared before the first iteration, the tolerance KM.6 and the seedings KM.9
// and KM.10, is in kmeans_init.cpp). Legend: N samples, D features, K clusters.
// Everything after the centring runs on Xc = X - 1 xbar^T, as sklearn does: the assignment is
// decided on the centred data and the centres are shifted back at the very end.
#include "algorithms/kmeans.hpp"
#include "algorithms/kmeans_assign_fast.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

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
    if (!(opt.tol >= 0.0) || !std::isfinite(opt.tol))
        throw std::invalid_argument(std::string(what) + ": tol = " + format_number(opt.tol) +
                                    ", it must be finite and >= 0");
    if (opt.init == KMeansInit::given) {
        if (opt.init_centers.rows() != opt.n_clusters || opt.init_centers.cols() != X.cols())
            throw ShapeError(std::string(what) + ": init_centers is " + opt.init_centers.shape() + " but n_clusters = " +
                             str(opt.n_clusters) + " and X is " + X.shape() + " (need " + str(opt.n_clusters) + "x" +
                             str(X.cols()) + ")");
        require_finite(what, "init_centers", opt.init_centers);
    }
    const std::size_t distinct = count_distinct_rows(X);
    if (opt.n_clusters > distinct)
        throw std::invalid_argument(std::string(what) + ": n_clusters = " + str(opt.n_clusters) + " but X (" +
                                    X.shape() + ") has only " + str(distinct) +
                                    " distinct rows; each cluster needs a point of its own");
}

// (KM.1) J = sum_i ||x_i - c_{l_i}||^2, by direct differences
double inertia(const Matrix& Xc, const Matrix& C, const std::vector<int>& labels) {
    double J = 0.0;
    for (std::size_t i = 0; i < Xc.rows(); ++i) {
        const std::size_t l = static_cast<std::size_t>(labels[i]);
        double d2 = 0.0;
        for (std::size_t k = 0; k < Xc.cols(); ++k) d2 += (Xc(i, k) - C(l, k)) * (Xc(i, k) - C(l, k));
        J += d2;
    }
    return J;
}

// (KM.4) The clusters that are empty after the assignment (n_e = 0) are listed first; then each,
// in increasing e, takes the sample f farthest from its old centre c_old[l_f] among those not taken
// yet (first index on ties), and f leaves the sum of its cluster o. A cluster emptied by this is
// not refilled in the same step (as sklearn). `labels` are not changed: the next assignment settles them.
void relocate_empty(const Matrix& Xc, const Matrix& C_old, const std::vector<int>& labels, Matrix& sums,
                    std::vector<std::size_t>& n) {
    const std::size_t N = Xc.rows(), D = Xc.cols();
    std::vector<std::size_t> empty;
    for (std::size_t e = 0; e < n.size(); ++e)
        if (n[e] == 0) empty.push_back(e);
    if (empty.empty()) return;
    Vector dist(N, 0.0);  // ||x_i - c_old[l_i]||^2
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t k = 0; k < D; ++k) {
            const double diff = Xc(i, k) - C_old(static_cast<std::size_t>(labels[i]), k);
            dist[i] += diff * diff;
        }
    std::vector<bool> taken(N, false);
    for (std::size_t e : empty) {
        std::size_t f = N;
        for (std::size_t i = 0; i < N; ++i)
            if (!taken[i] && (f == N || dist[i] > dist[f])) f = i;
        taken[f] = true;
        const std::size_t o = static_cast<std::size_t>(labels[f]);
        for (std::size_t k = 0; k < D; ++k) {
            sums(o, k) -= Xc(f, k);
            sums(e, k) = Xc(f, k);
        }
        --n[o];
        n[e] = 1;
    }
}

// (KM.5) sum_j ||c_j^new - c_j^old||^2, the squared Frobenius norm of the displacement
double centre_shift(const Matrix& C_new, const Matrix& C_old) {
    double s = 0.0;
    for (std::size_t t = 0; t < C_new.size(); ++t) {
        const double d = C_new.data()[t] - C_old.data()[t];
        s += d * d;
    }
    return s;
}

struct LloydRun {
    std::vector<int> labels;
    Matrix C;              // centred
    double inertia = 0.0;
    int n_iter = 0;
    Vector J;              // inertia_per_iteration
    std::vector<Matrix> C_history;  // centred
};

// (KM.1) J = sum_i d2[i], added in sample order as inertia() adds its terms
double sum_in_order(const Vector& d2) {
    double J = 0.0;
    for (double d : d2) J += d;
    return J;
}

// One run of Lloyd's algorithm from the centred initial centres C0 (KM.2 to KM.8). The assignment
// is kmeans_assign_fast: kmeans_assign's labels and inertia()'s terms, bit for bit, on `threads`.
LloydRun lloyd(const Matrix& Xc, const Matrix& C0, int max_iter, double tol_abs, int threads,
               const std::function<void(int, double)>& on_iteration) {
    LloydRun run;
    run.C = C0;
    run.C_history.push_back(C0);
    std::vector<int> labels_old(Xc.rows(), -1);  // no labels yet: the first iteration never converges strictly
    bool strict = false;
    while (run.n_iter < max_iter) {
        ++run.n_iter;
        Vector d2;
        run.labels = kmeans_assign_fast(Xc, run.C, threads, &d2);  // (KM.2) with C^t
        run.J.push_back(sum_in_order(d2));                         // (KM.1) J(l^t, C^t)
        if (on_iteration) on_iteration(run.n_iter, run.J.back());
        Matrix C_new = kmeans_update(Xc, run.C, run.labels);     // (KM.3), (KM.4)
        const double shift = centre_shift(C_new, run.C);         // (KM.5)
        run.C = std::move(C_new);
        run.C_history.push_back(run.C);
        if (run.labels == labels_old) {                          // (KM.7) strict convergence
            strict = true;
            break;
        }
        if (shift <= tol_abs) break;                             // (KM.5) tolerance stop
        labels_old = run.labels;
    }
    if (!strict) {                                               // (KM.8) re-assign to the final centres
        Vector d2;
        run.labels = kmeans_assign_fast(Xc, run.C, threads, &d2);
        run.J.push_back(sum_in_order(d2));
    }
    run.inertia = inertia(Xc, run.C, run.labels);                // (KM.1)
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

}  // namespace

// (KM.2) l_i = argmin_j ||c_j||^2 - 2 x_i.c_j; ||x_i||^2 is the same for every j and is left out.
// Strict < scans j upwards, so a tie goes to the lowest j. Xc is N x D, C is K x D.
std::vector<int> kmeans_assign(const Matrix& Xc, const Matrix& C) {
    if (C.rows() == 0 || C.cols() != Xc.cols())
        throw ShapeError("kmeans_assign: Xc is " + Xc.shape() + " but the centres are " + C.shape());
    // >>> exercise kmeans-assign: derivations/kmeans.md
    const std::size_t N = Xc.rows(), K = C.rows(), D = Xc.cols();
    Vector cn(K, 0.0);  // ||c_j||^2
    for (std::size_t j = 0; j < K; ++j)
        for (std::size_t k = 0; k < D; ++k) cn[j] += C(j, k) * C(j, k);
    std::vector<int> labels(N);
    for (std::size_t i = 0; i < N; ++i) {
        double best = 0.0;
        for (std::size_t j = 0; j < K; ++j) {
            double xc = 0.0;  // x_i . c_j
            for (std::size_t k = 0; k < D; ++k) xc += Xc(i, k) * C(j, k);
            const double d = cn[j] - 2.0 * xc;  // ||x_i - c_j||^2 - ||x_i||^2
            if (j == 0 || d < best) {
                best = d;
                labels[i] = static_cast<int>(j);
            }
        }
    }
    return labels;
    // <<< exercise kmeans-assign
}

// (KM.3) c_j = (sum_{i: l_i = j} x_i) * (1 / n_j), the sums in sample order; (KM.4) in between.
// A cluster left with n_j = 0 (its only sample was moved by KM.4) keeps its sum, as sklearn.
Matrix kmeans_update(const Matrix& Xc, const Matrix& C_old, const std::vector<int>& labels) {
    const std::size_t K = C_old.rows(), D = Xc.cols();
    if (C_old.cols() != D || labels.size() != Xc.rows())
        throw ShapeError("kmeans_update: Xc is " + Xc.shape() + ", the centres are " + C_old.shape() + " and there are " +
                         std::to_string(labels.size()) + " labels");
    for (int l : labels)
        if (l < 0 || static_cast<std::size_t>(l) >= K)
            throw std::invalid_argument("kmeans_update: label " + std::to_string(l) + " is not in 0.." + std::to_string(K - 1));
    Matrix sums(K, D, 0.0);         // sum_{i: l_i = j} x_i
    std::vector<std::size_t> n(K);  // n_j
    // >>> exercise kmeans-update: derivations/kmeans.md
    for (std::size_t i = 0; i < Xc.rows(); ++i) {
        const std::size_t l = static_cast<std::size_t>(labels[i]);
        for (std::size_t k = 0; k < D; ++k) sums(l, k) += Xc(i, k);
        ++n[l];
    }
    // <<< exercise kmeans-update
    relocate_empty(Xc, C_old, labels, sums, n);  // (KM.4)
    // >>> exercise kmeans-update: derivations/kmeans.md
    for (std::size_t j = 0; j < K; ++j) {
        if (n[j] == 0) continue;
        const double inv = 1.0 / static_cast<double>(n[j]);  // the reciprocal, then a multiply, as sklearn
        for (std::size_t k = 0; k < D; ++k) sums(j, k) *= inv;
    }
    // <<< exercise kmeans-update
    return sums;
}

KMeansResult kmeans_fit(const Matrix& X, const KMeansOptions& opt) {
    // 1. checks: finite X, 1 <= K <= distinct rows, sane options
    validate(X, opt);
    const std::size_t K = opt.n_clusters;
    // 2. (KM.6) the absolute tolerance, from the un-centred X
    const double tol_abs = kmeans_tolerance(X, opt.tol);
    // 3. centring: Xc = X - 1 xbar^T; given centres are shifted by the same xbar
    const Vector xbar = column_means(X);
    const Matrix Xc = center_columns(X, xbar);
    int n_init = opt.n_init;
    if (opt.init == KMeansInit::given) n_init = 1;
    else if (n_init == 0) n_init = opt.init == KMeansInit::random ? 10 : 1;

    // 4. n_init runs drawing from one stream (KM.11)
    RandomState rs(opt.seed);
    LloydRun best;
    std::vector<std::size_t> best_indices;
    for (int r = 0; r < n_init; ++r) {
        // 4a. (KM.9) / (KM.10) / given: the initial centres C^0
        std::vector<std::size_t> idx;
        Matrix C0;
        if (opt.init == KMeansInit::given) {
            C0 = center_columns(opt.init_centers, xbar);
        } else {
            idx = opt.init == KMeansInit::kmeans_plus_plus ? kmeans_plus_plus(Xc, K, rs)
                                                          : kmeans_random_init(Xc.rows(), K, rs);
            C0 = rows_of(Xc, idx);
        }
        // 4b. (KM.2)-(KM.8) Lloyd's iterations
        LloydRun run = lloyd(Xc, C0, opt.max_iter, tol_abs, opt.threads, opt.on_iteration);
        // 4c. (KM.11) the first run is kept; a later one replaces it only if J is strictly lower and
        // the clustering is not the same
        if (r == 0 || (run.inertia < best.inertia && !same_clustering(run.labels, best.labels, K))) {
            best = std::move(run);
            best_indices = std::move(idx);
        }
    }

    // 5. the winner, with its centres back in the coordinates of X
    KMeansResult out;
    out.labels_ = std::move(best.labels);
    out.cluster_centers_ = add_row_vector(best.C, xbar);  // c_j + xbar, as sklearn's best_centers += X_mean
    out.inertia_ = best.inertia;
    out.n_iter_ = best.n_iter;
    out.inertia_per_iteration = std::move(best.J);
    for (const Matrix& C : best.C_history) out.centers_per_iteration.push_back(add_row_vector(C, xbar));
    out.init_indices = std::move(best_indices);
    return out;
}

std::vector<int> kmeans_predict(const KMeansResult& model, const Matrix& X) {
    const Matrix& C = model.cluster_centers_;
    if (C.rows() == 0) throw std::invalid_argument("kmeans_predict: the model has no centres (fit it first)");
    if (X.cols() != C.cols())
        throw ShapeError("kmeans_predict: X is " + X.shape() + " but the centres are " + C.shape());
    require_finite("kmeans_predict", "X", X);
    // nearest centre by the full squared distance ||x_i - c_j||^2, ties to the lowest j
    std::vector<int> labels(X.rows());
    for (std::size_t i = 0; i < X.rows(); ++i) {
        double best = 0.0;
        for (std::size_t j = 0; j < C.rows(); ++j) {
            double d2 = 0.0;
            for (std::size_t k = 0; k < X.cols(); ++k) d2 += (X(i, k) - C(j, k)) * (X(i, k) - C(j, k));
            if (j == 0 || d2 < best) {
                best = d2;
                labels[i] = static_cast<int>(j);
            }
        }
    }
    return labels;
}

Vector elbow(const Matrix& X, std::size_t k_max, const KMeansOptions& base) {
    if (k_max < 1) throw std::invalid_argument("elbow: k_max = 0, it must be >= 1");
    if (base.init == KMeansInit::given)
        throw std::invalid_argument("elbow: init = given fixes K = " + str(base.init_centers.rows()) +
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

// SPDX-License-Identifier: MIT
// Whole fits on 1, 2 and 3 threads give the same bits: threads split only outputs (rows of a
// product, blocks of samples), never a sum (linalg/parallel.hpp). k-means: labels_, centres,
// inertia_ and its history; the MLP: loss_curve_ and every weight; linear regression (Cholesky and
// gradient descent, whose X^T X, A theta and A^T r are split): coef_, intercept_ and the loss curve. The sizes are chosen so that
// each product and each assignment really is split (over 2 MFLOP per thread, over 240 samples).
#include <cstring>
#include <string>
#include <vector>

#include "algorithms/gradient_descent.hpp"
#include "algorithms/kmeans.hpp"
#include "algorithms/linear_regression.hpp"
#include "algorithms/mlp.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static Matrix pseudo_random(std::size_t rows, std::size_t cols, unsigned seed) {
    Matrix A(rows, cols);
    unsigned long long s = seed;
    for (double& a : A.data()) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        a = static_cast<double>(s >> 11) / 9007199254740992.0;
    }
    return A;
}

static bool same_bits(const Vector& a, const Vector& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// every number a k-means fit returns, in one vector
static Vector kmeans_numbers(const KMeansResult& km) {
    Vector v(km.labels_.begin(), km.labels_.end());
    v.insert(v.end(), km.cluster_centers_.data().begin(), km.cluster_centers_.data().end());
    v.push_back(km.inertia_);
    v.push_back(km.n_iter_);
    v.insert(v.end(), km.inertia_per_iteration.begin(), km.inertia_per_iteration.end());
    return v;
}

TEST_CASE(kmeans_fit_same_bits_on_1_2_3_threads) {
    const Matrix X = pseudo_random(3001, 5, 11);
    KMeansOptions opt;
    opt.n_clusters = 7;
    opt.n_init = 2;
    opt.tol = 0.0;
    opt.threads = 1;
    const Vector ref = kmeans_numbers(kmeans_fit(X, opt));
    for (int threads : {2, 3}) {
        opt.threads = threads;
        CHECK_MSG(same_bits(kmeans_numbers(kmeans_fit(X, opt)), ref),
                  "k-means with " + std::to_string(threads) + " threads: the 1-thread fit's bits");
    }
}

// every number an MLP fit returns, in one vector
static Vector mlp_numbers(const MLPClassifier& clf) {
    Vector v = clf.fit.loss_curve_;
    for (std::size_t l = 0; l < clf.fit.net.n_layers(); ++l) {
        v.insert(v.end(), clf.fit.net.coefs_[l].data().begin(), clf.fit.net.coefs_[l].data().end());
        v.insert(v.end(), clf.fit.net.intercepts_[l].begin(), clf.fit.net.intercepts_[l].end());
    }
    return v;
}

TEST_CASE(mlp_fit_same_bits_on_1_2_3_threads) {
    const Matrix X = pseudo_random(450, 300, 21);  // batches 200, 200, 50: products up to 23 MFLOP
    std::vector<int> y(X.rows());
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<int>(i * 7 % 10);
    MLPOptions opt;
    opt.hidden_layer_sizes = {64, 32};
    opt.max_iter = 3;
    opt.threads = 1;
    const Vector ref = mlp_numbers(mlp_classifier_fit(X, y, opt));
    for (int threads : {2, 3}) {
        opt.threads = threads;
        CHECK_MSG(same_bits(mlp_numbers(mlp_classifier_fit(X, y, opt)), ref),
                  "MLP with " + std::to_string(threads) + " threads: the 1-thread fit's bits");
    }
}

// every number a linear fit returns, in one vector
static Vector linear_numbers(const LinearModel& m, const Vector& loss_curve = {}) {
    Vector v = m.coef_;
    v.push_back(m.intercept_);
    v.insert(v.end(), loss_curve.begin(), loss_curve.end());
    return v;
}

TEST_CASE(linear_regression_same_bits_on_1_2_3_threads) {
    // 100001 x 30: X^T X is 180 MFLOP and each A theta (A = [1 Z], 31 columns) 6.2 MFLOP, past the
    // 2 MFLOP per thread at which matvec_fast starts a third thread, so that every product is split
    const Matrix X = pseudo_random(100001, 30, 31);
    Vector y(X.rows());
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = X(i, 0) - 2.0 * X(i, 7) + 0.001 * static_cast<double>(i % 13);
    LeastSquaresOptions ls;
    ls.threads = 1;
    const Vector ref_chol = linear_numbers(fit_cholesky(X, y, ls));
    GradientDescentOptions gd;
    gd.max_iter = 30;
    gd.standardize = true;
    gd.threads = 1;
    const GradientDescentResult g1 = fit_gradient_descent(X, y, gd);
    const Vector ref_gd = linear_numbers(g1.model, g1.loss_curve_);
    for (int threads : {2, 3}) {
        ls.threads = gd.threads = threads;
        CHECK_MSG(same_bits(linear_numbers(fit_cholesky(X, y, ls)), ref_chol),
                  "Cholesky with " + std::to_string(threads) + " threads: the 1-thread fit's bits");
        const GradientDescentResult g = fit_gradient_descent(X, y, gd);
        CHECK_MSG(same_bits(linear_numbers(g.model, g.loss_curve_), ref_gd),
                  "gradient descent with " + std::to_string(threads) + " threads: the 1-thread fit's bits");
    }
}

TEST_MAIN()

// SPDX-License-Identifier: MIT
// The epoch loop of sklearn 1.2.1's _fit_stochastic (NN.15-NN.17): batches, shuffling, the
// weighted loss curve, the stopping rule; then the classifier and regressor that wrap it. The
// network and its gradients are in mlp.cpp, the optimizers in mlp_optimizers.cpp: calls run from
// here to there, never back.
#include "algorithms/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "algorithms/mlp_optimizers.hpp"

namespace mlfs {

namespace {

void check_options(const MLPOptions& o) {
    auto bad = [](const std::string& what) { throw std::invalid_argument("mlp_fit: " + what); };
    for (std::size_t h : o.hidden_layer_sizes)
        if (h == 0) bad("hidden_layer_sizes has a layer of 0 units");
    if (o.max_iter < 1) bad("max_iter must be >= 1, got " + std::to_string(o.max_iter));
    if (!(o.alpha >= 0.0)) bad("alpha must be >= 0, got " + format_number(o.alpha));
    if (!(o.learning_rate_init > 0.0) || !std::isfinite(o.learning_rate_init))
        bad("learning_rate_init must be > 0 and finite, got " + format_number(o.learning_rate_init));
    if (!(o.tol >= 0.0)) bad("tol must be >= 0, got " + format_number(o.tol));
    if (o.n_iter_no_change < 1) bad("n_iter_no_change must be >= 1");
    if (!(o.momentum >= 0.0 && o.momentum <= 1.0)) bad("momentum must be in [0, 1], got " + format_number(o.momentum));
    if (!(o.beta_1 >= 0.0 && o.beta_1 < 1.0) || !(o.beta_2 >= 0.0 && o.beta_2 < 1.0))
        bad("beta_1 and beta_2 must be in [0, 1)");
    if (!(o.epsilon > 0.0)) bad("epsilon must be > 0");
}

// The given starting weights, checked against the layer sizes units = {D, H_1, ..., K}.
Network given_network(const MLPOptions& o, const std::vector<std::size_t>& units, OutputKind output) {
    const std::size_t L = units.size() - 1;
    if (o.init_coefs.size() != L || o.init_intercepts.size() != L)
        throw ShapeError("mlp_fit: init_coefs/init_intercepts have " + std::to_string(o.init_coefs.size()) + "/" +
                         std::to_string(o.init_intercepts.size()) + " layers, the network has " + std::to_string(L));
    for (std::size_t l = 0; l < L; ++l)
        if (o.init_coefs[l].rows() != units[l] || o.init_coefs[l].cols() != units[l + 1] ||
            o.init_intercepts[l].size() != units[l + 1])
            throw ShapeError("mlp_fit: layer " + std::to_string(l) + " starting weights are " +
                             o.init_coefs[l].shape() + " + " + std::to_string(o.init_intercepts[l].size()) +
                             ", expected " + std::to_string(units[l]) + "x" + std::to_string(units[l + 1]) + " + " +
                             std::to_string(units[l + 1]));
    return Network{o.activation, output, o.init_coefs, o.init_intercepts};
}

// Rows idx[start .. stop) of M, in that order.
Matrix take_rows(const Matrix& M, const std::vector<std::size_t>& idx, std::size_t start, std::size_t stop) {
    Matrix B(stop - start, M.cols());
    for (std::size_t i = start; i < stop; ++i)
        for (std::size_t j = 0; j < M.cols(); ++j) B(i - start, j) = M(idx[i], j);
    return B;
}

bool all_finite(const Network& net) {
    for (const Matrix& W : net.coefs_)
        if (!mlfs::all_finite(W)) return false;
    for (const Vector& b : net.intercepts_)
        for (double v : b)
            if (!std::isfinite(v)) return false;
    return true;
}

[[noreturn]] void diverged(const std::string& what, int epoch, double lr) {
    throw NumericalError("mlp_fit diverged in epoch " + std::to_string(epoch) + ": " + what + " (learning rate " +
                             format_number(lr) + "); use a smaller learning_rate_init",
                         static_cast<std::size_t>(epoch), lr);
}

// Divergence (section 8 of the derivation): an epoch loss above kDivergence times J_start, the
// loss (NN.3 + NN.8) of the starting weights on the whole training set (the first epoch's loss if
// that is 0). Runs that recover grow far less: goldens 1.0, the diabetes learning-rate table of
// section 10 1.64, iris at lr 2 (dead ReLUs) 7.3; a step beyond the stability bound grows
// geometrically and crosses 1e6 within a few epochs. sklearn has no such rule: it goes on to a
// huge finite loss, or ends with "Solver produced non-finite parameter weights".
constexpr double kDivergence = 1e6;

void check_divergence(double epoch_loss, double J_start, int epoch, double lr) {
    if (!(epoch_loss > kDivergence * J_start)) return;
    diverged("the loss " + format_number(epoch_loss) + " is over " + format_number(kDivergence) +
                 " times the starting loss " + format_number(J_start) + " (scikit-learn would go on)",
             epoch, lr);
}

// (NN.17) idx = idx[permutation(N)]: permutations compose from epoch to epoch
void shuffle_indices(std::vector<std::size_t>& idx, RandomState& rs) {
    const std::vector<std::size_t> perm = rs.permutation(idx.size());
    std::vector<std::size_t> next(idx.size());
    for (std::size_t i = 0; i < idx.size(); ++i) next[i] = idx[perm[i]];
    idx = std::move(next);
}

// One epoch: the batches [0, bs), [bs, 2 bs), ... of idx (NN.17), each loss taken before its
// update; returns the epoch's loss_curve_ entry (NN.15). Non-finite loss or weights throw.
double run_epoch(Network& net, MLPOptimizer& optimizer, const Matrix& X, const Matrix& Y,
                 const std::vector<std::size_t>& idx, std::size_t bs, double alpha, int epoch, int threads) {
    const std::size_t N = X.rows();
    Gradients grads;
    double accumulated = 0.0;
    std::size_t batch = 0;
    for (std::size_t start = 0; start < N; start += bs, ++batch) {  // (NN.17) gen_batches
        const std::size_t stop = std::min(start + bs, N);
        const Matrix Xb = take_rows(X, idx, start, stop), Yb = take_rows(Y, idx, start, stop);
        const double loss = backprop(net, Xb, Yb, alpha, grads, threads);  // before this batch's update
        const std::string at = "batch " + std::to_string(batch) + ": ";
        if (!std::isfinite(loss))
            diverged(at + "the batch loss is " + format_number(loss), epoch, optimizer.learning_rate());
        accumulated += loss * static_cast<double>(stop - start);  // (NN.15) weighted by the batch size
        optimizer.update(net, grads);
        if (!all_finite(net)) diverged(at + "a weight became non-finite", epoch, optimizer.learning_rate());
    }
    return accumulated / static_cast<double>(N);  // (NN.15)
}

// (NN.16) after an epoch: the no-improvement counter, best_loss_, the invscaling lr (NN.10), and
// the test; adaptive lr divides by 5 instead of stopping (NN.11). Returns true to stop.
bool stopping_rule(MLPFit& fit, double epoch_loss, int& no_improvement, const MLPOptions& opt,
                   MLPOptimizer& optimizer) {
    no_improvement = epoch_loss > fit.best_loss_ - opt.tol ? no_improvement + 1 : 0;
    if (epoch_loss < fit.best_loss_) fit.best_loss_ = epoch_loss;
    optimizer.iteration_ends(fit.t_);  // (NN.10)
    if (no_improvement <= opt.n_iter_no_change) return false;
    if (optimizer.trigger_stopping()) return true;  // (NN.11) adaptive: lr /= 5 and go on
    no_improvement = 0;
    return false;
}

void check_data(const Matrix& X, const Matrix& Y) {
    if (X.rows() == 0 || X.cols() == 0) throw ShapeError("mlp_fit: X is " + X.shape() + "; need samples and features");
    if (Y.rows() != X.rows() || Y.cols() == 0)
        throw ShapeError("mlp_fit: X is " + X.shape() + " but Y is " + Y.shape() + " (one target row per sample)");
    if (!all_finite(X) || !all_finite(Y)) throw std::invalid_argument("mlp_fit: X or Y holds NaN or inf");
}

}  // namespace

MLPFit mlp_fit(const Matrix& X, const Matrix& Y, OutputKind output, const MLPOptions& opt) {
    check_options(opt);
    check_data(X, Y);
    const std::size_t N = X.rows();
    std::vector<std::size_t> units{X.cols()};
    units.insert(units.end(), opt.hidden_layer_sizes.begin(), opt.hidden_layer_sizes.end());
    units.push_back(Y.cols());

    RandomState rs(opt.random_state);  // fresh per fit, as sklearn's check_random_state(int)
    MLPFit fit;
    // (NN.14) draw the weights, or take the given ones (then nothing is drawn before the shuffles)
    fit.net = opt.init_coefs.empty() && opt.init_intercepts.empty() ? init_network(units, opt.activation, output, rs)
                                                                    : given_network(opt, units, output);
    // (NN.17) batch_size: 'auto' = min(200, N), else clipped to [1, N]
    fit.batch_size = opt.batch_size == 0 ? std::min<std::size_t>(200, N)
                                         : std::min(std::max<std::size_t>(opt.batch_size, 1), N);
    MLPOptimizer optimizer(opt, fit.net);
    std::vector<std::size_t> idx(N);
    std::iota(idx.begin(), idx.end(), std::size_t{0});
    fit.best_loss_ = std::numeric_limits<double>::infinity();
    // the divergence reference
    double J_start = batch_loss(fit.net, forward(fit.net, X, nullptr, opt.threads).back(), Y, opt.alpha);
    int no_improvement = 0;
    for (int epoch = 1; epoch <= opt.max_iter; ++epoch) {
        if (opt.shuffle) shuffle_indices(idx, rs);  // (NN.17)
        const double epoch_loss =
            run_epoch(fit.net, optimizer, X, Y, idx, fit.batch_size, opt.alpha, epoch, opt.threads);
        ++fit.n_iter_;
        fit.t_ += N;
        fit.loss_curve_.push_back(epoch_loss);
        if (opt.on_epoch) opt.on_epoch(epoch, epoch_loss);
        if (J_start == 0.0) J_start = epoch_loss;  // an exact fit at the start: compare with epoch 1
        check_divergence(epoch_loss, J_start, epoch, optimizer.learning_rate());
        if (stopping_rule(fit, epoch_loss, no_improvement, opt, optimizer)) {  // (NN.16)
            fit.converged = true;
            break;
        }
    }
    fit.learning_rate = optimizer.learning_rate();
    return fit;
}

// ---- estimators

Matrix encode_labels(const std::vector<int>& y, const std::vector<int>& classes) {
    if (classes.size() < 2) throw std::invalid_argument("encode_labels: need at least 2 classes");
    const bool binary = classes.size() == 2;
    Matrix Y(y.size(), binary ? 1 : classes.size(), 0.0);
    for (std::size_t i = 0; i < y.size(); ++i) {
        auto it = std::lower_bound(classes.begin(), classes.end(), y[i]);
        if (it == classes.end() || *it != y[i])
            throw std::invalid_argument("encode_labels: label " + std::to_string(y[i]) + " of sample " +
                                        std::to_string(i) + " is not among the classes");
        const std::size_t k = static_cast<std::size_t>(it - classes.begin());
        if (binary) Y(i, 0) = k == 1 ? 1.0 : 0.0;  // the column is y == classes_[1]
        else Y(i, k) = 1.0;
    }
    return Y;
}

MLPClassifier mlp_classifier_fit(const Matrix& X, const std::vector<int>& y, const MLPOptions& opt) {
    if (y.size() != X.rows())
        throw ShapeError("mlp_classifier_fit: X is " + X.shape() + " but y has " + std::to_string(y.size()) +
                         " labels");
    MLPClassifier clf;
    clf.classes_ = y;
    std::sort(clf.classes_.begin(), clf.classes_.end());
    clf.classes_.erase(std::unique(clf.classes_.begin(), clf.classes_.end()), clf.classes_.end());
    if (clf.classes_.size() < 2)
        throw std::invalid_argument("mlp_classifier_fit: y has only " + std::to_string(clf.classes_.size()) +
                                    " distinct label; need at least 2");
    const OutputKind out = clf.classes_.size() == 2 ? OutputKind::logistic : OutputKind::softmax;
    clf.fit = mlp_fit(X, encode_labels(y, clf.classes_), out, opt);
    return clf;
}

MLPRegressor mlp_regressor_fit(const Matrix& X, const Matrix& Y, const MLPOptions& opt) {
    return MLPRegressor{mlp_fit(X, Y, OutputKind::identity, opt)};
}

namespace {

void require_features(const char* what, const Network& net, const Matrix& X) {
    if (net.coefs_.empty()) throw std::invalid_argument(std::string(what) + ": the network is not fitted");
    if (X.cols() != net.coefs_[0].rows())
        throw ShapeError(std::string(what) + ": X is " + X.shape() + " but the network takes " +
                         std::to_string(net.coefs_[0].rows()) + " features");
}

}  // namespace

Matrix mlp_predict_proba(const MLPClassifier& clf, const Matrix& X) {
    require_features("mlp_predict_proba", clf.fit.net, X);
    Matrix out = forward(clf.fit.net, X).back();
    if (clf.classes_.size() != 2) return out;
    Matrix P(X.rows(), 2);
    for (std::size_t i = 0; i < X.rows(); ++i) {
        P(i, 0) = 1.0 - out(i, 0);  // binary: [1 - p, p]
        P(i, 1) = out(i, 0);
    }
    return P;
}

std::vector<int> mlp_predict(const MLPClassifier& clf, const Matrix& X) {
    const Matrix P = mlp_predict_proba(clf, X);
    std::vector<int> labels(X.rows());
    for (std::size_t i = 0; i < X.rows(); ++i) {
        std::size_t best = 0;
        if (clf.classes_.size() == 2) {
            best = P(i, 1) > 0.5 ? 1 : 0;  // sklearn's LabelBinarizer threshold
        } else {
            for (std::size_t k = 1; k < P.cols(); ++k)
                if (P(i, k) > P(i, best)) best = k;  // first maximum on ties, as argmax
        }
        labels[i] = clf.classes_[best];
    }
    return labels;
}

double mlp_score(const MLPClassifier& clf, const Matrix& X, const std::vector<int>& y) {
    const std::vector<int> yhat = mlp_predict(clf, X);
    if (y.size() != yhat.size()) throw ShapeError("mlp_score: X and y disagree in length");
    std::size_t hits = 0;
    for (std::size_t i = 0; i < y.size(); ++i) hits += yhat[i] == y[i];
    return static_cast<double>(hits) / static_cast<double>(y.size());
}

Matrix mlp_predict(const MLPRegressor& reg, const Matrix& X) {
    require_features("mlp_predict", reg.fit.net, X);
    return forward(reg.fit.net, X).back();
}

double mlp_score(const MLPRegressor& reg, const Matrix& X, const Matrix& Y) {
    const Matrix P = mlp_predict(reg, X);
    require_same_shape("mlp_score: prediction vs Y", P, Y);
    // R^2_k = 1 - sum_i (y_ik - yhat_ik)^2 / sum_i (y_ik - ybar_k)^2, averaged over outputs k
    const Vector ybar = column_means(Y);
    double r2 = 0.0;
    for (std::size_t k = 0; k < Y.cols(); ++k) {
        double ss_res = 0.0, ss_tot = 0.0;
        for (std::size_t i = 0; i < Y.rows(); ++i) {
            ss_res += (Y(i, k) - P(i, k)) * (Y(i, k) - P(i, k));
            ss_tot += (Y(i, k) - ybar[k]) * (Y(i, k) - ybar[k]);
        }
        r2 += ss_tot > 0.0 ? 1.0 - ss_res / ss_tot : (ss_res == 0.0 ? 1.0 : 0.0);  // sklearn's constant-target rule
    }
    return r2 / static_cast<double>(Y.cols());
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The epoch loop of sklearn 1.2.1's _fit_stochastic (NN.15-NN.17): batches, shuffling, the
// weighted loss curve, the stopping rule. The network and its gradients are in mlp.cpp, the
// optimizers in mlp_optimizers.cpp.
#include "algorithms/mlp.hpp"

#include <cmath>
#include <limits>
#include <numeric>

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
            throw ShapeError("mlp_fit: layer " + std::to_string(l) + " starting weights are " + o.init_coefs[l].shape() +
                             " + " + std::to_string(o.init_intercepts[l].size()) + ", expected " +
                             std::to_string(units[l]) + "x" + std::to_string(units[l + 1]) + " + " +
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

[[noreturn]] void diverged(const std::string& what, int epoch, std::size_t batch, double lr) {
    throw NumericalError("mlp_fit diverged in epoch " + std::to_string(epoch) + ", batch " + std::to_string(batch) +
                             ": " + what + " (learning rate " + format_number(lr) +
                             "); use a smaller learning_rate_init",
                         static_cast<std::size_t>(epoch), lr);
}

}  // namespace

MLPFit mlp_fit(const Matrix& X, const Matrix& Y, OutputKind output, const MLPOptions& opt) {
    check_options(opt);
    const std::size_t N = X.rows();
    if (N == 0 || X.cols() == 0) throw ShapeError("mlp_fit: X is " + X.shape() + "; need samples and features");
    if (Y.rows() != N || Y.cols() == 0)
        throw ShapeError("mlp_fit: X is " + X.shape() + " but Y is " + Y.shape() + " (one target row per sample)");
    if (!all_finite(X) || !all_finite(Y)) throw std::invalid_argument("mlp_fit: X or Y holds NaN or inf");

    std::vector<std::size_t> units{X.cols()};
    units.insert(units.end(), opt.hidden_layer_sizes.begin(), opt.hidden_layer_sizes.end());
    units.push_back(Y.cols());

    RandomState rs(opt.random_state);  // fresh per fit, as sklearn's check_random_state(int)
    MLPFit fit;
    // (NN.14) draw the weights, or take the given ones (then nothing is drawn before the shuffles)
    fit.net = opt.init_coefs.empty() && opt.init_intercepts.empty() ? init_network(units, opt.activation, output, rs)
                                                                    : given_network(opt, units, output);
    // (NN.17) batch_size: 'auto' = min(200, N), else clipped to [1, N]
    const std::size_t bs = opt.batch_size == 0 ? std::min<std::size_t>(200, N)
                                               : std::min(std::max<std::size_t>(opt.batch_size, 1), N);
    fit.batch_size = bs;

    MLPOptimizer optimizer(opt, fit.net);
    Gradients grads;
    std::vector<std::size_t> idx(N);
    std::iota(idx.begin(), idx.end(), std::size_t{0});
    fit.best_loss_ = std::numeric_limits<double>::infinity();
    int no_improvement = 0;
    for (int epoch = 1; epoch <= opt.max_iter; ++epoch) {
        // (NN.17) idx = idx[permutation(N)]: permutations compose from epoch to epoch
        if (opt.shuffle) {
            const std::vector<std::size_t> perm = rs.permutation(N);
            std::vector<std::size_t> next(N);
            for (std::size_t i = 0; i < N; ++i) next[i] = idx[perm[i]];
            idx = std::move(next);
        }
        double accumulated = 0.0;
        std::size_t batch = 0;
        for (std::size_t start = 0; start < N; start += bs, ++batch) {  // (NN.17) gen_batches
            const std::size_t stop = std::min(start + bs, N);
            const Matrix Xb = take_rows(X, idx, start, stop), Yb = take_rows(Y, idx, start, stop);
            const double loss = backprop(fit.net, Xb, Yb, opt.alpha, grads);  // before this batch's update
            if (!std::isfinite(loss)) diverged("the batch loss is " + format_number(loss), epoch, batch, optimizer.learning_rate());
            accumulated += loss * static_cast<double>(stop - start);  // (NN.15) weighted by the batch size
            optimizer.update(fit.net, grads);
            if (!all_finite(fit.net)) diverged("a weight became non-finite", epoch, batch, optimizer.learning_rate());
        }
        ++fit.n_iter_;
        const double epoch_loss = accumulated / static_cast<double>(N);  // (NN.15)
        fit.t_ += N;
        fit.loss_curve_.push_back(epoch_loss);
        if (opt.on_epoch) opt.on_epoch(epoch, epoch_loss);
        // (NN.16) the no-improvement counter, then best_loss_
        no_improvement = epoch_loss > fit.best_loss_ - opt.tol ? no_improvement + 1 : 0;
        if (epoch_loss < fit.best_loss_) fit.best_loss_ = epoch_loss;
        optimizer.iteration_ends(fit.t_);  // (NN.10)
        if (no_improvement > opt.n_iter_no_change) {  // (NN.16)
            if (optimizer.trigger_stopping()) {        // (NN.11) adaptive: lr /= 5 and go on
                fit.converged = true;
                break;
            }
            no_improvement = 0;
        }
    }
    fit.learning_rate = optimizer.learning_rate();
    return fit;
}

}  // namespace mlfs

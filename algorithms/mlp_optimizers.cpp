// SPDX-License-Identifier: MIT
// SGD (plain, momentum, Nesterov; constant, invscaling, adaptive) and Adam, as sklearn 1.2.1.
// The SGD step and the Adam update are exercises sgd-momentum and adam (derivations/neural_networks.md).
#include "algorithms/mlp_optimizers.hpp"

#include <cmath>

namespace mlfs {

MLPOptimizer::MLPOptimizer(const MLPOptions& opt, const Network& net) : opt_(opt), lr_(opt.learning_rate_init) {
    for (const Matrix& W : net.coefs_) s1_.emplace_back(W.size(), 0.0);
    for (const Vector& b : net.intercepts_) s1_.emplace_back(b.size(), 0.0);
    s2_ = s1_;
}

void MLPOptimizer::update(Network& net, const Gradients& g) {
    const std::size_t L = net.n_layers();
    if (opt_.solver == Solver::adam) {
        // >>> exercise adam: derivations/neural_networks.md
        ++t_;  // (NN.12) t counts steps (batches), not epochs
        // (NN.13) lr_t = lr_init sqrt(1 - b2^t) / (1 - b1^t), once per step
        lr_ = opt_.learning_rate_init * std::sqrt(1.0 - std::pow(opt_.beta_2, static_cast<double>(t_))) /
              (1.0 - std::pow(opt_.beta_1, static_cast<double>(t_)));
        // <<< exercise adam
    }
    for (std::size_t l = 0; l < L; ++l) step(net.coefs_[l].data(), g.dW[l].data(), s1_[l], s2_[l]);
    for (std::size_t l = 0; l < L; ++l) step(net.intercepts_[l], g.db[l], s1_[L + l], s2_[L + l]);
}

void MLPOptimizer::step(std::vector<double>& theta, const std::vector<double>& g, std::vector<double>& s1,
                        std::vector<double>& s2) {
    if (opt_.solver == Solver::sgd) {
        // >>> exercise sgd-momentum: derivations/neural_networks.md
        const double mu = opt_.momentum;
        for (std::size_t k = 0; k < theta.size(); ++k) {
            s1[k] = mu * s1[k] - lr_ * g[k];                              // (NN.9) v = mu v - lr g
            theta[k] += opt_.nesterovs_momentum ? mu * s1[k] - lr_ * g[k]  // (NN.9) Nesterov: mu v - lr g
                                                : s1[k];                   // (NN.9) plain: v
        }
        // <<< exercise sgd-momentum
        return;
    }
    // >>> exercise adam: derivations/neural_networks.md
    const double b1 = opt_.beta_1, b2 = opt_.beta_2;
    for (std::size_t k = 0; k < theta.size(); ++k) {
        s1[k] = b1 * s1[k] + (1.0 - b1) * g[k];          // (NN.12) m; (1 - b1) rounded in double, as numpy
        s2[k] = b2 * s2[k] + (1.0 - b2) * (g[k] * g[k]); // (NN.12) v
        theta[k] += -lr_ * s1[k] / (std::sqrt(s2[k]) + opt_.epsilon);  // (NN.13)
    }
    // <<< exercise adam
}

void MLPOptimizer::iteration_ends(std::size_t t) {
    // (NN.10) invscaling: lr = lr_init / (t_ + 1)^power_t with t_ = samples seen so far
    if (opt_.solver == Solver::sgd && opt_.learning_rate == LearningRate::invscaling)
        lr_ = opt_.learning_rate_init / std::pow(static_cast<double>(t) + 1.0, opt_.power_t);
}

bool MLPOptimizer::trigger_stopping() {
    if (opt_.solver != Solver::sgd || opt_.learning_rate != LearningRate::adaptive) return true;
    if (lr_ <= 1e-6) return true;  // (NN.11) too small to go on
    lr_ /= 5.0;                    // (NN.11)
    return false;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// SGD (plain, momentum, Nesterov; constant, invscaling, adaptive) and Adam, as sklearn 1.2.1.
// The SGD step and the Adam update are exercises sgd-momentum and adam (derivations/neural_networks.md).
#include "algorithms/mlp_optimizers.hpp"

#include <cmath>

namespace mlfs {

MLPOptimizer::MLPOptimizer(const MLPOptions& opt, const Network& net) : opt_(opt), lr_(opt.learning_rate_init) {
    for (const Matrix& W : net.coefs_) v_.emplace_back(W.size(), 0.0);
    for (const Vector& b : net.intercepts_) v_.emplace_back(b.size(), 0.0);
    m_ = v_;
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
    for (std::size_t l = 0; l < L; ++l) step(net.coefs_[l].data(), g.dW[l].data(), m_[l], v_[l]);
    for (std::size_t l = 0; l < L; ++l) step(net.intercepts_[l], g.db[l], m_[L + l], v_[L + l]);
}

void MLPOptimizer::step(std::vector<double>& theta, const std::vector<double>& g, std::vector<double>& m,
                        std::vector<double>& v) {
    if (opt_.solver == Solver::sgd) {
        // >>> exercise sgd-momentum: derivations/neural_networks.md
        const double mu = opt_.momentum;
        for (std::size_t k = 0; k < theta.size(); ++k) {
            v[k] = mu * v[k] - lr_ * g[k];                                // (NN.9) v = mu v - lr g
            theta[k] += opt_.nesterovs_momentum ? mu * v[k] - lr_ * g[k]  // (NN.9) Nesterov: mu v - lr g
                                                : v[k];                   // (NN.9) plain: v
        }
        // <<< exercise sgd-momentum
        return;
    }
    // >>> exercise adam: derivations/neural_networks.md
    const double b1 = opt_.beta_1, b2 = opt_.beta_2;
    for (std::size_t k = 0; k < theta.size(); ++k) {
        m[k] = b1 * m[k] + (1.0 - b1) * g[k];                        // (NN.12) m; (1 - b1) rounded in double, as numpy
        v[k] = b2 * v[k] + (1.0 - b2) * (g[k] * g[k]);               // (NN.12) v
        theta[k] += -lr_ * m[k] / (std::sqrt(v[k]) + opt_.epsilon);  // (NN.13)
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

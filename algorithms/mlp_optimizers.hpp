// SPDX-License-Identifier: MIT
// The two stochastic optimizers of scikit-learn 1.2.1's MLP (sklearn/neural_network/
// _stochastic_optimizers.py), one step per batch (NN.9-NN.13). Every parameter (each W_l and b_l)
// is updated elementwise, so the state (velocities, moments) has the network's shapes.
//
//   SGD   (NN.9)  v = mu v - lr g;  theta += v, or with Nesterov theta += mu v - lr g (the new v)
//         (NN.10) invscaling: after each epoch lr = lr_init / (t_ + 1)^power_t
//         (NN.11) adaptive: when the stopping rule fires, lr /= 5 unless lr <= 1e-6 (then stop)
//   Adam  (NN.12) t += 1;  m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
//         (NN.13) lr_t = lr_init sqrt(1 - b2^t) / (1 - b1^t);  theta += -lr_t m / (sqrt(v) + eps)
//               (eps on the uncorrected sqrt(v): Kingma & Ba's "efficient" form, as sklearn)
#pragma once

#include <vector>

#include "algorithms/mlp.hpp"

namespace mlfs {

class MLPOptimizer {
public:
    // velocities / moments start at zero with the network's shapes; Adam's t at 0
    MLPOptimizer(const MLPOptions& opt, const Network& net);

    void update(Network& net, const Gradients& g);  // one step, after one batch
    void iteration_ends(std::size_t t_);            // after each epoch; t_ = samples seen (NN.10)
    bool trigger_stopping();                        // the rule fired: true = stop; adaptive lr /= 5 (NN.11)
    double learning_rate() const { return lr_; }
    long steps() const { return t_; }  // Adam's t (batches stepped)

private:
    // m is unused by SGD; its velocity is v
    void step(std::vector<double>& theta, const std::vector<double>& g, std::vector<double>& m, std::vector<double>& v);

    MLPOptions opt_;
    double lr_;
    long t_ = 0;
    // per parameter array (W_1..W_L then b_1..b_L): Adam's moments m and v (NN.12); SGD's velocity v (NN.9)
    std::vector<std::vector<double>> m_, v_;
};

}  // namespace mlfs

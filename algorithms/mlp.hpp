// SPDX-License-Identifier: MIT
// Multi-layer perceptron trained by SGD or Adam, computed as scikit-learn 1.2.1's MLPClassifier /
// MLPRegressor compute it with solver='sgd' or 'adam' (derivations/neural_networks.md; the
// facts are in sklearn-semantics section 4). Legend: N samples, D features, L weight
// layers, H_l units in layer l (H_0 = D, H_L = K outputs), m samples in a batch. A_0 = X_batch is
// m x D, W_l is H_{l-1} x H_l, b_l has length H_l, Z_l and A_l are m x H_l, Y is m x K.
//
// Equation tags (defined in the derivation; code cites them on the implementing line):
//   (NN.1)  forward       Z_l = A_{l-1} W_l + b_l
//   (NN.2)  activation    A_l = f(Z_l): identity, logistic, tanh, relu hidden; output identity
//                         (regression), logistic (binary, one unit), softmax (multiclass)
//   (NN.3)  losses        squared: (1/2) mean_ij (Y - A_L)^2 over all m x K entries;
//                         log-loss: -(1/m) sum_ij y_ij log clip(p_ij);
//                         binary: -(1/m) sum_i [y_i log clip(p_i) + (1 - y_i) log(1 - clip(p_i))];
//                         clip(p) = min(max(p, eps), 1 - eps), eps = 2^-52
//   (NN.4)  delta_L = A_L - Y for all three output/loss pairings (softmax + log-loss: p - y)
//   (NN.5)  delta_{l-1} = (delta_l W_l^T) * f'(A_{l-1})   (f' from post-activation values)
//   (NN.6)  grad W_l = (A_{l-1}^T delta_l + alpha W_l) / m
//   (NN.7)  grad b_l = (1/m) sum_i delta_l(i, :)
//   (NN.8)  L2 term   loss += (alpha / 2) sum_l ||W_l||_F^2 / m   (biases not penalised)
//   (NN.9)  SGD       v <- mu v - lr g;  theta += v, or (Nesterov) theta += mu v - lr g
//   (NN.10) invscaling  after each epoch lr = lr_init / (t_ + 1)^power_t, t_ = samples seen
//   (NN.11) adaptive  when the stopping rule fires: lr /= 5 and the counter resets; stop if lr <= 1e-6
//   (NN.12) Adam moments  t += 1; m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
//   (NN.13) Adam step     lr_t = lr_init sqrt(1 - b2^t) / (1 - b1^t);  theta += -lr_t m / (sqrt(v) + eps)
//   (NN.14) init bound    W_l, then b_l ~ U(-bound, bound), bound = sqrt(c / (H_{l-1} + H_l)),
//                         c = 2 for activation logistic, else 6; drawn in C order from RandomState(seed)
//   (NN.15) loss_curve_   epoch loss = sum_batches loss_batch * m_batch / N, each batch loss taken
//                         before that batch's update
//   (NN.16) stopping      counter += 1 if loss > best_loss_ - tol else 0; best_loss_ = min(...);
//                         stop when counter > n_iter_no_change (or max_iter epochs)
//   (NN.17) batches       [0, bs), [bs, 2 bs), ..., a last partial batch; bs = min(200, N) for auto;
//                         shuffle: idx = idx[permutation(N)] each epoch, composed, same RandomState
//   (NN.18) gradient check  n = (J(theta + h) - J(theta - h)) / 2h; pass iff
//                         |a - n| <= max(tau max(|a|, |n|), S eps J_eps / h), tau = 1e-7, S = 4,
//                         J_eps the rounding scale of J (gradient_check.hpp)
//
// Cost: one epoch is O(N sum_l H_{l-1} H_l) for the forward and twice that for the backward pass.
//
//   MLPOptions opt;  opt.hidden_layer_sizes = {10};  opt.solver = Solver::sgd;  opt.random_state = 0;
//   MLPClassifier clf = mlp_classifier_fit(X, labels, opt);   // clf.fit.net.coefs_, clf.fit.loss_curve_
//   std::vector<int> yhat = mlp_predict(clf, X);  Matrix P = mlp_predict_proba(clf, X);
//   MLPRegressor reg = mlp_regressor_fit(X, Y, opt);  double r2 = mlp_score(reg, X, Y);
//
// Not supported: early_stopping (sklearn splits off a validation set; not ported), warm_start,
// partial_fit, solver='lbfgs', multilabel targets.
// Errors: bad options or shapes throw std::invalid_argument / ShapeError naming the value; a
// learning rate that makes the loss (or a weight) non-finite throws NumericalError naming the
// epoch, the batch and the learning rate, so the caller never sees NaN weights; so does an epoch
// loss above 1e6 x the starting weights' loss (divergence; sklearn would go on), naming both losses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "algorithms/activations.hpp"
#include "algorithms/random.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

enum class OutputKind { identity, logistic, softmax };  // regression, binary, multiclass
enum class Solver { sgd, adam };
enum class LearningRate { constant, invscaling, adaptive };

// sklearn's parameter names and defaults
struct MLPOptions {
    std::vector<std::size_t> hidden_layer_sizes{100};
    Activation activation = Activation::relu;  // of the hidden layers
    Solver solver = Solver::adam;
    double alpha = 1e-4;                                  // L2 strength (NN.8)
    std::size_t batch_size = 0;                           // 0 = 'auto' = min(200, N); else clipped to [1, N]
    LearningRate learning_rate = LearningRate::constant;  // sgd only
    double learning_rate_init = 1e-3;
    double power_t = 0.5;  // invscaling exponent (NN.10)
    int max_iter = 200;    // epochs
    bool shuffle = true;
    std::uint32_t random_state = 0;  // RandomState(seed), fresh per fit
    double tol = 1e-4;
    double momentum = 0.9;                                // sgd
    bool nesterovs_momentum = true;                       // sgd
    double beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e-8;  // adam
    int n_iter_no_change = 10;
    // Optional starting weights (L matrices H_{l-1} x H_l and L vectors H_l). When given, nothing
    // is drawn for the weights and the shuffle stream starts at the beginning of RandomState(seed)
    // (sklearn's warm-start injection, semantics 4.8).
    std::vector<Matrix> init_coefs;
    std::vector<Vector> init_intercepts;
    // Called after each epoch with the epoch number (from 1) and its loss_curve_ entry, e.g. to print
    // progress; empty by default. It only observes: training is the same with or without it.
    std::function<void(int epoch, double loss)> on_epoch;
    // Threads for the products (linalg/matmul_fast.hpp); 0 = all hardware threads. They split rows
    // of each product, never a sum, so every number is the same for every value.
    int threads = 0;
};

// The weights and the two activations that define the function the network computes.
struct Network {
    Activation hidden = Activation::relu;
    OutputKind output = OutputKind::identity;
    std::vector<Matrix> coefs_;       // W_l, H_{l-1} x H_l, l = 1..L (stored 0-based)
    std::vector<Vector> intercepts_;  // b_l, H_l
    std::size_t n_layers() const { return coefs_.size(); }
};

// Gradients with the same shapes as the network's parameters.
struct Gradients {
    std::vector<Matrix> dW;
    std::vector<Vector> db;
};

// ---- the network as functions (mlp.cpp)
// (NN.14) sklearn's draw: for each layer W_l then b_l from rs. units = {D, H_1, ..., K}.
Network init_network(const std::vector<std::size_t>& units, Activation hidden, OutputKind output, RandomState& rs);
// (NN.1, NN.2) A[0] = X, A[l] = f(A[l-1] W_l + b_l); returns A_0 .. A_L. If Z is given it
// receives the pre-activations Z_1 .. Z_L (the gradient check looks for relu kinks there).
// `threads` as MLPOptions::threads (here 1 by default); the result does not depend on it.
std::vector<Matrix> forward(const Network& net, const Matrix& X, std::vector<Matrix>* Z = nullptr, int threads = 1);
// (NN.3) + (NN.8): the loss sklearn reports for a batch, L2 term included; out = A_L.
double batch_loss(const Network& net, const Matrix& out, const Matrix& Y, double alpha);
// (NN.3) without the L2 term
double data_loss(OutputKind output, const Matrix& out, const Matrix& Y);
// (NN.4-NN.7) forward + backward on one batch: returns the batch loss and overwrites grads.
double backprop(const Network& net, const Matrix& X, const Matrix& Y, double alpha, Gradients& grads, int threads = 1);

// ---- training on targets as the network sees them (mlp_train.cpp)
// Y is N x K: raw targets (identity), one 0/1 column (logistic) or one-hot rows (softmax).
struct MLPFit {
    Network net;
    Vector loss_curve_;  // (NN.15) one entry per epoch
    int n_iter_ = 0;     // epochs run
    std::size_t t_ = 0;  // samples seen = n_iter_ * N
    double best_loss_ = 0.0;
    double learning_rate = 0.0;  // the optimizer's final lr (sgd: after invscaling/adaptive; adam: lr_t)
    std::size_t batch_size = 0;  // effective batch size (NN.17)
    bool converged = false;      // stopped by the rule (NN.16) before max_iter
};
MLPFit mlp_fit(const Matrix& X, const Matrix& Y, OutputKind output, const MLPOptions& opt);

// ---- estimators (mlp_train.cpp)
struct MLPClassifier {
    std::vector<int> classes_;  // sorted distinct labels
    MLPFit fit;
};
struct MLPRegressor {
    MLPFit fit;
};
MLPClassifier mlp_classifier_fit(const Matrix& X, const std::vector<int>& y, const MLPOptions& opt = {});
MLPRegressor mlp_regressor_fit(const Matrix& X, const Matrix& Y, const MLPOptions& opt = {});
// The target matrix the classifier trains on: one 0/1 column (y == classes[1]) for two classes,
// one-hot columns otherwise.
Matrix encode_labels(const std::vector<int>& y, const std::vector<int>& classes);

Matrix mlp_predict_proba(const MLPClassifier& clf, const Matrix& X);      // N x n_classes; binary [1 - p, p]
std::vector<int> mlp_predict(const MLPClassifier& clf, const Matrix& X);  // argmax, first on ties
double mlp_score(const MLPClassifier& clf, const Matrix& X, const std::vector<int>& y);  // accuracy
Matrix mlp_predict(const MLPRegressor& reg, const Matrix& X);                            // N x K
double mlp_score(const MLPRegressor& reg, const Matrix& X, const Matrix& Y);  // R^2, uniform average over outputs

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The network as functions: initial weights, forward pass, losses, backprop (NN.1-NN.8, NN.14).
// Training and the classifier / regressor wrappers are in mlp_train.cpp, which calls these.
#include "algorithms/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "linalg/matmul_fast.hpp"

namespace mlfs {

Network init_network(const std::vector<std::size_t>& units, Activation hidden, OutputKind output, RandomState& rs) {
    if (units.size() < 2) throw std::invalid_argument("init_network: need at least an input and an output layer");
    Network net;
    net.hidden = hidden;
    net.output = output;
    const double c = hidden == Activation::logistic ? 2.0 : 6.0;  // (NN.14) sklearn's factor
    for (std::size_t l = 0; l + 1 < units.size(); ++l) {
        const std::size_t fan_in = units[l], fan_out = units[l + 1];
        if (fan_in == 0 || fan_out == 0) throw std::invalid_argument("init_network: a layer has 0 units");
        const double bound = std::sqrt(c / static_cast<double>(fan_in + fan_out));  // (NN.14)
        net.coefs_.push_back(rs.uniform(-bound, bound, fan_in, fan_out));           // W_l first, C order
        net.intercepts_.push_back(rs.uniform(-bound, bound, fan_out));              // then b_l
    }
    return net;
}

std::vector<Matrix> forward(const Network& net, const Matrix& X, std::vector<Matrix>* Z, int threads) {
    const std::size_t L = net.n_layers();
    std::vector<Matrix> A;
    A.reserve(L + 1);
    A.push_back(X);  // A_0 = X, m x D
    if (Z) Z->clear();
    for (std::size_t l = 0; l < L; ++l) {
        // (NN.1) Z_l = A_{l-1} W_l + b_l: m x H_l; the product first, then the bias (sklearn's order);
        // the register-tiled product has matmul's bits (LA.3), on any number of threads
        Matrix Zl = matmul_fast(A[l], net.coefs_[l], threads);
        const Vector& b = net.intercepts_[l];
        for (std::size_t i = 0; i < Zl.rows(); ++i)
            for (std::size_t j = 0; j < Zl.cols(); ++j) Zl(i, j) += b[j];
        if (Z) Z->push_back(Zl);
        // (NN.2) hidden layers use the chosen activation, the last one the output activation
        if (l + 1 < L) {
            activate(net.hidden, Zl);
        } else if (net.output == OutputKind::logistic) {
            activate(Activation::logistic, Zl);
        } else if (net.output == OutputKind::softmax) {
            softmax_rows(Zl);
        }
        A.push_back(std::move(Zl));
    }
    return A;
}

namespace {

constexpr double kClipEps = std::numeric_limits<double>::epsilon();  // np.finfo(float64).eps

double clip_probability(double p) { return std::min(std::max(p, kClipEps), 1.0 - kClipEps); }

// scipy.special.xlogy: 0 when x == 0, whatever y
double xlogy(double x, double y) { return x == 0.0 ? 0.0 : x * std::log(y); }

}  // namespace

double data_loss(OutputKind output, const Matrix& out, const Matrix& Y) {
    require_same_shape("data_loss: output vs target", out, Y);
    const double m = static_cast<double>(Y.rows());
    const std::vector<double>& p = out.data();
    const std::vector<double>& y = Y.data();
    double s = 0.0;
    switch (output) {
    case OutputKind::identity:  // (NN.3) (1/2) mean over all m x K entries of (y - yhat)^2
        for (std::size_t k = 0; k < y.size(); ++k) s += (y[k] - p[k]) * (y[k] - p[k]);
        return s / static_cast<double>(y.size()) / 2.0;
    case OutputKind::softmax:  // (NN.3) -(1/m) sum_ij y_ij log clip(p_ij)
        for (std::size_t k = 0; k < y.size(); ++k) s += xlogy(y[k], clip_probability(p[k]));
        return -s / m;
    case OutputKind::logistic: {  // (NN.3) both sums taken separately, as sklearn
        double s1 = 0.0;
        for (std::size_t k = 0; k < y.size(); ++k) s += xlogy(y[k], clip_probability(p[k]));
        for (std::size_t k = 0; k < y.size(); ++k) s1 += xlogy(1.0 - y[k], 1.0 - clip_probability(p[k]));
        return -(s + s1) / m;
    }
    }
    return s;
}

double batch_loss(const Network& net, const Matrix& out, const Matrix& Y, double alpha) {
    double loss = data_loss(net.output, out, Y);
    // (NN.8) + (alpha / 2) sum_l ||W_l||^2 / m; biases are not penalised
    double sumsq = 0.0;
    for (const Matrix& W : net.coefs_)
        for (double w : W.data()) sumsq += w * w;
    return loss + (0.5 * alpha) * sumsq / static_cast<double>(Y.rows());
}

// The backward pass of one layer (exercise "backward-layer"). A_prev = A_{l-1} is m x H_{l-1}, W = W_l
// is H_{l-1} x H_l, delta = delta_l is m x H_l. Overwrites dW (H_{l-1} x H_l) with (NN.6), db (H_l)
// with (NN.7) and, when below is given (every layer but the first), *below (m x H_{l-1}) with the
// error of the layer below (NN.5), f' being the hidden activation's derivative at A_prev. The
// products are the register-tiled ones (linalg/matmul_fast.hpp): the bits of matmul_transposed_a
// and of matmul(delta, transpose(W)), on `threads` threads.
// Overwrites, not adds into zeroed gradients: every weight is used once per batch (no sharing), so
// its gradient is one term, computed whole as sklearn's _backprop does (0.0 + x would be the same bits).
namespace {

void backward_layer(const Matrix& A_prev, const Matrix& W, const Matrix& delta, Activation hidden, double alpha,
                    Matrix& dW, Vector& db, Matrix* below, int threads) {
    // >>> exercise backward-layer: derivations/neural_networks.md
    const double m = static_cast<double>(delta.rows());
    // (NN.6) dW_l = (A_{l-1}^T delta_l + alpha W_l) / m: H_{l-1} x H_l; each summand computed
    // whole, then added and divided, in sklearn's order
    dW = matmul_at_fast(A_prev, delta, threads);
    for (std::size_t k = 0; k < dW.size(); ++k) dW.data()[k] = (dW.data()[k] + alpha * W.data()[k]) / m;
    // (NN.7) db_l = (1/m) sum_i delta_l(i, :); the sum starts from zero and adds rows in order
    db.assign(delta.cols(), 0.0);
    for (std::size_t i = 0; i < delta.rows(); ++i)
        for (std::size_t j = 0; j < delta.cols(); ++j) db[j] += delta(i, j);
    for (double& v : db) v /= m;
    if (below) {
        // (NN.5) delta_{l-1} = (delta_l W_l^T) * f'(A_{l-1}): m x H_{l-1}
        *below = matmul_bt_fast(delta, W, threads);
        multiply_by_derivative(hidden, A_prev, *below);
    }
    // <<< exercise backward-layer
}

}  // namespace

double backprop(const Network& net, const Matrix& X, const Matrix& Y, double alpha, Gradients& grads, int threads) {
    const std::size_t L = net.n_layers();
    const std::vector<Matrix> A = forward(net, X, nullptr, threads);  // A_0 .. A_L
    const double loss = batch_loss(net, A[L], Y, alpha);
    grads.dW.assign(L, Matrix());
    grads.db.assign(L, Vector());
    // (NN.4) delta_L = A_L - Y, m x K, for every output/loss pairing; with no hidden layer this is
    // logistic regression's P - Y (LG.18, derivations/logistic_regression.md), up to the 1/m scale
    Matrix delta = subtract(A[L], Y);
    for (std::size_t l = L; l-- > 0;) {
        // A[l] is the layer's input A_{l-1} in the derivation's 1-based numbering; no delta below layer 1
        Matrix below;
        backward_layer(A[l], net.coefs_[l], delta, net.hidden, alpha, grads.dW[l], grads.db[l],
                       l > 0 ? &below : nullptr, threads);
        delta = std::move(below);
    }
    return loss;
}

}  // namespace mlfs

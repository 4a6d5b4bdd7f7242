// SPDX-License-Identifier: MIT
// Activation functions of the multi-layer perceptron (derivations/neural_networks.md), each as a
// value f and a derivative df side by side, as scikit-learn 1.2.1 writes them
// (sklearn/neural_network/_base.py). Legend: Z is m x H (m samples in the batch, H units).
//
// Each f is applied in the forward pass (NN.2); each df(delta, a) multiplies backprop's delta by the
// factor f' of (NN.5), written, as sklearn writes it, from the POST-activation value a = f(z), which
// is what backprop keeps:
//   identity  f(z) = z                 df = 1
//   logistic  f(z) = 1 / (1 + e^-z)    df = a (1 - a)
//   tanh      f(z) = tanh z            df = 1 - a^2
//   relu      f(z) = max(z, 0)         df = 1[a > 0]  (0 at the kink z = 0, as sklearn)
//   softmax   f(z)_k = e^{z_k - max z} / sum_j e^{z_j - max z}   (output layer only; its
//             Jacobian never appears: with the log-loss, delta_L = p - y, see (NN.4))
// Header-only: every function is a few lines.
#pragma once

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "linalg/matrix.hpp"

namespace mlfs {

enum class Activation { identity, logistic, tanh, relu };

inline const char* activation_name(Activation a) {
    switch (a) {
    case Activation::identity: return "identity";
    case Activation::logistic: return "logistic";
    case Activation::tanh: return "tanh";
    case Activation::relu: return "relu";
    }
    return "?";
}

// ---- scalar f / df pairs: f is (NN.2); df(delta, a) is delta times the f' of (NN.5), with f' written
// from a = f(z), the post-activation value backprop keeps (derivation, section 4), and the products
// rounded in sklearn's order. These are the only forms: multiply_by_derivative calls them, so the
// tests of each df test what the network runs.
inline double identity_f(double z) { return z; }
inline double identity_df(double delta, double /*a*/) { return delta; }  // f' = 1

inline double logistic_f(double z) { return 1.0 / (1.0 + std::exp(-z)); }  // scipy.special.expit
// f' = a (1 - a), applied as sklearn does (delta *= Z; delta *= 1 - Z): (delta a)(1 - a)
inline double logistic_df(double delta, double a) { return delta * a * (1.0 - a); }

// tanh is exercise "tanh" of the exercise sheet (derivations/neural_networks.md, last section)
inline double tanh_f(double z) {
    // >>> exercise tanh: derivations/neural_networks.md
    return std::tanh(z);  // (NN.2) f(z) = tanh z
    // <<< exercise tanh
}
inline double tanh_df(double delta, double a) {
    // >>> exercise tanh: derivations/neural_networks.md
    return delta * (1.0 - a * a);  // (NN.5) f' = 1 - tanh^2 z = 1 - a^2
    // <<< exercise tanh
}

inline double relu_f(double z) { return std::max(z, 0.0); }
// f' = 1[a > 0]: a == 0 exactly when z <= 0, where the error stops (sklearn's delta[Z == 0] = 0)
inline double relu_df(double delta, double a) { return a == 0.0 ? 0.0 : delta; }

// ---- whole-matrix forms used by the network
// (NN.2) A = f(Z), in place; Z is m x H
inline void activate(Activation act, Matrix& Z) {
    for (double& z : Z.data()) {
        switch (act) {
        case Activation::identity: z = identity_f(z); break;
        case Activation::logistic: z = logistic_f(z); break;
        case Activation::tanh: z = tanh_f(z); break;
        case Activation::relu: z = relu_f(z); break;
        }
    }
}

// (NN.5) delta *= f'(A), elementwise, with f' from the post-activation A (m x H, same as delta),
// each entry by its activation's df.
inline void multiply_by_derivative(Activation act, const Matrix& A, Matrix& delta) {
    require_same_shape("multiply_by_derivative", A, delta);
    std::vector<double>& d = delta.data();
    const std::vector<double>& a = A.data();
    for (std::size_t k = 0; k < d.size(); ++k) {
        switch (act) {
        case Activation::identity: d[k] = identity_df(d[k], a[k]); break;
        case Activation::logistic: d[k] = logistic_df(d[k], a[k]); break;
        case Activation::tanh: d[k] = tanh_df(d[k], a[k]); break;
        case Activation::relu: d[k] = relu_df(d[k], a[k]); break;
        }
    }
}

// (NN.2) softmax of each row, in place: p_k = e^{z_k - max_j z_j} / sum_j e^{z_j - max_j z_j}.
// Subtracting the row maximum keeps every exponent <= 0 (no overflow); Z is m x K.
inline void softmax_rows(Matrix& Z) {
    for (std::size_t i = 0; i < Z.rows(); ++i) {
        double zmax = Z(i, 0);
        for (std::size_t k = 1; k < Z.cols(); ++k) zmax = std::max(zmax, Z(i, k));
        double sum = 0.0;
        for (std::size_t k = 0; k < Z.cols(); ++k) {
            Z(i, k) = std::exp(Z(i, k) - zmax);
            sum += Z(i, k);
        }
        for (std::size_t k = 0; k < Z.cols(); ++k) Z(i, k) /= sum;
    }
}

}  // namespace mlfs

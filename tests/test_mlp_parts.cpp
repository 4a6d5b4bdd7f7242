// SPDX-License-Identifier: MIT
// The MLP's building blocks one at a time, against scikit-learn 1.2.1's own functions called on
// fixed inputs (tests/golden/mlp_parts.txt, written by goldens_mlp_parts.py): tanh and its
// derivative (ACTIVATIONS / DERIVATIVES['tanh']), backprop (MLP._backprop with given weights), the
// Adam step (AdamOptimizer) and the SGD step (SGDOptimizer). Each group of cases is the test of one
// exercise of derivations/neural_networks.md (CMakeLists.txt, mlfs_exercise) and reaches only that
// exercise's region of the code: no backward case has a tanh layer, no optimizer case runs backprop.
// Tolerances, with their reasons:
//   tanh value      |d| <= 2 eps |ref|: std::tanh (glibc) and numpy's tanh are both faithfully
//                   rounded but not always the same double (measured: at most 1 ulp apart)
//   tanh slope      exact: 1 - a a from sklearn's own a is numpy's 1 - A**2, the same two roundings
//   backward        |d| <= 1e-14 + 1e-14 |ref|: sums of at most 10 products of O(1) numbers, which a
//                   BLAS may order or fuse differently (measured: at most 1 ulp of each entry)
//   loss            1e-14 relative: numpy's mean is pairwise where ours is sequential (measured 1 ulp)
//   Adam, SGD       |d| <= 4 eps (|ref| + 1): sklearn's operations in its order; only the libm's
//                   pow / sqrt could move a last bit (measured 0)
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "algorithms/activations.hpp"
#include "algorithms/mlp.hpp"
#include "algorithms/mlp_optimizers.hpp"
#include "check.hpp"
#include "io/golden.hpp"

using namespace mlfs;

namespace {

const double kEps = std::numeric_limits<double>::epsilon();

const mlfs::Golden& golden() {
    static const mlfs::Golden g("mlp_parts.txt");
    return g;
}

}  // namespace

// ---- exercise tanh: (NN.2) f(z) = tanh z and its slope from a = f(z), (NN.5) f' = 1 - a^2

TEST_CASE(tanh_value_matches_sklearn) {
    const auto& g = golden();
    const Matrix Z = g.matrix("tanh.Z");
    const Matrix A = g.matrix("tanh.A");
    Matrix ours(Z.rows(), Z.cols());
    for (std::size_t k = 0; k < Z.size(); ++k) ours.data()[k] = tanh_f(Z.data()[k]);
    CHECK_ALL_NEAR(ours, A, 2 * kEps, 0.0, "tanh_f vs np.tanh: both faithfully rounded, at most 1 ulp apart");
    Matrix activated = Z;
    activate(Activation::tanh, activated);  // (NN.2) the whole-matrix form the network uses
    CHECK_ALL_NEAR(activated, A, 2 * kEps, 0.0, "activate(tanh) vs ACTIVATIONS['tanh']: at most 1 ulp apart");
    // the shape of tanh: odd, tanh z = z to the last bit near 0, exactly +-1 far out
    for (double z : Z.data())
        CHECK_MSG(tanh_f(-z) == -tanh_f(z), "tanh_f(-z) == -tanh_f(z) at z = " + mlfs_test::num(z));
    CHECK_NEAR(tanh_f(1e-300), 1e-300, 0.0, "tanh z = z - z^3/3 + ...: z itself below 1e-8");
    CHECK_NEAR(tanh_f(30.0), 1.0, 0.0, "1 - tanh 30 = 1.7e-26 < eps/2: rounds to 1");
    CHECK_NEAR(tanh_f(-1e308), -1.0, 0.0, "saturated, and no overflow on the way (e^{2z} must not be formed)");
}

TEST_CASE(tanh_derivative_matches_sklearn) {
    const auto& g = golden();
    const Matrix A = g.matrix("tanh.A");
    Matrix ours(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) ours.data()[k] = tanh_df(1.0, A.data()[k]);
    CHECK_ALL_NEAR(ours, g.matrix("tanh.slope"), 0.0, 0.0,
                   "tanh_df(1, a) vs DERIVATIVES['tanh'] on delta = 1: 1 - a a, the same roundings: exact");
    Matrix delta = g.matrix("tanh.delta");
    multiply_by_derivative(Activation::tanh, A, delta);  // (NN.5) delta *= f'(A), as backprop uses it
    CHECK_ALL_NEAR(delta, g.matrix("tanh.delta_out"), 0.0, 0.0,
                   "multiply_by_derivative(tanh) vs delta *= 1 - A**2: the same three roundings: exact");
    CHECK_NEAR(tanh_df(1.0, 0.0), 1.0, 0.0, "the slope at z = 0 (a = 0) is 1");
    CHECK_NEAR(tanh_df(1.0, 1.0), 0.0, 0.0, "a saturated unit (a = 1) passes on no gradient");
    CHECK_NEAR(tanh_df(1.0, -0.5), 0.75, 0.0, "1 - (-0.5)^2 = 0.75 exactly: the slope is even in a");
    CHECK_NEAR(tanh_df(-2.0, 0.5), -1.5, 0.0, "delta times the slope: -2 (1 - 0.25)");
}

// ---- (NN.5) the other three derivatives (issue #18 item 9): each df(delta, a) is the one form the
// network applies, so multiply_by_derivative must give its bits entry by entry, and each must round as
// sklearn's DERIVATIVES do in place (identity: nothing; logistic: delta *= Z, then delta *= 1 - Z; relu:
// delta[Z == 0] = 0). A scalar slope a (1 - a) multiplied into delta afterwards, as the dead
// logistic_df(a) was, differs from the network's (delta a)(1 - a) in the last bit of some entries.

TEST_CASE(each_derivative_is_the_form_backprop_applies) {
    std::mt19937_64 rng(18);
    std::uniform_real_distribution<double> unit(0.0, 1.0), wide(-3.0, 3.0);
    const std::size_t m = 40, H = 25;
    Matrix delta(m, H), logistic(m, H), relu(m, H), any(m, H);
    for (std::size_t k = 0; k < delta.size(); ++k) {
        delta.data()[k] = wide(rng);
        logistic.data()[k] = logistic_f(wide(rng));
        relu.data()[k] = k % 3 == 0 ? 0.0 : relu_f(wide(rng));  // a third of the units off: a = 0
        any.data()[k] = wide(rng);
    }
    const struct {
        Activation act;
        const Matrix& A;
        double (*df)(double, double);
    } cases[] = {{Activation::identity, any, identity_df},
                 {Activation::logistic, logistic, logistic_df},
                 {Activation::relu, relu, relu_df}};
    for (const auto& c : cases) {
        Matrix applied = delta;
        multiply_by_derivative(c.act, c.A, applied);  // (NN.5) as backward_layer applies it
        std::size_t differ = 0, sklearn_differ = 0;
        for (std::size_t k = 0; k < delta.size(); ++k) {
            const double d = delta.data()[k], a = c.A.data()[k];
            const double ours = c.df(d, a);
            double sk = d;  // sklearn's in-place DERIVATIVES, step by step
            if (c.act == Activation::logistic) sk *= a, sk *= 1.0 - a;
            if (c.act == Activation::relu && a == 0.0) sk = 0.0;
            differ += std::memcmp(&ours, &applied.data()[k], sizeof ours) != 0;
            sklearn_differ += std::memcmp(&ours, &sk, sizeof ours) != 0;
        }
        CHECK_MSG(differ == 0, std::string(activation_name(c.act)) + "_df vs multiply_by_derivative: " +
                                   std::to_string(differ) + " entries differ in their bits (the same form: none may)");
        CHECK_MSG(sklearn_differ == 0, std::string(activation_name(c.act)) + "_df vs sklearn's in-place rounding: " +
                                           std::to_string(sklearn_differ) + " entries differ (none may)");
    }
    const double off = relu_df(-2.5, 0.0);
    CHECK_MSG(off == 0.0 && !std::signbit(off), "relu_df(-2.5, 0) is +0, as sklearn's assignment (not -2.5 * 0 = -0)");
    CHECK_NEAR(logistic_df(1.0, 0.5), 0.25, 0.0, "the logistic slope at z = 0 is 1/4, exactly");
    CHECK_NEAR(identity_df(-7.25, 3.0), -7.25, 0.0, "identity passes delta on unchanged");
}

// ---- exercise backward-layer: (NN.5)-(NN.7) against sklearn's _backprop with given weights

static void check_backward(int c) {
    const auto& g = golden();
    const std::string pre = "backward." + std::to_string(c) + ".";
    Network net;
    net.hidden = static_cast<Activation>(static_cast<int>(g.scalar(pre + "activation")));
    net.output = static_cast<OutputKind>(static_cast<int>(g.scalar(pre + "output")));
    for (int l = 1; g.has(pre + "W" + std::to_string(l)); ++l) {
        net.coefs_.push_back(g.matrix(pre + "W" + std::to_string(l)));
        net.intercepts_.push_back(g.vector(pre + "b" + std::to_string(l)));
    }
    CHECK_MSG(net.n_layers() >= 2 && net.hidden != Activation::tanh,
              pre + ": a hidden layer, and not tanh (that is exercise tanh)");
    Gradients grads;
    const double loss = backprop(net, g.matrix(pre + "X"), g.matrix(pre + "Y"), g.scalar(pre + "alpha"), grads);
    CHECK_REL(loss, g.scalar(pre + "loss"), 1e-14, "loss (NN.3)+(NN.8): numpy's mean is pairwise, ours sequential");
    if (grads.dW.size() != net.n_layers() || grads.db.size() != net.n_layers()) {
        CHECK_MSG(false, pre + ": backprop must fill one dW and one db per layer");
        return;
    }
    for (std::size_t l = net.n_layers(); l-- > 0;) {  // from the output layer down, as the errors travel
        const std::string n = std::to_string(l + 1);
        CHECK_ALL_NEAR(grads.dW[l], g.matrix(pre + "dW" + n), 1e-14, 1e-14,
                       ("dW" + n + " vs coef_grads: (NN.6) (A^T delta + alpha W) / m, a few roundings").c_str());
        CHECK_ALL_NEAR(grads.db[l], g.vector(pre + "db" + n), 1e-14, 1e-14,
                       ("db" + n + " vs intercept_grads: (NN.7) the column mean of delta").c_str());
    }
}

// relu hidden layer (one unit on the kink z = 0), softmax output, 3 classes, alpha 0
TEST_CASE(backward_relu_softmax) { check_backward(0); }
// two relu layers: delta travels through (NN.5) twice; alpha 0.1
TEST_CASE(backward_relu_relu_softmax_l2) { check_backward(1); }
// logistic hidden, one logistic output unit (binary), sklearn's default alpha 1e-4
TEST_CASE(backward_logistic_binary_l2) { check_backward(2); }
// identity hidden, 2 regression targets, alpha 0.5 (the L2 term is a large part of dW)
TEST_CASE(backward_identity_regression_l2) { check_backward(3); }
// two logistic layers, 1 regression target, alpha 0
TEST_CASE(backward_logistic_logistic_regression) { check_backward(4); }

// ---- exercises adam and sgd-momentum: (NN.9), (NN.12), (NN.13), step by step

// Runs sklearn's steps on the network 3-2-1 (W1, W2, b1, b2 as coefs_ + intercepts_) and compares
// the parameters after every step, and for Adam the step size lr_t.
static void check_optimizer(const std::string& pre, MLPOptions opt) {
    const auto& g = golden();
    opt.learning_rate_init = g.scalar(pre + "learning_rate_init");
    opt.learning_rate = LearningRate::constant;
    Network net;
    net.coefs_ = {g.matrix(pre + "init.W1"), g.matrix(pre + "init.W2")};
    net.intercepts_ = {g.vector(pre + "init.b1"), g.vector(pre + "init.b2")};
    MLPOptimizer optimizer(opt, net);
    const int steps = static_cast<int>(g.scalar(pre + "steps"));
    const double rtol = 4 * kEps, atol = 4 * kEps;
    for (int s = 1; s <= steps; ++s) {
        const std::string p = pre + "step" + std::to_string(s) + ".";
        // the tolerance: sklearn's operations in its order, but a libm's pow/sqrt may move the last bit
        const auto why = [&](const char* name) {
            return std::string(name) + " after step " + std::to_string(s) +
                   ": the same operations as sklearn; 4 eps for a libm's pow/sqrt";
        };
        Gradients grads;
        grads.dW = {g.matrix(p + "grad.W1"), g.matrix(p + "grad.W2")};
        grads.db = {g.vector(p + "grad.b1"), g.vector(p + "grad.b2")};
        optimizer.update(net, grads);
        CHECK_ALL_NEAR(net.coefs_[0], g.matrix(p + "W1"), rtol, atol, why("W1").c_str());
        CHECK_ALL_NEAR(net.coefs_[1], g.matrix(p + "W2"), rtol, atol, why("W2").c_str());
        CHECK_ALL_NEAR(net.intercepts_[0], g.vector(p + "b1"), rtol, atol, why("b1").c_str());
        CHECK_ALL_NEAR(net.intercepts_[1], g.vector(p + "b2"), rtol, atol, why("b2").c_str());
        if (opt.solver == Solver::adam) {
            CHECK_MSG(optimizer.steps() == s, "Adam's t after step " + std::to_string(s) + " is " +
                                                  std::to_string(optimizer.steps()) + " (NN.12: t += 1 per step)");
            CHECK_REL(optimizer.learning_rate(), g.scalar(p + "learning_rate"), rtol,
                      "lr_t = lr_init sqrt(1 - b2^t) / (1 - b1^t) (NN.13) vs opt.learning_rate");
        }
    }
}

static void check_adam(int c) {
    const auto& g = golden();
    const std::string pre = "adam." + std::to_string(c) + ".";
    MLPOptions opt;
    opt.solver = Solver::adam;
    opt.beta_1 = g.scalar(pre + "beta_1");
    opt.beta_2 = g.scalar(pre + "beta_2");
    opt.epsilon = g.scalar(pre + "epsilon");
    check_optimizer(pre, opt);
}

static void check_sgd(int c) {
    const auto& g = golden();
    const std::string pre = "sgd." + std::to_string(c) + ".";
    MLPOptions opt;
    opt.solver = Solver::sgd;
    opt.momentum = g.scalar(pre + "momentum");
    opt.nesterovs_momentum = g.scalar(pre + "nesterov") != 0.0;
    check_optimizer(pre, opt);
}

// lr 1e-3, beta 0.9 / 0.999, eps 1e-8; gradients from 1e-9 to 10, one exactly 0 in step 2
TEST_CASE(adam_defaults_matches_sklearn) { check_adam(0); }
// lr 0.1, beta 0.8 / 0.99, eps 1e-4: where eps sits changes every small-gradient step
TEST_CASE(adam_large_lr_and_eps_matches_sklearn) { check_adam(1); }

// momentum 0.9, Nesterov (sklearn's default), lr 0.1
TEST_CASE(sgd_nesterov_matches_sklearn) { check_sgd(0); }
// classical momentum 0.8, lr 0.05
TEST_CASE(sgd_momentum_matches_sklearn) { check_sgd(1); }
// momentum 0: theta -= lr g
TEST_CASE(sgd_plain_matches_sklearn) { check_sgd(2); }

// ---- (NN.11) the stopping rule's answer: only SGD with the adaptive schedule goes on (lr /= 5)
// until lr <= 1e-6; every other solver / schedule pair stops when the rule fires (as sklearn)
TEST_CASE(stopping_rule_adapts_only_sgd_adaptive) {
    Network net;
    net.coefs_ = {Matrix(1, 1, 0.5)};
    net.intercepts_ = {Vector(1, 0.0)};
    const auto fires = [&](Solver solver, LearningRate schedule, double lr_init, double* lr_after) {
        MLPOptions opt;
        opt.solver = solver;
        opt.learning_rate = schedule;
        opt.learning_rate_init = lr_init;
        MLPOptimizer optimizer(opt, net);
        const bool stop = optimizer.trigger_stopping();
        if (lr_after) *lr_after = optimizer.learning_rate();
        return stop;
    };
    CHECK(fires(Solver::sgd, LearningRate::constant, 1e-3, nullptr));
    CHECK(fires(Solver::sgd, LearningRate::invscaling, 1e-3, nullptr));
    CHECK(fires(Solver::adam, LearningRate::adaptive, 1e-3, nullptr));  // adam ignores the schedule
    double lr = 0.0;
    CHECK(!fires(Solver::sgd, LearningRate::adaptive, 1e-3, &lr));
    CHECK_NEAR(lr, 1e-3 / 5.0, 0.0, "exact: the same one division (NN.11)");
    CHECK(fires(Solver::sgd, LearningRate::adaptive, 1e-6, nullptr));  // lr <= 1e-6: stop, 1e-6 included
}

TEST_MAIN()

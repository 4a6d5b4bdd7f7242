// SPDX-License-Identifier: MIT
// The worked example of derivations/neural_networks.md, section 11, number by number: a 2-2-1
// network, two samples, alpha = 1/4, through the library's public functions (forward, data_loss,
// batch_loss, backprop, multiply_by_derivative, MLPOptimizer::update, mlp_fit, gradient_check).
// backprop does not return the deltas; they are rebuilt from the functions backprop calls.
//
// The inputs are typed below (dyadic numbers). Every expected value is the one printed in the
// derivation, computed there from those inputs with exact arithmetic (relu: exact fractions, derived
// by hand in section 11.1; tanh and logistic: mpmath at 60 digits, then rounded once to the nearest
// double) and written here with 17 significant digits. Nothing was copied from the library's output.
//
// Tolerances:
//   relu + identity (section 11.1)  0: the inputs are dyadic with at most 2 significant bits and
//       no number of the example needs more than 36, so every product, sum, the halving by m = 2
//       and the step by lr = 1/2 are exact in float64.
//   tanh + logistic (section 11.2)  |ours - exact| <= 8 eps max(|exact|, 1/2): std::tanh,
//       std::exp and std::log are within ~1 ulp, and each number below is at most ~10 roundings
//       away from them; the absolute floor 8 eps * 1/2 covers the entries that are small differences
//       of terms near 1/2 (the Nesterov step on b1(0) is 0.125 - 0.140, a cancellation of ~17).
//       Measured with glibc: within 1 eps max(|exact|, 1/2) on every entry.
//   the Adam step: the same bound; sqrt is correctly rounded and the step adds ~5 roundings.
//   Adam's q = eps / (sqrt(1 - beta_2) |g|), read back as q = 1e-3 / |theta_1 - theta_0| - 1:
//       absolute 1e-12, because theta_1 (|theta_1| <= 1.001) is rounded to 1.1e-16, which moves
//       1e-3 / |step| by 1.2e-13, and the step's own ~8 eps add less; q >= 1.6e-6, so 6 digits remain.
//   gradient check (NN.18): relu below 1e-9, since with the relu pattern fixed the loss is a
//       quadratic in each parameter and the central difference has no truncation error, only
//       rounding (~eps J / h = 5e-12 absolute on gradients >= 0.027: ~2e-10); tanh below 1e-7,
//       CS231n's "good" (truncation h^2 J'''/6 ~ 1e-11 absolute).
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "algorithms/gradient_check.hpp"
#include "algorithms/mlp.hpp"
#include "algorithms/mlp_optimizers.hpp"
#include "linalg/matmul.hpp"
#include "tests/check.hpp"

using namespace mlfs;

namespace {

// ---- the inputs of section 11: X is m x D = 2 x 2 (rows are samples), W1 2 x 2, b1 2, W2 2 x 1, b2 1
const Matrix kX(2, 2, {1.0, 2.0, -1.0, 0.5});
const Matrix kW1(2, 2, {0.5, -0.5, 0.25, 0.75});
const Vector kb1{0.125, -0.25};
const Matrix kW2(2, 1, {1.0, -0.5});
const Vector kb2{0.25};
const double kAlpha = 0.25;
const double kLr = 0.5;

const double kEps = std::numeric_limits<double>::epsilon();
const double kExact = 0.0;
// 8 eps relative with an absolute floor of 8 eps * 1/2 (see the header comment)
const double kRtol = 8 * kEps, kAtol = 4 * kEps;

Network example_network(Activation hidden, OutputKind output) {
    Network net;
    net.hidden = hidden;
    net.output = output;
    net.coefs_ = {kW1, kW2};
    net.intercepts_ = {kb1, kb2};
    return net;
}

// all parameters in the order of the derivation's tables: W1 (row-major), b1, W2, b2
Vector flatten(const Network& net) {
    Vector p = net.coefs_[0].data();
    p.insert(p.end(), net.intercepts_[0].begin(), net.intercepts_[0].end());
    p.insert(p.end(), net.coefs_[1].data().begin(), net.coefs_[1].data().end());
    p.insert(p.end(), net.intercepts_[1].begin(), net.intercepts_[1].end());
    return p;
}

// the network after one optimizer step on the whole batch
Network stepped(const Network& start, const Matrix& Y, const MLPOptions& opt) {
    Network net = start;
    Gradients g;
    backprop(net, kX, Y, opt.alpha, g);
    MLPOptimizer optimizer(opt, net);
    optimizer.update(net, g);
    return net;
}

// the same step, its parameters flattened (as flatten() orders them)
Vector one_step(const Network& start, const Matrix& Y, const MLPOptions& opt) {
    return flatten(stepped(start, Y, opt));
}

MLPOptions sgd(double momentum, bool nesterov) {
    MLPOptions o;
    o.solver = Solver::sgd;
    o.alpha = kAlpha;
    o.learning_rate_init = kLr;
    o.momentum = momentum;
    o.nesterovs_momentum = nesterov;
    return o;
}

MLPOptions adam() {
    MLPOptions o;  // sklearn's defaults: lr 1e-3, beta_1 0.9, beta_2 0.999, epsilon 1e-8
    o.solver = Solver::adam;
    o.alpha = kAlpha;
    return o;
}

// delta_1 = (delta_2 W2^T) * f'(A1), (NN.5), from public pieces: backprop does not return deltas
Matrix hidden_delta(const Network& net, const Matrix& delta2, const Matrix& A1) {
    Matrix d = matmul(delta2, transpose(net.coefs_[1]));
    multiply_by_derivative(net.hidden, A1, d);
    return d;
}

}  // namespace

// ---- 11.1: relu hidden units, identity output, squared loss: every number exact
TEST_CASE(relu_regression_forward_and_loss) {
    const Network net = example_network(Activation::relu, OutputKind::identity);
    const Matrix Y(2, 1, {0.5, 0.25});
    std::vector<Matrix> Z;
    const std::vector<Matrix> A = forward(net, kX, &Z);
    CHECK_ALL_NEAR(Z[0], Matrix(2, 2, {1.125, 0.75, -0.25, 0.625}), 0.0, kExact,
                   "(NN.1) Z1 = X W1 + b1: dyadic, exact");
    CHECK_ALL_NEAR(A[1], Matrix(2, 2, {1.125, 0.75, 0.0, 0.625}), 0.0, kExact, "(NN.2) A1 = max(Z1, 0)");
    CHECK_ALL_NEAR(Z[1], Matrix(2, 1, {1.0, -0.0625}), 0.0, kExact, "(NN.1) Z2 = A1 W2 + b2");
    CHECK_ALL_NEAR(A[2], Matrix(2, 1, {1.0, -0.0625}), 0.0, kExact, "(NN.2) identity output: yhat = Z2");
    CHECK_NEAR(data_loss(net.output, A[2], Y), 0.0869140625, kExact, "(NN.3) (1/2) mean (yhat - y)^2 = 89/1024");
    CHECK_NEAR(batch_loss(net, A[2], Y, kAlpha), 0.2353515625, kExact, "(NN.8) + (alpha/2) 19/8 / 2 = 19/128");
}

TEST_CASE(relu_regression_backward) {
    const Network net = example_network(Activation::relu, OutputKind::identity);
    const Matrix Y(2, 1, {0.5, 0.25});
    const std::vector<Matrix> A = forward(net, kX);
    const Matrix delta2 = subtract(A[2], Y);
    CHECK_ALL_NEAR(delta2, Matrix(2, 1, {0.5, -0.3125}), 0.0, kExact, "(NN.4) delta2 = yhat - y");
    CHECK_ALL_NEAR(matmul_transposed_a(A[1], delta2), Matrix(2, 1, {0.5625, 0.1796875}), 0.0, kExact,
                   "(NN.6) A1^T delta2, before alpha W2 and the halving");
    CHECK_ALL_NEAR(matmul_transposed_a(kX, hidden_delta(net, delta2, A[1])),
                   Matrix(2, 2, {0.5, -0.40625, 1.0, -0.421875}), 0.0, kExact,
                   "(NN.6) X^T delta1, before alpha W1 and the halving");
    const Matrix back = matmul(delta2, transpose(net.coefs_[1]));
    CHECK_ALL_NEAR(back, Matrix(2, 2, {0.5, -0.25, -0.3125, 0.15625}), 0.0, kExact, "(NN.5) delta2 W2^T");
    CHECK_ALL_NEAR(hidden_delta(net, delta2, A[1]), Matrix(2, 2, {0.5, -0.25, 0.0, 0.15625}), 0.0, kExact,
                   "(NN.5) the relu gate zeroes sample 1, unit 0");
    Gradients g;
    const double loss = backprop(net, kX, Y, kAlpha, g);
    CHECK_NEAR(loss, 0.2353515625, kExact, "backprop returns the batch loss");
    CHECK_ALL_NEAR(g.dW[1], Matrix(2, 1, {0.40625, 0.02734375}), 0.0, kExact,
                   "(NN.6) dW2 = (A1^T delta2 + alpha W2) / 2");
    CHECK_ALL_NEAR(g.db[1], Vector({0.09375}), 0.0, kExact, "(NN.7) db2 = mean of delta2");
    CHECK_ALL_NEAR(g.dW[0], Matrix(2, 2, {0.3125, -0.265625, 0.53125, -0.1171875}), 0.0, kExact,
                   "(NN.6) dW1 = (X^T delta1 + alpha W1) / 2");
    CHECK_ALL_NEAR(g.db[0], Vector({0.25, -0.046875}), 0.0, kExact, "(NN.7) db1 = mean of delta1");
}

TEST_CASE(relu_regression_sgd_step) {
    const Network net = example_network(Activation::relu, OutputKind::identity);
    const Matrix Y(2, 1, {0.5, 0.25});
    const Vector after{0.34375, -0.3671875, -0.015625, 0.80859375, 0.0, -0.2265625, 0.796875, -0.513671875, 0.203125};
    CHECK_ALL_NEAR(one_step(net, Y, sgd(0.0, false)), after, 0.0, kExact, "(NN.9) theta - 1/2 g, momentum 0: exact");
    // the same step through the training loop: one epoch, one full batch, the given starting weights
    MLPOptions o = sgd(0.0, false);
    o.hidden_layer_sizes = {2};
    o.activation = Activation::relu;
    o.batch_size = 2;
    o.max_iter = 1;
    o.shuffle = false;
    o.init_coefs = {kW1, kW2};
    o.init_intercepts = {kb1, kb2};
    const MLPFit fit = mlp_fit(kX, Y, OutputKind::identity, o);
    CHECK_ALL_NEAR(fit.loss_curve_, Vector({0.2353515625}), 0.0, kExact,
                   "(NN.15) one batch: loss_curve_[0] = the batch loss");
    CHECK_ALL_NEAR(flatten(fit.net), after, 0.0, kExact, "mlp_fit, one epoch: the same step");
    // a second epoch reports the loss of the stepped weights: 60971013329 / 2^38, still exact
    o.max_iter = 2;
    CHECK_ALL_NEAR(mlp_fit(kX, Y, OutputKind::identity, o).loss_curve_, Vector({0.2353515625, 0.22181125433780835}),
                   0.0, kExact, "(NN.15) loss_curve_[1] = J after one step");
}

TEST_CASE(relu_regression_after_step) {
    const Matrix Y(2, 1, {0.5, 0.25});
    const Network net = stepped(example_network(Activation::relu, OutputKind::identity), Y, sgd(0.0, false));
    const std::vector<Matrix> A = forward(net, kX);
    CHECK_ALL_NEAR(A[2], Matrix(2, 1, {-0.0735626220703125, -0.07678604125976562}), 0.0, kExact,
                   "yhat after the step: sample 0 overshoots from 1 past its target 0.5");
    const double data = data_loss(net.output, A[2], Y);
    CHECK_NEAR(data, 0.10894079954960034, kExact, "(NN.3) the data part rose from 0.0869");
    CHECK_NEAR(batch_loss(net, A[2], Y, kAlpha) - data, 0.11287045478820801, kExact,
               "(NN.8) the penalty fell from 0.1484");
}

// ---- 11.2: the same weights, tanh hidden units, one logistic output, binary log-loss
TEST_CASE(tanh_binary_forward_and_loss) {
    const Network net = example_network(Activation::tanh, OutputKind::logistic);
    const Matrix Y(2, 1, {1.0, 0.0});
    std::vector<Matrix> Z;
    const std::vector<Matrix> A = forward(net, kX, &Z);
    CHECK_ALL_NEAR(Z[0], Matrix(2, 2, {1.125, 0.75, -0.25, 0.625}), 0.0, kExact, "(NN.1) Z1: the same exact numbers");
    CHECK_ALL_NEAR(A[1],
                   Matrix(2, 2, {0.80930107020178099, 0.6351489523872873, -0.24491866240370913, 0.55459972234938226}),
                   kRtol, kAtol, "(NN.2) A1 = tanh Z1: std::tanh within ~1 ulp");
    CHECK_ALL_NEAR(Z[1], Matrix(2, 1, {0.74172659400813734, -0.27221852357840026}), kRtol, kAtol,
                   "(NN.1) Z2 = A1 W2 + b2");
    CHECK_ALL_NEAR(A[2], Matrix(2, 1, {0.67737329936919077, 0.43236253201045804}), kRtol, kAtol,
                   "(NN.2) p = 1 / (1 + e^-Z2)");
    CHECK_ALL_NEAR(Vector({data_loss(net.output, A[2], Y)}), Vector({0.47790254016808786}), kRtol, kAtol,
                   "(NN.3) -(1/2) (log p_0 + log(1 - p_1))");
    CHECK_ALL_NEAR(Vector({batch_loss(net, A[2], Y, kAlpha)}), Vector({0.62634004016808786}), kRtol, kAtol,
                   "(NN.8) + 19/128");
}

TEST_CASE(tanh_binary_backward) {
    const Network net = example_network(Activation::tanh, OutputKind::logistic);
    const Matrix Y(2, 1, {1.0, 0.0});
    const std::vector<Matrix> A = forward(net, kX);
    const Matrix delta2 = subtract(A[2], Y);
    CHECK_ALL_NEAR(delta2, Matrix(2, 1, {-0.32262670063080923, 0.43236253201045804}), kRtol, kAtol,
                   "(NN.4) delta2 = p - y");
    CHECK_ALL_NEAR(matmul_transposed_a(A[1], delta2), Matrix(2, 1, {-0.36699578710966579, 0.034872129289450493}), kRtol,
                   kAtol, "(NN.6) A1^T delta2, before alpha W2 and the halving");
    Matrix slope(2, 2, {1.0, 1.0, 1.0, 1.0});
    multiply_by_derivative(net.hidden, A[1], slope);
    CHECK_ALL_NEAR(slope,
                   Matrix(2, 2, {0.3450317777702519, 0.59658580828133145, 0.94001484880637798, 0.69241914796998805}),
                   kRtol, kAtol, "section 4: tanh's slope 1 - A1^2, read from A1");
    CHECK_ALL_NEAR(matmul_transposed_a(kX, hidden_delta(net, delta2, A[1])),
                   Matrix(2, 2,
                          {-0.51774366423215246, 0.24592530349889927, -0.019419328070921199, 0.11763048696176345}),
                   kRtol, kAtol, "(NN.6) X^T delta1, before alpha W1 and the halving");
    CHECK_ALL_NEAR(hidden_delta(net, delta2, A[1]),
                   Matrix(2, 2,
                          {-0.11131646407479896, 0.096237255484485237, 0.40642720015735345, -0.14968804801441402}),
                   kRtol, kAtol, "(NN.5) delta1 = (delta2 W2^T) * (1 - A1^2)");
    Gradients g;
    const double loss = backprop(net, kX, Y, kAlpha, g);
    CHECK_ALL_NEAR(Vector({loss}), Vector({0.62634004016808786}), kRtol, kAtol, "backprop returns the batch loss");
    CHECK_ALL_NEAR(g.dW[1], Matrix(2, 1, {-0.05849789355483289, -0.045063935355274753}), kRtol, kAtol,
                   "(NN.6) dW2 = (A1^T delta2 + alpha W2) / 2");
    CHECK_ALL_NEAR(g.db[1], Vector({0.054867915689824402}), kRtol, kAtol, "(NN.7) db2 = mean of delta2");
    CHECK_ALL_NEAR(g.dW[0],
                   Matrix(2, 2, {-0.1963718321160762, 0.060462651749449627, 0.0215403359645394, 0.15256524348088171}),
                   kRtol, kAtol, "(NN.6) dW1 = (X^T delta1 + alpha W1) / 2");
    CHECK_ALL_NEAR(g.db[0], Vector({0.14755536804127725, -0.026725396264964396}), kRtol, kAtol,
                   "(NN.7) db1 = mean of delta1");
}

TEST_CASE(tanh_binary_optimizer_steps) {
    const Network net = example_network(Activation::tanh, OutputKind::logistic);
    const Matrix Y(2, 1, {1.0, 0.0});
    CHECK_ALL_NEAR(one_step(net, Y, sgd(0.0, false)),
                   Vector({0.59818591605803806, -0.53023132587472477, 0.23922983201773029, 0.67371737825955913,
                           0.051222315979361374, -0.2366373018675178, 1.0292489467774164, -0.47746803232236262,
                           0.2225660421550878}),
                   kRtol, kAtol, "(NN.9) plain SGD, lr 1/2: theta - g / 2");
    CHECK_ALL_NEAR(one_step(net, Y, sgd(0.9, true)),
                   Vector({0.68655324051027244, -0.55743951916197709, 0.22953668083368756, 0.60506301869316237,
                           -0.015177599639213385, -0.22461087354828382, 1.0555729988770912, -0.457189261412489,
                           0.19787548009466682}),
                   kRtol, kAtol, "(NN.9) Nesterov from v = 0: theta - (1 + mu) lr g");
    CHECK_ALL_NEAR(one_step(net, Y, adam()),
                   Vector({0.50099999838965059, -0.50099999476989343, 0.24900001468051028, 0.74900000207273365,
                           0.124000002143108, -0.24900001183234183, 1.0009999945942318, -0.49900000701726432,
                           0.24900000576340361}),
                   kRtol, kAtol, "(NN.12), (NN.13) Adam's first step: about -1e-3 sign(g)");
}

TEST_CASE(tanh_binary_after_steps) {
    const Network net = example_network(Activation::tanh, OutputKind::logistic);
    const Matrix Y(2, 1, {1.0, 0.0});
    const auto loss_after = [&](const MLPOptions& o) {
        const Network n = stepped(net, Y, o);
        return Vector({batch_loss(n, forward(n, kX).back(), Y, kAlpha)});
    };
    CHECK_ALL_NEAR(loss_after(sgd(0.0, false)), Vector({0.58172861371592832}), kRtol, kAtol,
                   "J after the plain SGD step");
    CHECK_ALL_NEAR(loss_after(sgd(0.9, true)), Vector({0.5487115447017572}), kRtol, kAtol, "J after the Nesterov step");
    CHECK_ALL_NEAR(loss_after(adam()), Vector({0.62557803536726997}), kRtol, kAtol, "J after Adam's first step");
    // Adam's step is -1e-3 sign(g) / (1 + q), q = eps / (sqrt(1 - beta_2) |g|): read q back from the step
    const Vector before = flatten(net), after = one_step(net, Y, adam());
    Vector q(before.size());
    for (std::size_t k = 0; k < q.size(); ++k) q[k] = 1e-3 / std::fabs(after[k] - before[k]) - 1.0;
    CHECK_ALL_NEAR(q,
                   Vector({1.6103519665178576e-06, 5.2301339234549275e-06, 1.4680725803786221e-05,
                           2.0727379238015317e-06, 2.1431125835311946e-06, 1.1832481841677914e-05,
                           5.4057974877406904e-06, 7.0173135906521164e-06, 5.7634368289933849e-06}),
                   0.0, 1e-12, "(NN.13) Adam's q: theta_1 rounded to 1.1e-16 moves 1e-3/|step| by 1.2e-13");
}

// ---- (NN.18) the central-difference check on both networks of section 11
TEST_CASE(worked_example_gradient_check) {
    const GradientCheckResult relu =
        gradient_check(example_network(Activation::relu, OutputKind::identity), kX, Matrix(2, 1, {0.5, 0.25}), kAlpha);
    CHECK_MSG(relu.n_checked == 9 && relu.n_skipped_kinks == 0,
              "all 9 parameters checked, no kink within h: " + relu.describe());
    CHECK_MSG(relu.ok(1e-9), "relu + squared loss: rounding only, " + relu.describe());
    const GradientCheckResult tanh =
        gradient_check(example_network(Activation::tanh, OutputKind::logistic), kX, Matrix(2, 1, {1.0, 0.0}), kAlpha);
    CHECK_MSG(tanh.n_checked == 9, "all 9 parameters checked");
    CHECK_MSG(tanh.ok(1e-7), "tanh + log-loss: good, " + tanh.describe());
}

TEST_MAIN()

// SPDX-License-Identifier: MIT
// The MLP against scikit-learn 1.2.1 (tests/golden/mlp.txt, written by goldens_mlp.py with the
// golden protocol of sklearn-semantics 4.8). Tolerances, with their reasons:
//   initial weights   bitwise: mlfs::RandomState is numpy's stream bit for bit (NN.14)
//   loss_curve_       1e-12 relative: the numpy replay of a plain loop drifts ~4e-15 (4.8); our
//                     sums are sequential where numpy's mean/sum are pairwise (measured <= 1e-15)
//   coefs_/intercepts_ |d| <= 1e-9 max(|w|, 1): the same drift reaches ~1e-12 after 100 epochs in
//                     semantics 4.8 (measured here <= 1e-15; BLAS-dependent in the last bits)
//   n_iter_, t_       exact: the stopping rule must fire on the same epoch
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "algorithms/mlp.hpp"
#include "check.hpp"
#include "io/golden.hpp"

using namespace mlfs;

namespace {

const char* const kCaseNames[] = {"iris_relu_sgd_m0_full",
                                  "iris_relu_sgd_m09_full",
                                  "iris_tanh_nesterov_b32",
                                  "iris_logistic_adam_full",
                                  "iris_relu86_adam_b32_shuffle",
                                  "binary_tanh_nesterov_b32",
                                  "binary_identity_sgd_m0_b16_shuffle",
                                  "diabetes_relu_adam_auto",
                                  "diabetes_tanh_invscaling_b64",
                                  "diabetes_logistic_adaptive",
                                  "iris_relu_adam_tol_stop",
                                  "seed_iris_relu_sgd_full",
                                  "seed_binary_relu_adam_b32_shuffle",
                                  "seed_diabetes_tanh54_adam_shuffle",
                                  "seed_linnerud_relu_adam_b8_shuffle_3out"};

const mlfs::Golden& golden() {
    static const mlfs::Golden g("mlp.txt");
    return g;
}

struct Case {
    std::string pre;
    Matrix X, Y;
    OutputKind output = OutputKind::identity;
    MLPOptions opt;
    std::vector<Matrix> W0;
    std::vector<Vector> b0;
    bool given = false;
};

Case load_case(int c) {
    const auto& g = golden();
    Case k;
    k.pre = "case." + std::to_string(c) + ".";
    auto s = [&](const char* name) { return g.scalar(k.pre + name); };
    const int d = static_cast<int>(s("dataset"));
    k.X = g.matrix("data." + std::to_string(d) + ".X");
    k.Y = g.matrix("data." + std::to_string(d) + ".Y");
    k.output = static_cast<OutputKind>(static_cast<int>(s("output")));
    MLPOptions& o = k.opt;
    o.hidden_layer_sizes.clear();
    for (double h : g.vector(k.pre + "hidden_layer_sizes")) o.hidden_layer_sizes.push_back(static_cast<std::size_t>(h));
    o.activation = static_cast<Activation>(static_cast<int>(s("activation")));
    o.solver = static_cast<int>(s("solver")) == 0 ? Solver::sgd : Solver::adam;
    o.learning_rate = static_cast<LearningRate>(static_cast<int>(s("learning_rate")));
    o.learning_rate_init = s("learning_rate_init");
    o.power_t = s("power_t");
    o.alpha = s("alpha");
    o.batch_size = static_cast<std::size_t>(s("batch_size"));
    o.max_iter = static_cast<int>(s("max_iter"));
    o.shuffle = s("shuffle") != 0.0;
    o.random_state = static_cast<std::uint32_t>(s("random_state"));
    o.tol = s("tol");
    o.n_iter_no_change = static_cast<int>(s("n_iter_no_change"));
    o.momentum = s("momentum");
    o.nesterovs_momentum = s("nesterovs_momentum") != 0.0;
    for (std::size_t l = 1; g.has(k.pre + "init.W" + std::to_string(l)); ++l) {
        k.W0.push_back(g.matrix(k.pre + "init.W" + std::to_string(l)));
        k.b0.push_back(g.vector(k.pre + "init.b" + std::to_string(l)));
    }
    k.given = s("start") != 0.0;
    if (k.given) {
        o.init_coefs = k.W0;
        o.init_intercepts = k.b0;
    }
    return k;
}

// max over elements of |ours - ref| / max(|ref|, 1): the mixed error of the weights
double mixed_error(const std::vector<double>& ours, const std::vector<double>& ref) {
    if (ours.size() != ref.size()) return HUGE_VAL;
    double e = 0.0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const double d = std::fabs(ours[i] - ref[i]) / std::max(std::fabs(ref[i]), 1.0);
        e = std::isnan(d) ? HUGE_VAL : std::max(e, d);
    }
    return e;
}

double max_rel_error(const Vector& ours, const Vector& ref) {
    if (ours.size() != ref.size()) return HUGE_VAL;
    double e = 0.0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const double d = std::fabs(ours[i] - ref[i]) / std::fabs(ref[i]);
        e = std::isnan(d) ? HUGE_VAL : std::max(e, d);
    }
    return e;
}

}  // namespace

// (NN.14) our draw from RandomState(seed) is sklearn's (the exporter proved the replay is sklearn's)
TEST_CASE(mlp_initial_weights_bitwise) {
    const int n = static_cast<int>(golden().scalar("n_cases"));
    CHECK(n == static_cast<int>(sizeof kCaseNames / sizeof kCaseNames[0]));
    for (int c = 0; c < n; ++c) {
        const Case k = load_case(c);
        std::vector<std::size_t> units{k.X.cols()};
        units.insert(units.end(), k.opt.hidden_layer_sizes.begin(), k.opt.hidden_layer_sizes.end());
        units.push_back(k.Y.cols());
        RandomState rs(k.opt.random_state);
        const Network net = init_network(units, k.opt.activation, k.output, rs);
        bool same = net.coefs_.size() == k.W0.size();
        for (std::size_t l = 0; same && l < k.W0.size(); ++l)
            same = net.coefs_[l].data() == k.W0[l].data() && net.intercepts_[l] == k.b0[l];
        CHECK_MSG(same, std::string(kCaseNames[c]) + ": init_network(seed) equals numpy's replay bit for bit");
    }
}

// The full golden protocol: loss_curve_, final weights, n_iter_, t_, the optimizer's final lr
TEST_CASE(mlp_golden_runs) {
    const auto& g = golden();
    const int n = static_cast<int>(g.scalar("n_cases"));
    for (int c = 0; c < n; ++c) {
        const Case k = load_case(c);
        const MLPFit fit = mlp_fit(k.X, k.Y, k.output, k.opt);
        const Vector curve = g.vector(k.pre + "loss_curve_");
        const double loss_err = max_rel_error(fit.loss_curve_, curve);
        double w_err = 0.0;
        for (std::size_t l = 0; l < fit.net.n_layers(); ++l) {
            const std::string L = std::to_string(l + 1);
            if (!g.has(k.pre + "W" + L)) {
                w_err = HUGE_VAL;
                break;
            }
            w_err = std::max(w_err, mixed_error(fit.net.coefs_[l].data(), g.matrix(k.pre + "W" + L).data()));
            w_err = std::max(w_err, mixed_error(fit.net.intercepts_[l], g.vector(k.pre + "b" + L)));
        }
        std::printf("  %-36s %s epochs %3d  loss_curve_ max rel %.2e  weights max mixed %.2e\n", kCaseNames[c],
                    k.given ? "given" : "seed ", fit.n_iter_, loss_err, w_err);
        const std::string name = kCaseNames[c];
        CHECK_MSG(fit.n_iter_ == static_cast<int>(g.scalar(k.pre + "n_iter_")), name + ": n_iter_ exact");
        CHECK_MSG(static_cast<double>(fit.t_) == g.scalar(k.pre + "t_"), name + ": t_ exact");
        CHECK_MSG(fit.batch_size == static_cast<std::size_t>(g.scalar(k.pre + "batch_size_effective")),
                  name + ": effective batch size");
        CHECK_MSG(loss_err <= 1e-12, name + ": loss_curve_ within 1e-12 relative, got " + mlfs_test::num(loss_err));
        CHECK_MSG(w_err <= 1e-9, name + ": weights within 1e-9 max(|w|, 1), got " + mlfs_test::num(w_err));
        CHECK_REL(fit.learning_rate, g.scalar(k.pre + "final_learning_rate"), 1e-12,
                  "the optimizer's final lr: same formula, same epoch count");
    }
}

// The estimator wrappers give the same numbers as mlp_fit on the encoded target
TEST_CASE(mlp_classifier_wrapper) {
    for (int c : {11, 12}) {  // seed-alone multiclass (iris) and binary cases
        const Case k = load_case(c);
        std::vector<int> y(k.Y.rows());
        for (std::size_t i = 0; i < y.size(); ++i) {
            if (k.Y.cols() == 1) {
                y[i] = k.Y(i, 0) == 1.0 ? 7 : 3;
                continue;
            }  // labels 3 < 7: column is y == 7
            for (std::size_t j = 0; j < k.Y.cols(); ++j)
                if (k.Y(i, j) == 1.0) y[i] = 10 * static_cast<int>(j);
        }
        const MLPClassifier clf = mlp_classifier_fit(k.X, y, k.opt);
        const MLPFit direct = mlp_fit(k.X, k.Y, k.output, k.opt);
        CHECK(clf.fit.loss_curve_ == direct.loss_curve_);
        CHECK(clf.classes_.size() == (k.Y.cols() == 1 ? 2u : k.Y.cols()));
        const Matrix P = mlp_predict_proba(clf, k.X);
        CHECK(P.cols() == clf.classes_.size());
        double worst_sum = 0.0;
        for (std::size_t i = 0; i < P.rows(); ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j < P.cols(); ++j) s += P(i, j);
            worst_sum = std::max(worst_sum, std::fabs(s - 1.0));
        }
        CHECK_NEAR(worst_sum, 0.0, 1e-15, "probabilities sum to one");
        const double acc = mlp_score(clf, k.X, y);
        CHECK_MSG(acc > 0.85, "training accuracy after the golden run is " + mlfs_test::num(acc));
    }
}

TEST_CASE(mlp_regressor_wrapper) {
    const Case k = load_case(13);
    const MLPRegressor reg = mlp_regressor_fit(k.X, k.Y, k.opt);
    const Matrix P = mlp_predict(reg, k.X);
    double ss_res = 0.0, ss_tot = 0.0, ybar = column_means(k.Y)[0];
    for (std::size_t i = 0; i < P.rows(); ++i) {
        ss_res += (k.Y(i, 0) - P(i, 0)) * (k.Y(i, 0) - P(i, 0));
        ss_tot += (k.Y(i, 0) - ybar) * (k.Y(i, 0) - ybar);
    }
    CHECK_REL(mlp_score(reg, k.X, k.Y), 1.0 - ss_res / ss_tot, 1e-15, "R^2 by its definition");
    // half the mean squared error of the training set is the data part of the loss (NN.3)
    CHECK_REL(data_loss(OutputKind::identity, P, k.Y), ss_res / static_cast<double>(P.rows()) / 2.0, 1e-12,
              "squared loss = MSE / 2");
}

// Three regression outputs (linnerud, case 14): the loss (NN.3) is the mean over all m x K entries
// while delta_L = A_L - Y is not divided by K (semantics 4.4), so a slip in either shows here as a
// factor of 3. Same tolerances as mlp_golden_runs, which also runs this case.
TEST_CASE(mlp_multi_output_regression) {
    const auto& g = golden();
    const Case k = load_case(14);
    CHECK(k.Y.cols() == 3 && k.X.rows() == 20 && k.output == OutputKind::identity && !k.given);
    const MLPRegressor reg = mlp_regressor_fit(k.X, k.Y, k.opt);
    const double loss_err = max_rel_error(reg.fit.loss_curve_, g.vector(k.pre + "loss_curve_"));
    double w_err = 0.0;
    for (std::size_t l = 0; l < 2; ++l) {
        const std::string L = std::to_string(l + 1);
        w_err = std::max(w_err, mixed_error(reg.fit.net.coefs_[l].data(), g.matrix(k.pre + "W" + L).data()));
        w_err = std::max(w_err, mixed_error(reg.fit.net.intercepts_[l], g.vector(k.pre + "b" + L)));
    }
    std::printf("  linnerud, 3 outputs: loss_curve_ max rel %.2e, weights max mixed %.2e\n", loss_err, w_err);
    CHECK_MSG(reg.fit.n_iter_ == static_cast<int>(g.scalar(k.pre + "n_iter_")), "n_iter_ exact");
    CHECK_MSG(loss_err <= 1e-12, "loss_curve_ within 1e-12 relative, got " + mlfs_test::num(loss_err));
    CHECK_MSG(w_err <= 1e-9, "weights within 1e-9 max(|w|, 1), got " + mlfs_test::num(w_err));
    CHECK(mlp_predict(reg, k.X).cols() == 3);
}

// A learning rate that blows up ends with NumericalError naming the epoch and the rate, not NaN weights
TEST_CASE(mlp_divergence_is_loud) {
    Case k = load_case(8);  // diabetes tanh sgd
    k.opt.learning_rate = LearningRate::constant;
    k.opt.activation = Activation::identity;
    k.opt.learning_rate_init = 1e3;
    CHECK_THROWS(mlp_fit(k.X, k.Y, k.output, k.opt), NumericalError, "learning rate 1e+03");
    CHECK_THROWS(mlp_fit(k.X, k.Y, k.output, k.opt), NumericalError, "epoch 1");
}

// A finite divergence (derivation section 8): the loss grows geometrically but stays finite for
// many epochs (sklearn reaches 3.7e293 after 200 epochs and returns). mlp_fit stops at the first
// epoch whose loss exceeds 1e6 x the starting loss, naming the epoch, the loss and the rate;
// lr 1.2 oscillates (up to 1.64 x) and recovers, and must run its 200 epochs untouched.
TEST_CASE(mlp_finite_divergence_is_reported) {
    Case k = load_case(8);  // diabetes, X and y z-scored
    MLPOptions& o = k.opt;
    o.hidden_layer_sizes = {10};
    o.activation = Activation::tanh;
    o.learning_rate = LearningRate::constant;
    o.momentum = 0.0;
    o.batch_size = k.X.rows();
    o.max_iter = 200;
    o.n_iter_no_change = 1000;
    o.tol = 0.0;
    o.random_state = 0;
    o.init_coefs.clear();
    o.init_intercepts.clear();
    o.learning_rate_init = 2.0;
    CHECK_THROWS(mlp_fit(k.X, k.Y, k.output, o), NumericalError, "diverged in epoch 8: the loss 4.82e+06");
    CHECK_THROWS(mlp_fit(k.X, k.Y, k.output, o), NumericalError, "1e+06 times the starting loss 0.66");
    CHECK_THROWS(mlp_fit(k.X, k.Y, k.output, o), NumericalError, "(learning rate 2)");
    o.learning_rate_init = 1.2;
    const MLPFit fit = mlp_fit(k.X, k.Y, k.output, o);
    CHECK(fit.n_iter_ == 200);
    CHECK(*std::max_element(fit.loss_curve_.begin(), fit.loss_curve_.end()) > 1.5 * fit.loss_curve_.front());
}

TEST_CASE(mlp_bad_input) {
    Case k = load_case(0);
    MLPOptions o = k.opt;
    o.max_iter = 0;
    CHECK_THROWS(mlp_fit(k.X, k.Y, k.output, o), std::invalid_argument, "max_iter");
    o = k.opt;
    o.init_coefs.pop_back();
    CHECK_THROWS(mlp_fit(k.X, k.Y, k.output, o), ShapeError, "layers");
    CHECK_THROWS(mlp_fit(k.X, Matrix(3, 1), k.output, k.opt), ShapeError, "one target row per sample");
    CHECK_THROWS(mlp_classifier_fit(k.X, std::vector<int>(k.X.rows(), 1), k.opt), std::invalid_argument, "distinct");
    o = k.opt;
    o.batch_size = 100000;  // clipped to N, as sklearn (which warns)
    o.max_iter = 1;
    CHECK(mlp_fit(k.X, k.Y, k.output, o).batch_size == k.X.rows());
    std::vector<int> y(k.X.rows());
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<int>(i % 3);
    const MLPClassifier clf = mlp_classifier_fit(k.X, y, o);
    CHECK_THROWS(mlp_predict_proba(clf, Matrix(2, 3)), ShapeError, "takes 4 features");
}

// (NN.14) the smallest network is an input and an output layer (one weight matrix), and any layer of
// 0 units is refused, whichever side of a weight matrix it is on
TEST_CASE(init_network_sizes) {
    RandomState rs(0);
    const Network net = init_network({3, 1}, Activation::relu, OutputKind::identity, rs);
    CHECK(net.n_layers() == 1 && net.coefs_[0].rows() == 3 && net.coefs_[0].cols() == 1);
    CHECK_THROWS(init_network({3}, Activation::relu, OutputKind::identity, rs), std::invalid_argument,
                 "at least an input and an output layer");
    CHECK_THROWS(init_network({3, 0, 1}, Activation::relu, OutputKind::identity, rs), std::invalid_argument,
                 "a layer has 0 units");
    CHECK_THROWS(init_network({0, 2}, Activation::relu, OutputKind::identity, rs), std::invalid_argument,
                 "a layer has 0 units");
    CHECK_THROWS(init_network({2, 0}, Activation::relu, OutputKind::identity, rs), std::invalid_argument,
                 "a layer has 0 units");
}

TEST_MAIN()

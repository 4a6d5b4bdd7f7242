// SPDX-License-Identifier: MIT
// The figures of the MLP case study (studies/mlp.cpp): the misclassified digits as thumbnails,
// the moons decision boundary, and four ways training fails: vanishing gradients in a deep
// logistic network, dead ReLUs under a large learning rate, divergence (loss per epoch by learning
// rate, where mlp_fit stops it), and over-fitting.
// Legend: N samples, D features, L weight layers, H units per hidden layer.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "io/csv.hpp"
#include "io/golden.hpp"
#include "io/svg.hpp"
#include "io/svg_shapes.hpp"
#include "studies/mlp.hpp"

namespace mlfs {

namespace {

// Rows [start, stop) of M.
Matrix rows_of(const Matrix& M, std::size_t start, std::size_t stop) {
    Matrix B(stop - start, M.cols());
    for (std::size_t i = start; i < stop; ++i)
        for (std::size_t j = 0; j < M.cols(); ++j) B(i - start, j) = M(i, j);
    return B;
}

Vector one_to(std::size_t n) {
    Vector x;
    for (std::size_t i = 1; i <= n; ++i) x.push_back(static_cast<double>(i));
    return x;
}

// One epoch of plain SGD (momentum 0, no shuffle) from the given weights. The optimizer then has
// no state, so chaining these one-epoch fits is exactly one fit of many epochs, and the caller can
// look at the network after every epoch.
Network sgd_epoch(const Network& net, const Matrix& X, const Matrix& Y, double lr, std::size_t batch) {
    MLPOptions o;
    o.solver = Solver::sgd;
    o.momentum = 0.0;
    o.shuffle = false;
    o.learning_rate_init = lr;
    o.batch_size = batch;
    o.max_iter = 1;
    o.activation = net.hidden;
    o.hidden_layer_sizes.clear();
    for (std::size_t l = 0; l + 1 < net.n_layers(); ++l) o.hidden_layer_sizes.push_back(net.coefs_[l].cols());
    o.init_coefs = net.coefs_;
    o.init_intercepts = net.intercepts_;
    return mlp_fit(X, Y, net.output, o).net;
}

Network fresh(const std::vector<std::size_t>& units, Activation act, std::uint32_t seed) {
    RandomState rs(seed);
    return init_network(units, act, OutputKind::softmax, rs);
}

// (NN.14) initial weights, (NN.5)-(NN.7) backprop: ||dW_l||_F of one backprop on the first 200 training digits, 6 hidden layers of 16.
void vanishing(const DigitsSplit& d, const std::string& out_dir) {
    const Matrix X = rows_of(d.X_train, 0, 200);
    const Matrix Y =
        encode_labels(std::vector<int>(d.y_train.begin(), d.y_train.begin() + 200), {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    const std::vector<std::size_t> units{64, 16, 16, 16, 16, 16, 16, 10};
    Plot plot("vanishing gradients: ||dW_l|| per layer at the start, 6 hidden layers of 16", "layer l (1 = input side)",
              "||dW_l||_F (log scale)");
    plot.set_log_y(true);
    std::string line;
    for (Activation act : {Activation::logistic, Activation::tanh, Activation::relu}) {
        Gradients g;
        backprop(fresh(units, act, 0), X, Y, 1e-4, g);  // (NN.4-NN.7)
        Vector norms;
        for (const Matrix& dW : g.dW) norms.push_back(frobenius_norm(dW));
        plot.add_line(activation_name(act), one_to(norms.size()), norms);
        char buf[120];
        std::snprintf(buf, sizeof buf, "%s%s %.1e / %.1e (last / first %.0f)", line.empty() ? "" : "; ",
                      activation_name(act), norms.front(), norms.back(), norms.back() / norms.front());
        line += buf;
    }
    plot.set_caption("The gradient norm ||dW_l|| of each layer of a fresh 6-hidden-layer network, for three "
                     "activations. With the logistic it shrinks by a factor of about 3e4 from the output side to "
                     "the input side, so the first layers barely learn; with tanh and relu it stays level.");
    plot.save(out_dir + "/mlp_vanishing.svg");
    std::printf(
        "vanishing gradients (mlp_vanishing.svg): ||dW_1|| / ||dW_7|| at the start (input side / output side): %s\n",
        line.c_str());
}

// Hidden units whose activation is 0 on every training sample, per layer, after each epoch of SGD.
void dead_relus(const DigitsSplit& d, const std::string& out_dir) {
    const Matrix X = rows_of(d.X_train, 0, 500);
    const Matrix Y =
        encode_labels(std::vector<int>(d.y_train.begin(), d.y_train.begin() + 500), {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    const double lr = 1.0;
    const int epochs = 20;
    Network net = fresh({64, 32, 32, 32, 10}, Activation::relu, 0);
    std::vector<Vector> dead(3);
    for (int e = 0; e <= epochs; ++e) {
        if (e > 0) net = sgd_epoch(net, X, Y, lr, 32);
        const std::vector<Matrix> A = forward(net, X);  // A[1..3] hidden, N x 32
        for (std::size_t l = 1; l <= 3; ++l) {
            double n_dead = 0.0;
            for (std::size_t j = 0; j < A[l].cols(); ++j) {
                bool zero = true;
                for (std::size_t i = 0; i < A[l].rows() && zero; ++i) zero = A[l](i, j) == 0.0;
                n_dead += zero;
            }
            dead[l - 1].push_back(n_dead);
        }
    }
    Vector ep;
    for (int e = 0; e <= epochs; ++e) ep.push_back(e);
    Plot plot("dead ReLUs: units that output 0 on all 500 samples, SGD lr 1 (3 hidden layers of 32)", "epoch",
              "dead units (of 32)");
    for (std::size_t l = 0; l < 3; ++l) plot.add_line("hidden layer " + std::to_string(l + 1), ep, dead[l]);
    plot.set_caption("How many of each hidden layer's 32 ReLU units output 0 on every one of 500 training digits, "
                     "epoch by epoch, under SGD with learning rate 1. A dead unit's gradient is 0, so it does not "
                     "come back: the counts climb, and the last layer ends with every unit dead.");
    plot.save(out_dir + "/mlp_dead_relu.svg");
    std::printf("dead ReLUs (mlp_dead_relu.svg): SGD lr %g, batch 32: dead units per layer at epoch 0: %g, %g, %g; "
                "epoch %d: %g, %g, %g (of 32)\n",
                lr, dead[0].front(), dead[1].front(), dead[2].front(), epochs, dead[0].back(), dead[1].back(),
                dead[2].back());
}

// A learning rate that is far too large: the library's NumericalError, shown as it is.
void divergence_message(const DigitsSplit& d) {
    MLPOptions o;
    o.hidden_layer_sizes = {32};
    o.solver = Solver::sgd;
    o.learning_rate_init = 30.0;
    o.max_iter = 20;
    Matrix Y(d.X_train.rows(), 1);
    for (std::size_t i = 0; i < Y.rows(); ++i) Y(i, 0) = d.y_train[i];  // the digit as a number: regression
    try {
        const MLPRegressor reg = mlp_regressor_fit(d.X_train, Y, o);
        std::printf("divergence: lr %g did not diverge (final loss %g)\n", o.learning_rate_init,
                    reg.fit.loss_curve_.back());
    } catch (const NumericalError& e) {
        std::printf("divergence: MLPRegressor(hidden 32, sgd, lr %g) on the digit values: NumericalError: %s\n",
                    o.learning_rate_init, e.what());
    }
}

// datasets/diabetes.csv, every column z-scored (population std): X is 442 x 10, y the last column.
void load_diabetes_z(Matrix& X, Matrix& Y) {
    const Table t = read_csv(mlfs::repo_root() + "/datasets/diabetes.csv");
    const std::size_t N = t.X.rows(), D = t.X.cols() - 1;
    X = Matrix(N, D);
    Y = Matrix(N, 1);
    for (std::size_t j = 0; j <= D; ++j) {
        double mean = 0.0, ss = 0.0;
        for (std::size_t i = 0; i < N; ++i) mean += t.X(i, j);
        mean /= static_cast<double>(N);
        for (std::size_t i = 0; i < N; ++i) ss += (t.X(i, j) - mean) * (t.X(i, j) - mean);
        const double sd = std::sqrt(ss / static_cast<double>(N));
        for (std::size_t i = 0; i < N; ++i) (j < D ? X(i, j) : Y(i, 0)) = (t.X(i, j) - mean) / sd;
    }
}

// Loss per epoch for three learning rates (diabetes, 10 tanh units, full-batch SGD without
// momentum, 200 epochs): one converges, one oscillates and settles, one diverges and is stopped
// by mlp_fit's rule (an epoch loss above 1e6 x the starting loss); the stop is marked.
void divergence(const std::string& out_dir) {
    Matrix X, Y;
    load_diabetes_z(X, Y);
    Plot plot("divergence: diabetes, 10 tanh units, full-batch SGD, loss per epoch by learning rate", "epoch",
              "loss (log scale)");
    plot.set_log_y(true);
    plot.set_caption("The training loss after each epoch for three learning rates: 0.3 falls smoothly, 1.2 jumps and "
                     "then settles, 2.0 grows by a roughly constant factor per epoch (a straight line on the log axis) "
                     "until mlp_fit stops it as diverged (the cross: loss above 1e6 times the starting loss).");
    std::string line;
    for (double lr : {0.3, 1.2, 2.0}) {
        MLPOptions o;
        o.hidden_layer_sizes = {10};
        o.activation = Activation::tanh;
        o.solver = Solver::sgd;
        o.momentum = 0.0;
        o.learning_rate_init = lr;
        o.batch_size = X.rows();
        o.max_iter = 200;
        o.tol = 0.0;
        o.n_iter_no_change = 1000;  // exactly 200 epochs unless stopped
        o.shuffle = false;
        Vector curve;
        o.on_epoch = [&curve](int, double loss) { curve.push_back(loss); };  // sees the diverging epoch too
        char buf[200];
        bool stopped = false;
        try {
            mlp_regressor_fit(X, Y, o);
            std::snprintf(buf, sizeof buf, "lr %g: %zu epochs, final loss %.4f", lr, curve.size(), curve.back());
        } catch (const NumericalError&) {
            stopped = true;
            std::snprintf(buf, sizeof buf, "lr %g: stopped in epoch %zu at loss %.3g", lr, curve.size(), curve.back());
        }
        plot.add_line("lr " + tick_label(lr, 0.1), one_to(curve.size()), curve);
        if (stopped)
            plot.add_markers("lr " + tick_label(lr, 0.1) + " stopped (diverged)", {static_cast<double>(curve.size())},
                             {curve.back()});
        line += (line.empty() ? "" : "; ") + std::string(buf);
    }
    plot.save(out_dir + "/mlp_divergence.svg");
    std::printf("divergence (mlp_divergence.svg): %s\n", line.c_str());
}

// Train vs test log-loss after each epoch: 100 training digits, a wide network, no penalty.
void overfitting(const DigitsSplit& d, const std::string& out_dir) {
    const std::size_t n = 100;
    const std::vector<int> classes{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const Matrix X = rows_of(d.X_train, 0, n);
    const Matrix Y = encode_labels(std::vector<int>(d.y_train.begin(), d.y_train.begin() + n), classes);
    const Matrix Yt = encode_labels(d.y_test, classes);
    const int epochs = 150;
    Network net = fresh({64, 128, 10}, Activation::relu, 0);
    Vector train, test;
    for (int e = 1; e <= epochs; ++e) {
        net = sgd_epoch(net, X, Y, 0.1, 10);
        train.push_back(data_loss(net.output, forward(net, X).back(), Y));  // (NN.3)
        test.push_back(data_loss(net.output, forward(net, d.X_test).back(), Yt));
    }
    const std::size_t best = static_cast<std::size_t>(std::min_element(test.begin(), test.end()) - test.begin());
    Plot plot("over-fitting: 100 training digits, 64 -> 128 relu -> 10, SGD lr 0.1", "epoch", "log-loss (log scale)");
    plot.set_log_y(true);
    plot.add_line("train (100 images)", one_to(train.size()), train);
    plot.add_line("test (360 images)", one_to(test.size()), test);
    plot.set_caption("Training and test log-loss of a 128-unit network trained on only 100 digits. The training "
                     "loss keeps falling towards 0 while the test loss bottoms out (here near epoch 46) and then "
                     "rises: the network memorises its training set.");
    plot.save(out_dir + "/mlp_overfitting.svg");
    std::printf("over-fitting (mlp_overfitting.svg): test loss lowest %.4f at epoch %zu, then %.4f at epoch %d "
                "while the train loss falls to %.2e\n",
                test[best], best + 1, test.back(), epochs, train.back());
}

// The predicted class of each grid cell as a pale square, the samples on top as dark dots. grid is
// G^2 x 2 (cell centres, x varying slowest), X is N x 2. Drawn by hand (io/svg_shapes.hpp): Plot has
// no filled cells.
void write_boundary_svg(const std::string& path, const std::string& title, const Matrix& grid,
                        const std::vector<int>& region, const Matrix& X, const std::vector<int>& y, std::size_t G) {
    const char* pale[2] = {"#cfe3f2", "#fbe3b0"};
    const char* dark[2] = {"#0072B2", "#D55E00"};
    const double left = 40, top = 50, size = 480;
    const double x0 = grid(0, 0), y0 = grid(0, 1), step_x = grid(G, 0) - grid(0, 0), step_y = grid(1, 1) - grid(0, 1);
    auto px = [&](double x) { return left + (x - x0 + step_x / 2) / (step_x * G) * size; };
    auto py = [&](double v) { return top + size - (v - y0 + step_y / 2) / (step_y * G) * size; };
    std::string s = svg_open(800, 560) +
                    svg_title_and_desc(title,
                                       "The class the network predicts on a grid over the two moons (pale "
                                       "squares), with the training samples on top. The boundary bends to follow "
                                       "the moons, which no straight cut can do.") +
                    svg_background() + "\n" + svg_text(40, 30, 16, title) + "\n";
    const double cw = size / static_cast<double>(G);
    for (std::size_t k = 0; k < region.size(); ++k)
        s += svg_rect(px(grid(k, 0)) - cw / 2, py(grid(k, 1)) - cw / 2, cw + 0.3, cw + 0.3, pale[region[k] == 1], 2) +
             "\n";
    for (std::size_t i = 0; i < X.rows(); ++i) s += svg_circle(px(X(i, 0)), py(X(i, 1)), 3, dark[y[i] == 1], 2) + "\n";
    for (int c = 0; c < 2; ++c)
        s += svg_rect(560, 70 + 24 * c, 14, 14, pale[c]) + svg_circle(567, 77 + 24 * c, 3, dark[c]) +
             svg_text(582, 82 + 24 * c, 13, "moon " + std::to_string(c) + ": predicted region, samples") + "\n";
    char range[160];
    std::snprintf(range, sizeof range, "x0 from %.2f to %.2f", x0 - step_x / 2, x0 + step_x * (G - 0.5));
    s += svg_text(560, 140, 13, range) + "\n";
    std::snprintf(range, sizeof range, "x1 from %.2f to %.2f", y0 - step_y / 2, y0 + step_y * (G - 0.5));
    s += svg_text(560, 160, 13, range) + "\n";
    save_svg(path, s + svg_close());
}

}  // namespace

DigitsSplit load_digits_split(std::size_t n_train) {
    const Table t = read_csv(mlfs::repo_root() + "/datasets/digits.csv");
    const std::size_t target = column_index(t, "digit");
    std::vector<std::string> pixels;
    for (const std::string& n : t.names)
        if (n != "digit") pixels.push_back(n);
    Matrix X = select_columns(t, pixels).X;  // N x 64
    for (double& v : X.data()) v /= 16.0;
    if (n_train >= X.rows()) throw std::invalid_argument("digits: n_train " + std::to_string(n_train) + " >= N");
    DigitsSplit d;
    d.X_train = rows_of(X, 0, n_train);
    d.X_test = rows_of(X, n_train, X.rows());
    for (std::size_t i = 0; i < X.rows(); ++i)
        (i < n_train ? d.y_train : d.y_test).push_back(static_cast<int>(t.X(i, target)));
    return d;
}

void write_misclassified_svg(const std::string& path, const std::string& title, const Matrix& X,
                             const std::vector<int>& truth, const std::vector<int>& predicted) {
    const int cell = 6, thumb = 8 * cell, gap = 22, per_row = 11, top = 40, left = 16;
    std::vector<std::size_t> wrong;
    for (std::size_t i = 0; i < truth.size(); ++i)
        if (truth[i] != predicted[i]) wrong.push_back(i);
    const int rows = std::max<int>(1, static_cast<int>((wrong.size() + per_row - 1) / per_row));
    const int width = left * 2 + per_row * (thumb + gap), height = top + rows * (thumb + gap + 4) + 10;
    std::string s = svg_open(width, height) + svg_background() + "\n" +
                    svg_title_and_desc(title, "Every test digit the network gets wrong, drawn from its 8x8 pixels and "
                                              "labelled true->predicted. The errors cluster: ones written with a flag "
                                              "are read as 9, threes as 5 or 8.") +
                    svg_text(left, 24, 16, title) + "\n";
    for (std::size_t k = 0; k < wrong.size(); ++k) {
        const int x0 = left + static_cast<int>(k % per_row) * (thumb + gap),
                  y0 = top + static_cast<int>(k / per_row) * (thumb + gap + 4);
        for (int p = 0; p < 64; ++p) {
            const int grey = static_cast<int>(
                std::lround(255.0 * (1.0 - std::clamp(X(wrong[k], static_cast<std::size_t>(p)), 0.0, 1.0))));
            const std::string g = std::to_string(grey);
            s += svg_rect(x0 + (p % 8) * cell, y0 + (p / 8) * cell, cell, cell, "rgb(" + g + "," + g + "," + g + ")") +
                 "\n";
        }
        s += svg_rect(x0, y0, thumb, thumb, "none", 0, "#999") + "\n" +
             svg_text(x0 + thumb / 2, y0 + thumb + 15, 13,
                      std::to_string(truth[wrong[k]]) + "→" + std::to_string(predicted[wrong[k]]), 0, "middle") +
             "\n";
    }
    save_svg(path, s + svg_close());
}

void run_moons_boundary(const std::string& out_dir) {
    const Table t = read_csv(mlfs::repo_root() + "/datasets/moons.csv");
    const Matrix X = select_columns(t, {"x0", "x1"}).X;  // N x 2
    std::vector<int> y;
    for (double v : t.X.col(column_index(t, "moon"))) y.push_back(static_cast<int>(v));
    MLPOptions o;
    o.hidden_layer_sizes = {16};
    o.activation = Activation::tanh;
    o.learning_rate_init = 0.01;
    o.max_iter = 300;
    const MLPClassifier clf = mlp_classifier_fit(X, y, o);
    double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t j = 0; j < 2; ++j) lo[j] = std::min(lo[j], X(i, j)), hi[j] = std::max(hi[j], X(i, j));
    const std::size_t G = 60;
    Matrix grid(G * G, 2);
    for (std::size_t a = 0; a < G; ++a)
        for (std::size_t b = 0; b < G; ++b) {
            grid(a * G + b, 0) = lo[0] - 0.3 + (hi[0] - lo[0] + 0.6) * (static_cast<double>(a) + 0.5) / G;
            grid(a * G + b, 1) = lo[1] - 0.3 + (hi[1] - lo[1] + 0.6) * (static_cast<double>(b) + 0.5) / G;
        }
    const std::vector<int> region = mlp_predict(clf, grid);
    write_boundary_svg(out_dir + "/mlp_moons_boundary.svg",
                       "moons: MLP 2 -> 16 tanh -> 1 (adam, lr 0.01), predicted class on a 60 x 60 grid", grid, region,
                       X, y, G);
    std::printf("moons boundary (mlp_moons_boundary.svg): %d epochs, final loss %.4f, training accuracy %.4f\n",
                clf.fit.n_iter_, clf.fit.loss_curve_.back(), mlp_score(clf, X, y));
}

void run_mlp_failure_figures(const std::string& out_dir) {
    std::printf("-- How training fails --\n\n");
    const DigitsSplit d = load_digits_split(1437);
    vanishing(d, out_dir);
    dead_relus(d, out_dir);
    divergence_message(d);
    divergence(out_dir);
    overfitting(d, out_dir);
    std::printf("\n");
}

}  // namespace mlfs

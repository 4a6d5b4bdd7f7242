// SPDX-License-Identifier: MIT
// `mlfs mlp` / `mlfs tour`, the multi-layer perceptron (algorithms/mlp.hpp): digits trained as
// scikit-learn 1.2.1's MLPClassifier(hidden_layer_sizes=(32,), solver='adam', batch_size=64,
// max_iter=40, random_state=0) trains them (tests/golden/mlp_digits.txt): the loss curve, n_iter_,
// the test predictions and accuracy; a confusion matrix and the misclassified digits; then the
// moons decision boundary and the failure-mode figures (studies/mlp_plots.cpp).
// Legend: N samples, D = 64 pixels, K = 10 classes.
#include "studies/mlp.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "io/golden.hpp"
#include "io/svg.hpp"

namespace mlfs {

namespace {

// Same data, same batches, same permutations, same order of every sum as sklearn: the MLP tests
// (tests/test_mlp.cpp) agree to ~1e-15; 40 epochs of Adam can amplify rounding, 1e-10 leaves room.
const double kLossRtol = 1e-10;

// The settings of goldens_mlp.DIGITS_PARAMS (sklearn's defaults for everything else).
MLPOptions digits_options(std::uint32_t seed) {
    MLPOptions o;
    o.hidden_layer_sizes = {32};
    o.activation = Activation::relu;
    o.solver = Solver::adam;
    o.learning_rate_init = 1e-3;
    o.batch_size = 64;
    o.max_iter = 40;
    o.shuffle = true;
    o.random_state = seed;
    return o;
}

Vector one_to(std::size_t n) {
    Vector x;
    for (std::size_t i = 1; i <= n; ++i) x.push_back(static_cast<double>(i));
    return x;
}

// Every 5th epoch of the two loss curves; returns max rel diff over all epochs (NaN if lengths differ).
double print_curves(const Vector& ours, const Vector& ref) {
    std::printf("%6s %22s %22s %10s\n", "epoch", "ours", "sklearn", "rel diff");
    double worst = ours.size() == ref.size() ? 0.0 : std::nan("");
    for (std::size_t e = 0; e < std::min(ours.size(), ref.size()); ++e) {
        const double d = std::fabs(ours[e] - ref[e]) / std::fabs(ref[e]);
        if (!(d <= worst)) worst = d;
        if (e == 0 || (e + 1) % 5 == 0) std::printf("%6zu %22.17g %22.17g %10.2e\n", e + 1, ours[e], ref[e], d);
    }
    return worst;
}

void print_confusion(const std::vector<int>& truth, const std::vector<int>& pred) {
    int C[10][10] = {};
    for (std::size_t i = 0; i < truth.size(); ++i)
        if (truth[i] >= 0 && truth[i] < 10 && pred[i] >= 0 && pred[i] < 10) ++C[truth[i]][pred[i]];
    std::printf("confusion matrix (rows: true digit, columns: predicted):\n      ");
    for (int k = 0; k < 10; ++k) std::printf("%4d", k);
    std::printf("\n");
    for (int t = 0; t < 10; ++t) {
        std::printf("  %d : ", t);
        for (int k = 0; k < 10; ++k) std::printf("%4d", C[t][k]);
        std::printf("\n");
    }
}

void digits_section(const std::string& out_dir, Summary& summary) {
    const mlfs::Golden g("mlp_digits.txt");
    const std::size_t n_train = static_cast<std::size_t>(g.scalar("digits.n_train"));
    const DigitsSplit d = load_digits_split(n_train);
    MLPOptions opt = digits_options(static_cast<std::uint32_t>(g.scalar("digits.seed")));
    const auto t0 = std::chrono::steady_clock::now();
    opt.on_epoch = [t0](int epoch, double loss) {  // progress on stderr: epoch, loss, elapsed
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "digits: epoch %3d  loss %.10g  elapsed %.3f s\n", epoch, loss, elapsed);
    };
    const MLPClassifier clf = mlp_classifier_fit(d.X_train, d.y_train, opt);
    const std::vector<int> pred = mlp_predict(clf, d.X_test);
    const Vector ref_curve = g.vector("digits.loss_curve_"), ref_pred_v = g.vector("digits.test_predictions");
    const int ref_n_iter = static_cast<int>(g.scalar("digits.n_iter_"));
    const double ref_acc = g.scalar("digits.test_accuracy");

    std::printf("-- Digits: %zu train / %zu test images of 8x8 pixels / 16, 10 classes --\n\n"
                "MLP 64 -> 32 relu -> 10 softmax, adam, lr 1e-3, batch 64, %d epochs, shuffle, seed %u;\n"
                "scikit-learn: %s\n\n",
                d.X_train.rows(), d.X_test.rows(), opt.max_iter, opt.random_state, g.call("digits.seed").c_str());
    const double curve_diff = print_curves(clf.fit.loss_curve_, ref_curve);
    std::size_t mismatches = ref_pred_v.size() == pred.size() ? 0 : std::max(ref_pred_v.size(), pred.size());
    std::size_t correct = 0;
    for (std::size_t i = 0; i < pred.size(); ++i) {
        correct += pred[i] == d.y_test[i];
        if (i < ref_pred_v.size()) mismatches += pred[i] != static_cast<int>(ref_pred_v[i]);
    }
    const double acc = static_cast<double>(correct) / static_cast<double>(pred.size());
    std::printf("\nloss_curve_ max rel diff %.2e (tolerance %.0e); n_iter_ %d ours, %d sklearn\n"
                "test accuracy %.6f ours, %.6f sklearn; test predictions that differ: %zu of %zu\n\n",
                curve_diff, kLossRtol, clf.fit.n_iter_, ref_n_iter, acc, ref_acc, mismatches, pred.size());
    print_confusion(d.y_test, pred);

    const std::string p = "digits MLP: ";
    summary.push_back(SummaryRow{p + "loss_curve_, max rel diff", clf.fit.loss_curve_.back(), ref_curve.back(),
                                 curve_diff, kLossRtol, true});
    summary.push_back(SummaryRow{p + "n_iter_", static_cast<double>(clf.fit.n_iter_), static_cast<double>(ref_n_iter),
                                 std::fabs(clf.fit.n_iter_ - ref_n_iter), 0.0, false});
    summary.push_back(SummaryRow{p + "test accuracy", acc, ref_acc, std::fabs(acc - ref_acc), 0.0, false});
    summary.push_back(SummaryRow{p + "test predictions that differ (count)", static_cast<double>(mismatches), 0.0,
                                 static_cast<double>(mismatches), 0.0, false});

    Plot plot("digits: training loss per epoch, ours and scikit-learn's (NN.15)", "epoch", "loss (log scale)");
    plot.set_log_y(true);
    plot.add_line("sklearn loss_curve_", one_to(ref_curve.size()), ref_curve);
    plot.add_scatter("mlfs loss_curve_", one_to(clf.fit.loss_curve_.size()), clf.fit.loss_curve_);
    plot.set_caption("Our loss_curve_ (dots) on scikit-learn's (line), epoch by epoch, on a log axis (NN.15). "
                     "The dots sit on the line: the same initial weights, batches and Adam steps give the same "
                     "losses to about 1e-15.");
    plot.save(out_dir + "/mlp_digits_loss.svg");
    write_misclassified_svg(out_dir + "/mlp_digits_misclassified.svg",
                            "digits: the " + std::to_string(pred.size() - correct) +
                                " misclassified test images, true→predicted",
                            d.X_test, d.y_test, pred);
    std::printf("\nfigures: mlp_digits_loss.svg (both curves), mlp_digits_misclassified.svg (%zu thumbnails)\n\n",
                pred.size() - correct);
}

}  // namespace

void run_mlp_study(const std::string& out_dir, Summary& summary) {
    std::printf("== multi-layer perceptron (algorithms/mlp.hpp) ==\n\n");
    digits_section(out_dir, summary);
    run_moons_boundary(out_dir);
    run_mlp_failure_figures(out_dir);
    std::printf("wrote into %s/: mlp_digits_loss.svg, mlp_digits_misclassified.svg, mlp_moons_boundary.svg,\n"
                "  mlp_vanishing.svg, mlp_dead_relu.svg, mlp_divergence.svg, mlp_overfitting.svg\n",
                out_dir.c_str());
}

}  // namespace mlfs

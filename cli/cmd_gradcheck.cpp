// SPDX-License-Identifier: MIT
// mlfs gradcheck: backprop's gradient (NN.4-NN.7) against central differences (NN.18) on a tiny
// network and a small random data set, both drawn from RandomState(seed): prints the worst
// parameters and the verdict; exit 1 if the check fails. Legend: m samples, D features, K outputs.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "algorithms/gradient_check.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/model_command.hpp"
#include "linalg/format.hpp"

namespace mlfs {

namespace {

const char* const kSummary =
    "Check backprop's gradient against central differences, (J(theta + h) - J(theta - h)) / 2h, for every\n"
    "weight and bias of a tiny network (algorithms/gradient_check.hpp, NN.18).\n\n"
    "The data: m = 7 samples of D = 5 features from RandomState(SEED).standard_normal, then the targets\n"
    "(squared: K = 2 normal columns, identity output; binary: one 0/1 column from randint(2), logistic\n"
    "output; multiclass: 3 classes from randint(3), one-hot, softmax output), then the weights drawn as\n"
    "sklearn draws them (NN.14) from the same stream. Exit 1 unless every parameter has\n"
    "|a - n| <= max(1e-7 max(|a|, |n|), 4 eps J_eps / h), J_eps the rounding scale of J (with relu,\n"
    "parameters whose perturbation crosses a kink are skipped and counted).";

const std::size_t kM = 7, kD = 5;

Activation parse_activation(const std::string& name, const Args& args) {
    for (Activation a : {Activation::identity, Activation::logistic, Activation::tanh, Activation::relu})
        if (name == activation_name(a)) return a;
    args.fail("--activation must be relu, tanh, logistic or identity, not \"" + name + "\"");
}

// Y for the loss: m x 2 normal (squared), m x 1 0/1 (binary), m x 3 one-hot (multiclass).
Matrix draw_targets(OutputKind output, RandomState& rs) {
    const std::size_t K = output == OutputKind::identity ? 2 : output == OutputKind::logistic ? 1 : 3;
    Matrix Y(kM, K);
    for (std::size_t i = 0; i < kM; ++i) {
        if (output == OutputKind::identity)
            for (std::size_t k = 0; k < K; ++k) Y(i, k) = rs.standard_normal();
        else if (output == OutputKind::logistic) Y(i, 0) = static_cast<double>(rs.randint(2));
        else Y(i, static_cast<std::size_t>(rs.randint(3))) = 1.0;
    }
    return Y;
}

}  // namespace

int cmd_gradcheck(int argc, char** argv) {
    Args args("mlfs gradcheck", kSummary);
    args.option("--hidden", "H1,H2,...", "hidden layer sizes, 1 to 64 each (default 4,3)");
    args.option("--activation", "NAME", "tanh (default), logistic, relu or identity");
    args.option("--loss", "NAME", "multiclass (default; softmax + log-loss), binary (logistic + log-loss) or squared");
    args.option("--alpha", "A", "L2 penalty >= 0 (default 0.0001)");
    args.option("--seed", "S", "RandomState seed, 0 to 4294967295 (default 0)");
    if (!args.parse(argc, argv)) return print_help(args);
    const std::vector<std::size_t> hidden = parse_hidden(args.get_or("--hidden", "4,3"), 64, args);
    const Activation act = parse_activation(args.get_or("--activation", "tanh"), args);
    const std::string loss = args.get_or("--loss", "multiclass");
    OutputKind output = OutputKind::softmax;
    if (loss == "squared") output = OutputKind::identity;
    else if (loss == "binary") output = OutputKind::logistic;
    else if (loss != "multiclass") args.fail("--loss must be squared, binary or multiclass, not \"" + loss + "\"");
    const double alpha = args.get_double("--alpha", 1e-4);
    if (!(alpha >= 0.0)) args.fail("--alpha must be >= 0, got " + args.get("--alpha"));
    const long seed = args.get_int("--seed", 0);
    if (seed < 0 || seed > 4294967295L)
        args.fail("--seed must be an integer from 0 to 4294967295, got " + args.get("--seed"));

    RandomState rs(static_cast<std::uint32_t>(seed));
    Matrix X(kM, kD);
    for (double& x : X.data()) x = rs.standard_normal();  // X is m x D
    const Matrix Y = draw_targets(output, rs);
    std::vector<std::size_t> units{kD};
    units.insert(units.end(), hidden.begin(), hidden.end());
    units.push_back(Y.cols());
    const Network net = init_network(units, act, output, rs);  // (NN.14)
    const GradientCheckResult r = gradient_check(net, X, Y, alpha);
    const double J = gradient_check_objective(net, X, Y, alpha);
    if (!std::isfinite(J) || std::isnan(r.max_rel_error) || !std::isfinite(r.max_abs_gradient)) {
        // (NN.8) the L2 penalty (alpha / 2m) ||W||^2, the only term --alpha scales
        double w2 = 0.0;
        for (const Matrix& W : net.coefs_)
            for (double w : W.data()) w2 += w * w;
        const double penalty = 0.5 * alpha * w2 / double(kM);
        std::fprintf(stderr,
                     "mlfs gradcheck: --alpha %s makes the L2 penalty (alpha / 2m) ||W||^2 (NN.8) = %s (||W||^2 = "
                     "%s, m = %zu) and the objective J(theta +- h) of the difference quotients overflow double "
                     "precision (1.8e308): no gradient can be checked; use a smaller --alpha\n",
                     format_exact(alpha).c_str(), format_number(penalty).c_str(), format_number(w2).c_str(), kM);
        return kExitFailure;
    }

    std::string layers;
    for (std::size_t u : units) layers += (layers.empty() ? "" : " -> ") + std::to_string(u);
    std::printf("network %s (%s hidden, %s loss), alpha %g, m = %zu samples, seed %ld\n", layers.c_str(),
                activation_name(act), loss.c_str(), alpha, kM, seed);
    // the objective backprop differentiates: sklearn's loss, but with the squared error summed over the
    // K outputs (K x the data term of NN.3) where sklearn reports its mean (gradient_check.hpp)
    const std::string which = output == OutputKind::identity
                                  ? "K x data loss (NN.3) + L2 (NN.8), K = " + std::to_string(Y.cols())
                                  : "(NN.3) + (NN.8), the loss sklearn reports";
    std::printf("J(theta) = %.17g, %s\n", gradient_check_objective(net, X, Y, alpha), which.c_str());
    std::printf("%zu parameters checked, %zu skipped at relu kinks, max |gradient| %.3e\n\n", r.n_checked,
                r.n_skipped_kinks, r.max_abs_gradient);
    std::printf(
        "rounding bound 4 eps J_eps / h = %.3e; worst parameters (rel = |a - n| / max(|a|, |n|, %.3e), NN.18):\n%s\n",
        r.noise, r.floor, r.describe().c_str());
    std::printf("max rel error %.3e: %s -> %s\n", r.max_rel_error, r.verdict().c_str(),
                r.ok() ? "PASS (< 1e-7)" : "FAIL");
    return r.ok() ? kExitOk : kExitFailure;
}

}  // namespace mlfs

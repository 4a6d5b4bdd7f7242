// SPDX-License-Identifier: MIT
// mlfs mlp: with no data, the digits case study (studies/mlp.cpp); with --data FILE.csv --target
// COLUMN, a multi-layer perceptron fitted to the user's data as scikit-learn 1.2.1's MLPClassifier /
// MLPRegressor(solver='sgd' or 'adam') fits it (algorithms/mlp.hpp, tags NN.1-NN.17): the loss
// curve, n_iter_, the training score, a plot, and --json. Legend: N rows, D features, K outputs.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <new>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "algorithms/mlp.hpp"
#include "cli/args.hpp"
#include "cli/class_labels.hpp"
#include "cli/commands.hpp"
#include "cli/holdout.hpp"
#include "cli/model_command.hpp"
#include "io/csv.hpp"
#include "io/json.hpp"
#include "io/svg.hpp"
#include "studies/mlp.hpp"

namespace mlfs {

namespace {

const char* const kSummary =
    "A multi-layer perceptron trained by SGD or Adam, from scratch, as scikit-learn 1.2.1's MLPClassifier\n"
    "and MLPRegressor.\n\n"
    "Without --data: the case study. Digits (8x8 images, 10 classes) trained beside scikit-learn's loss\n"
    "curve, test accuracy and predictions, a decision boundary on the moons, and the ways training fails\n"
    "(vanishing gradients, dead ReLUs, divergence, over-fitting); figures in --out (default mlfs-mlp)\n"
    "and a summary table; exit 1 if any comparison fails.\n\n"
    "With --data FILE.csv --target COLUMN: trains on every other numeric column, as\n"
    "MLPClassifier/MLPRegressor(hidden_layer_sizes=..., activation=..., solver=..., learning_rate_init=LR,\n"
    "batch_size=..., max_iter=EPOCHS, alpha=..., momentum=..., nesterovs_momentum=..., shuffle=...,\n"
    "tol=..., n_iter_no_change=..., random_state=SEED). --task: classify when the target holds only\n"
    "integers with at most 20 distinct values, or text labels (\"setosa\", classes_ sorted by code point and\n"
    "printed back as text), else regress. Defaults are sklearn's. A progress line\n"
    "per epoch (epoch, loss, elapsed seconds) goes to stderr while training, then the summary.\n"
    "Columns are used as they are: z-score them first if their scales differ.\n\n"
    "--json prints one JSON object and nothing else (not even the progress), numbers with 17\n"
    "significant digits: loss_curve_, n_iter_, coefs_, intercepts_, classes_ (classify), task, and train:\n"
    "accuracy_score, log_loss, confusion_matrix and classification_report (classify, labels=classes_) or\n"
    "r2_score, mean_squared_error and mean_absolute_error (regress), as sklearn.metrics computes them.\n\n"
    "Held-out rows: --test-size F [--split-seed S] [--stratify] fits on the rows train_test_split(test_size=F,\n"
    "random_state=S[, stratify=y]) keeps for training, and --test FILE.csv fits on all of --data and tests on\n"
    "FILE's rows (a class the fit never saw is an error); --json adds test and split (n_train, n_test, and\n"
    "for --test-size train_index and test_index, the data rows counted from 0).";

const std::size_t kMaxClasses = 20;

Args make_args() {
    Args args("mlfs mlp", kSummary);
    args.option("--data", "FILE.csv", "a CSV file with a header row; text columns that are not used are skipped");
    args.option("--target", "COLUMN", "the column to predict (required with --data)");
    args.option("--task", "NAME", "classify or regress (default: see above)");
    args.option("--hidden", "H1,H2,...", "hidden layer sizes, each >= 1 (default 100)");
    args.option("--activation", "NAME", "relu (default), tanh, logistic or identity");
    args.option("--solver", "NAME", "adam (default) or sgd");
    args.option("--lr", "X", "learning_rate_init > 0 (default 0.001)");
    args.option("--batch-size", "N", "samples per batch >= 1 (default auto = min(200, N))");
    args.option("--epochs", "N", "max_iter: at most N epochs (default 200)");
    args.option("--alpha", "A", "L2 penalty >= 0 (default 0.0001)");
    args.option("--momentum", "M", "sgd momentum in [0, 1] (default 0.9)");
    args.flag("--nesterov", "sgd: Nesterov's momentum (the default, as sklearn's nesterovs_momentum=True)");
    args.flag("--no-nesterov", "sgd: plain momentum");
    args.flag("--no-shuffle", "keep the row order in every epoch (default: shuffle)");
    args.option("--tol", "T", "stop after n_iter_no_change epochs without improving the loss by T (default 1e-4)");
    args.option("--n-iter-no-change", "N", "see --tol (default 10)");
    args.option("--seed", "S", "random_state, 0 to 4294967295 (default 0)");
    args.option("--threads", "N",
                "threads for the products, 0 = all hardware threads (default 0); same numbers for every N");
    add_holdout_options(args, true);
    add_save_option(args);
    args.option("--out", "DIR", kOutHelp);
    args.flag("--json", "print the fit as one JSON object on stdout (see above)");
    return args;
}

struct Request {
    std::string data, target, task;  // task: "classify", "regress" or "" (decide from the target)
    MLPOptions opt;
    bool json = false;
    Holdout holdout;  // --test, --test-size, --split-seed, --stratify
};

int int_option(const Args& args, const std::string& name, int fallback, int lo) {
    const long v = args.get_int(name, fallback);
    if (v < lo || v > INT_MAX)
        args.fail(name + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(INT_MAX) +
                  ", got " + args.get(name));
    return static_cast<int>(v);
}

// Reads and cross-checks the options of the --data mode; every mistake is a UsageError (exit 2).
Request read_request(const Args& args) {
    Request r;
    MLPOptions& o = r.opt;
    r.data = args.get("--data");
    if (!args.has("--target")) args.fail("--data needs --target COLUMN, the column to predict");
    r.target = args.get("--target");
    r.task = args.get_or("--task", "");
    if (!r.task.empty() && r.task != "classify" && r.task != "regress")
        args.fail("--task must be classify or regress, not \"" + r.task + "\"");
    if (args.has("--hidden")) o.hidden_layer_sizes = parse_hidden(args.get("--hidden"), 100000, args);
    const std::string act = args.get_or("--activation", "relu");
    if (act == "relu") o.activation = Activation::relu;
    else if (act == "tanh") o.activation = Activation::tanh;
    else if (act == "logistic") o.activation = Activation::logistic;
    else if (act == "identity") o.activation = Activation::identity;
    else args.fail("--activation must be relu, tanh, logistic or identity, not \"" + act + "\"");
    const std::string solver = args.get_or("--solver", "adam");
    if (solver == "adam") o.solver = Solver::adam;
    else if (solver == "sgd") o.solver = Solver::sgd;
    else args.fail("--solver must be adam or sgd, not \"" + solver + "\"");
    o.learning_rate_init = args.get_double("--lr", o.learning_rate_init);
    if (!(o.learning_rate_init > 0.0) || !std::isfinite(o.learning_rate_init))
        args.fail("--lr must be > 0, got " + args.get("--lr"));
    if (args.has("--batch-size")) o.batch_size = static_cast<std::size_t>(int_option(args, "--batch-size", 0, 1));
    o.max_iter = int_option(args, "--epochs", o.max_iter, 1);
    o.alpha = args.get_double("--alpha", o.alpha);
    if (!(o.alpha >= 0.0)) args.fail("--alpha must be >= 0, got " + args.get("--alpha"));
    o.momentum = args.get_double("--momentum", o.momentum);
    if (!(o.momentum >= 0.0 && o.momentum <= 1.0))
        args.fail("--momentum must be in [0, 1], got " + args.get("--momentum"));
    if (args.has("--nesterov") && args.has("--no-nesterov"))
        args.fail("--nesterov and --no-nesterov contradict each other");
    o.nesterovs_momentum = !args.has("--no-nesterov");
    o.shuffle = !args.has("--no-shuffle");
    o.tol = args.get_double("--tol", o.tol);
    if (!(o.tol >= 0.0)) args.fail("--tol must be >= 0, got " + args.get("--tol"));
    o.n_iter_no_change = int_option(args, "--n-iter-no-change", o.n_iter_no_change, 1);
    const long seed = args.get_int("--seed", 0);
    if (seed < 0 || seed > 4294967295L)
        args.fail("--seed must be an integer from 0 to 4294967295, got " + args.get("--seed"));
    o.random_state = static_cast<std::uint32_t>(seed);
    o.threads = read_threads(args);
    r.json = args.has("--json");
    r.holdout = read_holdout(args, true);
    return r;
}

struct Problem {
    Matrix X, Y;                     // N x D features; N x 1 target column
    std::vector<std::string> names;  // D feature names
    std::vector<int> labels;         // classify: the target as integers (text labels: their class indices)
    bool classify = false;
    std::vector<std::string> cells;  // the target's cells as the file has them
    ClassLabels classes;             // classify: the classes of cells, and whether they are text
};

// The rows of `file`: the features (every numeric column but the target, text columns skipped with a
// note on stderr; or exactly `features`, for a --test file) and the target, read as text: numbers,
// or class labels written as text (cli/class_labels.hpp), which make a classifier. The task comes from
// --task or the rule of kSummary, or is `task` ("classify" or "regress") as the training rows decided
// it, whose classes `known` are then the classes a test row may have. Data errors throw.
Problem load(const Request& r, const std::string& file, const std::vector<std::string>& features,
             const std::string& task, const ClassLabels* known) {
    CsvColumns wanted;
    wanted.names = features;
    wanted.text = r.target;
    CsvOptions options;
    if (!r.json) options.progress = progress_on_stderr(file);  // only for a read of a second or more
    const Table t = read_csv_columns(file, wanted, options);
    const std::string note = skipped_text_note(t);
    if (!note.empty()) std::fprintf(stderr, "mlfs mlp: note: %s\n", note.c_str());
    Problem p;
    p.names = t.names;
    if (p.names.empty())
        throw CsvError(file + ": the target \"" + r.target + "\" is the only column; no features left");
    p.X = t.X;
    p.cells = t.text;
    // (NN.2) each unit sums D products x_ij w_jk over the N rows' batches, and the weights' decay and
    // the loss sum squares of them: the bounds of linreg and kmeans, for N D terms
    require_representable_columns(file, p.X, p.names, double(p.X.rows()) * double(p.X.cols()), "weighted sums");
    const std::size_t N = p.cells.size();
    if (known && task == "classify") {  // a --test file's labels, among the training rows' classes
        const Labels k = label_indices(p.cells, *known, file, nullptr);
        for (std::size_t i = 0; i < N; ++i)
            p.labels.push_back(known->numeric ? static_cast<int>(known->values[k[i]]) : static_cast<int>(k[i]));
        p.classes = *known;
        p.classify = true;
        p.Y = Matrix(N, 1);
        return p;
    }
    p.classes = class_labels(p.cells, file, r.target);
    if (!p.classes.numeric) {  // text labels: a classifier over their classes, as indices
        if (task == "regress" || (task.empty() && r.task == "regress"))
            throw CsvError(file + ":" + std::to_string(p.classes.first_text + 2) + ": the target \"" + r.target +
                           "\" holds text (\"" + p.cells[p.classes.first_text].substr(0, 40) +
                           "\"); a regression needs numbers");
        p.classify = true;
        for (std::size_t k : p.classes.y) p.labels.push_back(static_cast<int>(k));
        p.Y = Matrix(N, 1);
        if (p.classes.names.size() < 2 && task.empty())
            throw CsvError(file + ": the target \"" + r.target + "\" holds one class (" + p.classes.names[0] +
                           "); a classifier needs at least two");
        return p;
    }
    Vector target(N);
    for (std::size_t i = 0; i < N; ++i) target[i] = p.classes.numbers[i];
    p.Y = Matrix::column(target);
    bool integers = true;
    std::set<double> distinct;
    for (double v : target) {
        integers = integers && v == std::floor(v) && std::fabs(v) < 1e9;
        distinct.insert(v);
    }
    p.classify = !task.empty()    ? task == "classify"
                 : r.task.empty() ? integers && distinct.size() <= kMaxClasses
                                  : r.task == "classify";
    if (!p.classify) {  // (NN.3) the squared loss sums N squared errors of the target's size
        require_representable_columns(file, p.Y, {r.target}, double(p.Y.rows()), "squared errors");
        return p;
    }
    for (std::size_t i = 0; i < N; ++i) {
        const double v = target[i];
        if (!integers && (v != std::floor(v) || std::fabs(v) >= 1e9))
            throw CsvError(file + ":" + std::to_string(i + 2) + ": --task classify needs integer class labels in \"" +
                           r.target + "\", found " + format_number(v));
        p.labels.push_back(static_cast<int>(v));
    }
    if (distinct.size() < 2 && task.empty())
        throw CsvError(file + ": the target \"" + r.target + "\" holds one class (" + format_number(*distinct.begin()) +
                       "); a classifier needs at least two");
    return p;
}

Problem load(const Request& r) { return load(r, r.data, {}, "", nullptr); }

struct Fitted {
    MLPFit fit;
    std::vector<int> classes_;
    double score = 0.0;  // training accuracy or R^2
    double seconds = 0.0;
};

// The held-out side (derivations/evaluation.md): the rows the fit does not see (--test-size, or
// --test's rows) and sklearn.metrics on both sides, of a classifier (EV.8)-(EV.12) or of a
// regressor (EV.5)-(EV.7).
struct Evaluation {
    bool held_out = false;
    TrainTest rows;  // --test-size: which data rows went where
    Problem test;
    Scores train_scores, test_scores;  // classify
    std::vector<MetricRow> metrics;    // classify: accuracy_score, log_loss; regress: r2_score, ...
};

Problem subset(const Problem& p, const std::vector<std::size_t>& rows) {
    Problem s = p;
    s.X = take_rows(p.X, rows);
    s.Y = take_rows(p.Y, rows);
    s.labels.clear();
    s.cells.clear();
    for (std::size_t i : rows) {
        if (p.classify) s.labels.push_back(p.labels[i]);
        s.cells.push_back(p.cells[i]);
    }
    return s;
}

// classes_ as they are printed: the integers, or the text labels they stand for
std::vector<std::string> class_names(const std::vector<int>& classes, const Problem& p) {
    std::vector<std::string> names;
    for (int c : classes)
        names.push_back(p.classes.numeric ? std::to_string(c) : p.classes.names[static_cast<std::size_t>(c)]);
    return names;
}

// Each label's index in classes_; a label the fit never saw is a CsvError naming its line and the
// label as the file writes it (p's classes name text labels).
Labels class_indices(const std::vector<int>& labels, const std::vector<int>& classes, const Problem& p,
                     const std::string& file, const std::vector<std::size_t>* rows) {
    Labels out(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto it = std::lower_bound(classes.begin(), classes.end(), labels[i]);
        if (it == classes.end() || *it != labels[i]) {
            std::string known;
            const std::vector<std::string> names = class_names(classes, p);
            for (std::size_t k = 0; k < names.size() && k < 20; ++k) known += (k ? ", " : "") + names[k];
            throw CsvError(file + ":" + std::to_string((rows ? (*rows)[i] : i) + 2) + ": class " +
                           class_names({labels[i]}, p)[0] +
                           " of a test row is not among the classes of the training rows (classes_: " + known +
                           (classes.size() > 20 ? ", ..." : "") + "); a model cannot predict a class it never saw");
        }
        out[i] = static_cast<std::size_t>(it - classes.begin());
    }
    return out;
}

// Splits p for --test-size (p keeps the train rows) or reads --test's rows by column name.
Evaluation hold_out(const Request& r, Problem& p) {
    Evaluation e;
    e.held_out = r.holdout.any();
    if (r.holdout.split) {
        Labels y;                        // class indices for --stratify
        std::vector<std::string> names;  // and their labels, for messages
        if (p.classify) {
            std::vector<int> classes(p.labels);
            std::sort(classes.begin(), classes.end());
            classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
            y = class_indices(p.labels, classes, p, r.data, nullptr);
            names = class_names(classes, p);
        } else if (r.holdout.stratify) {
            throw std::invalid_argument(r.data + ": --stratify needs class labels, and the target \"" + r.target +
                                        "\" is fitted as a regression (use --task classify)");
        }
        e.rows = holdout_rows(r.holdout, p.X.rows(), r.data, p.classify ? &y : nullptr, &names);  // (EV.1)-(EV.4)
        e.test = subset(p, e.rows.test);
        p = subset(p, e.rows.train);
        if (p.classify && std::set<int>(p.labels.begin(), p.labels.end()).size() < 2)
            throw std::invalid_argument(r.data + ": the " + std::to_string(p.X.rows()) +
                                        " training rows hold one class; a classifier needs at least two (hold out "
                                        "fewer rows, or add --stratify)");
        if (!p.classify && p.X.rows() < 2)
            throw std::invalid_argument(r.data + ": the train side has " + std::to_string(p.X.rows()) +
                                        " row(s); r2_score needs at least 2 (hold out fewer rows)");
    } else if (e.held_out) {
        e.test = load(r, r.holdout.test_file, p.names, p.classify ? "classify" : "regress", &p.classes);
    }
    if (e.held_out && !p.classify && e.test.X.rows() < 2)
        throw std::invalid_argument((r.holdout.split ? r.data : r.holdout.test_file) + ": the test side has " +
                                    std::to_string(e.test.X.rows()) +
                                    " row(s); r2_score needs at least 2 (hold out more rows)");
    return e;
}

void score_classifier(const Request& r, const Problem& p, const MLPClassifier& clf, Evaluation& e) {
    const std::size_t K = clf.classes_.size();
    const Labels yhat = class_indices(mlp_predict(clf, p.X), clf.classes_, p, "", nullptr);
    e.train_scores =
        class_scores(class_indices(p.labels, clf.classes_, p, r.data, nullptr), yhat, mlp_predict_proba(clf, p.X), K);
    if (e.held_out) {
        const std::string file = r.holdout.split ? r.data : r.holdout.test_file;
        const Labels y = class_indices(e.test.labels, clf.classes_, p, file, r.holdout.split ? &e.rows.test : nullptr);
        e.test_scores = class_scores(y, class_indices(mlp_predict(clf, e.test.X), clf.classes_, p, "", nullptr),
                                     mlp_predict_proba(clf, e.test.X), K);
    }
    const double nan = std::nan("");
    e.metrics = {{"accuracy_score", e.train_scores.accuracy, e.held_out ? e.test_scores.accuracy : nan},
                 {"log_loss", e.train_scores.log_loss, e.held_out ? e.test_scores.log_loss : nan}};
}

void score_regressor(const Problem& p, const MLPRegressor& reg, Evaluation& e) {
    const Vector yhat = mlp_predict(reg, p.X).col(0), y = p.Y.col(0);
    if (!e.held_out) {
        e.metrics = regression_rows(y, yhat, nullptr, nullptr);
        return;
    }
    const Vector that = mlp_predict(reg, e.test.X).col(0), yt = e.test.Y.col(0);
    e.metrics = regression_rows(y, yhat, &yt, &that);
}

std::string sizes(const std::vector<std::size_t>& h);  // "64,32"

// The memory a network needs, counted before anything is allocated. (NN.1) layer l has
// (H_{l-1} + 1) H_l weights and biases, P in all (H_0 = D, the last H the outputs); the fit holds
// them four times (the weights, their gradients, and sgd's velocities or Adam's two moments, with a
// copy to spare) and a batch's activations and deltas, B rows of every layer's units.
struct NetworkSize {
    double P = 0.0, bytes = 0.0;
};

NetworkSize network_size(const Problem& p, const MLPOptions& o) {
    std::set<int> classes(p.labels.begin(), p.labels.end());
    const double outputs = !p.classify ? 1.0 : classes.size() == 2 ? 1.0 : double(classes.size());
    const double B = o.batch_size == 0 ? std::min(200.0, double(p.X.rows())) : double(o.batch_size);
    double fan_in = double(p.X.cols()), units = fan_in;
    NetworkSize n;
    std::vector<double> widths(o.hidden_layer_sizes.begin(), o.hidden_layer_sizes.end());
    widths.push_back(outputs);
    for (double h : widths) n.P += (fan_in + 1.0) * h, fan_in = h, units += h;
    n.bytes = 8.0 * (4.0 * n.P + 2.0 * B * units);
    return n;
}

// The bytes this machine could give a process: MemTotal + SwapTotal of /proc/meminfo (Linux), or
// 0 when that cannot be read (then only the allocation itself can fail).
double machine_bytes() {
    std::FILE* f = std::fopen("/proc/meminfo", "r");
    if (!f) return 0.0;
    double total = 0.0, kib = 0.0;
    char key[64];
    while (std::fscanf(f, "%63s %lf kB", key, &kib) == 2)
        if (std::string(key) == "MemTotal:" || std::string(key) == "SwapTotal:") total += kib * 1024.0;
    std::fclose(f);
    return total;
}

std::string size_text(const Problem& p, const MLPOptions& o, const NetworkSize& n) {
    return "--hidden " + sizes(o.hidden_layer_sizes) + " on " + std::to_string(p.X.cols()) +
           " features makes a network of " + format_number(n.P) + " weights and biases (" +
           format_number(8.0 * n.P / 1e9) + " GB); training holds them 4 times over (gradients, " +
           (o.solver == Solver::adam ? "Adam's moments" : "velocities") + ") with a batch's activations: about " +
           format_number(n.bytes / 1e9) + " GB";
}

// Refuses a network larger than the machine's memory before any of it is allocated (exit 1).
void require_memory(const Problem& p, const MLPOptions& o) {
    const NetworkSize n = network_size(p, o);
    const double have = machine_bytes();
    if (have > 0.0 && n.bytes > have)
        throw std::runtime_error(size_text(p, o, n) + ", more than this machine's " + format_number(have / 1e9) +
                                 " GB of memory and swap; use smaller layers");
}

// (NN.8) the L2 penalty (alpha / 2B) ||W||^2 joins every batch loss. The initial weights (NN.14) are
// uniform in +-sqrt(f / (fan_in + fan_out)), f = 2 for logistic units and 6 otherwise, so
// E ||W||^2 = sum_l fan_in fan_out f / (3 (fan_in + fan_out)). A penalty that overflows there makes
// the first batch loss inf before any step, whatever the learning rate: refused, saying so (exit 1).
void require_finite_penalty(const Problem& p, const MLPOptions& o) {
    std::set<int> classes(p.labels.begin(), p.labels.end());
    std::vector<double> widths{double(p.X.cols())};
    widths.insert(widths.end(), o.hidden_layer_sizes.begin(), o.hidden_layer_sizes.end());
    widths.push_back(!p.classify || classes.size() == 2 ? 1.0 : double(classes.size()));
    const double f = o.activation == Activation::logistic ? 2.0 : 6.0;
    double w2 = 0.0;
    for (std::size_t l = 1; l < widths.size(); ++l)
        w2 += widths[l - 1] * widths[l] * f / (3.0 * (widths[l - 1] + widths[l]));
    const double B = o.batch_size == 0 ? std::min(200.0, double(p.X.rows())) : double(o.batch_size);
    if (!std::isfinite(0.5 * o.alpha * w2 / B))
        throw std::runtime_error("--alpha " + format_exact(o.alpha) + " makes the L2 penalty (alpha / 2B) ||W||^2 " +
                                 "(NN.8) overflow double precision at the initial weights (||W||^2 about " +
                                 format_number(w2) + ", B = " + format_number(B) +
                                 "): the batch loss is inf before any step, whatever the learning rate; use a "
                                 "smaller --alpha");
}

// progress: one stderr line per epoch (epoch, loss, elapsed), unless quiet (--json)
Fitted train(const Request& r, const Problem& p, MLPOptions opt, bool quiet, Evaluation& e) {
    Fitted f;
    const auto t0 = std::chrono::steady_clock::now();
    if (!quiet)
        opt.on_epoch = [t0](int epoch, double loss) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::fprintf(stderr, "epoch %4d  loss %.10g  elapsed %.3f s\n", epoch, loss, elapsed);
        };
    if (p.classify) {
        MLPClassifier clf = mlp_classifier_fit(p.X, p.labels, opt);
        f.score = mlp_score(clf, p.X, p.labels);
        score_classifier(r, p, clf, e);
        f.classes_ = clf.classes_;
        f.fit = std::move(clf.fit);
    } else {
        MLPRegressor reg = mlp_regressor_fit(p.X, p.Y, opt);
        f.score = mlp_score(reg, p.X, p.Y);
        score_regressor(p, reg, e);
        f.fit = std::move(reg.fit);
    }
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return f;
}

Json to_json(const Request& r, const Problem& p, const Fitted& f, const Evaluation& e) {
    Json j = Json::object();
    j.add("task", Json::string(p.classify ? "classify" : "regress"));
    j.add("loss_curve_", Json::numbers(f.fit.loss_curve_)).add("n_iter_", Json::number(f.fit.n_iter_));
    Json coefs = Json::array(), intercepts = Json::array();
    for (const Matrix& W : f.fit.net.coefs_) coefs.push(Json::rows(W));
    for (const Vector& b : f.fit.net.intercepts_) intercepts.push(Json::numbers(b));
    j.add("coefs_", std::move(coefs)).add("intercepts_", std::move(intercepts));
    if (p.classify)
        j.add("classes_", p.classes.numeric ? Json::numbers(Vector(f.classes_.begin(), f.classes_.end()))
                                            : Json::strings(class_names(f.classes_, p)));
    j.add("train",
          p.classify ? scores_json(e.train_scores, class_names(f.classes_, p)) : metrics_json(e.metrics, false));
    if (e.held_out) {
        j.add("test",
              p.classify ? scores_json(e.test_scores, class_names(f.classes_, p)) : metrics_json(e.metrics, true));
        j.add("split", split_json(r.holdout, e.rows, p.X.rows(), e.test.X.rows()));
    }
    return j;
}

std::string sizes(const std::vector<std::size_t>& h) {
    std::string s;
    for (std::size_t v : h) s += (s.empty() ? "" : ",") + std::to_string(v);
    return s;
}

void print_text(const Request& r, const Problem& p, const Fitted& f, const Evaluation& e) {
    const MLPOptions& o = r.opt;
    std::fprintf(stderr, "%d epochs in %.3f s\n", f.fit.n_iter_, f.seconds);
    std::printf("%s: %zu rows, %zu features, target %s (%s%s)\n", r.data.c_str(), p.X.rows(), p.X.cols(),
                r.target.c_str(), p.classify ? "classify, " : "regress",
                p.classify ? (std::to_string(f.classes_.size()) + " classes").c_str() : "");
    std::printf("hidden (%s) %s, solver %s, lr %g, batch %zu, alpha %g, seed %u%s\n\n",
                sizes(o.hidden_layer_sizes).c_str(), activation_name(o.activation),
                o.solver == Solver::adam ? "adam" : "sgd", o.learning_rate_init, f.fit.batch_size, o.alpha,
                o.random_state,
                o.solver == Solver::sgd ? (o.nesterovs_momentum ? ", Nesterov momentum" : ", momentum") : "");
    std::printf("n_iter_   %d (%s)\nfinal loss %.17g (NN.15)\nbest_loss_ %.17g\n%s %.6f\n", f.fit.n_iter_,
                f.fit.converged ? "stopped: no improvement by tol, NN.16" : "max_iter reached",
                f.fit.loss_curve_.back(), f.fit.best_loss_, p.classify ? "training accuracy" : "training R^2", f.score);
    if (e.held_out) {
        std::printf("\n%s\n", holdout_line(r.holdout, p.X.rows(), e.test.X.rows()).c_str());
        print_metric_table(e.metrics, true);
    }
    if (p.classify)
        print_scores(e.held_out ? "test" : "training", e.held_out ? e.test_scores : e.train_scores,
                     class_names(f.classes_, p));
}

std::string write_loss_plot(const std::string& out, const Request& r, const Fitted& f) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw std::runtime_error(out + ": cannot create the output folder: " + ec.message());
    Vector epochs;
    for (std::size_t e = 1; e <= f.fit.loss_curve_.size(); ++e) epochs.push_back(static_cast<double>(e));
    const std::string file = r.data.substr(r.data.find_last_of('/') + 1);  // npos + 1 == 0
    Plot plot(file + ": training loss per epoch (NN.15)", "epoch", "loss");
    plot.set_log_y(true);
    plot.add_line("loss_curve_", epochs, f.fit.loss_curve_);
    plot.save(out + "/mlp_loss.svg");
    return "mlp_loss.svg";
}

}  // namespace

int cmd_mlp(int argc, char** argv) {
    Args args = make_args();
    if (!args.parse(argc, argv)) return print_help(args);
    if (!args.has("--data")) return run_study_without_data(args, "mlfs-mlp", run_mlp_study);
    const Request r = read_request(args);
    Problem p = load(r);
    Evaluation e = hold_out(r, p);  // p keeps the rows the fit sees
    require_memory(p, r.opt);
    require_finite_penalty(p, r.opt);
    Fitted f;
    try {
        f = train(r, p, r.opt, r.json, e);
    } catch (const std::bad_alloc&) {  // the sizes, where "std::bad_alloc" said nothing
        throw std::runtime_error(size_text(p, r.opt, network_size(p, r.opt)) + ", and allocating it failed");
    }
    SavedModel m;  // for --save
    m.command = "mlp";
    m.options.add("hidden_layer_sizes",
                  Json::numbers(Vector(r.opt.hidden_layer_sizes.begin(), r.opt.hidden_layer_sizes.end())));
    m.options.add("solver", Json::string(r.opt.solver == Solver::adam ? "adam" : "sgd"));
    m.options.add("alpha", Json::number(r.opt.alpha)).add("random_state", Json::number(r.opt.random_state));
    m.feature_names = p.names;
    m.target = r.target;
    m.classify = p.classify;
    m.network = f.fit.net;
    if (p.classify) {
        m.classes_numeric = p.classes.numeric;
        m.class_names = class_names(f.classes_, p);
        for (int c : f.classes_) m.class_values.push_back(static_cast<double>(c));
        m.mlp_classes = f.classes_;
    }
    save_model_if_asked(args, m);
    return finish_data_run(
        args, r.json, [&] { return to_json(r, p, f, e).dump(); }, [&] { print_text(r, p, f, e); },
        [&](const std::string& out) { return write_loss_plot(out, r, f); });
}

}  // namespace mlfs

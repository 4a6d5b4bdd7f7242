// SPDX-License-Identifier: MIT
// mlfs logreg: with no data, the logistic-regression case study (studies/logistic_regression.cpp);
// with --data FILE.csv --target COLUMN, a logistic regression of the user's data, two classes or
// the softmax over K, L2-penalised or not, by Newton's method or gradient descent, as scikit-learn
// 1.2.1's LogisticRegression fits it (derivations/logistic_regression.md, LG.1-LG.17): the solver's
// steps, coef_ and intercept_, training accuracy and log-loss, the Logit audit, plots, and --json.
// Legend: N rows, D features, K classes, M model rows (1 for two classes, else K).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "algorithms/linear_regression.hpp"
#include "algorithms/logistic_audit.hpp"
#include "algorithms/logistic_regression.hpp"
#include "algorithms/magnitudes.hpp"
#include "algorithms/metrics.hpp"
#include "cli/args.hpp"
#include "cli/class_labels.hpp"
#include "cli/commands.hpp"
#include "cli/holdout.hpp"
#include "cli/model_command.hpp"
#include "io/csv.hpp"
#include "io/json.hpp"
#include "io/svg.hpp"
#include "studies/logistic_regression.hpp"

namespace mlfs {

namespace {

const char* const kSummary =
    "Logistic regression, two classes or multinomial, from scratch, as scikit-learn 1.2.1's LogisticRegression.\n\n"
    "Without --data: the case study. Breast cancer by Newton beside scikit-learn and the Logit audit beside\n"
    "statsmodels, iris, wine and a generated set by the softmax, and the failure modes (separation, the\n"
    "default C, unscaled features, class imbalance); figures in --out (default mlfs-logreg) and a summary\n"
    "table; exit 1 if any comparison fails.\n\n"
    "With --data FILE.csv --target COLUMN: the target holds class labels, numbers or text (\"setosa\"; RFC 4180\n"
    "quotes allowed); classes_ are its distinct values, sorted as np.unique sorts them (numbers by value, text\n"
    "by code point), and text labels are printed back as text. From theta = 0, minimises f = sum_i log-loss_i + ||W||^2 / (2 C)\n"
    "(LG.4; intercepts are not penalised; no penalty term with --penalty none), as LogisticRegression(penalty=..,\n"
    "C=C, tol=T, max_iter=N) does: two classes give one row of coef_ (the log-odds of classes_[1]), more give\n"
    "the softmax's K rows. newton stops when max_j |g_j| <= tol after a step of at most 1e-8 (1 + max|theta|) (LG.9); a stop by\n"
    "max_iter warns on stderr, as sklearn's ConvergenceWarning. Prints the data, the options, each step\n"
    "(f, max_j |g_j|, the step t), coef_ and intercept_, the training accuracy and mean log-loss, and for an\n"
    "unpenalised two-class newton fit the Logit audit as statsmodels prints it (std err, z, P>|z|, 95%\n"
    "interval, log-likelihood, LL-Null, pseudo R^2, cond(H)). Classes that a combination of the features\n"
    "separates have no unpenalised fit: with --penalty none that is an error naming the direction (exit 1).\n\n"
    "--json prints one JSON object and nothing else on stdout, numbers with 17 significant digits: coef_\n"
    "(M x D rows, [[...]] also for two classes, as sklearn), intercept_, classes_, n_iter_ ([n], as sklearn's\n"
    "shape (1,)), feature_names, penalty, C (l2 only), solver, tol, max_iter, converged (false only when\n"
    "max_iter stopped it), stop (converged, max_iter or stalled: the line search could not lower f, the\n"
    "optimum to rounding level), loss_curve (f before each step and after the last, a sum as LG.4), grad_max\n"
    "(max_j |g_j| at the same points), train (accuracy_score, log_loss, confusion_matrix and\n"
    "classification_report, as sklearn.metrics computes them with labels=classes_), and the audit: params,\n"
    "std_err, z, p_value, conf_int ([low, high] per parameter), llf, llnull, pseudo_r2, cond, warning (if any),\n"
    "intercept first as statsmodels orders them; audit_skipped says why they are missing when they are.\n\n"
    "Held-out rows: --test-size F [--split-seed S] [--stratify] fits on the rows train_test_split(test_size=F,\n"
    "random_state=S[, stratify=y]) keeps for training, and --test FILE.csv fits on all of --data and tests on\n"
    "FILE's rows (a class the fit never saw is an error). The same metrics are printed for both sides, with\n"
    "the test rows' classification_report and confusion_matrix; --json adds test and split (n_train, n_test,\n"
    "and for --test-size train_index and test_index, the data rows counted from 0).";

Args make_args() {
    Args args("mlfs logreg", kSummary);
    args.option("--data", "FILE.csv", "a CSV file with a header row; text columns that are not used are skipped");
    args.option("--target", "COLUMN", "the column of class labels, numbers (required with --data)");
    args.option("--features", "A,B,...", "the feature columns (default: every numeric column but the target)");
    args.option("--penalty", "l2|none", "l2 (default) or none");
    args.option("--C", "C", "l2: inverse penalty strength > 0, the penalty is ||W||^2 / (2 C) (default 1.0)");
    args.option("--solver", "newton|gd",
                "newton (default; Cholesky steps with a line search, LG.7, LG.8) or gd (step 1/L)");
    args.option("--max-iter", "N", "at most N Newton or gradient steps, 1 to 1000000 (default 100)");
    args.option("--tol", "T", "stop when max_j |g_j| <= T, >= 0 (LG.9; default 1e-4)");
    add_holdout_options(args, true);
    add_save_option(args);
    args.option("--out", "DIR", kOutHelp);
    args.flag("--json", "print the fit as one JSON object on stdout (see above)");
    args.flag("--progress",
              "show the progress of reading a large CSV on stderr also with --json (without --json it is shown "
              "anyway; a read under a second shows none; the fit's steps are few and show none)");
    return args;
}

struct Request {
    std::string data, target;
    std::vector<std::string> features;  // empty: every numeric column but the target
    LogisticOptions opt;
    bool json = false, progress = true;  // progress of the read on stderr
    Holdout holdout;                     // --test, --test-size, --split-seed, --stratify
};

// Reads and cross-checks the options of the --data mode; every mistake is a UsageError (exit 2).
Request read_request(const Args& args) {
    Request r;
    r.data = args.get("--data");
    if (!args.has("--target")) args.fail("--data needs --target COLUMN, the column of class labels");
    r.target = args.get("--target");
    if (args.has("--features")) r.features = parse_feature_names(args.get("--features"), args);
    for (const std::string& f : r.features)
        if (f == r.target) args.fail("the target \"" + r.target + "\" is also listed in --features");
    const std::string penalty = args.get_or("--penalty", "l2");
    if (penalty != "l2" && penalty != "none") args.fail("--penalty must be l2 or none, not \"" + penalty + "\"");
    r.opt.penalised = penalty == "l2";
    if (!r.opt.penalised && args.has("--C"))  // sklearn warns and ignores C; a silent no-op hides a mistake
        args.fail("--C applies to --penalty l2 only: --penalty none has no penalty for C to weigh");
    r.opt.C = args.get_double("--C", r.opt.C);
    if (!(r.opt.C > 0.0) || !std::isfinite(1.0 / r.opt.C))
        args.fail("--C must be > 0 (with 1/C finite), got " + args.get("--C"));
    const std::string solver = args.get_or("--solver", "newton");
    if (solver != "newton" && solver != "gd") args.fail("--solver must be newton or gd, not \"" + solver + "\"");
    r.opt.solver = solver == "newton" ? LogisticSolver::newton : LogisticSolver::gd;
    // a bound all the same: a million steps is far past any fit that converges
    const long max_iter = args.get_int("--max-iter", r.opt.max_iter);
    if (max_iter < 1 || max_iter > 1000000)
        args.fail("--max-iter must be an integer from 1 to 1000000, got " + args.get("--max-iter"));
    r.opt.max_iter = static_cast<int>(max_iter);
    r.opt.tol = args.get_double("--tol", r.opt.tol) + 0.0;  // + 0.0: -0 is 0, not printed as "-0"
    if (r.opt.tol < 0.0) args.fail("--tol must be >= 0, got " + args.get("--tol"));
    r.json = args.has("--json");
    r.progress = !r.json || args.has("--progress");
    r.holdout = read_holdout(args, true);
    return r;
}

struct Problem {
    Matrix X;                             // N x D
    Vector y;                             // N class labels
    Vector y_fit;                         // the labels fit_logistic sees: y, or the class indices when the
                                          // labels' magnitudes are outside what its data check accepts
    std::vector<std::string> names;       // D feature names
    std::map<double, std::size_t> count;  // rows per class, in the order of classes_
    std::vector<std::string> cells;       // the target's cells as the file has them (numbers or text)
    ClassLabels labels;                   // classes_ from cells: numbers, or text labels as indices 0 .. K-1
};

// fit_logistic's data check (require_regression_data) rejects a column whose sums of squares would
// overflow or underflow, by its index; here the same bounds (algorithms/magnitudes.hpp) name the
// column and the file. Labels are categories, not magnitudes: labels outside those bounds (1e200,
// 1e-200) are passed to the fit as their class indices 0 .. K-1, and classes_ gets the labels back.

// Checks before the fit, each naming the file and the sizes; exit 1 (bad data), never a fit that
// cannot work or would take hours. N rows, D features, K classes.
void require_usable(const Request& r, Problem& p) {
    const std::size_t N = p.X.rows(), D = p.X.cols(), K = p.count.size();
    require_representable_columns(r.data, p.X, p.names, static_cast<double>(N), "sums of squares");
    double top = 0.0;
    for (double v : p.y) top = std::max(top, std::fabs(v));
    p.y_fit = p.y;
    if (squares_out_of_range(top, static_cast<double>(N))) {
        std::size_t k = 0;
        std::map<double, double> index;
        for (const auto& c : p.count) index[c.first] = static_cast<double>(k++);
        for (double& v : p.y_fit) v = index[v];
    }
    // Many classes with a row or two each: the target is an identifier or a measurement, not a label;
    // the softmax would have K (D + 1) parameters for about N numbers, each class separable from the rest
    if (K > 10 && N < 3 * K)
        throw CsvError(r.data + ": the target \"" + r.target + "\" has " + std::to_string(K) + " distinct values in " +
                       std::to_string(N) +
                       " rows (fewer than 3 rows per class): it does not look like a column "
                       "of class labels; logistic regression needs several rows of each class");
    // Without a penalty N rows determine at most N parameters: the Hessian is singular from the start
    if (!r.opt.penalised && N < D + 1)
        throw CsvError(r.data + ": " + std::to_string(N) + " rows cannot determine the " + std::to_string(D + 1) +
                       " parameters (" + std::to_string(D) +
                       " coefficients and the intercept) of an unpenalised "
                       "fit; use --penalty l2, fewer --features, or more rows");
    // Newton forms and factors a P x P Hessian each step: past these sizes a step takes minutes (or the
    // memory is not there); gradient descent's steps cost N P and work for any size
    if (r.opt.solver == LogisticSolver::newton) {
        const double M = K == 2 ? 1.0 : double(K), P = M * double(D + 1), Q = double(D + 1);
        const double hessian = K == 2 ? double(N) * Q * Q : double(N) * M * (M + 1.0) / 2.0 * Q * (Q + 1.0) / 2.0;
        const double work = hessian + P * P * P / 3.0;  // flops per Newton step, about
        if (P > 2000.0 || work > 5e9) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "%.0f parameters, a %.0f x %.0f Hessian and about %.2g flops per step", P, P,
                          P, work);
            throw CsvError(r.data + ": " + std::to_string(N) + " rows, " + std::to_string(D) + " features and " +
                           std::to_string(K) + " classes give newton " + buf +
                           " (the limit: 2000 parameters, 5e9 flops); use --solver gd, or fewer --features");
        }
    }
}

// The features and the target from the CSV, and only those columns: --features and the target, or
// every numeric column (text columns are skipped, with a note on stderr; a text target is an error
// at its first cell). A missing column is a CsvError listing the columns; so is a single class.
Problem read_rows(const Request& r, const std::string& file, const std::vector<std::string>& features) {
    CsvColumns wanted;
    wanted.names = features;  // empty: every numeric column
    wanted.text = r.target;   // class labels: numbers or text (cli/class_labels.hpp)
    CsvOptions options;
    if (r.progress) options.progress = progress_on_stderr(file);  // only for a read of a second or more
    const Table t = read_csv_columns(file, wanted, options);
    std::string note = skipped_text_note(t);
    if (note.size() > 400)  // a column name can be a megabyte long; the note stays one readable line
        note = note.substr(0, 300) + "... (" + std::to_string(note.size()) + " characters in all)";
    if (!note.empty()) std::fprintf(stderr, "mlfs logreg: note: %s\n", note.c_str());
    Problem p;
    p.names = t.names;  // the features; the target was read as text
    if (p.names.empty())
        throw CsvError(file + ": no feature columns: the only column is the target \"" + r.target + "\"");
    p.X = t.X;
    p.cells = t.text;
    return p;
}

// The rows the fit sees: their classes (at least two), and the checks of require_usable.
void prepare_training_rows(const Request& r, Problem& p) {
    p.y.resize(p.cells.size());  // numbers as they are; text labels as their class indices
    for (std::size_t i = 0; i < p.y.size(); ++i)
        p.y[i] = p.labels.numeric ? p.labels.values[p.labels.y[i]] : static_cast<double>(p.labels.y[i]);
    p.count.clear();
    for (double v : p.y) ++p.count[v];  // -0.0 and 0.0 are one class, as in np.unique
    if (p.count.size() < 2)
        throw CsvError(r.data + ": the target \"" + r.target + "\" holds one class (" + p.labels.names[0] +
                       ") in all " + std::to_string(p.y.size()) + (r.holdout.split ? " training" : "") +
                       " rows; logistic regression needs at least two");
    require_usable(r, p);
}

// Each label's index among the sorted distinct labels `classes` (np.searchsorted); a label that is
// not one of them is a CsvError naming the file, the row and the classes the model knows.
// rows: the data rows of y's entries (a split's side), or null when y holds every row of file in order.
Labels class_indices(const Vector& y, const Vector& classes, const std::string& file,
                     const std::vector<std::size_t>* rows) {
    Labels out(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
        const auto it = std::lower_bound(classes.begin(), classes.end(), y[i]);
        if (it == classes.end() || *it != y[i]) {
            std::string known;
            for (std::size_t k = 0; k < classes.size() && k < 20; ++k)
                known += (k ? ", " : "") + format_exact(classes[k]);
            const std::size_t line = (rows ? (*rows)[i] : i) + 2;  // data row i is line i + 2
            throw CsvError(file + ":" + std::to_string(line) + ": class " + format_exact(y[i]) +
                           " of a test row is not among the classes of the training rows (classes_: " + known +
                           (classes.size() > 20 ? ", ..." : "") + "); a model cannot predict a class it never saw");
        }
        out[i] = static_cast<std::size_t>(it - classes.begin());
    }
    return out;
}

struct Fit {
    LogisticFit fit;
    LogitAudit audit;
    std::string audit_skipped;  // empty when the audit was made
};

Scores score(const LogisticModel& m, const Matrix& X, const Labels& y) {
    const Labels yhat = class_indices(predict(m, X), m.classes_, "", nullptr);  // (LG.16) as indices
    return class_scores(y, yhat, predict_proba(m, X), m.n_classes());
}

// The held-out side: the rows the fit does not see (--test-size, or --test's rows) and the scores.
struct Evaluation {
    bool held_out = false;
    TrainTest rows;  // --test-size: which data rows went where
    Problem test;
    Scores train_scores, test_scores;
};

Problem subset(const Problem& p, const std::vector<std::size_t>& rows) {
    Problem s;
    s.X = take_rows(p.X, rows);
    for (std::size_t i : rows) s.cells.push_back(p.cells[i]);
    s.labels = restrict_to(p.labels, rows);  // numbers or text as the whole column is
    s.names = p.names;
    return s;
}

// Splits p for --test-size (p keeps the train rows) or reads --test's rows by column name.
Evaluation hold_out(const Request& r, Problem& p) {
    Evaluation e;
    e.held_out = r.holdout.any();
    if (r.holdout.split) {
        const Labels& y = p.labels.y;  // every row's class index, for --stratify
        e.rows = holdout_rows(r.holdout, p.X.rows(), r.data, &y, &p.labels.names);  // (EV.1)-(EV.4)
        e.test = subset(p, e.rows.test);
        p = subset(p, e.rows.train);
    } else if (e.held_out) {
        e.test = read_rows(r, r.holdout.test_file, p.names);  // the fit's columns, by name
    }
    return e;
}

void score_sides(const Request& r, const Problem& p, const Fit& f, Evaluation& e) {
    const LogisticModel& m = f.fit.model;
    e.train_scores = score(m, p.X, class_indices(p.y, m.classes_, r.data, nullptr));
    if (!e.held_out) return;
    const std::string file = r.holdout.split ? r.data : r.holdout.test_file;
    e.test_scores =
        score(m, e.test.X, label_indices(e.test.cells, p.labels, file, r.holdout.split ? &e.rows.test : nullptr));
}

// When the fit saw class indices, the classes in its messages are those indices.
std::string labels_note(const Problem& p) {
    return p.y_fit == p.y ? "" : " (classes are numbered 0 .. K-1 here, in the order of classes_)";
}

// Why the Newton Hessian was singular, by the data's own rank: a constant column (zero variance), then
// X~ = [1, X] rank-deficient (the least-squares normal equations of the same columns name the
// combination), else - with a penalty - the weights p (1 - p) underflowed as the coefficients grew
// under a penalty too weak for double precision.
std::string explain_singular(const Request& r, const Problem& p) {
    const std::size_t N = p.X.rows(), D = p.X.cols();
    for (std::size_t j = 0; j < D; ++j) {
        bool constant = true;
        for (std::size_t i = 1; i < N && constant; ++i) constant = p.X(i, j) == p.X(0, j);
        if (constant)
            return ". The column \"" + p.names[j] + "\" is constant (" + format_number(p.X(0, j)) +
                   " in every row), so it duplicates the intercept: drop it" +
                   (r.opt.penalised ? "" : " or use --penalty l2");
    }
    try {
        LeastSquaresOptions ls;
        ls.feature_names = p.names;
        ls.threads = 1;
        fit_cholesky(p.X, p.y_fit, ls);  // only for its rank diagnosis of the same columns
    } catch (const std::exception& e) {  // "...; feature 1 (b) is (nearly) a linear combination of ... . Drop ..."
        std::string why = e.what();
        const std::size_t end = why.find(". Drop"), start = why.rfind("; ", end);
        why = end != std::string::npos && start != std::string::npos ? why.substr(start + 2, end - start - 2)
                                                                     : "they are linearly dependent";
        return ". Among the features: " + why + "; drop a column" + (r.opt.penalised ? "" : " or use --penalty l2");
    }
    if (r.opt.penalised)
        return ". With C = " + format_number(r.opt.C) +
               " the penalty is too weak to keep the coefficients finite in "
               "double precision (the classes are nearly separated, so p (1 - p) underflows as they grow); use a "
               "smaller --C";
    return "";
}

Fit fit(const Request& r, const Problem& p) {
    Fit f;
    LogisticOptions opt = r.opt;
    opt.feature_names = p.names;  // so that a separating direction is named by its features
    try {
        f.fit = fit_logistic(p.X, p.y_fit, opt);  // (LG.4)-(LG.10), (LG.15)
    } catch (const SeparationError& e) {
        throw SeparationError(r.data + ": " + e.what() + labels_note(p), e.index);
    } catch (const NumericalError& e) {
        throw NumericalError(r.data + ": " + e.what() + explain_singular(r, p), e.index, e.value);
    }
    const std::size_t K = f.fit.model.n_classes();
    if (opt.penalised)
        f.audit_skipped = "penalty l2: the audit is statsmodels' Logit's, of the unpenalised maximum-likelihood "
                          "fit (use --penalty none)";
    else if (K > 2)
        f.audit_skipped = std::to_string(K) + " classes: the audit is statsmodels' Logit's, of one model row for two "
                                              "classes; a multinomial fit (statsmodels' MNLogit) is not audited here";
    else if (opt.solver != LogisticSolver::newton)
        f.audit_skipped = "solver gd: the audit needs the Hessian at the optimum, which the newton solver forms";
    else if (f.fit.stop == LogisticStop::max_iter)
        f.audit_skipped = "newton stopped at max_iter before converging, so coef_ is not the maximum-likelihood "
                          "estimate the audit assumes; raise --max-iter";
    else {
        try {
            f.audit = audit_logit(p.X, p.y_fit, f.fit, opt);  // (LG.17)
        } catch (const NumericalError& e) {
            f.audit_skipped = std::string("the audit is not possible: ") + e.what();
        }
    }
    f.fit.model.classes_.clear();  // the labels themselves, also when the fit saw their indices
    for (const auto& c : p.count) f.fit.model.classes_.push_back(c.first);
    return f;
}

const char* stop_name(LogisticStop s) {
    return s == LogisticStop::converged ? "converged" : s == LogisticStop::max_iter ? "max_iter" : "stalled";
}

Json to_json(const Request& r, const Problem& p, const Fit& f, const Evaluation& e) {
    const LogisticFit& fit = f.fit;
    Json j = Json::object();
    j.add("coef_", Json::rows(fit.model.coef_)).add("intercept_", Json::numbers(fit.model.intercept_));
    j.add("classes_", p.labels.numeric ? Json::numbers(fit.model.classes_) : Json::strings(p.labels.names))
        .add("n_iter_", Json::numbers({double(fit.n_iter_)}));
    j.add("feature_names", Json::strings(p.names)).add("penalty", Json::string(r.opt.penalised ? "l2" : "none"));
    if (r.opt.penalised) j.add("C", Json::number(r.opt.C));
    j.add("solver", Json::string(solver_name(r.opt.solver))).add("tol", Json::number(r.opt.tol));
    j.add("max_iter", Json::number(r.opt.max_iter));
    j.add("converged", Json::boolean(fit.stop != LogisticStop::max_iter))
        .add("stop", Json::string(stop_name(fit.stop)));
    j.add("loss_curve", Json::numbers(fit.loss_curve)).add("grad_max", Json::numbers(fit.grad_max));
    j.add("train", scores_json(e.train_scores, p.labels.names));
    if (e.held_out) {
        j.add("test", scores_json(e.test_scores, p.labels.names));
        j.add("split", split_json(r.holdout, e.rows, p.X.rows(), e.test.X.rows()));
    }
    if (!f.audit_skipped.empty()) return j.add("audit_skipped", Json::string(f.audit_skipped));
    const LogitAudit& a = f.audit;
    j.add("params", Json::numbers(a.params)).add("std_err", Json::numbers(a.std_err)).add("z", Json::numbers(a.z));
    j.add("p_value", Json::numbers(a.p_value)).add("conf_int", Json::rows(a.conf_int));
    j.add("llf", Json::number(a.llf)).add("llnull", Json::number(a.llnull));
    j.add("pseudo_r2", Json::number(a.pseudo_r2)).add("cond", Json::number(a.cond));
    if (!a.warning.empty()) j.add("warning", Json::string(a.warning));
    return j;
}

// f, max_j |g_j| and t per step; a long run (gd) shows its first 10 and last 10 steps.
void print_steps(const LogisticFit& fit, bool newton) {
    std::printf("-- %s; f as LG.4, stop when max_j |g_j| <= tol (LG.9) --\n%5s %24s %12s %12s\n",
                newton ? "Newton steps (LG.7), t from the line search (LG.8)" : "gradient steps, t = 1/L (LG.10)",
                "step", "f", "max|g|", "t");
    const std::size_t n = fit.loss_curve.size();
    for (std::size_t k = 0; k < n; ++k) {
        if (n > 24 && k == 10) std::printf("%5s\n", "...");
        if (n > 24 && k >= 10 && k + 10 < n) continue;
        std::printf("%5zu %24.17g %12.3e ", k, fit.loss_curve[k], fit.grad_max[k]);
        if (k == 0) std::printf("%12s\n", "-");
        else std::printf("%12.6g\n", fit.step_length[k - 1]);
    }
}

void print_coefficients(const Problem& p, const LogisticModel& m) {
    const std::size_t M = m.coef_.rows();
    int w = 10;
    for (const std::string& n : p.names) w = std::max(w, static_cast<int>(n.size()));
    std::printf("\n-- coef_ and intercept_ (%s) --\n%-*s",
                M == 1 ? "the log-odds of classes_[1]" : "the score of each class", w, "feature");
    for (std::size_t k = 0; k < M; ++k) std::printf(" %18s", ("class " + p.labels.names[M == 1 ? 1 : k]).c_str());
    std::printf("\n%-*s", w, "intercept_");
    for (std::size_t k = 0; k < M; ++k) std::printf(" %18.10g", m.intercept_[k]);
    for (std::size_t j = 0; j < p.names.size(); ++j) {
        std::printf("\n%-*s", w, p.names[j].c_str());
        for (std::size_t k = 0; k < M; ++k) std::printf(" %18.10g", m.coef_(k, j));
    }
    std::printf("\n(10 digits here; --json gives 17)\n");
}

void print_audit(const LogitAudit& a) {
    int w = 9;
    for (const std::string& n : a.names) w = std::max(w, static_cast<int>(n.size()));
    std::printf("%-*s %13s %12s %9s %10s %13s %13s\n", w, "parameter", "coef", "std err", "z", "P>|z|", "[0.025",
                "0.975]");
    for (std::size_t k = 0; k < a.params.size(); ++k)
        std::printf("%-*s %13.6g %12.5g %9.4g %10.3g %13.6g %13.6g\n", w, a.names[k].c_str(), a.params[k], a.std_err[k],
                    a.z[k], a.p_value[k], a.conf_int(k, 0), a.conf_int(k, 1));
    std::printf("\nLog-Likelihood %.10g, LL-Null %.10g, Pseudo R-squ. %.6g (McFadden's 1 - llf / llnull)\n", a.llf,
                a.llnull, a.pseudo_r2);
    std::printf("cond(H) %.4g (H = X~^T diag(p (1 - p)) X~ at the optimum; cov = H^-1)\n", a.cond);
    if (!a.warning.empty()) std::printf("warning: %s\n", a.warning.c_str());
}

void print_text(const Request& r, const Problem& p, const Fit& f, const Evaluation& e) {
    const LogisticFit& fit = f.fit;
    const bool newton = r.opt.solver == LogisticSolver::newton;
    std::printf("%s: %zu rows, target %s, %zu feature%s\nclasses_:", r.data.c_str(), p.X.rows(), r.target.c_str(),
                p.X.cols(), p.X.cols() == 1 ? "" : "s");
    std::size_t k = 0;
    for (const auto& c : p.count) {
        std::printf("%s %s (%zu rows)", k == 0 ? "" : ",", p.labels.names[k].c_str(), c.second);
        ++k;
    }
    std::printf(p.count.size() == 2 ? ": two classes, p = sigma(b + x^T w) is P(y = classes_[1]) (LG.1)\n"
                                    : ": multinomial, p = softmax(b + W x) (LG.11)\n");
    if (r.opt.penalised) std::printf("penalty l2, C %g (||W||^2 / (2 C), LG.4)", r.opt.C);
    else std::printf("penalty none (the maximum-likelihood fit)");
    std::printf(", solver %s, max_iter %d, tol %g\n\n", solver_name(r.opt.solver), r.opt.max_iter, r.opt.tol);
    print_steps(fit, newton);
    const double g = fit.grad_max.back();
    if (fit.stop == LogisticStop::converged)
        std::printf("n_iter_ %d: converged (max_j |g_j| %.3g <= tol %g)\n", fit.n_iter_, g, r.opt.tol);
    else if (fit.stop == LogisticStop::stalled)
        std::printf("n_iter_ %d: stalled: the line search could not lower f, the optimum to rounding level "
                    "(max_j |g_j| %.3g)\n",
                    fit.n_iter_, g);
    else if (g <= r.opt.tol)  // (LG.9) also needs Newton's last step to be small; it was not
        std::printf("n_iter_ %d: NOT converged: stopped by max_iter; max_j |g_j| %.3g <= tol %g, but the last Newton "
                    "step still moved the coefficients by more than 1e-8 (1 + max|theta|) (LG.9)\n",
                    fit.n_iter_, g, r.opt.tol);
    else
        std::printf("n_iter_ %d: NOT converged: stopped by max_iter with max_j |g_j| %.3g > tol %g\n", fit.n_iter_, g,
                    r.opt.tol);
    print_coefficients(p, fit.model);
    std::printf("\ntraining accuracy_score %.6g (predict, LG.16), log_loss %.10g (the mean over the rows)\n",
                e.train_scores.accuracy, e.train_scores.log_loss);
    if (e.held_out) {
        std::printf("\n%s\n", holdout_line(r.holdout, p.X.rows(), e.test.X.rows()).c_str());
        print_metric_table({{"accuracy_score", e.train_scores.accuracy, e.test_scores.accuracy},
                            {"log_loss", e.train_scores.log_loss, e.test_scores.log_loss}},
                           true);
    }
    print_scores(e.held_out ? "test" : "training", e.held_out ? e.test_scores : e.train_scores, p.labels.names);
    std::printf("\n-- Logit audit (LG.17), as statsmodels' Logit(y, add_constant(X)).fit() --\n");
    if (f.audit_skipped.empty()) print_audit(f.audit);
    else std::printf("skipped: %s\n", f.audit_skipped.c_str());
}

// Like sklearn's ConvergenceWarning, on stderr with and without --json.
void warn_if_not_converged(const Request& r, const LogisticFit& fit) {
    if (fit.stop != LogisticStop::max_iter) return;
    if (fit.grad_max.back() <= r.opt.tol) {
        std::fprintf(stderr,
                     "mlfs logreg: warning: newton did not converge in %d steps: max_j |g_j| %.3g <= tol %g, but the "
                     "steps still move the coefficients (LG.9); coef_ is not the optimum. Raise --max-iter, or "
                     "use a smaller --C (a large C on nearly separated classes)\n",
                     fit.n_iter_, fit.grad_max.back(), r.opt.tol);
        return;
    }
    std::fprintf(stderr,
                 "mlfs logreg: warning: %s did not converge in %d step%s (max_j |g_j| %.3g > tol %g); coef_ is not the "
                 "optimum. Raise --max-iter%s\n",
                 solver_name(r.opt.solver), fit.n_iter_, fit.n_iter_ == 1 ? "" : "s", fit.grad_max.back(), r.opt.tol,
                 r.opt.solver == LogisticSolver::gd ? ", scale the features, or use --solver newton" : "");
}

// f and max_j |g_j| per step on a log axis (with tol, the stopping line); for two features the
// predicted class on a grid under the samples (studies/logistic_regression_plots.cpp).
std::string write_plots(const std::string& out, const Request& r, const Problem& p, const Fit& f) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw std::runtime_error(out + ": cannot create the output folder: " + ec.message());
    const std::string file = r.data.substr(r.data.find_last_of('/') + 1);  // npos + 1 == 0
    Vector steps;
    for (std::size_t k = 0; k < f.fit.loss_curve.size(); ++k) steps.push_back(static_cast<double>(k));
    Plot plot(file + ": " + solver_name(r.opt.solver) + ", f and max_j |g_j| per step", "step", "value (log scale)");
    plot.set_log_y(true);
    plot.add_line("f (LG.4)", steps, f.fit.loss_curve);
    plot.add_line("max_j |g_j| (LG.9)", steps, f.fit.grad_max);
    if (r.opt.tol > 0.0) plot.add_line("tol", {0.0, steps.back()}, {r.opt.tol, r.opt.tol});
    plot.set_caption("The objective f and the largest gradient component after each step; the fit stops when "
                     "the gradient falls to tol. Newton's gradient falls faster and faster near the optimum "
                     "(the digits double per step); gradient descent's falls by a constant factor per step.");
    plot.save(out + "/logreg_loss.svg");
    if (p.X.cols() != 2) return "logreg_loss.svg";
    write_logreg_boundary_plot(out + "/logreg_boundary.svg", file + ": the predicted class and the samples",
                               f.fit.model, p.X, p.y, p.names);
    return "logreg_loss.svg, logreg_boundary.svg";
}

}  // namespace

int cmd_logreg(int argc, char** argv) {
    Args args = make_args();
    if (!args.parse(argc, argv)) return print_help(args);
    if (!args.has("--data")) return run_study_without_data(args, "mlfs-logreg", run_logreg_study);
    const Request r = read_request(args);
    if (args.has("--out")) prepare_out_dir(args.get("--out"));  // before the work, and before stdout
    Problem p = read_rows(r, r.data, r.features);
    p.labels = class_labels(p.cells, r.data, r.target);  // numbers or text, as pandas reads the column
    Evaluation e = hold_out(r, p);                       // p keeps the rows the fit sees
    prepare_training_rows(r, p);
    const Fit f = fit(r, p);
    score_sides(r, p, f, e);
    SavedModel m;  // for --save
    m.command = "logreg";
    m.options.add("penalty", Json::string(r.opt.penalised ? "l2" : "none")).add("C", Json::number(r.opt.C));
    m.options.add("solver", Json::string(solver_name(r.opt.solver))).add("tol", Json::number(r.opt.tol));
    m.options.add("max_iter", Json::number(r.opt.max_iter));
    m.feature_names = p.names;
    m.target = r.target;
    m.classes_numeric = p.labels.numeric;
    m.class_names = p.labels.names;
    m.class_values = p.labels.values;
    m.logistic = f.fit.model;
    save_model_if_asked(args, m);
    warn_if_not_converged(r, f.fit);
    return finish_data_run(
        args, r.json, [&] { return to_json(r, p, f, e).dump(); }, [&] { print_text(r, p, f, e); },
        [&](const std::string& out) { return write_plots(out, r, p, f); });
}

}  // namespace mlfs

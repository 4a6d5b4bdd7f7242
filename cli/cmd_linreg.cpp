// SPDX-License-Identifier: MIT
// mlfs linreg: with no data, the diabetes + NIST case study (studies/linear_regression.cpp); with
// --data FILE.csv --target COLUMN, a least-squares or ridge fit of the user's data by Cholesky,
// QR, gradient descent or the SVD (derivations/linear_regression.md), its OLS audit, plots, and --json.
// Without --solver, a problem QR cannot fit (N < p, or a column that depends on the others) is
// fitted by the SVD's minimum-norm least squares instead, as scikit-learn's LinearRegression
// answers it, with a warning on stderr (section 15, (LR.35)-(LR.39)).
// Legend: N rows, D features, p = D + 1 parameters with an intercept (D without), r the rank.
#include <climits>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "algorithms/least_squares_svd.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/holdout.hpp"
#include "cli/model_command.hpp"
#include "io/csv.hpp"
#include "io/json.hpp"
#include "studies/linear_regression.hpp"

namespace mlfs {

namespace {

const char* const kSummary =
    "Linear least squares and ridge regression, from scratch.\n\n"
    "Without --data: the case study. Raw diabetes fitted by Cholesky, QR and gradient descent\n"
    "beside scikit-learn, the OLS audit beside statsmodels, the 11 NIST StRD data sets, plots in\n"
    "--out (default mlfs-linreg), and a summary table; exit 1 if any comparison fails.\n\n"
    "With --data FILE.csv --target COLUMN: fits y = X w + b, minimising ||y - X w - b||^2 + alpha ||w||^2\n"
    "(alpha as scikit-learn's Ridge, not scaled by N). Prints coef_ and intercept_, R^2, and, for\n"
    "alpha = 0 and N > p, the OLS audit (standard errors, t, p-values, 95% intervals, F, cond).\n"
    "Without --solver, a problem QR cannot fit (fewer rows than parameters, or a feature that is a\n"
    "linear combination of others) is fitted instead by the SVD's minimum-norm least squares, as\n"
    "scikit-learn's LinearRegression answers it, with a warning on stderr naming the rank and the\n"
    "dependent columns; an explicit --solver cholesky or qr refuses such a problem instead.\n\n"
    "--json prints one JSON object and nothing else on stdout, numbers with 17 significant digits:\n"
    "solver, alpha, fit_intercept, feature_names_in_, coef_, intercept_, r2 (R^2 on the data),\n"
    "n_iter_, loss_curve_ (J_k = ||y - X w_k - b_k||^2 / 2N) and stopped_by (gd only), and the\n"
    "audit: std_err, t, p_value, conf_int ([low, high] per parameter), cond, warning (if any),\n"
    "covariance_from (the factor (Xc^T Xc)^-1 came from: the solver's own, or QR of X for gd),\n"
    "with the intercept FIRST in std_err, t, p_value and conf_int, as statsmodels orders them;\n"
    "audit_skipped says why the audit fields are missing when they are. A fit by the SVD adds rank_,\n"
    "singular_ (of the centred X) and dependent_columns (0-based), and, when r < D, warning, and\n"
    "df_resid = N - r (- 1 with an intercept) and sigma2 = RSS / df_resid if df_resid > 0.\n\n"
    "Held-out rows: --test-size F [--split-seed S] fits on the rows train_test_split(test_size=F,\n"
    "random_state=S) keeps for training, and --test FILE.csv fits on all of --data and tests on FILE's rows.\n"
    "r2_score, mean_squared_error and mean_absolute_error (sklearn.metrics) are printed for both sides;\n"
    "--json has them as objects train and test, and split (n_train, n_test, and for --test-size\n"
    "train_index and test_index, the data rows counted from 0). Everything above is of the training rows.";

Args make_args() {
    Args args("mlfs linreg", kSummary);
    args.option("--data", "FILE.csv", "a CSV file with a header row; text columns that are not used are skipped");
    args.option("--target", "COLUMN", "the column to predict (required with --data)");
    args.option("--features", "A,B,...", "the feature columns (default: every numeric column but the target)");
    args.option("--solver", "NAME",
                "cholesky (normal equations), qr (default; Householder QR; the SVD where QR cannot fit), gd, or svd "
                "(minimum-norm least squares, as scikit-learn)");
    args.option("--alpha", "A", "ridge penalty >= 0 for cholesky and qr (default 0: ordinary least squares)");
    args.flag("--no-intercept", "fit y = X w without b (nothing is centred)");
    args.option("--lr", "X", "gd: learning rate > 0 (default 1/L; it must stay below 2/L)");
    args.option("--max-iter", "N", "gd: at most N updates (default 100000)");
    args.option("--tol", "T", "gd: stop when ||grad J|| <= T ||grad J at the start|| (default 1e-12)");
    args.flag("--standardize", "gd: iterate on z-scored features; coef_ are reported in the original units");
    args.option("--threads", "N",
                "threads for the products (cholesky, gd) and the reflections and refinement (qr), 0 = all hardware "
                "threads (default 0); same numbers for every N");
    add_holdout_options(args, false);
    add_save_option(args);
    args.option("--out", "DIR", kOutHelp);
    args.flag("--json", "print the fit as one JSON object on stdout (see above)");
    args.flag("--progress",
              "show the progress of a long run on stderr (rows read, QR reflections and refinement steps, gd "
              "updates) also with --json; "
              "without --json it is shown anyway, and a run under a second shows none");
    return args;
}

struct Request {
    std::string data, target, solver = "qr";
    std::vector<std::string> features;  // empty: every numeric column but the target
    double alpha = 0.0;
    bool fit_intercept = true, json = false, progress = true;  // progress on stderr
    bool solver_given = false;  // without --solver, the SVD answers what QR cannot (LR.35)-(LR.38)
    int threads = 0;            // for every solver; the numbers do not depend on it
    GradientDescentOptions gd;
    Holdout holdout;  // --test, --test-size, --split-seed
};

// Reads and cross-checks the options of the --data mode; every mistake is a UsageError (exit 2).
Request read_request(const Args& args) {
    Request r;
    r.data = args.get("--data");
    if (!args.has("--target")) args.fail("--data needs --target COLUMN, the column to predict");
    r.target = args.get("--target");
    if (args.has("--features")) r.features = parse_feature_names(args.get("--features"), args);
    for (const std::string& f : r.features)
        if (f == r.target) args.fail("the target \"" + r.target + "\" is also listed in --features");
    r.solver = args.get_or("--solver", "qr");
    r.solver_given = args.has("--solver");
    if (r.solver != "cholesky" && r.solver != "qr" && r.solver != "gd" && r.solver != "svd")
        args.fail("--solver must be cholesky, qr, gd or svd, not \"" + r.solver + "\"");
    const bool gd = r.solver == "gd";
    if (gd && args.has("--alpha"))
        args.fail("--alpha (ridge) applies to --solver cholesky or qr; gradient descent here fits plain least squares");
    if (r.solver == "svd" && args.has("--alpha"))
        args.fail("--alpha (ridge) applies to --solver cholesky or qr; svd fits plain (minimum-norm) least squares");
    for (const char* only_gd : {"--lr", "--max-iter", "--tol", "--standardize"})
        if (!gd && args.has(only_gd)) args.fail(std::string(only_gd) + " applies to --solver gd only");
    r.alpha = args.get_double("--alpha", 0.0);
    if (r.alpha < 0.0) args.fail("--alpha must be >= 0, got " + args.get("--alpha"));
    r.fit_intercept = !args.has("--no-intercept");
    r.json = args.has("--json");
    r.progress = !r.json || args.has("--progress");
    r.gd.fit_intercept = r.fit_intercept;
    r.gd.standardize = args.has("--standardize");
    r.gd.lr = args.get_double("--lr", 0.0);
    if (args.has("--lr") && !(r.gd.lr > 0.0))
        args.fail("--lr must be > 0 (leave it out for 1/L), got " + args.get("--lr"));
    const long max_iter = args.get_int("--max-iter", r.gd.max_iter);
    // the loss curve keeps one double per iteration: 1e7 of them is 80 MB, enough for any data set here
    if (max_iter < 1 || max_iter > 10000000) args.fail("--max-iter must be an integer from 1 to 10000000");
    r.gd.max_iter = static_cast<int>(max_iter);
    r.gd.tol = args.get_double("--tol", r.gd.tol);
    if (r.gd.tol < 0.0) args.fail("--tol must be >= 0, got " + args.get("--tol"));
    r.threads = r.gd.threads = read_threads(args);
    r.holdout = read_holdout(args, false);
    return r;
}

struct Problem {
    Matrix X;                        // N x D
    Vector y;                        // N
    std::vector<std::string> names;  // D feature names
};

// The features and the target from the CSV, and only those columns: --features and the target, or
// every numeric column (text columns are skipped, with a note on stderr; a text target is an
// error at its first cell). A missing column is a CsvError listing the columns.
Problem load(const Request& r) {
    CsvColumns wanted;
    wanted.names = r.features;  // empty: every numeric column
    if (!wanted.names.empty()) wanted.names.push_back(r.target);
    wanted.required = {r.target};  // without --features: a text target is an error, not a skipped column
    CsvOptions options;
    if (r.progress) options.progress = progress_on_stderr(r.data);  // only for a read of a second or more
    Table t = read_csv_columns(r.data, wanted, options);
    const std::string note = skipped_text_note(t);
    if (!note.empty()) std::fprintf(stderr, "mlfs linreg: note: %s\n", note.c_str());
    const std::size_t target = column_index(t, r.target);
    // the table holds the features in their order and the target (last with --features): X is the
    // table without the target's column, moved out of it row by row in place, so that the data are
    // held once (a copy would double the memory of a large file for a moment)
    std::vector<std::string> names;
    for (const std::string& n : t.names)
        if (n != r.target) names.push_back(n);
    if (names.empty())
        throw CsvError(r.data + ": no feature columns: the only column is the target \"" + r.target + "\"");
    const std::size_t N = t.X.rows(), W = t.X.cols(), D = W - 1;
    Vector y = t.X.col(target);
    std::vector<double>& data = t.X.data();
    for (std::size_t i = 0; i < N; ++i)  // row i moves from i W to i D <= i W: nothing is overwritten unread
        for (std::size_t j = 0, k = 0; j < W; ++j)
            if (j != target) data[i * D + k++] = data[i * W + j];
    data.resize(N * D);
    return Problem{Matrix(N, D, std::move(data)), std::move(y), names};
}

struct Fit {
    std::string solver;  // the solver that made the fit: r.solver, or "svd" when QR could not fit
    LinearModel model;
    GradientDescentResult gd;  // for --solver gd
    SvdLeastSquaresFit svd;    // for the SVD (--solver svd, or the fallback)
    std::string warning;       // the SVD's: why it was used (fallback) and what rank it found
    double sigma2 = 0.0;       // (LR.39) RSS / df_resid of a rank-deficient fit, when df_resid > 0
    long df_resid = 0;         // (LR.39) N - r - 1 with an intercept, N - r without
    OlsAudit audit;
    std::string audit_skipped;  // empty when the audit was made
    double r2 = 0.0;
};

// "feature 3 (x4), feature 5 (x6)", at most 10 named, then "and K more"
std::string feature_list(const std::vector<std::string>& names, const std::vector<std::size_t>& columns) {
    std::string out;
    for (std::size_t k = 0; k < columns.size() && k < 10; ++k)
        out += (k ? ", " : "") + feature_label(names, columns[k]);
    if (columns.size() > 10) out += ", and " + std::to_string(columns.size() - 10) + " more";
    return out;
}

// (LR.35)-(LR.39) the SVD's minimum-norm fit; `why` (non-empty for the fallback) says why QR did
// not fit. A rank-deficient fit has no audit: the residuals and R^2 are the fit's, but the
// coefficients are one choice among many (any null-space vector of Xc can be added).
void fit_by_svd(const Request& r, const Problem& p, Fit& f, const std::string& why) {
    SvdLeastSquaresOptions opt;
    opt.fit_intercept = r.fit_intercept;
    f.svd = fit_svd(p.X, p.y, opt);  // (LR.35)-(LR.38)
    f.solver = "svd";
    f.model = f.svd.model;
    const std::size_t N = p.X.rows(), D = p.X.cols(), rank = f.svd.rank_;
    const std::string found = "rank_ " + std::to_string(rank) + " of " + std::to_string(D) +
                              " (singular values <= max(N, D) eps s_1 = " + format_number(f.svd.cutoff) + " dropped)";
    const std::string dependent =
        f.svd.dependent_columns.empty() ? "" : "; dependent columns: " + feature_list(p.names, f.svd.dependent_columns);
    if (!why.empty())
        f.warning = why +
                    "; fitted instead by the SVD's minimum-norm least squares, as scikit-learn's "
                    "LinearRegression: " +
                    found + dependent;
    else if (rank < D)
        f.warning = "rank-deficient: " + found + dependent + "; coef_ is the minimum-norm least-squares solution";
    f.df_resid = static_cast<long>(N) - static_cast<long>(rank) - (r.fit_intercept ? 1 : 0);  // (LR.39)
    if (rank < D) {
        f.audit_skipped = "rank_ " + std::to_string(rank) + " < " + std::to_string(D) +
                          " features: the coefficients are not identifiable (adding a null-space vector of Xc "
                          "changes them, not the fit), so they have no standard errors, t or p-values";
        if (f.df_resid > 0) {
            const Vector res = subtract(p.y, predict(f.model, p.X));
            f.sigma2 = dot(res, res) / static_cast<double>(f.df_resid);  // (LR.39) RSS / (N - rank)
        }
    }
}

// The default solver's refusal, with where to go instead: an explicit solver keeps its error.
[[noreturn]] void rethrow_with_hint(const std::exception& e) {
    const std::string hint = "; without --solver, or with --solver svd, mlfs fits the minimum-norm least-squares "
                             "solution (as scikit-learn's LinearRegression)";
    if (const auto* n = dynamic_cast<const NumericalError*>(&e))
        throw NumericalError(e.what() + hint, n->index, n->value);
    throw ShapeError(e.what() + hint);
}

// Gradient descent has no pivots to name a bad column, so its preconditions are checked here.
void require_gd_problem(const Problem& p, const Request& r) {
    const std::size_t N = p.X.rows(), D = p.X.cols(), params = D + (r.fit_intercept ? 1 : 0);
    if (N < params)
        throw ShapeError("gradient descent: " + std::to_string(N) + " samples cannot determine " +
                         std::to_string(params) + " parameters; add samples, or use --solver qr --alpha A (ridge)");
    if (!r.fit_intercept && !r.gd.standardize)
        return;  // without centring a constant column is a feature like any other
    for (std::size_t j = 0; j < D; ++j) {
        bool constant = true;
        for (std::size_t i = 1; i < N && constant; ++i) constant = p.X(i, j) == p.X(0, j);
        if (constant)
            throw std::invalid_argument("gradient descent: " + feature_label(p.names, j) + " is constant (" +
                                        format_number(p.X(0, j)) + " in every row); drop it");
    }
}

Fit fit(const Request& r, const Problem& p) {
    Fit f;
    LeastSquaresOptions opt;
    opt.fit_intercept = r.fit_intercept;
    opt.alpha = r.alpha;
    opt.feature_names = p.names;  // so a collinear or constant column is named in the error
    opt.threads = r.threads;
    ProgressLine line("mlfs linreg");  // a long fit shows its progress on stderr
    if (r.progress)
        opt.progress = [&line](const char* stage, std::size_t done, std::size_t total) {
            line(std::string(stage) + " " + std::to_string(done) + " of " + std::to_string(total));
        };
    GradientDescentOptions gd = r.gd;
    if (r.progress)
        gd.progress = [&line](int k, double J) {
            line("gradient descent: " + std::to_string(k) + " updates, J = " + format_number(J));
        };
    FactoredFit factored;  // cholesky and qr: the factor the audit reuses
    f.solver = r.solver;
    const std::size_t params = p.X.cols() + (r.fit_intercept ? 1 : 0);
    const bool may_fall_back = !r.solver_given && r.alpha == 0.0;  // the default solver on least squares
    if (r.solver == "svd") {
        fit_by_svd(r, p, f, "");
    } else if (may_fall_back && p.X.rows() < params) {
        fit_by_svd(r, p, f,
                   std::to_string(p.X.rows()) + (p.X.rows() == 1 ? " row" : " rows") + " cannot determine " +
                       std::to_string(params) + " parameters uniquely");
    } else if (r.solver == "cholesky" || r.solver == "qr") {
        try {
            factored = r.solver == "cholesky" ? fit_cholesky_factored(p.X, p.y, opt)  // (LR.4)
                                              : fit_qr_factored(p.X, p.y, opt);       // (LR.6, LR.7)
            f.model = factored.model;
        } catch (const NumericalError& e) {
            if (!may_fall_back) {
                if (r.alpha == 0.0) rethrow_with_hint(e);
                throw;
            }
            // QR's message ends "...; feature j (x) is (nearly) a linear combination of .... Drop ...": keep that part
            const std::string what = e.what();
            const std::size_t from = what.rfind("; ") == std::string::npos ? 0 : what.rfind("; ") + 2;
            fit_by_svd(r, p, f, "QR: " + what.substr(from, what.find(". ", from) - from));
        } catch (const ShapeError& e) {
            if (r.alpha == 0.0 && p.X.rows() < params) rethrow_with_hint(e);
            throw;
        }
    } else {
        require_gd_problem(p, r);
        f.gd = fit_gradient_descent(p.X, p.y, gd);  // (LR.11)
        f.model = f.gd.model;
    }
    f.r2 = r2_score(p.y, predict(f.model, p.X));  // (LR.8)
    if (!f.audit_skipped.empty()) {
        // the SVD's rank-deficient fit: fit_by_svd said why
    } else if (r.alpha > 0.0) {
        f.audit_skipped = "alpha > 0: the t and F distributions of the audit hold for ordinary least squares only";
    } else if (r.solver == "gd" && !f.gd.converged) {
        f.audit_skipped = "gradient descent stopped by " + f.gd.stopped_by +
                          " before converging, so coef_ is not the least-squares solution the audit assumes";
    } else if (p.X.rows() <= params) {
        f.audit_skipped = std::to_string(p.X.rows()) + " rows for " + std::to_string(params) +
                          " parameters leave no residual degrees of freedom (the audit needs N > p)";
    } else {
        try {  // the fit's own factor (one factorisation per fit); gd has none, so QR factors X for it
            f.audit = f.solver == "gd" || f.solver == "svd"
                          ? audit_ols(p.X, p.y, f.model, r.fit_intercept, p.names, CovarianceFrom::qr)
                          : audit_ols(p.X, p.y, factored, p.names);
            if (!(f.audit.sigma2 > 0.0))
                f.audit_skipped = "every residual is 0 (an exact fit): the standard errors are 0 and t is undefined";
        } catch (const NumericalError& e) {
            f.audit_skipped = std::string("the audit is not possible: ") + e.what();
        }
    }
    return f;
}

// The held-out side (derivations/evaluation.md): the rows the fit does not see (--test-size, or the
// rows of --test), and sklearn.metrics' regression scores on both sides, (EV.5)-(EV.7).
struct Evaluation {
    bool held_out = false;
    TrainTest rows;  // --test-size: which data rows went where
    Problem test;
    std::vector<MetricRow> metrics;  // r2_score, mean_squared_error, mean_absolute_error
};

Problem subset(const Problem& p, const std::vector<std::size_t>& rows) {
    return Problem{take_rows(p.X, rows), take(p.y, rows), p.names};
}

// Splits `p` for --test-size (p keeps the train rows) or reads --test's rows by column name.
Evaluation hold_out(const Request& r, Problem& p) {
    Evaluation e;
    e.held_out = r.holdout.any();
    if (r.holdout.split) {
        e.rows = holdout_rows(r.holdout, p.X.rows(), r.data, nullptr);  // (EV.1)-(EV.2)
        e.test = subset(p, e.rows.test);
        p = subset(p, e.rows.train);
    } else if (e.held_out) {
        Request t = r;
        t.data = r.holdout.test_file;
        t.features = p.names;  // the fit's columns, by name, in its order
        e.test = load(t);
    }
    if (e.held_out) {  // the test rows' squares are summed too; outside double's range they are inf or 0
        const std::string file = r.holdout.split ? r.data : r.holdout.test_file;
        const double n = static_cast<double>(e.test.X.rows());
        require_representable_columns(file, e.test.X, e.test.names, n, "squared errors");
        require_representable_columns(file, Matrix::column(e.test.y), {r.target}, n, "squared errors");
    }
    if (r.holdout.split && p.X.rows() < 2)
        throw std::invalid_argument(r.data + ": the train side has " + std::to_string(p.X.rows()) +
                                    " row(s); r2_score needs at least 2 (hold out fewer rows)");
    if (e.held_out && e.test.X.rows() < 2)
        throw std::invalid_argument((r.holdout.split ? r.data : r.holdout.test_file) + ": the test side has " +
                                    std::to_string(e.test.X.rows()) +
                                    " row(s); r2_score needs at least 2 (hold out more rows)");
    return e;
}

void score(const Problem& train, const Fit& f, Evaluation& e) {
    const Vector yhat = predict(f.model, train.X), that = e.held_out ? predict(f.model, e.test.X) : Vector();
    e.metrics = regression_rows(train.y, yhat, e.held_out ? &e.test.y : nullptr, e.held_out ? &that : nullptr);
}

Json to_json(const Request& r, const Problem& p, const Fit& f, const Evaluation& e) {
    Json j = Json::object();
    j.add("solver", Json::string(f.solver)).add("alpha", Json::number(r.alpha));
    j.add("fit_intercept", Json::boolean(r.fit_intercept)).add("feature_names_in_", Json::strings(p.names));
    j.add("coef_", Json::numbers(f.model.coef_)).add("intercept_", Json::number(f.model.intercept_));
    if (r.solver == "gd") {
        j.add("n_iter_", Json::number(f.gd.n_iter_)).add("loss_curve_", Json::numbers(f.gd.loss_curve_));
        j.add("stopped_by", Json::string(f.gd.stopped_by));
    }
    if (f.solver == "svd") {  // (LR.35)-(LR.38)
        Vector dependent(f.svd.dependent_columns.begin(), f.svd.dependent_columns.end());
        j.add("rank_", Json::number(static_cast<double>(f.svd.rank_))).add("singular_", Json::numbers(f.svd.singular_));
        j.add("dependent_columns", Json::numbers(dependent));
    }
    if (std::isfinite(f.r2)) j.add("r2", Json::number(f.r2));  // R^2 of one row is undefined
    j.add("train", metrics_json(e.metrics, false));
    if (e.held_out) {
        j.add("test", metrics_json(e.metrics, true));
        j.add("split", split_json(r.holdout, e.rows, p.X.rows(), e.test.X.rows()));
    }
    std::string warning = f.warning;  // the SVD's, then the audit's
    if (!f.audit.warning.empty()) warning += (warning.empty() ? "" : "; ") + f.audit.warning;
    if (!f.audit_skipped.empty()) {
        if (f.solver == "svd" && f.df_resid > 0)  // (LR.39)
            j.add("df_resid", Json::number(static_cast<double>(f.df_resid))).add("sigma2", Json::number(f.sigma2));
        if (!warning.empty()) j.add("warning", Json::string(warning));
        return j.add("audit_skipped", Json::string(f.audit_skipped));
    }
    j.add("std_err", Json::numbers(f.audit.std_err)).add("t", Json::numbers(f.audit.t));
    j.add("p_value", Json::numbers(f.audit.p_value)).add("conf_int", Json::rows(f.audit.conf_int));
    j.add("cond", Json::number(f.audit.cond)).add("covariance_from", Json::string(f.audit.covariance_from));
    if (!warning.empty()) j.add("warning", Json::string(warning));
    return j;
}

void print_text(const Request& r, const Problem& p, const Fit& f, const Evaluation& e) {
    const char* how = f.solver == "cholesky" ? "Cholesky on the normal equations (LR.4)"
                      : f.solver == "qr"     ? "Householder QR with refinement (LR.6, LR.7)"
                      : f.solver == "svd"    ? "minimum-norm least squares by the SVD (LR.35-LR.37)"
                                             : "batch gradient descent (LR.11)";
    std::printf("%s: %zu rows, target %s, %zu features; solver %s, alpha %g, %s\n\n", r.data.c_str(), p.X.rows(),
                r.target.c_str(), p.X.cols(), how, r.alpha, r.fit_intercept ? "with an intercept" : "no intercept");
    print_fit(p.names, f.model);
    if (std::isfinite(f.r2)) std::printf("R^2 on the data %.10g (LR.8)\n\n", f.r2);
    else std::printf("R^2 on the data: undefined for %zu row (LR.8)\n\n", p.X.rows());
    if (e.held_out) {
        std::printf("%s\n", holdout_line(r.holdout, p.X.rows(), e.test.X.rows()).c_str());
        print_metric_table(e.metrics, true);
        std::printf("\n");
    }
    if (f.solver == "svd") {
        std::printf("-- SVD (LR.35-LR.38) --\nrank_ %zu of %zu; singular_ (of the %s X):", f.svd.rank_, p.X.cols(),
                    r.fit_intercept ? "centred" : "uncentred");
        for (double s : f.svd.singular_) std::printf(" %.6g", s);
        std::printf("\ndependent columns: %s\n\n",
                    f.svd.dependent_columns.empty() ? "none" : feature_list(p.names, f.svd.dependent_columns).c_str());
    }
    if (r.solver == "gd") {
        std::printf("-- gradient descent --\n");
        print_gd_summary(f.gd);
        if (!f.gd.converged)
            std::printf("note: not converged, so coef_ is not yet the least-squares solution; raise --max-iter%s\n",
                        r.gd.standardize ? "" : ", or add --standardize");
        std::printf("\n");
    }
    std::printf("-- OLS audit (LR.16-LR.22) --\n");
    if (f.audit_skipped.empty()) print_audit(f.audit);
    else std::printf("skipped: %s\n", f.audit_skipped.c_str());
    if (!f.audit_skipped.empty() && f.solver == "svd" && f.svd.rank_ < p.X.cols()) {  // (LR.39) what still holds
        if (f.df_resid > 0)
            std::printf("still holds: R^2 above; residual variance RSS / %ld = %.10g on N - r%s = %ld degrees of "
                        "freedom (LR.39)\n",
                        f.df_resid, f.sigma2, r.fit_intercept ? " - 1" : "", f.df_resid);
        else
            std::printf("still holds: R^2 above; the fit interpolates (N - r%s = %ld degrees of freedom)\n",
                        r.fit_intercept ? " - 1" : "", f.df_resid);
    }
}

// The plots of a --data fit; for gd the loss gap to the QR least-squares loss, if QR can fit it.
std::string write_plots(const std::string& out, const Request& r, const Problem& p, const Fit& f) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw std::runtime_error(out + ": cannot create the output folder: " + ec.message());
    const std::string file = r.data.substr(r.data.find_last_of('/') + 1);  // npos + 1 == 0
    write_fit_plots(out, "linreg", file, p.y, predict(f.model, p.X));
    if (f.solver != "gd") return "linreg_predicted_vs_actual.svg, linreg_residuals.svg";
    double J_min = std::nan("");
    try {
        LeastSquaresOptions opt;
        opt.fit_intercept = r.fit_intercept;
        const Vector res = subtract(p.y, predict(fit_qr(p.X, p.y, opt), p.X));
        J_min = dot(res, res) / (2.0 * static_cast<double>(p.X.rows()));  // (LR.9) at the least-squares solution
    } catch (const std::exception&) {
        // no unique least-squares solution: plot J_k itself
    }
    write_gd_loss_plot(out, "linreg", file, f.gd.loss_curve_, J_min);
    return "linreg_predicted_vs_actual.svg, linreg_residuals.svg, linreg_gd_loss.svg";
}

}  // namespace

int cmd_linreg(int argc, char** argv) {
    Args args = make_args();
    if (!args.parse(argc, argv)) return print_help(args);
    if (!args.has("--data")) return run_study_without_data(args, "mlfs-linreg", run_linreg_study);
    const Request r = read_request(args);
    Problem p = load(r);
    Evaluation e = hold_out(r, p);  // p keeps the rows the fit sees
    const Fit f = fit(r, p);
    score(p, f, e);
    SavedModel m;  // for --save
    m.command = "linreg";
    m.options.add("solver", Json::string(f.solver)).add("alpha", Json::number(r.alpha));
    m.options.add("fit_intercept", Json::boolean(r.fit_intercept));
    m.feature_names = p.names;
    m.target = r.target;
    m.linear = f.model;
    save_model_if_asked(args, m);
    if (!f.warning.empty() && !r.solver_given) std::fprintf(stderr, "mlfs linreg: warning: %s\n", f.warning.c_str());
    return finish_data_run(
        args, r.json, [&] { return to_json(r, p, f, e).dump(); }, [&] { print_text(r, p, f, e); },
        [&](const std::string& out) { return write_plots(out, r, p, f); });
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// mlfs pca: with no data, the PCA case study (studies/pca.cpp); with --data FILE.csv, principal component
// analysis of the user's columns as scikit-learn 1.2.1's PCA(svd_solver='full') computes it
// (derivations/pca.md, PC.1-PC.16): the spectrum, the components, noise_variance_, the projected rows,
// plots, and --json. Legend: N rows, D features, r = min(N, D), K components kept.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "algorithms/pca.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/model_command.hpp"
#include "io/csv.hpp"
#include "io/json.hpp"
#include "io/svg.hpp"
#include "io/write_file.hpp"
#include "linalg/errors.hpp"
#include "linalg/format.hpp"
#include "studies/pca.hpp"

namespace mlfs {

namespace {

const char* const kSummary =
    "Principal component analysis, from scratch, as scikit-learn 1.2.1's PCA(svd_solver='full').\n\n"
    "Without --data: the case study. Iris and the digits beside scikit-learn, the digits on two components\n"
    "and rebuilt from 2 to 40, and the failure modes (unscaled wine, two moons that no projection separates,\n"
    "the small components that the covariance route loses); figures in --out (default mlfs-pca) and a\n"
    "summary table; exit 1 if any comparison fails.\n\n"
    "With --data FILE.csv: centres the columns (mean_, PC.1), takes the SVD Xc = U S V^T by one-sided Jacobi\n"
    "sweeps (PC.4, PC.9; --solver eig: the eigenvectors of the covariance C = Xc^T Xc / (N - 1) instead, which\n"
    "squares the condition number and loses the small components, PC.11), signs the components as sklearn's\n"
    "svd_flip (PC.12) and keeps K of them, as PCA(n_components=K, whiten=W, svd_solver='full'). Prints the\n"
    "data, each kept component's singular value, explained variance, ratio and cumulative ratio, the largest\n"
    "loadings of each component, and noise_variance_ (the mean of the dropped variances, PC.14). Columns are\n"
    "not scaled: z-score them first when their units differ, or the largest-valued column takes the first\n"
    "component. A constant column is a note on stderr (its variance is 0).\n\n"
    "--json prints one JSON object and nothing else on stdout, numbers with 17 significant digits:\n"
    "components_ (K x D rows), explained_variance_, explained_variance_ratio_, singular_values_, mean_,\n"
    "noise_variance_, n_components_, feature_names, n_samples, whiten, solver, sweeps, and sign_margin_: per\n"
    "component, how clearly svd_flip's sign was decided ((|u_max| - |u_rival|) / |u_max| in U's column; below\n"
    "1e-12 the sign rests on rounding and may be the opposite of scikit-learn's, and a note says so).";

Args make_args() {
    Args args("mlfs pca", kSummary);
    args.option("--data", "FILE.csv", "a CSV file with a header row; text columns are skipped (with a note)");
    args.option("--features", "A,B,...", "the columns to analyse (default: every numeric column)");
    args.option("--n-components", "K|FRACTION",
                "keep K components, 1 <= K <= min(N, D), or the fewest whose cumulative explained variance ratio "
                "exceeds FRACTION, 0 < FRACTION < 1 (PC.13; default: all min(N, D))");
    args.flag("--whiten", "divide each projected column by sqrt(explained_variance_): unit variance (PC.15)");
    args.option("--solver", "svd|eig", "svd (default; Jacobi SVD of Xc) or eig (eigenvectors of the covariance)");
    args.option("--transform", "OUT.csv", "write the projected rows Z (N x K, header PC1..PCK) to OUT.csv");
    args.option("--out", "DIR", kOutHelp);
    args.flag("--json", "print the fit as one JSON object on stdout (see above)");
    return args;
}

struct Request {
    std::string data, transform_csv;
    std::string n_components_text;      // --n-components as the user wrote it, for messages
    std::vector<std::string> features;  // empty: every numeric column
    PcaOptions opt;
    bool json = false;
};

// --n-components: an integer K >= 1 (its upper bound min(N, D) needs the data, see load), or a
// fraction strictly between 0 and 1; anything else is a UsageError.
double read_n_components(const Args& args) {
    const std::string text = args.get("--n-components");
    const std::string why = "--n-components must be an integer K >= 1 or a fraction of the variance in (0, 1), got " +
                            text;
    const bool integer = !text.empty() && text.find_first_not_of("0123456789+-") == std::string::npos;
    if (integer) {
        const long K = args.get_int("--n-components", 0);
        if (K < 1) args.fail(why);
        return double(K);
    }
    const double f = args.get_double("--n-components", 0.0);  // a UsageError for text, NaN and infinity
    if (!(f > 0.0 && f < 1.0)) args.fail(why + (f >= 1.0 ? " (for K components write the integer K)" : ""));
    return f;
}

// Reads and cross-checks the options of the --data mode; every mistake is a UsageError (exit 2).
Request read_request(const Args& args) {
    Request r;
    r.data = args.get("--data");
    if (args.has("--features")) r.features = parse_feature_names(args.get("--features"), args);
    if (args.has("--n-components")) {
        r.opt.n_components = read_n_components(args);
        r.n_components_text = args.get("--n-components");
    }
    r.opt.whiten = args.has("--whiten");
    const std::string solver = args.get_or("--solver", "svd");
    if (solver != "svd" && solver != "eig") args.fail("--solver must be svd or eig, not \"" + solver + "\"");
    r.opt.solver = solver == "svd" ? PcaSolver::svd : PcaSolver::eig;
    r.transform_csv = args.get_or("--transform", "");
    std::error_code ec;  // --transform over the input would replace the data by its projection
    if (!r.transform_csv.empty() && std::filesystem::equivalent(r.data, r.transform_csv, ec))
        args.fail("--transform " + r.transform_csv + " is the input file " + r.data +
                  " itself; write the projected rows to another file");
    r.json = args.has("--json");
    return r;
}

struct Problem {
    Matrix X;                               // N x D
    std::vector<std::string> names;         // D feature names
    std::vector<std::string> text_columns;  // skipped
    std::vector<std::string> constant;      // the features whose every value is the same
};

// The variances are S^2 / (N - 1): before fitting, the column sums, the centred values and each column's
// sum of squares (its log2, by a power-of-2 scaling that cannot overflow or underflow) must stay inside
// double precision, else fit_pca would print inf and NaN (1e300) or call a column of 1e-300s constant.
// Sums of squares up to 2^1023 are allowed (S_1^2 is at most their total); the largest column variance
// must be a normal double (>= 2.2e-308), or the ratios are computed from subnormals that hold few digits.
void check_magnitudes(const Request& r, const Problem& p) {
    const std::size_t N = p.X.rows(), D = p.X.cols();
    double log2_ss_max = -std::numeric_limits<double>::infinity(), ss_sum = 0.0;  // ss_sum scaled by 2^-log2_ss_max
    std::size_t widest = 0;
    std::vector<double> log2_ss(D, -std::numeric_limits<double>::infinity());
    for (std::size_t j = 0; j < D; ++j) {
        double sum = 0.0, amax = 0.0;
        for (std::size_t i = 0; i < N; ++i) sum += p.X(i, j), amax = std::max(amax, std::fabs(p.X(i, j)));
        const double mean = sum / double(N);  // as fit_pca computes mean_ (PC.1)
        bool finite = std::isfinite(mean);
        double dmax = 0.0;
        for (std::size_t i = 0; i < N && finite; ++i) {
            const double d = p.X(i, j) - mean;
            finite = std::isfinite(d);
            dmax = std::max(dmax, std::fabs(d));
        }
        if (!finite)
            throw std::invalid_argument(r.data + ": column \"" + p.names[j] + "\" has values up to " +
                                        format_number(amax) + " in magnitude, so its sum or its centred values " +
                                        "overflow double precision; rescale it (e.g. to units near 1)");
        if (dmax == 0.0) continue;  // constant
        int e = 0;
        std::frexp(dmax, &e);
        double s = 0.0;
        for (std::size_t i = 0; i < N; ++i) {
            const double d = std::ldexp(p.X(i, j) - mean, -e);  // |d| < 1: no overflow
            s += d * d;
        }
        log2_ss[j] = std::log2(s) + 2.0 * e;
        if (log2_ss[j] > log2_ss_max) log2_ss_max = log2_ss[j], widest = j;
    }
    if (!std::isfinite(log2_ss_max)) return;  // every column constant: load says so
    for (std::size_t j = 0; j < D; ++j) ss_sum += std::exp2(log2_ss[j] - log2_ss_max);
    const double log2_total = log2_ss_max + std::log2(ss_sum);
    if (log2_total > 1023.0)
        throw std::invalid_argument(
            r.data + ": the centred columns' sum of squares is about 2^" + std::to_string(int(std::ceil(log2_total))) +
            " (column \"" + p.names[widest] +
            "\" the largest), beyond double precision's 1.8e308, so the singular "
            "values squared and the explained variances would be infinite; rescale the columns (e.g. to units near 1)");
    const double log2_var_max = log2_ss_max - std::log2(double(N - 1));
    if (log2_var_max < std::log2(DBL_MIN))
        throw std::invalid_argument(
            r.data + ": the largest column variance, column \"" + p.names[widest] + "\"'s, is about 2^" +
            std::to_string(int(std::floor(log2_var_max))) + ", below double precision's smallest normal number " +
            "2.2e-308, so the explained variances would underflow to 0 or to subnormals of a few digits; rescale the "
            "columns (e.g. to units near 1)");
}

// The features from the CSV: --features, or every numeric column (text columns are skipped with a note on
// stderr). The preconditions worth naming the file for: 2 rows, K <= min(N, D), not every column constant.
Problem load(const Request& r) {
    CsvColumns wanted;
    wanted.names = r.features;
    CsvOptions options;
    if (!r.json) options.progress = progress_on_stderr(r.data);  // only for a read of a second or more
    Table t = read_csv_columns(r.data, wanted, options);
    const std::string note = skipped_text_note(t);
    if (!note.empty()) std::fprintf(stderr, "mlfs pca: note: %s\n", note.c_str());
    Problem p;
    p.names = t.names, p.text_columns = t.text_columns, p.X = std::move(t.X);
    const std::size_t N = p.X.rows(), D = p.X.cols(), r_max = std::min(N, D);
    if (N < 2)
        throw std::invalid_argument(r.data + ": " + std::to_string(N) +
                                    " data row; PCA needs at least 2 (the variances divide by N - 1)");
    if (r.opt.n_components >= 1.0 && r.opt.n_components > double(r_max))
        throw std::invalid_argument(r.data + ": --n-components " + r.n_components_text + " is more than min(N, D) = " +
                                    std::to_string(r_max) + " (" + std::to_string(N) + " rows, " + std::to_string(D) +
                                    " feature" + (D == 1 ? "" : "s") + "): there are at most that many components");
    for (std::size_t j = 0; j < D; ++j) {
        bool same = true;
        for (std::size_t i = 1; i < N && same; ++i) same = p.X(i, j) == p.X(0, j);
        if (same) p.constant.push_back(p.names[j]);
    }
    if (p.constant.size() == D)
        throw std::invalid_argument(r.data + ": every column is constant (the total variance is 0): PCA has no "
                                             "direction to find");
    for (const std::string& c : p.constant)
        std::fprintf(stderr, "mlfs pca: note: %s: column \"%s\" is constant: its variance is 0, so it adds nothing\n",
                     r.data.c_str(), c.c_str());
    check_magnitudes(r, p);
    if (r.opt.solver == PcaSolver::eig && D > 500)
        std::fprintf(stderr,
                     "mlfs pca: note: --solver eig forms the %zu x %zu covariance and diagonalises it by Jacobi, "
                     "O(D^3) per sweep: this takes minutes; --solver svd works on the %zu x %zu data instead\n",
                     D, D, N, D);
    return p;
}

// The first kept component whose size is rounding, not data: svd, s_k <= max(N, D) eps s_1 (numpy's
// matrix_rank rule: the centred data have rank k); eig, lambda_k <= D eps lambda_1 (the covariance
// route's absolute accuracy, PC.11). K when there is none.
std::size_t first_rounding_component(const Request& r, const Problem& p, const Pca& pca, double& bound) {
    const std::size_t N = p.X.rows(), D = p.X.cols(), K = pca.n_components_;
    const double eps = std::numeric_limits<double>::epsilon();
    bound = r.opt.solver == PcaSolver::svd ? double(std::max(N, D)) * eps * pca.singular_values_[0]
                                           : double(D) * eps * pca.explained_variance_[0];
    for (std::size_t k = 0; k < K; ++k)
        if ((r.opt.solver == PcaSolver::svd ? pca.singular_values_[k] : pca.explained_variance_[k]) <= bound) return k;
    return K;
}

Pca fit(const Request& r, const Problem& p) {
    PcaOptions opt = r.opt;
    opt.feature_names = p.names;
    Pca pca;
    try {
        pca = fit_pca(p.X, opt);                // (PC.1)-(PC.14)
    } catch (const std::invalid_argument& e) {  // whitening a component of variance 0, say
        const std::string what = e.what();
        if (what.find("non-finite") == std::string::npos) throw std::invalid_argument(r.data + ": " + what);
        // the data are finite and their magnitudes checked (check_magnitudes): an intermediate of the
        // decomposition overflowed or underflowed, which columns of very different scales can cause
        throw NumericalError(r.data + ": the " + std::string(r.opt.solver == PcaSolver::svd ? "SVD" : "eigen") +
                                 "-decomposition failed (" + what +
                                 ", on finite data): the columns' scales are "
                                 "too far apart for it; z-score or rescale the columns",
                             0, 0.0);
    }
    double bound = 0.0;
    const std::size_t k = first_rounding_component(r, p, pca, bound);
    if (k < pca.n_components_) {
        const bool several = k + 1 < pca.n_components_;
        const std::string which = several ? "components " + std::to_string(k + 1) + " to " +
                                                std::to_string(pca.n_components_) + " are"
                                          : "component " + std::to_string(k + 1) + " is";
        const std::string why = r.opt.solver == PcaSolver::svd
                                    ? "singular value " + format_number(pca.singular_values_[k]) +
                                          " <= max(N, D) eps s_1 = " + format_number(bound) +
                                          ": the centred data have rank " + std::to_string(k)
                                    : "explained variance " + format_number(pca.explained_variance_[k]) +
                                          " <= D eps lambda_1 = " + format_number(bound) +
                                          ", the covariance route's accuracy (PC.11); --solver svd resolves more";
        if (r.opt.whiten)
            throw std::invalid_argument(r.data + ": --whiten: " + which + " rounding, not data (" + why +
                                        "), and whitening would divide by it; keep at most " + std::to_string(k) +
                                        " component" + (k == 1 ? "" : "s") + " (--n-components " + std::to_string(k) +
                                        ")");
        std::fprintf(stderr, "mlfs pca: note: %s: %s rounding, not data (%s): %s arbitrary\n", r.data.c_str(),
                     which.c_str(), why.c_str(), several ? "their directions are" : "its direction is");
    }
    std::string ties;  // svd_flip's sign decided by the last bits of U (a tie such as N = 2's u = (a, -a))
    for (std::size_t j = 0; j < k; ++j)
        if (pca.sign_margin_[j] < 1e-12) ties += (ties.empty() ? "" : ", ") + std::to_string(j + 1);
    if (!ties.empty())
        std::fprintf(stderr,
                     "mlfs pca: note: %s: the sign of component %s is decided by svd_flip (PC.12) on a near "
                     "tie of U's largest entries (margin below 1e-12), so it rests on rounding and may be the opposite "
                     "of scikit-learn's\n",
                     r.data.c_str(), ties.c_str());
    return pca;
}

Json to_json(const Request& r, const Problem& p, const Pca& pca) {
    Json j = Json::object();
    j.add("components_", Json::rows(pca.components_))
        .add("explained_variance_", Json::numbers(pca.explained_variance_));
    j.add("explained_variance_ratio_", Json::numbers(pca.explained_variance_ratio_))
        .add("singular_values_", Json::numbers(pca.singular_values_));
    j.add("mean_", Json::numbers(pca.mean_)).add("noise_variance_", Json::number(pca.noise_variance_));
    j.add("n_components_", Json::number(double(pca.n_components_))).add("feature_names", Json::strings(p.names));
    j.add("n_samples", Json::number(double(pca.n_samples_))).add("whiten", Json::boolean(pca.whiten));
    j.add("solver", Json::string(r.opt.solver == PcaSolver::svd ? "svd" : "eig"));
    j.add("sweeps", Json::number(pca.sweeps));
    return j.add("sign_margin_", Json::numbers(pca.sign_margin_));
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

// "proline +0.9998, magnesium +0.0179, ...": the three largest |loadings| of component k
std::string top_loadings(const Pca& pca, std::size_t k, const std::vector<std::string>& names) {
    std::vector<std::size_t> order(names.size());
    for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::fabs(pca.components_(k, a)) > std::fabs(pca.components_(k, b));
    });
    std::string s;
    char buf[32];
    for (std::size_t i = 0; i < 3 && i < order.size(); ++i) {
        std::snprintf(buf, sizeof buf, " %+.4f", pca.components_(k, order[i]));
        s += (i ? ", " : "") + names[order[i]] + buf;
    }
    return s;
}

void print_text(const Request& r, const Problem& p, const Pca& pca) {
    const std::size_t N = p.X.rows(), D = p.X.cols(), K = pca.n_components_;
    std::printf("%s: %zu rows, %zu feature%s (%s)\n", r.data.c_str(), N, D, D == 1 ? "" : "s", joined(p.names).c_str());
    if (!p.text_columns.empty()) std::printf("skipped text columns: %s\n", joined(p.text_columns).c_str());
    if (!p.constant.empty()) std::printf("constant columns (variance 0): %s\n", joined(p.constant).c_str());
    std::printf("n_components %s -> n_components_ %zu of min(N, D) = %zu; whiten %s; solver %s, %d Jacobi sweeps\n\n",
                r.opt.n_components == 0.0 ? "all" : format_exact(r.opt.n_components).c_str(), K, std::min(N, D),
                r.opt.whiten ? "yes" : "no", r.opt.solver == PcaSolver::svd ? "svd" : "eig", pca.sweeps);
    std::printf("%4s %18s %20s %12s %12s   %s\n", "PC", "singular_value", "explained_variance", "ratio", "cumulative",
                "largest loadings (components_)");
    double cum = 0.0;
    for (std::size_t k = 0; k < K; ++k) {
        cum += pca.explained_variance_ratio_[k];
        std::printf("%4zu %18.10g %20.10g %12.6f %12.6f   %s\n", k + 1, pca.singular_values_[k],
                    pca.explained_variance_[k], pca.explained_variance_ratio_[k], cum,
                    top_loadings(pca, k, p.names).c_str());
    }
    std::printf("\nnoise_variance_ %.10g (the mean explained variance of the %zu dropped component%s, PC.14)\n",
                pca.noise_variance_, std::min(N, D) - K, std::min(N, D) - K == 1 ? "" : "s");
    std::printf("(10 digits here; --json gives 17 and every loading)\n");
    if (!r.transform_csv.empty())
        std::printf("\nwrote the projected rows (%zu x %zu, PC.15) to %s\n", N, K, r.transform_csv.c_str());
}

// Z = transform(X) as CSV, PC1..PCK, 17 significant digits; written whole or not at all.
void write_transform(const std::string& path, const Pca& pca, const Matrix& X) {
    const Matrix Z = transform(pca, X);
    std::string text;
    for (std::size_t k = 0; k < Z.cols(); ++k) text += (k ? ",PC" : "PC") + std::to_string(k + 1);
    text += "\n";
    for (std::size_t i = 0; i < Z.rows(); ++i) {
        for (std::size_t k = 0; k < Z.cols(); ++k) text += (k ? "," : "") + format_exact(Z(i, k));
        text += "\n";
    }
    write_file_whole(path, text, "projected rows' CSV file");
}

// The cumulative explained variance ratio (studies/pca_plots.cpp) and, with K >= 2, the rows on the first
// two components.
std::string write_plots(const std::string& out, const Request& r, const Problem& p, const Pca& pca) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw std::runtime_error(out + ": cannot create the output folder: " + ec.message());
    const std::string file = r.data.substr(r.data.find_last_of('/') + 1);  // npos + 1 == 0
    write_pca_scree_plot(out + "/pca_scree.svg", file + ": cumulative explained variance ratio",
                         {{file, pca.explained_variance_ratio_}});
    if (pca.n_components_ < 2) return "pca_scree.svg";
    const Matrix Z = transform(pca, p.X);
    Plot plot(file + ": the rows on the first two principal components", "PC1", "PC2");
    plot.add_scatter("rows", Z.col(0), Z.col(1));
    plot.set_caption("Each row projected on the first two principal components, z = (x - mean_) V_2 (PC.15): the "
                     "view of the data that keeps the most variance in two dimensions. Clusters here are real; "
                     "their absence is not proof of none (structure can lie in the smaller components).");
    plot.save(out + "/pca_scatter.svg");
    return "pca_scree.svg, pca_scatter.svg";
}

}  // namespace

int cmd_pca(int argc, char** argv) {
    Args args = make_args();
    if (!args.parse(argc, argv)) return print_help(args);
    if (!args.has("--data")) return run_study_without_data(args, "mlfs-pca", run_pca_study);
    const Request r = read_request(args);
    const Problem p = load(r);
    const Pca pca = fit(r, p);
    // every output that can fail comes before the first line on stdout, and --transform after the plots:
    // a failed run prints nothing and leaves no --transform file (the plots it wrote are whole files)
    const std::string json_text = r.json ? to_json(r, p, pca).dump() : "";
    std::string plots;
    if (args.has("--out")) plots = write_plots(args.get("--out"), r, p, pca);
    if (!r.transform_csv.empty()) write_transform(r.transform_csv, pca, p.X);
    if (r.json) {
        std::printf("%s\n", json_text.c_str());
        return kExitOk;
    }
    print_text(r, p, pca);
    if (args.has("--out")) std::printf("\nwrote into %s/: %s\n", args.get("--out").c_str(), plots.c_str());
    return kExitOk;
}

}  // namespace mlfs

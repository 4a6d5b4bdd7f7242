// SPDX-License-Identifier: MIT
// mlfs kmeans: with no data, the k-means case study (studies/kmeans.cpp); with --data FILE.csv
// --k K, Lloyd's k-means of the user's data as scikit-learn 1.2.1's KMeans(algorithm='lloyd')
// computes it (derivations/kmeans.md): cluster sizes and centres, inertia_, n_iter_, the
// silhouette, plots, and --json. Legend: N rows, D features, K clusters.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/kmeans.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/holdout.hpp"
#include "cli/model_command.hpp"
#include "io/csv.hpp"
#include "io/json.hpp"
#include "studies/kmeans.hpp"

namespace mlfs {

namespace {

const char* const kSummary =
    "k-means clustering by Lloyd's algorithm, from scratch, as scikit-learn 1.2.1's KMeans.\n\n"
    "Without --data: the case study. Golden cases refitted beside scikit-learn, iris with K = 3 against\n"
    "the species, the elbow and the silhouette, and three ways k-means fails (an unlucky seed, an\n"
    "unscaled feature, clusters that are not convex); figures in --out (default mlfs-kmeans) and a\n"
    "summary table; exit 1 if any comparison fails.\n\n"
    "With --data FILE.csv --k K: clusters the rows, minimising J = sum_i ||x_i - c_{l_i}||^2 from n_init\n"
    "starts and keeping the best, as KMeans(n_clusters=K, init=INIT, n_init=N, random_state=SEED,\n"
    "max_iter=M, tol=T) on the same columns. Prints each cluster's size and centre, inertia_, n_iter_\n"
    "and the silhouette score (for 2 <= K < N and N <= 20000: it costs N^2 distances).\n\n"
    "--json prints one JSON object and nothing else on stdout, numbers with 17 significant digits:\n"
    "labels_, cluster_centers_, inertia_, n_iter_, feature_names_in_, init, n_init, closest_call,\n"
    "sklearn_threads, seed, and train: {inertia}.\n\n"
    "Held-out rows: --test-size F [--split-seed S] fits on the rows train_test_split(test_size=F,\n"
    "random_state=S) keeps for training, and --test FILE.csv fits on all of --data and scores FILE's rows\n"
    "(the features matched by name). inertia on each side is -KMeans.score(X): each row's squared distance\n"
    "to its nearest fitted centre, summed; --json adds test and split (n_train, n_test, and for --test-size\n"
    "train_index and test_index, the data rows counted from 0).";

const std::size_t kSilhouetteMaxN = 20000;

Args make_args() {
    Args args("mlfs kmeans", kSummary);
    args.option("--data", "FILE.csv", "a CSV file with a header row; text columns that are not used are skipped");
    args.option("--k", "K", "the number of clusters, 1 <= K <= the number of distinct rows (required with --data)");
    args.option("--features", "A,B,...", "the columns to cluster on (default: every numeric column)");
    args.option("--init", "INIT",
                "k-means++ (default), random, or CENTRES.csv: K starting centres under the feature names");
    args.option("--n-init", "N",
                "starts to try, >= 1 (default 'auto': 1 for k-means++, 10 for random; sklearn 1.2.1's is 10)");
    args.option("--seed", "S", "random_state, 0 to 4294967295 (default 0)");
    args.option("--max-iter", "N", "at most N Lloyd iterations per start (default 300)");
    args.option("--sklearn-threads", "N", "reproduce scikit-learn's sums with 1 (default) or 2 OpenMP threads (KM.15)");
    args.option("--tol", "T",
                "stop when the centres move by sum_j ||dc_j||^2 <= T x mean feature variance (default 1e-4)");
    args.option("--threads", "N",
                "threads for the assignment, 0 = all hardware threads (default 0); same numbers for every N");
    add_holdout_options(args, false);
    add_save_option(args);
    args.option("--out", "DIR", kOutHelp);
    args.flag("--json", "print the fit as one JSON object on stdout (see above)");
    return args;
}

struct Request {
    std::string data, init = "k-means++", centres;  // centres: the CSV of --init CENTRES.csv
    std::vector<std::string> features;              // empty: every numeric column
    KMeansOptions opt;
    bool json = false;
    Holdout holdout;  // --test, --test-size, --split-seed
};

// Reads and cross-checks the options of the --data mode; every mistake is a UsageError (exit 2).
Request read_request(const Args& args) {
    Request r;
    r.data = args.get("--data");
    if (!args.has("--k")) args.fail("--data needs --k K, the number of clusters");
    const long K = args.get_int("--k", 0);
    if (K < 1) args.fail("--k must be >= 1, got " + args.get("--k"));
    r.opt.n_clusters = static_cast<std::size_t>(K);
    if (args.has("--features")) r.features = parse_feature_names(args.get("--features"), args);
    r.init = args.get_or("--init", "k-means++");
    const bool csv = r.init.size() > 4 && r.init.compare(r.init.size() - 4, 4, ".csv") == 0;
    if (r.init == "k-means++") r.opt.init = KMeansInit::kmeans_plus_plus;
    else if (r.init == "random") r.opt.init = KMeansInit::random;
    else if (csv) r.opt.init = KMeansInit::given, r.centres = r.init;
    else args.fail("--init must be k-means++, random or a CSV file of centres (NAME.csv), not \"" + r.init + "\"");
    const long n_init = args.get_int("--n-init", 0);  // 0: sklearn's "auto" (KMeansOptions)
    if (args.has("--n-init") && (n_init < 1 || n_init > INT_MAX))
        args.fail("--n-init must be an integer from 1 to " + std::to_string(INT_MAX) + ", got " + args.get("--n-init"));
    r.opt.n_init = static_cast<int>(n_init);
    if (csv && n_init > 1) {  // sklearn: RuntimeWarning "Explicit initial center position passed: ..."
        std::fprintf(stderr, "mlfs kmeans: note: --n-init %ld ignored: the given centres make one start (as sklearn)\n",
                     n_init);
        r.opt.n_init = 1;
    }
    const long seed = args.get_int("--seed", 0);
    if (seed < 0 || seed > 4294967295L)
        args.fail("--seed must be an integer from 0 to 4294967295, got " + args.get("--seed"));
    r.opt.seed = static_cast<std::uint32_t>(seed);
    const long max_iter = args.get_int("--max-iter", r.opt.max_iter);
    if (max_iter < 1 || max_iter > INT_MAX)
        args.fail("--max-iter must be an integer from 1 to " + std::to_string(INT_MAX));
    r.opt.max_iter = static_cast<int>(max_iter);
    r.opt.tol = args.get_double("--tol", r.opt.tol);
    if (r.opt.tol < 0.0) args.fail("--tol must be >= 0, got " + args.get("--tol"));
    const long reference_threads = args.get_int("--sklearn-threads", 1);
    if (reference_threads != 1 && reference_threads != 2)
        args.fail("--sklearn-threads must be 1 or 2, got " + args.get("--sklearn-threads"));
    r.opt.reference_threads = static_cast<int>(reference_threads);
    r.opt.threads = read_threads(args);
    r.json = args.has("--json");
    r.holdout = read_holdout(args, false);
    return r;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

// K starting centres from a CSV whose columns are the features (in any order); CsvError otherwise.
Matrix read_centres(const std::string& path, const std::vector<std::string>& features, std::size_t K) {
    const Table c = read_csv(path);
    if (std::set<std::string>(c.names.begin(), c.names.end()) !=
            std::set<std::string>(features.begin(), features.end()) ||
        c.names.size() != features.size())
        throw CsvError(path + ": the centres' columns (" + joined(c.names) + ") are not the features (" +
                       joined(features) + "); name one column after each feature");
    if (c.X.rows() != K)
        throw CsvError(path + ": " + std::to_string(c.X.rows()) + " centre" + (c.X.rows() == 1 ? "" : "s") +
                       " (rows) but --k " + std::to_string(K) + "; give one row per cluster");
    return select_columns(c, features).X;
}

struct Problem {
    Matrix X;                        // N x D
    std::vector<std::string> names;  // D feature names
};

// The features from the CSV, and only those columns: --features, or every numeric column (text
// columns are skipped, with a note on stderr); a missing column is a CsvError listing the
// columns. Then the given centres, and the one precondition worth naming the file for: K
// distinct points.
Problem load(Request& r) {
    CsvColumns wanted;
    wanted.names = r.features;
    CsvOptions options;
    if (!r.json) options.progress = progress_on_stderr(r.data);  // only for a read of a second or more
    Table t = read_csv_columns(r.data, wanted, options);
    const std::string note = skipped_text_note(t);
    if (!note.empty()) std::fprintf(stderr, "mlfs kmeans: note: %s\n", note.c_str());
    Problem p;
    p.names = t.names;  // the features, in the order asked for
    p.X = std::move(t.X);
    // (KM.1) J sums N squared distances of D terms each, |x_ij - c_kj| <= 2 max |x_ij|: 4 N D squares
    require_representable_columns(r.data, p.X, p.names, 4.0 * double(p.X.rows()) * double(p.X.cols()),
                                  "squared distances");
    if (r.opt.init == KMeansInit::given) r.opt.init_centres = read_centres(r.centres, p.names, r.opt.n_clusters);
    return p;
}

// The rows the fit sees must hold K distinct points.
void require_k_points(const Request& r, const Problem& p) {
    const std::size_t K = r.opt.n_clusters, distinct = count_distinct_rows(p.X, K);  // exact when below K
    if (K > distinct)
        throw std::invalid_argument(r.data + ": --k " + std::to_string(K) + " but the " + std::to_string(p.X.rows()) +
                                    (r.holdout.split ? " training" : "") + " rows hold only " +
                                    std::to_string(distinct) +
                                    " distinct points; each cluster needs a point of its own");
}

// The held-out side: the rows the fit does not see, and the inertia of each side on the fitted
// centres, -KMeans.score(X): each row's squared distance to its nearest centre (predict), summed in
// the order of scikit-learn's threads (KM.1, KM.15; derivations/evaluation.md).
struct Evaluation {
    bool held_out = false;
    TrainTest rows;  // --test-size: which data rows went where
    Matrix test;
    std::vector<MetricRow> metrics;  // inertia
};

Evaluation hold_out(const Request& r, Problem& p) {
    Evaluation e;
    e.held_out = r.holdout.any();
    if (r.holdout.split) {
        e.rows = holdout_rows(r.holdout, p.X.rows(), r.data, nullptr);  // (EV.1)-(EV.2)
        e.test = take_rows(p.X, e.rows.test);
        p.X = take_rows(p.X, e.rows.train);
    } else if (e.held_out) {
        CsvColumns wanted;
        wanted.names = p.names;  // the fit's features, by name, in its order
        e.test = read_csv_columns(r.holdout.test_file, wanted).X;
        require_representable_columns(r.holdout.test_file, e.test, p.names,
                                      4.0 * double(e.test.rows()) * double(e.test.cols()), "squared distances");
    }
    return e;
}

double score_inertia(const KMeansResult& km, const Matrix& X, int reference_threads) {
    return kmeans_inertia(X, km.cluster_centers_, kmeans_predict(km, X), reference_threads);  // -score(X)
}

void score(const Request& r, const Problem& p, const KMeansResult& km, Evaluation& e) {
    e.metrics = {{"inertia", score_inertia(km, p.X, r.opt.reference_threads),
                  e.held_out ? score_inertia(km, e.test, r.opt.reference_threads) : std::nan("")}};
}

int effective_n_init(const KMeansOptions& o) {  // sklearn's n_init='auto', and 1 for given centres
    if (o.init == KMeansInit::given) return 1;
    return o.n_init > 0 ? o.n_init : o.init == KMeansInit::random ? 10 : 1;
}

Json to_json(const Request& r, const Problem& p, const KMeansResult& km, const Evaluation& e) {
    Json j = Json::object();
    j.add("labels_", Json::numbers(Vector(km.labels_.begin(), km.labels_.end())));
    j.add("cluster_centers_", Json::rows(km.cluster_centers_)).add("inertia_", Json::number(km.inertia_));
    j.add("n_iter_", Json::number(km.n_iter_)).add("feature_names_in_", Json::strings(p.names));
    j.add("init", Json::string(r.init)).add("n_init", Json::number(effective_n_init(r.opt)));
    j.add("closest_call", Json::number(km.closest_call_)).add("sklearn_threads", Json::number(r.opt.reference_threads));
    j.add("seed", Json::number(r.opt.seed));
    j.add("train", metrics_json(e.metrics, false));
    if (e.held_out) {
        j.add("test", metrics_json(e.metrics, true));
        j.add("split", split_json(r.holdout, e.rows, p.X.rows(), e.test.rows()));
    }
    return j;
}

// The silhouette score, or why there is none.
std::string silhouette_line(const Problem& p, const KMeansResult& km, Vector& s) {
    const std::size_t N = p.X.rows(), used = std::set<int>(km.labels_.begin(), km.labels_.end()).size();
    if (used < 2 || used >= N)
        return "silhouette: not defined: it needs 2 <= K < N clusters, here K = " + std::to_string(used) +
               " and N = " + std::to_string(N);
    if (N > kSilhouetteMaxN)
        return "silhouette: skipped, " + std::to_string(N) +
               " samples would take N^2 = " + format_number(static_cast<double>(N) * static_cast<double>(N)) +
               " distances";
    s = silhouette_samples(p.X, km.labels_);  // (KM.12)
    double mean = 0.0;
    for (double v : s) mean += v;
    char buf[80];
    std::snprintf(buf, sizeof buf, "silhouette score %.6f (mean s_i, KM.12)", mean / static_cast<double>(N));
    return buf;
}

void print_text(const Request& r, const Problem& p, const KMeansResult& km, const std::string& silhouette,
                const Evaluation& e) {
    const char* init = r.opt.init == KMeansInit::given ? "given centres" : r.init.c_str();
    std::printf("%s: %zu rows, %zu feature%s (%s)\nK = %zu, init %s%s, n_init %d, seed %u, max_iter %d, tol %g "
                "(tol_abs %.6g, KM.6)\n\n",
                r.data.c_str(), p.X.rows(), p.X.cols(), p.X.cols() == 1 ? "" : "s", joined(p.names).c_str(),
                r.opt.n_clusters, init, r.opt.init == KMeansInit::given ? (" from " + r.centres).c_str() : "",
                effective_n_init(r.opt), r.opt.seed, r.opt.max_iter, r.opt.tol, kmeans_tolerance(p.X, r.opt.tol));
    print_clusters(p.names, km);
    const bool strict = km.strict_convergence_;
    std::printf(
        "\ninertia_ %.17g (KM.1)\nn_iter_  %d (%s)\nclosest call %.3g (KM.18: the smallest (d_2 - d_1) / d_2 of a "
        "sample's two nearest centres; 0 is an exact tie, below 1e-12 a tie decided by the last bit)\n"
        "sums in the order of scikit-learn with %d OpenMP thread%s (KM.15, --sklearn-threads)\n%s\n",
        km.inertia_, km.n_iter_,
        strict                         ? "labels unchanged: converged, KM.7"
        : km.n_iter_ == r.opt.max_iter ? "stopped by --max-iter, then re-assigned, KM.8"
                                       : "the centres moved by <= tol_abs, then re-assigned, KM.5 and KM.8",
        km.closest_call_, r.opt.reference_threads, r.opt.reference_threads == 1 ? "" : "s", silhouette.c_str());
    if (!e.held_out) return;
    std::printf("\n%s\n", holdout_line(r.holdout, p.X.rows(), e.test.rows()).c_str());
    std::printf("inertia: each row's squared distance to its nearest centre, summed (-KMeans.score(X), KM.1)\n");
    print_metric_table(e.metrics, true);
}

// The plots of a --data fit: clusters in the plane of the first two features, the elbow, the silhouette.
std::string write_plots(const std::string& out, const Request& r, const Problem& p, const KMeansResult& km,
                        const Vector& s) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw std::runtime_error(out + ": cannot create the output folder: " + ec.message());
    const std::string file = r.data.substr(r.data.find_last_of('/') + 1);  // npos + 1 == 0
    const std::size_t b = p.X.cols() > 1 ? 1 : 0;
    write_cluster_plot(out + "/kmeans_clusters.svg", file + ", K = " + std::to_string(r.opt.n_clusters), p.X, 0, b,
                       p.names, km, true);
    std::string wrote = "kmeans_clusters.svg";
    const std::size_t k_max = std::min({std::size_t{10}, p.X.rows() - 1, count_distinct_rows(p.X, 10)});
    if (k_max >= 1) {
        KMeansOptions base = r.opt;  // a sweep over K cannot use K given centres: k-means++ instead
        if (base.init == KMeansInit::given) base.init = KMeansInit::kmeans_plus_plus, base.init_centres = Matrix();
        write_elbow_plot(out + "/kmeans_elbow.svg", file + ": the elbow, inertia_ against K", elbow(p.X, k_max, base),
                         r.opt.n_clusters);
        wrote += ", kmeans_elbow.svg";
    }
    if (!s.empty()) {
        write_silhouette_plot(out + "/kmeans_silhouette.svg", file + ": silhouette of each sample", s, km.labels_);
        wrote += ", kmeans_silhouette.svg";
    }
    return wrote;
}

}  // namespace

int cmd_kmeans(int argc, char** argv) {
    Args args = make_args();
    if (!args.parse(argc, argv)) return print_help(args);
    if (!args.has("--data")) return run_study_without_data(args, "mlfs-kmeans", run_kmeans_study);
    Request r = read_request(args);
    Problem p = load(r);
    Evaluation e = hold_out(r, p);  // p keeps the rows the fit sees
    require_k_points(r, p);
    if (!r.json) {  // progress on stderr: one line per Lloyd iteration, as mlfs mlp prints its epochs
        const auto t0 = std::chrono::steady_clock::now();
        r.opt.on_iteration = [t0](int iteration, double inertia) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::fprintf(stderr, "iteration %4d  inertia %.10g  elapsed %.3f s\n", iteration, inertia, elapsed);
        };
    }
    const KMeansResult km = kmeans_fit(p.X, r.opt);
    score(r, p, km, e);
    SavedModel m;  // for --save
    m.command = "kmeans";
    m.options.add("n_clusters", Json::number(static_cast<double>(r.opt.n_clusters))).add("init", Json::string(r.init));
    m.options.add("n_init", Json::number(effective_n_init(r.opt))).add("seed", Json::number(r.opt.seed));
    m.options.add("max_iter", Json::number(r.opt.max_iter)).add("tol", Json::number(r.opt.tol));
    m.feature_names = p.names;
    m.cluster_centers_ = km.cluster_centers_;
    m.sklearn_threads = r.opt.reference_threads;
    save_model_if_asked(args, m);
    Vector s;  // the silhouette s_i, computed for the text (N^2 distances), then plotted
    return finish_data_run(
        args, r.json, [&] { return to_json(r, p, km, e).dump(); },
        [&] { print_text(r, p, km, silhouette_line(p, km, s), e); },
        [&](const std::string& out) { return write_plots(out, r, p, km, s); });
}

}  // namespace mlfs

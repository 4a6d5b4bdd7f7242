// SPDX-License-Identifier: MIT
// mlfs predict --model MODEL.json --data FILE.csv [--out PREDICTIONS.csv] [--proba]: a model saved by
// `mlfs linreg|logreg|kmeans|mlp --save` (io/model_file.hpp) applied to new rows, matched to its
// features by column name. The same functions as the fit compute the predictions, from the same
// doubles, so a reloaded model predicts exactly what the fitted one did.
// Legend: N rows, D features, K classes.
#include <cstdio>
#include <string>
#include <vector>

#include "algorithms/kmeans.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/model_command.hpp"
#include "io/csv.hpp"
#include "io/model_file.hpp"
#include "io/write_file.hpp"
#include "linalg/format.hpp"

namespace mlfs {

namespace {

const char* const kSummary =
    "Predictions of a saved model for new rows.\n\n"
    "--model is a file written by mlfs linreg, logreg, kmeans or mlp with --save; --data a CSV file that has\n"
    "the model's feature columns (matched by name, in any order; other columns are ignored). Prints, or\n"
    "writes to --out, a CSV with one row per data row: the model's features as they were read, then\n"
    "`prediction` (linreg and mlp regression: the predicted value; logreg and mlp classification: the\n"
    "class, as the training file wrote it, text or number; kmeans: the cluster 0 .. K-1), or with --proba\n"
    "one column per class in classes_ order, proba_CLASS (predict_proba). Each number is the shortest\n"
    "decimal that reads back as the same double. A model file that is damaged, of another format version or not an mlfs model, a missing\n"
    "column, or --proba for a model without classes is one line on stderr and exit 1; nothing is written.";

Args make_args() {
    Args args("mlfs predict", kSummary);
    args.option("--model", "MODEL.json", "the model, as --save wrote it (required)");
    args.option("--data", "FILE.csv", "the rows to predict (required)");
    args.option("--out", "FILE.csv", "write the predictions here (whole or not at all) instead of stdout");
    args.flag("--proba", "the class probabilities instead of the class (logreg, mlp classification)");
    return args;
}

// A CSV field: as it is, or in double quotes (with "" for a quote) when it holds a comma, a quote or
// spaces at an end, as RFC 4180 and the reader expect.
std::string csv_field(const std::string& s) {
    const bool quote = s.find_first_of(",\"") != std::string::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The name of the class with value v among the model's classes (logreg's classes_ hold values, or
// 0 .. K-1 for text labels, in the order of class_names).
std::string class_name(const SavedModel& m, double v, const Vector& classes) {
    for (std::size_t k = 0; k < classes.size(); ++k)
        if (classes[k] == v) return m.class_names[k];
    throw std::logic_error("predict: a class not among classes_");
}

struct Predictions {
    std::vector<std::string> header;             // the prediction columns' names
    std::vector<std::vector<std::string>> rows;  // N rows of those columns
};

Predictions predict_rows(const SavedModel& m, const Matrix& X, bool proba) {
    Predictions out;
    const std::size_t N = X.rows();
    out.rows.resize(N);
    const bool classifier = m.command == "logreg" || (m.command == "mlp" && m.classify);
    if (proba && !classifier)
        throw ModelError("--proba: the model is a " + m.command + (m.command == "mlp" ? " regression" : "") +
                         " fit, which has no class probabilities");
    if (proba) {
        Matrix P;
        if (m.command == "logreg") {
            P = predict_proba(m.logistic, X);  // (LG.1), (LG.11)
        } else {
            MLPClassifier clf;
            clf.classes_ = m.mlp_classes;
            clf.fit.net = m.network;
            P = mlp_predict_proba(clf, X);
        }
        for (const std::string& c : m.class_names) out.header.push_back("proba_" + c);
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t k = 0; k < P.cols(); ++k) out.rows[i].push_back(format_shortest(P(i, k)));
        return out;
    }
    out.header = {"prediction"};
    if (m.command == "linreg") {
        const Vector y = predict(m.linear, X);  // (LR.8)
        for (std::size_t i = 0; i < N; ++i) out.rows[i] = {format_shortest(y[i])};
    } else if (m.command == "logreg") {
        const Vector y = predict(m.logistic, X);  // (LG.16)
        for (std::size_t i = 0; i < N; ++i) out.rows[i] = {class_name(m, y[i], m.logistic.classes_)};
    } else if (m.command == "kmeans") {
        KMeansResult km;
        km.cluster_centers_ = m.cluster_centers_;
        const std::vector<int> l = kmeans_predict(km, X);  // (KM.2) the nearest centre
        for (std::size_t i = 0; i < N; ++i) out.rows[i] = {std::to_string(l[i])};
    } else if (m.classify) {
        MLPClassifier clf;
        clf.classes_ = m.mlp_classes;
        clf.fit.net = m.network;
        const std::vector<int> y = mlp_predict(clf, X);
        Vector classes(m.mlp_classes.begin(), m.mlp_classes.end());
        for (std::size_t i = 0; i < N; ++i) out.rows[i] = {class_name(m, static_cast<double>(y[i]), classes)};
    } else {
        MLPRegressor reg;
        reg.fit.net = m.network;
        const Matrix Y = mlp_predict(reg, X);
        for (std::size_t i = 0; i < N; ++i) out.rows[i] = {format_shortest(Y(i, 0))};
    }
    return out;
}

}  // namespace

int cmd_predict(int argc, char** argv) {
    Args args = make_args();
    if (!args.parse(argc, argv)) return print_help(args);
    if (!args.has("--model")) args.fail("--model MODEL.json is required (a file written by --save)");
    if (!args.has("--data")) args.fail("--data FILE.csv is required (the rows to predict)");
    const SavedModel m = read_model(args.get("--model"));
    CsvColumns wanted;
    wanted.names = m.feature_names;  // by name, in the model's order
    const Table t = read_csv_columns(args.get("--data"), wanted);
    const Predictions p = predict_rows(m, t.X, args.has("--proba"));
    std::string text;
    for (std::size_t j = 0; j < t.names.size(); ++j) text += (j ? "," : "") + csv_field(t.names[j]);
    for (const std::string& h : p.header) text += "," + csv_field(h);
    text += "\n";
    for (std::size_t i = 0; i < t.X.rows(); ++i) {
        for (std::size_t j = 0; j < t.X.cols(); ++j) text += (j ? "," : "") + format_shortest(t.X(i, j));
        for (const std::string& v : p.rows[i]) text += "," + csv_field(v);
        text += "\n";
    }
    if (args.has("--out")) {
        write_file_whole(args.get("--out"), text, "predictions");
        std::fprintf(stderr, "mlfs predict: wrote %zu rows to %s\n", t.X.rows(), args.get("--out").c_str());
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return kExitOk;
}

}  // namespace mlfs

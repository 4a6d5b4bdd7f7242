// SPDX-License-Identifier: MIT
// Held-out rows and the metric tables of the model subcommands (cli/holdout.hpp).
#include "cli/holdout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "linalg/format.hpp"

namespace mlfs {

namespace {

// --test-size as scikit-learn reads test_size: with a '.', 'e' or 'E' a float (a fraction in (0, 1)),
// otherwise an integer (a count of rows)
TestSize read_test_size(const Args& args) {
    const std::string text = args.get("--test-size");
    if (text.find_first_of(".eE") != std::string::npos) {
        const double f = args.get_double("--test-size", 0.25);
        if (!(f > 0.0 && f < 1.0))
            args.fail("--test-size must be a fraction between 0 and 1 (0.25) or a whole number of rows (30), got " +
                      text);
        return TestSize::of_fraction(f);
    }
    const long n = args.get_int("--test-size", 0);
    if (n < 1)
        args.fail("--test-size must be a fraction between 0 and 1 (0.25) or a whole number of rows (30), got " + text);
    return TestSize::of_count(static_cast<std::size_t>(n));
}

Vector indices(const std::vector<std::size_t>& rows) { return Vector(rows.begin(), rows.end()); }

}  // namespace

void add_holdout_options(Args& args, bool classifier) {
    args.option("--test", "FILE.csv",
                "held-out rows from another file: the metrics on them beside the training metrics (columns matched "
                "by name)");
    args.option("--test-size", "F",
                "hold out rows of --data: a fraction in (0, 1) (0.25) or a number of rows (30), the rows "
                "scikit-learn's train_test_split(test_size=F, random_state=S) picks; fit on the rest");
    args.option("--split-seed", "S", "train_test_split's random_state, 0 to 4294967295 (default 0)");
    if (classifier)
        args.flag("--stratify", "keep the classes' proportions on both sides (train_test_split's stratify=y)");
}

Holdout read_holdout(const Args& args, bool classifier) {
    Holdout h;
    if (args.has("--test")) h.test_file = args.get("--test");
    h.split = args.has("--test-size");
    if (h.split && !h.test_file.empty())
        args.fail("give held-out rows one way: --test FILE.csv, or --test-size F to split --data, not both");
    if (h.split) h.size = read_test_size(args);
    if (args.has("--split-seed")) {
        if (!h.split) args.fail("--split-seed needs --test-size F (it seeds the split of --data)");
        const std::string text = args.get("--split-seed");
        const long s = text.find_first_not_of("0123456789") == std::string::npos && text.size() <= 10
                           ? args.get_int("--split-seed", 0)
                           : -1;
        if (s < 0 || s > 4294967295L)
            args.fail("--split-seed must be a whole number from 0 to 4294967295 (numpy's RandomState seeds), got " +
                      text);
        h.seed = static_cast<std::uint32_t>(s);
    }
    if (classifier && args.has("--stratify")) {
        if (!h.split) args.fail("--stratify needs --test-size F (it shapes the split of --data)");
        h.stratify = true;
    }
    return h;
}

TrainTest holdout_rows(const Holdout& h, std::size_t N, const std::string& file, const Labels* y,
                       const std::vector<std::string>* class_names) {
    const std::string how = h.size.is_fraction ? "--test-size " + format_shortest(h.size.fraction)
                                               : "--test-size " + std::to_string(h.size.count);
    if (h.stratify && y && class_names) {  // a class of one row, named as the file writes it
        std::vector<std::size_t> count(class_names->size(), 0);
        for (std::size_t k : *y) ++count[k];
        for (std::size_t k = 0; k < count.size(); ++k)
            if (count[k] == 1)
                throw std::invalid_argument(file + ": " + std::to_string(N) + " rows cannot be split by " + how +
                                            " --stratify: class \"" + (*class_names)[k].substr(0, 40) +
                                            "\" has 1 row; every class needs at least 2");
    }
    try {
        const SplitSizes sizes = split_sizes(N, h.size);  // (EV.1)
        if (h.stratify && y)                              // (EV.3)-(EV.4)
            return stratified_train_test_split(*y, y->empty() ? 0 : 1 + *std::max_element(y->begin(), y->end()), sizes,
                                               h.seed);
        return train_test_split(N, sizes, h.seed);  // (EV.2)
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(file + ": " + std::to_string(N) + " rows cannot be split by " + how + ": " +
                                    e.what());
    }
}

Matrix take_rows(const Matrix& X, const std::vector<std::size_t>& rows) {
    const std::size_t D = X.cols();
    Matrix out(rows.size(), D);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t j = 0; j < D; ++j) out(r, j) = X(rows[r], j);
    return out;
}

Vector take(const Vector& v, const std::vector<std::size_t>& rows) {
    Vector out(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) out[r] = v[rows[r]];
    return out;
}

Labels take(const Labels& v, const std::vector<std::size_t>& rows) {
    Labels out(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) out[r] = v[rows[r]];
    return out;
}

std::string holdout_line(const Holdout& h, std::size_t n_train, std::size_t n_test) {
    if (!h.split)
        return "held out: the " + std::to_string(n_test) + " rows of " + h.test_file + " (--test); fitted on " +
               std::to_string(n_train) + " rows";
    const std::string size = h.size.is_fraction ? format_shortest(h.size.fraction) : std::to_string(h.size.count);
    return "held out: " + std::to_string(n_test) + " of " + std::to_string(n_train + n_test) + " rows (--test-size " +
           size + ", --split-seed " + std::to_string(h.seed) + (h.stratify ? ", --stratify" : "") +
           ", the rows of train_test_split); fitted on the other " + std::to_string(n_train);
}

Json split_json(const Holdout& h, const TrainTest& rows, std::size_t n_train, std::size_t n_test) {
    Json j = Json::object();
    if (!h.split) {
        j.add("test_file", Json::string(h.test_file));
    } else {
        j.add("test_size",
              h.size.is_fraction ? Json::number(h.size.fraction) : Json::number(static_cast<double>(h.size.count)));
        j.add("random_state", Json::number(h.seed)).add("stratify", Json::boolean(h.stratify));
    }
    j.add("n_train", Json::number(static_cast<double>(n_train)))
        .add("n_test", Json::number(static_cast<double>(n_test)));
    if (h.split)
        j.add("train_index", Json::numbers(indices(rows.train))).add("test_index", Json::numbers(indices(rows.test)));
    return j;
}

void print_metric_table(const std::vector<MetricRow>& rows, bool has_test) {
    std::printf("%-22s %24s%s\n", "metric (sklearn.metrics)", "train", has_test ? "                     test" : "");
    for (const MetricRow& m : rows) {
        auto shown = [](double x) { return std::isnan(x) ? std::string("undefined") : format_exact(x); };
        std::printf("%-22s %24s", m.name.c_str(), shown(m.train).c_str());
        if (has_test) std::printf(" %24s", shown(m.test).c_str());
        std::printf("\n");
    }
}

Json metrics_json(const std::vector<MetricRow>& rows, bool test_side) {
    Json j = Json::object();
    for (const MetricRow& m : rows)  // an undefined metric (R^2 of one row) is left out
        if (std::isfinite(test_side ? m.test : m.train)) j.add(m.name, Json::number(test_side ? m.test : m.train));
    return j;
}

std::vector<MetricRow> regression_rows(const Vector& y_train, const Vector& yhat_train, const Vector* y_test,
                                       const Vector* yhat_test) {
    const bool t = y_test && yhat_test;
    const double nan = std::nan("");
    return {{"r2_score", r2_score(y_train, yhat_train), t ? r2_score(*y_test, *yhat_test) : nan},  // (EV.5)
            {"mean_squared_error", mean_squared_error(y_train, yhat_train),
             t ? mean_squared_error(*y_test, *yhat_test) : nan},  // (EV.6)
            {"mean_absolute_error", mean_absolute_error(y_train, yhat_train),
             t ? mean_absolute_error(*y_test, *yhat_test) : nan}};  // (EV.7)
}

Scores class_scores(const Labels& y, const Labels& y_hat, const Matrix& P, std::size_t K) {
    Scores s;
    s.accuracy = accuracy_score(y, y_hat);          // (EV.8)
    s.log_loss = log_loss(y, P);                    // (EV.9)
    s.confusion = confusion_matrix(y, y_hat, K);    // (EV.10)
    s.report = classification_report(y, y_hat, K);  // (EV.11)-(EV.12)
    return s;
}

Json scores_json(const Scores& s, const std::vector<std::string>& classes) {
    const std::size_t K = classes.size();
    Json j = Json::object();
    j.add("accuracy_score", Json::number(s.accuracy)).add("log_loss", Json::number(s.log_loss));
    Matrix C(K, K);
    for (std::size_t a = 0; a < K; ++a)
        for (std::size_t b = 0; b < K; ++b) C(a, b) = static_cast<double>(s.confusion[a][b]);
    j.add("confusion_matrix", Json::rows(C));
    const ClassificationReport& c = s.report;
    double total = 0.0;
    Json rep = Json::object();
    for (std::size_t k = 0; k < K; ++k) {
        Json one = Json::object();
        one.add("precision", Json::number(c.precision[k])).add("recall", Json::number(c.recall[k]));
        one.add("f1-score", Json::number(c.f1[k])).add("support", Json::number(static_cast<double>(c.support[k])));
        rep.add(classes[k], std::move(one));
        total += static_cast<double>(c.support[k]);
    }
    Json macro = Json::object(), weighted = Json::object();
    macro.add("precision", Json::number(c.macro_precision)).add("recall", Json::number(c.macro_recall));
    macro.add("f1-score", Json::number(c.macro_f1)).add("support", Json::number(total));
    weighted.add("precision", Json::number(c.weighted_precision)).add("recall", Json::number(c.weighted_recall));
    weighted.add("f1-score", Json::number(c.weighted_f1)).add("support", Json::number(total));
    rep.add("macro avg", std::move(macro)).add("weighted avg", std::move(weighted));
    return j.add("classification_report", std::move(rep));
}

void print_scores(const char* side, const Scores& s, const std::vector<std::string>& classes) {
    std::printf("\n-- %s rows: classification_report (EV.11, EV.12) --\n%14s %10s %10s %10s %10s\n", side, "class",
                "precision", "recall", "f1-score", "support");
    const ClassificationReport& c = s.report;
    std::size_t total = 0;
    for (std::size_t k = 0; k < classes.size(); ++k) {
        std::printf("%14s %10.4f %10.4f %10.4f %10zu\n", classes[k].c_str(), c.precision[k], c.recall[k], c.f1[k],
                    c.support[k]);
        total += c.support[k];
    }
    std::printf("%14s %10.4f %10.4f %10.4f %10zu\n%14s %10.4f %10.4f %10.4f %10zu\n", "macro avg", c.macro_precision,
                c.macro_recall, c.macro_f1, total, "weighted avg", c.weighted_precision, c.weighted_recall,
                c.weighted_f1, total);
    int w = 8;  // a column as wide as the longest class name
    for (const std::string& k : classes) w = std::max(w, static_cast<int>(k.size()));
    std::printf("confusion_matrix (EV.10), rows the true class, columns the predicted one:\n%14s", "");
    for (const std::string& k : classes) std::printf(" %*s", w, k.c_str());
    std::printf("\n");
    for (std::size_t a = 0; a < classes.size(); ++a) {
        std::printf("%14s", classes[a].c_str());
        for (std::size_t b = 0; b < classes.size(); ++b) std::printf(" %*zu", w, s.confusion[a][b]);
        std::printf("\n");
    }
}

}  // namespace mlfs

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

TrainTest holdout_rows(const Holdout& h, std::size_t N, const std::string& file, const Labels* y) {
    const std::string how = h.size.is_fraction ? "--test-size " + format_number(h.size.fraction)
                                               : "--test-size " + std::to_string(h.size.count);
    try {
        const SplitSizes sizes = split_sizes(N, h.size);  // (EV.1)
        if (h.stratify && y)
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
    const std::string size = h.size.is_fraction ? format_number(h.size.fraction) : std::to_string(h.size.count);
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
        std::printf("%-22s %24s", m.name.c_str(), format_exact(m.train).c_str());
        if (has_test) std::printf(" %24s", format_exact(m.test).c_str());
        std::printf("\n");
    }
}

Json metrics_json(const std::vector<MetricRow>& rows, bool test_side) {
    Json j = Json::object();
    for (const MetricRow& m : rows) j.add(m.name, Json::number(test_side ? m.test : m.train));
    return j;
}

}  // namespace mlfs

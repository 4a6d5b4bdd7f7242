// SPDX-License-Identifier: MIT
// Held-out rows for the model subcommands (linreg, logreg, mlp, kmeans): --test FILE.csv, or
// --test-size F --split-seed S [--stratify], which picks the rows scikit-learn's
// train_test_split(test_size=F, random_state=S[, stratify=y]) picks (algorithms/split.hpp), and the
// table and JSON objects in which a command shows its metrics on both sides
// (derivations/evaluation.md).
//
//   add_holdout_options(args, true);                  // in make_args, before --out
//   const Holdout h = read_holdout(args, true);        // in read_request: UsageError on a bad value
//   TrainTest rows = holdout_rows(h, N, file, &y);     // after loading: the split, or a clear error
//   Matrix X_train = take_rows(X, rows.train);
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/metrics.hpp"
#include "algorithms/split.hpp"
#include "cli/args.hpp"
#include "io/json.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

struct Holdout {
    std::string test_file;  // --test FILE.csv: held-out rows from another file, columns matched by name
    bool split = false;     // --test-size given: held-out rows from the data itself
    TestSize size;
    std::uint32_t seed = 0;  // --split-seed, train_test_split's random_state (default 0)
    bool stratify = false;   // --stratify: classes in the same proportions on both sides
    bool any() const { return split || !test_file.empty(); }
};

// Declares --test, --test-size, --split-seed and, for a classifier, --stratify.
void add_holdout_options(Args& args, bool classifier);

// The options as given; a value that no data could make right (--test-size 1.5, --split-seed -1,
// --test with --test-size, --split-seed without --test-size) is a UsageError.
Holdout read_holdout(const Args& args, bool classifier);

// The rows of the split of N rows read from `file` (y: class indices for --stratify, else null;
// class_names: their labels, for messages). A split that these rows cannot make (too few rows, a
// class with one row when stratifying) is a std::invalid_argument naming the file, the sizes, the
// class and the option to change.
TrainTest holdout_rows(const Holdout& h, std::size_t N, const std::string& file, const Labels* y,
                       const std::vector<std::string>* class_names = nullptr);

Matrix take_rows(const Matrix& X, const std::vector<std::size_t>& rows);  // X's rows, in that order
Vector take(const Vector& v, const std::vector<std::size_t>& rows);
Labels take(const Labels& v, const std::vector<std::size_t>& rows);

// "held out: 38 of 150 rows (--test-size 0.25, --split-seed 0, the rows of train_test_split); fitted on
// the other 112", or "held out: the 50 rows of test.csv (--test); fitted on 150 rows".
std::string holdout_line(const Holdout& h, std::size_t n_train, std::size_t n_test);

// JSON "split": {"test_size": 0.25, "random_state": 0, "stratify": false, "n_train": 112, "n_test": 38,
// "train_index": [...], "test_index": [...]} (row indices 0-based among the data rows), or for --test
// {"test_file": "...", "n_train": ..., "n_test": ...}.
Json split_json(const Holdout& h, const TrainTest& rows, std::size_t n_train, std::size_t n_test);

// One metric per row, sklearn.metrics' name first, then the train and (if any) test values:
//   metric                          train                  test
//   r2_score           0.51774346551284018    0.4526027629719195
struct MetricRow {
    std::string name;
    double train = 0.0, test = 0.0;
};
void print_metric_table(const std::vector<MetricRow>& rows, bool has_test);
// {"r2_score": ..., ...} of one side
Json metrics_json(const std::vector<MetricRow>& rows, bool test_side);

// r2_score, mean_squared_error, mean_absolute_error of a regressor on both sides (test ones NaN
// without a test side), (EV.5)-(EV.7)
std::vector<MetricRow> regression_rows(const Vector& y_train, const Vector& yhat_train, const Vector* y_test,
                                       const Vector* yhat_test);

// A classifier's sklearn.metrics on one side's rows, labels = classes_ (EV.8)-(EV.12): y and y_hat
// class indices, P the N x K predicted probabilities.
struct Scores {
    double accuracy = 0.0, log_loss = 0.0;
    std::vector<std::vector<std::size_t>> confusion;
    ClassificationReport report;
};
Scores class_scores(const Labels& y, const Labels& y_hat, const Matrix& P, std::size_t K);

// {"accuracy_score", "log_loss", "confusion_matrix": [[...]], "classification_report": {...}}, the
// report keyed as classification_report(output_dict=True) keys it: each class by name, "macro avg",
// "weighted avg", each {"precision", "recall", "f1-score", "support"}.
Json scores_json(const Scores& s, const std::vector<std::string>& classes);

// classification_report's table and the confusion matrix of one side ("test", "training"), as text.
void print_scores(const char* side, const Scores& s, const std::vector<std::string>& classes);

}  // namespace mlfs

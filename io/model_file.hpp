// SPDX-License-Identifier: MIT
// A fitted model in a file: what `mlfs linreg|logreg|kmeans|mlp --save model.json` writes and
// `mlfs predict --model model.json` reads back. One JSON object (io/json.hpp), every parameter at 17
// significant digits, so that reading it back gives the same doubles and the reloaded model predicts
// exactly what the fitted one did, bit for bit (the same functions compute both).
//
//   {"format": "mlfs model", "format_version": 1, "mlfs_version": "0.1.0", "command": "logreg",
//    "options": {...as given...}, "feature_names_in_": ["x1", "x2"], "target": "y",
//    "classes_": ["cat", "dog"], "coef_": [[...]], "intercept_": [...]}
//
// Parameters by command, with scikit-learn's names: linreg coef_ (D), intercept_; logreg coef_
// (M x D), intercept_ (M), classes_; kmeans cluster_centers_ (K x D), sklearn_threads; mlp task,
// activation, out_activation_ ("identity", "logistic" or "softmax"), coefs_ (one H_{l-1} x H_l
// matrix per layer), intercepts_, and classes_ for a classifier. classes_ are numbers, or strings
// for text labels.
//
// read_model refuses, each with one line naming the file (and line and column where the JSON
// itself is broken): a file that is not JSON, not an mlfs model, of another format_version, of a
// command it does not know, with a missing or mistyped field, with shapes that disagree (coef_ of 3
// columns and 4 feature names), non-finite numbers, or classes not in ascending order.
#pragma once

#include <string>
#include <vector>

#include "algorithms/linear_regression.hpp"
#include "algorithms/logistic_regression.hpp"
#include "algorithms/mlp.hpp"
#include "io/json.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

constexpr int kModelFormatVersion = 1;

struct ModelError : std::runtime_error {
    explicit ModelError(const std::string& message) : std::runtime_error(message) {}
};

struct SavedModel {
    std::string command;                     // linreg, logreg, kmeans or mlp
    std::string mlfs_version;                // of the program that wrote it
    Json options = Json::object();           // the fit's options as the command echoes them (written only)
    std::vector<std::string> feature_names;  // D, in the order the parameters use them
    std::string target;                      // the column the model predicts (empty for kmeans)
    // classifiers (logreg, mlp with task classify): classes_ in order, as text and, for numbers, values
    bool classes_numeric = true;
    std::vector<std::string> class_names;
    Vector class_values;
    LinearModel linear;            // linreg
    LogisticModel logistic;        // logreg; classes_ holds the class values (numbers) or 0 .. K-1 (text)
    Matrix cluster_centers_;       // kmeans, K x D
    int sklearn_threads = 1;       // kmeans: the order of the sums of its inertia
    bool classify = false;         // mlp: task
    Network network;               // mlp
    std::vector<int> mlp_classes;  // mlp classifier: the integer labels (text labels: their indices)
};

// The model as the text of its file (one JSON object, 17 significant digits).
std::string model_text(const SavedModel& m);

// Reads and checks a model file; throws ModelError (or the JSON reader's error) with one line.
SavedModel read_model(const std::string& path);
// The same for a model file's text already in memory; `path` names it in messages.
SavedModel parse_model(const std::string& text, const std::string& path);

}  // namespace mlfs

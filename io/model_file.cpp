// SPDX-License-Identifier: MIT
// Writing and reading a fitted model (io/model_file.hpp).
#include "io/model_file.hpp"

#include <cmath>
#include <set>

#include "io/json_read.hpp"
#include "linalg/format.hpp"

namespace mlfs {

namespace {

const char* output_name(OutputKind k) {
    return k == OutputKind::identity ? "identity" : k == OutputKind::logistic ? "logistic" : "softmax";
}

Json classes_json(const SavedModel& m) {
    return m.classes_numeric ? Json::numbers(m.class_values) : Json::strings(m.class_names);
}

std::string str(std::size_t n) { return std::to_string(n); }

// A matrix: an array of rows, each an array of numbers, all of one length (rows x cols > 0).
Matrix matrix_of(const JsonCursor& c) {
    const std::size_t R = c.size();
    if (R == 0) c.fail("is empty; expected rows of numbers");
    const std::size_t C = c[0].numbers().size();
    if (C == 0) c.fail("has an empty row");
    Matrix A(R, C);
    for (std::size_t i = 0; i < R; ++i) {
        const Vector row = c[i].numbers();
        if (row.size() != C) c[i].fail("has " + str(row.size()) + " numbers, but row 0 has " + str(C));
        for (std::size_t j = 0; j < C; ++j) A(i, j) = row[j];
    }
    return A;
}

// classes_: numbers or strings, at least two, strictly ascending (by value, or by byte as np.unique
// sorts text)
void read_classes(const JsonCursor& model, const std::string& path, SavedModel& m) {
    const JsonCursor c = model.at("classes_");
    if (c.size() < 2) c.fail("has " + str(c.size()) + " classes; a classifier has at least two");
    m.classes_numeric = c[0].value().is_number();
    if (m.classes_numeric) {
        m.class_values = c.numbers();
        for (double v : m.class_values) m.class_names.push_back(format_shortest(v));
    } else {
        m.class_names = c.strings();
    }
    for (std::size_t k = 1; k < m.class_names.size(); ++k) {
        const bool ascending = m.classes_numeric ? m.class_values[k - 1] < m.class_values[k]
                                                 : m.class_names[k - 1] < m.class_names[k];
        if (!ascending)
            throw ModelError(path + ": classes_ are not in ascending order (entry " + str(k) + ", \"" +
                             m.class_names[k].substr(0, 40) + "\"); the file was changed by hand");
    }
}

void require_size(const std::string& path, const std::string& what, std::size_t got, std::size_t want,
                  const std::string& of) {
    if (got != want)
        throw ModelError(path + ": " + what + " has " + str(got) + " entries but there are " + str(want) + " " + of);
}

Activation activation_of(const JsonCursor& c) {
    const std::string a = c.string();
    for (Activation f : {Activation::identity, Activation::logistic, Activation::tanh, Activation::relu})
        if (a == activation_name(f)) return f;
    c.fail("is \"" + a.substr(0, 40) + "\"; expected identity, logistic, tanh or relu");
}

void read_linreg(const JsonCursor& c, const std::string& path, SavedModel& m) {
    m.linear.coef_ = c.at("coef_").numbers();
    require_size(path, "coef_", m.linear.coef_.size(), m.feature_names.size(), "features");
    m.linear.intercept_ = c.at("intercept_").number();
}

void read_logreg(const JsonCursor& c, const std::string& path, SavedModel& m) {
    read_classes(c, path, m);
    const std::size_t K = m.class_names.size(), M = K == 2 ? 1 : K, D = m.feature_names.size();
    m.logistic.coef_ = matrix_of(c.at("coef_"));
    require_size(path, "coef_", m.logistic.coef_.rows(), M, "model rows (1 for two classes, else one per class)");
    require_size(path, "coef_[0]", m.logistic.coef_.cols(), D, "features");
    m.logistic.intercept_ = c.at("intercept_").numbers();
    require_size(path, "intercept_", m.logistic.intercept_.size(), M, "model rows");
    m.logistic.classes_.clear();  // the values, or for text labels their indices 0 .. K-1
    for (std::size_t k = 0; k < K; ++k)
        m.logistic.classes_.push_back(m.classes_numeric ? m.class_values[k] : static_cast<double>(k));
}

void read_kmeans(const JsonCursor& c, const std::string& path, SavedModel& m) {
    m.cluster_centers_ = matrix_of(c.at("cluster_centers_"));
    require_size(path, "cluster_centers_[0]", m.cluster_centers_.cols(), m.feature_names.size(), "features");
    const double t = c.at("sklearn_threads").number();
    if (t != 1.0 && t != 2.0) c.at("sklearn_threads").fail("is " + format_shortest(t) + "; expected 1 or 2");
    m.sklearn_threads = static_cast<int>(t);
}

void read_mlp(const JsonCursor& c, const std::string& path, SavedModel& m) {
    const std::string task = c.at("task").string();
    if (task != "classify" && task != "regress")
        c.at("task").fail("is \"" + task.substr(0, 40) + "\"; expected classify or regress");
    m.classify = task == "classify";
    std::size_t outputs = 1;
    if (m.classify) {
        read_classes(c, path, m);
        const std::size_t K = m.class_names.size();
        outputs = K == 2 ? 1 : K;
        for (std::size_t k = 0; k < K; ++k) {
            const double v = m.classes_numeric ? m.class_values[k] : static_cast<double>(k);
            if (v != std::floor(v) || std::fabs(v) >= 1e9)
                throw ModelError(path + ": classes_ of an mlp classifier are integers or text, not " +
                                 format_shortest(v));
            m.mlp_classes.push_back(static_cast<int>(v));
        }
    }
    m.network.hidden = activation_of(c.at("activation"));
    const std::string out = c.at("out_activation_").string();
    const std::string want = !m.classify ? "identity" : outputs == 1 ? "logistic" : "softmax";
    if (out != want)
        c.at("out_activation_").fail("is \"" + out.substr(0, 40) + "\"; this task and classes_ need \"" + want + "\"");
    m.network.output = !m.classify ? OutputKind::identity : outputs == 1 ? OutputKind::logistic : OutputKind::softmax;
    const JsonCursor W = c.at("coefs_"), b = c.at("intercepts_");
    if (W.size() == 0) W.fail("is empty; a network has at least one layer");
    require_size(path, "intercepts_", b.size(), W.size(), "layers in coefs_");
    std::size_t width = m.feature_names.size();  // H_{l-1}, starting from D
    for (std::size_t l = 0; l < W.size(); ++l) {
        m.network.coefs_.push_back(matrix_of(W[l]));
        m.network.intercepts_.push_back(b[l].numbers());
        const Matrix& Wl = m.network.coefs_.back();
        require_size(path, "coefs_[" + str(l) + "]", Wl.rows(), width,
                     l == 0 ? "features" : "units in the layer before");
        require_size(path, "intercepts_[" + str(l) + "]", m.network.intercepts_.back().size(), Wl.cols(),
                     "units in its layer");
        width = Wl.cols();
    }
    require_size(path, "the last layer", width, outputs, "outputs for this task and classes_");
}

}  // namespace

std::string model_text(const SavedModel& m) {
    Json j = Json::object();
    j.add("format", Json::string("mlfs model")).add("format_version", Json::number(kModelFormatVersion));
    j.add("mlfs_version", Json::string(m.mlfs_version)).add("command", Json::string(m.command));
    j.add("options", m.options);
    j.add("feature_names_in_", Json::strings(m.feature_names));
    if (m.command != "kmeans") j.add("target", Json::string(m.target));
    if (m.command == "linreg") {
        j.add("coef_", Json::numbers(m.linear.coef_)).add("intercept_", Json::number(m.linear.intercept_));
    } else if (m.command == "logreg") {
        j.add("classes_", classes_json(m));
        j.add("coef_", Json::rows(m.logistic.coef_)).add("intercept_", Json::numbers(m.logistic.intercept_));
    } else if (m.command == "kmeans") {
        j.add("cluster_centers_", Json::rows(m.cluster_centers_));
        j.add("sklearn_threads", Json::number(m.sklearn_threads));
    } else if (m.command == "mlp") {
        j.add("task", Json::string(m.classify ? "classify" : "regress"));
        if (m.classify) j.add("classes_", classes_json(m));
        j.add("activation", Json::string(activation_name(m.network.hidden)));
        j.add("out_activation_", Json::string(output_name(m.network.output)));
        Json coefs = Json::array(), intercepts = Json::array();
        for (const Matrix& W : m.network.coefs_) coefs.push(Json::rows(W));
        for (const Vector& b : m.network.intercepts_) intercepts.push(Json::numbers(b));
        j.add("coefs_", std::move(coefs)).add("intercepts_", std::move(intercepts));
    } else {
        throw std::logic_error("model_text: unknown command \"" + m.command + "\"");
    }
    return j.dump() + "\n";
}

namespace {

SavedModel model_from_json(const JsonValue& doc, const std::string& path) {
    const JsonCursor c(doc, path);
    if (!doc.is_object() || !doc.has("format") || !doc.at("format", path).is_string() ||
        doc.at("format", path).string(path) != "mlfs model")
        throw ModelError(path + ": not an mlfs model file (it has no \"format\": \"mlfs model\"); write one with "
                                "mlfs linreg, logreg, kmeans or mlp --save");
    const double version = c.at("format_version").number();
    if (version != kModelFormatVersion)
        throw ModelError(path + ": format_version " + format_shortest(version) +
                         ", but this mlfs reads format_version " + str(kModelFormatVersion) +
                         "; save the model again with this mlfs");
    SavedModel m;
    m.mlfs_version = c.at("mlfs_version").string();
    m.command = c.at("command").string();
    if (m.command != "linreg" && m.command != "logreg" && m.command != "kmeans" && m.command != "mlp")
        throw ModelError(path + ": unknown command \"" + m.command.substr(0, 40) +
                         "\" (linreg, logreg, kmeans or mlp)");
    c.at("options").keys();  // an object
    m.feature_names = c.at("feature_names_in_").strings();
    if (m.feature_names.empty()) c.at("feature_names_in_").fail("is empty; a model has at least one feature");
    if (std::set<std::string>(m.feature_names.begin(), m.feature_names.end()).size() != m.feature_names.size())
        c.at("feature_names_in_").fail("names a feature twice");
    if (m.command != "kmeans") m.target = c.at("target").string();
    if (m.command == "linreg") read_linreg(c, path, m);
    else if (m.command == "logreg") read_logreg(c, path, m);
    else if (m.command == "kmeans") read_kmeans(c, path, m);
    else read_mlp(c, path, m);
    return m;
}

}  // namespace

SavedModel read_model(const std::string& path) {
    return model_from_json(read_json_file(path, std::size_t(1) << 25), path);  // 32 MiB: 1.3 million weights as text
}

SavedModel parse_model(const std::string& text, const std::string& path) {
    return model_from_json(parse_json(text, path), path);
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Saved models (io/model_file.hpp): every kind of model, written by model_text and read back by
// read_model, has the same parameters bit for bit and predicts the same numbers bit for bit; and a
// damaged, foreign or inconsistent file is refused with a message naming it.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "algorithms/kmeans.hpp"
#include "algorithms/linear_regression.hpp"
#include "algorithms/logistic_regression.hpp"
#include "algorithms/mlp.hpp"
#include "io/csv.hpp"
#include "io/model_file.hpp"
#include "io/repo_root.hpp"
#include "tests/check.hpp"

using namespace mlfs;

namespace {

// tolerance 0 everywhere: %.17g text reads back to the same double, and the same code predicts
const char* const kSame = "17 significant digits read back exactly; the same functions predict";

std::string scratch(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "mlfs_test_model_file";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

std::string write(const std::string& name, const std::string& text) {
    const std::string path = scratch(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

SavedModel round_trip(const SavedModel& m, const std::string& name) { return read_model(write(name, model_text(m))); }

Table iris() { return read_csv(repo_root() + "/datasets/iris.csv"); }

Matrix iris_X(const Table& t) {
    return select_columns(t, {"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"}).X;
}

}  // namespace

TEST_CASE(linreg_reloads_to_the_same_predictions) {
    const Table t = read_csv(repo_root() + "/datasets/diabetes_raw.csv");
    std::vector<std::string> names(t.names.begin(), t.names.end() - 1);  // every column but the target
    const Matrix X = select_columns(t, names).X;
    SavedModel m;
    m.command = "linreg";
    m.feature_names = names;
    m.target = "target";
    m.linear = fit_qr(X, t.X.col(t.X.cols() - 1));
    const SavedModel r = round_trip(m, "linreg.json");
    CHECK(r.command == "linreg" && r.feature_names == names && r.target == "target");
    CHECK_ALL_NEAR(r.linear.coef_, m.linear.coef_, 0.0, 0.0, kSame);
    CHECK_NEAR(r.linear.intercept_, m.linear.intercept_, 0.0, kSame);
    CHECK_ALL_NEAR(predict(r.linear, X), predict(m.linear, X), 0.0, 0.0, kSame);
}

TEST_CASE(logreg_reloads_with_numeric_and_text_classes) {
    const Table t = iris();
    const Matrix X = iris_X(t);
    SavedModel m;
    m.command = "logreg";
    m.feature_names = {"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"};
    m.target = "species";
    m.logistic = fit_logistic(X, t.X.col(4)).model;
    m.class_values = m.logistic.classes_;
    m.class_names = {"0", "1", "2"};
    SavedModel r = round_trip(m, "logreg.json");
    CHECK(r.classes_numeric && r.class_names == m.class_names);
    CHECK_ALL_NEAR(r.logistic.classes_, m.logistic.classes_, 0.0, 0.0, kSame);
    CHECK_ALL_NEAR(r.logistic.coef_, m.logistic.coef_, 0.0, 0.0, kSame);
    CHECK_ALL_NEAR(predict_proba(r.logistic, X), predict_proba(m.logistic, X), 0.0, 0.0, kSame);
    // text labels: the model holds their indices, the file their names
    m.classes_numeric = false;
    m.class_names = {"setosa", "versicolor", "virginica, \"true\""};
    r = round_trip(m, "logreg_text.json");
    CHECK(!r.classes_numeric && r.class_names == m.class_names);
    CHECK_ALL_NEAR(r.logistic.classes_, (Vector{0.0, 1.0, 2.0}), 0.0, 0.0, "text classes are indices 0 .. K-1");
    CHECK_ALL_NEAR(predict(r.logistic, X), predict(m.logistic, X), 0.0, 0.0, kSame);
}

TEST_CASE(kmeans_reloads_to_the_same_labels) {
    const Matrix X = iris_X(iris());
    KMeansOptions opt;
    opt.n_clusters = 3;
    SavedModel m;
    m.command = "kmeans";
    m.feature_names = {"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"};
    const KMeansResult km = kmeans_fit(X, opt);
    m.cluster_centers_ = km.cluster_centers_;
    m.sklearn_threads = 2;
    const SavedModel r = round_trip(m, "kmeans.json");
    CHECK_ALL_NEAR(r.cluster_centers_, m.cluster_centers_, 0.0, 0.0, kSame);
    CHECK(r.sklearn_threads == 2);
    KMeansResult again;
    again.cluster_centers_ = r.cluster_centers_;
    CHECK(kmeans_predict(again, X) == kmeans_predict(km, X));
}

TEST_CASE(mlp_reloads_to_the_same_probabilities) {
    const Table t = iris();
    const Matrix X = iris_X(t);
    std::vector<int> y;
    for (double v : t.X.col(4)) y.push_back(static_cast<int>(v));
    MLPOptions opt;
    opt.hidden_layer_sizes = {5, 3};
    opt.activation = Activation::tanh;
    opt.max_iter = 20;
    MLPClassifier clf = mlp_classifier_fit(X, y, opt);
    SavedModel m;
    m.command = "mlp";
    m.feature_names = {"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"};
    m.target = "species";
    m.classify = true;
    m.network = clf.fit.net;
    m.mlp_classes = clf.classes_;
    m.class_values = {0.0, 1.0, 2.0};
    m.class_names = {"0", "1", "2"};
    const SavedModel r = round_trip(m, "mlp.json");
    CHECK(r.classify && r.mlp_classes == clf.classes_ && r.network.hidden == Activation::tanh &&
          r.network.output == OutputKind::softmax && r.network.n_layers() == 3);
    MLPClassifier again;
    again.classes_ = r.mlp_classes;
    again.fit.net = r.network;
    CHECK_ALL_NEAR(mlp_predict_proba(again, X), mlp_predict_proba(clf, X), 0.0, 0.0, kSame);
    // a regressor: one output, identity
    MLPRegressor reg = mlp_regressor_fit(X, Matrix::column(t.X.col(0)), opt);
    m.classify = false;
    m.network = reg.fit.net;
    const SavedModel rr = round_trip(m, "mlp_reg.json");
    MLPRegressor reg2;
    reg2.fit.net = rr.network;
    CHECK(!rr.classify && rr.network.output == OutputKind::identity);
    CHECK_ALL_NEAR(mlp_predict(reg2, X), mlp_predict(reg, X), 0.0, 0.0, kSame);
}

TEST_CASE(bad_model_files_are_refused_with_their_name) {
    SavedModel m;
    m.command = "linreg";
    m.feature_names = {"a", "b"};
    m.target = "y";
    m.linear.coef_ = {1.5, -2.0};
    m.linear.intercept_ = 0.25;
    const std::string good = model_text(m);
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        const std::size_t at = s.find(from);
        if (at != std::string::npos) s.replace(at, from.size(), to);
        return s;
    };
    const std::string p1 = write("foreign.json", "{\"coef_\": [1]}");
    CHECK_THROWS(read_model(p1), ModelError, p1 + ": not an mlfs model file");
    const std::string p2 = write("v2.json", with("\"format_version\": 1", "\"format_version\": 2"));
    CHECK_THROWS(read_model(p2), ModelError, p2 + ": format_version 2");
    const std::string p3 = write("cmd.json", with("\"command\": \"linreg\"", "\"command\": \"svm\""));
    CHECK_THROWS(read_model(p3), ModelError, "unknown command \"svm\"");
    const std::string p4 = write("shape.json", with("[1.5, -2]", "[1.5, -2, 3]"));
    CHECK_THROWS(read_model(p4), ModelError, "coef_ has 3 entries but there are 2 features");
    const std::string p5 = write("type.json", with("\"intercept_\": 0.25", "\"intercept_\": \"x\""));
    CHECK_THROWS(read_model(p5), std::runtime_error, "intercept_");
    const std::string p6 = write("missing.json", with("\"intercept_\": 0.25", "\"intercept\": 0.25"));
    CHECK_THROWS(read_model(p6), std::runtime_error, "intercept_");
    const std::string p7 = write("cut.json", good.substr(0, good.size() / 2));
    CHECK_THROWS(read_model(p7), std::runtime_error, p7);
    // classes_ must be in classes_ order: ascending, no two alike
    SavedModel l;
    l.command = "logreg";
    l.feature_names = {"a"};
    l.target = "y";
    l.logistic.classes_ = {0.0, 1.0};
    l.logistic.coef_ = Matrix(1, 1, 2.0);
    l.logistic.intercept_ = {0.5};
    l.classes_numeric = false;
    l.class_names = {"dog", "cat"};
    const std::string p8 = write("order.json", model_text(l));
    CHECK_THROWS(read_model(p8), ModelError, "classes_ are not in ascending order");
}

TEST_MAIN()

// SPDX-License-Identifier: MIT
// libFuzzer harness for the saved-model reader (io/model_file.hpp, on io/json_read.hpp): each input
// is a model file's bytes, read as read_model reads a file (parse_model, from memory: the same checks
// without the file system). It must return a model or throw ModelError, JsonParseError or
// JsonTypeError whose message starts with the file's name; a model it returns must have the shapes
// `mlfs predict` relies on, and model_text of it must read back to the same parameters, bit for bit.
// Anything else (another exception, a crash, a sanitizer report) is a finding. Inputs too short to
// hold a model get a valid model's opening in front, so that most reach the checks past the format.
// Build and run: tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/json_read.hpp"
#include "io/model_file.hpp"

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool same_matrix(const mlfs::Matrix& A, const mlfs::Matrix& B) {
    if (A.rows() != B.rows() || A.cols() != B.cols()) return false;
    for (std::size_t k = 0; k < A.size(); ++k)
        if (!same_bits(A.data()[k], B.data()[k])) return false;
    return true;
}

bool same_vector(const mlfs::Vector& a, const mlfs::Vector& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (!same_bits(a[k], b[k])) return false;
    return true;
}

// The shapes predict multiplies with: a violation would read out of bounds there.
bool usable(const mlfs::SavedModel& m) {
    const std::size_t D = m.feature_names.size();
    if (m.command == "linreg") return m.linear.coef_.size() == D;
    if (m.command == "logreg")
        return m.logistic.coef_.cols() == D && m.logistic.coef_.rows() == m.logistic.intercept_.size() &&
               m.logistic.classes_.size() == m.class_names.size() && m.class_names.size() >= 2;
    if (m.command == "kmeans") return m.cluster_centers_.cols() == D && m.cluster_centers_.rows() >= 1;
    std::size_t width = D;
    for (std::size_t l = 0; l < m.network.coefs_.size(); ++l) {
        if (m.network.coefs_[l].rows() != width || m.network.intercepts_[l].size() != m.network.coefs_[l].cols())
            return false;
        width = m.network.coefs_[l].cols();
    }
    return !m.network.coefs_.empty() && (!m.classify || m.mlp_classes.size() == m.class_names.size());
}

bool same_model(const mlfs::SavedModel& a, const mlfs::SavedModel& b) {
    bool layers = a.network.coefs_.size() == b.network.coefs_.size();
    for (std::size_t l = 0; layers && l < a.network.coefs_.size(); ++l)
        layers = same_matrix(a.network.coefs_[l], b.network.coefs_[l]) &&
                 same_vector(a.network.intercepts_[l], b.network.intercepts_[l]);
    return a.command == b.command && a.feature_names == b.feature_names && a.target == b.target &&
           a.class_names == b.class_names && same_vector(a.class_values, b.class_values) &&
           same_vector(a.linear.coef_, b.linear.coef_) && same_bits(a.linear.intercept_, b.linear.intercept_) &&
           same_matrix(a.logistic.coef_, b.logistic.coef_) &&
           same_vector(a.logistic.intercept_, b.logistic.intercept_) &&
           same_matrix(a.cluster_centers_, b.cluster_centers_) && layers && a.mlp_classes == b.mlp_classes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (size < 64)  // reach past the format check: a model's opening, the input as its members
        text = "{\"format\": \"mlfs model\", \"format_version\": 1, \"mlfs_version\": \"x\", " + text;
    const std::string path = "input.json";
    try {
        const mlfs::SavedModel m = mlfs::parse_model(text, path);
        if (!usable(m)) {
            std::fprintf(stderr, "read_model returned a model predict cannot use\n");
            std::abort();
        }
        if (!same_model(m, mlfs::parse_model(mlfs::model_text(m), path))) {
            std::fprintf(stderr, "model_text does not read back to the same model\n");
            std::abort();
        }
    } catch (const mlfs::ModelError& e) {
        if (std::string(e.what()).rfind(path + ":", 0) != 0) std::abort();
    } catch (const mlfs::JsonParseError& e) {
        if (std::string(e.what()).rfind(path + ":", 0) != 0) std::abort();
    } catch (const mlfs::JsonTypeError& e) {
        if (std::string(e.what()).rfind(path + ":", 0) != 0) std::abort();
    }  // any other exception escapes: libFuzzer reports it as a crash
    return 0;
}

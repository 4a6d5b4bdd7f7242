// SPDX-License-Identifier: MIT
// NIST StRD linear-regression files: certified values from lines 31.., data from line 61.
#include "io/nist.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "linalg/format.hpp"

namespace mlfs {

namespace {

[[noreturn]] void fail(const std::string& path, std::size_t line, const std::string& what) {
    throw std::runtime_error(path + ":" + std::to_string(line) + ": " + what);
}

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open NIST file");
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();  // NIST files use CRLF
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> words(const std::string& line) {
    std::istringstream s(line);
    std::vector<std::string> w;
    std::string t;
    while (s >> t) w.push_back(t);
    return w;
}

// A word shown in a message: at most 40 bytes, control bytes and bytes from 0x80 up as \xHH.
std::string shown(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < 40; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += text[i];
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    return "'" + out + (text.size() > 40 ? "...'" : "'");
}

// A finite decimal number: NaN, infinity, overflow (1e999), hexadecimal and a non-zero number that
// rounds to 0 are errors, as in the CSV reader.
double number(const std::string& path, std::size_t line, const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);  // reads NIST's "0.3E-01", ".11019", "5570284."
    if (text.empty() || end == text.c_str() || *end != '\0' || text.find_first_of("xX") != std::string::npos)
        fail(path, line, "expected a decimal number, found " + shown(text));
    if (!std::isfinite(v)) fail(path, line, "the number " + shown(text) + " is not finite, or too large for a double");
    if (v == 0.0 && text.substr(0, text.find_first_of("eE")).find_first_of("123456789") != std::string::npos)
        fail(path, line, "the number " + shown(text) + " is too small for a double (it would be read as 0)");
    return v;
}

// The k of a parameter name "Bk": 0 to 29 (lines 31-60 hold at most 30 parameters), digits only.
int parameter_index(const std::string& path, std::size_t line, const std::string& word) {
    const std::string digits = word.substr(1);
    int k = 0;
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), k);
    if (digits.empty() || r.ec != std::errc() || r.ptr != digits.data() + digits.size() || k < 0 || k > 29)
        fail(path, line, "parameter name " + shown(word) + " is not B0 to B29");
    return k;
}

}  // namespace

NistDataset read_nist(const std::string& path) {
    const std::vector<std::string> lines = read_lines(path);
    if (lines.size() < 61 || lines[0].rfind("NIST/ITL StRD", 0) != 0)
        fail(path, 1, "not a NIST StRD file (line 1 must read 'NIST/ITL StRD', data starts at line 61)");
    NistDataset d;
    const std::size_t slash = path.find_last_of('/');
    d.name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    d.name = d.name.substr(0, d.name.find('.'));

    // certified values: lines 31..60 (1-based), "Bk estimate sd", then the residual SD and R^2
    std::vector<int> b_index;
    for (std::size_t k = 30; k < 60; ++k) {
        const std::vector<std::string> w = words(lines[k]);
        if (w.size() == 3 && w[0].size() > 1 && w[0][0] == 'B' && std::isdigit(static_cast<unsigned char>(w[0][1]))) {
            b_index.push_back(parameter_index(path, k + 1, w[0]));
            if (b_index.size() > 1 && b_index.back() != b_index[b_index.size() - 2] + 1)
                fail(path, k + 1,
                     "parameter " + w[0] + " follows B" + std::to_string(b_index[b_index.size() - 2]) +
                         "; the parameters must be numbered in order, B0 or B1 first");
            d.certified_coef.push_back(number(path, k + 1, w[1]));
            d.certified_sd.push_back(number(path, k + 1, w[2]));
        } else if (w.size() == 3 && w[0] == "Standard" && w[1] == "Deviation") {
            d.certified_residual_sd = number(path, k + 1, w[2]);
        } else if (w.size() == 2 && w[0] == "R-Squared") {
            d.certified_r2 = number(path, k + 1, w[1]);
        }
    }
    if (d.certified_coef.empty()) fail(path, 31, "no certified parameters (rows 'Bk estimate sd') in lines 31-60");
    if (b_index.front() > 1) fail(path, 31, "the first parameter is B" + std::to_string(b_index.front()) + "; B0 or B1 must come first");

    // data: line 61 to the end, y first
    std::vector<std::vector<double>> rows;
    std::vector<std::size_t> row_line;  // the 1-based line of each row
    for (std::size_t k = 60; k < lines.size(); ++k) {
        const std::vector<std::string> w = words(lines[k]);
        if (w.empty()) continue;
        std::vector<double> row;
        for (const std::string& t : w) row.push_back(number(path, k + 1, t));
        if (!rows.empty() && row.size() != rows[0].size())
            fail(path, k + 1,
                 "ragged data row: " + std::to_string(row.size()) + " numbers, expected " +
                     std::to_string(rows[0].size()));
        rows.push_back(row);
        row_line.push_back(k + 1);
    }
    if (rows.empty() || rows[0].size() < 2) fail(path, 61, "no data rows (y, x...) from line 61");

    // the model as certified: B0 present means an intercept; one predictor with p > 2 means a polynomial
    const std::size_t predictors = rows[0].size() - 1, p = d.certified_coef.size();
    d.fit_intercept = b_index.front() == 0;
    const std::size_t D = d.fit_intercept ? p - 1 : p;
    if (D == 0) fail(path, 31, "only B0 is certified; the model needs a coefficient besides the intercept");
    d.degree = predictors == 1 ? static_cast<int>(D) : 1;
    if (predictors != 1 && predictors != D)
        fail(path, 61, std::to_string(predictors) + " predictors but " + std::to_string(p) + " certified parameters");
    d.X = Matrix(rows.size(), D);
    d.y = Vector(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        d.y[i] = rows[i][0];
        for (std::size_t j = 0; j < D; ++j) {
            d.X(i, j) = predictors == 1 ? std::pow(rows[i][1], static_cast<double>(j + 1)) : rows[i][1 + j];
            if (!std::isfinite(d.X(i, j)))  // x^(j+1) of the polynomial models
                fail(path, row_line[i],
                     "x = " + format_exact(rows[i][1]) + " to the power " + std::to_string(j + 1) +
                         " overflows double precision");
        }
    }
    return d;
}

double min_coefficient_lre(const LinearModel& model, const NistDataset& d) {
    Vector est;
    if (d.fit_intercept) est.push_back(model.intercept_);
    est.insert(est.end(), model.coef_.begin(), model.coef_.end());
    if (est.size() != d.certified_coef.size())
        throw ShapeError("min_coefficient_lre: " + std::to_string(est.size()) + " fitted parameters but " +
                         std::to_string(d.certified_coef.size()) + " certified ones for " + d.name);
    double lre = 15.0;
    for (std::size_t k = 0; k < est.size(); ++k) lre = std::min(lre, log_relative_error(est[k], d.certified_coef[k]));
    return lre;
}

double log_relative_error(double estimate, double certified) {
    if (std::isnan(estimate)) return 0.0;
    const double err = certified != 0.0 ? std::fabs(estimate - certified) / std::fabs(certified)
                                        : std::fabs(estimate - certified);
    if (err == 0.0) return 15.0;
    return std::clamp(-std::log10(err), 0.0, 15.0);
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Class labels from a text column (cli/class_labels.hpp).
#include "cli/class_labels.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "io/csv.hpp"

namespace mlfs {

namespace {

// The cell as a finite decimal number, as the CSV reader reads a number (no hexadecimal, no nan or
// inf, no overflow, no non-zero underflow to 0); false for anything else.
bool as_number(const std::string& s, double& x) {
    if (s.empty() || s.find_first_of("xXpPnNiI") != std::string::npos) return false;
    errno = 0;
    char* end = nullptr;
    x = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(x)) return false;
    if (errno == ERANGE && x == 0.0) return false;  // a written non-zero rounded to 0
    return true;
}

// The shortest %g text that reads back as x: "1e+200", "0.5", "3" (the label as a person wrote it).
std::string shortest(double x) {
    char buf[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

}  // namespace

ClassLabels class_labels(const std::vector<std::string>& cells) {
    ClassLabels c;
    Vector x(cells.size());
    for (std::size_t i = 0; i < cells.size() && c.numeric; ++i) c.numeric = as_number(cells[i], x[i]);
    if (c.numeric) {
        c.numbers = x;
        c.values = x;
        for (double& v : c.values) v += 0.0;  // -0 and 0 are one class, as in np.unique
        std::sort(c.values.begin(), c.values.end());
        c.values.erase(std::unique(c.values.begin(), c.values.end()), c.values.end());
        for (double v : c.values) c.names.push_back(shortest(v));
        c.y.resize(cells.size());
        for (std::size_t i = 0; i < cells.size(); ++i)
            c.y[i] = static_cast<std::size_t>(std::lower_bound(c.values.begin(), c.values.end(), x[i] + 0.0) -
                                              c.values.begin());
        return c;
    }
    std::map<std::string, std::size_t> index;  // sorted by byte, which is code point order in UTF-8
    for (const std::string& s : cells) index.emplace(s, 0);
    for (auto& kv : index) {
        kv.second = c.names.size();
        c.names.push_back(kv.first);
    }
    c.y.resize(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) c.y[i] = index[cells[i]];
    return c;
}

Labels label_indices(const std::vector<std::string>& cells, const ClassLabels& known, const std::string& file,
                     const std::vector<std::size_t>* rows) {
    Labels out(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::size_t k = known.names.size();
        double x = 0.0;
        if (known.numeric) {
            if (as_number(cells[i], x)) {
                const auto it = std::lower_bound(known.values.begin(), known.values.end(), x + 0.0);
                if (it != known.values.end() && *it == x) k = static_cast<std::size_t>(it - known.values.begin());
            }
        } else {
            const auto it = std::lower_bound(known.names.begin(), known.names.end(), cells[i]);
            if (it != known.names.end() && *it == cells[i]) k = static_cast<std::size_t>(it - known.names.begin());
        }
        if (k == known.names.size()) {
            std::string list;
            for (std::size_t j = 0; j < known.names.size() && j < 20; ++j) list += (j ? ", " : "") + known.names[j];
            throw CsvError(file + ":" + std::to_string((rows ? (*rows)[i] : i) + 2) + ": class \"" + cells[i] +
                           "\" of a test row is not among the classes of the training rows (classes_: " + list +
                           (known.names.size() > 20 ? ", ..." : "") + "); a model cannot predict a class it never saw");
        }
        out[i] = k;
    }
    return out;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Class labels from a text column (cli/class_labels.hpp), read as pandas reads a column and
// ordered as np.unique orders what it read.
#include "cli/class_labels.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>

#include "io/csv.hpp"
#include "linalg/format.hpp"

namespace mlfs {

namespace {

// pandas.read_csv's default missing-value markers: such a cell is NaN, which scikit-learn refuses as a label
bool is_missing_marker(const std::string& s) {
    static const char* const kMarkers[] = {"",     "#N/A",   "#N/A N/A", "#NA",  "-1.#IND", "-1.#QNAN", "-NaN",
                                           "-nan", "1.#IND", "1.#QNAN",  "<NA>", "N/A",     "NA",       "NULL",
                                           "NaN",  "None",   "n/a",      "nan",  "null"};
    for (const char* m : kMarkers)
        if (s == m) return true;
    return false;
}

std::string trimmed(const std::string& s) {
    const std::size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// What a cell is to pandas: a finite number (x set), a number no double holds as written (inf,
// 1e400, 1e-400), or text.
enum class Cell { number, bad_number, text };

Cell classify(const std::string& raw, double& x) {
    const std::string s = trimmed(raw);
    if (s.empty() || s.find_first_of("xXpP") != std::string::npos) return Cell::text;  // no hexadecimal
    errno = 0;
    char* end = nullptr;
    x = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return Cell::text;
    if (!std::isfinite(x) || (errno == ERANGE && x == 0.0)) return Cell::bad_number;      // inf, 1e400, 1e-400
    return s.find_first_of("nN") != std::string::npos ? Cell::bad_number : Cell::number;  // nan(...) forms
}

// A label in a message: at most 40 bytes, in double quotes.
std::string shown(const std::string& s) { return "\"" + (s.size() > 40 ? s.substr(0, 37) + "..." : s) + "\""; }

std::size_t line_of(std::size_t i, const std::vector<std::size_t>* rows) { return (rows ? (*rows)[i] : i) + 2; }

}  // namespace

ClassLabels class_labels(const std::vector<std::string>& cells, const std::string& file, const std::string& column,
                         const std::vector<std::size_t>* rows) {
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (is_missing_marker(cells[i]))
            throw CsvError(file + ":" + std::to_string(line_of(i, rows)) + ": the label " + shown(cells[i]) +
                           " in column \"" + column +
                           "\" marks a missing value (pandas reads it as NaN, and a class label cannot be "
                           "missing); fill it in or drop the row");
    ClassLabels c;
    Vector x(cells.size());
    std::size_t bad = cells.size(), text = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Cell k = classify(cells[i], x[i]);
        if (k == Cell::bad_number && bad == cells.size()) bad = i;
        if (k == Cell::text && text == cells.size()) text = i;
    }
    if (text == cells.size() && bad < cells.size())  // a column of numbers, one of them not finite
        throw CsvError(file + ":" + std::to_string(line_of(bad, rows)) + ": the label " + shown(cells[bad]) +
                       " in column \"" + column + "\" is not a finite number that a double holds");
    c.numeric = text == cells.size();
    c.first_text = text;
    c.y.resize(cells.size());
    if (c.numeric) {
        c.numbers = x;
        c.values = x;
        for (double& v : c.values) v += 0.0;  // -0 and 0 are one class, as in np.unique
        std::sort(c.values.begin(), c.values.end());
        c.values.erase(std::unique(c.values.begin(), c.values.end()), c.values.end());
        for (double v : c.values) c.names.push_back(format_shortest(v));
        for (std::size_t i = 0; i < cells.size(); ++i)
            c.y[i] = static_cast<std::size_t>(std::lower_bound(c.values.begin(), c.values.end(), x[i] + 0.0) -
                                              c.values.begin());
        return c;
    }
    std::map<std::string, std::size_t> index;  // sorted by byte, which is code point order in UTF-8
    for (const std::string& s : cells) index.emplace(s, 0);
    for (auto& kv : index) {
        // classification_report's own keys: a class by one of these names would be overwritten
        for (const char* reserved : {"accuracy", "macro avg", "weighted avg", "micro avg"})
            if (kv.first == reserved)
                throw CsvError(file + ": the label \"" + kv.first + "\" in column \"" + column +
                               "\" is a name classification_report gives its own rows; rename the class");
        kv.second = c.names.size();
        c.names.push_back(kv.first);
    }
    for (std::size_t i = 0; i < cells.size(); ++i) c.y[i] = index[cells[i]];
    return c;
}

ClassLabels restrict_to(const ClassLabels& all, const std::vector<std::size_t>& rows) {
    std::vector<std::size_t> present(all.names.size(), 0);
    for (std::size_t i : rows) present[all.y[i]] = 1;
    std::vector<std::size_t> renumber(all.names.size(), 0);
    ClassLabels c;
    c.numeric = all.numeric;
    for (std::size_t k = 0; k < all.names.size(); ++k) {
        if (!present[k]) continue;
        renumber[k] = c.names.size();
        c.names.push_back(all.names[k]);
        if (all.numeric) c.values.push_back(all.values[k]);
    }
    for (std::size_t i : rows) {
        c.y.push_back(renumber[all.y[i]]);
        if (all.numeric) c.numbers.push_back(all.numbers[i]);
    }
    return c;
}

Labels label_indices(const std::vector<std::string>& cells, const ClassLabels& known, const std::string& file,
                     const std::vector<std::size_t>* rows) {
    Labels out(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::size_t k = known.names.size();
        double x = 0.0;
        if (known.numeric) {
            if (classify(cells[i], x) == Cell::number) {
                const auto it = std::lower_bound(known.values.begin(), known.values.end(), x + 0.0);
                if (it != known.values.end() && *it == x) k = static_cast<std::size_t>(it - known.values.begin());
            }
        } else {
            const auto it = std::lower_bound(known.names.begin(), known.names.end(), cells[i]);
            if (it != known.names.end() && *it == cells[i]) k = static_cast<std::size_t>(it - known.names.begin());
        }
        if (k == known.names.size()) {
            std::string list;
            for (std::size_t j = 0; j < known.names.size() && j < 20; ++j)
                list += (j ? ", " : "") +
                        (known.names[j].size() > 40 ? known.names[j].substr(0, 37) + "..." : known.names[j]);
            throw CsvError(file + ":" + std::to_string(line_of(i, rows)) + ": class " + shown(cells[i]) +
                           " of a test row is not among the classes of the training rows (classes_: " + list +
                           (known.names.size() > 20 ? ", ..." : "") + "); a model cannot predict a class it never saw");
        }
        out[i] = k;
    }
    return out;
}

}  // namespace mlfs

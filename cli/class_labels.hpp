// SPDX-License-Identifier: MIT
// Class labels as a CSV file holds them, for the classifiers (mlfs logreg, mlfs mlp), read as
// pandas.read_csv reads the column and ordered as np.unique orders it, so that classes_ is
// scikit-learn's: numbers when every cell is a decimal number (spaces around it allowed), sorted by
// value (1 < 2 < 10; "2" and "2.0" are one class), or else text exactly as written (spaces kept, as
// pandas keeps them), sorted by code point ("setosa" < "versicolor"). Every row gets the index of its class in that order.
//
//   ClassLabels c = class_labels(table.text, "iris.csv", "species");
//   c.names[c.y[i]] is row i's label, as it is printed back; c.numeric says whether c.values holds them
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "algorithms/metrics.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

struct ClassLabels {
    bool numeric = true;
    std::vector<std::string> names;  // K, in classes_ order: the text, or the number as %.17g shortest
    Vector values;                   // numeric: the K values, ascending
    Vector numbers;                  // numeric: each cell's value (N), as written (-0 stays -0)
    Labels y;                        // N class indices
    std::size_t first_text = 0;      // text: the first row whose cell is not a number
};

// A cell pandas reads as missing (NA, nan, an empty cell, ...), a number column with a cell no double
// holds (inf, 1e400), or a text label that classification_report uses as a key ("macro avg") is a
// CsvError naming the file, the line (rows[i] + 2, or i + 2) and the column.
ClassLabels class_labels(const std::vector<std::string>& cells, const std::string& file, const std::string& column,
                         const std::vector<std::size_t>* rows = nullptr);

// The classes of some of the rows (a split's training side), of the same kind as all's: the classes
// among those rows in all's order, and each row's index among them.
ClassLabels restrict_to(const ClassLabels& all, const std::vector<std::size_t>& rows);

// Each cell's index among known classes (a --test file's labels against the fit's classes_); a label
// not among them is a CsvError "FILE:LINE: class "x" of a test row is not among the classes of the
// training rows (classes_: ...)", line = rows[i] + 2 (or i + 2 without rows).
Labels label_indices(const std::vector<std::string>& cells, const ClassLabels& known, const std::string& file,
                     const std::vector<std::size_t>* rows);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Class labels as a CSV file holds them, for the classifiers (mlfs logreg, mlfs mlp): a target column
// read as text (CsvColumns::text) is numbers when every cell is a decimal number, and then its
// classes are sorted as numbers (1 < 2 < 10; "2" and "2.0" are one class), or else text, sorted by
// code point ("setosa" < "versicolor"), as np.unique sorts what pandas reads, so that classes_ is
// scikit-learn's. Every row gets the index of its class in that order.
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
};

ClassLabels class_labels(const std::vector<std::string>& cells);

// Each cell's index among known classes (a --test file's labels against the fit's classes_); a label
// not among them is a CsvError "FILE:LINE: class "x" of a test row is not among the classes of the
// training rows (classes_: ...)", line = rows[i] + 2 (or i + 2 without rows).
Labels label_indices(const std::vector<std::string>& cells, const ClassLabels& known, const std::string& file,
                     const std::vector<std::size_t>* rows);

}  // namespace mlfs

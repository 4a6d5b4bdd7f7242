// SPDX-License-Identifier: MIT
// The one rule for data whose squares a fit sums (least squares' X^T X, k-means' squared distances,
// the MLP's squared weights and inputs): a column of values up to `big` in magnitude, summed as
// `count` squares, must neither overflow (count big^2 > 1e300, near double's 1.8e308) nor vanish
// (big^2 < 1e-300, near the smallest normal double, 2.2e-308, below which the squares lose their
// digits or become 0). Outside it a fit returns inf, NaN, or a 0 that hides every difference: at
// 1e300 k-means' inertia_ is inf, at 1e-300 every squared distance is 0 and every label 0.
// Used by linear_regression.cpp's data check and by the commands, which name the file and column.
#pragma once

#include <cmath>
#include <cstddef>

namespace mlfs {

inline bool squares_out_of_range(double big, double count) {
    return big > 1e150 / std::sqrt(count) || (big > 0.0 && big < 1e-150);
}

}  // namespace mlfs

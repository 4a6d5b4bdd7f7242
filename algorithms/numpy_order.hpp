// SPDX-License-Identifier: MIT
// The order in which numpy 1.24 adds, and the order in which its partial sort leaves equal values:
// what scikit-learn's k-means inherits from numpy wherever a tie or a last bit decides a discrete
// outcome (derivations/kmeans.md, section 13 "Where ties are decided", tags KM.13, KM.14, KM.16).
// Each function reproduces one numpy routine bit for bit; each says which, and the order it adds in.
//
//   numpy_sum            np.sum of a contiguous vector, np.sum(A, axis=1), X.mean(axis=0) for D = 1:
//                        blocks of 8192 (the ufunc buffer) added in turn, each by pairwise summation
//                        (8 accumulators up to 128 elements, halves above)                       (KM.13)
//   einsum_squared_norm  np.einsum('ij,ij->i', X, X) of one row (sklearn's row_norms): two lanes
//                        (even / odd elements), blocks of 8 added highest pair first, lane0 + lane1 (KM.14)
//   numpy_column_means   X.mean(axis=0): rows in order per column (D >= 2), numpy_sum for D = 1, / N
//   argpartition_top     np.argpartition(v, -m)[:-m-1:-1] by numpy's introselect              (KM.16)
#pragma once

#include <cstddef>
#include <vector>

#include "linalg/matrix.hpp"

namespace mlfs {

// (KM.13) numpy's sum of a[0], a[stride], ..., a[(n-1) stride]
double numpy_sum(const double* a, std::size_t n, std::size_t stride = 1);
inline double numpy_sum(const Vector& v) { return numpy_sum(v.data(), v.size()); }

// (KM.14) sum_d x_d^2 in the order of np.einsum('ij,ij->i') on numpy 1.24's SSE2/SSE3 baseline build
double einsum_squared_norm(const double* x, std::size_t n);
// the same for every row of A (R x D): sklearn's row_norms(A, squared=True)
Vector row_norms_squared(const Matrix& A);

// X.mean(axis=0) of a C-ordered X (N x D): the column sums divided by N (a division, as numpy)
Vector numpy_column_means(const Matrix& X);

// (KM.16) the indices np.argpartition(v, -m)[:-m-1:-1] gives: the m largest entries, in the order
// numpy 1.24's introselect leaves them, which is not sorted (v = {0,2,4,6,3,7,5,1}, m = 6 gives
// 2 6 5 4 3 1). For m = 1 and N >= 4: the LAST of the maxima; for N <= 3 numpy's dumb_select
// decides ({.5,.5,.25} gives 0, the first; {.5,.5} gives 1).
std::vector<std::size_t> argpartition_top(const Vector& v, std::size_t m);

}  // namespace mlfs

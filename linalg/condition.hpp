// SPDX-License-Identifier: MIT
// Condition number of a symmetric positive definite matrix (derivations/linear_algebra.md, section 7):
//   (LA.17) cond(X^T X) = cond(X)^2, why it matters
//   (LA.18) power iteration:   v <- A v / ||A v||,        lambda_max = v^T A v
//   (LA.19) inverse iteration: v <- A^-1 v / ||A^-1 v||,  A^-1 v by the Cholesky solve (LA.8),
//           lambda_min = 1 / (v^T A^-1 v)
//   (LA.20) cond_2(A) = lambda_max / lambda_min
// Each iteration stops when the eigenvalue estimate changes by less than tol (relative) or after
// max_iter steps; the result says which.
#pragma once

#include "linalg/matrix.hpp"

namespace mlfs {

struct EigenEstimate {
    double lambda = 0.0;
    int iterations = 0;
    bool converged = false;
};

struct ConditionEstimate {
    EigenEstimate largest;   // lambda_max by power iteration
    EigenEstimate smallest;  // lambda_min by inverse iteration
    double cond = 0.0;       // lambda_max / lambda_min
};

struct ConditionOptions {
    int max_iter = 1000;  // per eigenvalue
    double tol = 1e-14;   // relative change of the eigenvalue estimate between iterations
};

EigenEstimate largest_eigenvalue(const Matrix& A, const ConditionOptions& opt = {});
// throws NumericalError (from Cholesky) when A is not positive definite
EigenEstimate smallest_eigenvalue(const Matrix& A, const ConditionOptions& opt = {});
ConditionEstimate spd_condition_number(const Matrix& A, const ConditionOptions& opt = {});
// The same for A = L L^T given its lower-triangular factor L (e.g. L = R^T from a QR factor X = Q R
// of a data matrix, A = X^T X): A v as L (L^T v), A^-1 v by two triangular solves, so A itself is
// never formed and lambda_min is as accurate as L allows (cond(L), not cond(L)^2).
ConditionEstimate spd_condition_number_factored(const Matrix& L, const ConditionOptions& opt = {});

}  // namespace mlfs

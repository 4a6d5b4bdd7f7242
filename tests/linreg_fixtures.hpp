// SPDX-License-Identifier: MIT
// The regression problems of tests/golden/linreg.txt as test inputs, shared by
// test_linear_regression.cpp (against scikit-learn) and test_ols_audit.cpp (against statsmodels).
#pragma once

#include <cstddef>
#include <string>

#include "algorithms/linear_regression.hpp"
#include "io/golden.hpp"

namespace mlfs_test {

// The three problems every comparison runs on: diabetes as sklearn scales it, the raw diabetes
// columns, and a make_regression problem.
inline const char* const kLinregProblems[] = {"diabetes", "diabetes_raw", "regression"};

// One problem's data: X is N x D, y has length N.
struct LinregProblem {
    mlfs::Matrix X;
    mlfs::Vector y;
};

inline LinregProblem linreg_problem(const mlfs::Golden& g, const std::string& name) {
    return {g.matrix(name + ".X"), g.vector(name + ".y")};
}

// The options of a fit without an intercept, as sklearn's fit_intercept=False and a statsmodels
// design without a constant column.
inline mlfs::LeastSquaresOptions without_intercept() {
    mlfs::LeastSquaresOptions opt;
    opt.fit_intercept = false;
    return opt;
}

// The first n rows of a problem: too few samples for its parameters, for the shape errors.
inline LinregProblem first_rows(const LinregProblem& p, std::size_t n) {
    LinregProblem head{mlfs::Matrix(n, p.X.cols()), mlfs::Vector(p.y.begin(), p.y.begin() + n)};
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < p.X.cols(); ++j) head.X(i, j) = p.X(i, j);
    return head;
}

}  // namespace mlfs_test

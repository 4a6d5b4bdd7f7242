// SPDX-License-Identifier: MIT
// Triangular solves (derivations/linear_algebra.md, section 3). L, U are n x n; b, y, x have length n.
#include "linalg/triangular.hpp"

namespace mlfs {

namespace {

void require_system(const char* what, const Matrix& T, std::size_t rhs_rows) {
    require_square(what, T);
    if (rhs_rows != T.rows())
        throw ShapeError(std::string(what) + ": the matrix is " + T.shape() + " but the right-hand side has " +
                         std::to_string(rhs_rows) + " rows");
}

// Dividing by an exact zero would turn the whole solution into inf/NaN: say where instead.
double require_nonzero_diagonal(const char* what, const Matrix& T, std::size_t i) {
    double d = T(i, i);
    if (d == 0.0)
        throw NumericalError(std::string(what) + ": diagonal entry " + std::to_string(i) +
                                 " is 0, the triangular system is singular",
                             i, d);
    return d;
}

}  // namespace

Vector forward_substitution(const Matrix& L, const Vector& b) {
    require_system("forward_substitution", L, b.size());
    const std::size_t n = L.rows();
    Vector y(n);
    // >>> exercise forward-substitution: derivations/linear_algebra.md
    for (std::size_t i = 0; i < n; ++i) {
        double s = b[i];
        for (std::size_t j = 0; j < i; ++j) s -= L(i, j) * y[j];
        y[i] = s / require_nonzero_diagonal("forward_substitution", L,
                                            i);  // (LA.4) y_i = (b_i - sum_{j<i} L_ij y_j) / L_ii
    }
    // <<< exercise forward-substitution
    return y;
}

Vector back_substitution(const Matrix& U, const Vector& y) {
    require_system("back_substitution", U, y.size());
    const std::size_t n = U.rows();
    Vector x(n);
    // >>> exercise back-substitution: derivations/linear_algebra.md
    for (std::size_t i = n; i-- > 0;) {
        double s = y[i];
        for (std::size_t j = i + 1; j < n; ++j) s -= U(i, j) * x[j];
        x[i] = s /
               require_nonzero_diagonal("back_substitution", U, i);  // (LA.5) x_i = (y_i - sum_{j>i} U_ij x_j) / U_ii
    }
    // <<< exercise back-substitution
    return x;
}

// L^T x = y with U = L^T read straight from L: U(i, j) = L(j, i).
Vector back_substitution_transposed(const Matrix& L, const Vector& y) {
    require_system("back_substitution_transposed", L, y.size());
    const std::size_t n = L.rows();
    Vector x(n);
    for (std::size_t i = n; i-- > 0;) {
        double s = y[i];
        for (std::size_t j = i + 1; j < n; ++j) s -= L(j, i) * x[j];
        x[i] = s / require_nonzero_diagonal("back_substitution_transposed", L, i);  // (LA.5) with U_ij = L_ji
    }
    return x;
}

namespace {

// Several right-hand sides: each column of B is solved on its own.
template <class Solve>
Matrix column_by_column(const Matrix& T, const Matrix& B, Solve solve) {
    Matrix X(B.rows(), B.cols());
    for (std::size_t r = 0; r < B.cols(); ++r) X.set_col(r, solve(T, B.col(r)));
    return X;
}

}  // namespace

Matrix forward_substitution(const Matrix& L, const Matrix& B) {
    require_system("forward_substitution", L, B.rows());
    return column_by_column(L, B, [](const Matrix& T, const Vector& b) { return forward_substitution(T, b); });
}

Matrix back_substitution(const Matrix& U, const Matrix& Y) {
    require_system("back_substitution", U, Y.rows());
    return column_by_column(U, Y, [](const Matrix& T, const Vector& y) { return back_substitution(T, y); });
}

}  // namespace mlfs

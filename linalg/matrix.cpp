// SPDX-License-Identifier: MIT
// The in-house Matrix and its elementwise operations (derivations/linear_algebra.md, section 1).
#include "linalg/matrix.hpp"

#include <cmath>
#include <utility>

namespace mlfs {

Matrix::Matrix(std::size_t rows, std::size_t cols, double fill) : rows_(rows), cols_(cols), data_(rows * cols, fill) {}

Matrix::Matrix(std::size_t rows, std::size_t cols, std::vector<double> data)
    : rows_(rows), cols_(cols), data_(std::move(data)) {
    if (data_.size() != rows * cols)
        throw ShapeError("Matrix: " + std::to_string(rows) + "x" + std::to_string(cols) + " needs " +
                         std::to_string(rows * cols) + " numbers, got " + std::to_string(data_.size()));
}

Matrix Matrix::identity(std::size_t n) {
    Matrix I(n, n);
    for (std::size_t i = 0; i < n; ++i) I(i, i) = 1.0;
    return I;
}

Matrix Matrix::column(const Vector& v) { return Matrix(v.size(), 1, v); }

double& Matrix::at(std::size_t i, std::size_t j) {
    if (i >= rows_ || j >= cols_)
        throw ShapeError("Matrix::at: index (" + std::to_string(i) + ", " + std::to_string(j) + ") is outside a " +
                         shape() + " matrix");
    return (*this)(i, j);
}

double Matrix::at(std::size_t i, std::size_t j) const { return const_cast<Matrix&>(*this).at(i, j); }

Vector Matrix::row(std::size_t i) const {
    if (i >= rows_) throw ShapeError("Matrix::row: row " + std::to_string(i) + " of a " + shape() + " matrix");
    return Vector(data_.begin() + i * cols_, data_.begin() + (i + 1) * cols_);
}

Vector Matrix::col(std::size_t j) const {
    if (j >= cols_) throw ShapeError("Matrix::col: column " + std::to_string(j) + " of a " + shape() + " matrix");
    Vector v(rows_);
    for (std::size_t i = 0; i < rows_; ++i) v[i] = (*this)(i, j);
    return v;
}

void Matrix::set_row(std::size_t i, const Vector& v) {
    if (i >= rows_ || v.size() != cols_)
        throw ShapeError("Matrix::set_row: row " + std::to_string(i) + " of length " + std::to_string(v.size()) +
                         " into a " + shape() + " matrix");
    for (std::size_t j = 0; j < cols_; ++j) (*this)(i, j) = v[j];
}

void Matrix::set_col(std::size_t j, const Vector& v) {
    if (j >= cols_ || v.size() != rows_)
        throw ShapeError("Matrix::set_col: column " + std::to_string(j) + " of length " + std::to_string(v.size()) +
                         " into a " + shape() + " matrix");
    for (std::size_t i = 0; i < rows_; ++i) (*this)(i, j) = v[i];
}

std::string Matrix::shape() const { return std::to_string(rows_) + "x" + std::to_string(cols_); }

void require_same_shape(const char* what, const Matrix& A, const Matrix& B) {
    if (A.rows() != B.rows() || A.cols() != B.cols())
        throw ShapeError(std::string(what) + ": A is " + A.shape() + " but B is " + B.shape());
}

void require_square(const char* what, const Matrix& A) {
    if (A.rows() != A.cols()) throw ShapeError(std::string(what) + ": A must be square, but it is " + A.shape());
}

Matrix transpose(const Matrix& A) {
    Matrix B(A.cols(), A.rows());
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) B(j, i) = A(i, j);  // B(j, i) = A(i, j)
    return B;
}

namespace {

// The elementwise operations share one loop over the flat storage: same shape, same index.
template <class Op>
Matrix elementwise(const char* what, const Matrix& A, const Matrix& B, Op op) {
    require_same_shape(what, A, B);
    Matrix C(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) C.data()[k] = op(A.data()[k], B.data()[k]);
    return C;
}

}  // namespace

Matrix add(const Matrix& A, const Matrix& B) {
    return elementwise("add", A, B, [](double a, double b) { return a + b; });
}
Matrix subtract(const Matrix& A, const Matrix& B) {
    return elementwise("subtract", A, B, [](double a, double b) { return a - b; });
}
Matrix hadamard(const Matrix& A, const Matrix& B) {
    return elementwise("hadamard", A, B, [](double a, double b) { return a * b; });
}

Matrix scale(double s, const Matrix& A) {
    Matrix C = A;
    for (double& c : C.data()) c *= s;  // C(i, j) = s A(i, j)
    return C;
}

Matrix add_row_vector(const Matrix& A, const Vector& b) {
    if (b.size() != A.cols())
        throw ShapeError("add_row_vector: A is " + A.shape() + " but b has length " + std::to_string(b.size()));
    Matrix C = A;
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) C(i, j) += b[j];  // C(i, j) = A(i, j) + b(j)
    return C;
}

Vector column_sums(const Matrix& X) {
    Vector s(X.cols(), 0.0);
    for (std::size_t i = 0; i < X.rows(); ++i)  // rows in order, as numpy sums a C-ordered axis 0
        for (std::size_t j = 0; j < X.cols(); ++j) s[j] += X(i, j);
    return s;
}

Vector column_means(const Matrix& X) {
    if (X.rows() == 0) throw ShapeError("column_means: X is " + X.shape() + ", it has no rows");
    Vector xbar = column_sums(X);
    for (double& v : xbar) v /= static_cast<double>(X.rows());  // xbar(j) = (1/N) sum_i X(i, j)
    return xbar;
}

Matrix centre_columns(const Matrix& X, const Vector& xbar) {
    if (xbar.size() != X.cols())
        throw ShapeError("centre_columns: X is " + X.shape() + " but xbar has length " + std::to_string(xbar.size()));
    Matrix Xc = X;
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t j = 0; j < X.cols(); ++j) Xc(i, j) -= xbar[j];  // Xc(i, j) = X(i, j) - xbar(j)
    return Xc;
}

double max_abs(const Matrix& A) { return max_abs(A.data()); }

double frobenius_norm(const Matrix& A) { return norm2(A.data()); }

bool all_finite(const Matrix& A) {
    for (double a : A.data())
        if (!std::isfinite(a)) return false;
    return true;
}

bool is_symmetric(const Matrix& A, double rel_tol) {
    if (A.rows() != A.cols()) return false;
    double bound = rel_tol * max_abs(A);
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!(std::fabs(A(i, j) - A(j, i)) <= bound)) return false;
    return true;
}

Vector matvec(const Matrix& A, const Vector& x) {
    if (x.size() != A.cols())
        throw ShapeError("matvec: A is " + A.shape() + " but x has length " + std::to_string(x.size()));
    Vector y(A.rows(), 0.0);
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) y[i] += A(i, j) * x[j];  // y(i) = sum_j A(i, j) x(j)
    return y;
}

Vector matvec_transposed(const Matrix& A, const Vector& x) {
    if (x.size() != A.rows())
        throw ShapeError("matvec_transposed: A is " + A.shape() + " but x has length " + std::to_string(x.size()));
    Vector y(A.cols(), 0.0);
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) y[j] += A(i, j) * x[i];  // y(j) = sum_i A(i, j) x(i)
    return y;
}

namespace {

void require_same_length(const char* what, const Vector& x, const Vector& y) {
    if (x.size() != y.size())
        throw ShapeError(std::string(what) + ": x has length " + std::to_string(x.size()) + " but y has length " +
                         std::to_string(y.size()));
}

}  // namespace

double dot(const Vector& x, const Vector& y) {
    require_same_length("dot", x, y);
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) s += x[i] * y[i];  // sum_i x(i) y(i)
    return s;
}

double norm2(const Vector& x) { return norm2(x.data(), x.size()); }

double norm2(const double* x, std::size_t n) {
    // scaled by the largest |x(i)| so that squaring neither overflows nor underflows
    const double m = max_abs(x, n);
    if (m == 0.0 || !std::isfinite(m)) return m;
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = x[i] / m;  // |t| <= 1
        s += t * t;
    }
    return m * std::sqrt(s);
}

double max_abs(const Vector& x) { return max_abs(x.data(), x.size()); }

double max_abs(const double* x, std::size_t n) {
    double m = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(x[i])) return x[i];
        const double a = std::fabs(x[i]);
        if (a > m) m = a;  // max(m, |x(i)|)
    }
    return m;
}

Vector add(const Vector& x, const Vector& y) {
    require_same_length("add", x, y);
    Vector z(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) z[i] = x[i] + y[i];
    return z;
}

Vector subtract(const Vector& x, const Vector& y) {
    require_same_length("subtract", x, y);
    Vector z(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) z[i] = x[i] - y[i];
    return z;
}

Vector scale(double s, const Vector& x) {
    Vector z = x;
    for (double& v : z) v *= s;
    return z;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// The in-house dense matrix, boring on purpose (derivations/linear_algebra.md, section 1).
//
// Storage (LA.1): row-major std::vector<double>; element (i, j) lives at data[i * cols + j].
// Rows are samples, as in scikit-learn: a data set is N x D (N samples, D features).
// Operations are free functions with their loops in plain sight; matrix products live in matmul.hpp.
// Vectors are plain std::vector<double> (alias Vector).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "linalg/errors.hpp"

namespace mlfs {

using Vector = std::vector<double>;

class Matrix {
public:
    Matrix() = default;
    Matrix(std::size_t rows, std::size_t cols, double fill = 0.0);
    // data is row-major and must hold rows * cols numbers
    Matrix(std::size_t rows, std::size_t cols, std::vector<double> data);

    static Matrix identity(std::size_t n);
    static Matrix column(const Vector& v);  // N x 1

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    std::size_t size() const { return data_.size(); }
    bool empty() const { return data_.empty(); }

    // (LA.1) A(i, j) = data[i * cols + j]; unchecked, for inner loops
    double& operator()(std::size_t i, std::size_t j) { return data_[i * cols_ + j]; }
    double operator()(std::size_t i, std::size_t j) const { return data_[i * cols_ + j]; }
    // checked access: throws ShapeError naming the index and the shape
    double& at(std::size_t i, std::size_t j);
    double at(std::size_t i, std::size_t j) const;

    const std::vector<double>& data() const { return data_; }
    std::vector<double>& data() { return data_; }

    Vector row(std::size_t i) const;
    Vector col(std::size_t j) const;
    void set_row(std::size_t i, const Vector& v);
    void set_col(std::size_t j, const Vector& v);

    std::string shape() const;  // "3x4", for messages

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    std::vector<double> data_;
};

// ---- shape checks used by every routine: throw ShapeError "what: A is 3x4 but B is 5x2"
void require_same_shape(const char* what, const Matrix& A, const Matrix& B);
void require_square(const char* what, const Matrix& A);

// ---- whole-matrix operations (each loop carries its formula)
Matrix transpose(const Matrix& A);                           // B(j, i) = A(i, j)
Matrix add(const Matrix& A, const Matrix& B);                // C = A + B
Matrix subtract(const Matrix& A, const Matrix& B);           // C = A - B
Matrix scale(double s, const Matrix& A);                     // C = s A
Matrix hadamard(const Matrix& A, const Matrix& B);           // C(i, j) = A(i, j) B(i, j)
Matrix add_row_vector(const Matrix& A, const Vector& b);     // C(i, j) = A(i, j) + b(j), e.g. Z = X W + b
Vector column_means(const Matrix& X);                        // xbar(j) = (1/N) sum_i X(i, j)
Vector column_sums(const Matrix& X);                         // s(j) = sum_i X(i, j)
Matrix centre_columns(const Matrix& X, const Vector& xbar);  // Xc(i, j) = X(i, j) - xbar(j)
double max_abs(const Matrix& A);                             // max_ij |A(i, j)|
double frobenius_norm(const Matrix& A);                      // sqrt(sum_ij A(i, j)^2)
bool all_finite(const Matrix& A);
bool is_symmetric(const Matrix& A, double rel_tol = 0.0);  // |A(i,j) - A(j,i)| <= rel_tol * max|A|

// ---- vectors
Vector matvec(const Matrix& A, const Vector& x);             // y(i) = sum_j A(i, j) x(j)
Vector matvec_transposed(const Matrix& A, const Vector& x);  // y(j) = sum_i A(i, j) x(i) = (A^T x)(j)
double dot(const Vector& x, const Vector& y);                // sum_i x(i) y(i)
double norm2(const Vector& x);                               // sqrt(x . x)
double max_abs(const Vector& x);                             // max_i |x(i)|
double norm2(const double* x, std::size_t n);                // the same on x[0..n), e.g. a column's tail
double max_abs(const double* x, std::size_t n);
Vector add(const Vector& x, const Vector& y);
Vector subtract(const Vector& x, const Vector& y);
Vector scale(double s, const Vector& x);

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Least squares and ridge by the normal equations (Cholesky) and by Householder QR with iterative
// refinement (derivations/linear_regression.md). Legend: N samples, D features.
#include "algorithms/linear_regression.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "algorithms/least_squares_refinement.hpp"
#include "algorithms/magnitudes.hpp"
#include "linalg/cholesky.hpp"
#include "linalg/double_double.hpp"
#include "linalg/matmul.hpp"
#include "linalg/matvec_fast.hpp"
#include "linalg/parallel.hpp"
#include "linalg/qr.hpp"

namespace mlfs {

std::string feature_label(const std::vector<std::string>& names, std::size_t j) {
    std::string label = "feature " + std::to_string(j);
    if (j < names.size()) label += " (" + names[j] + ")";
    return label;
}

namespace {

// Sums of squares of N values of size up to `big` must neither overflow (N big^2 > 1.8e308) nor
// vanish (big^2 below the smallest normal double, 2.2e-308): both would turn the fit into inf, NaN or 0.
void require_representable_squares(const char* what, const std::string& name, double big, std::size_t N) {
    if (squares_out_of_range(big, static_cast<double>(N)))
        throw std::invalid_argument(std::string(what) + ": " + name + " has values up to " + format_number(big) +
                                    " in magnitude, so its sums of squares " + (big > 1.0 ? "overflow" : "underflow") +
                                    " double precision; rescale it (e.g. to units near 1)");
}

// The sums that (LR.3)'s means are made of, from the validation pass: sum_X(j) = sum_i X(i, j) and
// sum_y = sum_i y(i), each over i in increasing order from 0.0 (the bits of column_sums).
struct DataSums {
    Vector sum_X;  // D
    double sum_y = 0.0;
};

// The first entry of X, row by row, that is NaN or infinite, if any, is an error.
void require_finite_entries(const char* what, const Matrix& X) {
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t j = 0; j < X.cols(); ++j)
            if (!std::isfinite(X(i, j)))
                throw std::invalid_argument(std::string(what) + ": X has a NaN or infinite entry (row " +
                                            std::to_string(i) + ", feature " + std::to_string(j) + ")");
}

// require_regression_data, returning the sums. One pass over X as it is stored, row by row, with no
// branch, so that it vectorises across j: the column sums and each column's largest |X(i, j)|. A NaN
// or an infinity makes its column's sum NaN or infinite for good, so a finite sum means a finite
// column; only when a sum is not finite are the rows searched for the entry (a sum of finite entries
// can also overflow: then there is none, and the size check below rejects the column).
DataSums checked_sums(const char* what, const Matrix& X, const Vector& y) {
    const std::size_t N = X.rows(), D = X.cols();
    if (N == 0 || D == 0) throw ShapeError(std::string(what) + ": X is " + X.shape() + ", it needs rows and columns");
    if (y.size() != N)
        throw ShapeError(std::string(what) + ": X is " + X.shape() + " but y has length " + std::to_string(y.size()));
    DataSums s{Vector(D, 0.0), 0.0};
    Vector big(D, 0.0);
    double* sum = s.sum_X.data();
    double* top = big.data();
    for (std::size_t i = 0; i < N; ++i) {
        const double* x = X.data().data() + i * D;
        for (std::size_t j = 0; j < D; ++j) {
            const double a = std::fabs(x[j]);
            sum[j] += x[j];
            top[j] = a > top[j] ? a : top[j];
        }
    }
    if (!std::all_of(s.sum_X.begin(), s.sum_X.end(), [](double v) { return std::isfinite(v); }))
        require_finite_entries(what, X);
    for (double v : y) s.sum_y += v;
    if (!std::isfinite(s.sum_y))
        for (double v : y)
            if (!std::isfinite(v)) throw std::invalid_argument(std::string(what) + ": y has a NaN or infinite entry");
    for (std::size_t j = 0; j < D; ++j) require_representable_squares(what, "feature " + std::to_string(j), big[j], N);
    require_representable_squares(what, "the target y", max_abs(y), N);
    return s;
}

}  // namespace

void require_regression_data(const char* what, const Matrix& X, const Vector& y) { checked_sums(what, X, y); }

namespace {

void require_alpha(const char* what, double alpha) {
    if (!(alpha >= 0.0) || !std::isfinite(alpha))
        throw std::invalid_argument(std::string(what) + ": alpha = " + format_number(alpha) +
                                    " must be >= 0 and finite");
}

// Without a penalty, N samples determine at most N parameters (D coefficients + the intercept).
void require_enough_samples(const char* what, const Matrix& X, const LeastSquaresOptions& opt) {
    const std::size_t p = X.cols() + (opt.fit_intercept ? 1 : 0);
    if (opt.alpha == 0.0 && X.rows() < p)
        throw ShapeError(std::string(what) + ": " + std::to_string(X.rows()) + " samples cannot determine " +
                         std::to_string(p) + " parameters (" + std::to_string(X.cols()) + " coefficients" +
                         (opt.fit_intercept ? " and the intercept" : "") + "); add samples or a ridge penalty");
}

}  // namespace

// (LR.3) xbar = (1/N) sum_i x_i, Xc = X - 1 xbar^T, yc = y - ybar (as sklearn's _preprocess_data)
CentredProblem centre(const Matrix& X, const Vector& y, bool fit_intercept) {
    if (!fit_intercept) return CentredProblem{X, y, Vector(X.cols(), 0.0), 0.0};
    CentredProblem p;
    p.xbar = column_means(X);
    p.Xc = centre_columns(X, p.xbar);  // the one copy of X
    p.ybar = column_means(Matrix::column(y))[0];
    p.yc = y;
    for (double& v : p.yc) v -= p.ybar;
    return p;
}

namespace {

// Why pivot j failed: column j of Xc is (nearly) zero, or (nearly) a combination of columns 0..j-1.
// The combination is found by least squares of column j on the earlier columns; the columns that
// contribute at least 1e-3 of its norm are named.
std::string explain_collinearity(const Matrix& Xc, std::size_t j, const std::vector<std::string>& names) {
    const Vector xj = Xc.col(j);
    const double norm_j = norm2(xj);
    if (norm_j == 0.0) return feature_label(names, j) + " is constant";
    if (j == 0 || Xc.rows() <= j) return feature_label(names, j) + " is (nearly) constant or dependent on the others";
    Matrix earlier(Xc.rows(), j);
    for (std::size_t i = 0; i < Xc.rows(); ++i)
        for (std::size_t k = 0; k < j; ++k) earlier(i, k) = Xc(i, k);
    std::string related;
    try {
        const Vector c = lstsq_qr(earlier, xj);
        for (std::size_t k = 0; k < j; ++k)
            if (std::fabs(c[k]) * norm2(earlier.col(k)) >= 1e-3 * norm_j)
                related += (related.empty() ? "" : ", ") + feature_label(names, k);
    } catch (const NumericalError&) {
        // the earlier columns are themselves dependent; say only what we know
    }
    if (related.empty()) return feature_label(names, j) + " is (nearly) dependent on the features before it";
    return feature_label(names, j) + " is (nearly) a linear combination of " + related;
}

}  // namespace

NormalEquations normal_equations(const Matrix& Xc, const Vector& yc, double alpha, int threads) {
    if (yc.size() != Xc.rows())
        throw ShapeError("normal_equations: Xc is " + Xc.shape() + " but yc has length " + std::to_string(yc.size()));
    require_alpha("normal_equations", alpha);
    // >>> exercise normal-equations: derivations/linear_regression.md
    // (LR.4) Xc^T Xc, Xc^T yc: the bits of gram(Xc) and matvec_transposed(Xc, yc), on `threads` threads
    NormalEquations ne{gram_fast(Xc, threads), matvec_transposed_fast(Xc, yc, threads)};
    for (std::size_t j = 0; j < ne.XtX.rows(); ++j) ne.XtX(j, j) += alpha;  // (LR.5) ridge: + alpha I
    return ne;
    // <<< exercise normal-equations
}

namespace {

// centre and normal_equations without the centred copy of X, with their bits: (LR.3) xbar and ybar
// from the validation pass's sums (column_means divides the same sums by N), then (LR.4) the Gram
// matrix G of Z = [Xc yc] = [X - 1 xbar^T, y - ybar], formed a chunk of rows at a time
// (gram_centred_fast): its D x D block is gram(Xc) and its last column matvec_transposed(Xc, yc),
// bit for bit, so XtX and Xty are normal_equations(Xc, yc, alpha)'s. O(N D^2), one pass over X.
struct CentredNormalEquations {
    NormalEquations ne;
    Vector xbar;  // D; zeros without an intercept (then Z = [X y])
    double ybar = 0.0;
};

CentredNormalEquations centred_normal_equations(const Matrix& X, const Vector& y, const DataSums& sums,
                                                const LeastSquaresOptions& opt) {
    const std::size_t D = X.cols();
    CentredNormalEquations c{{Matrix(D, D), Vector(D)}, Vector(D, 0.0), 0.0};
    if (opt.fit_intercept) {  // (LR.3) xbar = (1/N) sum_i x_i, ybar = (1/N) sum_i y_i
        const double N = static_cast<double>(X.rows());
        for (std::size_t j = 0; j < D; ++j) c.xbar[j] = sums.sum_X[j] / N;
        c.ybar = sums.sum_y / N;
    }
    const Matrix G = gram_centred_fast(X, c.xbar, y, c.ybar, opt.threads);  // (LR.4) [Xc yc]^T [Xc yc]
    for (std::size_t j = 0; j < D; ++j) {
        for (std::size_t k = 0; k < D; ++k) c.ne.XtX(j, k) = G(j, k);  // Xc^T Xc
        c.ne.Xty[j] = G(j, D);                                         // Xc^T yc
    }
    for (std::size_t j = 0; j < D; ++j) c.ne.XtX(j, j) += opt.alpha;  // (LR.5) ridge: + alpha I
    return c;
}

}  // namespace

LinearModel fit_cholesky(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt) {
    return fit_cholesky_factored(X, y, opt).model;
}

FactoredFit fit_cholesky_factored(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt) {
    const DataSums sums = checked_sums("fit_cholesky", X, y);  // require_regression_data, and (LR.3)'s sums
    require_alpha("fit_cholesky", opt.alpha);
    require_enough_samples("fit_cholesky", X, opt);
    const CentredNormalEquations c = centred_normal_equations(X, y, sums, opt);  // (LR.3), (LR.4), (LR.5)
    const Matrix& XtX = c.ne.XtX;
    const Vector& Xty = c.ne.Xty;
    const Cholesky chol(XtX);
    // Xc is formed only to explain a failure
    auto why = [&](std::size_t j) {
        return explain_collinearity(centre(X, y, opt.fit_intercept).Xc, j, opt.feature_names) +
               ". Drop or combine that feature, add a ridge penalty (alpha > 0), or use the QR solver";
    };
    if (!chol.ok())
        throw NumericalError("normal equations: " + chol.error() + "; " + why(chol.failed_pivot()), chol.failed_pivot(),
                             chol.failed_value());
    // A positive pivot can still be rounding noise: L_jj^2 is what is left of ||Xc(:, j)||^2 = XtX_jj
    // after removing the earlier columns; each entry of XtX is a sum of N products and each pivot
    // subtracts D more, so it is known only to about (N + D) eps XtX_jj. Below that, column j is
    // numerically a combination of the earlier ones (exact collinearity lands here). Only data with
    // cond(XtX) > 1 / ((N + D) eps) can trip it, where the normal equations keep no digit anyway.
    const double eps = std::numeric_limits<double>::epsilon();
    const double rounding = static_cast<double>(X.rows() + XtX.rows()) * eps;
    for (std::size_t j = 0; j < XtX.rows(); ++j) {
        const double pivot = chol.L()(j, j) * chol.L()(j, j);
        if (pivot <= rounding * XtX(j, j))
            throw NumericalError("normal equations: cholesky pivot " + std::to_string(j) + " = " +
                                     format_number(pivot) + " <= (N+D)*eps*(X^T X)_jj = " +
                                     format_number(rounding * XtX(j, j)) + ", rounding noise; " + why(j),
                                 j, pivot);
    }
    FactoredFit fit;
    fit.model.coef_ = chol.solve(Xty);                             // (LA.8) L z = Xty, L^T w = z
    fit.model.intercept_ = c.ybar - dot(c.xbar, fit.model.coef_);  // (LR.3) b = ybar - xbar^T w
    fit.R = transpose(chol.L());                                   // R^T R = L L^T = Xc^T Xc + alpha I
    fit.factor = "cholesky";
    fit.fit_intercept = opt.fit_intercept;
    fit.alpha = opt.alpha;
    return fit;
}

// The centred problem for QR, exactly (LR.7): xbar and ybar in double-double; each entry
// X(i,j) - xbar_j is formed in double-double by ExactLeastSquares when refinement asks for it.
namespace {

// xbar_j = (1/N) sum_i X(i, j) and ybar in double-double; zeros without an intercept. X is walked
// once, row by row, with the D sums side by side (each still summed over i in order).
void exact_means(ExactLeastSquares& p, bool fit_intercept, int threads) {
    const std::size_t N = p.X.rows(), D = p.X.cols();
    p.xbar.assign(D, DoubleDouble{});
    p.ybar = DoubleDouble{};
    if (!fit_intercept) return;
    // each xbar_j is its own output: threads split the columns, each still summed over i in order
    const std::size_t T = std::min<std::size_t>(resolve_threads(threads), D);
    parallel_for(T, N * D >= (std::size_t(1) << 16) ? threads : 1, [&](std::size_t t) {
        const std::size_t j0 = t * D / T, j1 = (t + 1) * D / T;
        std::vector<DoubleDouble> sum(j1 - j0);  // this thread's own, not next to another thread's
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = j0; j < j1; ++j) sum[j - j0] = dd_add(sum[j - j0], p.X(i, j));
        std::copy(sum.begin(), sum.end(), p.xbar.begin() + static_cast<std::ptrdiff_t>(j0));
    });
    for (DoubleDouble& s : p.xbar) s = dd_div(s, static_cast<double>(N));
    for (double v : p.y) p.ybar = dd_add(p.ybar, v);
    p.ybar = dd_div(p.ybar, static_cast<double>(N));
}

// The rounded copy of the exact A that QR factors, column by column as HouseholderQR keeps it:
// A(i, j) = columns[j * m + i] with m = N (or N + D with the ridge rows). Written row by row so
// that X is read in order; each column is its own output stream, and threads split the rows.
std::vector<double> rounded_columns(const ExactLeastSquares& p, int threads) {
    const std::size_t m = p.rows(), D = p.cols();
    std::vector<double> columns(m * D);
    const std::size_t rows_per_block = 8192, blocks = (m + rows_per_block - 1) / rows_per_block;
    parallel_for(blocks, threads, [&](std::size_t block) {
        const std::size_t end = std::min(m, (block + 1) * rows_per_block);
        for (std::size_t i = block * rows_per_block; i < end; ++i)
            for (std::size_t j = 0; j < D; ++j) columns[j * m + i] = p.A(i, j).value();
    });
    return columns;
}

}  // namespace

LinearModel fit_qr(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt) {
    return fit_qr_factored(X, y, opt).model;
}

FactoredFit fit_qr_factored(const Matrix& X, const Vector& y, const LeastSquaresOptions& opt) {
    require_regression_data("fit_qr", X, y);
    require_alpha("fit_qr", opt.alpha);
    // (LR.6) ridge by QR reflects the columns of [Xc; sqrt(alpha) I]: each reflection's v^T v is about
    // 2 (alpha + ||xc_j||^2) (LA.14), and the data check keeps ||xc_j||^2 below 1e300, so 2 alpha must
    // be finite (alpha = 1e308 gave v^T v = inf, then R(0,0) = NaN, blamed on collinearity)
    if (!std::isfinite(2.0 * opt.alpha))
        throw std::invalid_argument("fit_qr: alpha = " + format_number(opt.alpha) +
                                    " makes the Householder reflections of [Xc; sqrt(alpha) I] (LR.6) overflow: "
                                    "their v^T v is about 2 (alpha + ||xc_j||^2) (LA.14), beyond double "
                                    "precision's 1.8e308; use alpha <= 8.9e307, or the cholesky solver");
    require_enough_samples("fit_qr", X, opt);
    const std::size_t D = X.cols();
    ExactLeastSquares exact{X, y, {}, {}, std::sqrt(opt.alpha), nullptr};  // (LR.6) ridge: [Xc; sqrt(alpha) I], [yc; 0]
    exact_means(exact, opt.fit_intercept, opt.threads);
    Vector b(exact.rows());  // the rounded yc that is solved for
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = exact.b(i).value();
    std::function<void(std::size_t)> after_column;
    if (opt.progress) after_column = [&](std::size_t k) { opt.progress("QR reflections", k + 1, D); };
    const HouseholderQR qr(rounded_columns(exact, opt.threads), exact.rows(), D, opt.threads,
                           after_column);  // in place
    Vector w;
    try {
        w = qr.solve(b);  // (LR.6) R w = (Q^T b)[0:D]
    } catch (const NumericalError& e) {
        Matrix A(exact.rows(), D);  // only to explain the failure
        for (std::size_t i = 0; i < A.rows(); ++i)
            for (std::size_t j = 0; j < D; ++j) A(i, j) = exact.A(i, j).value();
        throw NumericalError(std::string("QR least squares: ") + e.what() + "; " +
                                 explain_collinearity(A, e.index, opt.feature_names),
                             e.index, e.value);
    }
    FactoredFit fit;
    std::function<void(int)> after_step;
    if (opt.progress)
        after_step = [&](int s) {
            opt.progress("refinement steps", static_cast<std::size_t>(s), static_cast<std::size_t>(opt.refine_steps));
        };
    fit.model.coef_ = refine_least_squares(qr, exact, w, opt.refine_steps, opt.threads, after_step);  // (LR.7)
    DoubleDouble b0 = exact.ybar;  // (LR.3) b = ybar - xbar^T w
    for (std::size_t j = 0; j < D; ++j) b0 = dd_add(b0, dd_neg(dd_mul(exact.xbar[j], fit.model.coef_[j])));
    fit.model.intercept_ = b0.value();
    fit.R = qr.R();
    fit.factor = "qr";
    fit.fit_intercept = opt.fit_intercept;
    fit.alpha = opt.alpha;
    return fit;
}

Vector predict(const LinearModel& model, const Matrix& X) {
    if (X.cols() != model.coef_.size())
        throw ShapeError("predict: X is " + X.shape() + " but the model has " + std::to_string(model.coef_.size()) +
                         " coefficients");
    Vector yhat = matvec(X, model.coef_);
    for (double& v : yhat) v += model.intercept_;  // (LR.8) yhat = X w + b
    return yhat;
}

}  // namespace mlfs

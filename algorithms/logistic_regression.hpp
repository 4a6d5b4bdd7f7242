// SPDX-License-Identifier: MIT
// Logistic regression, binary and multinomial, as scikit-learn 1.2.1's LogisticRegression
// computes it (derivations/logistic_regression.md). Legend: N samples, D features, K classes,
// M = 1 model row for two classes (the log-odds of classes_[1]) or M = K rows (softmax), P = M (D + 1)
// parameters. theta is M x (D + 1): row m is [b_m, w_m1 ... w_mD] (intercept first, as statsmodels).
//
//   (LG.1)  p = sigma(z), z = b + x^T w                      (LG.11) p_k = softmax(z)_k, z_k = b_k + x^T w_k
//   (LG.2)  the log-loss is the Bernoulli likelihood's negative log: -[y log p + (1 - y) log(1 - p)]
//   (LG.3)  sigma and the log-loss without overflow or log(0), for |z| up to 1e300
//   (LG.4)  f(theta) = sum_i l_i + ||W||^2 / (2 C)           (a sum over rows, intercepts unpenalised;
//                                                            penalty none: 1/C = 0)
//   (LG.5)  gradient  g = X~^T (p - y) + W / C               (LG.12) G = X~^T (P - Y) + W / C
//   (LG.6)  Hessian   H = X~^T diag(p (1 - p)) X~ + I / C    (LG.13) blocks X~^T diag(p_k (d_kl - p_l)) X~
//   (LG.7)  Newton step: H s = -g by Cholesky                (LG.14) the softmax's redundant direction
//   (LG.8)  backtracking line search (Armijo; a change of f at rounding level counts when sum_j |g_j| falls)
//   (LG.9)  convergence: max_j |g_j| <= tol and (Newton) a last step below 1e-8 (1 + max|theta|)
//   (LG.10) gradient descent with step 1/L, L = lambda_max(X~^T X~) / 4 + 1/C  (/2 for softmax)
//   (LG.15) separation: no finite maximum; detected and reported
//   (LG.16) predict_proba, predict (argmax; z > 0, i.e. p > 1/2, for two classes)
//   (LG.17) the audit of an unpenalised binary fit: algorithms/logistic_audit.hpp
//   (LG.18) a network with no hidden layer and a softmax output is this model (algorithms/mlp.cpp)
// Cost: one Newton step is about N (D + 1)^2 flops for the two-class Hessian, N K (K + 1) (D + 1) (D + 2) / 2
// for the softmax's (the triangles of its K (K + 1) / 2 blocks; about N P^2 / 2 for large K and D), and
// P^3 / 3 for the Cholesky.
#pragma once

#include <string>
#include <vector>

#include "linalg/errors.hpp"
#include "linalg/matrix.hpp"

namespace mlfs {

// ---- (LG.3) the stable pieces
double sigmoid(double z);                           // 1 / (1 + e^-z), computed without overflow
double softplus(double z);                          // log(1 + e^z) = max(z, 0) + log1p(e^-|z|)
double binary_log_loss(double z, double y);         // (LG.2) = softplus(z) - y z (softplus(-z) for y = 1)
double log_sum_exp(const double* z, std::size_t K); // log sum_k e^{z_k} = max + log sum e^{z_k - max}

enum class LogisticSolver { newton, gd };
const char* solver_name(LogisticSolver s);  // "newton", "gd"

struct LogisticOptions {
    bool penalised = true;                   // penalty "l2" (true) or "none"
    double C = 1.0;                          // inverse penalty strength: ||W||^2 / (2 C), as sklearn
    LogisticSolver solver = LogisticSolver::newton;
    int max_iter = 100;                      // Newton steps or gradient-descent steps (sklearn: 100)
    double tol = 1e-4;                       // (LG.9) stop when max_j |g_j| <= tol (sklearn's lbfgs gtol),
                                             // and for Newton when its last step also moved every parameter
                                             // by at most 1e-8 (1 + max|theta|): one or two more steps, each
                                             // squaring the error, so the answer is the optimum to ~1e-12
    std::vector<std::string> feature_names;  // for messages; x1 .. xD when empty
    bool keep_iterates = false;              // fill LogisticFit::iterates (P numbers per step)
};

struct LogisticModel {
    Vector classes_;    // the sorted distinct labels (np.unique), K >= 2
    Matrix coef_;       // M x D
    Vector intercept_;  // M
    std::size_t n_classes() const { return classes_.size(); }
};

// Why the iteration stopped.
// converged: (LG.9) held; max_iter: it did not; stalled: the line search could not decrease f at all
// (theta is the optimum to rounding level, the gradient is as small as rounding lets it be).
enum class LogisticStop { converged, max_iter, stalled };

struct LogisticFit {
    LogisticModel model;
    int n_iter_ = 0;                  // Newton steps or gradient steps taken
    LogisticStop stop = LogisticStop::max_iter;
    std::vector<double> loss_curve;   // f(theta) before the first step and after each step
    std::vector<double> grad_max;     // max_j |g_j| at the same points
    std::vector<double> step_length;  // Newton: the line search's t per step; GD: the step 1/L
    std::vector<Vector> iterates;     // with keep_iterates: theta (P, rows of [b_m, w_m]) before the first
                                      // step and after each; empty otherwise
    Matrix hessian;                   // P x P at the returned theta (Newton only; empty for GD)
};

// Thrown for an unpenalised fit whose likelihood has no maximum (LG.15). The message names the
// separating combination of features (complete separation) or the coefficients that diverge.
struct SeparationError : NumericalError {
    SeparationError(const std::string& message, std::size_t iteration)
        : NumericalError(message, iteration, 0.0) {}
};

// y holds class labels (any finite doubles; sorted as np.unique sorts them). Throws ShapeError on
// sizes, std::invalid_argument on non-finite data, a single class, C <= 0 or tol < 0, and
// SeparationError as above.
LogisticFit fit_logistic(const Matrix& X, const Vector& y, const LogisticOptions& opt = {});

Matrix decision_function(const LogisticModel& model, const Matrix& X);  // N x M, z = b + X W^T
Matrix predict_proba(const LogisticModel& model, const Matrix& X);      // N x K (LG.1), (LG.11)
Vector predict(const LogisticModel& model, const Matrix& X);            // N labels from classes_ (z > 0 / argmax)

// ---- the pieces a learner writes (exercises), exposed for their tests
// (LG.4)-(LG.6) for two classes: y01 in {0, 1}, theta = [b, w] (length D + 1), inv_C = 1/C or 0.
// Returns f; fills g (D + 1) and, when H is not null, H ((D + 1) x (D + 1)).
double binary_objective(const Matrix& X, const Vector& y01, const Vector& theta, double inv_C, Vector& g,
                        Matrix* H);
// (LG.5), (LG.6) from the residuals r_i = p_i - y_i and weights w_i = p_i (1 - p_i) (w may be empty
// when H is null): g = X~^T r + [0, w/C], H = X~^T diag(w) X~ + diag(0, I/C). binary_objective's last step.
void binary_gradient_hessian(const Matrix& X, const Vector& r, const Vector& w, const Vector& theta, double inv_C,
                             Vector& g, Matrix* H);
// (LG.11), (LG.12) for K classes: Y is N x K one-hot, Theta is K x (D + 1). Returns f; fills G (K x (D + 1)).
double softmax_objective(const Matrix& X, const Matrix& Y, const Matrix& Theta, double inv_C, Matrix& G);
// (LG.13) the softmax Hessian, P x P with P = K (D + 1), parameters ordered as Theta's rows.
Matrix softmax_hessian(const Matrix& X, const Matrix& Theta, double inv_C);
// (LG.7) the Newton direction s with H s = -g, by Cholesky; NumericalError names the failing pivot.
Vector newton_direction(const Matrix& H, const Vector& g);

}  // namespace mlfs

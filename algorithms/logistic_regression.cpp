// SPDX-License-Identifier: MIT
// Logistic regression's pieces (derivations/logistic_regression.md): the stable sigmoid and
// log-losses (LG.3), the objective with its gradient and Hessian for two classes (LG.4)-(LG.6) and
// for K classes (LG.11)-(LG.13), the Newton direction (LG.7) and prediction (LG.16).
// The iterations themselves (Newton, gradient descent, separation) are in logistic_fit.cpp.
// Legend: N samples, D features, K classes, x~_i = [1, x_i] (the intercept's column first).
#include "algorithms/logistic_regression.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "linalg/cholesky.hpp"

namespace mlfs {

// ---- (LG.3) the stable pieces
double sigmoid(double z) {
    // >>> exercise logistic-loss: derivations/logistic_regression.md
    // e^-z overflows for z < -709, so for negative z use the equal form e^z / (1 + e^z)
    if (z >= 0.0) return 1.0 / (1.0 + std::exp(-z));
    double e = std::exp(z);
    return e / (1.0 + e);
    // <<< exercise logistic-loss
}

double softplus(double z) {
    // >>> exercise logistic-loss: derivations/logistic_regression.md
    // log(1 + e^z) = max(z, 0) + log(1 + e^-|z|): the exponent is never positive, and log1p keeps
    // the small term's digits when e^-|z| is tiny
    return std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z)));
    // <<< exercise logistic-loss
}

// (LG.2) l(z, y) = -[y log sigma(z) + (1 - y) log(1 - sigma(z))] = softplus(z) - y z (LG.3): never log(0).
// For y = 1 the equal form softplus(-z) keeps the digits of a tiny loss (z = 40: 4.2e-18, not 0).
double binary_log_loss(double z, double y) {
    if (y == 1.0) return softplus(-z);
    return softplus(z) - y * z;
}

double log_sum_exp(const double* z, std::size_t K) {
    double m = *std::max_element(z, z + K);
    double s = 0.0;
    for (std::size_t k = 0; k < K; ++k) s += std::exp(z[k] - m);  // each term <= 1, one term == 1
    return m + std::log(s);
}

const char* solver_name(LogisticSolver s) { return s == LogisticSolver::newton ? "newton" : "gd"; }

// ---- (LG.4)-(LG.6) two classes: theta = [b, w], z_i = b + x_i^T w
double binary_objective(const Matrix& X, const Vector& y01, const Vector& theta, double inv_C, Vector& g,
                        Matrix* H) {
    const std::size_t N = X.rows(), D = X.cols(), P = D + 1;
    if (y01.size() != N || theta.size() != P)
        throw ShapeError("binary_objective: X is " + std::to_string(N) + "x" + std::to_string(D) + ", y has " +
                         std::to_string(y01.size()) + " entries, theta " + std::to_string(theta.size()) +
                         " (expected D + 1 = " + std::to_string(P) + ")");
    Vector r(N), w(H ? N : 0);
    double f = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
        const double* x = &X.data()[i * D];
        double z = theta[0];
        for (std::size_t j = 0; j < D; ++j) z += x[j] * theta[j + 1];  // z_i = b + x_i^T w   (LG.1)
        f += binary_log_loss(z, y01[i]);                                // (LG.4) term 1: data fit
        r[i] = sigmoid(z) - y01[i];                                     // p_i - y_i
        if (H) w[i] = sigmoid(z) * sigmoid(-z);  // p_i (1 - p_i), without the cancellation in 1 - p_i
    }
    for (std::size_t j = 1; j < P; ++j) f += 0.5 * inv_C * theta[j] * theta[j];  // (LG.4) term 2: ||w||^2 / (2C)
    binary_gradient_hessian(X, r, w, theta, inv_C, g, H);
    return f;
}

void binary_gradient_hessian(const Matrix& X, const Vector& r, const Vector& w, const Vector& theta, double inv_C,
                             Vector& g, Matrix* H) {
    const std::size_t N = X.rows(), D = X.cols(), P = D + 1;
    if (r.size() != N || (H && w.size() != N) || theta.size() != P)
        throw ShapeError("binary_gradient_hessian: X is " + std::to_string(N) + "x" + std::to_string(D) + ", r has " +
                         std::to_string(r.size()) + " entries, w " + std::to_string(w.size()) + ", theta " +
                         std::to_string(theta.size()));
    g.assign(P, 0.0);
    if (H) *H = Matrix(P, P);
    // >>> exercise logistic-gradient-hessian: derivations/logistic_regression.md
    for (std::size_t i = 0; i < N; ++i) {
        const double* x = &X.data()[i * D];
        g[0] += r[i];  // (LG.5) g += (p_i - y_i) x~_i, x~_i = [1, x_i]
        for (std::size_t j = 0; j < D; ++j) g[j + 1] += r[i] * x[j];
        if (!H) continue;
        Matrix& h = *H;  // (LG.6) the lower triangle of H += w_i x~_i x~_i^T
        h(0, 0) += w[i];
        for (std::size_t a = 0; a < D; ++a) {
            double wa = w[i] * x[a];
            h(a + 1, 0) += wa;
            for (std::size_t c = 0; c <= a; ++c) h(a + 1, c + 1) += wa * x[c];
        }
    }
    for (std::size_t j = 1; j < P; ++j) {  // the penalty's w / C and I / C; the intercept unpenalised
        g[j] += inv_C * theta[j];
        if (H) (*H)(j, j) += inv_C;
    }
    // <<< exercise logistic-gradient-hessian
    if (H)
        for (std::size_t a = 0; a < P; ++a)
            for (std::size_t c = a + 1; c < P; ++c) (*H)(a, c) = (*H)(c, a);
}

// ---- (LG.11), (LG.12) K classes: row k of Theta is [b_k, w_k], z_ik = b_k + x_i^T w_k
namespace {
void scores(const Matrix& Theta, const double* x, std::size_t D, double* z) {
    for (std::size_t k = 0; k < Theta.rows(); ++k) {
        const double* t = &Theta.data()[k * (D + 1)];
        double s = t[0];
        for (std::size_t j = 0; j < D; ++j) s += x[j] * t[j + 1];
        z[k] = s;
    }
}

void require_softmax_shapes(const char* what, const Matrix& X, std::size_t y_rows, const Matrix& Theta) {
    if (y_rows != X.rows() || Theta.cols() != X.cols() + 1 || Theta.rows() < 2)
        throw ShapeError(std::string(what) + ": X is " + std::to_string(X.rows()) + "x" + std::to_string(X.cols()) +
                         ", Y has " + std::to_string(y_rows) + " rows, Theta is " + std::to_string(Theta.rows()) +
                         "x" + std::to_string(Theta.cols()) + " (expected K x (D + 1), K >= 2)");
}
}  // namespace

double softmax_objective(const Matrix& X, const Matrix& Y, const Matrix& Theta, double inv_C, Matrix& G) {
    require_softmax_shapes("softmax_objective", X, Y.rows(), Theta);
    const std::size_t N = X.rows(), D = X.cols(), K = Theta.rows();
    if (Y.cols() != K) throw ShapeError("softmax_objective: Y has " + std::to_string(Y.cols()) + " columns, K = " +
                                        std::to_string(K));
    G = Matrix(K, D + 1);
    Vector z(K);
    double f = 0.0;
    // >>> exercise softmax-gradient: derivations/logistic_regression.md
    for (std::size_t i = 0; i < N; ++i) {
        const double* x = &X.data()[i * D];
        scores(Theta, x, D, z.data());
        double lse = log_sum_exp(z.data(), K);
        for (std::size_t k = 0; k < K; ++k) {
            double y = Y(i, k);
            f += y * (lse - z[k]);                    // (LG.11) -log p_{i,y_i} = logsumexp(z_i) - z_{i,y_i}
            double r = std::exp(z[k] - lse) - y;      // (LG.12) p_ik - y_ik
            double* gk = &G.data()[k * (D + 1)];
            gk[0] += r;
            for (std::size_t j = 0; j < D; ++j) gk[j + 1] += r * x[j];
        }
    }
    for (std::size_t k = 0; k < K; ++k)
        for (std::size_t j = 1; j <= D; ++j) {  // ||W||^2 / (2C) over every class's w, intercepts free
            f += 0.5 * inv_C * Theta(k, j) * Theta(k, j);
            G(k, j) += inv_C * Theta(k, j);
        }
    // <<< exercise softmax-gradient
    return f;
}

// (LG.13) H[(k,a),(l,c)] = sum_i p_ik (d_kl - p_il) x~_ia x~_ic  (+ 1/C on the w entries' diagonal).
// Each block (k, l) is symmetric in (a, c), so only its triangle c <= a is summed: per row, the
// products x~_ia x~_ic once (xx, packed by rows of the triangle), then each block adds
// a_kl xx to its own packed triangle T[(k, l)], one contiguous loop per block.
Matrix softmax_hessian(const Matrix& X, const Matrix& Theta, double inv_C) {
    require_softmax_shapes("softmax_hessian", X, X.rows(), Theta);
    const std::size_t N = X.rows(), D = X.cols(), K = Theta.rows(), Q = D + 1, P = K * Q;
    const std::size_t tri = Q * (Q + 1) / 2, pairs = K * (K + 1) / 2;
    Vector z(K), p(K), xx(tri), T(pairs * tri, 0.0);
    for (std::size_t i = 0; i < N; ++i) {
        const double* x = &X.data()[i * D];
        scores(Theta, x, D, z.data());
        double lse = log_sum_exp(z.data(), K);
        for (std::size_t k = 0; k < K; ++k) p[k] = std::exp(z[k] - lse);
        std::size_t idx = 0;  // xx = the triangle of x~_i x~_i^T, x~_i = [1, x_i]
        for (std::size_t a = 0; a < Q; ++a) {
            double xa = a ? x[a - 1] : 1.0;
            xx[idx++] = xa;  // c = 0: x~_ic = 1
            for (std::size_t c = 1; c <= a; ++c) xx[idx++] = xa * x[c - 1];
        }
        double* t = T.data();
        for (std::size_t k = 0; k < K; ++k)
            for (std::size_t l = 0; l <= k; ++l, t += tri) {
                double a_kl = p[k] * ((k == l ? 1.0 : 0.0) - p[l]);
                for (std::size_t r = 0; r < tri; ++r) t[r] += a_kl * xx[r];
            }
    }
    Matrix H(P, P);
    const double* t = T.data();
    for (std::size_t k = 0; k < K; ++k)
        for (std::size_t l = 0; l <= k; ++l, t += tri) {
            std::size_t idx = 0;  // unpack block (k, l) and its mirror (l, k) = (k, l)^T
            for (std::size_t a = 0; a < Q; ++a)
                for (std::size_t c = 0; c <= a; ++c, ++idx) {
                    H(k * Q + a, l * Q + c) = H(k * Q + c, l * Q + a) = t[idx];
                    H(l * Q + a, k * Q + c) = H(l * Q + c, k * Q + a) = t[idx];
                }
        }
    for (std::size_t k = 0; k < K; ++k)
        for (std::size_t a = 1; a < Q; ++a) H(k * Q + a, k * Q + a) += inv_C;
    return H;
}

// (LG.7) s = -H^-1 g by Cholesky, H = L L^T (derivations/linear_algebra.md, (LA.6)-(LA.8))
Vector newton_direction(const Matrix& H, const Vector& g) {
    if (H.rows() != g.size() || H.cols() != g.size())
        throw ShapeError("newton_direction: H is " + std::to_string(H.rows()) + "x" + std::to_string(H.cols()) +
                         ", g has " + std::to_string(g.size()) + " entries");
    // >>> exercise newton-step: derivations/logistic_regression.md
    Cholesky chol(H);
    if (!chol.ok())
        throw NumericalError("newton_direction: the Hessian is not positive definite (" + chol.error() + ")",
                             chol.failed_pivot(), chol.failed_value());
    Vector s = chol.solve(g);
    for (double& v : s) v = -v;
    return s;
    // <<< exercise newton-step
}

// ---- (LG.16) prediction
Matrix decision_function(const LogisticModel& model, const Matrix& X) {
    const std::size_t N = X.rows(), D = X.cols(), M = model.coef_.rows();
    if (model.coef_.cols() != D || model.intercept_.size() != M)
        throw ShapeError("decision_function: X has " + std::to_string(D) + " features, coef_ is " +
                         std::to_string(M) + "x" + std::to_string(model.coef_.cols()));
    Matrix Z(N, M);
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t m = 0; m < M; ++m) {
            double z = model.intercept_[m];
            for (std::size_t j = 0; j < D; ++j) z += X(i, j) * model.coef_(m, j);
            Z(i, m) = z;
        }
    return Z;
}

Matrix predict_proba(const LogisticModel& model, const Matrix& X) {
    Matrix Z = decision_function(model, X);
    const std::size_t N = X.rows(), K = model.n_classes();
    Matrix Pr(N, K);
    for (std::size_t i = 0; i < N; ++i) {
        if (Z.cols() == 1) {  // two classes: [1 - sigma(z), sigma(z)], as sklearn
            double p = sigmoid(Z(i, 0));
            Pr(i, 0) = 1.0 - p;
            Pr(i, 1) = p;
            continue;
        }
        double lse = log_sum_exp(&Z.data()[i * K], K);
        for (std::size_t k = 0; k < K; ++k) Pr(i, k) = std::exp(Z(i, k) - lse);  // (LG.11)
    }
    return Pr;
}

Vector predict(const LogisticModel& model, const Matrix& X) {
    Matrix Z = decision_function(model, X);
    Vector labels(X.rows());
    for (std::size_t i = 0; i < X.rows(); ++i) {
        std::size_t best = 0;
        if (Z.cols() == 1) best = Z(i, 0) > 0.0 ? 1 : 0;  // z > 0, i.e. p > 1/2 (z = 0 gives classes_[0])
        else
            for (std::size_t k = 1; k < Z.cols(); ++k)
                if (Z(i, k) > Z(i, best)) best = k;  // the first largest score, as numpy's argmax
        labels[i] = model.classes_[best];
    }
    return labels;
}

}  // namespace mlfs

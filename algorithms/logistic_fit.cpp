// SPDX-License-Identifier: MIT
// fit_logistic: Newton's method with a line search (LG.7)-(LG.9), or gradient descent (LG.10), from
// theta = 0 as scikit-learn starts, and the separation checks of an unpenalised fit (LG.15)
// (derivations/logistic_regression.md). Legend: N samples, D features, K classes, M model rows
// (1 for two classes, else K), P = M (D + 1) parameters, theta stored as M rows of [b_m, w_m].
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <stdexcept>
#include <string>

#include "algorithms/logistic_regression.hpp"
#include "algorithms/logistic_separation.hpp"
#include "linalg/condition.hpp"
#include "linalg/format.hpp"

namespace mlfs {

namespace {

// The data in the form the objective wants: y01 for two classes, one-hot Y for K.
struct Encoded {
    Vector classes;
    Vector y01;  // N, two classes
    Matrix Y;    // N x K, K > 2
    std::size_t M = 1;
};

Encoded encode(const Vector& y) {
    Encoded e;
    e.classes = y;
    std::sort(e.classes.begin(), e.classes.end());
    e.classes.erase(std::unique(e.classes.begin(), e.classes.end()), e.classes.end());  // np.unique
    const std::size_t K = e.classes.size(), N = y.size();
    if (K < 2) {
        throw std::invalid_argument("fit_logistic: the target has a single class (" + format_exact(N ? y[0] : 0.0) +
                                    "); logistic regression needs at least two");
    }
    auto index = [&](double v) {
        return std::size_t(std::lower_bound(e.classes.begin(), e.classes.end(), v) - e.classes.begin());
    };
    if (K == 2) {
        e.y01.resize(N);
        for (std::size_t i = 0; i < N; ++i) e.y01[i] = index(y[i]) == 1 ? 1.0 : 0.0;  // 1 = classes_[1]
    } else {
        e.M = K;
        e.Y = Matrix(N, K);
        for (std::size_t i = 0; i < N; ++i) e.Y(i, index(y[i])) = 1.0;
    }
    return e;
}

// f and g at theta, and H when asked; for K classes H gains (max_r H_rr / K) (1_K 1_K^T (x) I), which does
// not change the Newton step on the subspace where theta and g live (LG.14), but makes H invertible.
struct Objective {
    const Matrix& X;
    const Encoded& e;
    double inv_C;
    double eval(const Vector& theta, Vector& g, Matrix* H) const {
        const std::size_t Q = X.cols() + 1;
        if (e.M == 1) return binary_objective(X, e.y01, theta, inv_C, g, H);
        Matrix Theta(e.M, Q, theta), G;
        double f = softmax_objective(X, e.Y, Theta, inv_C, G);
        g = G.data();
        if (H) {
            *H = softmax_hessian(X, Theta, inv_C);
            double c = 0.0;  // the scale of H's diagonal, so the added term is neither tiny nor dominant
            for (std::size_t r = 0; r < H->rows(); ++r) c = std::max(c, (*H)(r, r));
            c = (c > 0.0 ? c : 1.0) / double(e.M);
            for (std::size_t k = 0; k < e.M; ++k)  // (LG.14) + (max diag / K) 1_K 1_K^T (x) I
                for (std::size_t l = 0; l < e.M; ++l)
                    for (std::size_t a = 0; a < Q; ++a) (*H)(k * Q + a, l * Q + a) += c;
        }
        return f;
    }
};

LogisticModel model_from(const Encoded& e, const Vector& theta, std::size_t D) {
    LogisticModel m;
    m.classes_ = e.classes;
    m.coef_ = Matrix(e.M, D);
    m.intercept_.assign(e.M, 0.0);
    for (std::size_t k = 0; k < e.M; ++k) {
        m.intercept_[k] = theta[k * (D + 1)];
        for (std::size_t j = 0; j < D; ++j) m.coef_(k, j) = theta[k * (D + 1) + 1 + j];
    }
    return m;
}

void require_options(const LogisticOptions& opt) {
    if (opt.penalised && !(opt.C > 0.0 && std::isfinite(opt.C)))
        throw std::invalid_argument("fit_logistic: C = " + format_exact(opt.C) + " must be positive and finite");
    if (!(opt.tol >= 0.0) || !std::isfinite(opt.tol))
        throw std::invalid_argument("fit_logistic: tol = " + format_exact(opt.tol) + " must be >= 0 and finite");
    if (opt.max_iter < 1)
        throw std::invalid_argument("fit_logistic: max_iter = " + std::to_string(opt.max_iter) + " must be >= 1");
}

// (LG.10) L = lambda_max(X~^T X~) / 4 + 1/C for two classes, / 2 for softmax: the Hessian's bound
double gradient_lipschitz(const Matrix& X, std::size_t M, double inv_C) {
    const std::size_t N = X.rows(), D = X.cols(), Q = D + 1;
    // lambda_max(X~^T X~) = lambda_max(X~ X~^T): form the smaller of the two (Q x Q, or N x N when
    // there are fewer rows than parameters), lower triangle then mirrored
    const bool by_rows = N < Q;
    Matrix A(by_rows ? N : Q, by_rows ? N : Q);
    if (by_rows) {
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t k = 0; k <= i; ++k) {
                double s = 1.0;  // x~_i^T x~_k, the intercept's 1 * 1 first
                for (std::size_t j = 0; j < D; ++j) s += X(i, j) * X(k, j);
                A(i, k) = s;
            }
    } else {
        for (std::size_t i = 0; i < N; ++i) {
            const double* x = &X.data()[i * D];
            A(0, 0) += 1.0;
            for (std::size_t a = 0; a < D; ++a) {
                A(a + 1, 0) += x[a];
                for (std::size_t c = 0; c <= a; ++c) A(a + 1, c + 1) += x[a] * x[c];
            }
        }
    }
    for (std::size_t a = 0; a < A.rows(); ++a)
        for (std::size_t c = a + 1; c < A.rows(); ++c) A(a, c) = A(c, a);
    double lambda = largest_eigenvalue(A).lambda;
    return lambda * (M == 1 ? 0.25 : 0.5) + inv_C;
}

// X is N x D, finite, with no column whose sum of squares overflows or underflows (a z = x^T w of such
// a column would); y has N finite labels (only compared, so any magnitude will do).
void require_classification_data(const Matrix& X, const Vector& y, const std::vector<std::string>& names) {
    if (X.rows() == 0 || y.size() != X.rows())
        throw ShapeError("fit_logistic: X is " + std::to_string(X.rows()) + "x" + std::to_string(X.cols()) + ", y has " +
                         std::to_string(y.size()) + " entries (need the same number, at least 1)");
    for (std::size_t i = 0; i < y.size(); ++i)
        if (!std::isfinite(y[i]))
            throw std::invalid_argument("fit_logistic: label " + std::to_string(i) + " = " + format_exact(y[i]) + " is not finite");
    Vector sumsq(X.cols(), 0.0), amax(X.cols(), 0.0);
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t j = 0; j < X.cols(); ++j) {
            double v = X(i, j);
            if (!std::isfinite(v))
                throw std::invalid_argument("fit_logistic: X(" + std::to_string(i) + ", " + std::to_string(j) +
                                            ") = " + format_exact(v) + " is not finite");
            sumsq[j] += v * v;
            amax[j] = std::max(amax[j], std::fabs(v));
        }
    for (std::size_t j = 0; j < X.cols(); ++j) {
        std::string name = j < names.size() ? "\"" + names[j] + "\"" : "x" + std::to_string(j + 1);
        if (!std::isfinite(sumsq[j]))
            throw std::invalid_argument("fit_logistic: feature " + name + " has values up to " + format_exact(amax[j]) +
                                        ": their squares overflow double precision; rescale it");
        if (amax[j] > 0.0 && sumsq[j] < 1e-290)
            throw std::invalid_argument("fit_logistic: feature " + name + " has values no larger than " +
                                        format_exact(amax[j]) + ": their squares underflow double precision; rescale it");
    }
}

}  // namespace

LogisticFit fit_logistic(const Matrix& X, const Vector& y, const LogisticOptions& opt) {
    require_classification_data(X, y, opt.feature_names);
    require_options(opt);
    const Encoded e = encode(y);
    const std::size_t D = X.cols(), P = e.M * (D + 1);
    const double inv_C = opt.penalised ? 1.0 / opt.C : 0.0;
    const Objective obj{X, e, inv_C};
    const bool newton = opt.solver == LogisticSolver::newton;
    const SeparationCheck sep{X, e.M == 1 ? nullptr : &e.Y, e.y01, e.classes, opt.feature_names};

    LogisticFit fit;
    Vector theta(P, 0.0), g, trial, g_trial;
    std::deque<Vector> recent{theta};  // the last 6 iterates, for the separation check (LG.15)
    int recent_front = 0;              // the step of recent.front()
    if (opt.keep_iterates) fit.iterates.push_back(theta);
    // Separated data makes Newton's steps steady (each about the same length along the diverging
    // direction) where a fit that converges makes them shrink; on a badly conditioned problem a single
    // huge first step can point almost anywhere, so Newton asks the movement question only once its
    // last three steps have not shrunk by more than half each (gradient descent's steps always creep).
    std::deque<double> moves;  // max_j |theta_j - previous theta_j| of the last three steps
    auto steady = [&] {
        return !newton ||
               (moves.size() == 3 && moves[1] >= 0.5 * moves[0] && moves[2] >= 0.5 * moves[1] && moves[2] > 0.0);
    };
    auto require_finite_maximum = [&](const char* why) {
        if (!steady()) return;
        sep.require_finite_maximum(recent.front(), recent_front, recent.back(), recent_front + int(recent.size()) - 1,
                                   why);
    };
    double f = obj.eval(theta, g, nullptr);
    fit.loss_curve.push_back(f);
    fit.grad_max.push_back(max_abs(g));
    const double eta = newton ? 0.0 : 1.0 / gradient_lipschitz(X, e.M, inv_C);
    double last_move = HUGE_VAL;  // max_j |theta_j - previous theta_j|
    for (int it = 0;; ++it) {
        const double gmax = max_abs(g);
        // (LG.15) without a penalty: a certificate of complete separation, then a direction of movement
        // that lowers no margin (only separated data has one); every Newton step, every 10th of GD's
        if (!opt.penalised && (newton || it % 10 == 0)) {
            sep.require_no_complete_separation(theta, it);
            require_finite_maximum("found while iterating");
        }
        // (LG.9) Newton also waits for a step that moved nothing by more than 1e-8 (1 + max|theta|)
        bool small_move = !newton || last_move <= 1e-8 * (1.0 + max_abs(theta));
        if (gmax <= opt.tol && small_move) {
            fit.stop = LogisticStop::converged;
            break;
        }
        if (it == opt.max_iter) {
            if (!opt.penalised) require_finite_maximum("max_iter reached");
            fit.stop = LogisticStop::max_iter;
            break;
        }
        Vector s(P);
        double t = 1.0, f_trial = f;
        if (newton) {
            Matrix H;
            obj.eval(theta, g, &H);
            try {
                s = newton_direction(H, g);  // (LG.7)
            } catch (const NumericalError& err) {
                if (!opt.penalised) require_finite_maximum("the Hessian became singular");
                // at the start, H = X~^T diag(1/4) X~ (+ I/C): singular only when a column of X~ depends
                // on the others; later, also when the best-fitted rows' weights p (1 - p) vanish as the
                // coefficients grow (a penalty too weak to hold them, C huge)
                std::string cause = it == 0 ? ": a feature is constant or a combination of the others"
                                            : " (max |theta| = " + format_exact(max_abs(theta)) +
                                                  "): either a feature is (nearly) a combination of the others, or "
                                                  "the coefficients grew until the best-fitted rows' weights "
                                                  "p (1 - p) vanished (a penalty too weak to hold them: a smaller C)";
                throw NumericalError(std::string(err.what()) + " at Newton step " + std::to_string(it + 1) + cause,
                                     err.index, err.value);
            }
            // (LG.8) backtracking: the largest t = 2^-m with f(theta + t s) <= f + 1e-4 t g^T s. Near the
            // optimum that decrease is below f's rounding (eps |f|); then a trial whose f changed by
            // rounding only counts when it lowers sum_j |g_j| (scikit-learn's Newton solver does the same).
            double gts = 0.0, sum_g = 0.0;
            for (std::size_t j = 0; j < P; ++j) gts += g[j] * s[j], sum_g += std::fabs(g[j]);
            bool accepted = false;
            for (int m = 0; m <= 60; ++m, t *= 0.5) {
                trial = theta;
                for (std::size_t j = 0; j < P; ++j) trial[j] += t * s[j];
                f_trial = obj.eval(trial, g_trial, nullptr);
                accepted = f_trial <= f + 1e-4 * t * gts;  // false for NaN too
                if (!accepted && std::fabs(f_trial - f) <= 1e2 * 2.220446049250313e-16 * std::fabs(f)) {
                    double sum_trial = 0.0;
                    for (double v : g_trial) sum_trial += std::fabs(v);
                    accepted = sum_trial < sum_g;
                }
                if (accepted) break;
            }
            if (!accepted) {  // f cannot decrease any more: theta is the optimum to rounding level
                if (!opt.penalised) require_finite_maximum("the line search could not decrease f");
                fit.stop = LogisticStop::stalled;
                break;
            }
        } else {
            t = eta;  // (LG.10) theta <- theta - g / L
            for (std::size_t j = 0; j < P; ++j) s[j] = -g[j];
            trial = theta;
            for (std::size_t j = 0; j < P; ++j) trial[j] += t * s[j];
            f_trial = obj.eval(trial, g_trial, nullptr);
        }
        last_move = t * max_abs(s);
        moves.push_back(last_move);
        if (moves.size() > 3) moves.pop_front();
        theta.swap(trial);
        g.swap(g_trial);
        f = f_trial;
        recent.push_back(theta);
        if (recent.size() > 6) recent.pop_front(), ++recent_front;
        if (opt.keep_iterates) fit.iterates.push_back(theta);
        fit.n_iter_ = it + 1;
        fit.loss_curve.push_back(f);
        fit.grad_max.push_back(max_abs(g));
        fit.step_length.push_back(t);
        if (!std::isfinite(f))
            throw NumericalError("fit_logistic: the objective is not finite after step " + std::to_string(it + 1) +
                                     " (f = " + format_exact(f) + ")",
                                 std::size_t(it + 1), f);
    }
    fit.model = model_from(e, theta, D);
    if (newton) {  // the Hessian at the answer, without (LG.14)'s added term, for the audit
        Vector g_end;
        if (e.M == 1) binary_objective(X, e.y01, theta, inv_C, g_end, &fit.hessian);
        else fit.hessian = softmax_hessian(X, Matrix(e.M, D + 1, theta), inv_C);
    }
    return fit;
}

}  // namespace mlfs

// SPDX-License-Identifier: MIT
// Logistic regression (derivations/logistic_regression.md) against scikit-learn 1.2.1 and
// statsmodels 0.13.5 (tests/golden/logreg.txt): the stable pieces, the objective's gradient and
// Hessian, the Newton step, the worked example, binary and multinomial optima at C = 1e-3 .. 1e3
// and without a penalty, the audit, separation, and bad input.
#include <cmath>
#include <stdexcept>
#include <string>

#include "algorithms/logistic_audit.hpp"
#include "algorithms/logistic_regression.hpp"
#include "io/csv.hpp"
#include "io/golden.hpp"
#include "io/repo_root.hpp"
#include "tests/check.hpp"

using namespace mlfs;

static const Golden& golden() {
    static const Golden g("logreg.txt");
    return g;
}

static LogisticOptions penalty(double C) {
    LogisticOptions o;
    o.C = C;
    o.max_iter = 200;
    return o;
}

static LogisticOptions no_penalty() {
    LogisticOptions o;
    o.penalised = false;
    o.max_iter = 200;
    return o;
}

// The references are scikit-learn's newton-cholesky (two classes) and sag at tol 1e-15 (K classes),
// each certified in the golden file by max|g| (<= 2e-10) and its Newton step (<= 2e-11) at the
// answer; ours stops after a step of 1e-8 (1 + max|theta|), whose error is about that squared.
static const double kOptimum = 1e-8;
static const char* kOptimumWhy = "1e-8 relative: both are the optimum to ~1e-11 (the reference's Newton step <= 2e-11)";

static void check_fit(const std::string& key, const Matrix& X, const Vector& y, const LogisticOptions& opt) {
    const Golden& g = golden();
    LogisticFit fit = fit_logistic(X, y, opt);
    CHECK(fit.stop != LogisticStop::max_iter);
    Matrix coef = g.matrix(key + ".coef");
    Vector intercept = g.vector(key + ".intercept");
    double scale = 0.0;  // coefficients near 0 are compared on the scale of the largest
    for (double v : coef.data()) scale = std::max(scale, std::fabs(v));
    for (double v : intercept) scale = std::max(scale, std::fabs(v));
    CHECK_ALL_NEAR(fit.model.coef_, coef, kOptimum, kOptimum * scale, kOptimumWhy);
    CHECK_ALL_NEAR(fit.model.intercept_, intercept, kOptimum, kOptimum * scale, kOptimumWhy);
    CHECK_ALL_NEAR(predict_proba(fit.model, X), g.matrix(key + ".proba"), kOptimum, 1e-15,
                   "1e-8 relative (+1e-15 for probabilities that are 0 to rounding): from the coefficients above");
}

TEST_CASE(stable_pieces_match_scipy) {
    const Golden& g = golden();
    Vector z = g.vector("stable.z"), s = g.vector("stable.sigmoid"), sp = g.vector("stable.softplus");
    // the losses against the exact values (mpmath): sklearn's own loss rounds e^-40 away at z = 40
    Vector l0 = g.vector("stable.loss_y0_exact"), l1 = g.vector("stable.loss_y1_exact");
    for (std::size_t i = 0; i < z.size(); ++i) {
        // each is 3-4 roundings (exp, log1p, add, divide) of an exact value: 4 eps relative
        CHECK_NEAR(sigmoid(z[i]), s[i], 4 * 2.2e-16 * std::fabs(s[i]), "4 eps relative: exp, add, divide");
        CHECK_NEAR(softplus(z[i]), sp[i], 4 * 2.2e-16 * std::fabs(sp[i]), "4 eps relative: exp, log1p, add");
        CHECK_NEAR(binary_log_loss(z[i], 0.0), l0[i], 4 * 2.2e-16 * std::fabs(l0[i]), "4 eps relative");
        CHECK_NEAR(binary_log_loss(z[i], 1.0), l1[i], 4 * 2.2e-16 * std::fabs(l1[i]), "4 eps relative");
        CHECK(std::isfinite(binary_log_loss(z[i], 0.0)) && std::isfinite(binary_log_loss(z[i], 1.0)));
    }
    // between -745 and -709.8, e^z is a subnormal but e^-z overflows: sigma(z) = e^z / (1 + e^z) ~ e^z,
    // where 1 / (1 + e^-z) gives 0
    CHECK_NEAR(sigmoid(-720.0), std::exp(-720.0), 1e-6 * std::exp(-720.0),
               "1e-6 relative: a subnormal (2e-313) keeps about 10 digits; the naive form gives 0");
}

TEST_CASE(binary_objective_matches_sklearn) {
    const Golden& g = golden();
    Matrix X = g.matrix("grad.X");
    Vector y = g.vector("grad.y01"), theta = g.vector("grad.theta");
    double C = g.scalar("grad.C");
    const char* why = "1e-13 relative: sums of 12 terms; sklearn's log-loss branches round differently";
    for (int pen = 0; pen < 2; ++pen) {
        std::string sfx = pen ? "" : "_none";
        Vector grad;
        Matrix H;
        double f = binary_objective(X, y, theta, pen ? 1.0 / C : 0.0, grad, &H);
        CHECK_REL(f, g.scalar("grad.f" + sfx), 1e-13, why);
        CHECK_ALL_NEAR(grad, g.vector("grad.g" + sfx), 1e-13, 1e-15, why);
        CHECK_ALL_NEAR(H, g.matrix("grad.H" + sfx), 1e-13, 1e-15, why);
    }
}

// The exercise on its own: r and w computed here, with the plain formulas (|z| is small in this
// problem), so that it does not depend on the logistic-loss exercise.
TEST_CASE(binary_gradient_hessian_match_sklearn) {
    const Golden& g = golden();
    Matrix X = g.matrix("grad.X");
    Vector y = g.vector("grad.y01"), theta = g.vector("grad.theta"), r(X.rows()), w(X.rows());
    for (std::size_t i = 0; i < X.rows(); ++i) {
        double z = theta[0];
        for (std::size_t j = 0; j < X.cols(); ++j) z += X(i, j) * theta[j + 1];
        double p = 1.0 / (1.0 + std::exp(-z));
        r[i] = p - y[i];
        w[i] = p * (1.0 - p);
    }
    double C = g.scalar("grad.C");
    const char* why = "1e-13 relative: sums of 12 terms; p (1 - p) rounded differently from sklearn's";
    for (int pen = 0; pen < 2; ++pen) {
        std::string sfx = pen ? "" : "_none";
        Vector grad;
        Matrix H;
        binary_gradient_hessian(X, r, w, theta, pen ? 1.0 / C : 0.0, grad, &H);
        CHECK_ALL_NEAR(grad, g.vector("grad.g" + sfx), 1e-13, 1e-15, why);
        CHECK_ALL_NEAR(H, g.matrix("grad.H" + sfx), 1e-13, 1e-15, why);
    }
}

TEST_CASE(softmax_gradient_matches_sklearn) {
    const Golden& g = golden();
    Matrix X = g.matrix("softgrad.X"), Theta = g.matrix("softgrad.Theta"), G;
    Vector labels = g.vector("softgrad.y");
    Matrix Y(X.rows(), Theta.rows());
    for (std::size_t i = 0; i < X.rows(); ++i) Y(i, std::size_t(labels[i])) = 1.0;
    double f = softmax_objective(X, Y, Theta, 1.0 / g.scalar("softgrad.C"), G);
    const char* why = "1e-13 relative: sums of 15 terms of exp/log, rounded in another order";
    CHECK_REL(f, g.scalar("softgrad.f"), 1e-13, why);
    CHECK_ALL_NEAR(G, g.matrix("softgrad.G"), 1e-13, 1e-15, why);
    // adding 800 to every class's intercept changes no probability, no loss and no gradient (the
    // intercepts are not penalised) but puts every score above 709, where e^z overflows unless the
    // largest score is subtracted first (LG.11)
    Matrix shifted = Theta, G800;
    for (std::size_t k = 0; k < shifted.rows(); ++k) shifted(k, 0) += 800.0;
    double f800 = softmax_objective(X, Y, shifted, 1.0 / g.scalar("softgrad.C"), G800);
    CHECK_REL(f800, g.scalar("softgrad.f"), 1e-12, "1e-12 relative: z - max z loses the digits 800 holds (~1e-13)");
    CHECK_ALL_NEAR(G800, g.matrix("softgrad.G"), 1e-12, 1e-13, "1e-12 relative: as f");
}

TEST_CASE(softmax_hessian_matches_sklearn) {
    const Golden& g = golden();
    Matrix X = g.matrix("softgrad.X"), Theta = g.matrix("softgrad.Theta");
    Matrix H = softmax_hessian(X, Theta, 1.0 / g.scalar("softgrad.C"));
    CHECK_ALL_NEAR(H, g.matrix("softgrad.H"), 1e-13, 1e-15, "1e-13 relative: sums of 15 products of probabilities");
}

TEST_CASE(newton_direction_matches_worked_step) {
    const Golden& g = golden();
    Vector s = newton_direction(g.matrix("worked.H0"), g.vector("worked.g0"));
    CHECK_ALL_NEAR(s, g.vector("worked.s0"), 1e-14, 0.0, "1e-14 relative: a 2x2 solve, cond(H) ~ 10");
    // the backward error of the solve on a Hessian with cond 1.5e10 (Hilbert's 8 x 8): a Cholesky solve
    // has ||H s + g|| ~ n eps ||H|| ||s||; H^-1 formed and multiplied has ~ cond eps, far above it
    const std::size_t n = 8;
    Matrix Hilbert(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) Hilbert(i, j) = 1.0 / double(i + j + 1);
    Vector ones(n, 1.0), hs = newton_direction(Hilbert, ones);
    double res = 0.0, norm_s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double r = ones[i];
        for (std::size_t j = 0; j < n; ++j) r += Hilbert(i, j) * hs[j];
        res = std::max(res, std::fabs(r));
    }
    for (double v : hs) norm_s = std::max(norm_s, std::fabs(v));
    CHECK_NEAR(res, 0.0, 10.0 * double(n) * 2.2e-16 * 2.7 * norm_s,
               "10 n eps ||H||_inf ||s||_inf: a backward-stable solve (LA.8), whatever cond(H)");
    Matrix indefinite(2, 2);
    indefinite(0, 0) = 1.0, indefinite(1, 1) = -1.0;
    CHECK_THROWS(newton_direction(indefinite, Vector{1.0, 1.0}), NumericalError, "pivot 1");
}

TEST_CASE(worked_example_iterates) {
    const Golden& g = golden();
    Matrix X = g.matrix("worked.X");
    LogisticOptions opt = no_penalty();
    opt.keep_iterates = true;
    LogisticFit fit = fit_logistic(X, g.vector("worked.y"), opt);
    CHECK_NEAR(double(fit.iterates.size()), double(fit.n_iter_ + 1), 0.0, "theta_0 and one per step");
    Matrix path = g.matrix("worked.theta");
    Vector f = g.vector("worked.f"), gmax = g.vector("worked.gmax"), t = g.vector("worked.t");
    CHECK_NEAR(double(fit.n_iter_), double(t.size()), 0.0, "an iteration count: exact (same rules as the replica)");
    CHECK(fit.stop == LogisticStop::converged);
    for (std::size_t k = 0; k < std::min(fit.iterates.size(), std::size_t(path.rows())); ++k) {
        CHECK_ALL_NEAR(fit.iterates[k], path.row(k), 1e-13, 1e-15, "1e-13 relative: the numpy replica's iterates");
        CHECK_REL(fit.loss_curve[k], f[k], 1e-13, "1e-13 relative: sum of 6 log-losses");
        CHECK_NEAR(fit.grad_max[k], gmax[k], 1e-13 * gmax[0], "1e-13 of the first gradient: cancellation near 0");
    }
    for (std::size_t k = 0; k < std::min(fit.step_length.size(), t.size()); ++k)
        CHECK_NEAR(fit.step_length[k], t[k], 0.0, "a power of 2: exact");
    LogitAudit a = audit_logit(X, g.vector("worked.y"), fit, no_penalty());
    CHECK_ALL_NEAR(a.params, g.vector("worked.sm.params"), 1e-10, 0.0, "1e-10 relative: both at the optimum");
    CHECK_ALL_NEAR(a.std_err, g.vector("worked.sm.bse"), 1e-10, 0.0, "1e-10 relative: 2x2 inverse at the optimum");
    CHECK_REL(a.llf, g.scalar("worked.sm.llf"), 1e-12, "1e-12 relative: f at the optimum (flat there)");
}

TEST_CASE(breast_cancer_matches_sklearn_for_every_C) {
    const Golden& g = golden();
    Matrix X = g.matrix("bc.X");
    Vector y = g.vector("bc.y");
    for (const char* tag : {"C0.001", "C1", "C1000"}) {
        double C = std::stod(std::string(tag + 1));
        check_fit(std::string("bc.") + tag, X, y, penalty(C));
    }
}

TEST_CASE(audit_matches_statsmodels) {
    const Golden& g = golden();
    Matrix X = g.matrix("bca.X");
    Vector y = g.vector("bca.y");
    LogisticFit fit = fit_logistic(X, y, no_penalty());
    LogitAudit a = audit_logit(X, y, fit, no_penalty());
    const char* why = "1e-8 relative: both fits at the optimum to ~1e-11, H^-1 with cond(H) in the file";
    CHECK_ALL_NEAR(a.params, g.vector("bca.sm.params"), 1e-8, 0.0, why);
    CHECK_ALL_NEAR(a.std_err, g.vector("bca.sm.bse"), 1e-8, 0.0, why);
    CHECK_ALL_NEAR(a.z, g.vector("bca.sm.tvalues"), 1e-8, 0.0, why);
    CHECK_ALL_NEAR(a.p_value, g.vector("bca.sm.pvalues"), 1e-8, 0.0, "1e-8 relative: z's error times |d log p/dz|");
    CHECK_ALL_NEAR(a.conf_int, g.matrix("bca.sm.conf_int"), 1e-8, 0.0, why);
    CHECK_ALL_NEAR(a.cov, g.matrix("bca.sm.cov"), 1e-8, 0.0, why);
    CHECK_REL(a.llf, g.scalar("bca.sm.llf"), 1e-12, "1e-12 relative: the log-likelihood is flat at the optimum");
    CHECK_REL(a.llnull, g.scalar("bca.llnull_closed"), 1e-14, "1e-14 relative: the same closed form, N log terms");
    CHECK_REL(a.pseudo_r2, g.scalar("bca.prsquared_closed"), 1e-14, "1e-14 relative: from llf and the closed llnull");
    // statsmodels fits the constant-only model numerically (bfgs): 1.1e-10 relative off the closed form
    CHECK_REL(a.llnull, g.scalar("bca.sm.llnull"), 1e-9, "1e-9 relative: statsmodels' llnull is a bfgs fit");
    CHECK_REL(a.pseudo_r2, g.scalar("bca.sm.prsquared"), 1e-9, "1e-9 relative: inherits statsmodels' llnull");
    CHECK_REL(a.cond, g.scalar("bca.sm.hessian_cond"), 1e-6, "1e-6 relative: power / inverse iteration to 1e-14");
    CHECK_ALL_NEAR(fit.model.coef_, g.matrix("bca.sk_none.coef"), kOptimum, 0.0, kOptimumWhy);
    CHECK_ALL_NEAR(fit.model.intercept_, g.vector("bca.sk_none.intercept"), kOptimum, 0.0, kOptimumWhy);
}

TEST_CASE(multinomial_matches_sklearn) {
    const Golden& g = golden();
    for (const char* data : {"iris", "wine", "gen3"}) {
        Matrix X = g.matrix(std::string(data) + ".X");
        Vector y = g.vector(std::string(data) + ".y");
        check_fit(std::string(data) + ".C1", X, y, penalty(1.0));
    }
    check_fit("gen3.none", g.matrix("gen3.X"), g.vector("gen3.y"), no_penalty());
    check_fit("imb.C1", g.matrix("imb.X"), g.vector("imb.y"), penalty(1.0));
}

TEST_CASE(separation_is_reported) {
    const Golden& g = golden();
    Matrix X = g.matrix("sep.X");
    Vector y = g.vector("sep.y");
    CHECK_THROWS(fit_logistic(X, y, no_penalty()), SeparationError, "completely separated");
    LogisticOptions gd = no_penalty();
    gd.solver = LogisticSolver::gd;
    gd.max_iter = 100000;
    CHECK_THROWS(fit_logistic(X, y, gd), SeparationError, "completely separated");
    CHECK_THROWS(fit_logistic(g.matrix("quasi.X"), g.vector("quasi.y"), no_penalty()), SeparationError,
                 "quasi-complete separation");
    // what the penalty does instead: a finite answer for every C, scikit-learn's path
    Vector Cs = g.vector("sep.Cs");
    Matrix coef = g.matrix("sep.path.coef");
    Vector intercept = g.vector("sep.path.intercept");
    for (std::size_t c = 0; c < Cs.size(); ++c) {
        LogisticFit fit = fit_logistic(X, y, penalty(Cs[c]));
        CHECK_ALL_NEAR(fit.model.coef_.row(0), coef.row(c), kOptimum, 0.0, kOptimumWhy);
        CHECK_REL(fit.model.intercept_[0], intercept[c], kOptimum, kOptimumWhy);
    }
}

TEST_CASE(gradient_descent_step_and_convergence) {
    const Golden& g = golden();
    Matrix X = g.matrix("bc.X");
    Vector y = g.vector("bc.y");
    LogisticOptions o = penalty(1.0);
    o.solver = LogisticSolver::gd;
    o.max_iter = 50;
    LogisticFit gd = fit_logistic(X, y, o);
    CHECK_REL(gd.step_length[0], 1.0 / g.scalar("bc.gd_L"), 1e-10,
              "1e-10 relative: power iteration to 1e-14 vs numpy's eigvalsh");
    for (std::size_t k = 1; k < gd.loss_curve.size(); ++k)
        CHECK_MSG(gd.loss_curve[k] <= gd.loss_curve[k - 1], "gradient descent with step 1/L never increases f (LG.10)");
    LogisticFit newton = fit_logistic(X, y, penalty(1.0));
    CHECK(newton.n_iter_ < 15);
    CHECK(gd.loss_curve.back() > newton.loss_curve.back());  // 50 steps of 1/L are not there yet
}

// A badly conditioned problem (a column at 513 +- 1e-3): Newton's first step is huge (max |theta| 4e5)
// and points almost along the intercept, a direction that lowers no margin by rounding; the fit has a
// maximum all the same (scikit-learn's newton-cholesky on the standardised columns: 6 steps,
// max|g| 1.7e-15) and must not be called separated.
TEST_CASE(ill_conditioned_is_not_separation) {
    Table t = read_csv(repo_root() + "/tests/data/logreg_ill_conditioned.csv");
    Matrix X(t.X.rows(), 3);
    Vector y(t.X.rows());
    for (std::size_t i = 0; i < t.X.rows(); ++i) {
        for (std::size_t j = 0; j < 3; ++j) X(i, j) = t.X(i, j);
        y[i] = t.X(i, 3);
    }
    LogisticFit fit = fit_logistic(X, y, no_penalty());
    CHECK(fit.stop != LogisticStop::max_iter);
    CHECK(fit.n_iter_ < 20);
}

TEST_CASE(labels_of_any_magnitude) {
    Matrix X(4, 1);
    X(0, 0) = 1, X(1, 0) = 2, X(2, 0) = 3, X(3, 0) = 2.5;
    LogisticFit fit = fit_logistic(X, Vector{0.0, 1e200, 0.0, 1e200});  // labels are only compared
    CHECK(fit.model.classes_[1] == 1e200);
    Matrix wide(3, 40);  // gradient descent's 1/L from the 3 x 3 X~ X~^T when N < D + 1
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 40; ++j) wide(i, j) = double((i * 7 + j * 3) % 5);
    LogisticOptions gd = penalty(1.0);
    gd.solver = LogisticSolver::gd;
    LogisticFit g = fit_logistic(wide, Vector{0, 1, 0}, gd);
    CHECK(g.step_length[0] > 0.0 && std::isfinite(g.step_length[0]));
}

TEST_CASE(prediction_and_bad_input) {
    LogisticModel m;
    m.classes_ = {-1.0, 7.0};
    m.coef_ = Matrix(1, 1, 1.0);
    m.intercept_ = {0.0};
    Matrix X(3, 1);
    X(0, 0) = -1.0, X(1, 0) = 0.0, X(2, 0) = 1.0;
    Vector labels = predict(m, X);
    CHECK(labels[0] == -1.0 && labels[1] == -1.0 && labels[2] == 7.0);  // z = 0 gives classes_[0], as sklearn
    Matrix P = predict_proba(m, X);
    CHECK_NEAR(P(1, 0), 0.5, 0.0, "sigma(0) = 1/2 exactly");
    Vector one_class(3, 2.0);
    CHECK_THROWS(fit_logistic(X, one_class), std::invalid_argument, "single class");
    CHECK_THROWS(fit_logistic(X, Vector{0, 1}), ShapeError, "");
    CHECK_THROWS(fit_logistic(X, Vector{0, 1, 0}, penalty(0.0)), std::invalid_argument, "C = 0");
    X(1, 0) = std::nan("");
    CHECK_THROWS(fit_logistic(X, Vector{0, 1, 0}), std::invalid_argument, "");
}

TEST_CASE(normal_quantile_domain) {
    // Phi^-1(q) exists for 0 < q < 1 only: both ends of the open interval are refused
    CHECK_THROWS(standard_normal_quantile(0.0), std::invalid_argument, "q must be in (0, 1)");
    CHECK_THROWS(standard_normal_quantile(1.0), std::invalid_argument, "q must be in (0, 1)");
    CHECK_THROWS(standard_normal_quantile(std::nan("")), std::invalid_argument, "q must be in (0, 1)");
    CHECK_NEAR(standard_normal_quantile(0.5), 0.0, 0.0, "exact: Newton from 0 stops at once, Phi(0) = 1/2");
    // deep in the lower tail Newton needs ~50 of its 100 steps (each moves x by about 1/|x|): the
    // result must still satisfy Phi(x) = q, checked through the identity Phi(x) = erfc(-x / sqrt 2) / 2
    const double x = standard_normal_quantile(1e-20);
    CHECK_REL(0.5 * std::erfc(-x / std::sqrt(2.0)), 1e-20, 1e-13,
              "x^2 eps ~ 1e-14 at x ~ -9.3 (d log Phi / dx ~ |x| times x's rounding), times 10");
}

TEST_CASE(audit_of_a_hand_made_fit) {
    // audit_logit reads only the fit it is given: a hand-made two-class fit with D = 2 and
    // H = diag(1e8, 1e4, 1) exercises the names, the refusals and the warning bound exactly
    Matrix X(4, 2);
    X(0, 0) = 1, X(1, 0) = 2, X(2, 0) = 3, X(3, 0) = 4;
    X(0, 1) = 1, X(1, 1) = -1, X(2, 1) = 1, X(3, 1) = -1;
    const Vector y = {0.0, 1.0, 0.0, 1.0};
    LogisticFit fit;
    fit.model.classes_ = {0.0, 1.0};
    fit.model.coef_ = Matrix(1, 2, 0.5);
    fit.model.intercept_ = {0.25};
    fit.loss_curve = {2.0};
    fit.hessian = Matrix(3, 3);
    fit.hessian(0, 0) = 1e8, fit.hessian(1, 1) = 1e4, fit.hessian(2, 2) = 1.0;
    const LogitAudit a = audit_logit(X, y, fit, no_penalty());
    // without feature names the features are x1 .. xD, as statsmodels names them
    CHECK(a.names == (std::vector<std::string>{"intercept", "x1", "x2"}));
    // the warning is for cond(H) strictly above 1e8; power iteration on a diagonal H gives 1e8 exactly
    CHECK_NEAR(a.cond, 1e8, 0.0, "exact: the extreme eigenvalues of diag(1e8, 1e4, 1), each 1e4 from the next");
    CHECK_MSG(a.warning.empty(), "warning at cond = 1e8: " + a.warning);
    // the audit holds for an unpenalised two-class Newton fit only: each condition alone refuses it
    const char* refusal = "the audit needs an unpenalised two-class Newton fit";
    CHECK_THROWS(audit_logit(X, y, fit, penalty(1.0)), std::invalid_argument, refusal);
    LogisticFit no_hessian = fit;  // as gradient descent returns it
    no_hessian.hessian = Matrix();
    CHECK_THROWS(audit_logit(X, y, no_hessian, no_penalty()), std::invalid_argument, refusal);
    LogisticFit three = fit;  // three classes, though with a P x P matrix in place of H
    three.model.classes_ = {0.0, 1.0, 2.0};
    CHECK_THROWS(audit_logit(X, y, three, no_penalty()), std::invalid_argument, refusal);
}

TEST_CASE(solver_names) {
    CHECK(std::string(solver_name(LogisticSolver::newton)) == "newton");
    CHECK(std::string(solver_name(LogisticSolver::gd)) == "gd");
}

TEST_MAIN()

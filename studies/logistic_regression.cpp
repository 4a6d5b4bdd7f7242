// SPDX-License-Identifier: MIT
// `mlfs logreg` / `mlfs tour`, logistic regression (derivations/logistic_regression.md): z-scored
// breast cancer by Newton beside scikit-learn 1.2.1 (C = 1, 0.001, 1000), the Logit audit of a
// subset beside statsmodels 0.13.5, the multinomial model on iris, wine and a generated set, the
// derivation's worked example; then the failure modes on data: separation, the default C = 1
// against no penalty, unscaled features, class imbalance and the threshold (tests/golden/logreg.txt).
// Legend: N samples, D features, K classes, P parameters (intercept first, as statsmodels).
#include "studies/logistic_regression.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "algorithms/logistic_audit.hpp"
#include "io/csv.hpp"
#include "io/golden.hpp"

namespace mlfs {

namespace {

// The references are scikit-learn's newton-cg (and statsmodels' Newton) run to max|g| <= 1e-12 on
// the sum objective; ours stops at steps of 1e-8 (1 + max|theta|), whose error is the square of
// that. Both are the optimum to ~1e-11, so 1e-8 relative keeps a 1000x margin and still catches
// any wrong formula (tests/test_logistic_regression.cpp holds the same).
const double kOptimumRtol = 1e-8;
// Probabilities that are 0 or 1 to rounding: compared relative to |p| + 1e-7, i.e. 1e-8 relative
// plus 1e-15 absolute, as the tests do.
const double kProbaFloor = 1e-7;

LogisticOptions penalty(double C) {
    LogisticOptions o;
    o.C = C;
    o.max_iter = 200;
    return o;
}

LogisticOptions no_penalty() {
    LogisticOptions o;
    o.penalised = false;
    o.max_iter = 200;
    return o;
}

// The worst entry of |ours - ref| / max(|ref|, floor): ours and the reference there.
struct Worst {
    double diff = 0.0, ours = 0.0, ref = 0.0;
    bool seen = false;
    void see(double o, double r, double floor = 0.0) {
        const double d = std::fabs(o - r) / std::max(std::fabs(r), floor);
        if (!seen || !(d <= diff)) diff = d, ours = o, ref = r, seen = true;  // NaN always counts as worse
    }
    void see_all(const Vector& o, const Vector& r, double floor = 0.0) {
        if (o.size() != r.size()) see(std::nan(""), 0.0);
        for (std::size_t k = 0; k < r.size() && o.size() == r.size(); ++k) see(o[k], r[k], floor);
    }
    SummaryRow row(const std::string& quantity, double tol, const std::string& source = "") const {
        return SummaryRow{quantity, ours, ref, diff, tol, true, source};
    }
};

// [b_m, w_m] per model row, the order statsmodels and the tables print
Vector parameters(const Matrix& coef, const Vector& intercept) {
    Vector v;
    for (std::size_t m = 0; m < coef.rows(); ++m) {
        v.push_back(intercept[m]);
        for (std::size_t j = 0; j < coef.cols(); ++j) v.push_back(coef(m, j));
    }
    return v;
}

struct FitComparison {
    LogisticFit fit;
    Worst params, proba;
};

// Ours beside scikit-learn's golden `key`.coef, .intercept and .proba (where the file has it).
FitComparison compare_fit(const Golden& g, const std::string& key, const Matrix& X, const Vector& y,
                          const LogisticOptions& opt) {
    FitComparison c;
    c.fit = fit_logistic(X, y, opt);
    c.params.see_all(parameters(c.fit.model.coef_, c.fit.model.intercept_),
                     parameters(g.matrix(key + ".coef"), g.vector(key + ".intercept")));
    if (g.has(key + ".proba"))
        c.proba.see_all(predict_proba(c.fit.model, X).data(), g.matrix(key + ".proba").data(), kProbaFloor);
    return c;
}

const char* stop_name(LogisticStop s) {
    return s == LogisticStop::converged ? "converged" : s == LogisticStop::max_iter ? "max_iter" : "stalled";
}

double accuracy(const LogisticModel& m, const Matrix& X, const Vector& y) {
    const Vector yhat = predict(m, X);
    double right = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) right += yhat[i] == y[i];
    return right / static_cast<double>(y.size());
}

// Column j of the probabilities: P(classes_[1]) for two classes.
Vector proba_of_class1(const LogisticModel& m, const Matrix& X) { return predict_proba(m, X).col(1); }

Vector as01(const Vector& y, const LogisticModel& m) {
    Vector v;
    for (double label : y) v.push_back(label == m.classes_[1] ? 1.0 : 0.0);
    return v;
}

// ---- breast cancer, z-scored, beside scikit-learn for three C
LogisticFit breast_cancer_section(const Golden& g, Summary& summary) {
    const Matrix X = g.matrix("bc.X");
    const Vector y = g.vector("bc.y");
    std::printf("-- Breast cancer, z-scored, L2 penalty: Newton (LG.7, LG.8) beside scikit-learn 1.2.1 --\n\n"
                "%zu samples x %zu features; y = 1 benign. sklearn: %s\n\n",
                X.rows(), X.cols(), g.call("bc.C1.coef").c_str());
    std::printf("%-8s %8s %-10s %14s %12s %10s %12s %12s\n", "C", "steps", "stop", "f at the end", "max|g|", "accuracy",
                "rel d coef", "rel d proba");
    FitComparison c1;
    Worst other;
    for (const char* tag : {"C0.001", "C1", "C1000"}) {
        const double C = std::stod(tag + 1);
        FitComparison c = compare_fit(g, std::string("bc.") + tag, X, y, penalty(C));
        std::printf("%-8g %8d %-10s %14.8f %12.2e %10.4f %12.2e %12.2e\n", C, c.fit.n_iter_, stop_name(c.fit.stop),
                    c.fit.loss_curve.back(), c.fit.grad_max.back(), accuracy(c.fit.model, X, y), c.params.diff,
                    c.proba.diff);
        if (C == 1.0) c1 = c;
        else if (!other.seen || !(c.params.diff <= other.diff)) other = c.params;
    }
    std::printf("\nrel d: the largest |ours - sklearn| / |sklearn| over [b, w] and over predict_proba (there\n"
                "relative to |p| + 1e-7: probabilities that are 0 to rounding differ in absolute terms only).\n"
                "C = 0.001 shrinks every weight towards 0; C = 1000 is nearly the unpenalised fit.\n\n");
    summary.push_back(c1.params.row("breast cancer C = 1: coef_, intercept_, rel", kOptimumRtol));
    summary.push_back(c1.proba.row("breast cancer C = 1: predict_proba, rel", kOptimumRtol));
    summary.push_back(other.row("breast cancer C = 0.001, 1000: coef_, intercept_, rel", kOptimumRtol));
    return c1.fit;
}

void print_params(const std::vector<std::string>& names, const std::vector<std::pair<std::string, Vector>>& cols) {
    std::printf("%-26s", "");
    for (const auto& c : cols) std::printf(" %22s", c.first.c_str());
    std::printf("\n");
    for (std::size_t j = 0; j < names.size(); ++j) {
        std::printf("%-26s", names[j].c_str());
        for (const auto& c : cols) std::printf(" %22.12g", c.second[j]);
        std::printf("\n");
    }
}

// ---- the audit of the unpenalised fit beside statsmodels; the default C = 1 against it
void audit_section(const Golden& g, Summary& summary) {
    const Matrix X = g.matrix("bca.X");
    const Vector y = g.vector("bca.y");
    LogisticOptions opt = no_penalty();
    opt.feature_names = {"mean radius", "mean texture", "mean smoothness", "mean concave points", "mean symmetry"};
    for (std::size_t j = opt.feature_names.size(); j < X.cols(); ++j)
        opt.feature_names.push_back("x" + std::to_string(j + 1));
    const LogisticFit fit = fit_logistic(X, y, opt);
    const LogitAudit a = audit_logit(X, y, fit, opt);
    std::printf("-- The Logit audit (LG.17) beside statsmodels 0.13.5: %zu samples x %zu features, no penalty --\n\n"
                "statsmodels: %s\n\n",
                X.rows(), X.cols(), g.call("bca.sm.params").c_str());
    std::printf("%-20s %14s %12s %10s %12s %14s %14s\n", "", "coef", "std err", "z", "P>|z|", "[0.025", "0.975]");
    for (std::size_t j = 0; j < a.params.size(); ++j)
        std::printf("%-20s %14.8f %12.8f %10.4f %12.4e %14.8f %14.8f\n", a.names[j].c_str(), a.params[j], a.std_err[j],
                    a.z[j], a.p_value[j], a.conf_int(j, 0), a.conf_int(j, 1));
    std::printf("log-likelihood %.10f, LL-null %.10f, pseudo R^2 (McFadden) %.10f, cond(H) %.3g; %d Newton steps\n",
                a.llf, a.llnull, a.pseudo_r2, a.cond, fit.n_iter_);
    if (!a.warning.empty()) std::printf("warning: %s\n", a.warning.c_str());

    const std::string sm = "bca.sm.";
    Worst params, bse, p, ci, llf, llnull, r2;
    params.see_all(a.params, g.vector(sm + "params"));
    bse.see_all(a.std_err, g.vector(sm + "bse"));
    p.see_all(a.p_value, g.vector(sm + "pvalues"));
    ci.see_all(a.conf_int.data(), g.matrix(sm + "conf_int").data());
    llf.see(a.llf, g.scalar(sm + "llf"));
    llnull.see(a.llnull, g.scalar(sm + "llnull"));
    r2.see(a.pseudo_r2, g.scalar(sm + "prsquared"));
    std::printf("\nmax relative difference vs statsmodels: params %.1e  bse %.1e  p-values %.1e  conf_int %.1e\n"
                "  llf %.1e  llnull %.1e  prsquared %.1e\n\n",
                params.diff, bse.diff, p.diff, ci.diff, llf.diff, llnull.diff, r2.diff);
    // 1e-8: both fits are the optimum to ~1e-11 (max|g| <= 1e-12); bse and p-values come from H^-1,
    // whose rounding is cond(H) eps, printed above (tests/test_logistic_regression.cpp)
    summary.push_back(params.row("audit: params, rel", kOptimumRtol, "statsmodels"));
    summary.push_back(bse.row("audit: std errors (bse), rel", kOptimumRtol, "statsmodels"));
    summary.push_back(p.row("audit: p-values, rel", kOptimumRtol, "statsmodels"));
    summary.push_back(llf.row("audit: log-likelihood llf, rel", kOptimumRtol, "statsmodels"));

    // the default C = 1 against the unpenalised fit, on the same data
    const LogisticFit c1 = fit_logistic(X, y, penalty(1.0));
    const FitComparison none = compare_fit(g, "bca.sk_none", X, y, no_penalty());
    std::printf("The default C = 1 is not 'no penalty': both fits of the audit's data (sklearn's penalty=None\n"
                "agrees with ours to %.1e):\n\n",
                none.params.diff);
    print_params(a.names,
                 {{"no penalty", a.params}, {"C = 1 (the default)", parameters(c1.model.coef_, c1.model.intercept_)}});
    std::printf("\n");
    summary.push_back(none.params.row("audit data, penalty none: coef_, intercept_, rel", kOptimumRtol));
}

// ---- the multinomial (softmax) model beside scikit-learn's multi_class='multinomial'
void multinomial_section(const Golden& g, Summary& summary) {
    std::printf("-- The multinomial model (LG.11-LG.14): Newton on the softmax objective beside scikit-learn --\n\n"
                "sklearn: %s\n\n",
                g.call("iris.C1.coef").c_str());
    std::printf("%-16s %6s %4s %4s %8s %-10s %10s %12s %12s\n", "data", "N", "D", "K", "steps", "stop", "accuracy",
                "rel d coef", "rel d proba");
    struct Case {
        const char* data;
        const char* key;
        const char* label;
        LogisticOptions opt;
    };
    const Case cases[] = {{"iris", "iris.C1", "iris, C = 1", penalty(1.0)},
                          {"wine", "wine.C1", "wine, C = 1", penalty(1.0)},
                          {"gen3", "gen3.C1", "gen3, C = 1", penalty(1.0)},
                          {"gen3", "gen3.none", "gen3, no penalty", no_penalty()}};
    for (const Case& c : cases) {
        const Matrix X = g.matrix(std::string(c.data) + ".X");
        const Vector y = g.vector(std::string(c.data) + ".y");
        const FitComparison f = compare_fit(g, c.key, X, y, c.opt);
        std::printf("%-16s %6zu %4zu %4zu %8d %-10s %10.4f %12.2e %12.2e\n", c.label, X.rows(), X.cols(),
                    f.fit.model.n_classes(), f.fit.n_iter_, stop_name(f.fit.stop), accuracy(f.fit.model, X, y),
                    f.params.diff, f.proba.diff);
        summary.push_back(
            f.params.row(std::string("multinomial ") + c.label + ": coef_, intercept_, rel", kOptimumRtol));
        summary.push_back(f.proba.row(std::string("multinomial ") + c.label + ": predict_proba, rel", kOptimumRtol));
    }
    std::printf("\nThe softmax is unchanged when the same vector is added to every class's [b_k, w_k] (LG.14);\n"
                "the penalty picks the representative whose rows sum to 0, and so does scikit-learn. Without a\n"
                "penalty the sum is not fixed by the likelihood; Newton from 0 keeps it at 0, as sklearn does.\n\n");
}

// ---- the derivation's worked example: every Newton iterate beside the numpy replica
void worked_example_section(const Golden& g, Summary& summary) {
    const Matrix X = g.matrix("worked.X");
    const Vector y = g.vector("worked.y");
    LogisticOptions opt = no_penalty();
    opt.keep_iterates = true;
    const LogisticFit fit = fit_logistic(X, y, opt);
    const Matrix path = g.matrix("worked.theta");
    std::printf("-- The worked example of the derivation: %zu samples, 1 feature, no penalty --\n\n", X.rows());
    std::printf("%4s %22s %22s %22s %12s %6s\n", "k", "b_k", "w_k", "f(theta_k)", "max|g|", "t_k");
    Worst iterates;
    for (std::size_t k = 0; k < fit.iterates.size(); ++k) {
        std::printf("%4zu %22.17g %22.17g %22.17g %12.3e", k, fit.iterates[k][0], fit.iterates[k][1], fit.loss_curve[k],
                    fit.grad_max[k]);
        if (k > 0) std::printf(" %6g", fit.step_length[k - 1]);
        std::printf("\n");
        if (k < path.rows()) iterates.see_all(fit.iterates[k], path.row(k), 1e-2);
    }
    const double steps = static_cast<double>(fit.n_iter_), ref_steps = static_cast<double>(g.vector("worked.t").size());
    std::printf("\n%d Newton steps (the replica: %g); max relative difference of the iterates %.1e\n\n", fit.n_iter_,
                ref_steps, iterates.diff);
    // 1e-13: a 2 x 2 solve per step, cond(H) ~ 10; the floor 1e-2 for an iterate's entry near 0
    summary.push_back(iterates.row("worked example: Newton iterates theta_k, rel", 1e-13, "numpy replica"));
    summary.push_back(SummaryRow{"worked example: Newton steps (count)", steps, ref_steps, std::fabs(steps - ref_steps),
                                 0.0, false, "numpy replica"});
}
// ---- separation: no unpenalised answer; what the penalty gives instead
void separation_section(const Golden& g, const std::string& out_dir, Summary& summary) {
    const Matrix X = g.matrix("sep.X");
    const Vector y = g.vector("sep.y");
    std::printf("-- Failure mode: separation (LG.15) --\n\n"
                "sep: %zu samples x %zu features that a line separates completely. The likelihood then has no\n"
                "maximum: scaling w up always lowers f, so an unpenalised fit can only run off to infinity.\n\n",
                X.rows(), X.cols());
    double sep_thrown = 0.0, quasi_thrown = 0.0;
    LogisticOptions none = no_penalty();
    none.feature_names = {"x1", "x2"};
    try {
        fit_logistic(X, y, none);
        std::printf("sep, no penalty: no error (WRONG: the fit should have reported separation)\n");
    } catch (const SeparationError& e) {
        sep_thrown = 1.0;
        std::printf("sep, no penalty: SeparationError: %s\n", e.what());
    }
    try {
        fit_logistic(g.matrix("quasi.X"), g.vector("quasi.y"), none);
        std::printf("quasi, no penalty: no error (WRONG: the fit should have reported separation)\n");
    } catch (const SeparationError& e) {
        quasi_thrown = 1.0;
        std::printf("quasi, no penalty: SeparationError: %s\n", e.what());
    }
    summary.push_back(SummaryRow{"separation detected: SeparationError (1 = thrown)", sep_thrown, 1.0,
                                 std::fabs(sep_thrown - 1.0), 0.0, false, "exact"});
    summary.push_back(SummaryRow{"quasi-complete separation detected (1 = thrown)", quasi_thrown, 1.0,
                                 std::fabs(quasi_thrown - 1.0), 0.0, false, "exact"});

    const Vector Cs = g.vector("sep.Cs");
    const Matrix ref_coef = g.matrix("sep.path.coef");
    const Vector ref_intercept = g.vector("sep.path.intercept");
    Matrix coef(Cs.size(), X.cols());
    Vector intercept(Cs.size());
    Worst path;
    std::printf("\nWith the L2 penalty every C has an answer; scikit-learn's path over C (%s):\n\n",
                g.call("sep.Cs").c_str());
    std::printf("%12s %6s %14s %14s %14s %10s %12s\n", "C", "steps", "b", "w1", "w2", "||w||", "rel d");
    for (std::size_t c = 0; c < Cs.size(); ++c) {
        const LogisticFit fit = fit_logistic(X, y, penalty(Cs[c]));
        coef.set_row(c, fit.model.coef_.row(0));
        intercept[c] = fit.model.intercept_[0];
        Worst one;
        one.see_all(parameters(fit.model.coef_, fit.model.intercept_),
                    parameters(Matrix(1, X.cols(), ref_coef.row(c)), Vector{ref_intercept[c]}));
        if (!path.seen || !(one.diff <= path.diff)) path = one;
        std::printf("%12.4g %6d %14.8f %14.8f %14.8f %10.4f %12.2e\n", Cs[c], fit.n_iter_, intercept[c], coef(c, 0),
                    coef(c, 1), std::hypot(coef(c, 0), coef(c, 1)), one.diff);
    }
    std::printf("\n||w|| keeps growing with C, by about the same amount per decade once every sample is classified\n"
                "right, while the direction w / ||w|| settles: the penalty, not the data, decides how large the\n"
                "weights (and how sure the probabilities) are. Choose C by cross-validation, not by default.\n\n");
    summary.push_back(
        path.row("separation: penalised path over " + std::to_string(Cs.size()) + " C: coef_, rel", kOptimumRtol));
    write_logreg_path_plot(out_dir + "/logreg_separation_path.svg",
                           "separated data: the L2 coefficient path over C (lines ours, crosses scikit-learn)", Cs,
                           coef, intercept, ref_coef, ref_intercept);
}

// Steps and loss of one fit, printed as a line.
void print_run(const char* what, const LogisticFit& f, double f_star) {
    std::printf("%-30s %8d  %-10s %18.10f %12.2e %12.2e\n", what, f.n_iter_, stop_name(f.stop), f.loss_curve.back(),
                f.loss_curve.back() - f_star, f.grad_max.back());
}

// ---- unscaled features: gradient descent crawls, Newton does not care
void scaling_section(const Golden& g, const std::string& out_dir) {
    const Table t = read_csv(mlfs::repo_root() + "/datasets/breast_cancer.csv");
    std::vector<std::string> names;
    for (const std::string& n : t.names)
        if (n != "target") names.push_back(n);
    const Matrix raw = select_columns(t, names).X;  // 569 x 30, raw units
    const Vector y = t.X.col(column_index(t, "target"));
    const Matrix Z = g.matrix("bc.X");
    const Vector yz = g.vector("bc.y");
    double lo = HUGE_VAL, hi = 0.0;
    for (std::size_t j = 0; j < raw.cols(); ++j) {
        double m = 0.0;
        for (std::size_t i = 0; i < raw.rows(); ++i) m = std::max(m, std::fabs(raw(i, j)));
        lo = std::min(lo, m), hi = std::max(hi, m);
    }
    std::printf("-- Failure mode: unscaled features (LG.10) --\n\n"
                "Raw breast cancer (datasets/breast_cancer.csv): the columns' largest values run from %.3g to %.4g.\n"
                "Gradient descent's step is 1/L, L = lambda_max(X~^T X~)/4 + 1/C, set by the largest column, so the\n"
                "small columns barely move; Newton's step H^-1 g is the same in any units. C = 1 throughout.\n\n",
                lo, hi);
    const int gd_steps = 2000;
    LogisticOptions gd = penalty(1.0);
    gd.solver = LogisticSolver::gd;
    gd.max_iter = gd_steps;
    const LogisticFit newton_z = fit_logistic(Z, yz, penalty(1.0)), gd_z = fit_logistic(Z, yz, gd);
    const LogisticFit newton_raw = fit_logistic(raw, y, penalty(1.0)), gd_raw = fit_logistic(raw, y, gd);
    const double fz = newton_z.loss_curve.back(), fr = newton_raw.loss_curve.back();
    std::printf("%-30s %8s  %-10s %18s %12s %12s\n", "", "steps", "stop", "f at the end", "f - f*", "max|g|");
    print_run("Newton, z-scored", newton_z, fz);
    print_run("gradient descent, z-scored", gd_z, fz);
    print_run("Newton, raw units", newton_raw, fr);
    print_run("gradient descent, raw units", gd_raw, fr);
    std::printf("\nstep 1/L: z-scored %.3g, raw %.3g. f* is Newton's f at its answer (the two problems differ: the\n"
                "penalty acts on weights in different units). After %d steps on the raw features gradient descent\n"
                "is still %.3g above f*, with %.1f%% training accuracy (Newton: %.1f%%).\n\n",
                gd_z.step_length.empty() ? 0.0 : gd_z.step_length[0],
                gd_raw.step_length.empty() ? 0.0 : gd_raw.step_length[0], gd_steps, gd_raw.loss_curve.back() - fr,
                100.0 * accuracy(gd_raw.model, raw, y), 100.0 * accuracy(newton_raw.model, raw, y));
    write_logreg_convergence_plot(out_dir + "/logreg_convergence.svg",
                                  "breast cancer, C = 1: f - f* per Newton step and per gradient step",
                                  {{"Newton, z-scored", newton_z.loss_curve, fz},
                                   {"Newton, raw units", newton_raw.loss_curve, fr},
                                   {"GD, z-scored", gd_z.loss_curve, fz},
                                   {"GD, raw units", gd_raw.loss_curve, fr}});
}

// Precision and recall of the class labelled 1 when p1 >= threshold predicts it.
void print_threshold(double threshold, const Vector& p1, const Vector& y01) {
    double tp = 0.0, fp = 0.0, fn = 0.0;
    for (std::size_t i = 0; i < p1.size(); ++i) {
        const bool predicted = p1[i] >= threshold, actual = y01[i] == 1.0;
        tp += predicted && actual, fp += predicted && !actual, fn += !predicted && actual;
    }
    std::printf("%10.2f %10.0f %10.0f %10.0f %10.3f %10.3f\n", threshold, tp, fp, fn,
                tp + fp > 0 ? tp / (tp + fp) : 0.0, tp / (tp + fn));
}

// ---- class imbalance and the decision threshold; the calibration plot
void imbalance_section(const Golden& g, const LogisticFit& bc, const std::string& out_dir, Summary& summary) {
    const Matrix X = g.matrix("imb.X");
    const Vector y = g.vector("imb.y");
    const FitComparison c = compare_fit(g, "imb.C1", X, y, penalty(1.0));
    const Vector p1 = proba_of_class1(c.fit.model, X), y01 = as01(y, c.fit.model);
    double n1 = 0.0;
    for (double v : y01) n1 += v;
    std::printf("-- Failure mode: class imbalance and the decision threshold --\n\n"
                "imb: %zu samples, %.0f of them (%.1f%%) in the minority class 1; C = 1, beside scikit-learn:\n"
                "rel d coef %.2e, rel d proba %.2e. Accuracy %.4f looks fine, but predict() cuts at p = 0.5,\n"
                "and the minority class rarely reaches it:\n\n",
                X.rows(), n1, 100.0 * n1 / static_cast<double>(X.rows()), c.params.diff, c.proba.diff,
                accuracy(c.fit.model, X, y));
    std::printf("%10s %10s %10s %10s %10s %10s\n", "threshold", "TP", "FP", "FN", "precision", "recall");
    for (double threshold : {0.5, 0.3, 0.2, n1 / static_cast<double>(X.rows())}) print_threshold(threshold, p1, y01);
    std::printf("\n(the last threshold is the minority's share.) Lowering the threshold buys recall with precision;\n"
                "which trade is right depends on what a missed case costs, which the model does not know. The\n"
                "probabilities themselves stay calibrated (logreg_calibration.svg); only the cut moves.\n\n");
    summary.push_back(c.params.row("imbalanced, C = 1: coef_, intercept_, rel", kOptimumRtol));
    summary.push_back(c.proba.row("imbalanced, C = 1: predict_proba, rel", kOptimumRtol));

    const Matrix Xbc = g.matrix("bc.X");
    const CalibrationBins cb = calibration_bins(proba_of_class1(bc.model, Xbc), as01(g.vector("bc.y"), bc.model), 10);
    const CalibrationBins ci = calibration_bins(p1, y01, 10);
    for (const auto& named : {std::make_pair("breast cancer C = 1", &cb), std::make_pair("imbalanced C = 1", &ci)}) {
        std::printf("calibration, %s (bins of 0.1; mean predicted / observed / count):\n ", named.first);
        for (std::size_t b = 0; b < named.second->count.size(); ++b)
            std::printf(" %.2f/%.2f/%.0f", named.second->mean_predicted[b], named.second->observed[b],
                        named.second->count[b]);
        std::printf("\n");
    }
    std::printf("\n");
    write_logreg_calibration_plot(out_dir + "/logreg_calibration.svg",
                                  "calibration, C = 1: observed frequency against predicted probability",
                                  {{"breast cancer", cb}, {"imbalanced", ci}});
}

// ---- the decision boundary of a multinomial fit on two iris features
void boundary_section(const std::string& out_dir) {
    const std::vector<std::string> features = {"petal_length_cm", "petal_width_cm"};
    const Table t = read_csv(mlfs::repo_root() + "/datasets/iris.csv");
    const Matrix X = select_columns(t, features).X;  // 150 x 2, cm
    const Vector y = t.X.col(column_index(t, "species"));
    const LogisticFit fit = fit_logistic(X, y, penalty(1.0));
    std::printf("-- Decision boundary: iris on petal length and width (cm), multinomial, C = 1 --\n\n"
                "%d Newton steps; training accuracy %.4f. coef_ (one row per species) and intercept_:\n",
                fit.n_iter_, accuracy(fit.model, X, y));
    for (std::size_t k = 0; k < fit.model.coef_.rows(); ++k)
        std::printf("  class %g: w = (%10.6f, %10.6f), b = %10.6f\n", fit.model.classes_[k], fit.model.coef_(k, 0),
                    fit.model.coef_(k, 1), fit.model.intercept_[k]);
    std::printf("\n");
    write_logreg_boundary_plot(out_dir + "/logreg_boundary.svg",
                               "iris: the multinomial model's classes over petal length and width (C = 1)", fit.model,
                               X, y, features);
}

}  // namespace

void run_logreg_study(const std::string& out_dir, Summary& summary) {
    std::printf("== Logistic regression (derivations/logistic_regression.md) ==\n\n");
    const Golden g("logreg.txt");
    const LogisticFit bc = breast_cancer_section(g, summary);
    audit_section(g, summary);
    multinomial_section(g, summary);
    worked_example_section(g, summary);
    separation_section(g, out_dir, summary);
    scaling_section(g, out_dir);
    imbalance_section(g, bc, out_dir, summary);
    boundary_section(out_dir);
    std::printf("wrote into %s/: logreg_convergence.svg, logreg_boundary.svg, logreg_calibration.svg,\n"
                "  logreg_separation_path.svg\n",
                out_dir.c_str());
}

}  // namespace mlfs

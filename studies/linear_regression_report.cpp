// SPDX-License-Identifier: MIT
// The report pieces of a linear-regression fit, shared by the case study and `mlfs linreg --data`:
// the fitted coefficients, the OLS audit table, the gradient-descent summary and the three plots.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

#include "io/svg.hpp"
#include "studies/linear_regression.hpp"

namespace mlfs {

namespace {

int name_width(const std::vector<std::string>& names, int at_least) {
    int w = at_least;
    for (const std::string& n : names) w = std::max(w, static_cast<int>(n.size()));
    return w;
}

// the smallest and largest of v (v non-empty)
std::pair<double, double> range_of(const Vector& v) {
    const auto mm = std::minmax_element(v.begin(), v.end());
    return {*mm.first, *mm.second};
}

}  // namespace

void print_fit(const std::vector<std::string>& names, const LinearModel& m) {
    const int w = name_width(names, 10);
    std::printf("%-*s %24s\n", w, "feature", "coef_");
    for (std::size_t j = 0; j < m.coef_.size(); ++j)
        std::printf("%-*s %24.17g\n", w, j < names.size() ? names[j].c_str() : "?", m.coef_[j]);
    std::printf("%-*s %24.17g\n", w, "intercept_", m.intercept_);
}

void print_audit(const OlsAudit& a) {
    const bool centred = !a.names.empty() && a.names[0] == "intercept";
    const int w = name_width(a.names, 9);
    std::printf("%-*s %13s %12s %9s %10s %13s %13s\n", w, "parameter", "coef", "std err", "t", "P>|t|", "[0.025",
                "0.975]");
    for (std::size_t k = 0; k < a.params.size(); ++k)
        std::printf("%-*s %13.6g %12.5g %9.4g %10.3g %13.6g %13.6g\n", w, a.names[k].c_str(), a.params[k], a.std_err[k],
                    a.t[k], a.p_value[k], a.conf_int(k, 0), a.conf_int(k, 1));
    std::printf("\nresidual std error %.6g on %.0f degrees of freedom (LR.16)\n", a.residual_std_error, a.df_resid);
    std::printf("R^2 %.6g, adjusted R^2 %.6g (LR.20)%s\n", a.r2, a.r2_adj,
                centred ? "" : ", uncentred (no intercept), as statsmodels");
    std::printf("F %.6g on %.0f and %.0f degrees of freedom, p-value %.3g (LR.21)\n", a.f_statistic, a.df_model,
                a.df_resid, a.f_p_value);
    std::printf("%s %.4g (LR.22)\n", centred ? "cond(Xc^T Xc)" : "cond(X^T X)", a.cond);
    if (!a.covariance_from.empty())
        std::printf("%s by %s (LR.17)\n", centred ? "(Xc^T Xc)^-1" : "(X^T X)^-1", a.covariance_from.c_str());
    if (!a.warning.empty()) std::printf("warning: %s\n", a.warning.c_str());
}

void print_gd_summary(const GradientDescentResult& r) {
    std::printf("learning rate lr      %.6g%s\n", r.lr,
                std::fabs(r.lr * r.L - 1.0) < 1e-12 ? " (1/L, the default)" : "");
    std::printf("L = lambda_max(A^T A / N) %.6g, stability bound 2/L %.6g (LR.12)\n", r.L, 2.0 / r.L);
    std::printf("iterations (n_iter_)  %d\n", r.n_iter_);
    std::printf("stopped by            %s%s\n", r.stopped_by.c_str(), r.converged ? "" : " (not converged)");
    std::printf("final ||grad J||      %.3e\n", r.grad_norm);
    std::printf("final loss J          %.17g (half the mean squared error, LR.9)\n", r.loss_curve_.back());
}

void write_fit_plots(const std::string& out_dir, const std::string& prefix, const std::string& title, const Vector& y,
                     const Vector& yhat) {
    const auto ry = range_of(y), rf = range_of(yhat);
    const double lo = std::min(ry.first, rf.first), hi = std::max(ry.second, rf.second);
    Plot pva(title + ": predicted vs actual", "actual y", "predicted y-hat");
    pva.add_scatter("samples", y, yhat);
    pva.add_line("y-hat = y", {lo, hi}, {lo, hi});
    pva.set_caption("Each sample's fitted value against its actual target, with the line y-hat = y. The closer "
                    "the cloud hugs the line the more of y the model explains; a bend or a fan away from it is "
                    "what a linear model misses.");
    pva.save(out_dir + "/" + prefix + "_predicted_vs_actual.svg");

    Vector residual(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) residual[i] = y[i] - yhat[i];  // r_i = y_i - y-hat_i
    Plot res(title + ": residuals vs fitted", "fitted y-hat", "residual y - y-hat");
    res.add_scatter("samples", yhat, residual);
    res.add_line("zero", {rf.first, rf.second}, {0.0, 0.0});
    res.set_caption("The residuals y - y-hat against the fitted values, with the zero line. OLS assumes a "
                    "shapeless band around zero; a curve suggests a missing non-linear term, a funnel a noise "
                    "level that grows with the mean.");
    res.save(out_dir + "/" + prefix + "_residuals.svg");
}

void write_gd_loss_plot(const std::string& out_dir, const std::string& prefix, const std::string& title,
                        const Vector& loss_curve, double J_min) {
    const bool gap = !std::isnan(J_min);
    // J is a sum of N squares, rounded to a few eps J (about 10 eps J on diabetes): a gap below
    // 16 eps J_min is noise, so the curve stops there and that level is drawn instead
    const double noise = gap ? 16.0 * std::numeric_limits<double>::epsilon() * std::fabs(J_min) : 0.0;
    Vector ks, Js;
    for (std::size_t k = 0; k < loss_curve.size(); ++k) {
        const double v = gap ? loss_curve[k] - J_min : loss_curve[k];
        if (gap && v <= noise) break;
        if (v > 0.0) ks.push_back(static_cast<double>(k)), Js.push_back(v);  // a log axis cannot show v <= 0
    }
    Plot plot(title + ": gradient descent loss", "iteration k",
              gap ? "J_k - J_min (J_min: the least-squares loss)" : "loss J_k (half the mean squared error)");
    plot.set_log_y(true);
    plot.set_caption(gap ? "The gap J_k - J_min between gradient descent's loss and the least-squares minimum, on a "
                           "log axis (LR.9-LR.14). A straight line is linear convergence at a rate set by the "
                           "conditioning of the features; the curve stops where the gap reaches rounding noise."
                         : "Gradient descent's loss J_k per iteration, on a log axis (LR.9). It should fall "
                           "steadily and flatten once converged; a rise means the learning rate is too large.");
    plot.add_line(gap ? "J_k - J_min" : "J_k", ks, Js);
    if (noise > 0.0)
        plot.add_line("noise: 16 eps J_min", {0.0, static_cast<double>(loss_curve.size() - 1)}, {noise, noise});
    plot.save(out_dir + "/" + prefix + "_gd_loss.svg");
}

}  // namespace mlfs

# SPDX-License-Identifier: MIT
"""tests/golden/linreg.txt: data and scikit-learn / statsmodels results for the linear-regression tests.

Every X and y is exported exactly as the estimator sees it, so the C++ tests never regenerate data.
Cases: diabetes (scaled), diabetes_raw (scaled=False), regression (make_regression); for each,
OLS and Ridge from scikit-learn, the full statsmodels OLS summary numbers, and the eigenvalues of
the centred Gram matrix. Then a batch gradient-descent trajectory on z-scored raw diabetes,
produced by a plain NumPy loop of the update rule written in the file.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import numpy as np
import statsmodels
import statsmodels.api as sm
from sklearn.datasets import load_diabetes, make_regression
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.preprocessing import StandardScaler

RIDGE_ALPHAS = (0.001, 0.1, 1.0, 10.0)
GD_STEPS = 20


def _alpha_tag(alpha):
    # 0.001 -> a0.001, 0.1 -> a0.1, 1.0 -> a1, 10.0 -> a10
    return "a%s" % ("%g" % alpha)


def _max_rel(a, b):
    a = np.atleast_1d(np.asarray(a, dtype=float))
    b = np.atleast_1d(np.asarray(b, dtype=float))
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), np.finfo(float).tiny)))


# ---------------------------------------------------------------- statsmodels

def _sm_fields(g, p, res, how):
    """The statsmodels OLS result numbers for one fit; `how` describes the fit for the call lines."""
    g.vector(p + ".params", res.params, how + ".params")
    g.vector(p + ".bse", res.bse, how + ".bse  # sqrt(diag(scale * inv(A^T A)))")
    g.vector(p + ".tvalues", res.tvalues, how + ".tvalues  # params / bse")
    g.vector(p + ".pvalues", res.pvalues,
             how + ".pvalues  # 2 * scipy.stats.t.sf(|t|, df_resid), Student t with N - p dof")
    g.matrix(p + ".conf_int", res.conf_int(alpha=0.05),
             how + ".conf_int(alpha=0.05)  # p x 2: params -/+ scipy.stats.t.ppf(0.975, df_resid) * bse")
    g.scalar(p + ".rsquared", res.rsquared, how + ".rsquared")
    g.scalar(p + ".rsquared_adj", res.rsquared_adj, how + ".rsquared_adj")
    g.scalar(p + ".fvalue", res.fvalue, how + ".fvalue  # (ess / df_model) / (ssr / df_resid)")
    g.scalar(p + ".f_pvalue", res.f_pvalue, how + ".f_pvalue  # scipy.stats.f.sf(fvalue, df_model, df_resid)")
    g.scalar(p + ".ssr", res.ssr, how + ".ssr  # residual sum of squares")
    g.scalar(p + ".scale", res.scale, how + ".scale  # ssr / df_resid = RSS / (N - p)")
    g.scalar(p + ".df_resid", res.df_resid, how + ".df_resid  # N - p, p counting the constant if any")
    g.scalar(p + ".condition_number", res.condition_number,
             how + ".condition_number  # statsmodels' own: sqrt(eig max / eig min) of exog^T exog "
             "(exog uncentred, constant column included); for information")


def _sm_self_checks(name, res, y, X_design, report):
    """Recompute the statsmodels numbers by hand: catches any misunderstanding of the definitions."""
    from scipy import stats
    n, p = X_design.shape
    assert res.df_resid == n - p, (name, res.df_resid, n, p)
    resid = y - X_design @ res.params
    ssr = resid @ resid
    assert abs(ssr - res.ssr) <= 1e-9 * ssr, name
    assert abs(res.scale - ssr / (n - p)) <= 1e-9 * res.scale, name
    cov = res.scale * np.linalg.inv(X_design.T @ X_design)
    assert _max_rel(np.sqrt(np.diag(cov)), res.bse) < 1e-8, name
    t = res.params / res.bse
    assert _max_rel(t, res.tvalues) < 1e-12, name
    pv = 2.0 * stats.t.sf(np.abs(t), n - p)
    assert _max_rel(pv, res.pvalues) < 1e-10, name
    q = stats.t.ppf(0.975, n - p)
    ci = np.column_stack([res.params - q * res.bse, res.params + q * res.bse])
    assert _max_rel(ci, res.conf_int(alpha=0.05)) < 1e-12, name
    ev = np.linalg.eigvalsh(X_design.T @ X_design)
    assert _max_rel(np.sqrt(ev.max() / ev.min()), res.condition_number) < 1e-8, name
    report.append("%s: statsmodels df_resid %g = N - p (t, p-values and conf_int use Student t with "
                  "N - p dof), condition_number %.6g" % (name, res.df_resid, res.condition_number))


# ---------------------------------------------------------------- cases

def _case(g, report, name, X, y, X_call, y_call, noint=False):
    n, d = X.shape
    g.section("Case %s: X is %d x %d, y has %d entries." % (name, n, d, n))
    g.matrix(name + ".X", X, X_call)
    g.vector(name + ".y", y, y_call)

    ols = LinearRegression().fit(X, y)
    g.vector(name + ".ols.coef", ols.coef_, "sklearn.linear_model.LinearRegression().fit(X, y).coef_")
    g.scalar(name + ".ols.intercept", ols.intercept_,
             "sklearn.linear_model.LinearRegression().fit(X, y).intercept_")
    g.scalar(name + ".ols.r2", ols.score(X, y), "sklearn.linear_model.LinearRegression().fit(X, y).score(X, y)")

    for alpha in RIDGE_ALPHAS:
        tag = _alpha_tag(alpha)
        r = Ridge(alpha=alpha).fit(X, y)
        g.vector("%s.ridge_%s.coef" % (name, tag), r.coef_,
                 "sklearn.linear_model.Ridge(alpha=%r).fit(X, y).coef_  # min ||y - Xw - b||^2 + alpha ||w||^2"
                 % alpha)
        g.scalar("%s.ridge_%s.intercept" % (name, tag), r.intercept_,
                 "sklearn.linear_model.Ridge(alpha=%r).fit(X, y).intercept_" % alpha)

    # Self-check: normal equations on centred data (what a from-scratch port does) vs sklearn.
    xm = X.mean(axis=0)
    Xc = X - xm
    yc = y - y.mean()
    w = np.linalg.solve(Xc.T @ Xc, Xc.T @ yc)
    b = y.mean() - xm @ w
    rel_w = _max_rel(w, ols.coef_)
    rel_b = _max_rel(b, ols.intercept_)
    assert rel_w < 1e-10 and rel_b < 1e-10, (name, rel_w, rel_b)

    A = sm.add_constant(X, has_constant="add")
    res = sm.OLS(y, A).fit()
    how = "statsmodels.api.OLS(y, statsmodels.api.add_constant(X, has_constant='add')).fit()"
    g.comment("statsmodels %s OLS with a constant column first: params = [intercept, coef...], p = %d."
              % (statsmodels.__version__, d + 1))
    _sm_fields(g, name + ".sm", res, how)
    rel_sm = max(_max_rel(res.params[1:], ols.coef_), _max_rel(res.params[0], ols.intercept_))
    assert rel_sm < 1e-9, (name, rel_sm)
    assert abs(res.rsquared - ols.score(X, y)) < 1e-12, name
    _sm_self_checks(name + ".sm", res, y, A, report)

    if noint:
        g.comment("No-intercept fits. statsmodels has no constant in the design, so rsquared, rsquared_adj and\n"
                  "fvalue are UNCENTRED: R^2 = 1 - ssr / (y^T y), df_model = p (not p - 1), F = ((y^T y - ssr) / p)\n"
                  "/ (ssr / (N - p)), rsquared_adj = 1 - (N / (N - p)) (1 - R^2).")
        ols0 = LinearRegression(fit_intercept=False).fit(X, y)
        g.vector(name + ".ols_noint.coef", ols0.coef_,
                 "sklearn.linear_model.LinearRegression(fit_intercept=False).fit(X, y).coef_")
        res0 = sm.OLS(y, X).fit()
        _sm_fields(g, name + ".sm_noint", res0, "statsmodels.api.OLS(y, X).fit()")
        assert res0.k_constant == 0
        assert abs(res0.rsquared - (1.0 - res0.ssr / (y @ y))) < 1e-12, name
        rel0 = _max_rel(res0.params, ols0.coef_)
        assert rel0 < 1e-9, (name, rel0)
        _sm_self_checks(name + ".sm_noint", res0, y, X, report)
        report.append("%s.sm_noint: max rel |statsmodels - sklearn| %.3e, uncentred rsquared %.10g"
                      % (name, rel0, res0.rsquared))

    ev = np.linalg.eigvalsh(Xc.T @ Xc)
    g.vector(name + ".eig_gram", ev,
             "numpy.linalg.eigvalsh(Xc.T @ Xc)  # ascending; Xc = X - X.mean(axis=0)")
    cond = ev[-1] / ev[0]
    g.scalar(name + ".cond_gram", cond, "eig_gram[-1] / eig_gram[0]  # = cond(Xc)^2")
    report.append("%s: cond_gram %.6e (cond(Xc) %.4g); max rel |centred normal eqs - sklearn| coef %.3e "
                  "intercept %.3e; max rel |statsmodels params - sklearn OLS| %.3e"
                  % (name, cond, np.sqrt(cond), rel_w, rel_b, rel_sm))
    return ols


# ---------------------------------------------------------------- normal equations

NORMAL_EQ_ALPHAS = (0.0, 1.0)


def _normal_equations(g, report):
    """(LR.4), (LR.5) the matrix and right-hand side fit_cholesky factors, for the normal-equations exercise."""
    g.section("Normal equations of the centred problem (LR.4), (LR.5), as numpy forms them:\n"
              "  Xc = X - X.mean(axis=0), yc = y - y.mean()\n"
              "  normal_eq.C.aA.XtX = Xc.T @ Xc + alpha * numpy.eye(D)    D x D\n"
              "  normal_eq.C.aA.Xty = Xc.T @ yc                            D\n"
              "for C in diabetes, diabetes_raw (X, y as C.X, C.y above) and alpha in %s (tags a0, a1)."
              % (NORMAL_EQ_ALPHAS,))
    for name, scaled in (("diabetes", True), ("diabetes_raw", False)):
        X, y = load_diabetes(scaled=scaled, return_X_y=True)
        Xc = X - X.mean(axis=0)
        yc = y - y.mean()
        for alpha in NORMAL_EQ_ALPHAS:
            p = "normal_eq.%s.%s" % (name, _alpha_tag(alpha))
            XtX = Xc.T @ Xc + alpha * np.eye(X.shape[1])
            Xty = Xc.T @ yc
            g.matrix(p + ".XtX", XtX, "Xc.T @ Xc + %r * numpy.eye(%d)  # Xc = X - X.mean(axis=0), X = %s.X"
                     % (alpha, X.shape[1], name))
            g.vector(p + ".Xty", Xty, "Xc.T @ yc  # yc = y - y.mean(), y = %s.y" % name)
            # what Ridge solves with them is Ridge(alpha).coef_ (alpha = 0: LinearRegression)
            w = np.linalg.solve(XtX, Xty)
            ref = (Ridge(alpha=alpha) if alpha > 0 else LinearRegression()).fit(X, y).coef_
            assert _max_rel(w, ref) < 1e-10, (p, _max_rel(w, ref))
        report.append("normal_eq.%s: max|Xc^T Xc| %.6g, max|Xc^T yc| %.6g" % (name, np.abs(Xc.T @ Xc).max(),
                                                                              np.abs(Xc.T @ yc).max()))


# ---------------------------------------------------------------- gradient descent

def _gd(g, report):
    g.section(
        "Batch gradient descent on standardised raw diabetes.\n"
        "Z = (X - mu) / sigma with mu = X.mean(axis=0), sigma = X.std(axis=0) (population, ddof=0): the same\n"
        "doubles as sklearn StandardScaler().fit_transform(X) (checked bitwise by the exporter).\n"
        "Update rule (NumPy, float64):\n"
        "  A = [1 Z]                      N x (D+1), intercept column first\n"
        "  theta_0 = 0\n"
        "  L  = max eigvalsh(A^T A / N)   lr = 1 / L\n"
        "  for k = 0..19:\n"
        "    r_k     = A theta_k - y\n"
        "    g_k     = A^T r_k / N\n"
        "    J_k     = r_k^T r_k / (2 N)  (loss BEFORE the update)\n"
        "    theta_{k+1} = theta_k - lr g_k\n"
        "gd.theta row k = theta_k (k = 0..20); gd.loss[k] = J_k and gd.grad_norm[k] = ||g_k||_2 (k = 0..19).\n"
        "Mapping back to the original scale: coef = theta[1:] / sigma, intercept = theta[0] - sum(theta[1:] mu / sigma).")
    X, y = load_diabetes(scaled=False, return_X_y=True)
    n, d = X.shape
    mu = X.mean(axis=0)
    sigma = X.std(axis=0)
    Z = (X - mu) / sigma
    sc = StandardScaler().fit(X)
    assert (sc.mean_ == mu).all() and (sc.scale_ == sigma).all() and (sc.transform(X) == Z).all()

    g.matrix("gd.Z", Z, "Z = (X - mu) / sigma  # X, y = sklearn.datasets.load_diabetes(scaled=False, return_X_y=True)")
    g.vector("gd.y", y, "sklearn.datasets.load_diabetes(scaled=False, return_X_y=True)[1]")
    g.vector("gd.mu", mu, "X.mean(axis=0)  # == StandardScaler().fit(X).mean_")
    g.vector("gd.sigma", sigma, "X.std(axis=0)  # ddof=0; == StandardScaler().fit(X).scale_")

    A = np.column_stack([np.ones(n), Z])
    L = np.linalg.eigvalsh(A.T @ A / n).max()
    lr = 1.0 / L
    g.scalar("gd.L", L, "numpy.linalg.eigvalsh(A.T @ A / N).max()  # A = numpy.column_stack([numpy.ones(N), Z])")
    g.scalar("gd.lr", lr, "1.0 / L")

    theta = np.zeros(d + 1)
    thetas, losses, gnorms = [theta.copy()], [], []
    for _ in range(GD_STEPS):
        r = A @ theta - y
        grad = A.T @ r / n
        losses.append((r @ r) / (2 * n))
        gnorms.append(np.linalg.norm(grad))
        theta = theta - lr * grad
        thetas.append(theta.copy())
    thetas = np.array(thetas)
    g.matrix("gd.theta", thetas,
             "theta_k for k = 0..%d from the loop above (row k; column 0 = intercept)" % GD_STEPS)
    g.vector("gd.loss", losses, "J_k = (r @ r) / (2 * N) with r = A @ theta_k - y, k = 0..%d" % (GD_STEPS - 1))
    g.vector("gd.grad_norm", gnorms, "numpy.linalg.norm(A.T @ r / N) for theta_k, k = 0..%d" % (GD_STEPS - 1))

    diffs = np.diff(losses)
    assert (diffs <= 0).all(), "GD loss increased"

    ols = LinearRegression().fit(X, y)
    g.vector("gd.ols_coef_original", ols.coef_,
             "sklearn.linear_model.LinearRegression().fit(X, y).coef_  # raw diabetes: what GD must reach after mapping back")
    g.scalar("gd.ols_intercept_original", ols.intercept_,
             "sklearn.linear_model.LinearRegression().fit(X, y).intercept_  # raw diabetes")
    olsz = LinearRegression().fit(Z, y)
    g.vector("gd.ols_coef_standardised", olsz.coef_, "sklearn.linear_model.LinearRegression().fit(Z, y).coef_")
    g.scalar("gd.ols_intercept_standardised", olsz.intercept_,
             "sklearn.linear_model.LinearRegression().fit(Z, y).intercept_")

    g.comment("Divergence case: lr = 2.5 / L is above the stability bound 2 / L for this quadratic loss.")
    g.scalar("gd.diverge_lr", 2.5 / L, "2.5 / L")

    # Report: how far 20 steps get, and that the mapped-back standardised OLS is the raw OLS.
    back_coef = olsz.coef_ / sigma
    back_int = olsz.intercept_ - np.sum(olsz.coef_ * mu / sigma)
    report.append("gd: L %.10g, lr %.10g, loss %.6g -> %.6g in %d steps, max loss increase %.3e (non-increasing), "
                  "grad_norm %.4g -> %.4g; max rel |theta_20 - OLS(Z)| %.3e; mapped-back OLS(Z) vs OLS(raw): "
                  "coef %.3e, intercept %.3e"
                  % (L, lr, losses[0], losses[-1], GD_STEPS, diffs.max(), gnorms[0], gnorms[-1],
                     _max_rel(thetas[-1], np.r_[olsz.intercept_, olsz.coef_]),
                     _max_rel(back_coef, ols.coef_), _max_rel(back_int, ols.intercept_)))


def build_linreg(report):
    g = golden_writer.GoldenFile(
        "linreg.txt", "linreg",
        ["Data and results for the linear-regression tests. Every X and y is exported as the estimator sees it.",
         "Cases (each: C.X, C.y, C.ols.{coef,intercept,r2}, C.ridge_a{0.001,0.1,1,10}.{coef,intercept},",
         "C.sm.* from statsmodels OLS with a constant, C.eig_gram / C.cond_gram of the centred Gram matrix):",
         "  diabetes      sklearn.datasets.load_diabetes() (scaled columns), 442 x 10",
         "  diabetes_raw  sklearn.datasets.load_diabetes(scaled=False), 442 x 10; also no-intercept fits",
         "                (diabetes_raw.ols_noint.coef, diabetes_raw.sm_noint.* with UNCENTRED R^2)",
         "  regression    sklearn.datasets.make_regression(n_samples=200, n_features=8, noise=5.0,",
         "                random_state=0, coef=True), 200 x 8; also regression.true_coef",
         "  normal_eq.*   Xc^T Xc + alpha I and Xc^T yc on diabetes and diabetes_raw, alpha 0 and 1",
         "  gd.*          20 steps of batch gradient descent (lr = 1/L) on z-scored raw diabetes, the",
         "                sklearn OLS targets on both scales, and a divergent step size gd.diverge_lr",
         "LinearRegression centres X and y and calls scipy.linalg.lstsq (gelsd); Ridge minimises",
         "||y - Xw - b||^2 + alpha ||w||^2 (alpha NOT scaled by N, intercept unpenalised) by Cholesky.",
         "statsmodels %s: scale = ssr / (N - p); t, p-values and conf_int use Student t with df_resid = N - p"
         % statsmodels.__version__,
         "(p counts the constant)."])

    g.section("Ridge penalties used for every case, in order; entry tags: a0.001, a0.1, a1, a10.")
    g.vector("ridge.alphas", RIDGE_ALPHAS, "the alpha passed to sklearn.linear_model.Ridge(alpha=...)")

    X, y = load_diabetes(return_X_y=True)
    _case(g, report, "diabetes", X, y,
          "sklearn.datasets.load_diabetes(return_X_y=True)[0]",
          "sklearn.datasets.load_diabetes(return_X_y=True)[1]")

    X, y = load_diabetes(scaled=False, return_X_y=True)
    _case(g, report, "diabetes_raw", X, y,
          "sklearn.datasets.load_diabetes(scaled=False, return_X_y=True)[0]",
          "sklearn.datasets.load_diabetes(scaled=False, return_X_y=True)[1]", noint=True)

    X, y, coef = make_regression(n_samples=200, n_features=8, noise=5.0, random_state=0, coef=True)
    mr = "sklearn.datasets.make_regression(n_samples=200, n_features=8, noise=5.0, random_state=0, coef=True)"
    _case(g, report, "regression", X, y, mr + "[0]", mr + "[1]")
    g.vector("regression.true_coef", coef, mr + "[2]  # the coefficients y was generated from")

    _normal_equations(g, report)
    _gd(g, report)
    return g.text()

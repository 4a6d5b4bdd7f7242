# SPDX-License-Identifier: MIT
"""tests/golden/logreg.txt: scikit-learn 1.2.1 / statsmodels results for algorithms/logistic_regression.cpp
(tags LG.1 to LG.16).

Objective (sklearn's LinearModelLoss with sample_weight=None, what lbfgs / newton-cg minimise):
    f = sum_i loss_i + ||W||^2 / (2 C)        a SUM over rows; intercepts unpenalised; penalty None: 1/C = 0
Two classes: one model row, the log-odds of classes_[1]. More: multinomial (softmax), all K rows of
coef_ penalised. Our parameter order: theta row m = [b_m, w_m1 .. w_mD] (intercept FIRST), rows
flattened class by class. sklearn's LinearModelLoss puts the intercept LAST and ravels a multinomial
coef (K x (D+1)) in Fortran order (the K classes of one feature adjacent); every gradient and Hessian
below is converted to our order by _perm_binary / _perm_multi.

Reference optima. Every exported optimum is certified at sklearn's answer with sklearn's own
LinearModelLoss: max|g| of the sum objective, and the length max|s| of the full Newton step
s = -H^+ g there (its distance to the optimum, to first order), both written in a comment. The
solver is chosen by that certificate (see _binary_reference and _multinomial_reference): sklearn
1.2.1's newton-cg with tol=1e-12 does NOT converge on these problems. Its inner CG (_cg in
sklearn/utils/optimize.py) returns a zero direction as soon as p^T H p <= 3 eps for p = -g, an
absolute threshold; from then on every outer iteration repeats the same point until max_iter
(ConvergenceWarning), with max|g| ~ 1e-10 .. 1e-7 and up to 4e-4 from the optimum (sep, C = 1e4).
So:  two classes -> newton-cholesky (tol=1e-12; a true Newton method, stops on its own criteria
well before max_iter); more classes -> sag (tol=1e-15, random_state=0; deterministic). newton-cg
(tol=1e-12) and, for multinomial, lbfgs are the cross-checks, their agreement written as comments.
n_iter entries are newton-cg's at sklearn's defaults (tol=1e-4, max_iter=100), whose stopping rule
max_j |g_j| <= tol on the sum objective is (LG.9)'s.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import warnings

import mpmath
import numpy as np
import scipy
import scipy.linalg
import scipy.special
import statsmodels
import statsmodels.api as sm
from scipy import stats
from scipy.optimize import linprog
from sklearn._loss.loss import HalfBinomialLoss, HalfMultinomialLoss
from sklearn.datasets import load_breast_cancer, load_iris, load_wine, make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.linear_model._linear_loss import LinearModelLoss
from sklearn.preprocessing import StandardScaler

from golden_common import exact, nearest

C_LIST = (0.001, 1.0, 1000.0)
SEP_CS = np.logspace(-2, 4, 13)
BCA_FEATURES = ("mean radius", "mean texture", "mean smoothness", "mean concave points", "mean symmetry")
GRAD_SEED, SOFT_SEED = 3, 1

REF_BIN = "LogisticRegression(%s, solver='newton-cholesky', tol=1e-12, max_iter=1000).fit(X, y)"
REF_MULTI = "LogisticRegression(%s, solver='sag', tol=1e-15, max_iter=100000, random_state=0).fit(X, y)"
CHECK_NCG = "LogisticRegression(%s, solver='newton-cg', tol=1e-12, max_iter=10000)"
NITER_NCG = "LogisticRegression(%s, solver='newton-cg').fit(X, y).n_iter_[0]  # defaults tol=1e-4, max_iter=100"


def _ctag(C):
    # 0.001 -> C0.001, 1.0 -> C1, 1000.0 -> C1000
    return "C%s" % ("%g" % C)


def _cargs(C):
    return "penalty=None" if C is None else "C=%r" % C


def _kw(C):
    return dict(penalty=None) if C is None else dict(C=C)


def _g(x):
    return "%.3e" % x


# ---------------------------------------------------------------- parameter orders

def _perm_binary(D):
    """ours = sk[perm]: sklearn [w_1..w_D, b] -> ours [b, w_1..w_D]."""
    return np.array([D] + list(range(D)))


def _perm_multi(K, D):
    """ours = sk[perm]: sklearn's flat coef (index j*K + k, j = D the intercept) -> ours k*(D+1) + jj."""
    perm = np.empty(K * (D + 1), dtype=int)
    for k in range(K):
        for jj in range(D + 1):
            j = D if jj == 0 else jj - 1
            perm[k * (D + 1) + jj] = j * K + k
    return perm


def _bin_loss():
    return LinearModelLoss(base_loss=HalfBinomialLoss(), fit_intercept=True)


def _multi_loss(K):
    return LinearModelLoss(base_loss=HalfMultinomialLoss(n_classes=K), fit_intercept=True)


def _multi_hessian(loss, coef_flat, X, y, inv_C):
    """sklearn's full softmax Hessian in ITS order: column i = hessp(e_i)."""
    _, hessp = loss.gradient_hessian_product(coef_flat, X, y, None, inv_C)
    P = coef_flat.size
    return np.column_stack([hessp(e) for e in np.eye(P)])


# ---------------------------------------------------------------- certificates

def _cert_binary(coef, intercept, X, y01, inv_C):
    """max|g| and max|H^-1 g| of the sum objective at (coef, intercept); H from gradient_hessian."""
    c = np.r_[coef.ravel(), intercept]
    g, H, warn = _bin_loss().gradient_hessian(c, X, y01, None, inv_C)
    assert not warn
    s = np.linalg.solve(H, g)
    return float(np.abs(g).max()), float(np.abs(s).max()), float(np.linalg.cond(H))


def _cert_multi(coef, intercept, X, yk, inv_C):
    """max|g| and max|H^+ g| (lstsq: the softmax Hessian is singular) of the sum objective."""
    K = coef.shape[0]
    loss = _multi_loss(K)
    c = np.column_stack([coef, intercept]).ravel(order="F")
    g = loss.gradient(c, X, yk, None, inv_C)
    H = _multi_hessian(loss, c, X, yk, inv_C)
    s = np.linalg.lstsq(H, g, rcond=None)[0]
    return float(np.abs(g).max()), float(np.abs(s).max())


def _fit(est, X, y):
    """est.fit(X, y); returns (est, list of warning texts)."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        est.fit(X, y)
    return est, ["%s: %s" % (x.category.__name__, str(x.message).split("\n")[0]) for x in w]


def _warn_note(n_iter, max_iter, warns):
    parts = (["= max_iter"] if n_iter >= max_iter else []) + sorted(set(warns))
    return " (%s)" % "; ".join(parts) if parts else ""


def _binary_reference(X, y, C, what, report):
    """The certified optimum for two classes, and the comment lines that say so."""
    inv_C = 0.0 if C is None else 1.0 / C
    ref, w = _fit(LogisticRegression(solver="newton-cholesky", tol=1e-12, max_iter=1000, **_kw(C)), X, y)
    assert not w and ref.n_iter_[0] < 1000, (what, w)
    y01 = (y == ref.classes_[1]).astype(float)
    gmax, smax, condH = _cert_binary(ref.coef_, ref.intercept_, X, y01, inv_C)
    ncg, wn = _fit(LogisticRegression(solver="newton-cg", tol=1e-12, max_iter=10000, **_kw(C)), X, y)
    gn, sn, _ = _cert_binary(ncg.coef_, ncg.intercept_, X, y01, inv_C)
    diff = max(np.abs(ncg.coef_ - ref.coef_).max(), np.abs(ncg.intercept_ - ref.intercept_).max())
    assert smax < 1e-9 * (1.0 + np.abs(ref.coef_).max()), (what, smax)
    assert diff < 1e-3, (what, diff)
    lines = ["%s: reference %s, n_iter %d; at its answer max|g| = %s, Newton step max|H^-1 g| = %s, "
             "cond(H) = %.3e." % (what, REF_BIN % _cargs(C), ref.n_iter_[0], _g(gmax), _g(smax), condH),
             "  cross-check %s: n_iter %d%s, max|g| %s, max|step| %s; max|newton-cg - reference| = %s."
             % (CHECK_NCG % _cargs(C), ncg.n_iter_[0], _warn_note(ncg.n_iter_[0], 10000, wn), _g(gn), _g(sn),
                _g(diff))]
    report.append("logreg %s: newton-cholesky max|g| %s step %s; newton-cg (tol 1e-12) n_iter %d max|g| %s, "
                  "max|diff| %s" % (what, _g(gmax), _g(smax), ncg.n_iter_[0], _g(gn), _g(diff)))
    return ref, lines


def _multinomial_reference(X, y, C, what, report):
    inv_C = 0.0 if C is None else 1.0 / C
    ref, w = _fit(LogisticRegression(solver="sag", tol=1e-15, max_iter=100000, random_state=0, **_kw(C)), X, y)
    assert not w and ref.n_iter_[0] < 100000, (what, w)
    assert len(ref.classes_) > 2
    yk = np.searchsorted(ref.classes_, y).astype(float)
    gmax, smax = _cert_multi(ref.coef_, ref.intercept_, X, yk, inv_C)
    assert smax < 1e-9 * (1.0 + np.abs(ref.coef_).max()), (what, smax)
    lines = ["%s: reference %s (multinomial), n_iter %d; at its answer max|g| = %s, Newton step "
             "max|H^+ g| = %s." % (what, REF_MULTI % _cargs(C), ref.n_iter_[0], _g(gmax), _g(smax)),
             "  sum over classes: coef_.sum(axis=0) max abs %s, intercept_.sum() = %s (sklearn's solution is the "
             "centred one to rounding, the solution the C++ returns)." % (_g(np.abs(ref.coef_.sum(axis=0)).max()), _g(ref.intercept_.sum()))]
    diffs = []
    for name, est in (("newton-cg", LogisticRegression(solver="newton-cg", tol=1e-12, max_iter=10000, **_kw(C))),
                      ("lbfgs", LogisticRegression(solver="lbfgs", tol=1e-15, max_iter=100000, **_kw(C)))):
        est, wn = _fit(est, X, y)
        gn, sn = _cert_multi(est.coef_, est.intercept_, X, yk, inv_C)
        diff = max(np.abs(est.coef_ - ref.coef_).max(), np.abs(est.intercept_ - ref.intercept_).max())
        assert diff < 1e-3, (what, name, diff)
        call = (CHECK_NCG % _cargs(C) if name == "newton-cg" else
                "LogisticRegression(%s, solver='lbfgs', tol=1e-15, max_iter=100000)" % _cargs(C))
        lines.append("  cross-check %s: n_iter %d%s, max|g| %s, max|step| %s; max|%s - reference| = %s.%s"
                     % (call, est.n_iter_[0], _warn_note(est.n_iter_[0], 10000 if name == "newton-cg" else 100000, wn),
                        _g(gn), _g(sn), name, _g(diff),
                        "" if name == "newton-cg" else " (lbfgs stops on L-BFGS-B's relative f decrease, ftol "
                        "= 1e7 eps, long before gtol; LogisticRegression does not expose ftol)"))
        diffs.append("%s n_iter %d max|g| %s diff %s" % (name, est.n_iter_[0], _g(gn), _g(diff)))
    report.append("logreg %s: sag max|g| %s step %s; %s; sums %s %s"
                  % (what, _g(gmax), _g(smax), "; ".join(diffs), _g(np.abs(ref.coef_.sum(axis=0)).max()),
                     _g(ref.intercept_.sum())))
    return ref, lines


def _n_iter_default(X, y, C):
    est, _ = _fit(LogisticRegression(solver="newton-cg", **_kw(C)), X, y)
    return int(est.n_iter_[0])


def _separable(X, y01):
    """Is there a strictly separating hyperplane? (linear program: s_i (b + x_i^T w) >= 1 feasible)."""
    A = np.column_stack([np.ones(X.shape[0]), X])
    s = np.where(y01 == 1, 1.0, -1.0)
    r = linprog(np.zeros(A.shape[1]), A_ub=-(s[:, None] * A), b_ub=-np.ones(X.shape[0]),
                bounds=[(None, None)] * A.shape[1], method="highs")
    assert r.status in (0, 2), r.message
    return r.status == 0


def _zscore(X):
    Z = StandardScaler().fit_transform(X)
    mu, sd = X.mean(axis=0), X.std(axis=0)
    assert np.allclose(Z, (X - mu) / sd, rtol=0, atol=1e-12)
    return Z


# ---------------------------------------------------------------- 1. stable pieces

def _stable(g, report):
    z = np.array([-1e300, -800.0, -40.0, -1.0, 0.0, 1e-20, 1.0, 40.0, 800.0, 1e300])
    g.section("(LG.3) The stable pieces at extreme arguments. stable.* are the library's doubles;\n"
              "stable.*_exact are mpmath at %d digits (checked at %d), rounded to the nearest double, from the\n"
              "cancellation-free forms sigmoid = 1/(1 + e^-z), softplus = max(z, 0) + log1p(e^-|z|),\n"
              "loss = log1p(e^-|z|) + (max(z, 0) - y z) (the last bracket is 0 or |z| exactly)." % (60, 80))
    g.vector("stable.z", z, "numpy.array([-1e300, -800, -40, -1, 0, 1e-20, 1, 40, 800, 1e300])")
    sig = scipy.special.expit(z)
    sp = np.logaddexp(0.0, z)
    L = HalfBinomialLoss()
    l0 = L.loss(y_true=np.zeros_like(z), raw_prediction=z)
    l1 = L.loss(y_true=np.ones_like(z), raw_prediction=z)

    def _ex(fn):
        return exact(lambda: [nearest(fn(mpmath.mpf(float(v)))) for v in z], what="stable")

    sig_x = _ex(lambda t: 1 / (1 + mpmath.exp(-t)))
    sp_x = _ex(lambda t: max(t, 0) + mpmath.log1p(mpmath.exp(-abs(t))))
    l0_x = _ex(lambda t: mpmath.log1p(mpmath.exp(-abs(t))) + max(t, 0))
    l1_x = _ex(lambda t: mpmath.log1p(mpmath.exp(-abs(t))) + (max(t, 0) - t))

    def _diffs(lib, ex):
        out = []
        for zi, a, b in zip(z, lib, ex):
            if a != b:
                ulps = abs(a - b) / np.spacing(b) if b != 0 else float("inf")
                out.append("z = %g: %.17g vs exact %.17g (%s)"
                           % (zi, a, b, "%.0f ulp" % ulps if np.isfinite(ulps) else "exact is not 0"))
        return "; ".join(out) if out else "all equal to the exact values"

    for name, lib, ex, call in (
            ("sigmoid", sig, sig_x, "scipy.special.expit(z)"),
            ("softplus", sp, sp_x, "numpy.logaddexp(0, z)"),
            ("loss_y0", l0, l0_x, "sklearn._loss.loss.HalfBinomialLoss().loss(y_true=numpy.zeros(10), raw_prediction=z)"),
            ("loss_y1", l1, l1_x, "sklearn._loss.loss.HalfBinomialLoss().loss(y_true=numpy.ones(10), raw_prediction=z)")):
        assert np.all(np.isfinite(lib)), name
        d = _diffs(lib, ex)
        g.comment("%s vs exact: %s." % (name, d))
        g.vector("stable." + name, lib, call)
        g.vector("stable.%s_exact" % name, ex, "mpmath %s at 60 digits, rounded to nearest" %
                 {"sigmoid": "1 / (1 + exp(-z))", "softplus": "max(z, 0) + log1p(exp(-|z|))",
                  "loss_y0": "log1p(exp(-|z|)) + max(z, 0)",
                  "loss_y1": "log1p(exp(-|z|)) + max(z, 0) - z"}[name])
        report.append("logreg stable.%s: %s" % (name, d))
    g.comment("sklearn's loss at z = 40, y = 1 is 0 (it computes log1p(e^z) = z for z > 33.3, then z - y z);\n"
              "the exact value 4.248e-18 = e^-40 needs the form log1p(e^-|z|) + (max(z, 0) - y z). At 1e300 all four\n"
              "library calls are finite and exact.")


# ---------------------------------------------------------------- 2. binary objective

def _grad(g, report):
    rng = np.random.RandomState(GRAD_SEED)
    X = rng.normal(size=(12, 3))
    z = 0.3 + X @ np.array([0.8, -0.6, 0.4])
    y = (rng.uniform(size=12) < scipy.special.expit(z)).astype(float)
    assert not _separable(X, y)
    D = X.shape[1]
    theta = np.array([0.3, -0.8, 0.5, 1.2])
    C = 0.5
    g.section("(LG.4)-(LG.6) for two classes on a small problem that is not separable (checked by a linear\n"
              "program): f, g, H of the SUM objective from sklearn's LinearModelLoss(HalfBinomialLoss(),\n"
              "fit_intercept=True) at theta (ours: [b, w]; sklearn's coef is [w, b], reordered here), with\n"
              "l2_reg_strength = 1/C (grad.f, .g, .H) and 0 (grad.f_none, .g_none, .H_none).")
    gen = "rng = numpy.random.RandomState(%d); X = rng.normal(size=(12, 3))" % GRAD_SEED
    g.matrix("grad.X", X, gen)
    g.vector("grad.y01", y, "(rng.uniform(size=12) < scipy.special.expit(0.3 + X @ [0.8, -0.6, 0.4])).astype(float)"
             "  # same rng, after X")
    g.vector("grad.theta", theta, "[b, w1, w2, w3], chosen")
    g.scalar("grad.C", C, "chosen; l2_reg_strength = 1.0 / C")
    loss = _bin_loss()
    perm = _perm_binary(D)
    c_sk = np.r_[theta[1:], theta[0]]
    A = np.column_stack([np.ones(12), X])
    p = scipy.special.expit(A @ theta)
    for suffix, inv_C in (("", 1.0 / C), ("_none", 0.0)):
        f, grad = loss.loss_gradient(c_sk, X, y, None, inv_C)
        grad2, H, warn = loss.gradient_hessian(c_sk, X, y, None, inv_C)
        assert not warn and np.abs(grad - grad2).max() <= 1e-14 * np.abs(grad).max(), np.abs(grad - grad2).max()
        pen = "l2_reg_strength=%s" % ("1.0 / C" if inv_C else "0.0")
        g.scalar("grad.f" + suffix, f, "LinearModelLoss(HalfBinomialLoss(), fit_intercept=True).loss_gradient("
                 "[w, b], X, y01, None, %s)[0]" % pen)
        g.vector("grad.g" + suffix, grad[perm], "LinearModelLoss(...).loss_gradient([w, b], X, y01, None, %s)[1]"
                 "[[3, 0, 1, 2]]  # -> [g_b, g_w]" % pen)
        g.matrix("grad.H" + suffix, H[np.ix_(perm, perm)], "LinearModelLoss(...).gradient_hessian([w, b], X, y01, "
                 "None, %s)[1][perm][:, perm], perm = [3, 0, 1, 2]" % pen)
        # self-check against (LG.4)-(LG.6)
        W = np.r_[0.0, theta[1:]]
        f_ = np.sum(np.logaddexp(0, A @ theta) - y * (A @ theta)) + inv_C * (W @ W) / 2
        g_ = A.T @ (p - y) + inv_C * W
        H_ = A.T @ ((p * (1 - p))[:, None] * A) + inv_C * np.diag(np.r_[0.0, np.ones(D)])
        assert abs(f_ - f) < 1e-13 * f and np.abs(g_ - grad[perm]).max() < 1e-13
        assert np.abs(H_ - H[np.ix_(perm, perm)]).max() < 1e-13
    report.append("logreg grad: 12 x 3, %d ones; f %.10g, f_none %.10g; (LG.4)-(LG.6) by hand agree to 1e-13"
                  % (int(y.sum()), loss.loss(c_sk, X, y, None, 1 / C), loss.loss(c_sk, X, y, None, 0.0)))


# ---------------------------------------------------------------- 3. softmax objective

def _softgrad(g, report):
    rng = np.random.RandomState(SOFT_SEED)
    X = rng.normal(size=(15, 2))
    y = rng.randint(0, 3, size=15).astype(float)
    K, D = 3, 2
    Theta = np.array([[0.2, 0.5, -1.0], [-0.4, 1.5, 0.3], [0.1, -0.7, 0.8]])
    C = 0.25
    g.section("(LG.11)-(LG.13) for K = 3 classes: f, G (K x (D+1), intercept first column) and the full\n"
              "P x P Hessian, P = K (D+1) = 9, parameters in OUR order (Theta's rows one after another). sklearn's\n"
              "LinearModelLoss(HalfMultinomialLoss(n_classes=3)) takes coef K x (D+1) with the intercept LAST,\n"
              "raveled in Fortran order (index j*K + k); H is built column by column from gradient_hessian_product's\n"
              "hessp on unit vectors e_i in sklearn's order, then both indices are permuted to ours:\n"
              "ours k*(D+1) + 0 <- sklearn D*K + k (intercept), ours k*(D+1) + 1 + j <- sklearn j*K + k.")
    g.matrix("softgrad.X", X, "rng = numpy.random.RandomState(%d); X = rng.normal(size=(15, 2))" % SOFT_SEED)
    g.vector("softgrad.y", y, "rng.randint(0, 3, size=15)  # same rng, after X; labels 0..K-1")
    g.matrix("softgrad.Theta", Theta, "chosen; row k = [b_k, w_k1, w_k2] (NOT centred over classes)")
    g.scalar("softgrad.C", C, "chosen; l2_reg_strength = 1.0 / C")
    loss = _multi_loss(K)
    coef_sk = np.column_stack([Theta[:, 1:], Theta[:, 0]])  # K x (D+1), intercept last
    flat = coef_sk.ravel(order="F")
    f, grad = loss.loss_gradient(flat, X, y, None, 1.0 / C)
    Gsk = grad.reshape((K, D + 1), order="F")
    G = np.column_stack([Gsk[:, -1], Gsk[:, :-1]])
    H = _multi_hessian(loss, flat, X, y, 1.0 / C)
    perm = _perm_multi(K, D)
    Hours = H[np.ix_(perm, perm)]
    assert np.abs(Hours - Hours.T).max() < 1e-13
    assert np.array_equal(G.ravel(), grad[perm])
    g.scalar("softgrad.f", f, "LinearModelLoss(HalfMultinomialLoss(n_classes=3), fit_intercept=True).loss_gradient("
             "coef.ravel(order='F'), X, y, None, 1.0 / C)[0]  # coef = [W, b]")
    g.matrix("softgrad.G", G, "loss_gradient(...)[1].reshape((3, 3), order='F'), intercept column moved first")
    g.matrix("softgrad.H", Hours, "numpy.column_stack([hessp(e) for e in numpy.eye(9)])[perm][:, perm], hessp = "
             "LinearModelLoss(...).gradient_hessian_product(coef.ravel(order='F'), X, y, None, 1.0 / C)[1]")
    # self-check against (LG.11)-(LG.13)
    A = np.column_stack([np.ones(15), X])
    Z = A @ Theta.T
    P = scipy.special.softmax(Z, axis=1)
    Y = np.eye(K)[y.astype(int)]
    Wpen = Theta[:, 1:]
    f_ = np.sum(scipy.special.logsumexp(Z, axis=1) - np.sum(Y * Z, axis=1)) + (Wpen ** 2).sum() / (2 * C)
    G_ = (P - Y).T @ A + np.column_stack([np.zeros(K), Wpen / C])
    H_ = np.zeros((K * (D + 1), K * (D + 1)))
    for k in range(K):
        for l in range(K):
            w = P[:, k] * ((k == l) - P[:, l])
            H_[k * (D + 1):(k + 1) * (D + 1), l * (D + 1):(l + 1) * (D + 1)] = A.T @ (w[:, None] * A)
    H_ += np.diag(np.tile(np.r_[0.0, np.ones(D)], K)) / C
    assert abs(f_ - f) < 1e-13 * f and np.abs(G_ - G).max() < 1e-13 and np.abs(H_ - Hours).max() < 1e-13
    report.append("logreg softgrad: 15 x 2, class counts %s; f %.10g; (LG.11)-(LG.13) by hand agree to 1e-13; "
                  "H symmetric to %s" % (np.bincount(y.astype(int)).tolist(), f, _g(np.abs(Hours - Hours.T).max())))


# ---------------------------------------------------------------- 4. worked example

def _worked(g, report):
    x = np.array([-2.0, -1.0, 0.0, 1.0, 2.0, 3.0])
    y = np.array([0.0, 0.0, 1.0, 0.0, 1.0, 1.0])
    A = np.column_stack([np.ones(6), x])

    def fgh(th):
        z = A @ th
        p = scipy.special.expit(z)
        f = np.sum(np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z)
        return f, A.T @ (p - y), A.T @ ((p * (1 - p))[:, None] * A), p

    g.section("Worked example of the derivation, penalty none (1/C = 0): the C++ Newton replayed in numpy.\n"
              "  theta_0 = 0 (theta = [b, w]); at each iterate: z = A theta (A = [1 x]), p = expit(z),\n"
              "  f = sum(max(z, 0) + log1p(exp(-|z|)) - y z), g = A^T (p - y), H = A^T diag(p (1 - p)) A;\n"
              "  stop after the first iterate k >= 1 with max|g_k| <= 1e-4 AND max|theta_k - theta_{k-1}| <=\n"
              "  1e-8 (1 + max|theta_k|); otherwise s = -H^-1 g (scipy.linalg.cho_factor / cho_solve), t = 1, halve t\n"
              "  while f(theta + t s) > f(theta) + 1e-4 t g^T s (at most 60 halvings), theta += t s.\n"
              "worked.theta row k = theta_k, worked.f[k], worked.gmax[k] = max|g_k| per iterate; worked.t per step.")
    th = np.zeros(2)
    thetas, fs, gms, ts, margins = [th.copy()], [], [], [], []
    first = None
    moved = None
    for k in range(100):
        f, gr, H, p = fgh(th)
        fs.append(f)
        gms.append(np.abs(gr).max())
        if k >= 1 and gms[-1] <= 1e-4 and moved <= 1e-8 * (1 + np.abs(th).max()):
            break
        cf = scipy.linalg.cho_factor(H, lower=True)
        s = -scipy.linalg.cho_solve(cf, gr)
        if first is None:
            first = (p, gr, H, s)
        t = 1.0
        for _ in range(60):
            if not fgh(th + t * s)[0] > f + 1e-4 * t * (gr @ s):
                break
            t /= 2
        fnew = fgh(th + t * s)[0]
        margins.append((f + 1e-4 * t * (gr @ s) - fnew) / np.spacing(f))
        new = th + t * s
        moved = np.abs(new - th).max()
        th = new
        ts.append(t)
        thetas.append(th.copy())
    thetas = np.array(thetas)
    assert len(thetas) == len(fs)
    g.matrix("worked.X", x[:, None], "numpy.array([[-2], [-1], [0], [1], [2], [3]])")
    g.vector("worked.y", y, "numpy.array([0, 0, 1, 0, 1, 1])")
    g.matrix("worked.theta", thetas, "the loop above: theta_k, k = 0..%d (row k; column 0 = intercept)"
             % (len(thetas) - 1))
    g.vector("worked.f", fs, "f(theta_k), k = 0..%d" % (len(fs) - 1))
    g.vector("worked.gmax", gms, "numpy.abs(g(theta_k)).max(), k = 0..%d" % (len(gms) - 1))
    g.vector("worked.t", ts, "the line search's t for steps 1..%d" % len(ts))
    g.vector("worked.p0", first[0], "expit(A @ theta_0)  # first step")
    g.vector("worked.g0", first[1], "A.T @ (p0 - y)")
    g.matrix("worked.H0", first[2], "A.T @ ((p0 * (1 - p0))[:, None] * A)")
    g.vector("worked.s0", first[3], "-scipy.linalg.cho_solve(scipy.linalg.cho_factor(H0, lower=True), g0)")
    g.comment("Armijo margin per step, (f(theta) + 1e-4 t g^T s - f(theta + t s)) in units of ulp(f(theta)): %s.\n"
              "Where it is below ~1 the accepted t depends on the last bit of f: near the optimum the predicted\n"
              "decrease |g^T s| is far below ulp(f); the C++ line search (LG.8) then also accepts a trial whose f\n"
              "changed by rounding only (|df| <= 100 eps |f|) when it lowers sum_j |g_j|, so t = 1 holds either way."
              % ", ".join("%.3g" % m for m in margins))

    X = x[:, None]
    res = sm.Logit(y, sm.add_constant(X)).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    how = "statsmodels.api.Logit(y, statsmodels.api.add_constant(X)).fit(method='newton', tol=1e-12, maxiter=100, disp=0)"
    assert res.mle_retvals["converged"]
    g.vector("worked.sm.params", res.params, how + ".params  # [const, x]")
    g.vector("worked.sm.bse", res.bse, how + ".bse")
    g.scalar("worked.sm.llf", res.llf, how + ".llf  # = -f at the optimum")
    sk, _ = _fit(LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-12), X, y)
    d_sm = np.abs(thetas[-1] - res.params).max()
    d_sk = np.abs(thetas[-1] - np.r_[sk.intercept_, sk.coef_[0]]).max()
    g.comment("%d Newton steps; max|theta_last - statsmodels params| = %s, max|theta_last - sklearn "
              "LogisticRegression(penalty=None, solver='newton-cholesky', tol=1e-12)| = %s; statsmodels took %d iterations."
              % (len(ts), _g(d_sm), _g(d_sk), res.mle_retvals["iterations"]))
    assert d_sm < 1e-12 and d_sk < 1e-10 and abs(fs[-1] + res.llf) < 1e-13
    report.append("logreg worked: %d steps, t %s, gmax %s; theta %s; |theta - statsmodels| %s; Armijo margins (ulp) %s"
                  % (len(ts), ts, ", ".join(_g(v) for v in gms), thetas[-1].tolist(), _g(d_sm),
                     ", ".join("%.3g" % m for m in margins)))


# ---------------------------------------------------------------- 5. breast cancer

def _bc(g, report):
    data = load_breast_cancer()
    X = _zscore(data.data)
    y = data.target.astype(float)
    g.section("Breast cancer, 569 x 30, X z-scored (StandardScaler, ddof 0); y: 0 malignant, 1 benign, so\n"
              "coef_ is the log-odds of benign (classes_[1] = 1). For C in %s (tags C0.001, C1, C1000):\n"
              "bc.<tag>.coef (1 x 30), .intercept (1), .proba (predict_proba, 569 x 2), .n_iter."
              % (C_LIST,))
    g.matrix("bc.X", X, "sklearn.preprocessing.StandardScaler().fit_transform(sklearn.datasets.load_breast_cancer().data)")
    g.vector("bc.y", y, "sklearn.datasets.load_breast_cancer().target")
    for C in C_LIST:
        tag = "bc.%s" % _ctag(C)
        ref, lines = _binary_reference(X, y, C, tag, report)
        g.comment("\n".join(lines))
        call = REF_BIN % _cargs(C)
        g.matrix(tag + ".coef", ref.coef_, call + ".coef_")
        g.vector(tag + ".intercept", ref.intercept_, call + ".intercept_")
        g.matrix(tag + ".proba", ref.predict_proba(X), call + ".predict_proba(X)")
        g.scalar(tag + ".n_iter", _n_iter_default(X, y, C), NITER_NCG % _cargs(C))
    A = np.column_stack([np.ones(X.shape[0]), X])
    lam = np.linalg.eigvalsh(A.T @ A).max()
    g.scalar("bc.gd_L", lam / 4 + 1.0 / 1.0, "numpy.linalg.eigvalsh(A.T @ A).max() / 4 + 1 / C, C = 1, "
             "A = numpy.column_stack([numpy.ones(569), X])  # (LG.10)")
    report.append("logreg bc.gd_L: lambda_max %.10g, L %.10g" % (lam, lam / 4 + 1))


# ---------------------------------------------------------------- 6. breast-cancer audit subset

def _bca(g, report):
    data = load_breast_cancer()
    names = list(data.feature_names)
    idx = [names.index(f) for f in BCA_FEATURES]
    X = _zscore(data.data[:, idx])
    y = data.target.astype(float)
    assert not _separable(X, y)
    g.section("Audit subset of breast cancer: columns %s = %s, each z-scored (StandardScaler on these\n"
              "columns). Not separable (a linear program finds no strictly separating hyperplane), so the\n"
              "UNPENALISED fit has a finite maximum. statsmodels Logit with a constant first:\n"
              "params = [const, coef...]; bse = sqrt(diag(inv(X~^T W X~))), z statistics and NORMAL p-values,\n"
              "conf_int = params -/+ norm.ppf(0.975) bse." % (idx, ", ".join(BCA_FEATURES)))
    g.matrix("bca.X", X, "StandardScaler().fit_transform(load_breast_cancer().data[:, %s])" % idx)
    g.vector("bca.y", y, "sklearn.datasets.load_breast_cancer().target")
    A = sm.add_constant(X)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        res = sm.Logit(y, A).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    assert not w and res.mle_retvals["converged"], w
    how = "statsmodels.api.Logit(y, statsmodels.api.add_constant(X)).fit(method='newton', tol=1e-12, maxiter=100, disp=0)"
    g.comment("statsmodels %s: converged in %d Newton iterations, no warning; max|score| at the answer %s."
              % (statsmodels.__version__, res.mle_retvals["iterations"], _g(np.abs(res.mle_retvals["score"]).max())))
    g.vector("bca.sm.params", res.params, how + ".params")
    g.vector("bca.sm.bse", res.bse, how + ".bse")
    g.vector("bca.sm.tvalues", res.tvalues, how + ".tvalues  # params / bse (z statistics)")
    g.vector("bca.sm.pvalues", res.pvalues, how + ".pvalues  # 2 * scipy.stats.norm.sf(|z|)")
    g.matrix("bca.sm.conf_int", res.conf_int(alpha=0.05), how + ".conf_int(alpha=0.05)  # P x 2")
    g.scalar("bca.sm.llf", res.llf, how + ".llf")
    g.scalar("bca.sm.llnull", res.llnull, how + ".llnull  # intercept-only model")
    g.scalar("bca.sm.prsquared", res.prsquared, how + ".prsquared  # McFadden: 1 - llf / llnull")
    g.matrix("bca.sm.cov", res.cov_params(), how + ".cov_params()  # inv(X~^T W X~)")
    p = scipy.special.expit(A @ res.params)
    Hn = A.T @ ((p * (1 - p))[:, None] * A)
    cond = np.linalg.cond(Hn)
    g.scalar("bca.sm.hessian_cond", cond, "numpy.linalg.cond(A.T @ ((p * (1 - p))[:, None] * A)), A = "
             "add_constant(X), p = expit(A @ params)")
    # self-checks of the statsmodels definitions
    n = len(y)
    ybar = y.mean()
    ll0 = n * (ybar * np.log(ybar) + (1 - ybar) * np.log(1 - ybar))
    assert abs(res.llnull - ll0) < 1e-6 and res.llnull <= ll0
    g.comment("statsmodels' llnull is a numerical fit of the constant-only model (method='bfgs', its default\n"
              "tolerance), %s below the closed-form maximum N (ybar log ybar + (1 - ybar) log(1 - ybar)), ybar = mean(y);\n"
              "prsquared inherits it. The closed forms follow as bca.llnull_closed / bca.prsquared_closed."
              % _g(ll0 - res.llnull))
    g.scalar("bca.llnull_closed", ll0, "N * (ybar * numpy.log(ybar) + (1 - ybar) * numpy.log(1 - ybar)), ybar = y.mean()")
    g.scalar("bca.prsquared_closed", 1 - res.llf / ll0, "1 - llf / llnull_closed")
    assert abs(res.prsquared - (1 - res.llf / res.llnull)) < 1e-14
    assert np.abs(np.sqrt(np.diag(np.linalg.inv(Hn))) - res.bse).max() < 1e-10
    assert np.abs(2 * stats.norm.sf(np.abs(res.params / res.bse)) - res.pvalues).max() < 1e-14
    q = stats.norm.ppf(0.975)
    assert np.abs(np.column_stack([res.params - q * res.bse, res.params + q * res.bse])
                  - res.conf_int(alpha=0.05)).max() < 1e-12
    ref, lines = _binary_reference(X, y, None, "bca.sk_none", report)
    g.comment("\n".join(lines))
    d = np.abs(np.r_[ref.intercept_, ref.coef_[0]] - res.params).max()
    g.comment("max|sklearn penalty=None - statsmodels params| = %s." % _g(d))
    assert d < 1e-10
    call = REF_BIN % _cargs(None)
    g.matrix("bca.sk_none.coef", ref.coef_, call + ".coef_")
    g.vector("bca.sk_none.intercept", ref.intercept_, call + ".intercept_")
    report.append("logreg bca: statsmodels %d iterations, llf %.10g, prsquared %.6g, cond %.4g; |sklearn - sm| %s"
                  % (res.mle_retvals["iterations"], res.llf, res.prsquared, cond, _g(d)))


# ---------------------------------------------------------------- 7, 8. multinomial

def _multi_case(g, report, name, X, y, cases):
    for C in cases:
        tag = "%s.%s" % (name, "none" if C is None else _ctag(C))
        ref, lines = _multinomial_reference(X, y, C, tag, report)
        g.comment("\n".join(lines))
        call = REF_MULTI % _cargs(C)
        g.matrix(tag + ".coef", ref.coef_, call + ".coef_  # K x D")
        g.vector(tag + ".intercept", ref.intercept_, call + ".intercept_")
        g.matrix(tag + ".proba", ref.predict_proba(X), call + ".predict_proba(X)  # softmax")
        if C is not None:
            g.scalar(tag + ".n_iter", _n_iter_default(X, y, C), NITER_NCG % _cargs(C))


def _multinomial(g, report):
    g.section("Multinomial fits (multi_class='auto' is multinomial for K > 2). X z-scored; y the labels 0..K-1.\n"
              "<name>.C1.coef (K x D), .intercept (K), .proba (N x K), .n_iter.")
    for name, loader in (("iris", load_iris), ("wine", load_wine)):
        X0, y = loader(return_X_y=True)
        X = _zscore(X0)
        g.matrix(name + ".X", X, "StandardScaler().fit_transform(sklearn.datasets.load_%s(return_X_y=True)[0])" % name)
        g.vector(name + ".y", y, "sklearn.datasets.load_%s(return_X_y=True)[1]" % name)
        _multi_case(g, report, name, X, y, [1.0])

    mc = ("sklearn.datasets.make_classification(n_samples=300, n_features=4, n_informative=3, n_redundant=0, "
          "n_classes=3, n_clusters_per_class=1, flip_y=0.1, random_state=0)")
    X, y = make_classification(n_samples=300, n_features=4, n_informative=3, n_redundant=0, n_classes=3,
                               n_clusters_per_class=1, flip_y=0.1, random_state=0)
    sep = [_separable(X, (y == k).astype(float)) for k in range(3)]
    sep += [_separable(X[(y == a) | (y == b)], (y[(y == a) | (y == b)] == b).astype(float))
            for a, b in ((0, 1), (0, 2), (1, 2))]
    assert not any(sep)
    g.section("gen3: a generated 3-class problem, NOT separated (by linear programs: no class is strictly separable\n"
              "from the rest, nor from any other single class), and the unpenalised multinomial fit converges\n"
              "to a finite (centred) optimum (certificate below).\n"
              "X is used as generated (not z-scored). gen3.none.* penalty=None, gen3.C1.* C = 1: coef, intercept, proba.")
    g.matrix("gen3.X", X, mc + "[0]")
    g.vector("gen3.y", y, mc + "[1]")
    _multi_case(g, report, "gen3", X, y, [None, 1.0])


# ---------------------------------------------------------------- 9, 10. separation

def _statsmodels_behaviour(X, y):
    model = sm.Logit(y, sm.add_constant(X))
    calls = [0]
    hess = model.hessian

    def counting(params):
        calls[0] += 1
        return hess(params)

    model.hessian = counting
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            res = model.fit(method="newton", tol=1e-12, maxiter=100, disp=0)
            out = ("returns (no exception) after %d iterations, mle_retvals converged=%s; params %s, bse %s"
                   % (res.mle_retvals["iterations"], res.mle_retvals["converged"],
                      np.array2string(res.params, precision=6), np.array2string(res.bse, precision=6)))
        except Exception as e:  # noqa: BLE001  (what statsmodels raises is the point)
            out = "raises %s.%s('%s') in Newton iteration %d" % (type(e).__module__, type(e).__name__, e, calls[0])
    warns = sorted(set("%s('%s')" % (x.category.__name__, str(x.message)) for x in w))
    return out, warns


def _path(g, name, X, y, report):
    coefs, ints, notes = [], [], []
    for C in SEP_CS:
        ref, lines = _binary_reference(X, y, float(C), "%s C=%.6g" % (name, C), report)
        coefs.append(ref.coef_[0])
        ints.append(ref.intercept_[0])
        notes.extend(lines)
    g.comment("\n".join(notes))
    call = REF_BIN % "C=c"
    g.matrix(name + ".path.coef", coefs, call + ".coef_[0] for c in sep.Cs (row per C)")
    g.vector(name + ".path.intercept", ints, call + ".intercept_[0] for c in sep.Cs")
    return np.array(coefs)


def _separation(g, report):
    rng = np.random.RandomState(3)
    X = np.round(np.vstack([rng.normal(size=(10, 2)) + [-1.5, -1.0], rng.normal(size=(10, 2)) + [1.5, 1.0]]), 2)
    y = np.r_[np.zeros(10), np.ones(10)]
    assert _separable(X, y)
    out, warns = _statsmodels_behaviour(X, y)
    g.section("sep: a COMPLETELY separated set, 20 x 2 (a linear program finds a hyperplane with s_i (b + x_i^T w) >= 1).\n"
              "No finite unpenalised optimum; the L2 path grows without bound as C grows.\n"
              "statsmodels Logit(y, add_constant(X)).fit(method='newton', tol=1e-12, maxiter=100, disp=0) %s.\n"
              "Warnings on the way: %s." % (out, "; ".join(warns) if warns else "none"))
    rs = "rng = numpy.random.RandomState(3); "
    g.matrix("sep.X", X, rs + "numpy.round(numpy.vstack([rng.normal(size=(10, 2)) + [-1.5, -1.0], "
             "rng.normal(size=(10, 2)) + [1.5, 1.0]]), 2)")
    g.vector("sep.y", y, "numpy.r_[numpy.zeros(10), numpy.ones(10)]")
    g.vector("sep.Cs", SEP_CS, "numpy.logspace(-2, 4, 13)")
    coefs = _path(g, "sep", X, y, report)
    report.append("logreg sep: statsmodels %s; warnings %s; |w| at C=1e4 %.6g" % (out, warns, np.abs(coefs[-1]).max()))

    x1 = np.array([-2, -1.75, -1.5, -1, -0.5, -0.25, 0, 0, 0, 0, 0.25, 0.5, 1, 1.5, 1.75, 2])
    y = np.array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1.0])
    rng = np.random.RandomState(0)
    x2 = np.round(rng.normal(size=x1.size), 2)
    X = np.column_stack([x1, x2])
    assert not _separable(X, y)
    assert np.all(y[x1 < 0] == 0) and np.all(y[x1 > 0] == 1) and set(y[x1 == 0]) == {0.0, 1.0}
    out, warns = _statsmodels_behaviour(X, y)
    g.section("quasi: a QUASI-completely separated set, 16 x 2: x1 < 0 all class 0, x1 > 0 all class 1, and both\n"
              "classes at x1 = 0 (two rows each); x2 is noise. No strict separation (linear program infeasible), but\n"
              "the likelihood still has no finite maximum: w1 -> infinity (b and w2 fit the four x1 = 0 rows).\n"
              "statsmodels Logit(y, add_constant(X)).fit(method='newton', tol=1e-12, maxiter=100, disp=0) %s.\n"
              "Warnings: %s. No PerfectSeparationError: its check needs EVERY fitted value at its 0/1 label."
              % (out, "; ".join(warns) if warns else "none"))
    g.matrix("quasi.X", X, "numpy.column_stack([x1, numpy.round(numpy.random.RandomState(0).normal(size=16), 2)]), "
             "x1 = [-2, -1.75, -1.5, -1, -0.5, -0.25, 0, 0, 0, 0, 0.25, 0.5, 1, 1.5, 1.75, 2]")
    g.vector("quasi.y", y, "numpy.array([0]*8 + [1]*8)")
    coefs = _path(g, "quasi", X, y, report)
    report.append("logreg quasi: statsmodels %s; warnings %s; w at C=1e4 %s" % (out, warns, coefs[-1].tolist()))


# ---------------------------------------------------------------- 11. imbalanced

def _imbalanced(g, report):
    mc = ("sklearn.datasets.make_classification(n_samples=1000, n_features=2, n_informative=2, n_redundant=0, "
          "weights=[0.9, 0.1], flip_y=0.02, random_state=1)")
    X, y = make_classification(n_samples=1000, n_features=2, n_informative=2, n_redundant=0,
                               weights=[0.9, 0.1], flip_y=0.02, random_state=1)
    g.section("imb: an imbalanced binary set, %d of class 0 and %d of class 1; X as generated; C = 1."
              % (int((y == 0).sum()), int((y == 1).sum())))
    g.matrix("imb.X", X, mc + "[0]")
    g.vector("imb.y", y, mc + "[1]")
    ref, lines = _binary_reference(X, y, 1.0, "imb.C1", report)
    g.comment("\n".join(lines))
    call = REF_BIN % _cargs(1.0)
    g.matrix("imb.C1.coef", ref.coef_, call + ".coef_")
    g.vector("imb.C1.intercept", ref.intercept_, call + ".intercept_")
    g.matrix("imb.C1.proba", ref.predict_proba(X), call + ".predict_proba(X)")


def build_logreg(report):
    g = golden_writer.GoldenFile(
        "logreg.txt", "logreg",
        ["Data and results for the logistic-regression tests (algorithms/logistic_regression.hpp, LG.1-LG.16).",
         "Objective: f = sum_i loss_i + ||W||^2 / (2 C), a SUM over rows, intercepts unpenalised (penalty None:",
         "1/C = 0); two classes: one row, the log-odds of classes_[1]; K > 2: multinomial, all K rows penalised.",
         "Our parameter order: row m = [b_m, w_m1..w_mD], intercept FIRST, rows flattened class by class;",
         "sklearn's LinearModelLoss has the intercept LAST (multinomial: raveled in Fortran order), converted.",
         "Reference optima: two classes " + REF_BIN % "..." + ",",
         "K > 2 " + REF_MULTI % "..." + "; each certified by max|g| and the Newton",
         "step at the answer (comments). sklearn 1.2.1's newton-cg at tol=1e-12 stalls (its CG returns a zero",
         "direction once p^T H p <= 3 eps) and runs to max_iter; it is a cross-check only. n_iter entries are",
         "newton-cg's at sklearn's defaults (tol=1e-4: max_j |g_j| <= tol on the sum objective, as (LG.9)).",
         "Sections: stable.* (LG.3), grad.* (LG.4-6), softgrad.* (LG.11-13), worked.* (Newton replay),",
         "bc.* breast cancer C0.001/C1/C1000, bca.* audit subset with statsmodels, iris.* wine.* gen3.*",
         "multinomial, sep.* quasi.* separation paths, imb.* imbalanced."])
    _stable(g, report)
    _grad(g, report)
    _softgrad(g, report)
    _worked(g, report)
    _bc(g, report)
    _bca(g, report)
    _multinomial(g, report)
    _separation(g, report)
    _imbalanced(g, report)
    return g.text()

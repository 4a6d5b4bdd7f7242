# SPDX-License-Identifier: MIT
"""tests/golden/pca.txt: scipy / numpy / scikit-learn 1.2.1 / mpmath references for linalg/jacobi.hpp
(PC.7 to PC.9) and algorithms/pca.hpp (PC.1 to PC.16).

Sections:
  svd.*      scipy.linalg.svd(A, full_matrices=False) singular values of shaped test matrices; exactS the
             spectrum a matrix was BUILT with (A = Q1 diag(s) Q2^T, then rounded to doubles), S_exact
             the singular values of the STORED doubles by mpmath (these differ from exactS by ~eps ||A||)
  eig.*      symmetric matrices, numpy.linalg.eigvalsh (descending) and mpmath values_exact
  rot.*      (PC.7) rotations of 2 x 2 symmetric [[a, g], [g, b]] in mpmath, rounded to nearest
  pca.*      PCA(svd_solver="full") fits: iris, iris2, iris_white, wine, wine_z95, digits40 (+ digits.recon<K>),
             wide (8 x 20), nearpair; spectral gaps in comments
  eigloss.*  the covariance (eig) route losing the small components that the SVD keeps
  worked.*   the derivation's 4 x 2 worked example, every intermediate of one Jacobi sweep
  lstsq.*    LinearRegression (scipy.linalg.lstsq, gelsd) on rank-deficient designs: the minimum-norm answers

Random inputs: numpy.random.RandomState(seed), the seed in the call comment. Random orthogonal factors:
_orth(rng, m, k) = Q of numpy.linalg.qr(rng.standard_normal((m, k))) with the columns signed so that
diag(R) > 0.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import mpmath
import numpy as np
import scipy.linalg
from sklearn.datasets import load_digits, load_iris, load_wine
from sklearn.decomposition import PCA
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import StandardScaler

from golden_common import exact, nearest

EPS = np.finfo(float).eps
DIGITS_TRANSFORM_ROWS = 200
RECON_KS = (2, 5, 10, 20, 40)
ORTH = ("_orth(rng, m, k) = numpy.linalg.qr(rng.standard_normal((m, k)))[0] * numpy.sign(diag(R))"
        " (see the module docstring)")


def _orth(rng, m, k):
    Q, R = np.linalg.qr(rng.standard_normal((m, k)))
    return Q * np.sign(np.diag(R))


def _mp_matrix(A):
    return mpmath.matrix(np.asarray(A, dtype=float).tolist())


def _exact_svals(A):
    """Singular values of the stored doubles, descending, nearest doubles. A value below 1e-45 s_1 is
    an EXACT zero (an exact dependency among the stored columns): at 60 digits it comes out as noise
    ~1e-60 s_1, and is written as 0."""
    def fn(A):
        S = [abs(x) for x in mpmath.svd_r(_mp_matrix(A), compute_uv=False)]
        top = max(S) if len(S) else 0
        return sorted((0.0 if x <= top * mpmath.mpf(10) ** -45 else nearest(x) for x in S), reverse=True)
    return np.array(exact(fn, A, what="mpmath singular values"))


def _exact_eigvalsh(A):
    def fn(A):
        E = mpmath.eigsy(_mp_matrix(A), eigvals_only=True)
        return sorted((nearest(x) for x in E), reverse=True)
    return np.array(exact(fn, A, what="mpmath eigenvalues"))


def _gaps(S):
    """(s_k - s_{k+1}) / s_1 for k = 1..r-1 (S descending)."""
    S = np.asarray(S, dtype=float)
    if S.size < 2 or S[0] == 0:
        return np.array([])
    return (S[:-1] - S[1:]) / S[0]


def _gap_text(S):
    gp = _gaps(S)
    if gp.size == 0:
        return "no gaps (r = %d)" % len(S)
    return "gaps (s_k - s_{k+1}) / s_1, k = 1..%d: %s; min %.3e at k = %d" % (
        len(gp), " ".join("%.3e" % x for x in gp), gp.min(), int(np.argmin(gp)) + 1)


def _max_rel(a, b):
    a = np.atleast_1d(np.asarray(a, dtype=float))
    b = np.atleast_1d(np.asarray(b, dtype=float))
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), np.finfo(float).tiny)))


# ---------------------------------------------------------------- svd.*

def _svd_case(g, report, name, A, A_call, exactS=None, exactS_call=None):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    g.section("svd.%s: %d x %d." % (name, m, n))
    g.matrix("svd.%s.A" % name, A, A_call)
    S = scipy.linalg.svd(A, full_matrices=False, compute_uv=False)
    g.vector("svd.%s.S" % name, S, "scipy.linalg.svd(A, full_matrices=False)[1]  # descending, min(m, n) values")
    Se = _exact_svals(A)
    g.vector("svd.%s.S_exact" % name, Se,
             "mpmath.svd_r(A, compute_uv=False) at 60 digits (same at 80) on the stored doubles, nearest doubles "
             "(below 1e-45 s_1: an exact 0)")
    if exactS is not None:
        g.vector("svd.%s.exactS" % name, exactS, exactS_call)
    with np.errstate(divide="ignore", invalid="ignore"):
        cond = S[0] / S[-1]
    g.scalar("svd.%s.cond" % name, cond,
             "S[0] / S[-1]  # = numpy.linalg.cond(A) (2-norm); inf / nan when S[-1] = 0")
    err = np.abs(S - Se) / max(Se[0], np.finfo(float).tiny)
    with np.errstate(divide="ignore", invalid="ignore"):
        relv = np.where(Se > 0, np.abs(S - Se) / np.where(Se > 0, Se, 1.0), np.abs(S))
    g.comment("scipy vs S_exact: max |S - S_exact| / S_exact[0] = %.3e; per value |S - S_exact| / S_exact (|S|\n"
              "where S_exact = 0): %s\n%s" % (err.max(), " ".join("%.1e" % x for x in relv), _gap_text(Se)))
    report.append("svd.%s: S %s; max |S - S_exact| / S_1 %.3e; cond %.4g"
                  % (name, " ".join("%.6g" % x for x in S), err.max(), cond))


def _svd(g, report):
    rng = np.random.RandomState(101)
    _svd_case(g, report, "tall", rng.standard_normal((30, 5)),
              "numpy.random.RandomState(101).standard_normal((30, 5))")
    rng = np.random.RandomState(102)
    _svd_case(g, report, "wide", rng.standard_normal((4, 9)),
              "numpy.random.RandomState(102).standard_normal((4, 9))")

    def built(seed, m, n, s):
        rng = np.random.RandomState(seed)
        Q1 = _orth(rng, m, len(s))
        Q2 = _orth(rng, n, len(s))
        return (Q1 * np.asarray(s, dtype=float)) @ Q2.T

    def built_call(seed, m, n, s):
        return ("rng = numpy.random.RandomState(%d); Q1 = _orth(rng, %d, %d); Q2 = _orth(rng, %d, %d); "
                "A = (Q1 * s) @ Q2.T, s = %s" % (seed, m, len(s), n, len(s), list(s)))

    built_A = {}
    for name, seed, m, n, s in (
            ("rankdef", 103, 20, 6, (5.0, 2.0, 1.0, 0.0, 0.0, 0.0)),
            ("repeated", 104, 12, 4, (3.0, 3.0, 1.0, 1.0)),
            ("tiny", 105, 25, 5, (1.0, 1e-3, 1e-6, 1e-9, 1e-12)),
            ("graded", 106, 10, 10, tuple(10.0 ** -k for k in range(10)))):
        built_A[name] = built(seed, m, n, s)
        _svd_case(g, report, name, built_A[name], built_call(seed, m, n, s), s,
                  "the chosen s of the construction (the stored A rounds it: see S_exact)")
    _svd_case(g, report, "one", [[-3.5]], "[[-3.5]]", [3.5], "|a|")
    col = np.array([[3.0], [-1.0], [2.0], [0.5], [0.0], [-4.0], [1.0]])
    _svd_case(g, report, "col", col, "[[3], [-1], [2], [0.5], [0], [-4], [1]]  # 7 x 1",
              [float(np.sqrt(31.25))], "numpy.sqrt(31.25)  # ||a||_2, 31.25 = sum of squares")
    row = np.array([[1.0, -2.0, 2.0, 0.0, 4.0, -2.0]])
    _svd_case(g, report, "row", row, "[[1, -2, 2, 0, 4, -2]]  # 1 x 6", [float(np.sqrt(29.0))],
              "numpy.sqrt(29.0)  # ||a||_2, 29 = sum of squares")
    intm = np.array([[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0], [1.0, 1.0, 1.0]])
    _svd_case(g, report, "int", intm, "[[2, -1, 0], [-1, 2, -1], [0, -1, 2], [1, 1, 1]]  # 4 x 3 integers")
    _svd_case(g, report, "zeros", np.zeros((3, 3)), "numpy.zeros((3, 3))", [0.0, 0.0, 0.0], "all zero")
    return built_A


# ---------------------------------------------------------------- eig.*

def _eig_case(g, report, name, A, A_call):
    A = np.asarray(A, dtype=float)
    assert (A == A.T).all(), name
    g.section("eig.%s: %d x %d symmetric." % (name, A.shape[0], A.shape[1]))
    g.matrix("eig.%s.A" % name, A, A_call)
    ev = np.linalg.eigvalsh(A)[::-1]
    g.vector("eig.%s.values" % name, ev, "numpy.linalg.eigvalsh(A)[::-1]  # descending")
    ex = _exact_eigvalsh(A)
    g.vector("eig.%s.values_exact" % name, ex,
             "mpmath.eigsy(A, eigvals_only=True) at 60 digits (same at 80), stored doubles, descending")
    err = np.abs(ev - ex).max() / np.abs(ex).max()
    g.comment("max |values - values_exact| / max |values_exact| = %.3e" % err)
    report.append("eig.%s: values %s; max err / |lambda|_max %.3e" % (name, " ".join("%.6g" % x for x in ex), err))


def _sym(M):
    return (M + M.T) / 2.0


def _eig(g, report, tiny_A):
    rng = np.random.RandomState(201)
    M = rng.standard_normal((6, 6))
    _eig_case(g, report, "spd", _sym(M @ M.T + np.eye(6)),
              "M = numpy.random.RandomState(201).standard_normal((6, 6)); A = (B + B.T) / 2 with B = M @ M.T + eye(6)")
    rng = np.random.RandomState(202)
    Q = _orth(rng, 5, 5)
    _eig_case(g, report, "repeated", _sym((Q * [4.0, 2.0, 2.0, 2.0, 1.0]) @ Q.T),
              "Q = _orth(numpy.random.RandomState(202), 5, 5); B = (Q * [4, 2, 2, 2, 1]) @ Q.T; A = (B + B.T) / 2")
    rng = np.random.RandomState(203)
    Q = _orth(rng, 5, 5)
    _eig_case(g, report, "indefinite", _sym((Q * [3.0, 1.0, 0.25, -0.5, -2.0]) @ Q.T),
              "Q = _orth(numpy.random.RandomState(203), 5, 5); B = (Q * [3, 1, 0.25, -0.5, -2]) @ Q.T; "
              "A = (B + B.T) / 2")
    C = np.cov(tiny_A, rowvar=False)
    assert (C == C.T).all()
    _eig_case(g, report, "tinycov", C, "numpy.cov(A, rowvar=False)  # A = svd.tiny.A; = Ac.T @ Ac / (25 - 1)")


# ---------------------------------------------------------------- rot.*

ROT_CASES = (
    (1.0, 0.5, 2.0),
    (3.0, -1.0, 1.0),
    (2.0, 1.0, 2.0),        # a = b: zeta = 0, t = +1 (sign(0) = +1)
    (2.0, -1.0, 2.0),       # a = b, g < 0: zeta = -0, t = +1 by sign(0) = +1 (see the comment)
    (1.0, 1e-300, 2.0),     # |g| tiny: |zeta| ~ 5e299, zeta^2 overflows
    (1.0, 1e-180, 2.0),     # zeta ~ 5e179: zeta^2 overflows, the exact t = 1e-180 survives
    (1.0, 1e-9, 1.0 + 1e-15),
    (1.0, 1e300, 2.0),      # |g| huge: zeta ~ 5e-301
    (-1e200, 1e300, 3e250),
    (5.0, 1e-8, -5.0),
)


def _rot_exact(a, g, b):
    a, g, b = mpmath.mpf(a), mpmath.mpf(g), mpmath.mpf(b)
    zeta = (b - a) / (2 * g)
    sgn = 1 if zeta >= 0 else -1
    t = sgn / (abs(zeta) + mpmath.sqrt(1 + zeta * zeta))
    c = 1 / mpmath.sqrt(1 + t * t)
    s = c * t
    return [nearest(c), nearest(s), nearest(t), nearest(a - t * g), nearest(b + t * g)]


def _rot_offdiag_exact(a, g, b, c, s):
    a, g, b, c, s = (mpmath.mpf(x) for x in (a, g, b, c, s))
    return nearest((a - b) * c * s + g * (c * c - s * s))


def _rot(g, report):
    g.section(
        "rot.*: (PC.7) for [[a, g], [g, b]] (rows of rot.cases = a, g, b):\n"
        "  zeta = (b - a) / (2 g), t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)), c = 1 / sqrt(1 + t^2), s = c t\n"
        "with sign(zeta) = +1 for zeta = 0 (also for -0, see case 4). J = [c s; -s c]; the off-diagonal of\n"
        "J^T A J = [c -s; s c] A [c s; -s c] is (a - b) c s + g (c^2 - s^2). Every rot.* value is exact\n"
        "(mpmath at 60 digits, same at 80), rounded to nearest. rot.offdiag: that off-diagonal, exact, with the\n"
        "ROUNDED c and s; rot.offdiag_double: the same formula evaluated in doubles left to right,\n"
        "(a - b) * c * s + g * (c * c - s * s). rot.diag: the exact diagonal after the rotation, a - t g and\n"
        "b + t g (the eigenvalues). Cases 5, 6 (|g| = 1e-300, 1e-180): zeta^2 overflows in doubles, so the\n"
        "formula as written gives t = 0 where the exact t ~ 1 / (2 zeta) = g / (b - a) = 1e-300, 1e-180 (both\n"
        "normal doubles); the lost rotation leaves an off-diagonal of |g|, negligible beside |a|, |b|.\n"
        "Case 4 (a = b, g = -1): the double zeta is -0.0; rot.* take sign(-0) = +1 (t = 1, s = c); an\n"
        "implementation with copysign gets t = -1, s = -c, which zeroes the entry equally (t^2 = 1).")
    cases = np.array(ROT_CASES, dtype=float)
    g.matrix("rot.cases", cases, "rows (a, g, b), chosen")
    rows = [exact(_rot_exact, *r, what="rotation") for r in ROT_CASES]
    c = np.array([r[0] for r in rows])
    s = np.array([r[1] for r in rows])
    t = np.array([r[2] for r in rows])
    diag = np.array([[r[3], r[4]] for r in rows])
    g.vector("rot.c", c, "c = 1 / sqrt(1 + t^2), exact (mpmath), nearest double")
    g.vector("rot.s", s, "s = c t, exact (mpmath), nearest double")
    g.vector("rot.t", t, "t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)), exact (mpmath), nearest double")
    off = np.array([exact(_rot_offdiag_exact, a, gg, b, cc, ss, what="offdiag")
                    for (a, gg, b), cc, ss in zip(ROT_CASES, c, s)])
    g.vector("rot.offdiag", off, "(a - b) c s + g (c^2 - s^2) exact (mpmath) with the rounded rot.c, rot.s")
    with np.errstate(over="ignore", invalid="ignore"):
        offd = np.array([(a - b) * cc * ss + gg * (cc * cc - ss * ss)
                         for (a, gg, b), cc, ss in zip(ROT_CASES, c, s)])
    g.vector("rot.offdiag_double", offd, "(a - b) * c * s + g * (c * c - s * s) in doubles, rounded c, s")
    g.matrix("rot.diag", diag, "rows (a - t g, b + t g), exact (mpmath) with the exact t, nearest doubles")
    # what the double formula itself gives (for the report only)
    naive = []
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for a, gg, b in ROT_CASES:
            z = (b - a) / (2 * gg)
            tt = (1.0 if z >= 0 else -1.0) / (abs(z) + np.sqrt(1 + z * z))
            naive.append(tt)
    scale = np.maximum(np.abs(cases).max(axis=1), np.finfo(float).tiny)
    g.comment("|rot.offdiag| / max(|a|, |g|, |b|) per case: %s"
              % " ".join("%.2e" % x for x in np.abs(off) / scale))
    report.append("rot: t exact %s; t by the double formula %s; |offdiag| / scale %s"
                  % (" ".join("%.3g" % x for x in t), " ".join("%.3g" % x for x in naive),
                     " ".join("%.1e" % x for x in np.abs(off) / scale)))


# ---------------------------------------------------------------- pca.*

def _flip_ties(U):
    """Columns of U whose largest |entry| is attained more than once (or within 1e-12 relative)."""
    out = []
    for k in range(U.shape[1]):
        a = np.abs(U[:, k])
        top = a.max()
        close = np.sum(a >= top * (1 - 1e-12))
        if close > 1:
            out.append(k)
    return out


def _flip_tie_text(U):
    """One line per near-tied column: the rows, their values, and which one argmax picked."""
    lines = []
    for k in _flip_ties(U):
        a = np.abs(U[:, k])
        rows = np.nonzero(a >= a.max() * (1 - 1e-12))[0]
        pick = int(np.argmax(a))
        lines.append("U column %d: rows %s hold %s; argmax picks row %d -> sign %+d%s"
                     % (k, rows.tolist(), ", ".join("%.17g" % U[i, k] for i in rows), pick,
                        int(np.sign(U[pick, k])),
                        "" if len(set(np.sign(U[rows, k]))) == 1 else
                        " (the tied entries have OPPOSITE signs: the sign is decided by rounding)"))
    return lines


def _pca_case(g, report, name, X, X_call, kw, kw_text, export_X=True, transform_rows=None,
              extra_comment=None):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    pca = PCA(svd_solver="full", **kw).fit(X)
    call = "sklearn.decomposition.PCA(%s).fit(X)" % kw_text
    p = "pca." + name
    g.section("%s: X %d x %d, %s" % (p, n, d, call))
    if export_X:
        g.matrix(p + ".X", X, X_call)
    else:
        g.comment("X = %s" % X_call)
    Xc = X - X.mean(axis=0)
    U, S, Vt = scipy.linalg.svd(Xc, full_matrices=False)
    ties = _flip_ties(U)
    g.comment("full spectrum (all r = %d singular values of Xc): %s" % (len(S), _gap_text(S)))
    K = pca.n_components_
    if K < len(S):
        gp = _gaps(S)
        g.comment("kept K = %d; min gap among the kept and the first dropped (k = 1..K): %.3e"
                  % (K, gp[:K].min()))
    seps = []
    for k in range(K):
        srt = np.sort(np.abs(U[:, k]))[::-1]
        seps.append((srt[0] - srt[1]) / srt[0] if srt.size > 1 else 1.0)
    g.comment("svd_flip margin: min over the kept columns k of (top |U[:, k]| - second) / top = %.3e (column %d)"
              % (min(seps), int(np.argmin(seps))))
    if ties:
        g.comment("svd_flip near-ties (largest |U entry| attained twice to 1e-12 relative), scipy's U:\n"
                  + "\n".join(_flip_tie_text(U)))
    if extra_comment:
        g.comment(extra_comment)
    g.vector(p + ".mean", pca.mean_, call + ".mean_")
    g.matrix(p + ".components", pca.components_,
             call + ".components_  # K x D, rows signed by svd_flip(U, Vt) (u_based_decision=True)")
    g.vector(p + ".explained_variance", pca.explained_variance_, call + ".explained_variance_  # S^2 / (N - 1)")
    g.vector(p + ".explained_variance_ratio", pca.explained_variance_ratio_,
             call + ".explained_variance_ratio_  # / the sum over all r")
    g.vector(p + ".singular_values", pca.singular_values_, call + ".singular_values_")
    g.scalar(p + ".noise_variance", pca.noise_variance_,
             call + ".noise_variance_  # mean of the dropped explained variances, 0 if none dropped")
    g.scalar(p + ".n_components", pca.n_components_, call + ".n_components_")
    Z = pca.transform(X)
    if transform_rows is None:
        g.matrix(p + ".transform", Z, call + ".transform(X)  # N x K")
    else:
        g.matrix(p + ".transform", Z[:transform_rows],
                 call + ".transform(X)[:%d]  # ONLY the first %d rows (file size)" % (transform_rows, transform_rows))
    # self-checks: our reading of sklearn
    Uf, Vf = U.copy(), Vt.copy()
    idx = np.argmax(np.abs(Uf), axis=0)
    sg = np.sign(Uf[idx, range(Uf.shape[1])])
    Vf *= sg[:, None]
    assert (Vf[:K] == pca.components_).all(), name
    assert (S[:K] == pca.singular_values_).all(), name
    report.append("%s: K %d, %s, noise_variance %.6g, ratio sum %.10g%s"
                  % (p, K, _gap_text(S), pca.noise_variance_, pca.explained_variance_ratio_.sum(),
                     "; svd_flip near-ties %s" % ties if ties else ""))
    return pca


def _pca(g, report):
    g.section(
        "pca.*: sklearn.decomposition.PCA(svd_solver='full') fits (_fit_full): mean_ = X.mean(axis=0),\n"
        "U, S, Vt = scipy.linalg.svd(X - mean_, full_matrices=False), svd_flip(U, Vt) (each column of U signed\n"
        "so its largest |entry|, the first on ties, is positive; Vt's rows alike), explained_variance_ =\n"
        "S^2 / (N - 1), ratio over the sum of all r = min(N, D), n_components a fraction f: K =\n"
        "searchsorted(cumsum(ratio), f, side='right') + 1; noise_variance_ = mean(explained_variance[K:]) if\n"
        "K < r else 0; transform = (X - mean_) @ components_.T (/ sqrt(explained_variance_) if whiten).\n"
        "Spectral gaps (s_k - s_{k+1}) / s_1 from the full scipy spectrum of Xc are in each case's comments:\n"
        "component k (and column k of transform) is determined entry by entry only when the gaps on both\n"
        "sides of k are well above eps (its angle error is ~ eps / gap); for a small gap compare the subspace.")
    iris = load_iris().data
    IRIS = "sklearn.datasets.load_iris().data"
    _pca_case(g, report, "iris", iris, IRIS, {}, "svd_solver='full'")
    _pca_case(g, report, "iris2", iris, IRIS, {"n_components": 2}, "n_components=2, svd_solver='full'")
    pw = _pca_case(g, report, "iris_white", iris, IRIS, {"whiten": True}, "whiten=True, svd_solver='full'")
    g.matrix("pca.iris_white.inverse", pw.inverse_transform(pw.transform(iris[:5])),
             "pca.inverse_transform(pca.transform(X[:5]))  # pca = PCA(whiten=True, svd_solver='full').fit(X); "
             "Z sqrt(explained_variance_)[:, None] * components_ + mean_")

    wine = load_wine().data
    _pca_case(g, report, "wine", wine, "sklearn.datasets.load_wine().data  # unscaled", {},
              "n_components=None, svd_solver='full'")
    wz = StandardScaler().fit_transform(wine)
    p95 = _pca_case(g, report, "wine_z95", wz,
                    "sklearn.preprocessing.StandardScaler().fit_transform(sklearn.datasets.load_wine().data)",
                    {"n_components": 0.95}, "n_components=0.95, svd_solver='full'")
    full = PCA(svd_solver="full").fit(wz)
    cs = np.cumsum(full.explained_variance_ratio_)
    g.comment("wine_z95: cumulative ratios %s; K = searchsorted(side='right') + 1 = %d"
              % (" ".join("%.6f" % x for x in cs), p95.n_components_))
    g.vector("pca.wine_z95.ratio_cumsum", full.explained_variance_ratio_.cumsum(),
             "PCA(svd_solver='full').fit(X).explained_variance_ratio_.cumsum()  # all 13; "
             "sklearn uses stable_cumsum (float64 np.cumsum, checked)")

    digits = load_digits().data
    DIG = "sklearn.datasets.load_digits().data  # 1797 x 64, integers 0..16"
    g.section("pca.digits.X: %s; used by pca.digits40.* and pca.digits.recon<K>." % DIG)
    g.matrix("pca.digits.X", digits, DIG)
    _pca_case(g, report, "digits40", digits, "pca.digits.X", {"n_components": 40},
              "n_components=40, svd_solver='full'", export_X=False, transform_rows=DIGITS_TRANSFORM_ROWS)
    g.comment("pca.digits.recon<K>: the first 10 rows of X reconstructed from K components, for the study's figure.")
    for K in RECON_KS:
        pk = PCA(n_components=K, svd_solver="full").fit(digits)
        R = pk.inverse_transform(pk.transform(digits[:10]))
        g.matrix("pca.digits.recon%d" % K, R,
                 "pca.inverse_transform(pca.transform(X[:10]))  # pca = PCA(n_components=%d, svd_solver='full')"
                 ".fit(X), X = pca.digits.X" % K)
        report.append("pca.digits.recon%d: rms error on 10 rows %.6g" % (K, np.sqrt(np.mean((R - digits[:10]) ** 2))))

    rng = np.random.RandomState(301)
    wide = rng.standard_normal((8, 20))
    _pca_case(g, report, "wide", wide, "numpy.random.RandomState(301).standard_normal((8, 20))", {},
              "n_components=None, svd_solver='full'",
              extra_comment="N < D: Xc has rank N - 1 = 7, so s_8 is rounding noise (~1e-15) and component 8 is an\n"
                            "ARBITRARY unit vector orthogonal to the first 7 (LAPACK's choice): do not compare row 8 of\n"
                            "components or column 8 of transform; explained_variance[7] and ratio[7] are noise ~1e-30.")

    # near-repeated pair
    rng = np.random.RandomState(302)
    N, D = 60, 5
    s = np.array([10.0, 4.0 * (1 + 1e-6), 4.0, 1.0, 0.5])
    # make the columns orthogonal to the ones vector: U's first column from a QR that starts with ones
    M = np.column_stack([np.ones(N), rng.standard_normal((N, D))])
    Q, R = np.linalg.qr(M)
    U = (Q * np.sign(np.diag(R)))[:, 1:]
    V = _orth(rng, D, D)
    Xn = (U * s) @ V.T + np.array([1.0, -2.0, 3.0, 0.5, 0.0])
    call = ("rng = numpy.random.RandomState(302); M = numpy.column_stack([numpy.ones(60), "
            "rng.standard_normal((60, 5))]); Q, R = qr(M); U = (Q * sign(diag(R)))[:, 1:]; V = _orth(rng, 5, 5); "
            "X = (U * s) @ V.T + [1, -2, 3, 0.5, 0], s = [10, 4 (1 + 1e-6), 4, 1, 0.5]")
    pn = _pca_case(g, report, "nearpair", Xn, call, {}, "svd_solver='full'",
                   extra_comment="built so: singular values of Xc = s (to rounding), the pair 2, 3 apart by 4e-6\n"
                                 "(relative gap 4e-7): components 2 and 3 are fixed only as a plane; compare\n"
                                 "pca.nearpair.pair_projector = V2 V2^T (V2 = components[1:3].T) and the built V's plane.")
    g.vector("pca.nearpair.exactS", s, "the chosen s of the construction (Xc rounds it)")
    V2 = pn.components_[1:3].T
    g.matrix("pca.nearpair.pair_projector", V2 @ V2.T, "V2 @ V2.T, V2 = components_[1:3].T  # D x D, sign-free")
    Vb = V[:, 1:3]
    g.matrix("pca.nearpair.built_projector", Vb @ Vb.T, "Vb @ Vb.T, Vb = V[:, 1:3] of the construction")
    report.append("pca.nearpair: |sklearn pair projector - built| max %.3e"
                  % np.abs(V2 @ V2.T - Vb @ Vb.T).max())


# ---------------------------------------------------------------- eigloss.*

def _eigloss(g, report):
    rng = np.random.RandomState(401)
    N = 50
    s = np.array([1.0, 1e-4, 1e-8])
    M = np.column_stack([np.ones(N), rng.standard_normal((N, 3))])
    Q, R = np.linalg.qr(M)
    U = (Q * np.sign(np.diag(R)))[:, 1:]
    V = _orth(rng, 3, 3)
    X = (U * s) @ V.T
    g.section(
        "eigloss.*: the covariance route squares the condition number (PC.11). X = U diag(1, 1e-4, 1e-8) V^T,\n"
        "U (50 x 3) orthonormal columns orthogonal to the ones vector (so X is centred up to rounding), V\n"
        "orthogonal; Xc = X - X.mean(axis=0); C = Xc.T @ Xc / (N - 1). The variances s^2 / 49 span 1e-16: the\n"
        "smallest is below C's rounding (eps * 1/49), so eigh(C) gets it wrong (possibly negative) while the\n"
        "SVD of Xc keeps ~eps relative accuracy in every singular value (it sees 1e-8 against 1, not 1e-16).")
    g.matrix("eigloss.X", X,
             "rng = numpy.random.RandomState(401); M = column_stack([ones(50), rng.standard_normal((50, 3))]); "
             "Q, R = qr(M); U = (Q * sign(diag(R)))[:, 1:]; V = _orth(rng, 3, 3); X = (U * [1, 1e-4, 1e-8]) @ V.T")
    g.vector("eigloss.exactS", s, "the chosen s of the construction")
    Xc = X - X.mean(axis=0)
    Se = _exact_svals(Xc)
    g.vector("eigloss.S_exact", Se, "mpmath singular values of the stored doubles Xc = X - X.mean(axis=0)")
    S = scipy.linalg.svd(Xc, full_matrices=False, compute_uv=False)
    g.vector("eigloss.S", S, "scipy.linalg.svd(Xc, full_matrices=False)[1]")
    C = Xc.T @ Xc / (N - 1)
    g.matrix("eigloss.C", C, "Xc.T @ Xc / (N - 1)  # N = 50")
    ev = np.linalg.eigh(C)[0][::-1]
    g.vector("eigloss.eig_values", ev, "numpy.linalg.eigh(C)[0][::-1]  # descending")
    evx = np.array([exact(lambda x: nearest(mpmath.mpf(x) ** 2 / (N - 1)), v, what="var") for v in Se])
    g.vector("eigloss.variance_exact", evx, "S_exact^2 / (N - 1), exact, nearest doubles")
    Cx = _exact_eigvalsh(C)
    g.vector("eigloss.C_values_exact", Cx,
             "mpmath eigenvalues of the stored C (the rounded matrix), descending: what eig could at best reach")
    rel_svd = np.abs(S - Se) / Se
    rel_eig = np.abs(ev - evx) / evx
    g.comment("relative errors vs the exact variances: SVD route (S^2 / 49 vs S_exact) %s; eig route %s"
              % (" ".join("%.2e" % x for x in rel_svd), " ".join("%.2e" % x for x in rel_eig)))
    report.append("eigloss: S rel err %s; eig values %s vs exact %s (rel err %s)"
                  % (" ".join("%.1e" % x for x in rel_svd), " ".join("%.3e" % x for x in ev),
                     " ".join("%.3e" % x for x in evx), " ".join("%.1e" % x for x in rel_eig)))


# ---------------------------------------------------------------- worked.*

def _worked(g, report):
    X = np.array([[2.0, 0.0], [0.0, 1.0], [3.0, 1.0], [1.0, 2.0]])
    g.section(
        "worked.*: the derivation's example X = [[2, 0], [0, 1], [3, 1], [1, 2]] (4 x 2). mean (1.5, 1),\n"
        "Xc = X - mean, C = Xc^T Xc / 3 = [[5/3, -1/3], [-1/3, 2/3]], eigenvalues (7 +- sqrt(13)) / 6,\n"
        "singular values of Xc sqrt(3 lambda) = sqrt((7 +- sqrt(13)) / 2).")
    g.matrix("worked.X", X, "[[2, 0], [0, 1], [3, 1], [1, 2]]")
    mean = X.mean(axis=0)
    Xc = X - mean
    C = Xc.T @ Xc / 3
    g.vector("worked.mean", mean, "X.mean(axis=0)")
    g.matrix("worked.Xc", Xc, "X - X.mean(axis=0)  # exact")
    g.matrix("worked.C", C, "Xc.T @ Xc / 3  # [[5/3, -1/3], [-1/3, 2/3]] rounded")

    def eig_exact():
        r13 = mpmath.sqrt(13)
        lam = [(7 + r13) / 6, (7 - r13) / 6]
        Cm = mpmath.matrix([[mpmath.mpf(5) / 3, mpmath.mpf(-1) / 3], [mpmath.mpf(-1) / 3, mpmath.mpf(2) / 3]])
        vecs = []
        for l in lam:
            # (C - l I) v = 0: v = (1/3, 5/3 - l) up to scale (first row: (5/3 - l) v1 - v2 / 3 = 0)
            v = [Cm[0, 1], l - Cm[0, 0]]
            v = [-x for x in v]
            nrm = mpmath.sqrt(v[0] ** 2 + v[1] ** 2)
            v = [x / nrm for x in v]
            k = 0 if abs(v[0]) >= abs(v[1]) else 1
            if v[k] < 0:
                v = [-x for x in v]
            vecs.append(v)
        S = [mpmath.sqrt(3 * l) for l in lam]
        return ([nearest(l) for l in lam], [[nearest(vecs[0][i]), nearest(vecs[1][i])] for i in range(2)],
                [nearest(x) for x in S])
    lam, vecs, Sx = exact(eig_exact, what="worked eigen")
    g.vector("worked.C_values_exact", lam, "(7 + sqrt(13)) / 6, (7 - sqrt(13)) / 6, exact (mpmath), nearest")
    g.matrix("worked.C_vectors_exact", vecs,
             "column k = the unit eigenvector of C_values_exact[k], exact (mpmath), signed so its largest |entry| > 0")
    g.vector("worked.S_exact", Sx, "sqrt(3 lambda_k) = sqrt((7 +- sqrt(13)) / 2), exact, nearest")
    U, S, Vt = scipy.linalg.svd(Xc, full_matrices=False)
    g.matrix("worked.svd.U", U, "scipy.linalg.svd(Xc, full_matrices=False)[0]  # LAPACK's signs, before svd_flip")
    g.vector("worked.svd.S", S, "scipy.linalg.svd(Xc, full_matrices=False)[1]")
    g.matrix("worked.svd.Vt", Vt, "scipy.linalg.svd(Xc, full_matrices=False)[2]  # LAPACK's signs, before svd_flip")
    pca = PCA(svd_solver="full").fit(X)
    call = "sklearn.decomposition.PCA(svd_solver='full').fit(X)"
    g.matrix("worked.pca.components", pca.components_, call + ".components_  # after svd_flip")
    g.vector("worked.pca.explained_variance", pca.explained_variance_, call + ".explained_variance_")
    g.vector("worked.pca.explained_variance_ratio", pca.explained_variance_ratio_,
             call + ".explained_variance_ratio_")
    g.vector("worked.pca.singular_values", pca.singular_values_, call + ".singular_values_")
    g.matrix("worked.pca.transform", pca.transform(X), call + ".transform(X)")
    g.comment("svd_flip TIES: Xc's rows come in opposite pairs (row 3 = -row 0, row 2 = -row 1), so every column\n"
              "of U has u[3] = -u[0], u[2] = -u[1] exactly, and its largest |entry| is attained twice with\n"
              "OPPOSITE signs. sklearn's argmax takes the first maximum of the COMPUTED |U|, so the signs of\n"
              "components_ (and transform's columns) are decided by LAPACK's last-bit rounding:\n"
              + "\n".join(_flip_tie_text(U)) + "\n"
              "A test should compare the worked example's components and transform up to the sign of each\n"
              "component (or reproduce sklearn's pick only if our U rounds the same way).")
    report.append("worked svd_flip ties: " + " | ".join(_flip_tie_text(U)))

    # one sweep of jacobi_svd (PC.9) on Xc, replicated in doubles; dot products summed over rows in order
    g.section(
        "worked.sweep1.*: sweep 1 of jacobi_svd (PC.9) on A = Xc (one pair, p = 0, q = 1), in doubles, every\n"
        "dot product summed over rows i = 0..3 in order (exact here: the entries are multiples of 1/2):\n"
        "  alpha = a_p^T a_p, beta = a_q^T a_q, gamma = a_p^T a_q; (PC.7) on [[alpha, gamma], [gamma, beta]]:\n"
        "  zeta = (beta - alpha) / (2 gamma), t = sign(zeta) / (|zeta| + sqrt(1 + zeta * zeta)),\n"
        "  c = 1 / sqrt(1 + t * t), s = c * t; then A <- A J, J = [c s; -s c]:\n"
        "  a_p' = c * a_p - s * a_q, a_q' = s * a_p + c * a_q (entry by entry), V = J.\n"
        "sweep1.gram = [[a_p'^T a_p', a_p'^T a_q'], [.., a_q'^T a_q']] in doubles (off-diagonal ~ rounding);\n"
        "sigma = (||a_p'||, ||a_q'||) = sqrt of the diagonal of gram, already descending here.\n"
        "c_exact, s_exact: the rotation of the exact 2 x 2 Gram matrix in mpmath (it is exact in doubles).")

    def dot(x, y):
        acc = 0.0
        for a, b in zip(x.tolist(), y.tolist()):
            acc += a * b
        return acc
    ap, aq = Xc[:, 0].copy(), Xc[:, 1].copy()
    alpha, beta, gamma = dot(ap, ap), dot(aq, aq), dot(ap, aq)
    zeta = (beta - alpha) / (2.0 * gamma)
    t = (1.0 if zeta >= 0 else -1.0) / (abs(zeta) + np.sqrt(1.0 + zeta * zeta))
    c = 1.0 / np.sqrt(1.0 + t * t)
    s = c * t
    ap1 = c * ap - s * aq
    aq1 = s * ap + c * aq
    A1 = np.column_stack([ap1, aq1])
    gram = np.array([[dot(ap1, ap1), dot(ap1, aq1)], [dot(aq1, ap1), dot(aq1, aq1)]])
    sigma = np.sqrt(np.diag(gram))
    for nm, v, cl in (("alpha", alpha, "a_p^T a_p = 5"), ("beta", beta, "a_q^T a_q = 2"),
                      ("gamma", gamma, "a_p^T a_q = -1"), ("zeta", zeta, "(beta - alpha) / (2 gamma) = 1.5"),
                      ("t", t, "sign(zeta) / (|zeta| + sqrt(1 + zeta * zeta))  # = 1 / (1.5 + sqrt(3.25))"),
                      ("c", c, "1 / sqrt(1 + t * t)"), ("s", s, "c * t")):
        g.scalar("worked.sweep1." + nm, v, cl + "  # doubles")
    ce, se = exact(lambda: _rot_exact(5.0, -1.0, 2.0)[:2], what="worked rotation")
    g.scalar("worked.sweep1.c_exact", ce, "exact c for [[5, -1], [-1, 2]] (mpmath), nearest")
    g.scalar("worked.sweep1.s_exact", se, "exact s for [[5, -1], [-1, 2]] (mpmath), nearest")
    g.matrix("worked.sweep1.A", A1, "columns a_p' = c * a_p - s * a_q, a_q' = s * a_p + c * a_q  # doubles")
    g.matrix("worked.sweep1.gram", gram, "Gram matrix of sweep1.A, dot products in row order  # doubles")
    g.vector("worked.sweep1.sigma", sigma, "sqrt(diag(sweep1.gram))  # the singular values after one sweep")
    g.matrix("worked.sweep1.V", [[c, s], [-s, c]], "J = [c s; -s c]")
    tol = 4 * EPS
    ratio = abs(gram[0, 1]) / (sigma[0] * sigma[1])
    g.comment("after sweep 1: |a_p'^T a_q'| / (||a_p'|| ||a_q'||) = %.3e vs tol = m eps = %.3e (%s)"
              % (ratio, tol, "converged: sweep 2 rotates nothing" if ratio <= tol else "sweep 2 rotates again"))
    report.append("worked: c %.17g s %.17g (exact %.17g %.17g); sigma %s vs S %s; off-diag ratio %.2e"
                  % (c, s, ce, se, sigma, S, ratio))


# ---------------------------------------------------------------- lstsq.*

def _lstsq_case(g, report, name, X, y, X_call, y_call, note):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    p = "lstsq." + name
    g.section("%s: X %d x %d. %s" % (p, X.shape[0], X.shape[1], note))
    g.matrix(p + ".X", X, X_call)
    g.vector(p + ".y", y, y_call)
    for tag, fi in (("", True), (".noint", False)):
        lr = LinearRegression(fit_intercept=fi).fit(X, y)
        call = "sklearn.linear_model.LinearRegression(%s).fit(X, y)" % ("" if fi else "fit_intercept=False")
        g.vector(p + tag + ".coef", lr.coef_, call + ".coef_")
        g.scalar(p + tag + ".intercept", lr.intercept_, call + ".intercept_")
        g.scalar(p + tag + ".rank", lr.rank_, call + ".rank_  # singular values > eps * singular_[0]")
        g.vector(p + tag + ".singular", lr.singular_,
                 call + ".singular_  # gelsd's singular values of the %s X, descending"
                 % ("centred" if fi else "uncentred"))
        sv = lr.singular_
        Xm = X - X.mean(axis=0) if fi else X
        assert not fi or (Xm == X - np.average(X, axis=0)).all()
        svx = _exact_svals(Xm)
        g.vector(p + tag + ".singular_exact", svx,
                 "mpmath singular values of the stored %s (nearest doubles; 0 = an exact dependency): the true s_i / s_1"
                 % ("X - X.mean(axis=0)" if fi else "X"))
        thr = EPS * sv[0]
        g.comment("%s: threshold eps * s_1 = %.3e; gelsd s_i / s_1 = %s -> rank_ %d; exact s_i / s_1 = %s"
                  % ("fit_intercept" if fi else "no intercept", thr,
                     " ".join("%.3e" % (x / sv[0]) if sv[0] > 0 else "0" for x in sv), lr.rank_,
                     " ".join("%.3e" % (x / svx[0]) if svx[0] > 0 else "0" for x in svx)))
        # the minimum-norm solution by an explicit pseudo-inverse with the same cutoff, as a self-check
        ym = y - y.mean() if fi else y
        w = np.linalg.pinv(Xm, rcond=EPS) @ ym
        dev = np.abs(w - lr.coef_).max() / max(np.abs(lr.coef_).max(), 1e-300)
        report.append("%s%s: rank %d of %d, s/s1 %s, coef max %.4g, |pinv - sklearn| rel %.1e"
                      % (p, tag, lr.rank_, min(X.shape), " ".join("%.2e" % (x / sv[0]) if sv[0] > 0 else "0"
                                                                   for x in sv),
                         np.abs(lr.coef_).max(), dev))


def _lstsq(g, report):
    g.section(
        "lstsq.*: LinearRegression().fit (sklearn 1.2.1 _base.py): X, y centred (X - X.mean(axis=0), y - y.mean())\n"
        "when fit_intercept, then coef_, _, rank_, singular_ = scipy.linalg.lstsq(X, y) with the defaults:\n"
        "lapack_driver='gelsd', cond=None -> cond = numpy.finfo(float64).eps = 2.220446049250313e-16, passed to\n"
        "LAPACK dgelsd as RCOND: singular values s_i <= RCOND * s_1 are treated as zero, the answer is the\n"
        "MINIMUM-NORM least-squares solution of the remaining rank (rank_ = how many s_i > eps s_1);\n"
        "intercept_ = y.mean() - X.mean(axis=0) @ coef_ (0.0 without fit_intercept). singular_ are gelsd's\n"
        "(bidiagonal divide and conquer), of the centred X when fit_intercept. Each case: .coef .intercept .rank\n"
        ".singular with fit_intercept=True, .noint.* with fit_intercept=False.")
    _lstsq_case(g, report, "one", [[1.0, 2.0, 3.0]], [4.0], "[[1, 2, 3]]", "[4]",
                "One sample: centred X is all zero (rank 0, coef 0, intercept = y); without intercept the\n"
                "minimum-norm coef is x y / ||x||^2 = [4, 8, 12] / 14.")
    rng = np.random.RandomState(501)
    X = rng.standard_normal((5, 12))
    y = rng.standard_normal(5)
    _lstsq_case(g, report, "wide", X, y, "rng = numpy.random.RandomState(501); X = rng.standard_normal((5, 12))",
                "y = rng.standard_normal(5) (after X)",
                "N < D: centred rank N - 1 = 4 (the 5th singular value is rounding noise), uncentred rank 5;\n"
                "both fits interpolate y.")
    rng = np.random.RandomState(502)
    X = rng.standard_normal((30, 4))
    X[:, 3] = X[:, 1]
    y = X[:, 0] - 2 * X[:, 1] + 0.5 * X[:, 2] + 0.1 * rng.standard_normal(30) + 1.0
    _lstsq_case(g, report, "dupcol", X, y,
                "rng = numpy.random.RandomState(502); X = rng.standard_normal((30, 4)); X[:, 3] = X[:, 1]  # 0-based",
                "X[:, 0] - 2 X[:, 1] + 0.5 X[:, 2] + 0.1 rng.standard_normal(30) + 1",
                "Column 3 = column 1 (0-based) exactly, also after centring: the minimum-norm answer splits the\n"
                "coefficient of the pair equally (coef[1] = coef[3]).")
    rng = np.random.RandomState(503)
    R = rng.standard_normal((2, 3))
    X = np.vstack([R] * 4)
    y = rng.standard_normal(8)
    _lstsq_case(g, report, "stacked", X, y,
                "R = numpy.random.RandomState(503).standard_normal((2, 3)); X = numpy.vstack([R] * 4)  # 8 x 3",
                "rng.standard_normal(8) (same rng, after R)",
                "Two distinct rows, each 4 times: uncentred rank 2, centred rank 1; the fit reaches the mean of\n"
                "y over each row's copies.")
    rng = np.random.RandomState(504)
    cat = rng.randint(0, 3, size=40)
    onehot = (cat[:, None] == np.arange(3)[None, :]).astype(float)
    num = rng.standard_normal((40, 2))
    X = np.column_stack([onehot, num])
    y = np.array([1.0, -1.0, 0.5])[cat] + num @ np.array([2.0, -0.5]) + 0.1 * rng.standard_normal(40)
    _lstsq_case(g, report, "onehot", X, y,
                "rng = numpy.random.RandomState(504); cat = rng.randint(0, 3, size=40); X = [one-hot(cat) (3 cols), "
                "rng.standard_normal((40, 2))]",
                "[1, -1, 0.5][cat] + num @ [2, -0.5] + 0.1 rng.standard_normal(40)",
                "The dummy trap: the 3 one-hot columns sum to 1, so with an intercept (centred) rank is 4 of 5\n"
                "and the minimum-norm answer has one-hot coefficients summing to 0; without intercept rank 5.")
    rng = np.random.RandomState(505)
    X = rng.standard_normal((25, 4))
    X[:, 3] = X[:, 0] + X[:, 2]
    y = X[:, 0] + 2 * X[:, 1] - X[:, 2] + 0.1 * rng.standard_normal(25)
    _lstsq_case(g, report, "sumcol", X, y,
                "rng = numpy.random.RandomState(505); X = rng.standard_normal((25, 4)); X[:, 3] = X[:, 0] + X[:, 2]",
                "X[:, 0] + 2 X[:, 1] - X[:, 2] + 0.1 rng.standard_normal(25)",
                "Column 3 = column 0 + column 2, each sum ROUNDED: the dependency holds only to ~eps, so the\n"
                "smallest singular value is rounding-sized; whether it falls below eps * s_1 decides rank_.")


def build_pca(report):
    g = golden_writer.GoldenFile(
        "pca.txt", "pca",
        ["References for linalg/jacobi.hpp (PC.7-PC.9) and algorithms/pca.hpp (PC.1-PC.16).",
         "svd.*   scipy.linalg.svd singular values (S), mpmath S_exact of the stored A, exactS of the construction,",
         "        cond; cases tall 30x5, wide 4x9, rankdef 20x6 (rank 3), repeated 12x4, tiny 25x5, graded 10x10,",
         "        one 1x1, col 7x1, row 1x6, int 4x3, zeros 3x3",
         "eig.*   numpy.linalg.eigvalsh (descending) and mpmath values_exact: spd, repeated, indefinite, tinycov",
         "rot.*   (PC.7) exact rotations of [[a, g], [g, b]]",
         "pca.*   sklearn PCA(svd_solver='full'): iris, iris2, iris_white, wine, wine_z95, digits40 (X as",
         "        pca.digits.X, transform first %d rows), digits.recon{2,5,10,20,40}, wide 8x20, nearpair"
         % DIGITS_TRANSFORM_ROWS,
         "eigloss.*  the eig route on C = Xc^T Xc / (N - 1) against the SVD route",
         "worked.*   the 4 x 2 worked example, one Jacobi sweep replicated in doubles",
         "lstsq.*    LinearRegression (gelsd, cond = eps) on rank-deficient designs, with and without intercept",
         "Random orthogonal factors: _orth(rng, m, k) = Q of numpy.linalg.qr(rng.standard_normal((m, k))),",
         "columns signed so diag(R) > 0. mpmath references at 60 digits, checked at 80, rounded to nearest."])
    built_A = _svd(g, report)
    _eig(g, report, built_A["tiny"])
    _rot(g, report)
    _pca(g, report)
    _eigloss(g, report)
    _worked(g, report)
    _lstsq(g, report)
    return g.text()

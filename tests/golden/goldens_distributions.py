# SPDX-License-Identifier: MIT
"""tests/golden/distributions.txt: inputs and scipy results for the incomplete beta function and the
Student t and F distributions (algorithms/distributions.cpp, tags LR.30 to LR.34).

Every grid is a rectangle written as flat vectors (inputs beside outputs, element by element).
Beside each scipy value there is an "*_exact" entry: the same quantity from mpmath at 60 significant
digits on the stored doubles (each input converted exactly with mpmath.mpf(float)), rounded to the
nearest double, and recomputed at 80 digits as a self-check (the exporter stops if the two roundings
differ). scipy 1.10.1's betainc and f.sf go through cephes incbet, whose log-gamma prefactor loses
~1e-12 for parameters near 1000, so the exact values are what shows the C++ code's own error.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import golden_common
import mpmath
import numpy as np
import scipy
import scipy.special
import scipy.stats
from golden_common import DPS, DPS_CHECK

BETA_AB = [0.5, 1.0, 2.5, 10.0, 100.0, 1000.0]
BETA_X = [1e-10, 0.01, 0.3, 0.5, 0.7, 0.99, 1.0 - 1e-10]
BETA_P = [1e-10, 0.01, 0.3, 0.5, 0.7, 0.99, 1.0 - 1e-10]
T_NU = [1.0, 2.0, 2.5, 3.0, 5.0, 10.0, 30.0, 100.0, 432.0, 1e4, 1e6]
T_T = [-40.0, -25.0, -10.0, -5.0, -3.0, -2.0, -1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5,
       3.0, 5.0, 7.5, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0]
T_Q = [1e-10, 0.0005, 0.025, 0.1, 0.5, 0.9, 0.95, 0.975, 0.995, 0.9995, 1.0 - 1e-10]
F_D = [(1.0, 10.0), (5.0, 100.0), (10.0, 431.0), (3.0, 7.0)]
F_F = [0.0, 0.01, 0.1, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0, 100.0, 300.0, 1000.0]


# ---------------------------------------------------------------- mpmath references

def _exact(fn, *args):
    """fn on the stored doubles args (each converted exactly to mpmath), as golden_common.exact."""
    return golden_common.exact(lambda: golden_common.nearest(fn(*[mpmath.mpf(float(v)) for v in args])),
                               what="mpmath reference %s%r" % (fn.__name__, args))


def _ibeta(a, b, x):
    return mpmath.betainc(a, b, 0, x, regularized=True)


def _ibeta_inverse_small(a, b, p, start):
    """The z in (0, 1/2] with I_z(a, b) = p (known to lie there): Newton on log z from start,
    inside a bracket that shrinks with every evaluation; a step leaving it (or a start outside
    (0, 1/2], as scipy's betaincinv gives for a few arguments) is replaced by the bracket's
    geometric midpoint."""
    log_b = mpmath.log(mpmath.beta(a, b))
    lo, hi = mpmath.mpf(10) ** -400, mpmath.mpf(1) / 2
    z = start if lo < start <= hi else mpmath.sqrt(lo * hi)
    for _ in range(400):
        g = _ibeta(a, b, z)
        if g < p:
            lo = z
        else:
            hi = z
        slope = mpmath.exp(a * mpmath.log(z) + (b - 1) * mpmath.log1p(-z) - log_b) / g  # d log I / d log z
        step = mpmath.log(g / p) / slope
        if abs(step) < mpmath.mpf(10) ** (-mpmath.mp.dps + 5):
            return z * mpmath.exp(-step)
        z = z * mpmath.exp(-step)
        if not lo < z < hi:
            z = mpmath.sqrt(lo * hi)
    raise RuntimeError("mpmath Newton for I^-1(%s, %s; %s) did not converge" % (a, b, p))


def _ibeta_inverse_pair(a, b, p, start):
    """(x, y = 1 - x) with I_x(a, b) = p, solving for the smaller of x and y; start is scipy's x."""
    if p <= _ibeta(a, b, mpmath.mpf(1) / 2):
        x = _ibeta_inverse_small(a, b, p, mpmath.mpf(start))
        return x, 1 - x
    y = _ibeta_inverse_small(b, a, 1 - p, 1 - mpmath.mpf(start))
    return 1 - y, y


def _exact_betaincinv(a, b, p, start):
    return _ibeta_inverse_pair(a, b, p, start)[0]


def _t_two_sided(t, nu):
    return _ibeta(nu / 2, mpmath.mpf(1) / 2, nu / (nu + t * t))


def _exact_t_sf(t, nu):
    p = _t_two_sided(t, nu) / 2
    return p if t >= 0 else 1 - p


def _exact_t_cdf(t, nu):
    return _exact_t_sf(-t, nu)


def _exact_t_ppf(q, nu, start):
    # t = sqrt(nu y / x) where I_x(nu/2, 1/2) = 2 min(q, 1 - q); start is scipy's t
    half = mpmath.mpf(1) / 2
    if q == half:
        return mpmath.mpf(0)
    t0 = mpmath.mpf(start)
    x, y = _ibeta_inverse_pair(nu / 2, half, 2 * min(q, 1 - q), nu / (nu + t0 * t0))
    t = mpmath.sqrt(nu * y / x)
    return t if q > half else -t


def _exact_f_sf(f, d1, d2):
    return _ibeta(d2 / 2, d1 / 2, d2 / (d2 + d1 * f))


def _exact_f_cdf(f, d1, d2):
    return _ibeta(d1 / 2, d2 / 2, d1 * f / (d2 + d1 * f))


# ---------------------------------------------------------------- sections

def _grid(*axes):
    """Every combination, the last axis varying fastest, as one flat array per axis."""
    mesh = np.meshgrid(*[np.asarray(a, dtype=np.float64) for a in axes], indexing="ij")
    return [m.ravel() for m in mesh]


def _grid_inputs(g, key, names, columns, label=None):
    """One vector KEY.NAME per grid axis, each under the note that says how the grid is laid out."""
    note = "%s = every combination of the lists above, %s fastest" % (label or ", ".join(names), names[-1])
    for name, column in zip(names, columns):
        g.vector("%s.%s" % (key, name), column, note)


def _max_rel(values, exact):
    """'max rel |scipy - exact| ...' over the nonzero exact values, and how many exceed 1e-5."""
    rel = [abs(v - e) / abs(e) for v, e in zip(values, exact) if e != 0.0]
    far = sum(1 for r in rel if r > 1e-5)
    return "%.3e%s" % (max(rel), " (%d points beyond 1e-5)" % far if far else "")


def _betainc(g, report):
    g.section("Regularised incomplete beta I_x(a, b) on a grid: a, b in %s, x in %s\n"
              "(x varies fastest, then b, then a). Values below the double range are 0."
              % (BETA_AB, BETA_X))
    a, b, x = _grid(BETA_AB, BETA_AB, BETA_X)
    _grid_inputs(g, "betainc", ["a", "b", "x"], [a, b, x])
    value = scipy.special.betainc(a, b, x)
    g.vector("betainc.value", value, "scipy.special.betainc(a, b, x)  # scipy %s, cephes incbet" % scipy.__version__)
    exact = [_exact(_ibeta, *args) for args in zip(a, b, x)]
    g.vector("betainc.exact", exact,
             "mpmath.betainc(a, b, 0, x, regularized=True)  # mpmath %s, mp.dps=%d, rounded to nearest double"
             % (mpmath.__version__, DPS))
    report.append("betainc: max rel |scipy - exact| %s" % _max_rel(value, exact))


def _betaincinv(g, report):
    g.section("Inverse of I_x(a, b) in x: a, b in %s, p in %s (p fastest, then b, then a)."
              % (BETA_AB, BETA_P))
    a, b, p = _grid(BETA_AB, BETA_AB, BETA_P)
    _grid_inputs(g, "betaincinv", ["a", "b", "p"], [a, b, p])
    value = scipy.special.betaincinv(a, b, p)
    g.vector("betaincinv.value", value, "scipy.special.betaincinv(a, b, p)  # scipy %s, cephes incbi"
             % scipy.__version__)
    exact = [_exact(_exact_betaincinv, *args) for args in zip(a, b, p, value)]
    g.vector("betaincinv.exact", exact,
             "x with mpmath.betainc(a, b, 0, x, regularized=True) = p by Newton in the smaller of x, 1 - x  "
             "# mpmath %s, mp.dps=%d, rounded to nearest double" % (mpmath.__version__, DPS))
    report.append("betaincinv: max rel |scipy - exact| %s" % _max_rel(value, exact))


def _student_t(g, report):
    g.section("Student t: nu in %s, t in %s (t fastest).\n"
              "Exact: P(T > t) = I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 for t >= 0, 1 minus that for t < 0."
              % (T_NU, T_T))
    nu, t = _grid(T_NU, T_T)
    _grid_inputs(g, "t", ["nu", "t"], [nu, t])
    cdf = scipy.stats.t.cdf(t, nu)
    sf = scipy.stats.t.sf(t, nu)
    g.vector("t.cdf", cdf, "scipy.stats.t.cdf(t, nu)  # scipy %s, special.stdtr (cdflib cdft)" % scipy.__version__)
    g.vector("t.sf", sf, "scipy.stats.t.sf(t, nu)  # scipy %s, special.stdtr(nu, -t)" % scipy.__version__)
    cdf_exact = [_exact(_exact_t_cdf, *args) for args in zip(t, nu)]
    sf_exact = [_exact(_exact_t_sf, *args) for args in zip(t, nu)]
    g.vector("t.cdf_exact", cdf_exact, "mpmath: 1 - I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 for t >= 0, else I / 2  "
             "# mpmath %s, mp.dps=%d, rounded to nearest double" % (mpmath.__version__, DPS))
    g.vector("t.sf_exact", sf_exact, "mpmath: I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 for t >= 0, else 1 - I / 2  "
             "# mpmath %s, mp.dps=%d, rounded to nearest double" % (mpmath.__version__, DPS))
    report.append("t: max rel |scipy - exact| cdf %s, sf %s"
                  % (_max_rel(cdf, cdf_exact), _max_rel(sf, sf_exact)))

    g.section("Student t quantiles: nu in %s, q in %s (q fastest)." % (T_NU, T_Q))
    nu, q = _grid(T_NU, T_Q)
    _grid_inputs(g, "tppf", ["nu", "q"], [nu, q])
    value = scipy.stats.t.ppf(q, nu)
    g.vector("tppf.value", value, "scipy.stats.t.ppf(q, nu)  # scipy %s, special.stdtrit (cdflib cdft)"
             % scipy.__version__)
    exact = [_exact(_exact_t_ppf, *args) for args in zip(q, nu, value)]
    g.vector("tppf.exact", exact, "mpmath: t = sqrt(nu y / x) with I_x(nu/2, 1/2) = 2 min(q, 1 - q), y = 1 - x, "
             "sign of q - 1/2  # mpmath %s, mp.dps=%d, rounded to nearest double" % (mpmath.__version__, DPS))
    report.append("t.ppf: max rel |scipy - exact| %s" % _max_rel(value, exact))


def _f(g, report):
    g.section("F distribution: (d1, d2) in %s, f in %s (f fastest)." % (F_D, F_F))
    pairs, f = _grid(range(len(F_D)), F_F)
    d1 = np.array([F_D[int(i)][0] for i in pairs])
    d2 = np.array([F_D[int(i)][1] for i in pairs])
    _grid_inputs(g, "f", ["d1", "d2", "f"], [d1, d2, f], label="(d1, d2), f")
    sf = scipy.stats.f.sf(f, d1, d2)
    cdf = scipy.stats.f.cdf(f, d1, d2)
    g.vector("f.sf", sf, "scipy.stats.f.sf(f, d1, d2)  # scipy %s, special.fdtrc (cephes incbet)" % scipy.__version__)
    g.vector("f.cdf", cdf, "scipy.stats.f.cdf(f, d1, d2)  # scipy %s, special.fdtr (cephes incbet)" % scipy.__version__)
    sf_exact = [_exact(_exact_f_sf, *args) for args in zip(f, d1, d2)]
    cdf_exact = [_exact(_exact_f_cdf, *args) for args in zip(f, d1, d2)]
    g.vector("f.sf_exact", sf_exact, "mpmath: I_{d2/(d2+d1 f)}(d2/2, d1/2)  # mpmath %s, mp.dps=%d, rounded to "
             "nearest double" % (mpmath.__version__, DPS))
    g.vector("f.cdf_exact", cdf_exact, "mpmath: I_{d1 f/(d2+d1 f)}(d1/2, d2/2)  # mpmath %s, mp.dps=%d, rounded "
             "to nearest double" % (mpmath.__version__, DPS))
    report.append("f: max rel |scipy - exact| sf %s, cdf %s"
                  % (_max_rel(sf, sf_exact), _max_rel(cdf, cdf_exact)))


def build_distributions(report):
    g = golden_writer.GoldenFile(
        "distributions.txt", "distributions",
        ["Inputs and scipy results for the incomplete beta function and the t and F distributions; *_exact",
         "entries are mpmath references at %d digits on the stored doubles (checked at %d), rounded to nearest."
         % (DPS, DPS_CHECK)])
    _betainc(g, report)
    _betaincinv(g, report)
    _student_t(g, report)
    _f(g, report)
    return g.text()

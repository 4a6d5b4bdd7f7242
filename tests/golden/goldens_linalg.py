# SPDX-License-Identifier: MIT
"""tests/golden/linalg.txt: inputs and numpy/scipy results for the linear-algebra tests.

Every input matrix is exported, so the C++ tests never regenerate data. Random inputs come from
numpy.random.RandomState(seed); the seed is in the call comment. The "*_exact" entries are
mpmath references at 60 significant digits, computed on the stored doubles (each converted
exactly with mpmath.mpf(float)), rounded to the nearest double, and recomputed at 80 digits
as a self-check (the exporter stops if the two roundings differ).
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import mpmath
import numpy as np
import scipy.linalg
from golden_common import DPS, DPS_CHECK, exact, nearest


# ---------------------------------------------------------------- mpmath helpers

def _mp_matrix(A):
    """The stored doubles as an mpmath matrix, each entry converted exactly."""
    return mpmath.matrix([[mpmath.mpf(float(v)) for v in row] for row in np.asarray(A).tolist()])


def _mp_vector(b):
    return mpmath.matrix([mpmath.mpf(float(v)) for v in np.asarray(b).tolist()])


def _exact_eigvalsh(A):
    E = mpmath.eigsy(_mp_matrix(A), eigvals_only=True)
    return [nearest(e) for e in sorted(E[i] for i in range(E.rows))]


def _exact_cond_spd(A):
    E = mpmath.eigsy(_mp_matrix(A), eigvals_only=True)
    E = sorted(E[i] for i in range(E.rows))
    if E[0] <= 0:
        raise RuntimeError("stored matrix is not positive definite in exact arithmetic")
    return nearest(E[-1] / E[0])


def _exact_solve(A, b):
    x = mpmath.lu_solve(_mp_matrix(A), _mp_vector(b))
    return [nearest(x[i]) for i in range(x.rows)]


def _exact_logabsdet(A):
    d = mpmath.det(_mp_matrix(A))
    if d <= 0:
        raise RuntimeError("stored matrix has det <= 0 in exact arithmetic")
    return nearest(mpmath.log(d))


def _exact_lstsq(A, b):
    # normal equations (A^T A) x = A^T b; fine at 60 digits for cond(A)^2 far below 1e40
    M = _mp_matrix(A)
    v = _mp_vector(b)
    x = mpmath.lu_solve(M.T * M, M.T * v)
    return [nearest(x[i]) for i in range(x.rows)]


# ---------------------------------------------------------------- cases

def _spd_case(g, name, A, A_call, B, B_call):
    n = A.shape[0]
    assert (A == A.T).all(), name + ": A must be exactly symmetric"
    g.matrix(name + ".A", A, A_call)
    g.matrix(name + ".B", B, B_call)
    L = scipy.linalg.cholesky(A, lower=True)
    g.matrix(name + ".L", L, "scipy.linalg.cholesky(A, lower=True)")
    X = scipy.linalg.cho_solve((L, True), B)
    g.matrix(name + ".X", X, "scipy.linalg.cho_solve((L, True), B)  # L = %s.L" % name)
    g.matrix(name + ".inv", scipy.linalg.inv(A), "scipy.linalg.inv(A)")
    sign, logdet = np.linalg.slogdet(A)
    assert sign == 1.0
    g.scalar(name + ".logdet", logdet, "numpy.linalg.slogdet(A)[1]")
    g.vector(name + ".eig", np.linalg.eigvalsh(A), "numpy.linalg.eigvalsh(A)  # ascending")
    g.scalar(name + ".cond", np.linalg.cond(A), "numpy.linalg.cond(A)  # 2-norm, from the SVD")
    assert L.shape == (n, n)


def _spd(g):
    g.section("SPD systems: Cholesky L (lower, zeros above the diagonal), solve, inverse, log|det|,\n"
              "eigenvalues (ascending) and 2-norm condition number.")
    A = np.array([[4.0, 12.0, -16.0], [12.0, 37.0, -43.0], [-16.0, -43.0, 98.0]])
    B = np.random.RandomState(3).standard_normal((3, 3))
    _spd_case(g, "spd3", A, "numpy.array([[4, 12, -16], [12, 37, -43], [-16, -43, 98]], dtype=float)",
              B, "numpy.random.RandomState(3).standard_normal((3, 3))")
    # The worked example of derivations/linear_algebra.md, section 8: b = A (1, 2, 3).
    L = scipy.linalg.cholesky(A, lower=True)
    b = A @ np.array([1.0, 2.0, 3.0])
    g.vector("spd3.b_worked", b, "A @ numpy.array([1.0, 2.0, 3.0])  # derivations/linear_algebra.md, section 8")
    g.vector("spd3.y_worked", scipy.linalg.solve_triangular(L, b, lower=True),
             "scipy.linalg.solve_triangular(L, b, lower=True)  # forward substitution, L = spd3.L")
    g.vector("spd3.x_worked", scipy.linalg.cho_solve((L, True), b), "scipy.linalg.cho_solve((L, True), b)")

    rng = np.random.RandomState(6)
    M = rng.standard_normal((6, 6))
    A = M @ M.T + 6.0 * np.eye(6)
    B = rng.standard_normal((6, 3))
    _spd_case(g, "spd6", A,
              "rng = numpy.random.RandomState(6); M = rng.standard_normal((6, 6)); A = M @ M.T + 6.0 * numpy.eye(6)",
              B, "B = rng.standard_normal((6, 3))  # the same rng, drawn after M")


def _hilbert(g, report):
    g.section("Hilbert matrices H(i, j) = 1 / (i + j + 1) as stored in double. b = A 1, so the exact\n"
              "solution of the STORED system is close to, but not exactly, all ones: compare with x_exact.\n"
              "dpotrf_info is LAPACK's info (0 = factorised; k > 0 = leading minor k not positive).")
    for n in range(8, 13):
        p = "hilbert%d" % n
        A = scipy.linalg.hilbert(n)
        b = A @ np.ones(n)
        g.matrix(p + ".A", A, "scipy.linalg.hilbert(%d)" % n)
        g.vector(p + ".b", b, "A @ numpy.ones(%d)" % n)
        _, info = scipy.linalg.lapack.dpotrf(A, lower=1)
        g.scalar(p + ".dpotrf_info", int(info), "scipy.linalg.lapack.dpotrf(A, lower=1)[1]")
        report.append("%s: dpotrf_info %d" % (p, info))
        if info == 0:
            L = scipy.linalg.cholesky(A, lower=True)
            g.matrix(p + ".L", L, "scipy.linalg.cholesky(A, lower=True)")
            g.vector(p + ".x", scipy.linalg.cho_solve((L, True), b),
                     "scipy.linalg.cho_solve((L, True), b)  # L = %s.L" % p)
        g.matrix(p + ".inv", scipy.linalg.inv(A), "scipy.linalg.inv(A)")
        g.vector(p + ".eig", np.linalg.eigvalsh(A), "numpy.linalg.eigvalsh(A)  # ascending")
        cond = np.linalg.cond(A)
        g.scalar(p + ".cond", cond, "numpy.linalg.cond(A)  # 2-norm, from the SVD")
        sign, logdet = np.linalg.slogdet(A)
        g.scalar(p + ".logdet", logdet, "numpy.linalg.slogdet(A)[1]  # sign %+d" % sign)

        mp_how = "mpmath %s, mp.dps=%d, on the stored doubles (mpmath.mpf(float) per entry), rounded to nearest double" % (
            mpmath.__version__, DPS)
        g.vector(p + ".eig_exact", exact(_exact_eigvalsh, A),
                 "sorted(mpmath.eigsy(M, eigvals_only=True))  # " + mp_how)
        cond_exact = exact(_exact_cond_spd, A)
        g.scalar(p + ".cond_exact", cond_exact, "lambda_max / lambda_min of mpmath.eigsy(M)  # " + mp_how)
        x_exact = exact(_exact_solve, A, b)
        g.vector(p + ".x_exact", x_exact, "mpmath.lu_solve(M, b)  # " + mp_how)
        logdet_exact = exact(_exact_logabsdet, A)
        g.scalar(p + ".logdet_exact", logdet_exact, "mpmath.log(mpmath.det(M))  # " + mp_how)
        report.append("%s: cond %.6e  cond_exact %.6e  (ratio %.4f)  max|x_exact - 1| %.3e  logdet %.10g vs exact %.10g"
                      % (p, cond, cond_exact, cond / cond_exact, max(abs(v - 1.0) for v in x_exact),
                         logdet, logdet_exact))


def _general(g):
    g.section("A general nonsymmetric system whose A(0, 0) is exactly 0, so elimination must swap rows first.")
    rng = np.random.RandomState(5)
    A = rng.standard_normal((5, 5))
    A[0, 0] = 0.0
    B = rng.standard_normal((5, 2))
    g.matrix("general5.A", A,
             "rng = numpy.random.RandomState(5); A = rng.standard_normal((5, 5)); A[0, 0] = 0.0")
    g.matrix("general5.B", B, "B = rng.standard_normal((5, 2))  # the same rng, drawn after A")
    g.matrix("general5.X", scipy.linalg.solve(A, B), "scipy.linalg.solve(A, B)")
    g.matrix("general5.inv", scipy.linalg.inv(A), "scipy.linalg.inv(A)")
    g.scalar("general5.det", np.linalg.det(A), "numpy.linalg.det(A)")


def _indefinite(g, report):
    g.section("Symmetric, leading 1x1 and 2x2 minors positive (4 and 16), 3x3 minor negative (-16).\n"
              "In exact arithmetic Cholesky gives L(0,0) = 2, L(1,1) = 2, then L(2,2)^2 = 1 - 1 - 1 = -1.")
    A = np.array([[4.0, 2.0, 2.0, 1.0],
                  [2.0, 5.0, 3.0, 0.0],
                  [2.0, 3.0, 1.0, 2.0],
                  [1.0, 0.0, 2.0, 6.0]])
    assert (A == A.T).all()
    assert np.linalg.det(A[:1, :1]) > 0 and np.linalg.det(A[:2, :2]) > 0 and np.linalg.det(A[:3, :3]) < 0
    g.matrix("indefinite4.A", A,
             "numpy.array([[4, 2, 2, 1], [2, 5, 3, 0], [2, 3, 1, 2], [1, 0, 2, 6]], dtype=float)")
    _, info = scipy.linalg.lapack.dpotrf(A, lower=1)
    assert info > 0
    g.scalar("indefinite4.dpotrf_info", int(info),
             "scipy.linalg.lapack.dpotrf(A, lower=1)[1]  # 1-based order of the failing leading minor")
    g.scalar("indefinite4.failed_pivot", int(info) - 1, "scipy.linalg.lapack.dpotrf(A, lower=1)[1] - 1  # 0-based")
    g.vector("indefinite4.eig", np.linalg.eigvalsh(A), "numpy.linalg.eigvalsh(A)  # ascending")
    report.append("indefinite4: dpotrf_info %d" % info)


def _singular(g, report):
    g.section("Rank 3 in exact arithmetic: row 3 = row 0 + 2 row 1 - row 2, each product and sum rounded.")
    rng = np.random.RandomState(4)
    top = rng.standard_normal((3, 4))
    last = top[0] + 2.0 * top[1] - top[2]
    A = np.vstack([top, last])
    g.matrix("singular4.A", A,
             "top = numpy.random.RandomState(4).standard_normal((3, 4)); "
             "A = numpy.vstack([top, top[0] + 2.0 * top[1] - top[2]])")
    rank = np.linalg.matrix_rank(A)
    g.scalar("singular4.rank", int(rank), "numpy.linalg.matrix_rank(A)  # tol = S.max() * max(M, N) * eps")
    s = np.linalg.svd(A, compute_uv=False)
    g.vector("singular4.svd", s, "numpy.linalg.svd(A, compute_uv=False)  # descending")
    report.append("singular4: rank %d, singular values %s" % (rank, " ".join("%.3e" % v for v in s)))


def _lstsq_outputs(g, p, A, b):
    x = np.linalg.lstsq(A, b, rcond=None)[0]
    g.vector(p + ".x", x, "numpy.linalg.lstsq(A, b, rcond=None)[0]")
    g.scalar(p + ".residual_norm", np.linalg.norm(A @ x - b), "numpy.linalg.norm(A @ x - b)  # x = %s.x" % p)
    g.matrix(p + ".R", np.linalg.qr(A, mode="r"),
             "numpy.linalg.qr(A, mode='r')  # LAPACK dgeqrf signs: diagonal may be negative")
    g.scalar(p + ".cond", np.linalg.cond(A), "numpy.linalg.cond(A)  # 2-norm, from the SVD")
    return x


def _lstsq(g, report):
    g.section("Overdetermined least squares: full-rank random 12x4.")
    rng = np.random.RandomState(12)
    A = rng.standard_normal((12, 4))
    b = rng.standard_normal(12)
    g.matrix("lstsq12x4.A", A, "rng = numpy.random.RandomState(12); A = rng.standard_normal((12, 4))")
    g.vector("lstsq12x4.b", b, "b = rng.standard_normal(12)  # the same rng, drawn after A")
    _lstsq_outputs(g, "lstsq12x4", A, b)

    g.section("Polynomial fit of degree 5 on 20 points of [0, 1]: a moderately ill-conditioned Vandermonde.")
    t = np.linspace(0.0, 1.0, 20)
    A = np.vander(t, 6, increasing=True)
    b = np.sin(4.0 * t) + 1e-3 * np.random.RandomState(20).standard_normal(20)
    g.matrix("vander20x6.A", A, "t = numpy.linspace(0, 1, 20); A = numpy.vander(t, 6, increasing=True)")
    g.vector("vander20x6.b", b,
             "numpy.sin(4.0 * t) + 1e-3 * numpy.random.RandomState(20).standard_normal(20)")
    x = _lstsq_outputs(g, "vander20x6", A, b)
    x_exact = exact(_exact_lstsq, A, b)
    g.vector("vander20x6.x_exact", x_exact,
             "mpmath.lu_solve(M.T * M, M.T * b)  # normal equations in mpmath %s, mp.dps=%d, on the stored "
             "doubles, rounded to nearest double" % (mpmath.__version__, DPS))
    rel = max(abs(a - e) / abs(e) for a, e in zip(x.tolist(), x_exact))
    report.append("vander20x6: cond %.6e, max rel |lstsq x - x_exact| %.3e" % (np.linalg.cond(A), rel))


def _matmul(g):
    g.section("Matrix products through numpy's BLAS.")
    rng = np.random.RandomState(7)
    A = rng.standard_normal((7, 5))
    B = rng.standard_normal((5, 9))
    g.matrix("matmul.A", A, "rng = numpy.random.RandomState(7); A = rng.standard_normal((7, 5))")
    g.matrix("matmul.B", B, "B = rng.standard_normal((5, 9))  # the same rng, drawn after A")
    g.matrix("matmul.C", A @ B, "A @ B")
    G = A.T @ A
    g.matrix("matmul.G", G, "A.T @ A  # the Gram matrix")


def build_linalg(report):
    g = golden_writer.GoldenFile(
        "linalg.txt", "linalg",
        ["Inputs and numpy/scipy results for the linear-algebra tests; *_exact entries are mpmath references",
         "at %d digits on the stored doubles (checked at %d), rounded to nearest. Random inputs: RandomState(seed)."
         % (DPS, DPS_CHECK)])
    _spd(g)
    _hilbert(g, report)
    _general(g)
    _indefinite(g, report)
    _singular(g, report)
    _lstsq(g, report)
    _matmul(g)
    return g.text()

# SPDX-License-Identifier: MIT
"""The data and the cases of tests/golden/kmeans.txt (built by goldens_kmeans.py).

Two families. The first (iris, make_blobs, chain3) was chosen when the port could only promise
agreement away from near-ties; its cases whose every decision margin exceeds 1e-9 keep the indices
kmeans.0 .. kmeans.52 they always had (the tour shows some by index), the near-tie ones follow.
The second family is made of ties ON PURPOSE (issue #11): integer-valued data with duplicated
rows, where exact ties in the assignment (KM.2), in the relocation (KM.4, numpy's introselect
decides) and last-bit ties everywhere else are the rule; several shapes (D = 1, 2, 3, 5, 9; N
below and above sklearn's chunk of 256 samples), several K, both inits, n_init 1 and 10, each
with 1 and with 2 OpenMP threads, and scikit-learn's own test_kmeans_relocated_clusters case.
"""
import numpy as np
from sklearn.datasets import load_iris, make_blobs

def datasets():
    """name -> (X, call, standardised)"""
    iris = load_iris().data.astype(np.float64)
    b300, _ = make_blobs(n_samples=300, centers=4, cluster_std=1.0, random_state=0)
    b1000, _ = make_blobs(n_samples=1000, centers=6, n_features=3, cluster_std=1.0, random_state=1)
    std = (b1000 - b1000.mean(axis=0)) / b1000.std(axis=0)
    return {
        "iris": (iris, "sklearn.datasets.load_iris().data", False),
        "blobs300k4": (b300, "sklearn.datasets.make_blobs(n_samples=300, centers=4, cluster_std=1.0, random_state=0)[0]", False),
        "blobs1000k6": (b1000, "sklearn.datasets.make_blobs(n_samples=1000, centers=6, n_features=3, cluster_std=1.0, random_state=1)[0]", False),
        "blobs1000k6_std": (std, "(B - B.mean(axis=0)) / B.std(axis=0) with B = blobs1000k6 (population std, ddof=0)", True),
        # a relocation that empties another cluster of higher index: sklearn does not refill it in the same step
        "chain3": (np.array([[0.0], [1.5], [10.0]]), "numpy.array([[0.0], [1.5], [10.0]])", False),
        **_tie_datasets(),
    }


def _tie_datasets():
    """Integer-valued data with duplicated rows: name -> (X, call, False)."""
    rs = np.random.RandomState
    pool = rs(4).randint(-5, 6, size=(12, 3))
    made = {
        "ints200x2": (rs(0).randint(0, 6, size=(200, 2)), "numpy.random.RandomState(0).randint(0, 6, size=(200, 2))"),
        "poisson600x5": (rs(1).poisson(2.0, size=(600, 5)), "numpy.random.RandomState(1).poisson(2.0, size=(600, 5))"),
        "pool90x1": (rs(2).choice([0, 1, 2, 3, 5, 8, 13], size=(90, 1)),
                     "numpy.random.RandomState(2).choice([0, 1, 2, 3, 5, 8, 13], size=(90, 1))"),
        "likert300x9": (rs(3).randint(1, 6, size=(300, 9)), "numpy.random.RandomState(3).randint(1, 6, size=(300, 9))"),
        "dup520x3": (pool[rs(5).randint(0, 12, size=520)],
                     "P[numpy.random.RandomState(5).randint(0, 12, size=520)] with "
                     "P = numpy.random.RandomState(4).randint(-5, 6, size=(12, 3)): 12 distinct rows"),
        # sklearn/cluster/tests/test_k_means.py::test_kmeans_relocated_clusters
        "relocated4x2": (np.array([[0, 0], [0.5, 0], [0.5, 1], [1, 1]]),
                         "numpy.array([[0, 0], [0.5, 0], [0.5, 1], [1, 1]])  # sklearn's test_kmeans_relocated_clusters"),
        # mean variance 1, so tol_abs = tol exactly: the (KM.5) stop turns on sqrt(7.25)**2 < 7.25
        "shift2x2": (np.array([[-1, -1], [1, 1]]), "numpy.array([[-1, -1], [1, 1]])"),
        # one-decimal values, D = 1: X.mean(axis=0) is numpy's pairwise sum, 0.6240000000000001, where
        # the plain sum gives 0.6240000000000003
        "decimal150x1": (np.round(rs(0).standard_normal((150, 1)) * 5, 1),
                         "numpy.round(numpy.random.RandomState(0).standard_normal((150, 1)) * 5, 1)"),
    }
    return {n: (np.asarray(X, dtype=np.float64), call + ".astype(float)", False) for n, (X, call) in made.items()}



def far_centres(X, rows, far):
    """Data rows as initial centres, plus centres far outside the data (they end up empty)."""
    C = X[rows].copy()
    span = X.max(axis=0) - X.min(axis=0)
    extra = [X.max(axis=0) + (10.0 * (t + 1)) * span for t in range(far)]
    return np.vstack([C] + extra)


def cases(data):
    iris, b300 = data["iris"][0], data["blobs300k4"][0]
    b1000, std = data["blobs1000k6"][0], data["blobs1000k6_std"][0]
    cases = []

    def add(ds, K, init, seed=0, n_init=1, max_iter=300, tol=1e-4, centers=None, note="", threads=1, **kw):
        cases.append(dict(dataset=ds, K=K, init=init, seed=seed, n_init=n_init, max_iter=max_iter,
                          tol=tol, centers=centers, note=note, threads=threads, **kw))

    # given centres (init=array forces n_init=1)
    add("iris", 3, "array", centers=iris[[0, 50, 100]], note="rows 0, 50, 100")
    add("iris", 3, "array", centers=iris[[0, 60, 120]], note="rows 0, 60, 120")
    add("iris", 5, "array", centers=iris[[10, 30, 60, 90, 120]], note="rows 10, 30, 60, 90, 120")
    add("iris", 4, "array", centers=iris[[1, 51, 101, 130]], note="rows 1, 51, 101, 130")
    add("blobs300k4", 4, "array", centers=b300[[0, 1, 2, 3]], note="rows 0..3")
    add("blobs1000k6_std", 6, "array", centers=std[:6], note="rows 0..5")
    # k-means++ and random, seeds 0, 1, 42, n_init 1 and 10
    for ds, K in (("iris", 3), ("blobs300k4", 4), ("blobs1000k6_std", 6)):
        for init in ("k-means++", "random"):
            for seed in (0, 1, 42):
                for n_init in (1, 10):
                    add(ds, K, init, seed=seed, n_init=n_init)
    add("iris", 4, "k-means++", seed=7, n_init=10)
    add("blobs300k4", 3, "k-means++", seed=5, n_init=10)
    add("blobs300k4", 6, "random", seed=3, n_init=10)
    add("blobs1000k6", 6, "k-means++", seed=0, n_init=1)
    add("blobs1000k6", 6, "random", seed=2, n_init=10)
    add("blobs1000k6", 4, "k-means++", seed=11, n_init=10)
    # empty clusters: centres far away (KM.4)
    add("iris", 3, "array", centers=far_centres(iris, [0, 50], 1), expect_relocation=True,
        note="rows 0, 50 and one centre far outside the data")
    add("blobs300k4", 4, "array", centers=far_centres(b300, [0, 1], 2), expect_relocation=True,
        note="rows 0, 1 and two centres far outside the data")
    add("blobs1000k6_std", 6, "array", centers=far_centres(std, [0, 1, 2, 3, 4], 1), expect_relocation=True,
        note="rows 0..4 and one centre far outside the data")
    # stopped by max_iter (KM.8)
    add("iris", 3, "array", centers=iris[[0, 1, 2]], max_iter=2, note="rows 0, 1, 2")
    add("iris", 3, "array", centers=iris[[5, 55, 105]], max_iter=2, note="rows 5, 55, 105")
    add("blobs300k4", 4, "k-means++", seed=1, max_iter=2)
    add("blobs1000k6_std", 6, "random", seed=0, max_iter=2)
    # tol = 0: only strict convergence (KM.7) or max_iter stops
    add("iris", 3, "k-means++", seed=0, tol=0.0)
    add("iris", 3, "array", centers=iris[[0, 50, 100]], tol=0.0, note="rows 0, 50, 100")
    add("iris", 3, "array", centers=iris[[20, 80, 140]], tol=0.0, note="rows 20, 80, 140")
    add("iris", 3, "random", seed=42, tol=1e-2)
    add("blobs300k4", 4, "random", seed=0, tol=0.0)
    add("blobs1000k6_std", 6, "k-means++", seed=42, tol=0.0)
    # a loose tolerance, so the tolerance stop and the final re-assignment (KM.8) happen
    add("blobs1000k6", 6, "k-means++", seed=3, tol=1e-2)
    add("blobs1000k6_std", 6, "random", seed=1, tol=1e-2)
    # (KM.4) the far centre empties cluster 0; its relocation empties cluster 1, which stays empty
    add("chain3", 3, "array", centers=np.array([[100.0], [0.5], [15.0]]), expect_relocation=True,
        note="centres 100, 0.5, 15: a relocation empties a later cluster")
    add("chain3", 3, "array", centers=np.array([[100.0], [0.5], [15.0]]), max_iter=1, expect_relocation=True,
        note="the same, stopped after one iteration")
    return cases


def tie_cases(data):
    """The second family: ties on purpose, every case with 1 and with 2 OpenMP threads."""
    out = []

    def add(ds, K, init, seed=0, n_init=1, max_iter=300, tol=1e-4, centers=None, note="", **kw):
        for threads in (1, 2):
            out.append(dict(dataset=ds, K=K, init=init, seed=seed, n_init=n_init, max_iter=max_iter,
                            tol=tol, centers=centers, note=note, threads=threads, tie=True, **kw))

    plan = (("ints200x2", (3, 5, 8)), ("poisson600x5", (4, 10)), ("pool90x1", (2, 4)),
            ("likert300x9", (3, 7)), ("dup520x3", (5, 12)))
    for t, (ds, Ks) in enumerate(plan):
        for u, K in enumerate(Ks):
            seed = 10 * t + u
            add(ds, K, "k-means++", seed=seed, n_init=1 if u % 2 == 0 else 10)
            add(ds, K, "random", seed=seed, n_init=10 if u % 2 == 0 else 1)
    add("relocated4x2", 2, "array", centers=np.array([[0.5, 0.5], [3.0, 3.0]]), expect_relocation=True,
        note="(0.5, 0.5), (3, 3): samples 0 and 3 are equally far from centre 0; numpy's introselect gives 3")
    ints, dup = data["ints200x2"][0], data["dup520x3"][0]
    add("ints200x2", 5, "array", centers=far_centres(ints, [0, 1, 2], 2), expect_relocation=True,
        note="rows 0, 1, 2 and two centres far outside the data: two empty clusters, many equally far samples")
    add("dup520x3", 6, "array", centers=far_centres(dup, [0, 1, 2], 3), expect_relocation=True,
        note="rows 0, 1, 2 and three far centres: three empty clusters among duplicated rows")
    add("pool90x1", 4, "array", centers=far_centres(data["pool90x1"][0], [0], 3), expect_relocation=True,
        note="row 0 and three far centres (D = 1)")
    add("poisson600x5", 6, "k-means++", seed=3, tol=0.0)
    add("likert300x9", 5, "random", seed=4, max_iter=3)
    add("ints200x2", 4, "random", seed=5, tol=1e-2)
    add("shift2x2", 1, "array", centers=np.array([[2.5, 1.0]]), tol=float(np.sqrt(7.25) * np.sqrt(7.25)),
        note="(2.5, 1): the first shift is 2.5**2 + 1**2 = 7.25 and tol_abs = sqrt(7.25)**2 = 7.249999999999999; "
             "sklearn's sqrt-then-square stops after 1 iteration, the plain sum would not")
    add("decimal150x1", 5, "k-means++", seed=2)  # with the plain mean: n_iter_ 7 instead of 8, one label
    return out


def call(c):
    init = "init=C0" if c["init"] == "array" else "init='%s'" % c["init"]
    return ("KMeans(n_clusters=%d, %s, n_init=%d, max_iter=%d, tol=%r, random_state=%d, algorithm='lloyd')"
            ".fit(%s.X)" % (c["K"], init, c["n_init"], c["max_iter"], c["tol"], c["seed"], c["dataset"]))

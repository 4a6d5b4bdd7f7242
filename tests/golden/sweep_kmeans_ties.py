#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Sweep: `mlfs kmeans` against scikit-learn 1.2.1 KMeans on integer-valued data full of duplicate
rows and exact ties, data made up here (not in the repository). Not run by ctest (it needs Python).

    /usr/bin/python3 tests/golden/sweep_kmeans_ties.py --mlfs build/mlfs            # 320 runs
    /usr/bin/python3 tests/golden/sweep_kmeans_ties.py --mlfs build/mlfs --runs 50 --fair

Every run draws a data set (one of several integer distributions, a duplicate rate, N from 20 to
3000, D from 1 to 9), K from 2 to 20 (at most the number of distinct rows, mlfs's rule), an init
(k-means++ or random), n_init (1 or 10), a seed, and a thread count T (1 or 2). scikit-learn fits
it under threadpool_limits(T, 'openmp') on the reference BLAS; mlfs fits the same CSV with
`--sklearn-threads T --json`. A run differs if labels_, n_iter_, cluster_centers_ or inertia_
differ in any bit. --fair adds the issue's check: six integer columns of statsmodels' `fair` data
set, unscaled, n_init 1, K 2..20, seeds 0..4, both inits, 1 and 2 threads.
Exits 1 if any run differs. Prints one line per differing run and a summary.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

for _var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

DISTRIBUTIONS = ("likert", "small_uniform", "poisson", "binomial", "pool", "codes", "counts_wide")


def draw_data(rng):
    """An integer-valued N x D matrix and the name of how it was drawn."""
    kind = DISTRIBUTIONS[rng.randint(len(DISTRIBUTIONS))]
    N = int(rng.choice([20, 37, 64, 100, 255, 256, 257, 300, 511, 600, 1000, 1500, 3000]))
    D = int(rng.randint(1, 10))
    if kind == "likert":          # ratings 1..5, skewed
        p = rng.dirichlet(np.ones(5))
        X = rng.choice(np.arange(1, 6), size=(N, D), p=p)
    elif kind == "small_uniform":  # codes 0..m
        X = rng.randint(0, rng.randint(2, 12), size=(N, D))
    elif kind == "poisson":       # counts
        X = rng.poisson(rng.uniform(0.5, 6.0, size=D), size=(N, D))
    elif kind == "binomial":      # scores out of n
        X = rng.binomial(rng.randint(1, 20), rng.uniform(0.1, 0.9), size=(N, D))
    elif kind == "pool":          # a few distinct rows, heavily duplicated
        P = rng.randint(5, 60)
        pool = rng.randint(-20, 21, size=(P, D))
        X = pool[rng.randint(0, P, size=N)]
    elif kind == "codes":         # large integer codes with few levels (years, zip-like)
        X = 1000 * rng.randint(0, 4, size=(N, D)) + rng.randint(0, 3, size=(N, D))
    else:                         # wide counts, then a share of rows duplicated
        X = rng.randint(0, 1000, size=(N, D))
        dup = rng.uniform(0.1, 0.9)
        m = int(dup * N)
        X[:m] = X[rng.randint(m, N, size=m)] if m < N else X[:m]
        X = X[rng.permutation(N)]
    return np.asarray(X, dtype=np.float64), kind


def sklearn_fit(X, K, init, n_init, seed, threads):
    with threadpool_limits(limits=threads, user_api="openmp"):
        km = KMeans(n_clusters=K, init=init, n_init=n_init, random_state=seed, algorithm="lloyd").fit(X)
    return km


def mlfs_fit(mlfs, path, K, init, n_init, seed, threads):
    cmd = [mlfs, "kmeans", "--data", path, "--k", str(K), "--init", init, "--n-init", str(n_init),
           "--seed", str(seed), "--sklearn-threads", str(threads), "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def write_csv(path, X):
    names = ["f%d" % d for d in range(X.shape[1])]
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for row in X:
            f.write(",".join("%.17g" % v for v in row) + "\n")


def compare(km, ours):
    """'' if identical in every bit, else what differs."""
    why = []
    if not np.array_equal(np.asarray(ours["labels_"], dtype=np.int64), km.labels_):
        why.append("labels_ (%d differ)" % int(np.sum(np.asarray(ours["labels_"]) != km.labels_)))
    if ours["n_iter_"] != km.n_iter_:
        why.append("n_iter_ %d vs %d" % (ours["n_iter_"], km.n_iter_))
    C = np.asarray(ours["cluster_centers_"], dtype=np.float64)
    if C.shape != km.cluster_centers_.shape or not np.array_equal(C, km.cluster_centers_):
        why.append("cluster_centers_")
    if float(ours["inertia_"]) != km.inertia_:
        why.append("inertia_ %.17g vs %.17g" % (ours["inertia_"], km.inertia_))
    return ", ".join(why)


def sweep(args, tmp):
    rng = np.random.RandomState(args.seed)
    stats = {"runs": 0, "differ": 0, "threads": {1: 0, 2: 0}, "ties": 0, "last_bit": 0}
    path = os.path.join(tmp, "data.csv")
    r = 0
    while stats["runs"] < args.runs:
        X, kind = draw_data(rng)
        distinct = len(np.unique(X, axis=0))
        if distinct < 2:
            continue
        K = int(rng.randint(2, min(20, distinct) + 1))
        init = "k-means++" if rng.rand() < 0.5 else "random"
        n_init = 10 if rng.rand() < 0.3 else 1
        seed = int(rng.randint(0, 2 ** 31))
        threads = 1 + r % 2
        r += 1
        write_csv(path, X)
        one = run_one(args, stats, path, X, K, init, n_init, seed, threads)
        if one:
            print("DIFFERS %s N=%d D=%d K=%d init=%s n_init=%d seed=%d threads=%d: %s"
                  % (kind, X.shape[0], X.shape[1], K, init, n_init, seed, threads, one))
    return stats


def run_one(args, stats, path, X, K, init, n_init, seed, threads):
    km = sklearn_fit(X, K, init, n_init, seed, threads)
    ours = mlfs_fit(args.mlfs, path, K, init, n_init, seed, threads)
    stats["runs"] += 1
    stats["threads"][threads] += 1
    stats["ties"] += ours["closest_call"] == 0.0
    stats["last_bit"] += 0.0 < ours["closest_call"] < 1e-12
    why = compare(km, ours)
    stats["differ"] += bool(why)
    return why


def fair(args, tmp, stats):
    import statsmodels.api as sm
    cols = ["rate_marriage", "religious", "educ", "occupation", "occupation_husb", "children"]
    X = sm.datasets.fair.load_pandas().data[cols].to_numpy(dtype=np.float64)
    path = os.path.join(tmp, "fair.csv")
    write_csv(path, X)
    for K in range(2, 21):
        for seed in range(5):
            for init in ("k-means++", "random"):
                for threads in (1, 2):
                    why = run_one(args, stats, path, X, K, init, 1, seed, threads)
                    if why:
                        print("DIFFERS fair K=%d seed=%d init=%s threads=%d: %s" % (K, seed, init, threads, why))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mlfs", default="build/mlfs", help="the mlfs executable (default %(default)s)")
    ap.add_argument("--runs", type=int, default=320, help="random runs (default %(default)s)")
    ap.add_argument("--seed", type=int, default=20261207, help="seed of the data generator")
    ap.add_argument("--fair", action="store_true", help="also statsmodels' fair data set (380 runs)")
    args = ap.parse_args()
    if sklearn.__version__ != "1.2.1":
        sys.exit("sweep_kmeans_ties.py: scikit-learn is %s, need 1.2.1; use /usr/bin/python3" % sklearn.__version__)
    with tempfile.TemporaryDirectory(prefix="mlfs-sweep-") as tmp:
        stats = sweep(args, tmp)
        if args.fair:
            fair(args, tmp, stats)
    print("%d runs (%d with 1 thread, %d with 2 threads): %d differ from scikit-learn %s; "
          "%d runs had an exact tie (closest call 0), %d a tie decided by the last bit (0 < closest call < 1e-12)"
          % (stats["runs"], stats["threads"][1], stats["threads"][2], stats["differ"], sklearn.__version__,
             stats["ties"], stats["last_bit"]))
    return 1 if stats["differ"] else 0


if __name__ == "__main__":
    sys.exit(main())

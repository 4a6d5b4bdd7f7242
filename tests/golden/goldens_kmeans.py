# SPDX-License-Identifier: MIT
"""tests/golden/kmeans.txt: scikit-learn 1.2.1 KMeans(algorithm='lloyd') and silhouette_score for
algorithms/kmeans.cpp and algorithms/silhouette.cpp (tags KM.1 to KM.18).

Every case is fitted by sklearn under threadpool_limits(T, 'openmp') with T = 1 or 2 (its
`threads` entry; export.py starts at one thread) on this machine's reference BLAS, and checked:

  * the init: k-means++ (KM.9) and random (KM.10) indices come from sklearn's public
    kmeans_plusplus / RandomState.permutation on one numpy RandomState(seed) threaded through the
    n_init runs (KM.11), and KMeans(init=X[indices], n_init=1) run by run, with sklearn's best-run
    rule, must give the very numbers of the fit (asserted, bit for bit);
  * a plain-numpy replay (goldens_kmeans_replay.py, full squared distances) records the decision
    margins. It is a REPORT, not a filter: every case is written, with its margins and whether the
    replay agreed. Where every margin exceeds MARGIN the replay must agree (asserted); where one does
    not, only an exact copy of sklearn's arithmetic can (derivations/kmeans.md, section 13).

The cases come from goldens_kmeans_cases.py: the iris/blobs family (kmeans.0 .. kmeans.52 are its
cases with margins above MARGIN, in their old order; its near-tie cases follow), then the integer
cases with ties on purpose, each with 1 and 2 threads.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import numpy as np
import sklearn
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.metrics import silhouette_samples, silhouette_score

import goldens_kmeans_cases as cases
import goldens_kmeans_steps
import goldens_numpy_order
import goldens_kmeans_replay as replay

MARGIN = 1e-9
INIT_CODE = {"k-means++": 0, "random": 1, "array": 2}
MIN_TIE_CASES, MIN_EXACT_TIES = 40, 20  # the second family must hold this many cases / exact ties


# ---------------------------------------------------------------- one case

def _fit(X, K, init, n_init, max_iter, tol, seed):
    km = KMeans(n_clusters=K, init=init, n_init=n_init, max_iter=max_iter, tol=tol,
                random_state=seed, algorithm="lloyd")
    return km.fit(X)


def _inits(X, c, Xc, margins):
    """The sample indices of every run's init, from sklearn's public functions on one stream; and
    whether the numpy replay of the seeding picked the same."""
    rs_ours, rs_ref = np.random.RandomState(c["seed"]), np.random.RandomState(c["seed"])
    runs, agree = [], True
    for _ in range(c["n_init"]):
        if c["init"] == "k-means++":
            ours = replay.kmeanspp(Xc, c["K"], rs_ours, margins)
            ref = list(kmeans_plusplus(Xc, c["K"], random_state=rs_ref)[1])
        elif c["init"] == "random":
            ours = list(rs_ours.permutation(X.shape[0])[:c["K"]])
            ref = list(rs_ref.permutation(X.shape[0])[:c["K"]])
        else:
            ours = ref = None
        agree = agree and ours == ref
        runs.append(ref)
    return runs, agree


def _run_case(X, c):
    """Fits and checks one case under c['threads'] threads; returns (sklearn model, record, Margins)."""
    K, max_iter, tol = c["K"], c["max_iter"], c["tol"]
    X_mean = X.mean(axis=0)
    Xc = X - X_mean
    mean_var = np.mean(np.var(X, axis=0))
    margins = replay.Margins()
    runs, agree = _inits(X, c, Xc, margins)
    with golden_writer.OpenMPThreads(c.get("threads", 1)):
        km = _fit(X, K, c["centers"] if c["init"] == "array" else c["init"], c["n_init"], max_iter, tol, c["seed"])
        best = None
        for r, idx in enumerate(runs):  # each run by sklearn from an explicit init, and by the replay
            C0 = X[idx] if idx is not None else c["centers"]
            one = _fit(X, K, C0, 1, max_iter, tol, None)
            labels, C, inertia, n_iter = replay.lloyd(Xc, C0 - X_mean, max_iter, mean_var * tol, mean_var, margins, r)
            agree = agree and (np.array_equal(labels, one.labels_) and n_iter == one.n_iter_
                               and np.abs(C + X_mean - one.cluster_centers_).max() <= 1e-12 * max(1.0, np.abs(X).max())
                               and abs(inertia - one.inertia_) <= 1e-12 * one.inertia_)
            if best is None:
                best = (r, one)
            elif not replay.same_clustering(one.labels_, best[1].labels_, K):
                margins.note("best_run", abs(one.inertia_ - best[1].inertia_) / best[1].inertia_)
                if one.inertia_ < best[1].inertia_:
                    best = (r, one)
        predict = km.predict(X)
    if not agree and margins.smallest() > MARGIN:
        raise RuntimeError("%s: the numpy replay disagrees with sklearn although every margin exceeds %g (%s)"
                           % (c["name"], MARGIN, margins.text()))
    b = best[1]
    if not (np.array_equal(b.labels_, km.labels_) and b.n_iter_ == km.n_iter_
            and np.array_equal(b.cluster_centers_, km.cluster_centers_) and b.inertia_ == km.inertia_):
        raise RuntimeError("%s: run-by-run fits from the inits do not give the fit" % c["name"])
    if c.get("expect_relocation") and margins.relocations == 0:
        raise RuntimeError("%s: meant to empty a cluster, but no relocation happened" % c["name"])
    return km, {"tol_abs": _tolerance(X, tol), "runs": runs, "best_run": best[0], "replay_agrees": agree,
                "predict": predict}, margins


def _tolerance(X, tol):
    """sklearn's _tolerance(X, tol) (KM.6), called as KMeans calls it."""
    from sklearn.cluster._kmeans import _tolerance
    return _tolerance(X, tol)


# ---------------------------------------------------------------- writing

def _write_case(g, i, c, data_index, km, rec, margins):
    p = "kmeans.%d" % i
    call = cases.call(c)
    g.section("case %d: %s%s\n  OpenMP threads: %d\n  replay margins: %s%s\n  replay stopped by: %s\n  plain-numpy replay agrees: %s"
              % (i, call, "; C0 = %s" % c["note"] if c["note"] else "", c["threads"], margins.text(),
                 "; %d relocation(s)" % margins.relocations if margins.relocations else "",
                 _stops(margins.stops), "yes" if rec["replay_agrees"] else "NO (a near tie decided otherwise)"))
    g.scalar(p + ".dataset", data_index[c["dataset"]], "index d of the data: X = data.d.X = %s.X" % c["dataset"])
    g.scalar(p + ".K", c["K"], call)
    g.scalar(p + ".init", INIT_CODE[c["init"]], "0 = 'k-means++', 1 = 'random', 2 = array C0")
    g.scalar(p + ".seed", c["seed"], "random_state")
    g.scalar(p + ".n_init", c["n_init"], "n_init")
    g.scalar(p + ".max_iter", c["max_iter"], "max_iter")
    g.scalar(p + ".tol", c["tol"], "tol")
    g.scalar(p + ".threads", c["threads"], "threadpool_limits(%d, 'openmp') around the fit" % c["threads"])
    g.scalar(p + ".tol_abs", rec["tol_abs"], "sklearn.cluster._kmeans._tolerance(X, tol)  # numpy.mean(numpy.var(X, axis=0)) * tol")
    if c["init"] == "array":
        g.matrix(p + ".init_centers", c["centers"], "C0, in the coordinates of X")
    else:
        what = ("kmeans_plusplus(X - X.mean(axis=0), %d, random_state=rs)[1]" % c["K"] if c["init"] == "k-means++"
                else "rs.permutation(%d)[:%d]" % (c["dataset_rows"], c["K"]))
        g.matrix(p + ".init_indices", np.array(rec["runs"]),
                 "row r: %s for run r, one rs = numpy.random.RandomState(%d) for all runs" % (what, c["seed"]))
        g.scalar(p + ".best_run", rec["best_run"], "the run KMeans kept (first one, replaced only by strictly "
                                                    "lower inertia and a different clustering)")
    g.vector(p + ".labels", km.labels_, "KMeans.labels_")
    g.matrix(p + ".centers", km.cluster_centers_, "KMeans.cluster_centers_")
    g.scalar(p + ".inertia", km.inertia_, "KMeans.inertia_")
    g.scalar(p + ".n_iter", km.n_iter_, "KMeans.n_iter_")
    g.vector(p + ".predict", rec["predict"], "KMeans.predict(X)")


def _stops(stops):
    """'strict' or 'run 0 strict, run 1 tol, ...'"""
    if len(stops) == 1:
        return stops[0]
    return ", ".join("run %d %s" % (r, s) for r, s in enumerate(stops))


def _silhouette(g, written, data, names, report):
    g.section("silhouette_score / silhouette_samples (metric='euclidean') for the labels_ of cases above.\n"
              "Beside them, the same from direct distances sqrt(sum (x - y)^2) in numpy, to show how far sklearn's\n"
              "||x||^2 - 2 x.y + ||y||^2 distances are from it (the *_direct_diff comments).")
    picks = []
    for want in (("iris", 3), ("blobs300k4", 4), ("blobs1000k6_std", 6)):
        for i, c, km in written:
            if (c["dataset"], c["K"]) == want and c["init"] == "k-means++":
                picks.append((i, c, km))
                break
    for j, (i, c, km) in enumerate(picks):
        X = data[c["dataset"]][0]
        samples = silhouette_samples(X, km.labels_)
        score = silhouette_score(X, km.labels_)
        D = np.sqrt(replay.sqdist(X, X))
        direct = _silhouette_direct(D, km.labels_)
        diff = np.abs(direct - samples).max()
        p = "silhouette.%d" % j
        g.comment("silhouette %d: %s.X with the labels of case %d; max |sklearn - direct| over samples %.3g"
                  % (j, c["dataset"], i, diff))
        g.scalar(p + ".case", i, "the case whose labels_ (kmeans.%d.labels) are scored" % i)
        g.vector(p + ".samples", samples, "sklearn.metrics.silhouette_samples(X, labels)")
        g.scalar(p + ".score", score, "sklearn.metrics.silhouette_score(X, labels)")
        report.append("kmeans: silhouette %d (%s, case %d) = %.6f; sklearn vs direct distances %.3g"
                      % (j, c["dataset"], i, score, diff))
    return len(picks)


def _silhouette_direct(D, labels):
    n = len(labels)
    K = labels.max() + 1
    s = np.zeros(n)
    counts = np.bincount(labels, minlength=K)
    for i in range(n):
        sums = np.bincount(labels, weights=D[i], minlength=K)
        if counts[labels[i]] == 1:
            continue
        a = sums[labels[i]] / (counts[labels[i]] - 1)
        b = min(sums[k] / counts[k] for k in range(K) if k != labels[i] and counts[k] > 0)
        s[i] = (b - a) / max(a, b)
    return s


def _elbow(g, data, data_index, report):
    """inertia_ for K = 1..8 on blobs300k4, k-means++ seed 0, n_init 1."""
    X = data["blobs300k4"][0]
    inertias = []
    for K in range(1, 9):
        c = dict(name="elbow K=%d" % K, dataset="blobs300k4", K=K, init="k-means++", seed=0, n_init=1,
                 max_iter=300, tol=1e-4, centers=None)
        km, rec, margins = _run_case(X, c)
        inertias.append(km.inertia_)
    g.section("elbow: KMeans(n_clusters=K, init='k-means++', n_init=1, random_state=0).fit(blobs300k4.X).inertia_\n"
              "for K = 1..8")
    g.scalar("elbow.dataset", data_index["blobs300k4"], "index d of the data: data.d.X = blobs300k4.X")
    g.vector("elbow.inertia", inertias, "[KMeans(n_clusters=K, n_init=1, random_state=0).fit(X).inertia_ for K in 1..8]")


def _all_cases(data):
    """Every case, ordered: the first family's cases with margins above MARGIN (their old indices),
    its near-tie cases, then the ties on purpose. Each: (case, model, record, margins)."""
    done = []
    for c in cases.cases(data) + cases.tie_cases(data):
        c["name"] = cases.call(c)
        c["dataset_rows"] = data[c["dataset"]][0].shape[0]
        km, rec, margins = _run_case(data[c["dataset"]][0], c)
        done.append((c, km, rec, margins))
    rank = [0 if c.get("tie") is None and m.smallest() > MARGIN else 1 if c.get("tie") is None else 2
            for c, _, _, m in done]
    return [done[t] for t in sorted(range(len(done)), key=lambda t: rank[t])]


def build_kmeans(report):
    data = cases.datasets()
    names = list(data)
    data_index = {n: d for d, n in enumerate(names)}
    g = golden_writer.GoldenFile(
        "kmeans.txt", "kmeans",
        ["scikit-learn KMeans(algorithm='lloyd') under threadpool_limits(T, 'openmp'), T = 1 or 2 (each case's",
         "threads), on the reference BLAS; every case written, its decision margins reported (goldens_kmeans.py);",
         "integer-valued cases with ties on purpose; silhouette_score / silhouette_samples for three cases.",
         "Integers are written as doubles."])
    g.section("data sets: data.d.X, d = 0..%d; standardised = 1 marks zero-mean, unit-variance columns" % (len(names) - 1))
    for d, n in enumerate(names):
        X, call, standardised = data[n]
        g.comment("data %d: %s" % (d, n))
        g.matrix("data.%d.X" % d, X, call)
        g.scalar("data.%d.standardised" % d, 1 if standardised else 0, "1 if the columns were standardised")

    written = []
    for c, km, rec, margins in _all_cases(data):
        i = len(written)
        _write_case(g, i, c, data_index, km, rec, margins)
        written.append((i, c, km, rec, margins))
    near = [(i, c, m) for i, c, _, _, m in written if m.smallest() <= MARGIN]
    ties = [w for w in written if w[1].get("tie")]
    exact = sum(1 for w in ties if w[4].m["assignment"] == 0.0 or w[4].m["relocation"] == 0.0)
    disagree = sum(1 for w in written if not w[3]["replay_agrees"])
    g.section("%d cases: %d with a margin <= %g, %d of them decided otherwise by the plain-numpy replay; %d with ties on\n"
              "purpose, %d of which have an exact tie (assignment or relocation margin 0)"
              % (len(written), len(near), MARGIN, disagree, len(ties), exact))
    g.scalar("kmeans.count", len(written), "number of cases kmeans.0 .. kmeans.%d" % (len(written) - 1))
    n_sil = _silhouette(g, [(i, c, km) for i, c, km, _, _ in written], data, names, report)
    g.scalar("silhouette.count", n_sil, "number of silhouette entries")
    with golden_writer.OpenMPThreads(1):
        _elbow(g, data, data_index, report)
    goldens_kmeans_steps.lloyd_steps(g, data, data_index, report)
    goldens_numpy_order.numpy_order(g, report)

    report.append("kmeans: %d cases (%d near ties, %d with ties on purpose, %d with an exact tie); the plain-numpy "
                  "replay decides %d of them otherwise" % (len(written), len(near), len(ties), exact, disagree))
    if len(ties) < MIN_TIE_CASES or exact < MIN_EXACT_TIES:
        raise RuntimeError("kmeans: %d tie cases, %d with an exact tie; need %d and %d"
                           % (len(ties), exact, MIN_TIE_CASES, MIN_EXACT_TIES))
    assert sklearn.__version__ == golden_writer.REQUIRED_SKLEARN
    return g.text()

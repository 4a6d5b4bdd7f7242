# SPDX-License-Identifier: MIT
"""tests/golden/kmeans.txt: scikit-learn 1.2.1 KMeans(algorithm='lloyd') and silhouette_score for
algorithms/kmeans.cpp and algorithms/silhouette.cpp (tags KM.1 to KM.12).

Every case is fitted by sklearn (one OpenMP thread, set by export.py) and then replayed here in
plain numpy, written from the semantics (sklearn-semantics.md, section 2), NOT by calling sklearn:

  * the init: k-means++ (KM.9) and random (KM.10) draw from one numpy RandomState(seed) threaded
    through the n_init runs (KM.11); the replayed indices must equal those of sklearn's public
    kmeans_plusplus / RandomState.permutation on the same stream, and KMeans(init=X[indices],
    n_init=1) run by run, with sklearn's best-run rule, must give the very numbers of the fit;
  * Lloyd (KM.2 to KM.8) from that init, with full squared distances ||x - c||^2;
  * the replay must reproduce sklearn's labels_ and n_iter_ exactly and its centres and inertia
    to 1e-12 (asserted).

The replay records the decision margins: a case is REJECTED (printed, not exported) when any is
<= MARGIN, because a C++ port that rounds differently could then decide differently (this numpy
runs on the reference BLAS, the C++ on its own loops):
  assignment  min over iterations and samples of (d2 - d1) / max(d1, d2), d1 <= d2 the two
              smallest squared distances (KM.2), including the final re-assignment (KM.8);
  tolerance   |sum shift^2 - tol_abs| / tol_abs at every tolerance test (KM.5); for tol = 0,
              sum shift^2 / mean(var(X)) (the test fires only at exactly 0);
  relocation  the gaps between the n_empty + 1 largest distances, / the largest (KM.4);
  seeding     (KM.9) the distance from every draw to the nearest boundary of its cumulative-sum
              bin, / potential, and the best-vs-second potential gap among distinct candidates;
  best run    |inertia - best| / best whenever the clusterings differ (KM.11).
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import numpy as np
import sklearn
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.datasets import load_iris, make_blobs
from sklearn.metrics import silhouette_samples, silhouette_score
from threadpoolctl import threadpool_limits

MARGIN = 1e-9
INIT_CODE = {"k-means++": 0, "random": 1, "array": 2}
MIN_ACCEPTED, MIN_ACCEPTED_IRIS = 12, 3


# ---------------------------------------------------------------- data

def _datasets():
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
    }


# ---------------------------------------------------------------- the numpy replay

class Margins:
    def __init__(self):
        self.m = {"assignment": np.inf, "tolerance": np.inf, "relocation": np.inf,
                  "seeding_draw": np.inf, "seeding_best": np.inf, "best_run": np.inf}
        self.relocations = 0
        self.stops = []  # per run: 'strict' (KM.7), 'tol' or 'max_iter' (then KM.8 re-assigns)

    def note(self, kind, value):
        self.m[kind] = min(self.m[kind], float(value))

    def smallest(self):
        return min(self.m.values())

    def text(self):
        return ", ".join("%s %.3g" % (k, v) for k, v in self.m.items() if np.isfinite(v))


def _sqdist(Xc, C):
    """N x K full squared distances, by direct differences."""
    return ((Xc[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)


def _assign(Xc, C, margins):
    """(KM.2) nearest centre, first index on ties; records the relative margin."""
    D = _sqdist(Xc, C)
    labels = np.argmin(D, axis=1)
    if C.shape[0] > 1:
        two = np.sort(D, axis=1)[:, :2]
        top = np.maximum(two[:, 0], two[:, 1])
        rel = np.where(top > 0, (two[:, 1] - two[:, 0]) / np.where(top > 0, top, 1.0), 0.0)
        margins.note("assignment", rel.min())
    return labels


def _update(Xc, C_old, labels, margins):
    """(KM.3) means by the reciprocal, with (KM.4) relocation of empty clusters first."""
    K, D = C_old.shape
    sums = np.zeros((K, D))
    counts = np.zeros(K)
    for i, l in enumerate(labels):  # sample order, as sklearn with one thread
        sums[l] += Xc[i]
        counts[l] += 1.0
    empty = np.flatnonzero(counts == 0)
    if empty.size:
        dist = ((Xc - C_old[labels]) ** 2).sum(axis=1)
        order = np.argsort(-dist, kind="stable")
        top = dist[order[:empty.size + 1]]
        margins.note("relocation", (np.diff(-top) / top[0]).min() if top[0] > 0 else 0.0)
        for e, f in zip(empty, order[:empty.size]):
            o = labels[f]
            sums[o] -= Xc[f]
            counts[o] -= 1.0
            sums[e] = Xc[f]
            counts[e] = 1.0
        margins.relocations += empty.size
    C_new = sums.copy()
    for j in range(K):
        if counts[j] > 0:
            C_new[j] *= 1.0 / counts[j]
    return C_new


def _lloyd(Xc, C0, max_iter, tol_abs, mean_var, margins, n_run):
    """(KM.2)-(KM.8); returns labels, centred centres, inertia, n_iter."""
    C = C0.copy()
    labels_old = np.full(Xc.shape[0], -1)
    strict = False
    for it in range(max_iter):
        labels = _assign(Xc, C, margins)
        C_new = _update(Xc, C, labels, margins)
        shift = ((C_new - C) ** 2).sum()
        C = C_new
        if np.array_equal(labels, labels_old):
            strict = True
            margins.stops.append("strict")
            break
        if tol_abs > 0:
            margins.note("tolerance", abs(shift - tol_abs) / tol_abs)
        else:
            margins.note("tolerance", shift / mean_var)
        if shift <= tol_abs:
            margins.stops.append("tol")
            break
        labels_old = labels
    if len(margins.stops) < n_run + 1:
        margins.stops.append("max_iter")
    if not strict:
        labels = _assign(Xc, C, margins)  # (KM.8)
    inertia = ((Xc - C[labels]) ** 2).sum()
    return labels, C, inertia, it + 1


def _kmeanspp(Xc, K, rs, margins):
    """(KM.9) greedy k-means++ on the centred data; returns the sample indices."""
    n = Xc.shape[0]
    trials = 2 + int(np.log(K))
    idx = [rs.randint(n)]
    closest = ((Xc - Xc[idx[0]]) ** 2).sum(axis=1)
    pot = closest.sum()
    for _ in range(1, K):
        r = rs.uniform(size=trials) * pot
        cum = np.cumsum(closest)
        cand = np.minimum(np.searchsorted(cum, r), n - 1)
        for t in range(trials):
            lower = cum[cand[t] - 1] if cand[t] > 0 else 0.0
            gap = min(r[t] - lower, cum[cand[t]] - r[t]) if r[t] <= cum[-1] else 0.0
            margins.note("seeding_draw", gap / pot)
        new = np.minimum(closest[None, :], _sqdist(Xc, Xc[cand]).T)
        pots = new.sum(axis=1)
        best = int(np.argmin(pots))
        others = [pots[t] for t in range(trials) if cand[t] != cand[best]]
        if others:
            margins.note("seeding_best", (min(others) - pots[best]) / pots[best])
        idx.append(int(cand[best]))
        pot, closest = pots[best], new[best]
    return idx


def _same_clustering(a, b, K):
    """sklearn's _is_same_clustering: the map a -> b is a function."""
    mapping = np.full(K, -1)
    for x, y in zip(a, b):
        if mapping[x] == -1:
            mapping[x] = y
        elif mapping[x] != y:
            return False
    return True


# ---------------------------------------------------------------- one case

def _fit(X, K, init, n_init, max_iter, tol, seed):
    km = KMeans(n_clusters=K, init=init, n_init=n_init, max_iter=max_iter, tol=tol,
                random_state=seed, algorithm="lloyd")
    return km.fit(X)


def _run_case(X, c):
    """Fits, replays and checks one case; returns (sklearn model, record dict, Margins). The record is
    None when the replay disagrees with sklearn at a margin <= MARGIN (the case is then rejected)."""
    K, kind, n_init, max_iter, tol, seed = (c["K"], c["init"], c["n_init"], c["max_iter"],
                                            c["tol"], c["seed"])
    init_arg = c["centers"] if kind == "array" else kind
    km = _fit(X, K, init_arg, n_init, max_iter, tol, seed)
    mean_var = np.mean(np.var(X, axis=0))
    tol_abs = mean_var * tol  # sklearn's _tolerance (KM.6)
    X_mean = X.mean(axis=0)
    Xc = X - X_mean
    margins = Margins()

    # the init of every run: ours (replay) and sklearn's public functions on the same stream
    rs_ours, rs_ref = np.random.RandomState(seed), np.random.RandomState(seed)
    runs = []
    for _ in range(n_init):
        if kind == "k-means++":
            ours = _kmeanspp(Xc, K, rs_ours, margins)
            _, ref = kmeans_plusplus(Xc, K, random_state=rs_ref)
        elif kind == "random":
            ours = list(rs_ours.permutation(X.shape[0])[:K])
            ref = rs_ref.permutation(X.shape[0])[:K]
        else:
            ours = ref = None
        if ours is not None and list(ours) != list(ref):
            raise RuntimeError("%s: replayed init %s != sklearn's %s" % (c["name"], ours, list(ref)))
        runs.append(ours)

    # each run by sklearn from an explicit init, and by the replay
    best = None
    for r, idx in enumerate(runs):
        C0 = X[idx] if idx is not None else c["centers"]
        one = _fit(X, K, C0, 1, max_iter, tol, None)
        labels, C, inertia, n_iter = _lloyd(Xc, C0 - X_mean, max_iter, tol_abs, mean_var, margins, r)
        scale = max(1.0, np.abs(X).max())
        if not (np.array_equal(labels, one.labels_) and n_iter == one.n_iter_
                and np.abs(C + X_mean - one.cluster_centers_).max() <= 1e-12 * scale
                and abs(inertia - one.inertia_) <= 1e-12 * one.inertia_):
            if margins.smallest() <= MARGIN:  # a near tie: disagreement is expected, reject the case
                return km, None, margins
            raise RuntimeError("%s run %d: the numpy replay disagrees with sklearn although every margin "
                               "exceeds %g (%s)" % (c["name"], r, MARGIN, margins.text()))
        if best is None:
            best = (r, one)
        elif not _same_clustering(one.labels_, best[1].labels_, K):
            margins.note("best_run", abs(one.inertia_ - best[1].inertia_) / best[1].inertia_)
            if one.inertia_ < best[1].inertia_:
                best = (r, one)
    b = best[1]
    if not (np.array_equal(b.labels_, km.labels_) and b.n_iter_ == km.n_iter_
            and np.array_equal(b.cluster_centers_, km.cluster_centers_) and b.inertia_ == km.inertia_):
        raise RuntimeError("%s: run-by-run fits from the replayed inits do not give the fit" % c["name"])
    if c.get("expect_relocation") and margins.relocations == 0:
        raise RuntimeError("%s: meant to empty a cluster, but no relocation happened" % c["name"])
    return km, {"tol_abs": tol_abs, "runs": runs, "best_run": best[0]}, margins


# ---------------------------------------------------------------- the cases

def _far_centres(X, rows, far):
    """Data rows as initial centres, plus centres far outside the data (they end up empty)."""
    C = X[rows].copy()
    span = X.max(axis=0) - X.min(axis=0)
    extra = [X.max(axis=0) + (10.0 * (t + 1)) * span for t in range(far)]
    return np.vstack([C] + extra)


def _cases(data):
    iris, b300 = data["iris"][0], data["blobs300k4"][0]
    b1000, std = data["blobs1000k6"][0], data["blobs1000k6_std"][0]
    cases = []

    def add(ds, K, init, seed=0, n_init=1, max_iter=300, tol=1e-4, centers=None, note="", **kw):
        cases.append(dict(dataset=ds, K=K, init=init, seed=seed, n_init=n_init, max_iter=max_iter,
                          tol=tol, centers=centers, note=note, **kw))

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
    add("iris", 3, "array", centers=_far_centres(iris, [0, 50], 1), expect_relocation=True,
        note="rows 0, 50 and one centre far outside the data")
    add("blobs300k4", 4, "array", centers=_far_centres(b300, [0, 1], 2), expect_relocation=True,
        note="rows 0, 1 and two centres far outside the data")
    add("blobs1000k6_std", 6, "array", centers=_far_centres(std, [0, 1, 2, 3, 4], 1), expect_relocation=True,
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


def _call(c):
    init = "init=C0" if c["init"] == "array" else "init='%s'" % c["init"]
    return ("KMeans(n_clusters=%d, %s, n_init=%d, max_iter=%d, tol=%r, random_state=%d, algorithm='lloyd')"
            ".fit(%s.X)" % (c["K"], init, c["n_init"], c["max_iter"], c["tol"], c["seed"], c["dataset"]))


# ---------------------------------------------------------------- writing

def _write_case(g, i, c, data_index, km, rec, margins):
    p = "kmeans.%d" % i
    call = _call(c)
    g.section("case %d: %s%s\n  margins: %s%s\n  stopped by: %s"
              % (i, call, "; C0 = %s" % c["note"] if c["note"] else "", margins.text(),
                 "; %d relocation(s)" % margins.relocations if margins.relocations else "",
                 _stops(margins.stops)))
    g.scalar(p + ".dataset", data_index[c["dataset"]], "index d of the data: X = data.d.X = %s.X" % c["dataset"])
    g.scalar(p + ".K", c["K"], call)
    g.scalar(p + ".init", INIT_CODE[c["init"]], "0 = 'k-means++', 1 = 'random', 2 = array C0")
    g.scalar(p + ".seed", c["seed"], "random_state")
    g.scalar(p + ".n_init", c["n_init"], "n_init")
    g.scalar(p + ".max_iter", c["max_iter"], "max_iter")
    g.scalar(p + ".tol", c["tol"], "tol")
    g.scalar(p + ".tol_abs", rec["tol_abs"], "numpy.mean(numpy.var(X, axis=0)) * tol  # sklearn's _tolerance")
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
        D = np.sqrt(_sqdist(X, X))
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
    """inertia_ for K = 1..8 on blobs300k4, k-means++ seed 0, n_init 1: exported only if every K passes."""
    X = data["blobs300k4"][0]
    inertias = []
    for K in range(1, 9):
        c = dict(name="elbow K=%d" % K, dataset="blobs300k4", K=K, init="k-means++", seed=0, n_init=1,
                 max_iter=300, tol=1e-4, centers=None)
        km, rec, margins = _run_case(X, c)
        if rec is None or margins.smallest() <= MARGIN:
            report.append("kmeans: elbow not exported: K=%d has margins %s" % (K, margins.text()))
            return
        inertias.append(km.inertia_)
    g.section("elbow: KMeans(n_clusters=K, init='k-means++', n_init=1, random_state=0).fit(blobs300k4.X).inertia_\n"
              "for K = 1..8 (every K passed the margin checks)")
    g.scalar("elbow.dataset", data_index["blobs300k4"], "index d of the data: data.d.X = blobs300k4.X")
    g.vector("elbow.inertia", inertias, "[KMeans(n_clusters=K, n_init=1, random_state=0).fit(X).inertia_ for K in 1..8]")


def _lloyd_steps(g, data, data_index, report):
    """One Lloyd iteration from given centres (the kmeans-update exercise): the labels of the first
    assignment (KM.2) and sklearn's centres after the first update (KM.3, KM.4), which are
    KMeans(init=C0, n_init=1, max_iter=1).cluster_centers_ (after max_iter the centres are not
    re-estimated from the final re-assignment). The labels come from the numpy replay; its update
    must give sklearn's centres to 1e-12 and every relocation margin must exceed MARGIN."""
    iris, b300, std = data["iris"][0], data["blobs300k4"][0], data["blobs1000k6_std"][0]
    steps = [("iris", iris[[0, 50, 100]], "rows 0, 50, 100"),
             ("blobs1000k6_std", std[:6], "rows 0..5 (N = 1000: several chunks of 256)"),
             ("iris", _far_centres(iris, [0, 50], 1), "rows 0, 50 and one centre far outside the data: "
                                                      "cluster 2 is empty and takes the farthest sample (KM.4)"),
             ("blobs300k4", _far_centres(b300, [0, 1], 2), "rows 0, 1 and two far centres: two empty clusters"),
             ("chain3", np.array([[100.0], [0.5], [15.0]]), "centres 100, 0.5, 15: cluster 0 takes sample 2, "
                                                            "which empties cluster 2; it keeps its sum (0) as centre")]
    g.section("lloyd_step.s: one Lloyd iteration from given centres C0 (coordinates of X), for the update step alone:\n"
              "  labels  = the first assignment (KM.2) on the centred data, from the numpy replay\n"
              "  centers = KMeans(n_clusters=K, init=C0, n_init=1, max_iter=1, algorithm='lloyd').fit(X).cluster_centers_\n"
              "            = the means of `labels` after relocating empty clusters (KM.3, KM.4), shifted back by X.mean(axis=0)")
    with threadpool_limits(limits=1, user_api="openmp"):
        for s, (ds, C0, note) in enumerate(steps):
            X = data[ds][0]
            X_mean = X.mean(axis=0)
            Xc = X - X_mean
            margins = Margins()
            labels = _assign(Xc, C0 - X_mean, margins)
            C1 = _update(Xc, C0 - X_mean, labels, margins) + X_mean
            km = _fit(X, C0.shape[0], C0, 1, 1, 1e-4, None)
            scale = max(1.0, np.abs(X).max())
            diff = np.abs(C1 - km.cluster_centers_).max()
            if diff > 1e-12 * scale or margins.m["relocation"] <= MARGIN:
                raise RuntimeError("lloyd_step %d: replay vs sklearn %.3g, margins %s" % (s, diff, margins.text()))
            p = "lloyd_step.%d" % s
            g.comment("step %d: %s.X, C0 = %s; %d relocation(s); max |replay - sklearn| %.3g"
                      % (s, ds, note, margins.relocations, diff))
            g.scalar(p + ".dataset", data_index[ds], "index d of the data: X = data.d.X = %s.X" % ds)
            g.matrix(p + ".init_centers", C0, "C0, in the coordinates of X")
            g.vector(p + ".labels", labels, "numpy.argmin(((Xc[:, None, :] - (C0 - X_mean)[None]) ** 2).sum(axis=2), axis=1)"
                                            "  # Xc = X - X_mean, X_mean = X.mean(axis=0)")
            g.matrix(p + ".centers", km.cluster_centers_,
                     "KMeans(n_clusters=%d, init=C0, n_init=1, max_iter=1, algorithm='lloyd').fit(X).cluster_centers_"
                     % C0.shape[0])
            report.append("kmeans: lloyd_step %d (%s): %d relocation(s), max |replay - sklearn| %.3g"
                          % (s, ds, margins.relocations, diff))
    g.scalar("lloyd_step.count", len(steps), "number of entries lloyd_step.0 .. lloyd_step.%d" % (len(steps) - 1))


def build_kmeans(report):
    data = _datasets()
    names = list(data)
    data_index = {n: d for d, n in enumerate(names)}
    g = golden_writer.GoldenFile(
        "kmeans.txt", "kmeans",
        ["scikit-learn KMeans(algorithm='lloyd') under threadpool_limits(1, 'openmp'), each case replayed in",
         "numpy from its init and kept only if every decision margin exceeds %g (see goldens_kmeans.py);" % MARGIN,
         "silhouette_score / silhouette_samples for three of them. Integers are written as doubles."])
    g.section("data sets: data.d.X, d = 0..%d; standardised = 1 marks zero-mean, unit-variance columns" % (len(names) - 1))
    for d, n in enumerate(names):
        X, call, standardised = data[n]
        g.comment("data %d: %s" % (d, n))
        g.matrix("data.%d.X" % d, X, call)
        g.scalar("data.%d.standardised" % d, 1 if standardised else 0, "1 if the columns were standardised")

    written, rejected = [], []
    with threadpool_limits(limits=1, user_api="openmp"):
        for c in _cases(data):
            c["name"] = _call(c)
            c["dataset_rows"] = data[c["dataset"]][0].shape[0]
            km, rec, margins = _run_case(data[c["dataset"]][0], c)
            if rec is None or margins.smallest() <= MARGIN:
                rejected.append((c, margins))
                continue
            i = len(written)
            _write_case(g, i, c, data_index, km, rec, margins)
            written.append((i, c, km))
        g.section("%d cases accepted, %d rejected (a margin <= %g):" % (len(written), len(rejected), MARGIN))
        for c, margins in rejected:
            g.comment("rejected: %s%s: %s" % (c["name"], "; C0 = " + c["note"] if c["note"] else "", margins.text()))
        g.scalar("kmeans.count", len(written), "number of accepted cases kmeans.0 .. kmeans.%d" % (len(written) - 1))
        n_sil = _silhouette(g, written, data, names, report)
        g.scalar("silhouette.count", n_sil, "number of silhouette entries")
        _elbow(g, data, data_index, report)
    _lloyd_steps(g, data, data_index, report)

    n_iris = sum(1 for _, c, _ in written if c["dataset"] == "iris")
    report.append("kmeans: %d cases accepted (%d on iris), %d rejected" % (len(written), n_iris, len(rejected)))
    for c, margins in rejected:
        report.append("kmeans:   rejected %s: %s" % (c["name"], margins.text()))
    if len(written) < MIN_ACCEPTED or n_iris < MIN_ACCEPTED_IRIS:
        raise RuntimeError("kmeans: only %d cases accepted (%d on iris); need %d (%d on iris)"
                           % (len(written), n_iris, MIN_ACCEPTED, MIN_ACCEPTED_IRIS))
    assert sklearn.__version__ == golden_writer.REQUIRED_SKLEARN
    return g.text()

# SPDX-License-Identifier: MIT
"""The plain-numpy replay of KMeans(algorithm='lloyd') behind tests/golden/kmeans.txt, written from
the semantics (sklearn-semantics.md, section 2), NOT by calling sklearn, with the decision margins
it records. It adds in its own order (full squared distances by direct differences, the first of
equally far samples in the relocation), so where a margin is at rounding level it may decide
otherwise than sklearn: goldens_kmeans.py reports that, and no longer rejects such cases.

  assignment  min over iterations and samples of (d2 - d1) / max(d1, d2), d1 <= d2 the two
              smallest squared distances (KM.2), including the final re-assignment (KM.8);
  tolerance   |sum shift^2 - tol_abs| / tol_abs at every tolerance test (KM.5); for tol = 0,
              sum shift^2 / mean(var(X)) (the test fires only at exactly 0);
  relocation  the gaps between the n_empty + 1 largest distances, / the largest (KM.4);
  seeding     (KM.9) the distance from every draw to the nearest boundary of its cumulative-sum
              bin, / potential, and the best-vs-second potential gap among distinct candidates;
  best run    |inertia - best| / best whenever the clusterings differ (KM.11).
"""
import numpy as np

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


def sqdist(Xc, C):
    """N x K full squared distances, by direct differences."""
    return ((Xc[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)


def assign(Xc, C, margins):
    """(KM.2) nearest centre, first index on ties; records the relative margin."""
    D = sqdist(Xc, C)
    labels = np.argmin(D, axis=1)
    if C.shape[0] > 1:
        two = np.sort(D, axis=1)[:, :2]
        top = np.maximum(two[:, 0], two[:, 1])
        rel = np.where(top > 0, (two[:, 1] - two[:, 0]) / np.where(top > 0, top, 1.0), 0.0)
        margins.note("assignment", rel.min())
    return labels


def update(Xc, C_old, labels, margins):
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


def lloyd(Xc, C0, max_iter, tol_abs, mean_var, margins, n_run):
    """(KM.2)-(KM.8); returns labels, centred centres, inertia, n_iter."""
    C = C0.copy()
    labels_old = np.full(Xc.shape[0], -1)
    strict = False
    for it in range(max_iter):
        labels = assign(Xc, C, margins)
        C_new = update(Xc, C, labels, margins)
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
        labels = assign(Xc, C, margins)  # (KM.8)
    inertia = ((Xc - C[labels]) ** 2).sum()
    return labels, C, inertia, it + 1


def kmeanspp(Xc, K, rs, margins):
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
        new = np.minimum(closest[None, :], sqdist(Xc, Xc[cand]).T)
        pots = new.sum(axis=1)
        best = int(np.argmin(pots))
        others = [pots[t] for t in range(trials) if cand[t] != cand[best]]
        if others:
            margins.note("seeding_best", (min(others) - pots[best]) / pots[best])
        idx.append(int(cand[best]))
        pot, closest = pots[best], new[best]
    return idx


def same_clustering(a, b, K):
    """sklearn's _is_same_clustering: the map a -> b is a function."""
    mapping = np.full(K, -1)
    for x, y in zip(a, b):
        if mapping[x] == -1:
            mapping[x] = y
        elif mapping[x] != y:
            return False
    return True

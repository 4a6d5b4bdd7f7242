# SPDX-License-Identifier: MIT
"""The lloyd_step entries of tests/golden/kmeans.txt (built by goldens_kmeans.py): one Lloyd
iteration from given centres, for the assignment and the update exercises alone. The labels are
scikit-learn's own first assignment, the centres KMeans(init=C0, n_init=1, max_iter=1)'s, each
under 1 or 2 OpenMP threads; a plain-numpy replay is reported beside them.
"""
import golden_writer

import numpy as np
from sklearn.cluster import KMeans, _k_means_lloyd
from sklearn.utils._openmp_helpers import _openmp_effective_n_threads

import goldens_kmeans_cases as cases
import goldens_kmeans_replay as replay


def _first_assignment(X, C0):
    """sklearn's own first assignment (KM.2) of the centred X to the centred C0: its Lloyd iteration
    with update_centers=False, as KMeans.fit centres them."""
    X_mean = X.mean(axis=0)
    Xc, C0c = X - X_mean, C0 - X_mean
    labels = np.full(X.shape[0], -1, dtype=np.int32)
    _k_means_lloyd.lloyd_iter_chunked_dense(Xc, np.ones(X.shape[0]), C0c, None, None, labels, np.zeros(C0.shape[0]),
                                            _openmp_effective_n_threads(), update_centers=False)
    return labels


def _steps(data):
    """(data set, C0, threads, note) of each lloyd_step entry."""
    iris, b300, std = data["iris"][0], data["blobs300k4"][0], data["blobs1000k6_std"][0]
    ints, dup, lik, poi = (data[n][0] for n in ("ints200x2", "dup520x3", "likert300x9", "poisson600x5"))
    far = cases.far_centres
    return [("iris", iris[[0, 50, 100]], 1, "rows 0, 50, 100"),
            ("blobs1000k6_std", std[:6], 1, "rows 0..5 (N = 1000: several chunks of 256)"),
            ("iris", far(iris, [0, 50], 1), 1, "rows 0, 50 and one centre far outside the data: "
                                                "cluster 2 is empty and takes the farthest sample (KM.4)"),
            ("blobs300k4", far(b300, [0, 1], 2), 1, "rows 0, 1 and two far centres: two empty clusters"),
            ("chain3", np.array([[100.0], [0.5], [15.0]]), 1, "centres 100, 0.5, 15: cluster 0 takes sample 2, "
                                                               "which empties cluster 2; it keeps its sum (0) as centre"),
            ("relocated4x2", np.array([[0.5, 0.5], [3.0, 3.0]]), 1,
             "sklearn's test_kmeans_relocated_clusters: samples 0 and 3 tie as the farthest; introselect gives 3"),
            ("ints200x2", far(ints, [0, 1, 2], 2), 1, "rows 0, 1, 2 and two far centres: equally far samples (KM.16)"),
            ("dup520x3", far(dup, [0, 1, 2, 3], 1), 2, "rows 0..3 and a far centre, 2 threads (chunks 0-1 | 2)"),
            ("likert300x9", lik[:5], 2, "rows 0..4, 2 threads (chunk 0 | 1)"),
            ("poisson600x5", poi[:4], 1, "rows 0..3")]


def lloyd_steps(g, data, data_index, report):
    """One Lloyd iteration from given centres (the kmeans-assign and kmeans-update exercises): the
    labels of sklearn's first assignment (KM.2) and its centres after the first update (KM.3, KM.4),
    which are KMeans(init=C0, n_init=1, max_iter=1).cluster_centers_ (after max_iter the centres are
    not re-estimated from the final re-assignment)."""
    steps = _steps(data)
    g.section("lloyd_step.s: one Lloyd iteration from given centres C0 (coordinates of X), for the assignment and the\n"
              "update step alone, under threadpool_limits(threads, 'openmp'):\n"
              "  labels  = sklearn's first assignment (KM.2) of the centred data to C0 - X.mean(axis=0)\n"
              "  centers = KMeans(n_clusters=K, init=C0, n_init=1, max_iter=1, algorithm='lloyd').fit(X).cluster_centers_\n"
              "            = the means of `labels` after relocating empty clusters (KM.3, KM.4), shifted back by X.mean(axis=0)")
    for s, (ds, C0, threads, note) in enumerate(steps):
        X = data[ds][0]
        X_mean = X.mean(axis=0)
        margins = replay.Margins()
        ours = replay.assign(X - X_mean, C0 - X_mean, margins)
        with golden_writer.OpenMPThreads(threads):
            labels = _first_assignment(X, C0)
            km = KMeans(n_clusters=C0.shape[0], init=C0, n_init=1, max_iter=1, algorithm="lloyd").fit(X)
        C1 = replay.update(X - X_mean, C0 - X_mean, labels, margins) + X_mean
        diff = np.abs(C1 - km.cluster_centers_).max()
        p = "lloyd_step.%d" % s
        g.comment("step %d: %s.X, C0 = %s; %d relocation(s); margins %s; plain-numpy replay: labels %s, "
                  "max |centres - sklearn| %.3g" % (s, ds, note, margins.relocations, margins.text(),
                                                    "agree" if np.array_equal(ours, labels) else "DIFFER", diff))
        g.scalar(p + ".dataset", data_index[ds], "index d of the data: X = data.d.X = %s.X" % ds)
        g.scalar(p + ".threads", threads, "threadpool_limits(%d, 'openmp')" % threads)
        g.matrix(p + ".init_centers", C0, "C0, in the coordinates of X")
        g.vector(p + ".labels", labels, "sklearn.cluster._k_means_lloyd.lloyd_iter_chunked_dense(Xc, ..., C0 - X_mean, ..., "
                                        "update_centers=False) labels  # Xc = X - X_mean, X_mean = X.mean(axis=0)")
        g.matrix(p + ".centers", km.cluster_centers_,
                 "KMeans(n_clusters=%d, init=C0, n_init=1, max_iter=1, algorithm='lloyd').fit(X).cluster_centers_"
                 % C0.shape[0])
        report.append("kmeans: lloyd_step %d (%s, %d thread(s)): %d relocation(s), max |replay - sklearn| %.3g"
                      % (s, ds, threads, margins.relocations, diff))
    g.scalar("lloyd_step.count", len(steps), "number of entries lloyd_step.0 .. lloyd_step.%d" % (len(steps) - 1))

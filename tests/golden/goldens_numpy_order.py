# SPDX-License-Identifier: MIT
"""The numpy_order.* entries of tests/golden/kmeans.txt (built by goldens_kmeans.py), for
algorithms/numpy_order.cpp (KM.13, KM.14, KM.16): numpy 1.24's own results for its summation
order, its einsum order and its introselect, on inputs where the order shows.
"""
import numpy as np

SUM_LENGTHS = [1, 2, 7, 8, 9, 15, 16, 17, 100, 127, 128, 129, 130, 255, 256, 257, 1000, 4097, 8191, 8192,
               8193, 12345, 16384, 16385, 20000]
ARGPARTITION = [(3, 1), (3, 2), (4, 1), (4, 3), (5, 2), (6, 1), (10, 1), (10, 3), (10, 7), (40, 1), (40, 2),
                (40, 5), (40, 17), (300, 1), (300, 2), (300, 3), (300, 12), (300, 150), (1000, 4), (1000, 11)]
# Ties at the maximum for N <= 3, where numpy's introselect takes its dumb_select path (kth - low < 3)
# instead of the scan for the last maximum: which of equal maxima comes out depends on its swaps
# (argpartition([.5, .5, .25], -1)[-1] is 0, the first; argpartition([.5, .5], -1)[-1] is 1, the last).
SMALL_TIES = [([0.5, 0.5, 0.25], 1), ([0.5, 0.5, 0.25], 2), ([0.5, 0.5], 1), ([0.5, 0.25, 0.5], 1),
              ([0.25, 0.5, 0.5], 1), ([0.5, 0.5, 0.5], 1), ([0.5, 0.5, 0.5], 2)]


def numpy_order(g, report):
    g.section("numpy_order: numpy %s's own sums, einsum norms and argpartitions (algorithms/numpy_order.cpp)" % np.__version__)
    v = np.random.RandomState(7).random_sample(20000)
    g.vector("numpy_order.sum.n", SUM_LENGTHS, "the lengths n")
    g.vector("numpy_order.sum.value", [np.sum(v[:n]) for n in SUM_LENGTHS],
             "[numpy.sum(v[:n]) for n in lengths], v = numpy.random.RandomState(7).random_sample(20000)")
    g.vector("numpy_order.column_mean.value", [v[:n].reshape(-1, 1).mean(axis=0)[0] for n in SUM_LENGTHS],
             "[v[:n].reshape(-1, 1).mean(axis=0)[0] for n in lengths]  # X.mean(axis=0) for D = 1")
    norms = np.array([np.einsum("ij,ij->i", A, A) for A in
                      (np.random.RandomState(d).random_sample((2, d)) for d in range(1, 41))])
    g.matrix("numpy_order.einsum", norms, "row d-1: numpy.einsum('ij,ij->i', A, A) with "
                                          "A = numpy.random.RandomState(d).random_sample((2, d)), d = 1..40")
    for s, (n, m) in enumerate(ARGPARTITION):
        x = np.random.RandomState(100 + s).randint(0, 4, size=n).astype(np.float64)
        p = "numpy_order.argpartition.%d" % s
        g.vector(p + ".v", x, "numpy.random.RandomState(%d).randint(0, 4, size=%d).astype(float)  # many ties" % (100 + s, n))
        g.scalar(p + ".m", m, "m")
        g.vector(p + ".top", np.argpartition(x, -m)[:-m - 1:-1], "numpy.argpartition(v, -m)[:-m-1:-1]")
    for s, (v, m) in enumerate(SMALL_TIES, start=len(ARGPARTITION)):
        x = np.array(v, dtype=np.float64)
        p = "numpy_order.argpartition.%d" % s
        g.vector(p + ".v", x, "ties at the maximum, N <= 3 (numpy's dumb_select path)")
        g.scalar(p + ".m", m, "m")
        g.vector(p + ".top", np.argpartition(x, -m)[:-m - 1:-1], "numpy.argpartition(v, -m)[:-m-1:-1]")
    count = len(ARGPARTITION) + len(SMALL_TIES)
    g.scalar("numpy_order.argpartition.count", count, "number of argpartition entries")
    report.append("kmeans: numpy_order: %d sums, 40 einsum lengths, %d argpartitions"
                  % (len(SUM_LENGTHS), count))

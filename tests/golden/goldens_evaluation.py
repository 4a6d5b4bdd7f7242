# SPDX-License-Identifier: MIT
"""tests/golden/evaluation.txt: train_test_split's rows and sklearn.metrics' numbers, for
algorithms/split.cpp and algorithms/metrics.cpp (tests/test_evaluation.cpp).

The inputs are not stored: every y, y_hat and P is drawn from numpy.random.RandomState(seed) by the
calls named in the entries, which algorithms/random.cpp repeats draw for draw, so the C++ test
rebuilds the same arrays bit for bit. Hard spots are part of the cases: a split whose classes tie in
_approximate_mode's remainders, a class with 2 rows, sums longer than numpy's 8192-element buffer,
R^2 near 0, constant y, scales of 1e-100 and 1e100, integer-valued y, probabilities of exactly 0
and 1 (clipped), a class never predicted and a class that never occurs.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import os

import numpy as np
import pandas as pd
from sklearn.metrics import (accuracy_score, classification_report, confusion_matrix, log_loss,
                             mean_absolute_error, mean_squared_error, r2_score)
from sklearn.model_selection import train_test_split

# (name, N, test_size, seed): plain splits; an int test_size is a count
PLAIN_SPLITS = [
    ("n10", 10, 0.25, 0),
    ("n150", 150, 0.3, 42),
    ("n1000", 1000, 0.2, 7),
    ("n7_count3", 7, 3, 1),
    ("n101_half", 101, 0.5, 2**32 - 1),
    ("n2", 2, 0.5, 0),
]


def _stratified_cases():
    """(name, y, test_size, seed): y class indices 0..K-1, in the row order given."""
    rs = np.random.RandomState(3)
    cases = [
        ("three_equal", np.repeat(np.arange(3), 50), 0.3, 0),             # iris-shaped, sorted rows
        ("ties", np.tile(np.arange(4), 5), 0.3, 11),                      # 4 x 5 rows: remainders all 0.5
        ("imbalanced", rs.permutation(np.repeat(np.arange(4), [2, 3, 17, 40])), 0.25, 5),
        ("two_rare", rs.permutation(np.repeat(np.arange(2), [2, 98])), 0.2, 1),
        ("count_test", rs.permutation(np.repeat(np.arange(3), [7, 7, 6])), 9, 123),
    ]
    return cases


def _splits(g):
    g.section("train_test_split(np.arange(N), test_size=T, random_state=S): (EV.1)-(EV.2). An integer T is a count.")
    for name, n, t, seed in PLAIN_SPLITS:
        train, test = train_test_split(np.arange(n), test_size=t, random_state=seed)
        call = "train_test_split(numpy.arange(%d), test_size=%r, random_state=%d)" % (n, t, seed)
        g.vector("split.%s.train" % name, train, call + "[0]")
        g.vector("split.%s.test" % name, test, call + "[1]")
    g.section("train_test_split(np.arange(N), test_size=T, random_state=S, stratify=y): (EV.3)-(EV.4).")
    for name, y, t, seed in _stratified_cases():
        n = y.shape[0]
        train, test = train_test_split(np.arange(n), test_size=t, random_state=seed, stratify=y)
        call = "train_test_split(numpy.arange(%d), test_size=%r, random_state=%d, stratify=y)" % (n, t, seed)
        g.vector("stratified.%s.y" % name, y, "y: class indices (see goldens_evaluation.py)")
        g.vector("stratified.%s.train" % name, train, call + "[0]")
        g.vector("stratified.%s.test" % name, test, call + "[1]")


DATASETS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "datasets")


def _cli_splits(g):
    g.section("The rows the CLI's --test-size/--split-seed[/--stratify] must pick (tests/cli_linreg.cmake, cli_logreg.cmake):\n"
              "train_test_split on the data rows of a committed data set, counted from 0.")
    n = len(pd.read_csv(os.path.join(DATASETS, "diabetes_raw.csv")))
    train, test = train_test_split(np.arange(n), test_size=0.25, random_state=3)
    call = "train_test_split(numpy.arange(%d), test_size=0.25, random_state=3)  # datasets/diabetes_raw.csv" % n
    g.vector("cli.diabetes_raw.train", train, call + "[0]")
    g.vector("cli.diabetes_raw.test", test, call + "[1]")
    y = pd.read_csv(os.path.join(DATASETS, "iris.csv"))["species"].to_numpy()
    train, test = train_test_split(np.arange(len(y)), test_size=0.3, random_state=5, stratify=y)
    call = "train_test_split(numpy.arange(150), test_size=0.3, random_state=5, stratify=y)  # y: datasets/iris.csv species"
    g.vector("cli.iris_stratified.train", train, call + "[0]")
    g.vector("cli.iris_stratified.test", test, call + "[1]")


# (name, seed, N, loc, scale, noise): y = RandomState(seed).normal(loc, scale, N),
# y_hat = y + noise * rs.standard_normal(N) on the same RandomState
REGRESSION = [
    ("n1", 1, 1, 0.0, 1.0, 0.5),
    ("n2", 2, 2, 0.0, 1.0, 0.5),
    ("n7", 3, 7, 10.0, 2.0, 1.0),
    ("n100", 4, 100, -3.0, 5.0, 0.1),
    ("n20000", 5, 20000, 1.0, 3.0, 0.5),
    ("near_zero_r2", 6, 1000, 0.0, 1.0, 1.0),
    ("tiny", 7, 300, 1e-100, 3e-100, 1e-101),
    ("huge", 8, 300, 1e100, 3e100, 1e99),
]


def _regression_arrays(seed, n, loc, scale, noise):
    rs = np.random.RandomState(seed)
    y = rs.normal(loc, scale, n)
    y_hat = y + noise * rs.standard_normal(n)
    return y, y_hat


def _regression_entries(g, name, y, y_hat, how):
    for fn in (r2_score, mean_squared_error, mean_absolute_error):
        g.scalar("regression.%s.%s" % (name, fn.__name__), fn(y, y_hat), "%s(y, y_hat) with %s" % (fn.__name__, how))


def _regression(g):
    g.section("r2_score, mean_squared_error, mean_absolute_error: (EV.5)-(EV.7). y = rs.normal(loc, scale, N),\n"
              "y_hat = y + noise * rs.standard_normal(N), rs = RandomState(seed); N = 1 gives nan (R^2 undefined).")
    for name, seed, n, loc, scale, noise in REGRESSION:
        y, y_hat = _regression_arrays(seed, n, loc, scale, noise)
        how = "RandomState(%d), N=%d, loc=%r, scale=%r, noise=%r" % (seed, n, loc, scale, noise)
        _regression_entries(g, name, y, y_hat, how)
    # y constant: R^2 is 1 if y_hat = y, else 0 (force_finite)
    c = np.full(50, 2.5)
    _regression_entries(g, "constant_exact", c, c.copy(), "y = y_hat = numpy.full(50, 2.5)")
    _regression_entries(g, "constant_off", c, c + np.random.RandomState(9).standard_normal(50),
                        "y = numpy.full(50, 2.5), y_hat = y + RandomState(9).standard_normal(50)")
    # integer-valued y and predictions
    rs = np.random.RandomState(10)
    yi = rs.randint(100, size=500).astype(np.float64)
    yhi = yi + rs.randint(7, size=500).astype(np.float64) - 3.0
    _regression_entries(g, "integers", yi, yhi, "y = RandomState(10).randint(100, size=500), "
                        "y_hat = y + rs.randint(7, size=500) - 3.0 (as float64)")


# (name, seed, N, K, unused): y = rs.randint(K, size=N); u = rs.random_sample(N);
# s = rs.randint(K - 1, size=N); y_hat = where(u < 0.3, (y + 1 + s) % K, y); then class K-1 is never
# predicted (y_hat[y_hat == K-1] = 0); P = rs.random_sample((N, K)) with row 0 one-hot on y[0] (0 and 1
# clipped) and row 1 all 1e-300; labels = range(K + unused): `unused` classes never occur.
CLASSIFICATION = [
    ("binary", 21, 200, 2, 0),
    ("three", 22, 1000, 3, 0),
    ("ten", 23, 20000, 10, 1),
]


def _classification_arrays(seed, n, k):
    rs = np.random.RandomState(seed)
    y = rs.randint(k, size=n)
    u = rs.random_sample(n)
    s = rs.randint(k - 1, size=n)
    y_hat = np.where(u < 0.3, (y + 1 + s) % k, y)
    y_hat[y_hat == k - 1] = 0
    P = rs.random_sample((n, k))
    P[0, :] = 0.0
    P[0, y[0]] = 1.0
    P[1, :] = 1e-300
    return y, y_hat, P


def _classification(g):
    g.section("accuracy_score, log_loss, confusion_matrix, classification_report: (EV.8)-(EV.12); arrays as in\n"
              "goldens_evaluation._classification_arrays, labels = range(K + unused).")
    for name, seed, n, k, unused in CLASSIFICATION:
        y, y_hat, P = _classification_arrays(seed, n, k)
        labels = list(range(k + unused))
        if unused:
            P = np.hstack([P, np.zeros((n, unused))])
        how = "RandomState(%d), N=%d, K=%d, labels=range(%d)" % (seed, n, k, k + unused)
        p = "classification.%s." % name
        g.scalar(p + "accuracy_score", accuracy_score(y, y_hat), "accuracy_score(y, y_hat) with " + how)
        g.scalar(p + "log_loss", log_loss(y, P, labels=labels), "log_loss(y, P, labels=labels) with " + how)
        g.matrix(p + "confusion_matrix", confusion_matrix(y, y_hat, labels=labels),
                 "confusion_matrix(y, y_hat, labels=labels) with " + how)
        rep = classification_report(y, y_hat, labels=labels, output_dict=True, zero_division=0)
        call = "classification_report(y, y_hat, labels=labels, output_dict=True, zero_division=0)"
        for key, short in (("precision", "precision"), ("recall", "recall"), ("f1-score", "f1"),
                           ("support", "support")):
            g.vector(p + short, [rep[str(c)][key] for c in labels], call + "[str(c)][%r] for c in labels" % key)
        for avg in ("macro avg", "weighted avg"):
            for key, short in (("precision", "precision"), ("recall", "recall"), ("f1-score", "f1")):
                g.scalar(p + avg.split()[0] + "_" + short, rep[avg][key], call + "[%r][%r]" % (avg, key))


def build_evaluation(report):
    g = golden_writer.GoldenFile(
        "evaluation.txt", "evaluation",
        ["Held-out rows and metrics: sklearn.model_selection.train_test_split and sklearn.metrics (1.2.1).",
         "Row indices and counts are exact doubles; the arrays behind the metrics are redrawn in C++ from",
         "the RandomState calls named in each entry (tests/golden/goldens_evaluation.py)."])
    _splits(g)
    _cli_splits(g)
    _regression(g)
    _classification(g)
    report.append("evaluation: %d plain and %d stratified splits, %d regression and %d classification cases"
                  % (len(PLAIN_SPLITS), len(_stratified_cases()), len(REGRESSION) + 3, len(CLASSIFICATION)))
    return g.text()

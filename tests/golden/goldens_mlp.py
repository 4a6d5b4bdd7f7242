# SPDX-License-Identifier: MIT
"""tests/golden/mlp.txt: scikit-learn 1.2.1 MLPClassifier / MLPRegressor (solver 'sgd' / 'adam')
for algorithms/mlp*.cpp (tags NN.1 to NN.17), by the golden protocol of sklearn-semantics.md 4.8.

Each case stores the data AS THE NETWORK SEES IT (X; Y one-hot for multiclass, one 0/1 column for
binary, the raw target columns for regression: one for diabetes, three for linnerud), its hyper-parameters as numbers, the initial weights
replayed in numpy from RandomState(seed) by the rule of 4.1 (NN.14), and sklearn's loss_curve_,
final coefs_ / intercepts_, n_iter_, t_ and its optimizer's final learning rate.

Two kinds of case (start = 0 / 1):
  start 1 "given weights": sklearn is primed with warm_start=True, max_iter=1, then the replayed
          initial weights are injected, the counters reset and fit runs again (4.8). No weights are
          drawn, so with shuffle=True the shuffle stream starts at the beginning of RandomState(seed).
  start 0 "seed alone": a plain fit(random_state=seed); the C++ must draw the same weights itself
          and, with shuffle=True, continue the same stream for the permutations. For these cases the
          exporter asserts that the replayed draw IS sklearn's: a given-weights fit from the replay
          with shuffle=False reproduces sklearn's seed-alone fit with shuffle=False bit for bit.
Codes: activation 0 identity, 1 logistic, 2 tanh, 3 relu; solver 0 sgd, 1 adam; learning_rate 0
constant, 1 invscaling, 2 adaptive; output 0 identity, 1 logistic, 2 softmax; batch_size 0 = 'auto'.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import warnings

import numpy as np
from sklearn.datasets import load_diabetes, load_iris, load_linnerud, make_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

ACT = {"identity": 0, "logistic": 1, "tanh": 2, "relu": 3}
SOLVER = {"sgd": 0, "adam": 1}
LR = {"constant": 0, "invscaling": 1, "adaptive": 2}


def _zscore(A):
    return (A - A.mean(axis=0)) / A.std(axis=0)


def _datasets():
    iris = load_iris()
    Xb, yb = make_classification(n_samples=120, n_features=5, random_state=0)
    dia = load_diabetes(scaled=False)
    lin = load_linnerud()
    return [
        ("iris", _zscore(iris.data), iris.target, "classifier",
         "load_iris(): X z-scored (population std), y the labels 0..2"),
        ("binary", Xb, yb, "classifier", "make_classification(n_samples=120, n_features=5, random_state=0)"),
        ("diabetes", _zscore(dia.data), _zscore(dia.target.reshape(-1, 1)).ravel(), "regressor",
         "load_diabetes(scaled=False): X and y z-scored (population std)"),
        ("linnerud", _zscore(lin.data), _zscore(lin.target), "regressor",
         "load_linnerud(): X (20 x 3 exercises) and Y (20 x 3 physiological targets) z-scored (population std)"),
    ]


# name, dataset, start (1 given weights, 0 seed alone), epochs K (None: real stopping), parameters
CASES = [
    ("iris_relu_sgd_m0_full", 0, 1, 50, dict(hidden_layer_sizes=(10,), activation="relu", solver="sgd",
     learning_rate_init=0.1, momentum=0.0, batch_size=150, random_state=1, shuffle=False)),
    ("iris_relu_sgd_m09_full", 0, 1, 50, dict(hidden_layer_sizes=(10,), activation="relu", solver="sgd",
     learning_rate_init=0.05, momentum=0.9, nesterovs_momentum=False, batch_size=150, random_state=2, shuffle=False)),
    ("iris_tanh_nesterov_b32", 0, 1, 50, dict(hidden_layer_sizes=(8,), activation="tanh", solver="sgd",
     learning_rate_init=0.05, momentum=0.9, nesterovs_momentum=True, batch_size=32, alpha=1e-2,
     random_state=3, shuffle=False)),
    ("iris_logistic_adam_full", 0, 1, 50, dict(hidden_layer_sizes=(10,), activation="logistic", solver="adam",
     learning_rate_init=0.01, batch_size=150, random_state=4, shuffle=False)),
    ("iris_relu86_adam_b32_shuffle", 0, 1, 50, dict(hidden_layer_sizes=(8, 6), activation="relu", solver="adam",
     learning_rate_init=0.01, batch_size=32, random_state=5, shuffle=True)),
    ("binary_tanh_nesterov_b32", 1, 1, 50, dict(hidden_layer_sizes=(6,), activation="tanh", solver="sgd",
     learning_rate_init=0.05, batch_size=32, random_state=6, shuffle=False)),
    ("binary_identity_sgd_m0_b16_shuffle", 1, 1, 40, dict(hidden_layer_sizes=(4,), activation="identity",
     solver="sgd", learning_rate_init=0.05, momentum=0.0, batch_size=16, random_state=7, shuffle=True)),
    ("diabetes_relu_adam_auto", 2, 1, 40, dict(hidden_layer_sizes=(16,), activation="relu", solver="adam",
     learning_rate_init=0.01, batch_size="auto", random_state=8, shuffle=False)),
    ("diabetes_tanh_invscaling_b64", 2, 1, 40, dict(hidden_layer_sizes=(8,), activation="tanh", solver="sgd",
     learning_rate="invscaling", learning_rate_init=0.05, power_t=0.5, batch_size=64, random_state=9,
     shuffle=False)),
    ("diabetes_logistic_adaptive", 2, 1, None, dict(hidden_layer_sizes=(6,), activation="logistic", solver="sgd",
     learning_rate="adaptive", learning_rate_init=0.05, tol=1e-3, batch_size=64, max_iter=400,
     random_state=10, shuffle=False)),
    ("iris_relu_adam_tol_stop", 0, 1, None, dict(hidden_layer_sizes=(10,), activation="relu", solver="adam",
     learning_rate_init=0.01, batch_size=32, tol=1e-3, max_iter=300, random_state=11, shuffle=True)),
    ("seed_iris_relu_sgd_full", 0, 0, 40, dict(hidden_layer_sizes=(10,), activation="relu", solver="sgd",
     learning_rate_init=0.05, batch_size=150, random_state=42, shuffle=False)),
    ("seed_binary_relu_adam_b32_shuffle", 1, 0, 40, dict(hidden_layer_sizes=(7,), activation="relu",
     solver="adam", learning_rate_init=0.01, batch_size=32, random_state=0, shuffle=True)),
    ("seed_diabetes_tanh54_adam_shuffle", 2, 0, 30, dict(hidden_layer_sizes=(5, 4), activation="tanh",
     solver="adam", learning_rate_init=0.01, batch_size=50, random_state=13, shuffle=True)),
    ("seed_linnerud_relu_adam_b8_shuffle_3out", 3, 0, 50, dict(hidden_layer_sizes=(8,), activation="relu",
     solver="adam", learning_rate_init=0.01, batch_size=8, random_state=14, shuffle=True)),
]


def _replay_init(units, activation, seed):
    """(NN.14) sklearn's _init_coef, layer by layer, from a fresh RandomState(seed)."""
    rs = np.random.RandomState(seed)
    factor = 2.0 if activation == "logistic" else 6.0
    W, b = [], []
    for fan_in, fan_out in zip(units[:-1], units[1:]):
        bound = np.sqrt(factor / (fan_in + fan_out))
        W.append(rs.uniform(-bound, bound, (fan_in, fan_out)))
        b.append(rs.uniform(-bound, bound, fan_out))
    return W, b


def _params(p, K):
    p = dict(p)
    if K is not None:  # exactly K epochs (4.7)
        p.update(max_iter=K, tol=0.0, n_iter_no_change=K + 1)
    return p


def _fit_given(cls, X, y, p, W0, b0):
    """The warm-start injection recipe of 4.8."""
    est = cls(**dict(p, warm_start=True, max_iter=1))
    est.fit(X, y)
    est.coefs_ = [w.copy() for w in W0]
    est.intercepts_ = [v.copy() for v in b0]
    est.n_iter_, est.t_, est.loss_curve_ = 0, 0, []
    est.best_loss_, est._no_improvement_count = np.inf, 0
    est.set_params(max_iter=p["max_iter"])
    est.fit(X, y)
    return est


def _same(a, b):
    return (np.array_equal(a.loss_curve_, b.loss_curve_) and a.n_iter_ == b.n_iter_ and
            all(np.array_equal(x, y) for x, y in zip(a.coefs_ + a.intercepts_, b.coefs_ + b.intercepts_)))


def build_mlp(report):
    data = _datasets()
    g = golden_writer.GoldenFile(
        "mlp.txt", "mlp",
        ["scikit-learn MLPClassifier / MLPRegressor with solver sgd / adam; the golden protocol of",
         "sklearn-semantics.md 4.8 (see goldens_mlp.py for the two kinds of case and the codes)."])
    g.section("data sets, as the network sees them: data.d.X (N x D), data.d.Y (N x K)")
    for d, (name, X, y, kind, call) in enumerate(data):
        if kind == "classifier":
            classes = np.unique(y)
            Y = (y[:, None] == classes[None, :]).astype(float) if len(classes) > 2 else (y == classes[1]).astype(float)[:, None]
        else:
            Y = y if y.ndim == 2 else y[:, None]  # K outputs: the target matrix itself
        g.comment("data %d: %s" % (d, name))
        g.matrix("data.%d.X" % d, X, call)
        g.matrix("data.%d.Y" % d, Y, "the target as the network sees it (%s)" %
                 ("one-hot" if kind == "classifier" and Y.shape[1] > 1 else
                  ("y == classes_[1]" if kind == "classifier" else ("y" if Y.shape[1] == 1 else "Y, %d columns" % Y.shape[1]))))
    g.scalar("n_cases", len(CASES), "number of cases below, case.0 .. case.%d" % (len(CASES) - 1))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for c, (name, d, start, K, p) in enumerate(CASES):
            _, X, y, kind, _ = data[d]
            cls = MLPClassifier if kind == "classifier" else MLPRegressor
            p = _params(p, K)
            if kind == "regressor":
                n_out = y.shape[1] if y.ndim == 2 else 1
            else:
                n_out = 1 if len(np.unique(y)) == 2 else len(np.unique(y))
            units = [X.shape[1]] + list(p["hidden_layer_sizes"]) + [n_out]
            W0, b0 = _replay_init(units, p["activation"], p["random_state"])
            if start == 1:
                est = _fit_given(cls, X, y, p, W0, b0)
            else:
                est = cls(**p).fit(X, y)
                # the replayed draw is sklearn's: from it, with shuffle=False, the two fits agree bitwise
                q = dict(p, shuffle=False)
                if not _same(cls(**q).fit(X, y), _fit_given(cls, X, y, q, W0, b0)):
                    raise RuntimeError("%s: the replayed initial weights are not sklearn's" % name)
            out = est.out_activation_
            pre = "case.%d." % c
            g.section("case %d: %s" % (c, name))
            call = "%s(%s).fit(X, y)%s" % (cls.__name__, ", ".join("%s=%r" % kv for kv in sorted(p.items())),
                                         " after injecting init.* (warm_start recipe, 4.8)" if start else "")
            g.scalar(pre + "dataset", d, "data set index; " + call)
            g.scalar(pre + "start", start, "1 = start from init.* (given), 0 = from the seed alone")
            g.vector(pre + "hidden_layer_sizes", list(p["hidden_layer_sizes"]), "hidden_layer_sizes")
            g.scalar(pre + "activation", ACT[p["activation"]], "activation code")
            g.scalar(pre + "output", {"identity": 0, "logistic": 1, "softmax": 2}[out], "out_activation_ code")
            g.scalar(pre + "solver", SOLVER[p["solver"]], "solver code")
            g.scalar(pre + "learning_rate", LR[p.get("learning_rate", "constant")], "learning_rate code")
            g.scalar(pre + "learning_rate_init", p["learning_rate_init"], "learning_rate_init")
            g.scalar(pre + "power_t", p.get("power_t", 0.5), "power_t")
            g.scalar(pre + "alpha", p.get("alpha", 1e-4), "alpha")
            bs = p["batch_size"]
            g.scalar(pre + "batch_size", 0 if bs == "auto" else bs, "batch_size (0 = auto)")
            g.scalar(pre + "batch_size_effective", min(200, X.shape[0]) if bs == "auto" else min(bs, X.shape[0]),
                     "min(200, N) for auto, else clip(batch_size, 1, N)")
            g.scalar(pre + "max_iter", p.get("max_iter", 200), "max_iter")
            g.scalar(pre + "shuffle", 1 if p["shuffle"] else 0, "shuffle")
            g.scalar(pre + "random_state", p["random_state"], "random_state")
            g.scalar(pre + "tol", p.get("tol", 1e-4), "tol")
            g.scalar(pre + "n_iter_no_change", p.get("n_iter_no_change", 10), "n_iter_no_change")
            g.scalar(pre + "momentum", p.get("momentum", 0.9), "momentum")
            g.scalar(pre + "nesterovs_momentum", 1 if p.get("nesterovs_momentum", True) else 0, "nesterovs_momentum")
            for l, (W, b) in enumerate(zip(W0, b0)):
                g.matrix(pre + "init.W%d" % (l + 1), W, "RandomState(%d).uniform(-bound, bound, %s), replayed (NN.14)"
                         % (p["random_state"], W.shape))
                g.vector(pre + "init.b%d" % (l + 1), b, "then RandomState.uniform(-bound, bound, %d)" % b.size)
            g.vector(pre + "loss_curve_", est.loss_curve_, "est.loss_curve_")
            for l, (W, b) in enumerate(zip(est.coefs_, est.intercepts_)):
                g.matrix(pre + "W%d" % (l + 1), W, "est.coefs_[%d]" % l)
                g.vector(pre + "b%d" % (l + 1), b, "est.intercepts_[%d]" % l)
            g.scalar(pre + "n_iter_", est.n_iter_, "est.n_iter_")
            g.scalar(pre + "t_", est.t_, "est.t_")
            g.scalar(pre + "final_learning_rate", est._optimizer.learning_rate, "est._optimizer.learning_rate")
            report.append("mlp: case %d %s: %d epochs, final loss %.6g" % (c, name, est.n_iter_, est.loss_curve_[-1]))
    return g.text()


# ---- tests/golden/mlp_digits.txt: the digits case study of `mlfs mlp` (studies/mlp.cpp; the header written below still names its old place, cli/study_mlp.cpp, so that the file stays byte-identical across the move of issue 10)
DIGITS_N_TRAIN = 1437  # first 1437 rows train, last 360 test (datasets/digits.csv order)
DIGITS_PARAMS = dict(hidden_layer_sizes=(32,), activation="relu", solver="adam", learning_rate_init=1e-3,
                     batch_size=64, max_iter=40, shuffle=True, random_state=0)


def build_mlp_digits(report, repo_root):
    """MLPClassifier(**DIGITS_PARAMS) on datasets/digits.csv, pixels / 16, the first 1437 rows."""
    import os
    data = np.loadtxt(os.path.join(repo_root, "datasets", "digits.csv"), delimiter=",", skiprows=1)
    X, y = data[:, :-1] / 16.0, data[:, -1].astype(int)
    n = DIGITS_N_TRAIN
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        est = MLPClassifier(**DIGITS_PARAMS).fit(X[:n], y[:n])
    pred = est.predict(X[n:])
    acc = float(np.mean(pred == y[n:]))
    g = golden_writer.GoldenFile(
        "mlp_digits.txt", "mlp_digits",
        ["scikit-learn MLPClassifier on datasets/digits.csv (pixels / 16): the digits case study of",
         "`mlfs mlp` (cli/study_mlp.cpp). Train: rows 0..%d, test: rows %d..%d." % (n - 1, n, X.shape[0] - 1)])
    call = "MLPClassifier(%s).fit(X[:%d], y[:%d])" % (", ".join("%s=%r" % kv for kv in sorted(DIGITS_PARAMS.items())), n, n)
    g.scalar("digits.n_train", n, "the first n_train rows train, the rest test")
    g.scalar("digits.seed", DIGITS_PARAMS["random_state"], "random_state; " + call)
    g.vector("digits.loss_curve_", est.loss_curve_, "est.loss_curve_")
    g.scalar("digits.n_iter_", est.n_iter_, "est.n_iter_")
    g.scalar("digits.test_accuracy", acc, "est.score(X[%d:], y[%d:])" % (n, n))
    g.vector("digits.test_predictions", pred, "est.predict(X[%d:])" % n)
    report.append("mlp_digits: %d epochs, final loss %.6g, test accuracy %.6f" % (est.n_iter_, est.loss_curve_[-1], acc))
    return g.text()

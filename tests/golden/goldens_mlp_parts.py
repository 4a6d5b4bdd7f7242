# SPDX-License-Identifier: MIT
"""tests/golden/mlp_parts.txt: scikit-learn 1.2.1's own MLP building blocks, one at a time, for the
exercises of derivations/neural_networks.md (tests/test_mlp_parts.cpp). Each section calls the
sklearn function itself on fixed inputs written here, so one routine can be checked without training:

  tanh.*      sklearn.neural_network._base ACTIVATIONS['tanh'] (np.tanh in place, NN.2) on a grid that
              reaches far into saturation, and DERIVATIVES['tanh'] (delta *= 1 - A**2, NN.5) on its
              output, with delta = 1 (the slope itself) and with a random delta.
  backward.c.*  MLPClassifier / MLPRegressor._backprop (NN.4-NN.8) on a small batch with fixed weights:
              the estimator is fitted for one epoch to initialise it as sklearn does (_initialize,
              _label_binarizer), its coefs_ / intercepts_ are replaced by the weights written here, and
              _backprop is called with the lists _fit_stochastic builds. Hidden activations relu,
              logistic, identity (never tanh: that is another exercise); outputs softmax, logistic,
              identity; alpha 0 and > 0.
  adam.c.*    _stochastic_optimizers.AdamOptimizer.update_params (NN.12, NN.13) for several steps on
              fixed parameters (W1, W2, b1, b2, the order of coefs_ + intercepts_) and gradients.
  sgd.c.*     _stochastic_optimizers.SGDOptimizer.update_params (NN.9), constant learning rate, with
              Nesterov momentum, classical momentum and none.
Codes: activation 0 identity, 1 logistic, 2 tanh, 3 relu; output 0 identity, 1 logistic, 2 softmax.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.neural_network._base import ACTIVATIONS, DERIVATIVES
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer

ACT = {"identity": 0, "logistic": 1, "tanh": 2, "relu": 3}
OUT = {"identity": 0, "logistic": 1, "softmax": 2}


def _tanh(g, report):
    g.section("tanh: ACTIVATIONS['tanh'] and DERIVATIVES['tanh'] (sklearn.neural_network._base)\n"
              "tanh.Z is 16 x 11: linspace(-25, 25, 121), then the points below and their negatives")
    special = [0.0, 5e-324, 1e-300, 1e-9, 1e-5, 0.1, 0.5, 0.75, 1.0, 2.0, 5.0, 9.0, 10.0, 15.0, 18.0,
               18.5, 19.0, 19.05, 19.0615, 19.07, 19.5, 20.0, 22.0, 30.0, 100.0, 710.0, 1e10, 1e308]
    z = np.concatenate([np.linspace(-25.0, 25.0, 121), special, [-s for s in special[1:]]])
    assert z.size == 121 + 2 * len(special) - 1 == 176
    Z = z.reshape(16, 11)
    A = Z.copy()
    ACTIVATIONS["tanh"](A)
    slope = np.ones_like(A)
    DERIVATIVES["tanh"](A, slope)
    delta = np.random.RandomState(0).standard_normal(A.shape)
    delta_out = delta.copy()
    DERIVATIVES["tanh"](A, delta_out)
    g.matrix("tanh.Z", Z, "z: np.linspace(-25, 25, 121), then %d special points and their negatives, "
             "reshaped to 16 x 11" % len(special))
    g.matrix("tanh.A", A, "A = Z.copy(); sklearn.neural_network._base.ACTIVATIONS['tanh'](A)")
    g.matrix("tanh.slope", slope, "S = np.ones_like(A); DERIVATIVES['tanh'](A, S)  (S = 1 - A**2)")
    g.matrix("tanh.delta", delta, "np.random.RandomState(0).standard_normal((16, 11))")
    g.matrix("tanh.delta_out", delta_out, "D = delta.copy(); DERIVATIVES['tanh'](A, D)  (D *= 1 - A**2)")
    report.append("mlp_parts: tanh on %d points, %d saturated to +-1" % (z.size, int(np.sum(np.abs(A) == 1.0))))


# name, estimator, hidden_layer_sizes, activation, alpha, N, D, K (classes or targets), seed
BACKWARD = [
    ("relu_softmax", MLPClassifier, (5,), "relu", 0.0, 7, 4, 3, 1),
    ("relu_relu_softmax_l2", MLPClassifier, (5, 4), "relu", 0.1, 9, 3, 4, 2),
    ("logistic_binary_l2", MLPClassifier, (6,), "logistic", 1e-4, 8, 5, 2, 3),
    ("identity_regression_l2", MLPRegressor, (3,), "identity", 0.5, 6, 4, 2, 4),
    ("logistic_logistic_regression", MLPRegressor, (4, 3), "logistic", 0.0, 10, 3, 1, 5),
]


def _backward_case(g, c, name, cls, hidden, activation, alpha, N, D, K, seed):
    rs = np.random.RandomState(seed)
    X = rs.standard_normal((N, D))
    if cls is MLPClassifier:
        y = np.arange(N) % K  # every class present
        rs.shuffle(y)
    else:
        y = rs.standard_normal((N, K))
        if K == 1:
            y = y.ravel()
    est = cls(hidden_layer_sizes=hidden, activation=activation, alpha=alpha, solver="sgd", max_iter=1,
              batch_size=N, shuffle=False, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        est.fit(X, y)  # initialises n_layers_, out_activation_, the label binarizer
    _, Y = est._validate_input(X, y, incremental=False, reset=False)
    if Y.ndim == 1:
        Y = Y.reshape((-1, 1))  # as _fit does
    units = [D] + list(hidden) + [Y.shape[1]]
    W = [rs.uniform(-1.0, 1.0, (a, b)) for a, b in zip(units[:-1], units[1:])]
    b = [rs.uniform(-0.5, 0.5, n) for n in units[1:]]
    if activation == "relu":
        W[0][:, 0] = 0.0  # unit 1 of the first hidden layer sits on the kink: Z == 0, so f' = 0
        b[0][0] = 0.0
    est.coefs_ = [w.copy() for w in W]
    est.intercepts_ = [v.copy() for v in b]
    activations = [X] + [None] * (len(units) - 1)
    deltas = [None] * (len(activations) - 1)
    coef_grads = [np.empty((a, n), dtype=X.dtype) for a, n in zip(units[:-1], units[1:])]
    intercept_grads = [np.empty(n, dtype=X.dtype) for n in units[1:]]
    loss, coef_grads, intercept_grads = est._backprop(X, Y, activations, deltas, coef_grads, intercept_grads)

    pre = "backward.%d." % c
    call = ("%s(hidden_layer_sizes=%r, activation=%r, alpha=%r, solver='sgd', max_iter=1, batch_size=%d, "
            "shuffle=False, random_state=%d).fit(X, y); coefs_/intercepts_ := W, b; "
            "est._backprop(X, Y, activations, deltas, coef_grads, intercept_grads)"
            % (cls.__name__, hidden, activation, alpha, N, seed))
    g.section("backward case %d: %s" % (c, name))
    g.scalar(pre + "activation", ACT[activation], "hidden activation code; " + call)
    g.scalar(pre + "output", OUT[est.out_activation_], "est.out_activation_ code")
    g.scalar(pre + "alpha", alpha, "alpha")
    g.matrix(pre + "X", X, "np.random.RandomState(%d).standard_normal((%d, %d))" % (seed, N, D))
    g.matrix(pre + "Y", Y, "est._validate_input(X, y)[1] as float, reshaped to N x K: the target as the network sees it")
    for l, (w, v) in enumerate(zip(W, b)):
        g.matrix(pre + "W%d" % (l + 1), w, "then uniform(-1, 1, %s)%s" % (
            w.shape, "; column 0 of W1 set to 0 (a relu kink)" if activation == "relu" and l == 0 else ""))
        g.vector(pre + "b%d" % (l + 1), v, "then uniform(-0.5, 0.5, %d)%s" % (
            v.size, "; b1[0] set to 0" if activation == "relu" and l == 0 else ""))
    g.scalar(pre + "loss", loss, "the loss _backprop returns (NN.3 + NN.8)")
    for l, (gw, gb) in enumerate(zip(coef_grads, intercept_grads)):
        g.matrix(pre + "dW%d" % (l + 1), gw, "coef_grads[%d] from _backprop (NN.6)" % l)
        g.vector(pre + "db%d" % (l + 1), gb, "intercept_grads[%d] from _backprop (NN.7)" % l)
    return "backward %s: loss %.6g" % (name, loss)


def _params(rs):
    """W1 3 x 2, W2 2 x 1, b1 (2), b2 (1): the network 3-2-1, in the order coefs_ + intercepts_."""
    return [rs.uniform(-1.0, 1.0, (3, 2)), rs.uniform(-1.0, 1.0, (2, 1)), rs.uniform(-1.0, 1.0, 2),
            rs.uniform(-1.0, 1.0, 1)]


def _grads(rs, step):
    """Gradients spanning 1e-9 .. 10 (so eps and the bias correction both show), one exactly 0."""
    scale = 10.0 ** rs.uniform(-9.0, 1.0, 11)
    sign = np.where(rs.uniform(size=11) < 0.5, -1.0, 1.0)
    flat = sign * scale
    if step == 2:
        flat[4] = 0.0
    return [flat[0:6].reshape(3, 2), flat[6:8].reshape(2, 1), flat[8:10], flat[10:11]]


NAMES = ["W1", "W2", "b1", "b2"]
STEPS = 6

# name, optimizer class, its keyword arguments, seed
OPTIMIZERS = [
    ("adam", "defaults", AdamOptimizer, dict(learning_rate_init=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-8), 20),
    ("adam", "large_lr_and_eps", AdamOptimizer, dict(learning_rate_init=0.1, beta_1=0.8, beta_2=0.99, epsilon=1e-4), 21),
    ("sgd", "nesterov", SGDOptimizer, dict(learning_rate_init=0.1, lr_schedule="constant", momentum=0.9,
                                           nesterov=True), 30),
    ("sgd", "momentum", SGDOptimizer, dict(learning_rate_init=0.05, lr_schedule="constant", momentum=0.8,
                                           nesterov=False), 31),
    ("sgd", "plain", SGDOptimizer, dict(learning_rate_init=0.2, lr_schedule="constant", momentum=0.0,
                                        nesterov=False), 32),
]


def _optimizers(g, report):
    counters = {"adam": 0, "sgd": 0}
    for kind, name, cls, kw, seed in OPTIMIZERS:
        c = counters[kind]
        counters[kind] += 1
        pre = "%s.%d." % (kind, c)
        rs = np.random.RandomState(seed)
        params = _params(rs)
        opt = cls([p.copy() for p in params], **kw)
        g.section("%s case %d: %s" % (kind, c, name))
        call = "%s(params, %s)" % (cls.__name__, ", ".join("%s=%r" % kv for kv in kw.items()))
        g.scalar(pre + "learning_rate_init", kw["learning_rate_init"], call)
        if kind == "adam":
            g.scalar(pre + "beta_1", kw["beta_1"], "beta_1")
            g.scalar(pre + "beta_2", kw["beta_2"], "beta_2")
            g.scalar(pre + "epsilon", kw["epsilon"], "epsilon")
        else:
            g.scalar(pre + "momentum", kw["momentum"], "momentum")
            g.scalar(pre + "nesterov", 1 if kw["nesterov"] else 0, "nesterov")
        g.scalar(pre + "steps", STEPS, "number of update_params calls below")
        for name_, p in zip(NAMES, params):
            put = g.matrix if p.ndim == 2 else g.vector
            put(pre + "init." + name_, p, "np.random.RandomState(%d).uniform(-1, 1, %s)" % (seed, p.shape))
        for s in range(1, STEPS + 1):
            grads = _grads(rs, s)
            opt.update_params(params, grads)
            for name_, gr in zip(NAMES, grads):
                put = g.matrix if gr.ndim == 2 else g.vector
                put(pre + "step%d.grad.%s" % (s, name_), gr, "gradient fed to step %d: +-10^uniform(-9, 1)" % s)
            for name_, p in zip(NAMES, params):
                put = g.matrix if p.ndim == 2 else g.vector
                put(pre + "step%d.%s" % (s, name_), p, "params after opt.update_params(params, grads) number %d" % s)
            if kind == "adam":
                g.scalar(pre + "step%d.learning_rate" % s, opt.learning_rate, "opt.learning_rate (lr_t, NN.13)")
        report.append("mlp_parts: %s %s: %d steps" % (kind, name, STEPS))


def build_mlp_parts(report):
    g = golden_writer.GoldenFile(
        "mlp_parts.txt", "mlp_parts",
        ["scikit-learn's own MLP building blocks called one at a time on fixed inputs (goldens_mlp_parts.py):",
         "tanh and its derivative, _backprop with given weights, AdamOptimizer and SGDOptimizer steps."])
    _tanh(g, report)
    g.scalar("n_backward", len(BACKWARD), "number of backward cases, backward.0 .. backward.%d" % (len(BACKWARD) - 1))
    for c, case in enumerate(BACKWARD):
        report.append("mlp_parts: " + _backward_case(g, c, *case))
    _optimizers(g, report)
    return g.text()

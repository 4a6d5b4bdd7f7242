# SPDX-License-Identifier: MIT
"""tests/golden/random.txt: numpy's legacy RandomState(seed) streams for algorithms/random.cpp.

Every entry starts from a fresh numpy.random.RandomState(seed), named in its call line. After a
draw whose number of raw 32-bit draws is the point of the test (randint's rejection, permutation,
the cached normal), the next random_sample() is exported as a "*.next" scalar: it equals the C++
value only if the C++ stream stands at the same position. Integers are written as doubles; every
one here is below 2^53, so the conversion is exact.
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import numpy as np

RAW_SEEDS = [0, 5489, 2**32 - 1]      # 5489: std::mt19937's default seed
SAMPLE_SEEDS = [0, 1, 42]
RANDINT_SEED = 42
RANDINT_NS = [1, 2, 3, 7, 150, 2**31, 2**32, 2**32 + 5, 2**40 + 5]
PERMUTATION_SEED = 0
PERMUTATION_NS = [1, 2, 10, 150, 1000]
UNIFORM_BOUND = float(np.sqrt(6.0 / 12.0))  # an MLP init bound: sqrt(6 / (fan_in + fan_out)), 5 + 7


def _raw(g):
    g.section("Raw MT19937 output: RandomState(seed) seeds with init_genrand, the same as std::mt19937(seed).")
    for seed in RAW_SEEDS:
        rs = np.random.RandomState(seed)
        g.vector("raw.seed%d" % seed, rs.randint(0, 2**32, size=1000, dtype=np.uint32),
                 "numpy.random.RandomState(%d).randint(0, 2**32, size=1000, dtype=numpy.uint32)" % seed)


def _random_sample(g):
    g.section("random_sample: (a >> 5, b >> 6) from two draws -> (a * 2^26 + b) / 2^53.")
    for seed in SAMPLE_SEEDS:
        g.vector("random_sample.seed%d" % seed, np.random.RandomState(seed).random_sample(1000),
                 "numpy.random.RandomState(%d).random_sample(1000)" % seed)
    b = UNIFORM_BOUND
    g.scalar("uniform.bound", b, "numpy.sqrt(6.0 / 12.0)")
    g.matrix("uniform.seed42", np.random.RandomState(42).uniform(-b, b, size=(5, 7)),
             "numpy.random.RandomState(42).uniform(-b, b, size=(5, 7)) with b = uniform.bound")


def _randint(g, report):
    g.section("randint(n): legacy masked rejection on r = n - 1 (32-bit draws while r < 2^32, else 64-bit);\n"
              "each n from a fresh RandomState(%d), then the next random_sample() (the stream position)."
              % RANDINT_SEED)
    g.vector("randint.ns", RANDINT_NS, "the n values below, in order")
    for n in RANDINT_NS:
        rs = np.random.RandomState(RANDINT_SEED)
        draws = rs.randint(n, size=200)
        if draws.dtype != np.int64 or draws.min() < 0 or draws.max() >= n:
            raise RuntimeError("randint(%d) gave %s values outside [0, n)" % (n, draws.dtype))
        g.vector("randint.n%d.draws" % n, draws,
                 "numpy.random.RandomState(%d).randint(%d, size=200)" % (RANDINT_SEED, n))
        g.scalar("randint.n%d.next" % n, rs.random_sample(),
                 "then .random_sample() on the same RandomState")
    report.append("random: randint for n in %s from RandomState(%d)" % (RANDINT_NS, RANDINT_SEED))


def _permutation(g):
    g.section("permutation(n): Fisher-Yates from the end on 0..n-1, j = random_interval(i) for i = n-1 .. 1;\n"
              "each n from a fresh RandomState(%d), then the next random_sample()." % PERMUTATION_SEED)
    g.vector("permutation.ns", PERMUTATION_NS, "the n values below, in order")
    for n in PERMUTATION_NS:
        rs = np.random.RandomState(PERMUTATION_SEED)
        g.vector("permutation.n%d" % n, rs.permutation(n),
                 "numpy.random.RandomState(%d).permutation(%d)" % (PERMUTATION_SEED, n))
        g.scalar("permutation.n%d.next" % n, rs.random_sample(),
                 "then .random_sample() on the same RandomState")


def _normal(g):
    g.section("standard_normal: legacy polar Box-Muller, one cached value; an odd count leaves it cached,\n"
              "and random_sample() neither reads nor clears it.")
    rs = np.random.RandomState(1)
    g.vector("standard_normal.seed1", rs.standard_normal(1001),
             "numpy.random.RandomState(1).standard_normal(1001)")
    g.scalar("standard_normal.seed1.next", rs.random_sample(), "then .random_sample() on the same RandomState")
    g.scalar("standard_normal.seed1.cached", rs.standard_normal(),
             "then .standard_normal() on the same RandomState (the value cached by the 1001st)")
    g.vector("normal.seed5489", np.random.RandomState(5489).normal(3, 2, size=10),
             "numpy.random.RandomState(5489).normal(3, 2, size=10)")


def _mixed(g):
    g.section("One stream used as k-means++ and the MLP use it, in this order, from RandomState(0).")
    rs = np.random.RandomState(0)
    g.scalar("mixed.randint", rs.randint(150), "rs = numpy.random.RandomState(0); rs.randint(150)")
    g.vector("mixed.uniform_scaled", rs.uniform(size=3) * 7.5, "rs.uniform(size=3) * 7.5")
    g.vector("mixed.permutation", rs.permutation(150), "rs.permutation(150)")
    g.matrix("mixed.uniform", rs.uniform(-0.3, 0.3, size=(4, 5)), "rs.uniform(-0.3, 0.3, size=(4, 5))")
    g.vector("mixed.standard_normal", rs.standard_normal(3), "rs.standard_normal(3)")
    g.scalar("mixed.next", rs.random_sample(), "rs.random_sample()")


def build_random(report):
    g = golden_writer.GoldenFile(
        "random.txt", "random",
        ["numpy legacy RandomState streams. Every entry starts from a fresh RandomState(seed), except that a",
         "call starting 'then' or 'rs.' continues the RandomState of the entry above. Integers are exact doubles."])
    _raw(g)
    _random_sample(g)
    _randint(g, report)
    _permutation(g)
    _normal(g)
    _mixed(g)
    return g.text()

# SPDX-License-Identifier: MIT
"""What the exporters of exact references share (goldens_linalg.py, goldens_distributions.py): an
"*_exact" entry is computed by mpmath at DPS significant digits on the stored doubles, rounded to
the nearest double, and recomputed at DPS_CHECK digits as a self-check; the exporter stops if the
two roundings differ.
"""
import mpmath

DPS = 60
DPS_CHECK = 80


def nearest(x):
    """An mpmath number rounded to the nearest double."""
    # mpf.__float__ rounds with the context's rounding mode, which is round-to-nearest
    assert mpmath.mp._prec_rounding[1] == "n"
    return float(x)


def exact(fn, *args, what="mpmath reference"):
    """fn(*args) evaluated at DPS digits; stops unless DPS_CHECK digits give the same result.

    fn returns doubles (rounded with nearest()), one or a list: the two results are compared as
    doubles. `what` names the reference in the error."""
    results = []
    for dps in (DPS, DPS_CHECK):
        with mpmath.workdps(dps):
            results.append(fn(*args))
    if results[0] != results[1]:
        raise RuntimeError("%s is not stable between %d and %d digits: %r vs %r"
                           % (what, DPS, DPS_CHECK, results[0], results[1]))
    return results[0]

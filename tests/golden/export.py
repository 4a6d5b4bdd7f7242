#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes every golden-number file under tests/golden/ and every data file under datasets/.

    /usr/bin/python3 tests/golden/export.py                  # write everything
    /usr/bin/python3 tests/golden/export.py --only linalg    # one output (repeatable)
    /usr/bin/python3 tests/golden/export.py --check          # regenerate into a temp dir, compare
                                                             # byte for byte, exit 1 on any difference

Works from any directory: paths are relative to this script. The numbers are pinned to
scikit-learn 1.2.1 and numpy 1.24.x (the script refuses anything else) and are computed with one
BLAS/OpenMP thread. Output is deterministic: no timestamps, no dict-order or thread-count effects.

To add a golden file (e.g. linreg.txt): write a build function that returns the file's text,
usually with golden_writer.GoldenFile, and register it in STEPS below.
"""
import os
import sys

# Before anything can load numpy: one thread everywhere, and no __pycache__ in the source tree.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"
sys.dont_write_bytecode = True

import argparse
import shutil
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import golden_writer  # noqa: E402

golden_writer.check_versions()

from threadpoolctl import threadpool_limits  # noqa: E402

import goldens_datasets  # noqa: E402
import goldens_distributions  # noqa: E402
import goldens_evaluation  # noqa: E402
import goldens_kmeans  # noqa: E402
import goldens_linalg  # noqa: E402
import goldens_linreg  # noqa: E402
import goldens_logreg  # noqa: E402
import goldens_mlp  # noqa: E402
import goldens_mlp_parts  # noqa: E402
import goldens_pca  # noqa: E402
import goldens_random  # noqa: E402


def _linalg(args, report):
    return {"tests/golden/linalg.txt": goldens_linalg.build_linalg(report).encode("ascii")}


def _distributions(args, report):
    return {"tests/golden/distributions.txt": goldens_distributions.build_distributions(report).encode("ascii")}


def _random(args, report):
    return {"tests/golden/random.txt": goldens_random.build_random(report).encode("ascii")}


def _kmeans(args, report):
    return {"tests/golden/kmeans.txt": goldens_kmeans.build_kmeans(report).encode("ascii")}


def _mlp(args, report):
    return {"tests/golden/mlp.txt": goldens_mlp.build_mlp(report).encode("ascii")}


def _mlp_digits(args, report):
    return {"tests/golden/mlp_digits.txt": goldens_mlp.build_mlp_digits(report, REPO_ROOT).encode("ascii")}


def _mlp_parts(args, report):
    return {"tests/golden/mlp_parts.txt": goldens_mlp_parts.build_mlp_parts(report).encode("ascii")}


def _linreg(args, report):
    return {"tests/golden/linreg.txt": goldens_linreg.build_linreg(report).encode("ascii")}


def _logreg(args, report):
    return {"tests/golden/logreg.txt": goldens_logreg.build_logreg(report).encode("ascii")}


def _pca(args, report):
    return {"tests/golden/pca.txt": goldens_pca.build_pca(report).encode("ascii")}


def _evaluation(args, report):
    return {"tests/golden/evaluation.txt": goldens_evaluation.build_evaluation(report).encode("ascii")}


def _datasets(args, report):
    return goldens_datasets.build_datasets(REPO_ROOT, args.nist_source, report)


# name for --only -> function(args, report) returning {path relative to the repo root: bytes}
STEPS = [
    ("linalg", _linalg),
    ("datasets", _datasets),
    ("linreg", _linreg),
    ("logreg", _logreg),
    ("distributions", _distributions),
    ("random", _random),
    ("kmeans", _kmeans),
    ("mlp", _mlp),
    ("mlp_digits", _mlp_digits),
    ("mlp_parts", _mlp_parts),
    ("pca", _pca),
    ("evaluation", _evaluation),
]


def _write_tree(root, files):
    for rel, data in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def main():
    names = [n for n, _ in STEPS]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", choices=names, metavar="NAME",
                    help="produce only this output (repeatable): " + ", ".join(names))
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary directory and compare byte for byte with the "
                         "files in the tree; exit 1 if any differs or is missing")
    ap.add_argument("--nist-source", default=goldens_datasets.NIST_DEFAULT_SOURCE,
                    help="folder holding the NIST StRD files to copy (default %(default)s); if it does "
                         "not exist, the copies already in datasets/nist-strd/ are re-verified instead")
    ap.add_argument("--quiet", action="store_true", help="do not print the summary of numbers")
    args = ap.parse_args()
    selected = [(n, fn) for n, fn in STEPS if not args.only or n in args.only]

    files, report = {}, []
    with threadpool_limits(limits=1):
        for name, fn in selected:
            produced = fn(args, report)
            clash = set(produced) & set(files)
            if clash:
                raise RuntimeError("two steps write %s" % sorted(clash))
            files.update(produced)

    if not args.check:
        _write_tree(REPO_ROOT, files)
        for rel in sorted(files):
            print("wrote %s (%d bytes)" % (rel, len(files[rel])))
        if not args.quiet:
            print("\n".join(report))
        return 0

    tmp = tempfile.mkdtemp(prefix="mlfs-golden-check-")
    try:
        _write_tree(tmp, files)
        bad = 0
        for rel in sorted(files):
            mine = os.path.join(REPO_ROOT, rel)
            with open(os.path.join(tmp, rel), "rb") as f:
                fresh = f.read()
            if not os.path.exists(mine):
                print("MISSING  %s" % rel)
                bad += 1
                continue
            with open(mine, "rb") as f:
                old = f.read()
            if old != fresh:
                print("DIFFERS  %s" % rel)
                bad += 1
        print("%d of %d files identical%s" % (len(files) - bad, len(files),
                                             "" if bad == 0 else "; regenerate with tests/golden/export.py"))
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())

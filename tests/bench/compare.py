#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Time mlfs's fast kernels and numpy / scikit-learn on the same data, in the same run.

    /usr/bin/python3 tests/bench/compare.py [--build build] [--quick]

Workloads (issue #12): the products A B, A^T B, A B^T at n = 1024; Lloyd's k-means per iteration
for n in {1e5, 1e6}, d in {10, 50}, k in {8, 64} (init = the first k samples, n_init = 1, tol = 0);
one MLP epoch at 60000 x 784, h = 128, Adam, batch 200, and on digits (1797 x 64, h = 64). Each on
1 and 2 threads (threadpoolctl limits numpy's BLAS and scikit-learn's OpenMP), medians of repeats.
k-means per iteration and the MLP per epoch are differences of two fits (M and 1 iterations, E2
and E1 epochs), so that what a fit does once is left out on both sides.
The inputs are written as raw float64 files that the C++ benchmarks read (tests/bench/bench_*.cpp).

scikit-learn runs on OpenBLAS without touching the system BLAS: the script fetches the Debian
package libopenblas0-pthread with `apt-get download`, unpacks it with `dpkg -x` into a temporary
folder and re-runs itself with LD_LIBRARY_PATH at its openblas-pthread folder (OPENBLAS_CORETYPE
and OPENBLAS_L2_SIZE unset), then checks with threadpoolctl that OpenBLAS is what numpy loaded.
Nothing is installed. --quick leaves out the n = 1e6 k-means cases.
"""
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings


def reexec_with_openblas():
    if os.environ.get("MLFS_COMPARE_OPENBLAS"):
        return
    tmp = tempfile.mkdtemp(prefix="mlfs-openblas-")
    subprocess.run(["apt-get", "download", "-q", "libopenblas0-pthread"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deb = glob.glob(os.path.join(tmp, "libopenblas0-pthread_*.deb"))[0]
    subprocess.run(["dpkg", "-x", deb, os.path.join(tmp, "root")], check=True)
    lib = glob.glob(os.path.join(tmp, "root/usr/lib/*/openblas-pthread"))[0]
    env = dict(os.environ, LD_LIBRARY_PATH=lib, MLFS_COMPARE_OPENBLAS=lib)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


reexec_with_openblas()

import numpy as np  # noqa: E402  (after the re-exec, so that numpy loads OpenBLAS)
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

warnings.filterwarnings("ignore")  # ConvergenceWarning: the epochs are cut short on purpose
THREADS = (1, 2)


def median_time(repeats, f):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run_bench(build, args):
    """Run a C++ benchmark; its lines are 'name key value key value ...'."""
    out = subprocess.run([os.path.join(build, args[0])] + [str(a) for a in args[1:]], check=True,
                         capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        words = line.split()
        rows.append(dict(zip(words[1::2], words[2::2])) | {"bench": words[0]})
    return rows


def save(tmp, name, a):
    path = os.path.join(tmp, name)
    np.ascontiguousarray(a, dtype=np.float64).tofile(path)
    return path


def products(build, tmp, table):
    n, repeats = 1024, 5
    rs = np.random.RandomState(0)
    A, B = rs.uniform(-1, 1, (n, n)), rs.uniform(-1, 1, (n, n))
    ours = run_bench(build, ["bench_products", n, repeats, save(tmp, "A.bin", A), save(tmp, "B.bin", B), *THREADS])
    numpy_ops = {"AB": lambda: A @ B, "AtB": lambda: A.T @ B, "ABt": lambda: A @ B.T}
    for t in THREADS:
        with threadpool_limits(limits=t):
            for name, f in numpy_ops.items():
                f()  # warm-up
                ref = 2.0 * n ** 3 / median_time(repeats, f) / 1e9
                o = next(r for r in ours if r["threads"] == str(t) and r["name"] == name)
                mine = float(o["gflops"])
                table.append((f"product {name}, n = {n}", t, f"{mine:.1f} GFLOP/s", f"numpy {ref:.1f} GFLOP/s",
                              mine / ref, o["same_bits"]))


def kmeans_case(build, tmp, n, d, k, table):
    rs = np.random.RandomState(1)
    centres = rs.uniform(-5, 5, (k, d))
    X = centres[rs.randint(0, k, n)] + rs.normal(size=(n, d))
    max_iter, repeats = (20, 3) if n <= 100000 else (10, 3)
    ours = run_bench(build, ["bench_kmeans", n, d, k, max_iter, repeats, save(tmp, "X.bin", X), *THREADS])
    for t in THREADS:
        with threadpool_limits(limits=t):
            def fit(m):
                return KMeans(n_clusters=k, init=X[:k], n_init=1, max_iter=m, tol=0.0, algorithm="lloyd").fit(X)
            t1 = median_time(repeats, lambda: fit(1))
            km = fit(max_iter)
            tm = median_time(repeats, lambda: fit(max_iter))
            ref = (tm - t1) / (km.n_iter_ - 1) if km.n_iter_ > 1 else tm
        o = next(r for r in ours if r["threads"] == str(t))
        mine = float(o["seconds_per_iteration"])
        table.append((f"k-means/iter n={n:.0e} d={d} k={k}", t, f"{mine * 1e3:.2f} ms", f"KMeans {ref * 1e3:.2f} ms",
                      ref / mine, o["same_bits"]))


def mlp_case(build, tmp, label, X, y, h, e1, e2, repeats, table):
    """Seconds per epoch = (fit with e2 epochs - fit with e1) / (e2 - e1), for both sides."""
    ours = run_bench(build, ["bench_mlp", X.shape[0], X.shape[1], h, e1, e2, repeats, save(tmp, "X.bin", X),
                             save(tmp, "y.bin", y.astype(np.float64)), *THREADS])
    for t in THREADS:
        with threadpool_limits(limits=t):
            def fit(epochs):
                return MLPClassifier(hidden_layer_sizes=(h,), solver="adam", batch_size=200, max_iter=epochs,
                                     tol=0.0, n_iter_no_change=e2 + 1, random_state=0).fit(X, y)
            ref = (median_time(repeats, lambda: fit(e2)) - median_time(repeats, lambda: fit(e1))) / (e2 - e1)
        o = next(r for r in ours if r["threads"] == str(t))
        mine = float(o["seconds_per_epoch"])
        table.append((f"MLP epoch, {label}", t, f"{mine * 1e3:.1f} ms", f"MLPClassifier {ref * 1e3:.1f} ms",
                      ref / mine, o["same_bits"]))


def print_setup(script, versions=""):
    """The versions, the BLAS that numpy loaded (exit unless it is OpenBLAS), the CPU and its load.
    `versions` adds libraries of the caller's own, e.g. "pandas 1.5.3, "."""
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    print(f"numpy {np.__version__}, {versions}scikit-learn {sklearn.__version__}, BLAS: " +
          ", ".join(f"{p['internal_api']} {p.get('version')} ({os.path.basename(p['filepath'])})" for p in blas))
    if not any(p["internal_api"] == "openblas" for p in blas):
        sys.exit(f"{script}: numpy did not load OpenBLAS; the figures would not mean what the table says")
    with open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    print(f"CPU: {cpu}, {os.cpu_count()} hardware threads; load average {os.getloadavg()[0]:.2f} at the start")


def main():
    build = sys.argv[sys.argv.index("--build") + 1] if "--build" in sys.argv else "build"
    quick = "--quick" in sys.argv
    print_setup("compare.py")
    table = []
    with tempfile.TemporaryDirectory(prefix="mlfs-compare-") as tmp:
        products(build, tmp, table)
        for n in (100000,) if quick else (100000, 1000000):
            for d in (10, 50):
                for k in (8, 64):
                    kmeans_case(build, tmp, n, d, k, table)
        rs = np.random.RandomState(2)
        mlp_case(build, tmp, "60000 x 784, h = 128", rs.uniform(0, 1, (60000, 784)), rs.randint(0, 10, 60000), 128,
                 1, 2, 3, table)
        digits = load_digits()
        mlp_case(build, tmp, "digits 1797 x 64, h = 64", digits.data, digits.target, 64, 5, 25, 5, table)
    print(f"load average {os.getloadavg()[0]:.2f} at the end\n")
    print("| workload | threads | mlfs | reference | speed ratio (mlfs / reference) | mlfs bits identical |")
    print("|---|---:|---:|---:|---:|---|")
    for w, t, mine, ref, ratio, same in table:
        # a per-iteration time from a difference of two fits can come out <= 0 when the machine's noise
        # exceeds the iterations' time: then there is no ratio to report
        shown = f"{ratio:.2f}" if ratio > 0 and not mine.startswith("-") and "-" not in ref else "noise (not measured)"
        print(f"| {w} | {t} | {mine} | {ref} | {shown} | {'yes' if same == '1' else 'NO'} |")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Issue #13, "Your CSV at the speed of the data": time mlfs's CSV reader, its least-squares fits and
the whole `mlfs linreg` process against pandas / scikit-learn on the same data, in the same run.

    /usr/bin/python3 tests/bench/compare_linreg.py [--build build] [--quick] [--keep DIR]

| workload (1,000,000 rows x 20 features + target y, CSV written with '%.17g', ~411 MB) | target |
|---|---|
| reading the CSV: mlfs::read_csv MB/s vs pandas.read_csv MB/s, same file, in process | ours >= 2x pandas |
| fit_qr at 1e6 x 20 and 1e5 x 100 vs LinearRegression().fit(X, y), OpenBLAS on 2 threads | time ratio <= 1 |
| fit_cholesky at the same sizes vs LinearRegression().fit(X, y), 2 threads | >= 5x faster (ratio <= 0.2) |
| whole process `mlfs linreg --data F --target y --json` (qr, with the OLS audit) vs the script | ratio <= 0.5 |
| the same with `--solver cholesky` | ratio <= 0.3 |
| peak RSS of the whole mlfs process, beside the data's doubles N (D+1) 8 bytes and the script's peak | (reported) |

The script is what a Python user writes for the job: pandas.read_csv + LinearRegression().fit +
score (R^2), REFERENCE_SCRIPT below. The fits are also timed on 1 thread and reported without a
target. Ratios are mlfs / reference: speeds for the CSV row, seconds elsewhere. In-process figures
are medians of repeats after a warm-up (tests/bench/bench_linreg.cpp on the C++ side, which reads
the same X and y as raw float64 files). Whole processes are medians of repeats, each started afresh
so that interpreter start-up and imports count as the user meets them, each side on its default
threads (all hardware threads), the three commands interleaved so that a change in the machine's
load falls on all of them. The CSV is in the page cache on both sides (it has just been written or
read): the figures are parsing, not the disk. Peak RSS is GNU time's %M for each run (the maximum
over the repeats). MB = 1e6 bytes; this data's CSV is 423 MB (the issue's estimate was ~411).

Data: numpy default_rng(0); X standard normal with column j scaled by 10**u_j, u_j uniform in
[-2, 3) (features of very different magnitudes, as real tables have), y = X w + 3 + noise with
w_j = z_j / 10**u_j, so every feature matters. Written once into a temporary folder (removed at the
end) or, with --keep DIR, into DIR, where a later run reuses them. --quick: 1e5 x 20 and 2e4 x 100.

OpenBLAS: importing compare.py re-runs this script on OpenBLAS fetched with `apt-get download` and
unpacked with `dpkg -x` (nothing is installed); see its docstring. The Python child processes
inherit its LD_LIBRARY_PATH, so the script's scikit-learn runs on the same OpenBLAS.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import median_time, print_setup, run_bench  # noqa: E402  (importing it re-executes us on OpenBLAS)

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.linear_model import LinearRegression  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

THREADS = (2, 1)  # 2 first: the targets are stated on 2 threads
REPEATS = 3

# What a Python user writes for the same job; run as its own process, like `mlfs linreg`.
REFERENCE_SCRIPT = """\
import json, sys
import pandas as pd
from sklearn.linear_model import LinearRegression
df = pd.read_csv(sys.argv[1])
X, y = df.drop(columns="y").to_numpy(), df["y"].to_numpy()
model = LinearRegression().fit(X, y)
print(json.dumps({"coef_": model.coef_.tolist(), "intercept_": model.intercept_, "r2": model.score(X, y)}))
"""


# ---- the data, written once per shape (and reused from --keep DIR)

def make_data(N, D):
    """X (N x D) and y, as the docstring says."""
    rng = np.random.default_rng(0)
    scale = 10.0 ** rng.uniform(-2, 3, D)
    X = rng.standard_normal((N, D)) * scale
    w = rng.standard_normal(D) / scale
    y = X @ w + 3.0 + rng.standard_normal(N)
    return X, y


def write_once(path, write):
    """Write through a .part file, so that an interrupted run never leaves a half file to be reused."""
    if not os.path.exists(path):
        write(path + ".part")
        os.replace(path + ".part", path)
    return path


def data_files(folder, N, D, with_csv):
    """Paths of X.bin and y.bin (raw float64) and, if asked, of the CSV [X | y] ("-" if not)."""
    stem = os.path.join(folder, f"linreg_{N}x{D}")
    paths = {"X": stem + "_X.bin", "y": stem + "_y.bin", "csv": stem + ".csv" if with_csv else "-"}
    if all(os.path.exists(p) for p in paths.values() if p != "-"):
        return paths
    X, y = make_data(N, D)
    write_once(paths["X"], X.tofile)
    write_once(paths["y"], y.tofile)
    if with_csv:
        header = ",".join([f"x{j}" for j in range(D)] + ["y"])
        write_once(paths["csv"], lambda p: np.savetxt(p, np.column_stack([X, y]), fmt="%.17g", delimiter=",",
                                                      header=header, comments=""))
    return paths


# ---- in process

def sklearn_fit_seconds(X, y, threads):
    with threadpool_limits(limits=threads):
        LinearRegression().fit(X, y)  # warm-up, as bench_linreg does
        return median_time(REPEATS, lambda: LinearRegression().fit(X, y))


def fit_rows(build, paths, N, D, table, checks):
    """fit_qr and fit_cholesky against LinearRegression.fit; with the CSV, the reading row first."""
    ours = run_bench(build, ["bench_linreg", N, D, REPEATS, paths["X"], paths["y"], paths["csv"], *THREADS])
    for r in ours:
        what = "read_csv gave back the doubles written" if r["bench"] == "read_csv" else \
            f"fit_{r['solver']} on {r['threads']} thread(s): the same bits as on {THREADS[0]}"
        checks.append((f"{N} x {D}: {what}", r["same_bits"] == "1"))
    if paths["csv"] != "-":
        csv_row(paths["csv"], next(r for r in ours if r["bench"] == "read_csv"), table)
    X, y = np.fromfile(paths["X"]).reshape(N, D), np.fromfile(paths["y"])
    size = f"{N:.0e} x {D}".replace("e+0", "e")
    for t in THREADS:
        ref = sklearn_fit_seconds(X, y, t)
        for solver, limit in (("qr", 1.0), ("cholesky", 0.2)):
            mine = float(next(r for r in ours if r.get("solver") == solver and r["threads"] == str(t))["seconds"])
            table.append((f"fit_{solver} {size}, {t} thread{'s' if t > 1 else ''}", f"{mine:.3g} s",
                          f"LinearRegression.fit {ref:.3g} s", mine / ref,
                          *(judged(mine / ref, "<=", limit) if t == 2 else unjudged())))


def csv_row(path, ours, table):
    size = os.path.getsize(path)
    pd.read_csv(path)  # warm-up, as bench_linreg's median leaves its first read in
    ref = size / 1e6 / median_time(REPEATS, lambda: pd.read_csv(path))
    mine = int(ours["bytes"]) / 1e6 / float(ours["seconds"])
    table.append((f"read CSV ({size / 1e6:.0f} MB)", f"{mine:.0f} MB/s", f"pandas.read_csv {ref:.0f} MB/s",
                  mine / ref, *judged(mine / ref, ">=", 2.0)))


# ---- whole processes

def run_process(cmd, tmp):
    """Wall seconds, peak RSS in bytes and stdout of one run of cmd, as its own process.

    The peak is GNU time's %M, not our own wait4()'s ru_maxrss: a child of this script starts as a
    fork (or vfork) of it, and Linux keeps that peak across exec, so ru_maxrss would report this
    script's arrays (210 MB for the 17 MB of --quick). /usr/bin/time is small and forks the command."""
    peak_file = os.path.join(tmp, "peak_rss")
    t0 = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak_file] + cmd, stdout=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - t0
    if out.returncode != 0:
        sys.exit(f"compare_linreg.py: {' '.join(cmd)} exited with {out.returncode}")
    with open(peak_file) as f:
        return seconds, int(f.read().split()[-1]) * 1024, out.stdout


def whole_process_rows(build, tmp, csv, N, D, table, checks):
    script = os.path.join(tmp, "reference_linreg.py")
    with open(script, "w") as f:
        f.write(REFERENCE_SCRIPT)
    mlfs = [os.path.join(build, "mlfs"), "linreg", "--data", csv, "--target", "y", "--json"]
    cmds = {"qr": mlfs, "cholesky": mlfs + ["--solver", "cholesky"], "python": [sys.executable, script, csv]}
    runs = {name: [] for name in cmds}
    for _ in range(REPEATS):  # interleaved: a change in the machine's load falls on every command
        for name, cmd in cmds.items():
            runs[name].append(run_process(cmd, tmp))
    seconds = {name: statistics.median(r[0] for r in rs) for name, rs in runs.items()}
    peak = {name: max(r[1] for r in rs) for name, rs in runs.items()}
    ref = seconds["python"]
    for solver, limit in (("qr", 0.5), ("cholesky", 0.3)):
        flag = "" if solver == "qr" else " --solver cholesky"
        table.append((f"`mlfs linreg{flag} --json`, whole process", f"{seconds[solver]:.3g} s",
                      f"pandas + LinearRegression script {ref:.3g} s", seconds[solver] / ref,
                      *judged(seconds[solver] / ref, "<=", limit)))
    doubles = N * (D + 1) * 8
    for solver in ("qr", "cholesky"):
        table.append((f"peak RSS, `mlfs linreg` ({solver})",
                      f"{peak[solver] / 1e6:.0f} MB = {peak[solver] / doubles:.1f}x the data's doubles",
                      f"script {peak['python'] / 1e6:.0f} MB", peak[solver] / peak["python"],
                      *unjudged(f"(reported; the data's doubles: {doubles / 1e6:.0f} MB)")))
    agreement(runs, checks)


def agreement(runs, checks):
    """Both sides must have fitted the same model, or the times would not compare like with like."""
    ref = json.loads(runs["python"][-1][2])
    w_ref = np.array(ref["coef_"])
    for solver in ("qr", "cholesky"):
        ours = json.loads(runs[solver][-1][2])
        dw = np.max(np.abs(np.array(ours["coef_"]) - w_ref) / np.maximum(np.abs(w_ref), 1e-300))
        dr2 = abs(ours["r2"] - ref["r2"])
        checks.append((f"mlfs linreg ({solver}) vs the script: max relative coef_ difference {dw:.1e}, "
                       f"|R^2 difference| {dr2:.1e} (same model within 1e-6)", dw < 1e-6 and dr2 < 1e-9))


# ---- the report

def judged(ratio, sense, limit):
    """The table's target and met? cells."""
    met = ratio <= limit if sense == "<=" else ratio >= limit
    return f"{sense} {limit:g}", "yes" if met else "NO"


def unjudged(note="(reported)"):
    return note, "-"


def print_table(table, checks):
    print("| workload | mlfs | reference | ratio (mlfs / reference) | target | met? |")
    print("|---|---:|---:|---:|---|---|")
    for workload, mine, ref, ratio, target, met in table:
        print(f"| {workload} | {mine} | {ref} | {ratio:.2f} | {target} | {met} |")
    print()
    for what, ok in checks:
        print(f"{'ok    ' if ok else 'NOT OK'} {what}")


def run(args, folder):
    (N1, D1), (N2, D2) = ((100000, 20), (20000, 100)) if args.quick else ((1000000, 20), (100000, 100))
    table, checks = [], []
    big = data_files(folder, N1, D1, with_csv=True)
    fit_rows(args.build, big, N1, D1, table, checks)
    fit_rows(args.build, data_files(folder, N2, D2, with_csv=False), N2, D2, table, checks)
    whole_process_rows(args.build, folder, big["csv"], N1, D1, table, checks)
    return table, checks


def remove_openblas_download():
    """compare.py's temporary OpenBLAS folder, .../mlfs-openblas-XXXX/root/usr/lib/<arch>/openblas-pthread."""
    lib = os.environ.get("MLFS_COMPARE_OPENBLAS", "")
    top = lib.split("/root/usr/lib/")[0]
    if os.path.basename(top).startswith("mlfs-openblas-"):
        shutil.rmtree(top, ignore_errors=True)


def benchmark():
    """Everything but the clean-up; returns the exit status: 1 if a check failed, whatever the targets."""
    parser = argparse.ArgumentParser(description="Issue #13: mlfs linreg and its CSV reader vs pandas + sklearn.")
    parser.add_argument("--build", default="build", help="the build folder holding mlfs and bench_linreg")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, a smoke test: 1e5 x 20 and 2e4 x 100")
    parser.add_argument("--keep", metavar="DIR", help="write the data into DIR and keep it; reuse what is there")
    args = parser.parse_args()
    for exe in ("mlfs", "bench_linreg"):
        if not os.path.exists(os.path.join(args.build, exe)):
            sys.exit(f"compare_linreg.py: no {exe} in {args.build}: "
                     f"cmake --build {args.build} --target mlfs bench_linreg")
    print_setup("compare_linreg.py", f"pandas {pd.__version__}, ")
    t0 = time.perf_counter()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        table, checks = run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="mlfs-linreg-") as folder:
            table, checks = run(args, folder)
    print(f"load average {os.getloadavg()[0]:.2f} at the end; {time.perf_counter() - t0:.0f} s in all\n")
    print_table(table, checks)
    return 0 if all(ok for _, ok in checks) else 1


def main():
    try:
        sys.exit(benchmark())
    finally:  # also after --help or a failed command: the download is only needed while we run
        remove_openblas_download()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Single-line mutation testing for one source file (issue #18, "Mutation testing").

Not part of CMake, CTest or CI: a tool run by hand. It edits the file in place, so run it on a
throw-away clone, never on a working tree you care about:

    git clone -q . /tmp/mut-src
    nice -n 19 cmake -S /tmp/mut-src -B /tmp/mut-build -DCMAKE_BUILD_TYPE=Release
    python3 tools/mutate.py --src /tmp/mut-src --build /tmp/mut-build --file linalg/cholesky.cpp \
        --tests test_cholesky,test_condition,test_linear_regression [--max 40] [--seed 1] \
        [--timeout 60] [--jobs 1] [--out cholesky.tsv] [--list] [--only 3,7]

For each mutant it applies one change to one line, rebuilds only the --tests executables
(cmake --build --target ...), runs them in the order given with a timeout, stopping at the first
failure, and restores the file (also on Ctrl-C). A test that fails, crashes or times out kills the
mutant; a mutant that does not compile is counted apart. Survivors are test gaps unless they are
equivalent (no test can tell them from the original): judge each by hand.

Mutation operators, applied to code only (string and character literals and // comments are
masked; comment lines, preprocessor lines and exercise markers are skipped):
    <  <-> <=     >  <-> >=     == <-> !=      (binary, written with spaces as clang-format does)
    +  <-> -      += <-> -=     (binary arithmetic, not ++ / -- / ->, not joining strings)
    *  ->  /      *= -> /=      (binary)
    && <-> ||
    -x -> x       (removal of a unary minus)
    c  ->  c+1    (an integer literal in a for(...) header: loop bounds and starts)
With more than --max mutants, a random sample of --max (random.Random(--seed)) is run, in line
order; --list prints every mutant with its id and exits. Output: one line per mutant
(id, line, operator, status, the killing test) on stdout and in --out as TSV, then the counts.
It refuses a file that differs from the clone's HEAD. Run it with nice and -j1 on a shared machine.
A survivor reading or writing out of bounds (e.g. a loop bound i <= N) may pass in Release and
fail only in the sanitizer build (-DMLFS_SANITIZE=ON): build the clone that way to see those.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import time


def mask_line(line, in_block):
    """Return (masked, in_block): string/char literals and comments replaced by spaces."""
    out = list(line)
    i, n = 0, len(line)
    while i < n:
        if in_block:
            end = line.find("*/", i)
            stop = n if end < 0 else end + 2
            for k in range(i, stop):
                out[k] = " "
            in_block = end < 0
            i = stop
            continue
        c = line[i]
        if line.startswith("//", i):
            for k in range(i, n):
                out[k] = " "
            break
        if line.startswith("/*", i):
            in_block = True
            continue
        if c in "\"'":
            j = i + 1
            while j < n and line[j] != c:
                j += 2 if line[j] == "\\" else 1
            for k in range(i + 1, min(j, n)):
                out[k] = " "
            i = j + 1
            continue
        i += 1
    return "".join(out), in_block


# (regex on the masked line, group whose span is replaced, replacement, operator name)
BINARY = [
    (r" (<) ", "<=", "< -> <="),
    (r" (<=) ", "<", "<= -> <"),
    (r" (>) ", ">=", "> -> >="),
    (r" (>=) ", ">", ">= -> >"),
    (r" (==) ", "!=", "== -> !="),
    (r" (!=) ", "==", "!= -> =="),
    (r" (\+) ", "-", "+ -> -"),
    (r" (-) ", "+", "- -> +"),
    (r" (\+=) ", "-=", "+= -> -="),
    (r" (-=) ", "+=", "-= -> +="),
    (r" (\*) ", "/", "* -> /"),
    (r" (\*=) ", "/=", "*= -> /="),
    (r" (&&) ", "||", "&& -> ||"),
    (r" (\|\|) ", "&&", "|| -> &&"),
]
# a unary minus: after ( [ , = return or an operator, directly before an operand
UNARY_MINUS = re.compile(r"(?:^|[(\[,=?:]|return|[-+*/<>] )\s*(-)(?=[\w.(])")
INT_LITERAL = re.compile(r"(?<![\w.])(\d+)(?![\w.])")


def group_around(masked, s, e):
    """The text of the innermost parenthesised group holding masked[s:e] (to the line's ends if open)."""
    depth, lo = 0, 0
    for k in range(s - 1, -1, -1):
        if masked[k] == ")":
            depth += 1
        elif masked[k] == "(":
            if depth == 0:
                lo = k + 1
                break
            depth -= 1
    depth, hi = 0, len(masked)
    for k in range(e, len(masked)):
        if masked[k] == "(":
            depth += 1
        elif masked[k] == ")":
            if depth == 0:
                hi = k
                break
            depth -= 1
    return masked[lo:hi]


def mutants_of(lines):
    found = []
    in_block = False
    for ln, line in enumerate(lines, start=1):
        masked, in_block_after = mask_line(line, in_block)
        stripped = line.strip()
        skip = (in_block or not stripped or stripped.startswith("#") or stripped.startswith("//")
                or stripped.startswith("/*") or stripped.startswith("*"))
        in_block = in_block_after
        if skip:
            continue
        for pattern, repl, name in BINARY:
            for m in re.finditer(pattern, masked):
                s, e = m.span(1)
                # + and - joining strings (error messages) would not compile: skip them
                if name in ("+ -> -", "- -> +") and '"' in group_around(masked, s, e):
                    continue
                found.append((ln, s, e, repl, name))
        for m in UNARY_MINUS.finditer(masked):
            s, e = m.span(1)
            if masked[e:e + 1] in "-=>":
                continue
            found.append((ln, s, e, "", "unary - removed"))
        h = re.search(r"\bfor\s*\((.*)", masked)
        if h:
            base = h.start(1)
            for m in INT_LITERAL.finditer(h.group(1)):
                s, e = base + m.start(1), base + m.end(1)
                found.append((ln, s, e, str(int(m.group(1)) + 1), "%s -> %d" % (m.group(1), int(m.group(1)) + 1)))
    found.sort(key=lambda t: (t[0], t[1], t[4]))
    return found


def run(cmd, timeout=None, cwd=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, cwd=cwd)
        return p.returncode, p.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True, help="the clone that is mutated")
    ap.add_argument("--build", required=True, help="its configured build folder")
    ap.add_argument("--file", required=True, help="path of the mutated file, relative to --src")
    ap.add_argument("--tests", required=True, help="comma-separated test executables, fastest and closest first")
    ap.add_argument("--max", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per test run")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", help="TSV of the results")
    ap.add_argument("--list", action="store_true", help="print the mutants and exit")
    ap.add_argument("--only", help="comma-separated mutant ids to run (ids as --list prints them)")
    a = ap.parse_args()

    path = os.path.join(a.src, a.file)
    if not a.list:
        # a file with uncommitted changes may be a mutant left by a killed run, or someone's work
        rc, _ = run(["git", "-C", a.src, "diff", "--quiet", "HEAD", "--", a.file])
        if rc != 0:
            sys.exit("mutate.py: %s differs from HEAD in %s (or that is not a git clone): "
                     "mutate a clean throw-away clone" % (a.file, a.src))
    with open(path) as f:
        original = f.read()
    lines = original.split("\n")
    every = mutants_of(lines)
    ids = list(range(1, len(every) + 1))
    if a.only:
        chosen = [int(x) for x in a.only.split(",")]
    elif len(every) > a.max:
        chosen = sorted(random.Random(a.seed).sample(ids, a.max))
    else:
        chosen = ids
    print("# %s: %d mutants, running %d%s" % (a.file, len(every), len(chosen),
                                               " (sample, seed %d)" % a.seed if len(chosen) < len(every) and not a.only else ""))
    if a.list:
        for i in ids:
            ln, s, e, repl, name = every[i - 1]
            line = lines[ln - 1]
            print("%3d %s:%d  %-16s %s" % (i, a.file, ln, name, (line[:s] + repl + line[e:]).strip()))
        return 0

    tests = a.tests.split(",")
    nice = ["nice", "-n", "19"]
    counts = {"killed": 0, "survived": 0, "no-compile": 0}
    rows = []
    try:
        for i in chosen:
            ln, s, e, repl, name = every[i - 1]
            mutated = list(lines)
            mutated[ln - 1] = lines[ln - 1][:s] + repl + lines[ln - 1][e:]
            with open(path, "w") as f:
                f.write("\n".join(mutated))
            t0 = time.time()
            rc, log = run(nice + ["cmake", "--build", a.build, "-j%d" % a.jobs, "--target"] + tests)
            if rc != 0:
                status, by = "no-compile", ""
            else:
                status, by = "survived", ""
                for t in tests:
                    trc, _ = run(nice + [os.path.join(a.build, t)], timeout=a.timeout, cwd=a.build)
                    if trc != 0:
                        status, by = "killed", "%s (%s)" % (t, trc)
                        break
            counts[status] += 1
            row = (i, ln, name, status, by, mutated[ln - 1].strip(), time.time() - t0)
            rows.append(row)
            print("%3d %s:%d  %-16s %-10s %-28s %5.1fs  %s" % (i, a.file, ln, name, status, by, row[6], row[5]), flush=True)
    finally:
        with open(path, "w") as f:
            f.write(original)
    if a.out:
        with open(a.out, "w") as f:
            f.write("id\tline\toperator\tstatus\tkilled_by\tmutated_line\n")
            for r in rows:
                f.write("%d\t%d\t%s\t%s\t%s\t%s\n" % r[:6])
    compiled = counts["killed"] + counts["survived"]
    print("# %s: generated %d, run %d, compiled %d, killed %d, survived %d, no-compile %d" %
          (a.file, len(every), len(chosen), compiled, counts["killed"], counts["survived"], counts["no-compile"]))
    # leave the build matching the restored source
    run(nice + ["cmake", "--build", a.build, "-j%d" % a.jobs, "--target"] + tests)
    return 0


if __name__ == "__main__":
    sys.exit(main())

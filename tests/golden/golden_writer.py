# SPDX-License-Identifier: MIT
"""The writer for the golden-number text format that io/golden.hpp reads.

Format, one item per line:
    # ...                   comment; "# call: ..." names the library call behind the next entry
    scalar NAME VALUE
    vector NAME N           then one line of N numbers
    matrix NAME R C         then R lines of C numbers (row-major)
Every number is '%.17g' of a double (strtod reads back the same double); nan/inf/-inf as such.

This module also pins the environment: the thread variables are forced to 1 before numpy loads,
and check_versions() refuses any interpreter without the pinned library versions.
"""
import os

# Must happen before numpy (and its BLAS) is loaded anywhere in the process.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import math
import platform
import re
import sys

REQUIRED_SKLEARN = "1.2.1"
REQUIRED_NUMPY_SERIES = "1.24."
SYSTEM_PYTHON = "/usr/bin/python3"


def check_versions():
    """Exit with a clear message unless scikit-learn is 1.2.1 and numpy is 1.24.x."""
    try:
        import numpy
        import scipy
        import sklearn
        import mpmath  # noqa: F401
        import threadpoolctl  # noqa: F401
    except ImportError as exc:
        sys.exit("export.py: cannot import %s with %s.\n"
                 "Run it with the system interpreter: %s tests/golden/export.py"
                 % (exc.name, sys.executable, SYSTEM_PYTHON))
    problems = []
    if sklearn.__version__ != REQUIRED_SKLEARN:
        problems.append("scikit-learn is %s, need %s" % (sklearn.__version__, REQUIRED_SKLEARN))
    if not numpy.__version__.startswith(REQUIRED_NUMPY_SERIES):
        problems.append("numpy is %s, need %sx" % (numpy.__version__, REQUIRED_NUMPY_SERIES))
    if problems:
        sys.exit("export.py: refusing to run with %s: %s.\n"
                 "The golden numbers are pinned to scikit-learn %s / numpy %sx; use %s."
                 % (sys.executable, "; ".join(problems), REQUIRED_SKLEARN,
                    REQUIRED_NUMPY_SERIES, SYSTEM_PYTHON))


def _loaded_blas_libraries():
    """Real paths of the BLAS/LAPACK shared objects mapped into this process (Linux only)."""
    found = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                base = os.path.basename(path)
                if re.match(r"lib(open)?blas|liblapack|libmkl|libblis|libflexiblas", base):
                    found.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(found)


def blas_description():
    """One deterministic phrase naming the BLAS/LAPACK numpy and scipy run on."""
    import numpy  # noqa: F401  (load the BLAS before looking for it)
    import scipy.linalg  # noqa: F401
    import threadpoolctl

    pools = [p for p in threadpoolctl.threadpool_info() if p.get("user_api") == "blas"]
    parts = []
    for p in sorted(pools, key=lambda p: (p.get("internal_api", ""), p.get("filepath", ""))):
        threads = p.get("num_threads")
        arch = p.get("architecture")
        inner = ", ".join(x for x in [arch, "%s thread%s" % (threads, "" if threads == 1 else "s")] if x)
        parts.append("%s %s (%s)" % (p.get("internal_api", "blas"), p.get("version") or "?", inner))
    if not parts:
        # threadpoolctl only knows threaded BLAS builds; the reference BLAS/LAPACK is single-threaded.
        for path in _loaded_blas_libraries():
            base = os.path.basename(path)
            m = re.match(r"(lib[a-z_]+)\.so\.?([0-9.]*)", base)
            name, version = (m.group(1), m.group(2)) if m else (base, "")
            if "/blas/" in path and name == "libblas":
                label = "reference BLAS"
            elif "/lapack/" in path and name == "liblapack":
                label = "reference LAPACK"
            else:
                label = name
            parts.append(("%s %s" % (label, version)).strip())
        parts = [" + ".join(parts) + " (single-threaded)"] if parts else ["unknown BLAS"]
    return "; ".join(parts)


def versions_line():
    import mpmath
    import numpy
    import scipy
    import sklearn
    return ("python %s, numpy %s, scipy %s, scikit-learn %s, mpmath %s, %s"
            % (platform.python_version(), numpy.__version__, scipy.__version__,
               sklearn.__version__, mpmath.__version__, blas_description()))


class OpenMPThreads:
    """threadpool_limits(n, 'openmp'), checked: scikit-learn must then really use n threads."""

    def __init__(self, n):
        from threadpoolctl import threadpool_limits
        self.n, self.limits = n, threadpool_limits(limits=n, user_api="openmp")

    def __enter__(self):
        from sklearn.utils._openmp_helpers import _openmp_effective_n_threads
        self.limits.__enter__()
        if _openmp_effective_n_threads() != self.n:
            raise RuntimeError("asked scikit-learn for %d OpenMP threads, it uses %d"
                               % (self.n, _openmp_effective_n_threads()))

    def __exit__(self, *exc):
        return self.limits.__exit__(*exc)


def fmt(x):
    """'%.17g' of a double; integers are accepted if a double holds them exactly."""
    if isinstance(x, bool):
        raise TypeError("refusing to write a bool as a number")
    if isinstance(x, int) or type(x).__name__.startswith(("int", "uint")):
        x = int(x)
        if abs(x) > 2 ** 53:
            raise ValueError("integer %d is not exact as a double" % x)
        return "%.17g" % float(x)
    v = float(x)
    if math.isnan(v):
        return "nan"
    return "%.17g" % v  # gives 'inf' / '-inf' for the infinities


_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")


class GoldenFile:
    """Collects entries for one golden file and renders them as text.

    Every entry takes the exact library call that produced it; it is written as the
    '# call: ...' line right above the entry (the C++ reader attaches it to the entry).
    """

    def __init__(self, filename, only_name, description):
        self.filename = filename
        self.lines = [
            "# mlfs golden numbers: %s. Written by tests/golden/export.py; do not edit by hand." % filename,
            "# regenerate: /usr/bin/python3 tests/golden/export.py --only %s" % only_name,
            "# versions: %s" % versions_line(),
        ]
        for d in description:
            self.lines.append("# " + d)
        self.names = set()

    def section(self, text):
        self.lines.append("")
        for t in text.split("\n"):
            self.lines.append("# " + t if t else "#")

    def comment(self, text):
        for t in text.split("\n"):
            self.lines.append("# " + t if t else "#")

    def _start(self, name, call):
        if not _NAME.match(name):
            raise ValueError("bad entry name %r" % name)
        if name in self.names:
            raise ValueError("duplicate entry name %r" % name)
        if not call or "\n" in call:
            raise ValueError("%s: the call must be one non-empty line" % name)
        self.names.add(name)
        self.lines.append("# call: " + call)

    def scalar(self, name, value, call):
        import numpy as np
        if np.ndim(value) != 0:
            raise ValueError("%s: scalar expected, got shape %s" % (name, np.shape(value)))
        self._start(name, call)
        self.lines.append("scalar %s %s" % (name, fmt(value)))

    def vector(self, name, values, call):
        import numpy as np
        a = np.asarray(values, dtype=np.float64)
        if a.ndim != 1 or a.size == 0:
            raise ValueError("%s: non-empty 1-d array expected, got shape %s" % (name, a.shape))
        self._start(name, call)
        self.lines.append("vector %s %d" % (name, a.shape[0]))
        self.lines.append(" ".join(fmt(v) for v in a.tolist()))

    def matrix(self, name, values, call):
        import numpy as np
        a = np.asarray(values, dtype=np.float64)
        if a.ndim != 2 or a.size == 0:
            raise ValueError("%s: non-empty 2-d array expected, got shape %s" % (name, a.shape))
        self._start(name, call)
        self.lines.append("matrix %s %d %d" % (name, a.shape[0], a.shape[1]))
        for row in a.tolist():
            self.lines.append(" ".join(fmt(v) for v in row))

    def text(self):
        return "\n".join(self.lines) + "\n"

# SPDX-License-Identifier: MIT
"""datasets/: CSV copies of scikit-learn 1.2.1's bundled data sets, the NIST StRD files, and
datasets/README.md (provenance, licence, shape and sha256 of every file, written here so that no
digest is ever typed by hand).
"""
import golden_writer  # noqa: F401  (sets the thread variables before numpy loads)

import hashlib
import os
import re

import numpy as np
import sklearn
from sklearn import datasets as skd

# ---------------------------------------------------------------- the scikit-learn CSVs

# (file, loader call as text, loader, target column, meaning of the target, provenance)
CSV_SPECS = [
    ("iris.csv", "sklearn.datasets.load_iris()", lambda: skd.load_iris(), "species",
     "class of iris plant: 0 = setosa, 1 = versicolor, 2 = virginica (50 rows each)",
     "R. A. Fisher (1936), \"The use of multiple measurements in taxonomic problems\", Annual "
     "Eugenics 7, Part II, 179-188; creator R. A. Fisher, donor Michael Marshall, July 1988. sklearn's description "
     "says the data are the same as in R, but not as in the UCI Machine Learning Repository. "
     "Measurements in cm with one decimal; one row appears twice."),
    ("diabetes.csv", "sklearn.datasets.load_diabetes()", lambda: skd.load_diabetes(), "target",
     "quantitative measure of disease progression one year after baseline (integer, 25 to 346)",
     "B. Efron, T. Hastie, I. Johnstone and R. Tibshirani (2004), \"Least Angle Regression\", "
     "Annals of Statistics (with discussion), 407-499; source page https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html "
     "(B. Boos). This is the loader's default scaled=True form: sklearn computes it at load time "
     "from the raw file, each feature column mean-centred and scaled so its sum of squares is 1. "
     "The target is not scaled."),
    ("diabetes_raw.csv", "sklearn.datasets.load_diabetes(scaled=False)",
     lambda: skd.load_diabetes(scaled=False), "target",
     "as diabetes.csv (the same 442 patients in the same order)",
     "As diabetes.csv, but the raw feature values: age in years, sex coded 1 or 2, body mass index, "
     "average blood pressure and six blood serum measurements s1..s6."),
    ("wine.csv", "sklearn.datasets.load_wine()", lambda: skd.load_wine(), "class",
     "cultivar: 0, 1, 2 (59, 71 and 48 rows)",
     "A copy of the UCI ML Wine recognition data "
     "(https://archive.ics.uci.edu/ml/machine-learning-databases/wine/wine.data); original owners "
     "M. Forina et al., PARVUS, Institute of Pharmaceutical and Food Analysis and Technologies, "
     "Genoa; the description cites Lichman, M. (2013), UCI Machine Learning Repository. Its "
     "Creator/Donor/Date lines (R. A. Fisher, Michael Marshall, July 1988) are copied from the iris "
     "description by mistake and do not describe this data set."),
    ("breast_cancer.csv", "sklearn.datasets.load_breast_cancer()", lambda: skd.load_breast_cancer(),
     "target", "diagnosis: 0 = malignant (212 rows), 1 = benign (357 rows)",
     "A copy of the UCI ML Breast Cancer Wisconsin (Diagnostic) data; creators W. H. Wolberg, "
     "W. N. Street and O. L. Mangasarian, donor Nick Street, November 1995. The 30 features are the "
     "mean, standard error and worst value of ten measurements of cell nuclei in a digitised image "
     "of a fine-needle aspirate."),
    ("digits.csv", "sklearn.datasets.load_digits()", lambda: skd.load_digits(), "digit",
     "the handwritten digit shown, 0 to 9 (about 180 rows each)",
     "A copy of the test set of the UCI ML Optical Recognition of Handwritten Digits data "
     "(https://archive.ics.uci.edu/ml/datasets/Optical+Recognition+of+Handwritten+Digits); creator "
     "E. Alpaydin, July 1998. Each row is an 8x8 image of integer pixel counts 0..16; pixel_i_j is "
     "row i, column j."),
]


def safe_column(name):
    """sklearn feature name -> CSV column name: lower case, runs of other characters -> '_'."""
    out = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not out:
        raise ValueError("feature name %r has no usable characters" % name)
    return out


def _check_stated_facts(fname, X, y):
    """The README prose states these counts; stop if the loader ever disagrees."""
    counts = None if fname.startswith("diabetes") else np.bincount(y.astype(np.int64)).tolist()
    if fname == "iris.csv":
        assert counts == [50, 50, 50], counts
        assert (np.unique(X, axis=0, return_counts=True)[1] > 1).sum() == 1  # one row appears twice
    elif fname.startswith("diabetes"):
        assert y.min() == 25 and y.max() == 346
    elif fname == "wine.csv":
        assert counts == [59, 71, 48], counts
    elif fname == "breast_cancer.csv":
        assert counts == [212, 357], counts
    elif fname == "digits.csv":
        assert len(counts) == 10 and 170 <= min(counts) and max(counts) <= 190, counts
        assert X.min() == 0 and X.max() == 16 and (X == np.round(X)).all()


def _csv_bytes(bunch, target_column):
    X = np.asarray(bunch.data, dtype=np.float64)
    y = np.asarray(bunch.target)
    columns = [safe_column(n) for n in bunch.feature_names] + [target_column]
    if len(set(columns)) != len(columns):
        raise ValueError("column names are not unique: %s" % columns)
    assert all(c and "," not in c for c in columns)
    assert X.ndim == 2 and X.shape[1] == len(columns) - 1 and y.shape == (X.shape[0],)
    lines = [",".join(columns)]
    for row, t in zip(X.tolist(), y.tolist()):
        if float(t) != int(t):
            raise ValueError("target %r is not an integer" % t)
        lines.append(",".join(repr(float(v)) for v in row) + "," + str(int(t)))
    return ("\n".join(lines) + "\n").encode("ascii"), X.shape[0], len(columns)


# ---------------------------------------------------------------- the NIST StRD files

NIST_DEFAULT_SOURCE = "/work/shared/datasets/nist-strd"
# The .dat digests are the ones published in the source folder's README (and in the table of
# datasets/README.md); README.md's is that of the copy in the shared folder. A file is accepted
# only if it matches.
NIST_SHA256 = [
    ("Norris.dat", "5ab6906c68a9c4b2eb1661c0cd7d2a09f5a469a6d4e05b6b691f190f5f7b944f"),
    ("Pontius.dat", "de60baa5dc66fd804f9316f895bc5aa2b8f791c09d1ecc1ec39f8b199b8c15c7"),
    ("NoInt1.dat", "d8234c428dedaa9de23b67df7d04aeee83befae73ceb6b38321b224955a9b667"),
    ("NoInt2.dat", "a71c2810b1edcef8fec6b864c20c5f9d9908e530282a174772ce610999ca7c69"),
    ("Filip.dat", "403b34689e401d915cb28bd69311d3ca5c3007d88d3b670b00e3203042315072"),
    ("Longley.dat", "fc4b0c824f8f0b834eb8e7d1c4c7e0b3cebdd7987bcb085e8f5e1007582480ea"),
    ("Wampler1.dat", "8bcd6f00dbe8c307ebc5c971e12b950eb3cdb75afbc2b38573082b5fcb0d7fbc"),
    ("Wampler2.dat", "01ba5f08b5b9f84431f3754216e006939a80264a1caa69fe08b3cbc543f9ee3e"),
    ("Wampler3.dat", "c5b025f6ebf0365de92d80e478ad826b01a6dfdafb71964ea8bae7eec993ce53"),
    ("Wampler4.dat", "dcff32075a52ecf31af70dad340776237544b1a29b5034a40f8b3e6b607cf9c1"),
    ("Wampler5.dat", "c4e260a6638db61287bfea75a2dd3b324c86c5d40931ddc6d8fab0c0305ffa39"),
    ("README.md", "b413eec051770cda12f5ed5c0a27d657cbfb3aa67e9d482f28ecc38b73fe2148"),
]


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _nist_bytes(repo_root, source):
    """The NIST files, read from `source` if it exists, else from the repository's own copies;
    either way every file must match its pinned sha256."""
    from_dir = source if source and os.path.isdir(source) else os.path.join(repo_root, "datasets", "nist-strd")
    out = {}
    for name, digest in NIST_SHA256:
        path = os.path.join(from_dir, name)
        with open(path, "rb") as f:
            data = f.read()
        if _sha256(data) != digest:
            raise RuntimeError("%s: sha256 %s does not match the pinned %s" % (path, _sha256(data), digest))
        out[name] = data
    return out, from_dir


def _nist_observations(data):
    """Rows of data: the lines after line 60 ('Data: ...') that are not blank."""
    lines = data.decode("ascii").split("\r\n")
    assert lines[59].strip().startswith("Data:"), lines[59]
    return sum(1 for line in lines[60:] if line.strip())


# ---------------------------------------------------------------- datasets/README.md

README_HEAD = """\
# Datasets

Written by `tests/golden/export.py` (`/usr/bin/python3 tests/golden/export.py --only datasets`);
do not edit by hand. The prose lives in `tests/golden/goldens_datasets.py`, and every shape and
sha256 below is computed from the bytes written. `export.py --check` regenerates all of it and
compares byte for byte.

## CSV files from scikit-learn {sklearn}

Each CSV is written from a loader of scikit-learn {sklearn}, which reads the copy of the data
bundled inside the package (`sklearn/datasets/data`); nothing is downloaded.

- Format: one header row, then one row per sample; comma separated, `\\n` line endings, ASCII.
- Feature values are written as Python `repr(float)`, the shortest decimal string that reads
  back as the same double (`strtod` in C++), e.g. `5.1`, `0.0`, `-0.0018820165277906047`.
- The last column is the target, written as an integer.
- Column names are sklearn's `feature_names`, lower-cased, with every run of other characters
  than `a-z` and `0-9` replaced by one `_` (e.g. `sepal length (cm)` -> `sepal_length_cm`,
  `od280/od315_of_diluted_wines` -> `od280_od315_of_diluted_wines`).
- Shape is rows x columns, header excluded, target column included.

Licence: none of scikit-learn's descriptions of these data sets (`sklearn/datasets/descr/*.rst`)
states a licence. Debian's copyright file for the package they come from (`python3-sklearn`
{sklearn}, `/usr/share/doc/python3-sklearn/copyright`, stanza `Files: *`) places every file of
the package, the bundled data included, under the BSD-3-Clause licence, copyright the
scikit-learn developers; it gives no separate licence for the data. The terms of the original
sources (UCI repository, the authors below) were not checked.

| file | loader | shape | target column | target meaning | sha256 |
|---|---|---|---|---|---|
"""

NIST_HEAD = """
## NIST StRD linear least squares files (`nist-strd/`)

The 11 linear-regression data sets of the NIST Statistical Reference Datasets, with NIST's
certified values, copied byte for byte (CRLF line endings kept; the repository's `.gitattributes`
marks `*.dat` as `-text`) together with their README from the project's shared data folder.
`nist-strd/README.md` gives the full provenance, the file format, and the certified-value and
data line ranges.

- Provenance: NIST Information Technology Laboratory, Statistical Engineering Division,
  https://www.itl.nist.gov/div898/strd/lls/lls.shtml.
- Licence: a work of the US Government, so public domain in the US (17 U.S.C. 105); the files
  carry no licence text.
- Shape: one response y (first column) and the predictors; the data rows are the lines after
  line 60. The target is y; each file's certified parameters are on lines 31 onwards.

| file | bytes | data rows | sha256 |
|---|---|---|---|
"""


def build_datasets(repo_root, nist_source, report):
    """Returns {path relative to the repository root: bytes}."""
    files = {}
    readme = [README_HEAD.format(sklearn=sklearn.__version__)]
    provenance = ["", "Provenance, as stated in scikit-learn's descriptions:", ""]
    for fname, call, loader, target, meaning, prov in CSV_SPECS:
        bunch = loader()
        _check_stated_facts(fname, np.asarray(bunch.data), np.asarray(bunch.target))
        data, rows, cols = _csv_bytes(bunch, target)
        files["datasets/" + fname] = data
        readme.append("| `%s` | `%s` | %d x %d | `%s` | %s | `%s` |\n"
                      % (fname, call, rows, cols, target, meaning, _sha256(data)))
        provenance.append("- `%s`: %s" % (fname, prov))
        report.append("datasets/%s: %d x %d" % (fname, rows, cols))
    readme.append("\n".join(provenance) + "\n")

    nist, from_dir = _nist_bytes(repo_root, nist_source)
    readme.append(NIST_HEAD)
    for name, _ in NIST_SHA256:
        data = nist[name]
        files["datasets/nist-strd/" + name] = data
        rows = "%d" % _nist_observations(data) if name.endswith(".dat") else "-"
        readme.append("| `nist-strd/%s` | %d | %s | `%s` |\n" % (name, len(data), rows, _sha256(data)))
    report.append("datasets/nist-strd: %d files from %s, sha256 verified" % (len(nist), from_dir))

    files["datasets/README.md"] = "".join(readme).encode("utf-8")
    return files

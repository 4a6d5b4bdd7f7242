# SPDX-License-Identifier: MIT
# Runs `mlfs pca` end to end:
#   cmake -DMLFS=path/to/mlfs -DROOT=repository/root -DOUT=scratch/dir -P tests/cli_pca.cmake
# 1. the case study (no data arguments) exits 0 and every comparison is ok;
# 2. good CSVs with --json print one JSON object with scikit-learn's names; --n-components as an integer
#    and as a fraction; --transform writes the projected rows (header PC1..PCK); --out writes the plots;
#    a constant column is a note on stderr;
# 3. each bad input exits non-zero (1 for bad data, 2 for a command-line mistake) with a precise message
#    on stderr and nothing on stdout, and a failed run leaves no --transform file behind.
# The small CSVs are written into OUT here. One line is printed per case; all cases run, and the
# script fails at the end if any failed.

if(NOT MLFS OR NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DROOT=repo/root -DOUT=scratch/dir -P cli_pca.cmake")
endif()

set(MLFS_COMMAND pca)
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")
set(iris "${ROOT}/datasets/iris.csv")  # 150 rows, 4 features and species
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(small "${OUT}/small.csv")  # 6 rows, 3 features, a text column that is skipped
file(WRITE "${small}" "name,x1,x2,x3\na,1.0,2.0,0.5\nb,2.0,1.0,1.5\nc,3.0,4.5,0.0\nd,4.0,3.0,2.5\ne,5.5,6.0,1.0\nf,6.0,5.0,3.0\n")
set(wide "${OUT}/wide.csv")  # N = 3 < D = 4
file(WRITE "${wide}" "a,b,c,d\n1,2,3,5\n2,0,1,4\n4,1,0,2\n")
set(constant "${OUT}/constant.csv")
file(WRITE "${constant}" "x1,x2,k\n1,2,7\n2,1,7\n3,5,7\n4,3,7\n")
set(all_constant "${OUT}/all_constant.csv")
file(WRITE "${all_constant}" "x1,x2\n1,2\n1,2\n1,2\n")
set(two_rows "${OUT}/two_rows.csv")
file(WRITE "${two_rows}" "a,b\n1,2\n3,5\n")
set(one_row "${OUT}/one_row.csv")
file(WRITE "${one_row}" "x1,x2\n1,2\n")
set(nan "${OUT}/nan.csv")
file(WRITE "${nan}" "x1,x2\n1,2\nnan,3\n2,4\n")
set(text_cell "${OUT}/text_cell.csv")
file(WRITE "${text_cell}" "x1,x2\n1,2\n2,three\n3,4\n")

# ---- 1. the case study
run_case("case study" 0 stdout " comparisons ok; plots in" --out "${OUT}/study")
require_files("${OUT}/study" pca_digits pca_digits_rebuilt pca_scree pca_wine_unscaled pca_wine_zscored pca_moons pca_eigloss)

# ---- 2. good input
run_json_case("iris --json" "components_;explained_variance_;explained_variance_ratio_;singular_values_;mean_;noise_variance_;n_components_;feature_names;n_samples;whiten;solver;sweeps"
              --data "${iris}" --features sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm --json)
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.19)  # string(JSON)
  execute_process(COMMAND ${MLFS} pca --data "${iris}" --features sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm
                          --n-components 0.95 --json OUTPUT_VARIABLE iris_json RESULT_VARIABLE code ERROR_QUIET)
  string(JSON K ERROR_VARIABLE e1 GET "${iris_json}" n_components_)
  string(JSON rows ERROR_VARIABLE e2 LENGTH "${iris_json}" components_)
  string(JSON cols ERROR_VARIABLE e3 LENGTH "${iris_json}" components_ 0)
  if(code STREQUAL "0" AND K STREQUAL "2" AND rows STREQUAL "2" AND cols STREQUAL "4")
    message(STATUS "ok      iris --n-components 0.95 --json: n_components_ 2, components_ 2 x 4 (as sklearn)")
  else()
    message(STATUS "NOT OK  iris --n-components 0.95: exit ${code}, n_components_ ${K}, components_ ${rows} x ${cols} (want 2, 2 x 4)")
    math(EXPR failures "${failures} + 1")
  endif()
endif()
run_case("text output: the table and noise_variance_" 0 stdout "noise_variance_" --data "${small}" --n-components 2)
run_case("text names the skipped column" 0 stderr "skipped 1 text column (name)" --data "${small}")
run_case("N < D, whitened, solver eig" 0 stdout "n_components_ 2 of min(N, D) = 3" --data "${wide}" --n-components 2 --whiten --solver eig)
run_case("constant column: a note" 0 stderr "column \"k\" is constant: its variance is 0" --data "${constant}")
run_case("--transform writes the rows" 0 stdout "wrote the projected rows (6 x 2, PC.15) to ${OUT}/z.csv"
         --data "${small}" --n-components 2 --transform "${OUT}/z.csv")
file(STRINGS "${OUT}/z.csv" z_lines)
list(LENGTH z_lines n_lines)
list(GET z_lines 0 z_header)
if(n_lines EQUAL 7 AND z_header STREQUAL "PC1,PC2")
  message(STATUS "ok      --transform: header PC1,PC2 and 6 rows")
else()
  message(STATUS "NOT OK  --transform: ${n_lines} lines, header \"${z_header}\" (want 7 lines, PC1,PC2)")
  math(EXPR failures "${failures} + 1")
endif()
run_case("--out writes the plots" 0 stdout "pca_scree.svg, pca_scatter.svg" --data "${small}" --out "${OUT}/data")
require_files("${OUT}/data" pca_scree pca_scatter)
run_case("--out with one component: the scree alone" 0 stdout "wrote into ${OUT}/one/: pca_scree.svg"
         --data "${small}" --n-components 1 --out "${OUT}/one")

# ---- 3. bad data exits 1
run_case("one data row" 1 stderr "one_row.csv: 1 data row; PCA needs at least 2" --data "${one_row}")
run_case("every column constant" 1 stderr "every column is constant" --data "${all_constant}")
run_case("whitening a constant direction" 1 stderr "has variance 0, so it cannot be whitened"
         --data "${constant}" --whiten)
run_case("--n-components above min(N, D)" 1 stderr "--n-components 4 is more than min(N, D) = 3 (3 rows, 4 features)"
         --data "${wide}" --n-components 4)
run_case("NaN cell" 1 stderr "nan.csv:3:1: cell \"nan\" in column 1 (\"x1\") is NaN" --data "${nan}")
run_case("text cell" 1 stderr "text_cell.csv:3:2: cell \"three\" in column 2 (\"x2\") is not a number"
         --data "${text_cell}" --features x1,x2)
run_case("unknown feature" 1 stderr "no column named \"petal\"" --data "${iris}" --features petal)
run_case("missing file" 1 stderr "${OUT}/no_such_file.csv: cannot open file" --data "${OUT}/no_such_file.csv")
run_case("--transform into a missing folder" 1 stderr "${OUT}/no/such/z.csv" --data "${small}" --transform "${OUT}/no/such/z.csv")
file(REMOVE "${OUT}/z_bad.csv")
run_case("a failed run writes no --transform" 1 stderr "every column is constant" --data "${all_constant}" --transform "${OUT}/z_bad.csv")
if(EXISTS "${OUT}/z_bad.csv")
  message(STATUS "NOT OK  a failed run left ${OUT}/z_bad.csv behind")
  math(EXPR failures "${failures} + 1")
endif()

# ---- 3. found by a hostile pass: each case is a defect fixed in cli/cmd_pca.cpp
set(overflow "${OUT}/overflow.csv")  # centred sum of squares ~4e600: explained_variance_ was inf, ratio -nan, exit 0
file(WRITE "${overflow}" "a,b\n1e300,1\n-1e300,2\n5e299,3\n")
run_case("1e300: variances overflow" 1 stderr "overflow.csv: the centred columns' sum of squares is about 2^1995 (column \"a\" the largest), beyond double precision's 1.8e308"
         --data "${overflow}")
set(underflow "${OUT}/underflow.csv")  # variances ~1e-600 underflowed to 0: "every column is constant" was false
file(WRITE "${underflow}" "a,b\n1e-300,2e-300\n2e-300,1e-300\n3e-300,5e-300\n")
run_case("1e-300: variances underflow, not constant" 1 stderr "below double precision's smallest normal number 2.2e-308"
         --data "${underflow}")
set(scales "${OUT}/scales.csv")  # columns of 1e150, 1e-150 and 1: jacobi_svd's QR-first path made a NaN
file(WRITE "${scales}" "a,b,c\n1e150,1e-150,1\n-2e150,3e-150,-1\n3e150,-2e-150,2\n-1e150,4e-150,0.5\n2e150,-1e-150,-2\n-3e150,2e-150,1.5\n")
execute_process(COMMAND ${MLFS} pca --data "${scales}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(TOLOWER "${out}" out_lower)
if((code STREQUAL "1" AND err MATCHES "decomposition failed" AND out STREQUAL "")
   OR (code STREQUAL "0" AND NOT out_lower MATCHES "nan|inf"))  # exit 0 once linalg handles the scales
  message(STATUS "ok      scales 1e150 / 1e-150 / 1: exit ${code}, no NaN printed")
else()
  message(STATUS "NOT OK  scales 1e150 / 1e-150 / 1: exit ${code}; stderr: ${err}; stdout: ${out}")
  math(EXPR failures "${failures} + 1")
endif()
run_case("--whiten a rounding-size component (N < D)" 1 stderr
         "wide.csv: --whiten: component 3 is rounding, not data (singular value" --data "${wide}" --whiten)
run_case("a rounding-size component: a note" 0 stderr "component 3 is rounding, not data" --data "${wide}")
set(nearpair "${OUT}/nearpair.csv")  # b = a + 3e-8 noise: the covariance route's lambda_3 is rounding
file(WRITE "${nearpair}" "a,b,c\n0.0012301533574825742,0.0012301551617906522,0.10541424899789856\n0.29874553750846988,0.29874557771492727,-0.93046804470820466\n-0.27413785536221758,-0.27413787012841312,-0.029251822463273489\n-0.89059183875727421,-0.89059185737152124,0.69530319445828781\n-0.45467078517172255,-0.45467077047646104,-1.3442145472850819\n-0.99164655499646237,-0.99164654428985211,-0.45761576104021817\n")
run_case("--solver eig --whiten a lost component" 1 stderr "the covariance route's accuracy (PC.11)"
         --data "${nearpair}" --solver eig --whiten)
run_case("--solver svd --whiten resolves it" 0 stdout "whiten yes; solver svd" --data "${nearpair}" --whiten)
run_case("two rows: svd_flip's tie is a note" 0 stderr "may be the opposite of scikit-learn's" --data "${two_rows}")
file(WRITE "${OUT}/self.csv" "a,b\n1,2\n2,1\n3,5\n")
run_case("--transform onto the input file" 2 stderr "is the input file" --data "${OUT}/self.csv" --transform "${OUT}/./self.csv")
file(READ "${OUT}/self.csv" self_text)
if(NOT self_text STREQUAL "a,b\n1,2\n2,1\n3,5\n")
  message(STATUS "NOT OK  --transform onto the input replaced it")
  math(EXPR failures "${failures} + 1")
endif()
file(REMOVE "${OUT}/z_out.csv")
file(WRITE "${OUT}/a_file" "")
run_case("--out failing writes no --transform" 1 stderr "cannot create the output folder"
         --data "${small}" --transform "${OUT}/z_out.csv" --out "${OUT}/a_file/sub")
if(EXISTS "${OUT}/z_out.csv")
  message(STATUS "NOT OK  a run whose --out failed left ${OUT}/z_out.csv behind")
  math(EXPR failures "${failures} + 1")
endif()
run_case("--transform to a folder" 1 stderr "cannot write the projected rows' CSV file (Is a directory)"
         --data "${small}" --transform "${OUT}")
run_case("--n-components as written" 1 stderr "--n-components 9223372036854775807 is more than"
         --data "${small}" --n-components 9223372036854775807)

# ---- 4. command-line mistakes exit 2
set(want_k "--n-components must be an integer K >= 1 or a fraction of the variance in (0, 1), got")
run_case("--n-components 0" 2 stderr "${want_k} 0" --data "${small}" --n-components 0)
run_case("--n-components -1" 2 stderr "${want_k} -1" --data "${small}" --n-components -1)
run_case("--n-components 1.5" 2 stderr "${want_k} 1.5 (for K components write the integer K)" --data "${small}" --n-components 1.5)
run_case("--n-components text" 2 stderr "--n-components expects a finite number, got \"many\"" --data "${small}" --n-components many)
run_case("--n-components nan" 2 stderr "--n-components expects a finite number, got \"nan\"" --data "${small}" --n-components nan)
run_case("unknown solver" 2 stderr "--solver must be svd or eig, not \"arpack\"" --data "${small}" --solver arpack)
run_case("--json without --data" 2 stderr "--json needs --data FILE.csv" --json)
run_case("--whiten without --data" 2 stderr "--whiten needs --data FILE.csv" --whiten)
run_case("unknown flag" 2 stderr "unknown flag --svd-solver" --data "${small}" --svd-solver full)

mlfs_finish()
message(STATUS "all cases passed")

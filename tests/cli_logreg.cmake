# SPDX-License-Identifier: MIT
# Runs `mlfs logreg` end to end:
#   cmake -DMLFS=path/to/mlfs -DROOT=repository/root -DOUT=scratch/dir -P tests/cli_logreg.cmake
# 1. the case study (no data arguments) exits 0 and every comparison is ok;
# 2. good CSVs with --json print one JSON object with scikit-learn's names (and the Logit audit's for
#    an unpenalised two-class fit); iris has 3 classes and 3 rows of coef_; --out writes the plots;
# 3. separated classes with --penalty none exit 1 naming the separation; each bad input exits
#    non-zero (1 for bad data or a numerical failure, 2 for a command-line mistake) with a precise
#    message on stderr and nothing on stdout.
# The small CSVs are written into OUT here. One line is printed per case; all cases run, and the
# script fails at the end if any failed.

if(NOT MLFS OR NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DROOT=repo/root -DOUT=scratch/dir -P cli_logreg.cmake")
endif()

set(MLFS_COMMAND logreg)
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")
set(cancer "${ROOT}/datasets/breast_cancer.csv")  # 569 rows, 30 features, target 0/1
set(iris "${ROOT}/datasets/iris.csv")             # 150 rows, 4 features, species 0/1/2
file(MAKE_DIRECTORY "${OUT}")
# two features, classes that overlap (a finite unpenalised fit), a name column that is skipped
set(overlap "${OUT}/overlap.csv")
file(WRITE "${overlap}" "name,x1,x2,y\na,0.1,1.2,0\nb,0.9,0.3,0\nc,1.4,2.1,1\nd,2.2,0.8,0\ne,1.9,1.7,1\n"
                        "f,3.0,2.5,1\ng,0.4,0.2,0\nh,2.6,1.1,1\ni,1.1,2.8,0\nj,3.3,0.6,1\n")
set(three "${OUT}/three.csv")  # one feature, three classes that overlap
file(WRITE "${three}" "x1,y\n1,0\n2,0\n3,1\n4,0\n5,1\n6,2\n7,1\n8,0\n9,2\n10,1\n11,2\n12,2\n")
set(separated "${OUT}/separated.csv")  # y = 1 exactly where x1 > 2
file(WRITE "${separated}" "x1,x2,y\n0.5,1,0\n1.0,3,0\n1.5,2,0\n1.9,5,0\n2.1,1,1\n2.5,4,1\n3.0,2,1\n3.5,3,1\n")
set(one_class "${OUT}/one_class.csv")
file(WRITE "${one_class}" "x1,y\n1,7\n2,7\n3,7\n")
set(text_target "${OUT}/text_target.csv")
file(WRITE "${text_target}" "x1,y\n1,cat\n2,dog\n")

# ---- 1. the case study
run_case("case study" 0 stdout " comparisons ok; plots in" --out "${OUT}/study")

# ---- 2. good input with --json: one object on stdout, starting with "{"
run_json_case("breast cancer --json" "coef_;intercept_;classes_;n_iter_;feature_names;penalty;C;solver;tol;max_iter;converged;stop;loss_curve;train;accuracy_score;log_loss;audit_skipped"
              --data "${cancer}" --target target --json)
run_json_case("--penalty none --json: the audit" "coef_;params;std_err;z;p_value;conf_int;llf;llnull;pseudo_r2;cond"
              --data "${overlap}" --target y --features x1,x2 --penalty none --json)
run_json_case("iris --json" "coef_;classes_" --data "${iris}" --target species --json)
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.19)  # string(JSON)
  execute_process(COMMAND ${MLFS} logreg --data "${iris}" --target species --json OUTPUT_VARIABLE iris_json
                  RESULT_VARIABLE code ERROR_QUIET)
  string(JSON n_classes ERROR_VARIABLE e1 LENGTH "${iris_json}" classes_)
  string(JSON n_rows ERROR_VARIABLE e2 LENGTH "${iris_json}" coef_)
  string(JSON n_cols ERROR_VARIABLE e3 LENGTH "${iris_json}" coef_ 0)
  if(code STREQUAL "0" AND n_classes STREQUAL "3" AND n_rows STREQUAL "3" AND n_cols STREQUAL "4")
    message(STATUS "ok      iris --json: 3 classes_, coef_ 3 x 4")
  else()
    message(STATUS "NOT OK  iris --json: exit ${code}, classes_ ${n_classes}, coef_ ${n_rows} x ${n_cols} (want 3, 3 x 4)")
    math(EXPR failures "${failures} + 1")
  endif()
  execute_process(COMMAND ${MLFS} logreg --data "${cancer}" --target target --json OUTPUT_VARIABLE cancer_json ERROR_QUIET)
  string(JSON cancer_rows ERROR_VARIABLE e4 LENGTH "${cancer_json}" coef_)
  string(JSON cancer_cols ERROR_VARIABLE e5 LENGTH "${cancer_json}" coef_ 0)
  if(cancer_rows STREQUAL "1" AND cancer_cols STREQUAL "30")
    message(STATUS "ok      breast cancer --json: coef_ 1 x 30, as sklearn's for two classes")
  else()
    message(STATUS "NOT OK  breast cancer --json: coef_ ${cancer_rows} x ${cancer_cols} (want 1 x 30)")
    math(EXPR failures "${failures} + 1")
  endif()
endif()
run_case("text output with the audit" 0 stdout "Pseudo R-squ." --data "${overlap}" --target y --penalty none)
run_case("text names the skipped column" 0 stderr "skipped 1 text column (name)" --data "${overlap}" --target y)
run_case("audit skipped: multinomial" 0 stdout "skipped: 3 classes" --data "${three}" --target y --penalty none)
run_case("audit skipped: penalised" 0 stdout "skipped: penalty l2" --data "${iris}" --target species --features petal_length_cm,petal_width_cm)
run_case("max_iter warns as sklearn's ConvergenceWarning" 0 stderr "warning: newton did not converge in 1 step ("
         --data "${iris}" --target species --max-iter 1)
run_case("--out writes the plots" 0 stdout "logreg_loss.svg, logreg_boundary.svg"
         --data "${overlap}" --target y --solver gd --max-iter 500 --out "${OUT}/data")
require_files("${OUT}/data" logreg_loss logreg_boundary)

# ---- 3. bad data or a numerical failure exits 1
run_case("separated classes" 1 stderr "separated" --data "${separated}" --target y --penalty none)
run_case("separated classes name the file" 1 stderr "${separated}: the classes are completely separated"
         --data "${separated}" --target y --penalty none --json)
run_case("one class" 1 stderr "the target \"y\" holds one class (7) in all 3 rows" --data "${one_class}" --target y)
run_case("text target: classes_ are the labels" 0 stdout "classes_: cat (1 rows), dog (1 rows)"
         --data "${text_target}" --target y)
run_case("unknown target" 1 stderr "no column named \"nope\"; the columns are:" --data "${iris}" --target nope)
run_case("unknown feature" 1 stderr "no column named \"petal\"" --data "${iris}" --target species --features petal)
run_case("missing file" 1 stderr "${OUT}/no_such_file.csv: cannot open file" --data "${OUT}/no_such_file.csv" --target y)

# ---- 3. command-line mistakes exit 2
run_case("--C zero" 2 stderr "--C must be > 0 (with 1/C finite), got 0" --data "${iris}" --target species --C 0)
run_case("--C negative" 2 stderr "--C must be > 0 (with 1/C finite), got -1" --data "${iris}" --target species --C -1)
run_case("--C not a number" 2 stderr "--C expects a finite number, got \"big\"" --data "${iris}" --target species --C big)
run_case("--C with --penalty none" 2 stderr "--C applies to --penalty l2 only"
         --data "${iris}" --target species --penalty none --C 10)
run_case("unknown penalty" 2 stderr "--penalty must be l2 or none, not \"l1\"" --data "${iris}" --target species --penalty l1)
run_case("unknown solver" 2 stderr "--solver must be newton or gd, not \"lbfgs\"" --data "${iris}" --target species --solver lbfgs)
run_case("--max-iter zero" 2 stderr "--max-iter must be an integer from 1 to 1000000, got 0"
         --data "${iris}" --target species --max-iter 0)
run_case("--max-iter not an integer" 2 stderr "--max-iter expects an integer, got \"2.5\""
         --data "${iris}" --target species --max-iter 2.5)
run_case("--tol negative" 2 stderr "--tol must be >= 0, got -1e-4" --data "${iris}" --target species --tol -1e-4)
run_case("missing --target" 2 stderr "--data needs --target COLUMN" --data "${iris}")
run_case("target in --features" 2 stderr "the target \"species\" is also listed in --features"
         --data "${iris}" --target species --features species)
run_case("--json without --data" 2 stderr "--json needs --data FILE.csv" --json)
run_case("--C without --data" 2 stderr "--C needs --data FILE.csv" --C 1)
run_case("unknown flag" 2 stderr "unknown flag --l1-ratio" --data "${iris}" --target species --l1-ratio 0.5)

# ---- 4. hostile inputs (each a defect that was fixed): a clear error, or a correct fit, never a hang
set(huge "${OUT}/huge.csv")  # a feature near 1e300: named by column and file, not "feature 0"
file(WRITE "${huge}" "a,y\n1e300,0\n-2e300,1\n3e299,0\n1e300,1\n")
run_case("feature 1e300 names the column" 1 stderr "huge.csv: column \"a\" has values up to 2e+300"
         --data "${huge}" --target y)
set(big_labels "${OUT}/big_labels.csv")  # labels are categories: 1e200 is a class like any other
file(WRITE "${big_labels}" "x1,y\n1,0\n2,1e200\n3,0\n4,1e200\n2.5,0\n")
run_case("labels 1e200 are classes" 0 stdout "classes_: 0 (3 rows), 1e+200 (2 rows)" --data "${big_labels}" --target y)
set(many "${OUT}/many.csv")  # 40 distinct labels on 60 rows: an identifier, not class labels
set(rows "x1,y\n")
foreach(i RANGE 59)
  math(EXPR label "${i} % 40")
  string(APPEND rows "${i},${label}\n")
endforeach()
file(WRITE "${many}" "${rows}")
run_case("many classes, few rows each" 1 stderr "has 40 distinct values in 60 rows (fewer than 3 rows per class)"
         --data "${many}" --target y)
set(wide "${OUT}/wide.csv")  # 2100 features: newton's 2101 x 2101 Hessian is refused before any work
set(header "")
set(row "")
foreach(j RANGE 2099)
  string(APPEND header "c${j},")
  math(EXPR v "${j} % 7")
  string(APPEND row "${v},")
endforeach()
file(WRITE "${wide}" "${header}y\n${row}0\n${row}1\n${row}0\n")
run_case("newton too large" 1 stderr "2101 parameters, a 2101 x 2101 Hessian" --data "${wide}" --target y)
set(short "${OUT}/short.csv")  # N < D + 1 unpenalised
file(WRITE "${short}" "a,b,c,y\n1,2,3,0\n2,1,0,1\n0,4,1,0\n")
run_case("unpenalised N < D + 1" 1 stderr "3 rows cannot determine the 4 parameters"
         --data "${short}" --target y --penalty none)
set(constant "${OUT}/constant.csv")  # a constant column, unpenalised: the column is named
file(WRITE "${constant}" "a,c,y\n0.1,5,0\n0.9,5,1\n0.4,5,1\n0.7,5,0\n0.3,5,0\n0.6,5,1\n")
run_case("constant column named" 1 stderr "The column \"c\" is constant (5 in every row)"
         --data "${constant}" --target y --penalty none)
set(twin "${OUT}/twin.csv")  # two identical columns, unpenalised: the combination is named
file(WRITE "${twin}" "a,b,y\n0.1,0.1,0\n0.9,0.9,1\n0.4,0.4,1\n0.7,0.7,0\n0.3,0.3,0\n0.6,0.6,1\n")
run_case("collinear columns named" 1 stderr "(b) is (nearly) a linear combination of feature 0 (a)"
         --data "${twin}" --target y --penalty none)
run_case("huge C on separated classes" 1 stderr "With C = 1e+100 the penalty is too weak"
         --data "${separated}" --target y --C 1e100)
run_case("gradient below tol but not converged" 0 stdout "<= tol 0.0001, but the last Newton step still moved"
         --data "${separated}" --target y --C 1e30 --max-iter 30)
run_case("--tol -0 prints 0" 0 stdout "tol 0\n" --data "${overlap}" --target y --tol -0)
file(WRITE "${OUT}/a_file" "")
run_case("--out a file: nothing on stdout" 1 stderr "a_file: cannot create the output folder"
         --data "${overlap}" --target y --out "${OUT}/a_file")

# ---- held-out rows (derivations/evaluation.md): the rows of train_test_split(stratify=y), and the
# classification metrics on both sides
set(golden "${ROOT}/tests/golden/evaluation.txt")
run_split_case("--test-size 0.3 --split-seed 5 --stratify" "${golden}" cli.iris_stratified
               --data "${iris}" --target species --test-size 0.3 --split-seed 5 --stratify --json)
run_json_case("--test-size --json: train and test metrics"
              "train;test;split;accuracy_score;log_loss;confusion_matrix;classification_report;macro avg;weighted avg;f1-score;support"
              --data "${iris}" --target species --test-size 0.3 --split-seed 5 --stratify --json)
run_case("--stratify text: the test rows' report" 0 stdout "-- test rows: classification_report"
         --data "${iris}" --target species --test-size 0.3 --split-seed 5 --stratify)
file(WRITE "${OUT}/iris_new_class.csv" "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species\n5,3,1,0.2,0\n6,3,4,1,7\n")
run_case("--test FILE with a class the fit never saw" 1 stderr "iris_new_class.csv:3: class \"7\" of a test row is not among the classes of the training rows (classes_: 0, 1, 2)"
         --data "${iris}" --target species --test "${OUT}/iris_new_class.csv")
run_case("--stratify without --test-size" 2 stderr "--stratify needs --test-size F" --data "${iris}" --target species --stratify)
file(WRITE "${OUT}/lonely.csv" "x,y\n1,0\n2,0\n3,0\n4,1\n5,1\n6,2\n")
run_case("--stratify with a class of one row" 1 stderr "class \"2\" has 1 row; every class needs at least 2"
         --data "${OUT}/lonely.csv" --target y --test-size 3 --stratify)

# ---- text labels and an unused text column, as real files have them: classes_ sorted as np.unique
# sorts text, printed back as text
file(WRITE "${OUT}/pets.csv" "name,weight,kind\nRex,30,dog\n\"Tom, the cat\",4,cat\nFido,25,dog\nFelix,5,cat\nMax,28,dog\nLuna,3,cat\nBella,27,\"dog\"\nMilo,6,cat\n")
run_case("text labels: a note on the skipped text column" 0 stderr "skipped 1 text column (name)"
         --data "${OUT}/pets.csv" --target kind)
run_json_case("text labels --json: classes_ as strings" "classes_;cat;dog" --data "${OUT}/pets.csv" --target kind --features weight --json)
run_case("text labels: the report names them" 0 stdout "          cat "
         --data "${OUT}/pets.csv" --target kind --test-size 4 --split-seed 0 --stratify)
file(WRITE "${OUT}/pets_test.csv" "weight,kind\n4,cat\n20,bird\n")
run_case("a text class the fit never saw" 1 stderr "pets_test.csv:3: class \"bird\" of a test row is not among the classes of the training rows (classes_: cat, dog)"
         --data "${OUT}/pets.csv" --target kind --test "${OUT}/pets_test.csv")
file(WRITE "${OUT}/empty_label.csv" "x,kind\n1,cat\n2,\n3,dog\n")
run_case("an empty label" 1 stderr "empty_label.csv:3:2: empty cell in column 2 (\"kind\"): every row needs a label"
         --data "${OUT}/empty_label.csv" --target kind)
run_case("a text column named in --features" 1 stderr "pets.csv:2:1: cell \"Rex\" in column 1 (\"name\") is not a number"
         --data "${OUT}/pets.csv" --target kind --features name,weight)
# found by a hostile pass: labels pandas reads as missing, non-finite labels, report keys as labels,
# and spaces that make two labels
file(WRITE "${OUT}/nan_label.csv" "x,y\n1,9\n2,10\n3,nan\n4,9\n")
run_case("a label pandas reads as missing" 1 stderr "nan_label.csv:4: the label \"nan\" in column \"y\" marks a missing value"
         --data "${OUT}/nan_label.csv" --target y)
file(WRITE "${OUT}/inf_label.csv" "x,y\n1,9\n2,10\n3,inf\n4,9\n")
run_case("a number label no double holds" 1 stderr "inf_label.csv:4: the label \"inf\" in column \"y\" is not a finite number"
         --data "${OUT}/inf_label.csv" --target y)
file(WRITE "${OUT}/macro.csv" "x,y\n1,a\n2,macro avg\n3,a\n4,macro avg\n")
run_case("a label that is a report key" 1 stderr "the label \"macro avg\" in column \"y\" is a name classification_report gives its own rows"
         --data "${OUT}/macro.csv" --target y)
file(WRITE "${OUT}/spaces.csv" "x,y\n1,a\n2,a \n3,b\n4,a\n5,a \n6,b\n")
run_case("labels differing by a space are two classes, as pandas reads them" 0 stdout "classes_: a (2 rows), a  (2 rows), b (2 rows)"
         --data "${OUT}/spaces.csv" --target y)
run_case("a fraction is named as given" 1 stderr "cannot be split by --test-size 0.999999"
         --data "${iris}" --target species --test-size 0.999999)

mlfs_finish()
message(STATUS "all cases passed")

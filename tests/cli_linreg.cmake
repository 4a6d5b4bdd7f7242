# SPDX-License-Identifier: MIT
# Runs `mlfs linreg` end to end:
#   cmake -DMLFS=path/to/mlfs -DROOT=repository/root -DOUT=scratch/dir -P tests/cli_linreg.cmake
# 1. the case study (no data arguments) exits 0 and every comparison is ok;
# 2. a good CSV with --json prints one JSON object holding coef_ (and for gd loss_curve_);
# 3. each bad input exits non-zero (1 for bad data or a numerical failure, 2 for a command-line
#    mistake) with a precise message on stderr and nothing on stdout.
# The small bad files are in tests/data/linreg/. One line is printed per case; all cases run, and
# the script fails at the end if any failed.

if(NOT MLFS OR NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DROOT=repo/root -DOUT=scratch/dir -P cli_linreg.cmake")
endif()

set(MLFS_COMMAND linreg)
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")
set(raw "${ROOT}/datasets/diabetes_raw.csv")  # 442 rows: age, sex, bmi, bp, s1..s6, target
set(bad "${ROOT}/tests/data/linreg")

# ---- 1. the case study
run_case("case study" 0 stdout " comparisons ok; plots in" --out "${OUT}")
require_files("${OUT}" linreg_gd_loss linreg_predicted_vs_actual linreg_residuals)

# ---- 2. good input with --json: one object on stdout, starting with "{"
run_json_case("--json --solver qr" "coef_" --data "${raw}" --target target --solver qr --json)
run_json_case("--json --solver cholesky" "coef_" --data "${raw}" --target target --solver cholesky --json)
run_json_case("--json --solver gd" "coef_;loss_curve_" --data "${raw}" --target target --solver gd --standardize --json)
run_json_case("--json --solver cholesky --threads 2" "coef_" --data "${raw}" --target target --solver cholesky --threads 2 --json)
run_case("--threads -1 is refused" 2 stderr "--threads must be an integer from 0 (all hardware threads) to 1024, got -1"
         --data "${raw}" --target target --threads -1)
run_case("ridge text output" 0 stdout "skipped: alpha > 0" --data "${raw}" --target target --alpha 2.5)

# ---- 2b. rank-deficient or wide problems: without --solver, the SVD's minimum-norm fit (LR.35-LR.39)
run_case("duplicate columns, default falls back to the SVD" 0 stderr
         "warning: QR: feature 1 (x2) is (nearly) a linear combination of feature 0 (x1); fitted instead by the SVD's minimum-norm least squares, as scikit-learn's LinearRegression: rank_ 2 of 3"
         --data "${bad}/duplicate_columns.csv" --target y)
run_case("duplicate columns, the fallback names the dependent column" 0 stderr "dependent columns: feature 1 (x2)"
         --data "${bad}/duplicate_columns.csv" --target y)
run_case("duplicate columns, the fallback's audit line" 0 stdout "skipped: rank_ 2 < 3 features: the coefficients are not identifiable"
         --data "${bad}/duplicate_columns.csv" --target y)
run_case("duplicate columns, the fallback's --json" 0 stdout "\"dependent_columns\": [1]"
         --data "${bad}/duplicate_columns.csv" --target y --json)
run_case("fewer rows than parameters, default falls back" 0 stderr
         "warning: 3 rows cannot determine 5 parameters uniquely; fitted instead by the SVD's minimum-norm least squares"
         --data "${bad}/few_rows.csv" --target y)
file(WRITE "${OUT}/one_row.csv" "a,b,y\n1,2,3\n")  # found by a hostile pass: the warning said "1 rows"
run_case("one row, default falls back" 0 stderr "warning: 1 row cannot determine 3 parameters uniquely"
         --data "${OUT}/one_row.csv" --target y)
run_json_case("--solver svd --json, rank-deficient" "rank_;singular_;dependent_columns;warning;df_resid;sigma2;audit_skipped"
              --data "${bad}/duplicate_columns.csv" --target y --solver svd --json)
run_json_case("--solver svd --json, full rank: the audit" "rank_;singular_;dependent_columns;std_err;p_value"
              --data "${raw}" --target target --solver svd --json)
run_case("--alpha with svd" 2 stderr "--alpha (ridge) applies to --solver cholesky or qr; svd fits"
         --data "${raw}" --target target --solver svd --alpha 1)

# ---- 3. bad input: bad data or a numerical failure exits 1
run_case("non-numeric cell" 1 stderr "${bad}/non_numeric.csv:3:2: cell \"x7\"" --data "${bad}/non_numeric.csv" --target y)
run_case("unknown target" 1 stderr "no column named \"nope\"; the columns are: age, sex" --data "${raw}" --target nope)
run_case("unknown feature" 1 stderr "no column named \"bmii\"" --data "${raw}" --target target --features age,bmii)
run_case("feature twice" 2 stderr "--features names \"age\" twice" --data "${raw}" --target target --features age,age)
run_case("constant column, cholesky" 1 stderr "feature 1 (x2) is constant"
         --data "${bad}/constant_column.csv" --target y --solver cholesky)
run_case("constant column, gd" 1 stderr "feature 1 (x2) is constant"
         --data "${bad}/constant_column.csv" --target y --solver gd --standardize)
run_case("duplicate columns, cholesky" 1 stderr "feature 1 (x2) is (nearly) a linear combination of feature 0 (x1)"
         --data "${bad}/duplicate_columns.csv" --target y --solver cholesky)
run_case("duplicate columns, qr" 1 stderr "feature 1 (x2) is (nearly) a linear combination of feature 0 (x1)"
         --data "${bad}/duplicate_columns.csv" --target y --solver qr)
run_case("duplicate columns, qr, says where to go" 1 stderr "without --solver, or with --solver svd, mlfs fits the minimum-norm"
         --data "${bad}/duplicate_columns.csv" --target y --solver qr)
run_case("fewer rows than parameters, qr" 1 stderr "3 samples cannot determine 5 parameters"
         --data "${bad}/few_rows.csv" --target y --solver qr)
run_case("fewer rows than parameters, gd" 1 stderr "3 samples cannot determine 5 parameters"
         --data "${bad}/few_rows.csv" --target y --solver gd)
run_case("only the target column" 1 stderr "no feature columns" --data "${bad}/only_target.csv" --target y)
run_case("diverging --lr" 1 stderr "diverged at iteration 0"
         --data "${raw}" --target target --solver gd --lr 1)
run_case("diverging --lr names the bound" 1 stderr "(learning rate 1, stability bound 2/L = "
         --data "${raw}" --target target --solver gd --lr 1)
run_case("missing file" 1 stderr "${bad}/no_such_file.csv: cannot open file" --data "${bad}/no_such_file.csv" --target y)

# ---- 3. command-line mistakes exit 2
run_case("missing --target" 2 stderr "--data needs --target COLUMN" --data "${raw}")
run_case("target in --features" 2 stderr "the target \"target\" is also listed in --features"
         --data "${raw}" --target target --features age,target)
run_case("empty feature name" 2 stderr "--features has an empty name" --data "${raw}" --target target --features age,,bmi)
run_case("negative --alpha" 2 stderr "--alpha must be >= 0, got -1" --data "${raw}" --target target --alpha -1)
run_case("--alpha not a number" 2 stderr "--alpha expects a finite number" --data "${raw}" --target target --alpha x)
run_case("--alpha with gd" 2 stderr "--alpha (ridge) applies to --solver cholesky or qr"
         --data "${raw}" --target target --solver gd --alpha 1)
run_case("--max-iter not an integer" 2 stderr "--max-iter expects an integer, got \"1.5\""
         --data "${raw}" --target target --solver gd --max-iter 1.5)
run_case("--max-iter zero" 2 stderr "--max-iter must be an integer from 1" --data "${raw}" --target target --solver gd --max-iter 0)
run_case("--lr zero" 2 stderr "--lr must be > 0" --data "${raw}" --target target --solver gd --lr 0)
run_case("--tol negative" 2 stderr "--tol must be >= 0" --data "${raw}" --target target --solver gd --tol -1)
run_case("--lr without gd" 2 stderr "--lr applies to --solver gd only" --data "${raw}" --target target --lr 0.1)
run_case("--standardize without gd" 2 stderr "--standardize applies to --solver gd only"
         --data "${raw}" --target target --solver qr --standardize)
run_case("unknown solver" 2 stderr "--solver must be cholesky, qr, gd or svd, not \"lu\"" --data "${raw}" --target target --solver lu)
run_case("--json without --data" 2 stderr "--json needs --data FILE.csv" --json)
run_case("--target without --data" 2 stderr "--target needs --data FILE.csv" --target y)
run_case("unknown flag" 2 stderr "unknown flag --frobnicate" --frobnicate)

# ---- 4. held-out rows (derivations/evaluation.md): the rows of train_test_split, metrics on both sides
set(golden "${ROOT}/tests/golden/evaluation.txt")
run_split_case("--test-size 0.25 --split-seed 3" "${golden}" cli.diabetes_raw
               --data "${raw}" --target target --test-size 0.25 --split-seed 3 --json)
run_json_case("--test-size --json: train and test metrics" "train;test;split;r2_score;mean_squared_error;mean_absolute_error;n_train;n_test"
              --data "${raw}" --target target --test-size 0.25 --split-seed 3 --json)
run_case("--test-size text: the metric table" 0 stdout "held out: 111 of 442 rows (--test-size 0.25, --split-seed 3"
         --data "${raw}" --target target --test-size 0.25 --split-seed 3)
file(WRITE "${OUT}/test_rows.csv" "s1,age,target,sex,bmi,bp,s2,s3,s4,s5,s6\n1,2,3,1,25,80,1,2,3,4,5\n2,3,4,2,30,90,2,3,4,5,6\n")
run_case("--test FILE, columns in another order" 0 stdout "held out: the 2 rows of ${OUT}/test_rows.csv (--test)"
         --data "${raw}" --target target --test "${OUT}/test_rows.csv")
file(WRITE "${OUT}/test_missing.csv" "age,sex,target\n1,2,3\n2,3,4\n")
run_case("--test FILE without a feature column" 1 stderr "test_missing.csv: no column named \"bmi\""
         --data "${raw}" --target target --test "${OUT}/test_missing.csv")
run_case("--test-size 1.5" 2 stderr "--test-size must be a fraction between 0 and 1 (0.25) or a whole number of rows (30), got 1.5"
         --data "${raw}" --target target --test-size 1.5)
run_case("--test-size with --test" 2 stderr "give held-out rows one way"
         --data "${raw}" --target target --test-size 0.2 --test "${raw}")
run_case("--split-seed alone" 2 stderr "--split-seed needs --test-size F" --data "${raw}" --target target --split-seed 1)
run_case("--split-seed too large" 2 stderr "--split-seed must be a whole number from 0 to 4294967295"
         --data "${raw}" --target target --test-size 0.2 --split-seed 4294967296)
run_case("a test side of 1 row" 1 stderr "the test side has 1 row(s); r2_score needs at least 2"
         --data "${raw}" --target target --test-size 1)
run_case("--test-size as many rows as the data" 1 stderr "442 rows cannot be split by --test-size 442"
         --data "${raw}" --target target --test-size 442)
# found by a hostile pass: a test file whose squares overflow, and a train side of one row
file(WRITE "${OUT}/big_test.csv" "age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,target\n1,2,3,4,5,6,7,8,9,10,1e200\n1,2,3,4,5,6,7,8,9,10,2\n")
run_case("a test file whose squares overflow" 1 stderr "big_test.csv: column \"target\" has values up to 1e+200"
         --data "${raw}" --target target --test "${OUT}/big_test.csv")
run_case("a train side of one row" 1 stderr "the train side has 1 row(s); r2_score needs at least 2"
         --data "${raw}" --target target --test-size 441)

mlfs_finish()
message(STATUS "all cases passed")

# SPDX-License-Identifier: MIT
# Runs `mlfs mlp` and `mlfs gradcheck` end to end:
#   cmake -DMLFS=path/to/mlfs -DROOT=repository/root -DOUT=scratch/dir -P tests/cli_mlp.cmake
# 1. the digits case study (no data arguments) exits 0, every comparison is ok, its figures exist;
# 2. datasets/moons.csv with --json prints one JSON object (loss_curve_, n_iter_, coefs_,
#    intercepts_, classes_) and nothing on stderr; the text mode and a regression work;
# 3. each bad input exits non-zero (1 for bad data or divergence, 2 for a command-line mistake)
#    with a precise message on stderr and nothing on stdout;
# 4. gradcheck passes on its defaults and on relu + squared loss.
# The small bad files are in tests/data/mlp/. One line is printed per case; all cases run, and the
# script fails at the end if any failed.

if(NOT MLFS OR NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DROOT=repo/root -DOUT=scratch/dir -P cli_mlp.cmake")
endif()

set(MLFS_COMMAND "")
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")
set(moons "${ROOT}/datasets/moons.csv")  # 300 rows: x0, x1, moon
set(bad "${ROOT}/tests/data/mlp")

# ---- 1. the case study
run_case("case study" 0 stdout "comparisons ok; plots in" mlp --out "${OUT}")
run_case("case study, summary rows" 0 stdout "digits MLP: test predictions that differ (count)" mlp --out "${OUT}")
require_files("${OUT}" mlp_digits_loss mlp_digits_misclassified mlp_moons_boundary mlp_vanishing mlp_dead_relu
              mlp_overfitting)

# ---- 2. good input: --json is one object on stdout, starting with "{", nothing on stderr
run_json_case("--json on moons.csv" "loss_curve_;n_iter_;coefs_;intercepts_;classes_"
              mlp --data "${moons}" --target moon --hidden 8 --solver sgd --lr 0.05 --epochs 20 --json)
run_case("text output with a plot" 0 stdout "training accuracy"
         mlp --data "${moons}" --target moon --hidden 8 --epochs 10 --out "${OUT}/user")
require_files("${OUT}/user" mlp_loss)
run_case("progress on stderr" 0 stderr "epoch   10  loss" mlp --data "${moons}" --target moon --hidden 8 --epochs 10)
run_case("regression (x1 is not a few integers)" 0 stdout "training R^2" mlp --data "${moons}" --target x1 --epochs 5)

# ---- 3. bad input: bad data and divergence exit 1
run_case("non-integer target for classify" 1 stderr "non_integer.csv:3: --task classify needs integer class labels in \"y\", found 0.5"
         mlp --data "${bad}/non_integer.csv" --target y --task classify)
run_case("one class" 1 stderr "holds one class (1); a classifier needs at least two" mlp --data "${bad}/one_class.csv" --target y)
run_case("diverging --lr" 1 stderr "mlp_fit diverged in epoch"
         mlp --data "${moons}" --target x1 --solver sgd --lr 1e6 --hidden 8)
run_case("unknown target" 1 stderr "no column named \"z\"" mlp --data "${moons}" --target z)
run_case("missing file" 1 stderr "no_such_file.csv: cannot open file" mlp --data "${bad}/no_such_file.csv" --target y)

# ---- 3. command-line mistakes exit 2
run_case("--hidden empty layer" 2 stderr "--hidden must be layer sizes from 1 to 100000 separated by commas (\"64,32\"), got \"64,,32\""
         mlp --data "${moons}" --target moon --hidden 64,,32)
run_case("--hidden zero" 2 stderr "got \"0\"" mlp --data "${moons}" --target moon --hidden 0)
run_case("unknown activation" 2 stderr "--activation must be relu, tanh, logistic or identity, not \"softplus\""
         mlp --data "${moons}" --target moon --activation softplus)
run_case("unknown solver" 2 stderr "--solver must be adam or sgd" mlp --data "${moons}" --target moon --solver lbfgs)
run_case("--lr zero" 2 stderr "--lr must be > 0" mlp --data "${moons}" --target moon --lr 0)
run_case("--epochs zero" 2 stderr "--epochs must be an integer from 1" mlp --data "${moons}" --target moon --epochs 0)
run_case("--nesterov and --no-nesterov" 2 stderr "contradict" mlp --data "${moons}" --target moon --nesterov --no-nesterov)
run_case("missing --target" 2 stderr "--data needs --target COLUMN" mlp --data "${moons}")
run_case("--json without --data" 2 stderr "--json needs --data FILE.csv" mlp --json)

# ---- 4. gradcheck
run_case("gradcheck defaults" 0 stdout "good -> PASS" gradcheck)
run_case("gradcheck relu squared" 0 stdout "PASS" gradcheck --activation relu --loss squared --hidden 5 --seed 2)
# rounding-level differences on gradients of 1e-6 .. 1e-3, which a fixed floor of 1e-4 failed (NN.18)
run_case("gradcheck relu squared default seed" 0 stdout "good -> PASS" gradcheck --activation relu --loss squared)
run_case("gradcheck logistic binary seed 9" 0 stdout "good -> PASS" gradcheck --activation logistic --loss binary --seed 9)
run_case("gradcheck bad loss" 2 stderr "--loss must be squared, binary or multiclass" gradcheck --loss hinge)
run_case("gradcheck hidden too wide" 2 stderr "--hidden must be layer sizes from 1 to 64 separated by commas" gradcheck --hidden 4,65)
run_case("gradcheck objective label" 0 stdout "K x data loss (NN.3) + L2 (NN.8), K = 2" gradcheck --loss squared)

# ---- held-out rows (derivations/evaluation.md)
set(golden "${ROOT}/tests/golden/evaluation.txt")
set(iris "${ROOT}/datasets/iris.csv")
run_split_case("--test-size 0.3 --split-seed 5 --stratify" "${golden}" cli.iris_stratified
               mlp --data "${iris}" --target species --hidden 4 --epochs 3 --test-size 0.3 --split-seed 5 --stratify --json)
run_json_case("classifier --json: train and test metrics"
              "train;test;split;accuracy_score;log_loss;confusion_matrix;classification_report;macro avg"
              mlp --data "${iris}" --target species --hidden 4 --epochs 3 --test-size 0.3 --split-seed 5 --json)
run_json_case("regressor --json: train and test metrics" "train;test;split;r2_score;mean_squared_error;mean_absolute_error"
              mlp --data "${moons}" --target x1 --epochs 3 --test-size 0.25 --json)
run_case("--stratify on a regression" 1 stderr "--stratify needs class labels"
         mlp --data "${moons}" --target x1 --epochs 3 --test-size 0.25 --stratify)
file(WRITE "${OUT}/moons_new_class.csv" "x0,x1,moon\n0.5,0.5,0\n0.1,0.2,3\n")
run_case("--test FILE with a class the fit never saw" 1 stderr "moons_new_class.csv:3: class \"3\" of a test row is not among the classes of the training rows (classes_: 0, 1)"
         mlp --data "${moons}" --target moon --hidden 4 --epochs 3 --test "${OUT}/moons_new_class.csv")

# ---- text labels, printed back as text; a text target cannot be regressed
file(WRITE "${OUT}/pets.csv" "name,weight,kind\nRex,30,dog\nTom,4,cat\nFido,25,dog\nFelix,5,cat\nMax,28,dog\nLuna,3,cat\n")
file(WRITE "${OUT}/pets_numeric.csv" "weight,kind\n30,dog\n4,cat\n25,dog\n5,cat\n")
run_json_case("text labels --json: classes_ as strings" "classes_;cat;dog"
              mlp --data "${OUT}/pets_numeric.csv" --target kind --hidden 3 --epochs 2 --json)
run_case("text labels: a note on the skipped text column" 0 stderr "skipped 1 text column (name)"
         mlp --data "${OUT}/pets.csv" --target kind --hidden 3 --epochs 2)
run_case("text labels: --task regress is refused" 1 stderr "pets.csv:2: the target \"kind\" holds text (\"dog\"); a regression needs numbers"
         mlp --data "${OUT}/pets.csv" --target kind --task regress --epochs 2)
file(WRITE "${OUT}/pets_test.csv" "weight,kind\n4,cat\n20,bird\n")
run_case("a text class the fit never saw" 1 stderr "pets_test.csv:3: class \"bird\" of a test row is not among the classes of the training rows (classes_: cat, dog)"
         mlp --data "${OUT}/pets.csv" --target kind --hidden 3 --epochs 2 --test "${OUT}/pets_test.csv")
file(WRITE "${OUT}/two_classes.csv" "x,kind\n1,a\n2,a\n3,a\n4,b\n")
run_case("a split leaving one class to train on" 1 stderr "training rows hold one class; a classifier needs at least two"
         mlp --data "${OUT}/two_classes.csv" --target kind --epochs 2 --test-size 1 --split-seed 1)

mlfs_finish()
message(STATUS "all cases passed")

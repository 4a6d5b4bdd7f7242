# SPDX-License-Identifier: MIT
# Runs `mlfs kmeans` end to end:
#   cmake -DMLFS=path/to/mlfs -DROOT=repository/root -DOUT=scratch/dir -P tests/cli_kmeans.cmake
# 1. the case study (no data arguments) exits 0, every comparison is ok, and its figures exist;
# 2. datasets/blobs.csv with --json prints one JSON object holding labels_; the text mode and
#    given centres work;
# 3. each bad input exits non-zero (1 for bad data, 2 for a command-line mistake) with a precise
#    message on stderr and nothing on stdout.
# The small bad files are in tests/data/kmeans/. One line is printed per case; all cases run, and
# the script fails at the end if any failed.

if(NOT MLFS OR NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DROOT=repo/root -DOUT=scratch/dir -P cli_kmeans.cmake")
endif()

set(MLFS_COMMAND kmeans)
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")
set(blobs "${ROOT}/datasets/blobs.csv")  # 500 rows: x0, x1, blob
set(bad "${ROOT}/tests/data/kmeans")

# ---- 1. the case study
run_case("case study" 0 stdout " comparisons ok; plots in" --out "${OUT}")
run_case("case study, summary rows ok" 0 stdout "labels_ that differ from sklearn (count)" --out "${OUT}")
require_files("${OUT}" kmeans_iris_clusters kmeans_elbow kmeans_silhouette kmeans_seeds kmeans_seeds_worst
              kmeans_scaling_raw kmeans_scaling_standardised kmeans_moons)

# ---- 2. good input: --json is one object on stdout, starting with "{", nothing on stderr
run_json_case("--json on blobs.csv" "labels_;cluster_centers_;inertia_;n_iter_;feature_names_in_;n_init;seed"
              --data "${blobs}" --features x0,x1 --k 4 --seed 3 --n-init 10 --json)
run_case("text output with plots" 0 stdout "silhouette score"
         --data "${blobs}" --features x0,x1 --k 4 --init random --out "${OUT}/user")
require_files("${OUT}/user" kmeans_clusters kmeans_elbow kmeans_silhouette)
run_case("given centres, columns in another order" 0 stdout "init given centres"
         --data "${blobs}" --features x0,x1 --k 4 --init "${bad}/centres_good.csv")
run_case("--n-init > 1 with given centres: a note" 0 stderr "--n-init 5 ignored: the given centres make one start"
         --data "${blobs}" --features x0,x1 --k 4 --init "${bad}/centres_good.csv" --n-init 5)
run_case("--sklearn-threads 2: the closest call and the sums' order are printed" 0 stdout
         "sums in the order of scikit-learn with 2 OpenMP threads"
         --data "${blobs}" --features x0,x1 --k 4 --sklearn-threads 2)
run_case("--sklearn-threads 3 is refused" 2 stderr "--sklearn-threads must be 1 or 2, got 3"
         --data "${blobs}" --features x0,x1 --k 4 --sklearn-threads 3)

# ---- 3. bad input: bad data exits 1
run_case("K above the distinct points" 1 stderr "--k 3 but the 4 rows hold only 2 distinct points"
         --data "${bad}/duplicates.csv" --k 3)
run_case("no data rows" 1 stderr "header_only.csv:1: header only" --data "${bad}/header_only.csv" --k 1)
run_case("NaN cell" 1 stderr "nan.csv:3:2: cell \"nan\" in column 2 (\"x1\") is NaN" --data "${bad}/nan.csv" --k 2)
run_case("centres: wrong number of rows" 1 stderr "centres_two_rows.csv: 2 centres (rows) but --k 3"
         --data "${blobs}" --features x0,x1 --k 3 --init "${bad}/centres_two_rows.csv")
run_case("centres: wrong names" 1 stderr "the centres' columns (a, b) are not the features (x0, x1)"
         --data "${blobs}" --features x0,x1 --k 3 --init "${bad}/centres_wrong_names.csv")
run_case("centres: file missing" 1 stderr "no_such_centres.csv: cannot open file"
         --data "${blobs}" --k 3 --init "${bad}/no_such_centres.csv")
run_case("unknown feature" 1 stderr "no column named \"x2\"; the columns are: x0, x1, blob"
         --data "${blobs}" --features x0,x2 --k 3)
run_case("missing file" 1 stderr "no_such_file.csv: cannot open file" --data "${bad}/no_such_file.csv" --k 2)

# ---- 3. command-line mistakes exit 2
run_case("--k zero" 2 stderr "--k must be >= 1, got 0" --data "${blobs}" --k 0)
run_case("--k negative" 2 stderr "--k must be >= 1, got -2" --data "${blobs}" --k -2)
run_case("--k not an integer" 2 stderr "--k expects an integer, got \"2.5\"" --data "${blobs}" --k 2.5)
run_case("missing --k" 2 stderr "--data needs --k K" --data "${blobs}")
run_case("--n-init zero" 2 stderr "--n-init must be an integer from 1" --data "${blobs}" --k 2 --n-init 0)
run_case("--n-init negative" 2 stderr "--n-init must be an integer from 1" --data "${blobs}" --k 2 --n-init -1)
run_case("unknown --init" 2 stderr "--init must be k-means++, random or a CSV file of centres (NAME.csv), not \"kmeans++\""
         --data "${blobs}" --k 2 --init kmeans++)
run_case("--seed negative" 2 stderr "--seed must be an integer from 0 to 4294967295" --data "${blobs}" --k 2 --seed -1)
run_case("--max-iter zero" 2 stderr "--max-iter must be an integer from 1" --data "${blobs}" --k 2 --max-iter 0)
run_case("--tol negative" 2 stderr "--tol must be >= 0, got -1" --data "${blobs}" --k 2 --tol -1)
run_case("empty feature name" 2 stderr "--features has an empty name" --data "${blobs}" --k 2 --features x0,,x1)
run_case("feature twice" 2 stderr "--features names \"x0\" twice" --data "${blobs}" --k 2 --features x0,x0)
run_case("--json without --data" 2 stderr "--json needs --data FILE.csv" --json)
run_case("--k without --data" 2 stderr "--k needs --data FILE.csv" --k 3)
run_case("unknown flag" 2 stderr "unknown flag --frobnicate" --frobnicate)

# ---- held-out rows (derivations/evaluation.md): the inertia of the test rows on the fitted centres
run_json_case("--test-size --json: train and test inertia" "train;test;split;inertia;train_index;test_index"
              --data "${blobs}" --k 3 --features x0,x1 --test-size 0.2 --split-seed 7 --json)
run_case("--test-size text" 0 stdout "held out: 100 of 500 rows (--test-size 0.2, --split-seed 7"
         --data "${blobs}" --k 3 --features x0,x1 --test-size 0.2 --split-seed 7)
file(WRITE "${OUT}/blobs_test.csv" "x1,x0\n1,2\n3,4\n")
run_case("--test FILE, columns by name" 0 stdout "held out: the 2 rows of ${OUT}/blobs_test.csv (--test)"
         --data "${blobs}" --k 3 --features x0,x1 --test "${OUT}/blobs_test.csv")
run_case("--stratify is a classifier's" 2 stderr "unknown flag --stratify" --data "${blobs}" --k 3 --test-size 0.2 --stratify)
run_case("K above the training rows' distinct points" 1 stderr "--k 3 but the 1 training rows hold only 1 distinct points"
         --data "${blobs}" --k 3 --test-size 499)

mlfs_finish()
message(STATUS "all cases passed")

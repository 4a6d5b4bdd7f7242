# SPDX-License-Identifier: MIT
# Runs `mlfs ... --save` and `mlfs predict` end to end (issue #16):
#   cmake -DMLFS=path/to/mlfs -DROOT=repository/root -DOUT=scratch/dir -P tests/cli_predict.cmake
# 1. each model command saves its fit, and predict reads it back; the same fit saved twice is the
#    same file and predicts the same bytes; text labels are printed back;
# 2. each bad input (a missing column, --proba without classes, a damaged, foreign or newer model
#    file, an unwritable --save) is one line on stderr, a non-zero exit, and no file left behind.

if(NOT MLFS OR NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DROOT=repo/root -DOUT=scratch/dir -P cli_predict.cmake")
endif()

set(MLFS_COMMAND "")
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(raw "${ROOT}/datasets/diabetes_raw.csv")
set(iris "${ROOT}/datasets/iris.csv")
set(features sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm)

# ---- 1. save, then predict
run_case("linreg --save" 0 stdout "R^2 on the data" linreg --data "${raw}" --target target --save "${OUT}/linreg.json")
run_case("predict with a linreg model" 0 stdout "age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,prediction"
         predict --model "${OUT}/linreg.json" --data "${raw}")
run_case("logreg --save" 0 stdout "classes_" logreg --data "${iris}" --target species --save "${OUT}/logreg.json")
run_case("predict --proba with a logreg model" 0 stdout "proba_0,proba_1,proba_2"
         predict --model "${OUT}/logreg.json" --data "${iris}" --proba)
run_case("kmeans --save" 0 stdout "inertia_" kmeans --data "${iris}" --k 3 --features ${features} --save "${OUT}/kmeans.json")
run_case("predict with a kmeans model" 0 stdout "prediction" predict --model "${OUT}/kmeans.json" --data "${iris}")
file(WRITE "${OUT}/pets.csv" "name,weight,height,kind\nRex,30,60,dog\nTom,4,25,cat\nFido,25,55,\"big, dog\"\nFelix,5,24,cat\nMax,28,58,\"big, dog\"\nLuna,3,23,cat\nBo,29,61,dog\n")
run_case("mlp --save with text labels" 0 stdout "training accuracy"
         mlp --data "${OUT}/pets.csv" --target kind --hidden 4 --epochs 50 --save "${OUT}/mlp.json")
run_case("predict prints text labels back" 0 stdout "30,60,dog"
         predict --model "${OUT}/mlp.json" --data "${OUT}/pets.csv")
run_case("predict --proba: a column per class, quoted where the name holds a comma" 0 stdout
         "weight,height,\"proba_big, dog\",proba_cat,proba_dog" predict --model "${OUT}/mlp.json" --data "${OUT}/pets.csv" --proba)
run_case("predict --out writes the file" 0 stderr "wrote 7 rows to ${OUT}/p.csv"
         predict --model "${OUT}/mlp.json" --data "${OUT}/pets.csv" --out "${OUT}/p.csv")

# the same fit saved twice gives the same file, byte for byte, and predict reads both to the same
# output (the bit-for-bit round trip of each kind of model is tests/test_model_file.cpp's)
run_case("linreg --save again" 0 stdout "R^2" linreg --data "${raw}" --target target --save "${OUT}/linreg_again.json")
run_case("logreg --save again" 0 stdout "classes_" logreg --data "${iris}" --target species --save "${OUT}/logreg_again.json")
run_case("kmeans --save again" 0 stdout "inertia_"
         kmeans --data "${iris}" --k 3 --features ${features} --save "${OUT}/kmeans_again.json")
foreach(pair "linreg;${raw}" "logreg;${iris}" "kmeans;${iris}")
  list(GET pair 0 name)
  list(GET pair 1 data)
  file(READ "${OUT}/${name}.json" saved)
  file(READ "${OUT}/${name}_again.json" saved_again)
  execute_process(COMMAND ${MLFS} predict --model "${OUT}/${name}.json" --data "${data}" OUTPUT_VARIABLE first
                  RESULT_VARIABLE c1)
  execute_process(COMMAND ${MLFS} predict --model "${OUT}/${name}_again.json" --data "${data}"
                  OUTPUT_VARIABLE second RESULT_VARIABLE c2)
  if(saved STREQUAL saved_again AND c1 EQUAL 0 AND c2 EQUAL 0 AND first STREQUAL second AND NOT first STREQUAL "")
    message(STATUS "ok      ${name}: saved twice, the same file and the same predictions")
  else()
    message(STATUS "NOT OK  ${name}: the two saved files or their predictions differ (predict exit ${c1}/${c2})")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()

# ---- 2. bad input
file(WRITE "${OUT}/no_bmi.csv" "age,sex,bp\n1,2,3\n")
run_case("a missing feature column" 1 stderr "no_bmi.csv: no column named \"bmi\""
         predict --model "${OUT}/linreg.json" --data "${OUT}/no_bmi.csv")
run_case("--proba without classes" 1 stderr "--proba: the model is a linreg fit, which has no class probabilities"
         predict --model "${OUT}/linreg.json" --data "${raw}" --proba)
file(READ "${OUT}/logreg.json" text)
string(SUBSTRING "${text}" 0 200 cut)
file(WRITE "${OUT}/damaged.json" "${cut}")
run_case("a damaged model file" 1 stderr "damaged.json:" predict --model "${OUT}/damaged.json" --data "${iris}")
file(WRITE "${OUT}/foreign.json" "{\"coef_\": [1, 2]}\n")
run_case("a JSON file that is not an mlfs model" 1 stderr "foreign.json: not an mlfs model file"
         predict --model "${OUT}/foreign.json" --data "${iris}")
string(REPLACE "\"format_version\": 1" "\"format_version\": 2" newer "${text}")
file(WRITE "${OUT}/newer.json" "${newer}")
run_case("a model file of another format version" 1 stderr "newer.json: format_version 2"
         predict --model "${OUT}/newer.json" --data "${iris}")
string(REPLACE "\"intercept_\": [" "\"intercept_\": [1, " extra "${text}")
file(WRITE "${OUT}/shapes.json" "${extra}")
run_case("a model whose shapes disagree" 1 stderr "shapes.json: intercept_ has 4 entries"
         predict --model "${OUT}/shapes.json" --data "${iris}")
run_case("predict without --model" 2 stderr "--model MODEL.json is required" predict --data "${iris}")
run_case("a model file that does not exist" 1 stderr "nope.json" predict --model "${OUT}/nope.json" --data "${iris}")
run_case("--save into a missing folder: nothing printed" 1 stderr "no_such_dir/m.json"
         linreg --data "${raw}" --target target --save "${OUT}/no_such_dir/m.json")
if(EXISTS "${OUT}/no_such_dir/m.json")
  message(STATUS "NOT OK  a failed --save left a file")
  math(EXPR failures "${failures} + 1")
endif()
file(GLOB leftovers "${OUT}/*.tmp-*")
if(leftovers)
  message(STATUS "NOT OK  temporary files left behind: ${leftovers}")
  math(EXPR failures "${failures} + 1")
endif()

mlfs_finish()
message(STATUS "all cases passed")

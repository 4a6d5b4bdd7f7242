# SPDX-License-Identifier: MIT
# Hostile inputs of issue #18, end to end, each one clear line on stderr and a non-zero exit:
#   cmake -DMLFS=path/to/mlfs -DROOT=repo -DOUT=scratch/dir -P tests/cli_hostile.cmake
# 1. magnitudes whose squares overflow (1e300) or vanish (1e-300): kmeans (text and --json), mlp
# 2. a network too large for the machine's memory: the sizes, not "std::bad_alloc"
# 3. an absurd penalty: what overflowed, for linreg (QR), mlp and gradcheck
# 4. no output file is left half written: a write that fails part way (a file size limit, which
#    works as root too, where a read-only folder does not stop writes) or cannot start (a folder
#    under a regular file) leaves neither the file nor its temporary behind.

if(NOT MLFS OR NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=mlfs -DROOT=repo -DOUT=dir -P cli_hostile.cmake")
endif()
set(MLFS_COMMAND "")
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(iris "${ROOT}/datasets/iris.csv")

# ---- 1. magnitudes: 12 rows of two columns at 1e300 and at 1e-300, and a regression target of 1e300
set(big "x,y\n")
set(tiny "x,y\n")
foreach(i RANGE 1 12)
  math(EXPR j "13 - ${i}")
  string(APPEND big "${i}e299,${j}e299\n")
  string(APPEND tiny "${i}e-301,${j}e-301\n")
endforeach()
file(WRITE "${OUT}/big.csv" "${big}")
file(WRITE "${OUT}/tiny.csv" "${tiny}")
foreach(mode "" --json)
  run_case("kmeans at 1e300 ${mode}" 1 stderr
           "big.csv: column \"x\" has values up to 1.2e+300 in magnitude, so its squared distances overflow double precision"
           kmeans --data "${OUT}/big.csv" --k 2 ${mode})
  run_case("kmeans at 1e-300 ${mode}" 1 stderr
           "tiny.csv: column \"x\" has values up to 1.2e-300 in magnitude, so its squared distances underflow double precision"
           kmeans --data "${OUT}/tiny.csv" --k 2 ${mode})
endforeach()
run_case("mlp inputs at 1e300" 1 stderr "big.csv: column \"x\" has values up to 1.2e+300 in magnitude, so its weighted sums overflow"
         mlp --data "${OUT}/big.csv" --target y --epochs 2)
run_case("mlp inputs at 1e-300" 1 stderr "tiny.csv: column \"x\" has values up to 1.2e-300 in magnitude, so its weighted sums underflow"
         mlp --data "${OUT}/tiny.csv" --target y --epochs 2)

# ---- 2. a network too large for memory, refused with its sizes before anything is allocated
run_case("mlp --hidden 100000,100000" 1 stderr
         "--hidden 100000,100000 on 4 features makes a network of 1e+10 weights and biases (80 GB)"
         mlp --data "${iris}" --target species --hidden 100000,100000)

# ---- 3. an absurd penalty: what overflowed
run_case("linreg --alpha 1e308 (QR)" 1 stderr
         "fit_qr: alpha = 1e+308 makes the Householder reflections of [Xc; sqrt(alpha) I] (LR.6) overflow"
         linreg --data "${ROOT}/datasets/diabetes.csv" --target target --alpha 1e308)
run_case("mlp --alpha 1e308" 1 stderr
         "--alpha 1e+308 makes the L2 penalty (alpha / 2B) ||W||^2 (NN.8) overflow double precision at the initial weights"
         mlp --data "${iris}" --target species --alpha 1e308)
run_case("gradcheck --alpha 1e308" 1 stderr
         "--alpha 1e+308 makes the L2 penalty (alpha / 2m) ||W||^2 (NN.8) = inf"
         gradcheck --alpha 1e308)

# ---- 4. nothing half written
# true when DIR holds no file whose name contains NEEDLE (a plot, or a temporary PATH.tmp-*)
function(require_absent label dir)
  foreach(needle ${ARGN})
    file(GLOB found "${dir}/*${needle}*")
    if(found)
      message(STATUS "NOT OK  ${label}: left behind: ${found}")
      math(EXPR n "${failures} + 1")
      set(failures ${n} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(STATUS "ok      ${label}: nothing left behind")
endfunction()

# a file size limit of 512 bytes (ulimit -f counts 512-byte blocks in sh; SIGXFSZ ignored, so the
# write fails with EFBIG as on a full disk instead of killing the process): every output is larger
set(limited sh -c "trap '' XFSZ && ulimit -f 1 && exec \"$@\"" mlfs-limited "${MLFS}")  # no ';': a list
function(run_limited label needle dir)
  execute_process(COMMAND ${limited} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(FIND "${err}" "${needle}" at)
  if(NOT code STREQUAL "1" OR at EQUAL -1)
    string(REPLACE "\n" " | " err "${err}")
    message(STATUS "NOT OK  ${label}: exit ${code} (want 1), stderr must contain \"${needle}\": ${err}")
    math(EXPR n "${failures} + 1")
    set(failures ${n} PARENT_SCOPE)
  else()
    message(STATUS "ok      ${label}: exit 1")
  endif()
endfunction()

run_limited("kmeans --out, file size limit" "kmeans_clusters.svg: writing the SVG file failed (File too large); nothing was written"
            "${OUT}/full" kmeans --data "${iris}" --k 3 --out "${OUT}/full")
require_absent("kmeans --out, file size limit" "${OUT}/full" kmeans_ .tmp-)
run_limited("kmeans --json --out, file size limit" "nothing was written" "${OUT}/fulljson"
            kmeans --data "${iris}" --k 3 --json --out "${OUT}/fulljson")
require_absent("kmeans --json --out, file size limit" "${OUT}/fulljson" kmeans_ .tmp-)
run_limited("pca --transform, file size limit" "projected.csv: writing the projected rows' CSV file failed (File too large)"
            "${OUT}" pca --data "${iris}" --transform "${OUT}/projected.csv")
require_absent("pca --transform, file size limit" "${OUT}" projected .tmp-)
run_limited("data --plot, file size limit" "scatter.svg: writing the SVG file failed (File too large)" "${OUT}"
            data "${iris}" --plot "${OUT}/scatter.svg" --x sepal_length_cm --y sepal_width_cm)
require_absent("data --plot, file size limit" "${OUT}" scatter)
run_limited("mlp --out, file size limit" "mlp_loss.svg: writing the SVG file failed (File too large)" "${OUT}/fullmlp"
            mlp --data "${iris}" --target species --epochs 3 --out "${OUT}/fullmlp")
require_absent("mlp --out, file size limit" "${OUT}/fullmlp" mlp_loss .tmp-)

# a place that cannot be written even by root: a folder under a regular file
file(WRITE "${OUT}/plain.txt" "a regular file\n")
run_case("kmeans --out under a regular file" 1 stderr "cannot create the output folder"
         kmeans --data "${iris}" --k 3 --out "${OUT}/plain.txt/plots")
run_case("pca --transform under a regular file" 1 stderr "plain.txt/z.csv: cannot write the projected rows' CSV file"
         pca --data "${iris}" --transform "${OUT}/plain.txt/z.csv")
run_case("data --plot under a regular file" 1 stderr "plain.txt/s.svg: cannot write the SVG file"
         data "${iris}" --plot "${OUT}/plain.txt/s.svg" --x sepal_length_cm --y sepal_width_cm)
require_absent("under a regular file" "${OUT}" .tmp-)

mlfs_finish()

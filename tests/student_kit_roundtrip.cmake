# SPDX-License-Identifier: MIT
# The student kit's round trip (issue: classroom), as a CTest script:
#   1. write the kit with the documented command (cmake --build BUILD --target student-kit), copy
#      it to a scratch folder (so the restored solutions below never reach BUILD/student-kit) and
#      build the copy from scratch;
#   2. in the kit every exercise test fails, each naming its own exercise, and no test of the kit
#      crashes (a stub throws; every program must turn that into a failure, never an abort);
#   3. put back the reference body of each exercise in RESTORE, one at a time, rebuild: after each,
#      exactly the restored exercises pass.
# Inputs: -DSOURCE=<repo> -DBUILD=<its build folder> -DOUT=<scratch folder> -DRESTORE="a;b" [-DCXX=<compiler>]
cmake_minimum_required(VERSION 3.16)

set(kit "${OUT}/student-kit")
set(failures 0)
function(fail message)
  message("-- NOT OK  ${message}")
  math(EXPR n "${failures} + 1")
  set(failures ${n} PARENT_SCOPE)
endfunction()

function(run_or_die)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "-- NOT OK  ${ARGN} exited ${rc}\n${out}\n${err}")
  endif()
endfunction()

# The exercise tests of the kit, and which of them passed: <out>_all, <out>_passed.
function(exercise_results out)
  execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${kit}/build" -L exercises --output-on-failure
                  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE err)
  string(REGEX MATCHALL "Test +#[0-9]+: ex-[a-z0-9-]+ [^\n]*" lines "${log}")
  set(all "")
  set(passed "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "Test +#[0-9]+: (ex-[a-z0-9-]+) .*" "\\1" name "${line}")
    list(APPEND all ${name})
    if(line MATCHES "Passed")
      list(APPEND passed ${name})
    endif()
  endforeach()
  list(SORT all)
  list(SORT passed)
  set(${out}_all "${all}" PARENT_SCOPE)
  set(${out}_passed "${passed}" PARENT_SCOPE)
  set(${out}_log "${log}" PARENT_SCOPE)
endfunction()

# ---- 1. write and build the kit
file(REMOVE_RECURSE "${OUT}")
run_or_die(${CMAKE_COMMAND} --build ${BUILD} --target student-kit)
file(COPY "${BUILD}/student-kit/" DESTINATION "${kit}")
set(compiler "")
if(CXX)
  set(compiler -DCMAKE_CXX_COMPILER=${CXX})
endif()
# Debug (-O0): the kit's tests check which exercises pass, not speed, and -O0 compiles the whole
# second copy in about half the time of Release (CI runs this test on every push)
run_or_die(${CMAKE_COMMAND} -S ${kit} -B ${kit}/build -DCMAKE_BUILD_TYPE=Debug ${compiler})
run_or_die(${CMAKE_COMMAND} --build ${kit}/build -j2)
message("-- ok      the kit builds")

# ---- 2. every exercise fails, naming itself; nothing crashes
exercise_results(before)
list(LENGTH before_all n_exercises)
if(n_exercises LESS 1)
  fail("the kit has no exercise tests")
endif()
if(before_passed)
  fail("in the fresh kit these exercises pass, but every one must fail: ${before_passed}")
endif()
foreach(ex IN LISTS before_all)
  string(REGEX REPLACE "^ex-" "" name "${ex}")
  string(FIND "${before_log}" "exercise ${name} is not done yet" named)
  if(named EQUAL -1)
    fail("${ex} fails without the message 'exercise ${name} is not done yet'")
  endif()
endforeach()
message("-- ok      all ${n_exercises} exercise tests fail in the fresh kit, each naming its exercise")

execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${kit}/build" -j2 -LE student-kit
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE err)
string(REGEX MATCHALL "Test +#[0-9]+: [a-z0-9_-]+ [^\n]*(Exception|SEGFAULT|Child aborted|Timeout|Subprocess aborted|Illegal|Bus error)[^\n]*" crashed "${log}")
if(crashed)
  fail("tests of the kit crashed instead of failing: ${crashed}")
else()
  message("-- ok      no test of the kit crashes (stubs fail them cleanly)")
endif()

# ---- 3. restore the reference bodies one at a time
set(restored "")
foreach(name IN LISTS RESTORE)
  run_or_die(${CMAKE_COMMAND} -DSOURCE=${SOURCE} -DKIT=${kit} -DRESTORE=${name} -P ${SOURCE}/cmake/student_kit.cmake)
  run_or_die(${CMAKE_COMMAND} --build ${kit}/build -j2)
  list(APPEND restored ex-${name})
  list(SORT restored)
  exercise_results(after)
  if(NOT after_passed STREQUAL restored)
    fail("after restoring ${restored} the passing exercises are '${after_passed}', want exactly '${restored}'")
  else()
    message("-- ok      restored ${name}: exactly ${restored} pass, the other exercises still fail")
  endif()
endforeach()

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} check(s) of the student kit failed")
endif()

# SPDX-License-Identifier: MIT
# What the CLI test scripts (tests/cli_*.cmake) share: include() it after setting MLFS (the program)
# and MLFS_COMMAND (the subcommand the cases run, empty to give it in each case's arguments).
# Every case prints one line, ok or NOT OK; all cases run, and mlfs_finish() fails the script at
# the end if any failed.

set(failures 0)

# run_case(NAME EXPECT_CODE STREAM NEEDLE ARGS...): runs `MLFS MLFS_COMMAND ARGS...`. EXPECT_CODE is
# a number, or "nonzero" (any exit code but 0 and never a crash); STREAM is "stdout" or "stderr", the
# output that must contain NEEDLE. A failing run must also leave stdout empty (errors go to stderr
# only, so --json output is never half written).
function(run_case name expect_code stream needle)
  execute_process(COMMAND ${MLFS} ${MLFS_COMMAND} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(STRIP "${err}" err)
  string(REPLACE "\n" " | " err_one_line "${err}")
  set(ok TRUE)
  if(expect_code STREQUAL "nonzero")
    if(code EQUAL 0 OR NOT code MATCHES "^[0-9]+$")  # a crash gives a text such as "Segmentation fault"
      set(ok FALSE)
    endif()
  elseif(NOT code STREQUAL "${expect_code}")
    set(ok FALSE)
  endif()
  if(NOT code STREQUAL "0" AND NOT out STREQUAL "")
    set(ok FALSE)
  endif()
  if(stream STREQUAL "stdout")
    string(FIND "${out}" "${needle}" at)
  else()
    string(FIND "${err}" "${needle}" at)
  endif()
  if(at EQUAL -1)
    set(ok FALSE)
  endif()
  if(ok)
    message(STATUS "ok      ${name}: exit ${code}: ${err_one_line}")
  else()
    string(SUBSTRING "${out}" 0 200 out_start)
    message(STATUS "NOT OK  ${name}: exit ${code} (want ${expect_code}), ${stream} must contain \"${needle}\"; "
                   "stderr: ${err_one_line}; stdout starts: ${out_start}")
    math(EXPR n "${failures} + 1")
    set(failures ${n} PARENT_SCOPE)
  endif()
endfunction()

# run_json_case(NAME KEYS ARGS...): runs `MLFS MLFS_COMMAND ARGS...` (ARGS ending in --json), which must
# exit 0 with nothing on stderr and print one JSON object on stdout: its first character "{", each
# name in the ;-list KEYS there as a "KEY", and (CMake 3.19 or newer, which can parse JSON) the
# whole output one valid JSON object.
function(run_json_case name keys)
  execute_process(COMMAND ${MLFS} ${MLFS_COMMAND} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(SUBSTRING "${out}" 0 1 first)
  set(problems "")
  if(NOT code STREQUAL "0")
    list(APPEND problems "exit ${code}")
  endif()
  if(NOT err STREQUAL "")
    string(REPLACE "\n" " | " err_one_line "${err}")
    list(APPEND problems "stderr: ${err_one_line}")
  endif()
  if(NOT first STREQUAL "{")
    list(APPEND problems "stdout does not start with {")
  endif()
  foreach(key ${keys})
    string(FIND "${out}" "\"${key}\"" at)
    if(at EQUAL -1)
      list(APPEND problems "no \"${key}\"")
    endif()
  endforeach()
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.19 AND first STREQUAL "{")
    string(JSON type ERROR_VARIABLE json_error TYPE "${out}")
    if(NOT type STREQUAL "OBJECT")
      list(APPEND problems "not a JSON object: ${json_error}")
    endif()
  endif()
  string(REPLACE ";" ", " keys_text "${keys}")
  if(problems STREQUAL "")
    message(STATUS "ok      ${name}: exit 0, a JSON object with ${keys_text}")
  else()
    string(REPLACE ";" "; " problems_text "${problems}")
    string(SUBSTRING "${out}" 0 200 out_start)
    message(STATUS "NOT OK  ${name}: ${problems_text}; stdout starts: ${out_start}")
    math(EXPR n "${failures} + 1")
    set(failures ${n} PARENT_SCOPE)
  endif()
endfunction()

# require_files(DIR NAME...): each DIR/NAME.svg was written.
function(require_files dir)
  foreach(svg ${ARGN})
    if(NOT EXISTS "${dir}/${svg}.svg")
      message(STATUS "NOT OK  ${dir}/${svg}.svg was not written")
      math(EXPR n "${failures} + 1")
      set(failures ${n} PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

macro(mlfs_finish)
  if(failures GREATER 0)
    message(FATAL_ERROR "${failures} case(s) failed")
  endif()
endmacro()

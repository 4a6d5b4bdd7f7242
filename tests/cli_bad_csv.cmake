# SPDX-License-Identifier: MIT
# Runs the mlfs program on bad input and checks it fails loudly and precisely:
#   cmake -DMLFS=path/to/mlfs -DCASES=tests/data/bad_csv -P tests/cli_bad_csv.cmake
# Every CASES/*.csv must make `mlfs data FILE` exit non-zero with FILE:LINE: on stderr (LINE from
# the table below, so a new bad file without an expected line fails here until it gets one).
# Then: a missing column exits 1 naming the column; usage mistakes exit exactly 2.
# One line is printed per case; all cases run, and the script fails at the end if any failed.

if(NOT MLFS OR NOT CASES)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DCASES=dir/of/bad/csv -P cli_bad_csv.cmake")
endif()

# the line each bad file's error must point at
set(line_blank_first_line 1)
set(line_blank_line_middle 3)
set(line_control_byte_name 1)
set(line_duplicate_column 1)
set(line_empty 1)
set(line_empty_cell 3)
set(line_empty_column_name 1)
set(line_header_only 1)
set(line_header_trailing_comma 1)
set(line_hex_cell 3)
set(line_inf_cell 3)
set(line_nan_cell 2)
set(line_non_numeric 3)
set(line_non_utf8_header 1)
set(line_overflow_cell 3)
set(line_quoted_cell 2)
set(line_ragged 3)
set(line_trailing_comma 3)
set(line_underflow_cell 3)

set(MLFS_COMMAND "")
include("${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake")

file(GLOB bad_files "${CASES}/*.csv")
list(SORT bad_files)
if(NOT bad_files)
  message(FATAL_ERROR "no *.csv files in ${CASES}")
endif()
foreach(file IN LISTS bad_files)
  get_filename_component(stem "${file}" NAME_WE)
  if(NOT DEFINED line_${stem})
    message(STATUS "NOT OK  ${stem}.csv: no expected line in cli_bad_csv.cmake; add set(line_${stem} N)")
    math(EXPR failures "${failures} + 1")
    continue()
  endif()
  # the message must name the file and the line: "<path>:<line>:" or "<path>:<line>: "
  run_case("${stem}.csv" nonzero stderr "${file}:${line_${stem}}:" data "${file}")
endforeach()

get_filename_component(data_dir "${CASES}" DIRECTORY)
set(good "${data_dir}/good.csv")
run_case("missing file" 1 stderr "${CASES}/no_such_file.csv: cannot open file" data "${CASES}/no_such_file.csv")
run_case("missing column" 1 stderr "no column named \"nope\"" data "${good}" --plot /tmp/x.svg --x nope --y nope)
run_case("unknown flag" 2 stderr "unknown flag --frobnicate" data "${good}" --frobnicate)
run_case("missing value" 2 stderr "missing value for --plot" data "${good}" --plot)
run_case("unknown subcommand" 2 stderr "unknown subcommand" frobnicate)
run_case("plot without --y" 2 stderr "--plot needs both --x COL and --y COL" data "${good}" --plot /tmp/x.svg --x a)

mlfs_finish()
message(STATUS "all cases passed")

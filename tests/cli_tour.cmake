# SPDX-License-Identifier: MIT
# Runs `mlfs tour` end to end:
#   cmake -DMLFS=path/to/mlfs -DOUT=scratch/dir -P tests/cli_tour.cmake
# 1. the tour exits 0 and its summary says every comparison is ok, in the text and in index.html;
# 2. OUT/index.html shows every .svg under OUT (subfolders too, and one that no study wrote, which
#    the test plants in OUT/older/ beforehand): a plot left out of the page fails the test;
# 3. every plot carries a caption (<desc>), except the few listed below that predate captions;
# 4. an output folder that cannot be created is a clear error and exit 1.
# One line is printed per check; all run, and the script fails at the end if any failed.

if(NOT MLFS OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DMLFS=path/to/mlfs -DOUT=scratch/dir -P cli_tour.cmake")
endif()

# Plots written before captions existed, by code this test's author could not edit then. Remove a
# name once its plot has a caption (Plot::set_caption, or svg_title_and_desc for a hand-written SVG);
# the test says when one can go. Any other plot without a caption fails.
set(uncaptioned_allowed "")

set(failures 0)
macro(verdict ok what)
  if(${ok})
    message(STATUS "ok      ${what}")
  else()
    message(STATUS "NOT OK  ${what}")
    math(EXPR failures "${failures} + 1")
  endif()
endmacro()

# ---- 1. the tour, into a fresh folder holding one older plot in a subfolder
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/older")
file(WRITE "${OUT}/older/planted.svg"
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"180\">\n<title>planted</title>\n"
     "<desc>An SVG that no study wrote: the page must still show it.</desc>\n</svg>\n")
execute_process(COMMAND ${MLFS} tour --out "${OUT}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCH "([0-9]+) of ([0-9]+) comparisons ok; plots in" line "${out}")
set(rows "${CMAKE_MATCH_2}")
set(ok FALSE)
if(code STREQUAL "0" AND line AND CMAKE_MATCH_1 STREQUAL CMAKE_MATCH_2 AND rows GREATER 0)
  set(ok TRUE)
endif()
verdict(ok "tour exits 0 (exit ${code}) and says '${line}'")
string(FIND "${out}" "== Summary: ours vs reference ==" summary_at)
string(SUBSTRING "${out}" ${summary_at} -1 summary)
string(REGEX MATCHALL "[^\n]* FAIL\n" failed_rows "${summary}")
list(LENGTH failed_rows n_failed)
set(ok FALSE)
if(n_failed EQUAL 0 AND NOT summary_at EQUAL -1)
  set(ok TRUE)
endif()
verdict(ok "the summary table has no row whose verdict is FAIL (${failed_rows})")

# ---- 2. index.html shows every SVG in the folder, and the table with every verdict ok
set(index "${OUT}/index.html")
set(ok FALSE)
if(EXISTS "${index}")
  set(ok TRUE)
  file(READ "${index}" page)
endif()
verdict(ok "${index} written")
string(REGEX MATCHALL "class=\"verdict ok\"" ok_cells "${page}")
string(REGEX MATCHALL "class=\"verdict fail\"" fail_cells "${page}")
list(LENGTH ok_cells n_ok)
list(LENGTH fail_cells n_fail)
set(ok FALSE)
if(n_ok EQUAL rows AND n_fail EQUAL 0)
  set(ok TRUE)
endif()
verdict(ok "index.html's table: ${n_ok} verdicts ok of ${rows} rows, ${n_fail} FAIL")

file(GLOB_RECURSE svgs RELATIVE "${OUT}" "${OUT}/*.svg")
list(LENGTH svgs n_svgs)
set(ok FALSE)
if(n_svgs GREATER 10)
  set(ok TRUE)
endif()
verdict(ok "${n_svgs} SVG files under ${OUT}")
foreach(svg IN LISTS svgs)
  string(FIND "${page}" "<img src=\"${svg}\"" at)
  set(ok TRUE)
  if(at EQUAL -1)
    set(ok FALSE)
  endif()
  verdict(ok "index.html shows ${svg}")
endforeach()
string(FIND "${err}" "older/planted.svg was not written by this run" at)
set(ok TRUE)
if(at EQUAL -1)
  set(ok FALSE)
endif()
verdict(ok "the tour warns about the planted SVG")

# ---- 3. captions
foreach(svg IN LISTS svgs)
  file(READ "${OUT}/${svg}" text)
  string(REGEX MATCH "<desc>[^<]+</desc>" desc "${text}")
  get_filename_component(name "${svg}" NAME)
  list(FIND uncaptioned_allowed "${name}" allowed)
  if(desc AND NOT allowed EQUAL -1)
    message(STATUS "note    ${svg} has a caption now: remove it from uncaptioned_allowed in tests/cli_tour.cmake")
  elseif(allowed EQUAL -1)
    set(ok FALSE)
    if(desc)
      set(ok TRUE)
    endif()
    verdict(ok "${svg} has a caption (<desc>; set it where the plot is made: Plot::set_caption)")
  endif()
endforeach()

# ---- 4. an output folder that cannot be created: a regular file stands where a folder should
file(WRITE "${OUT}/not-a-folder" "")
execute_process(COMMAND ${MLFS} tour --out "${OUT}/not-a-folder/tour" RESULT_VARIABLE code OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
string(FIND "${err}" "not-a-folder/tour: cannot create the output folder" at)
set(ok FALSE)
if(code STREQUAL "1" AND NOT at EQUAL -1 AND out STREQUAL "")
  set(ok TRUE)
endif()
string(STRIP "${err}" err)
verdict(ok "unwritable --out: exit ${code}, '${err}'")

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} check(s) failed")
endif()

# SPDX-License-Identifier: MIT
# The student kit, in CMake's own scripting (nothing else is needed to make it):
#
#   cmake -DSOURCE=<repo> -DKIT=<dir> -P cmake/student_kit.cmake
#       copies the repository to <dir> (without .git and build trees) and replaces the body of every
#       exercise region in linalg/ and algorithms/ by a stub that throws mlfs::ExerciseNotDone;
#   cmake -DSOURCE=<repo> -DKIT=<dir> -DRESTORE=<name> -P cmake/student_kit.cmake
#       puts the reference body of exercise <name> back into the kit (the round-trip test, or a
#       teacher handing out one solution).
#
# An exercise region is a run of whole lines between two marker comments:
#       // >>> exercise cholesky: derivations/linear_algebra.md
#       ...the reference code...
#       // <<< exercise cholesky
# The begin marker names the exercise and the derivation whose exercise sheet describes it. One
# exercise may have several regions (in one file or several); each becomes a stub. The markers stay
# in the kit, so the student sees where to write.
cmake_minimum_required(VERSION 3.16)

if(NOT SOURCE OR NOT KIT)
  message(FATAL_ERROR "student_kit.cmake: pass -DSOURCE=<repository> -DKIT=<output folder>")
endif()
get_filename_component(SOURCE "${SOURCE}" ABSOLUTE)
get_filename_component(KIT "${KIT}" ABSOLUTE)

set(begin_tag "// >>> exercise ")
set(end_tag "// <<< exercise ")

# The files that may hold exercise regions.
function(exercise_files root out)
  file(GLOB_RECURSE files RELATIVE "${root}" "${root}/linalg/*.cpp" "${root}/linalg/*.hpp"
       "${root}/algorithms/*.cpp" "${root}/algorithms/*.hpp")
  list(SORT files)
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

# Splits `text` at its exercise regions. For region k (0-based) it sets, in the caller:
#   <prefix>_count            the number of regions
#   <prefix>_name_k           the exercise's name
#   <prefix>_sheet_k          the derivation named by the begin marker
#   <prefix>_indent_k         the begin marker's indentation
#   <prefix>_head_k           the text before the region's body (up to and including the begin line)
#   <prefix>_body_k           the body (the lines strictly between the markers)
# and <prefix>_tail the text after the last region's body (from its end marker on).
function(split_regions text file prefix)
  set(k 0)
  set(rest "${text}")
  while(TRUE)
    string(FIND "${rest}" "${begin_tag}" b)
    if(b EQUAL -1)
      break()
    endif()
    # the begin line: "<indent>// >>> exercise NAME: SHEET\n"
    string(SUBSTRING "${rest}" 0 ${b} before)
    string(FIND "${before}" "\n" line_start REVERSE)
    math(EXPR line_start "${line_start} + 1")
    math(EXPR indent_len "${b} - ${line_start}")
    string(SUBSTRING "${rest}" ${line_start} ${indent_len} indent)
    string(SUBSTRING "${rest}" ${b} -1 from_marker)
    string(FIND "${from_marker}" "\n" eol)
    if(eol EQUAL -1)
      message(FATAL_ERROR "${file}: an exercise begin marker with no line after it")
    endif()
    string(SUBSTRING "${from_marker}" 0 ${eol} begin_line)
    if(NOT begin_line MATCHES "^// >>> exercise ([a-z0-9-]+): (derivations/[a-z_]+\\.md)$")
      message(FATAL_ERROR "${file}: malformed exercise marker '${begin_line}' (expected '// >>> exercise NAME: derivations/FILE.md')")
    endif()
    set(name "${CMAKE_MATCH_1}")
    set(sheet "${CMAKE_MATCH_2}")
    math(EXPR body_start "${b} + ${eol} + 1")
    string(SUBSTRING "${rest}" 0 ${body_start} head)
    string(SUBSTRING "${rest}" ${body_start} -1 after)
    # the end marker for the same name, at the start of its own line
    string(FIND "${after}" "${end_tag}${name}\n" e)
    if(e EQUAL -1)
      message(FATAL_ERROR "${file}: exercise ${name} has no end marker '${end_tag}${name}'")
    endif()
    string(SUBSTRING "${after}" 0 ${e} upto_end)
    string(FIND "${upto_end}" "\n" body_len REVERSE)
    math(EXPR body_len "${body_len} + 1")  # the body is whole lines; 0 if the markers are adjacent
    string(SUBSTRING "${after}" 0 ${body_len} body)
    string(FIND "${body}" "${begin_tag}" nested)
    if(NOT nested EQUAL -1)
      message(FATAL_ERROR "${file}: exercise ${name} contains another exercise's begin marker")
    endif()
    string(SUBSTRING "${after}" ${body_len} -1 rest)
    set(${prefix}_name_${k} "${name}" PARENT_SCOPE)
    set(${prefix}_sheet_${k} "${sheet}" PARENT_SCOPE)
    set(${prefix}_indent_${k} "${indent}" PARENT_SCOPE)
    set(${prefix}_head_${k} "${head}" PARENT_SCOPE)
    set(${prefix}_body_${k} "${body}" PARENT_SCOPE)
    math(EXPR k "${k} + 1")
  endwhile()
  set(${prefix}_count ${k} PARENT_SCOPE)
  set(${prefix}_tail "${rest}" PARENT_SCOPE)
endfunction()

if(DEFINED RESTORE)
  # ---- put the reference body of exercise RESTORE back into the kit
  exercise_files("${SOURCE}" files)
  set(restored 0)
  foreach(f IN LISTS files)
    file(READ "${SOURCE}/${f}" reference)
    split_regions("${reference}" "${f}" ref)
    if(ref_count EQUAL 0 OR NOT EXISTS "${KIT}/${f}")
      continue()
    endif()
    file(READ "${KIT}/${f}" student)
    split_regions("${student}" "${KIT}/${f}" kit)
    if(NOT kit_count EQUAL ref_count)
      message(FATAL_ERROR "${KIT}/${f} has ${kit_count} exercise regions, the repository's copy ${ref_count}")
    endif()
    set(out "")
    set(changed FALSE)
    math(EXPR last "${ref_count} - 1")
    foreach(k RANGE ${last})
      string(APPEND out "${kit_head_${k}}")
      if(ref_name_${k} STREQUAL RESTORE)
        string(APPEND out "${ref_body_${k}}")
        set(changed TRUE)
        math(EXPR restored "${restored} + 1")
      else()
        string(APPEND out "${kit_body_${k}}")
      endif()
    endforeach()
    string(APPEND out "${kit_tail}")
    if(changed)
      file(WRITE "${KIT}/${f}" "${out}")
      message(STATUS "restored exercise ${RESTORE} in ${f}")
    endif()
  endforeach()
  if(restored EQUAL 0)
    message(FATAL_ERROR "there is no exercise named '${RESTORE}'")
  endif()
  return()
endif()

# ---- copy the repository, leaving out .git and every build tree (a folder with a CMakeCache.txt)
if(EXISTS "${KIT}")
  file(REMOVE_RECURSE "${KIT}")
endif()
file(GLOB entries RELATIVE "${SOURCE}" "${SOURCE}/*" "${SOURCE}/.[a-z]*")
list(REMOVE_DUPLICATES entries)
foreach(entry IN LISTS entries)
  set(path "${SOURCE}/${entry}")
  if(entry STREQUAL ".git" OR EXISTS "${path}/CMakeCache.txt" OR entry MATCHES "^build")
    continue()
  endif()
  string(FIND "${KIT}/" "${path}/" kit_inside)
  if(kit_inside EQUAL 0)
    continue()
  endif()
  file(COPY "${path}" DESTINATION "${KIT}")
endforeach()

# ---- replace every exercise body by its stub
exercise_files("${KIT}" files)
set(names "")
set(regions 0)
foreach(f IN LISTS files)
  file(READ "${KIT}/${f}" text)
  split_regions("${text}" "${f}" r)
  if(r_count EQUAL 0)
    continue()
  endif()
  set(out "")
  math(EXPR last "${r_count} - 1")
  foreach(k RANGE ${last})
    set(i "${r_indent_${k}}")
    string(APPEND out "${r_head_${k}}"
      "${i}// Your code here: see the exercise sheet at the end of ${r_sheet_${k}}.\n"
      "${i}throw mlfs::ExerciseNotDone(\"${r_name_${k}}\", \"${f}\", \"${r_sheet_${k}}\");\n")
    list(APPEND names "${r_name_${k}}")
    math(EXPR regions "${regions} + 1")
  endforeach()
  string(APPEND out "${r_tail}")
  file(WRITE "${KIT}/${f}" "${out}")
endforeach()
list(REMOVE_DUPLICATES names)
list(LENGTH names n_names)

# ---- the kit's front page; its presence also tells CMakeLists.txt this is the kit
list(JOIN names ", " name_list)
file(WRITE "${KIT}/STUDENT_KIT.md"
"# mlfs student kit

This is a copy of mlfs in which ${n_names} routines (${regions} marked regions of code) are yours to write:
${name_list}.

Each region sits between `// >>> exercise NAME` and `// <<< exercise NAME` in linalg/ or
algorithms/, and holds a stub that throws `ExerciseNotDone`. The exercise sheets at the end of each
file in derivations/ say what to write, which equations it implements and how to test it.
derivations/teaching.md suggests an order.

    cmake -S . -B build
    cmake --build build -j2
    ctest --test-dir build -L exercises                          # one line per exercise: Passed / Failed
    ctest --test-dir build -L ex-cholesky --output-on-failure    # one exercise, ours vs expected

Every other test and `mlfs` command that needs an unfinished routine stops with a message naming
the exercise to finish first.
")
message(STATUS "student kit: ${n_names} exercises in ${regions} regions, written to ${KIT}")

# Writes add_test() lines for every leaf test case of a Boost.Test executable; included by CTest (see
# kata_discover_tests). Input: EXE, OUT, PREFIX, LABELS, TIMEOUT, WORKDIR. Parses --list_content (HRF):
# one unit per line, indented four spaces per level, a trailing '*' when enabled, then ": description"
# when the unit has one.
execute_process(COMMAND "${EXE}" --list_content
                OUTPUT_VARIABLE out ERROR_VARIABLE listing RESULT_VARIABLE rc TIMEOUT ${TIMEOUT})
if(NOT rc EQUAL 0)
  # Learner code that crashes or hangs before main(): one failing test that shows what happened.
  file(WRITE "${OUT}"
    "add_test([==[${PREFIX}/(the test program does not start)]==] [==[${EXE}]==] --list_content)\n"
    "set_tests_properties([==[${PREFIX}/(the test program does not start)]==] PROPERTIES LABELS [==[${LABELS}]==] TIMEOUT ${TIMEOUT} WORKING_DIRECTORY [==[${WORKDIR}]==])\n")
  return()
endif()
string(REPLACE ";" "\\;" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(names "")
set(depths "")
foreach(line IN LISTS lines)
  # "name", "name*", or with a description (a lesson's task): "name*: task 2: dropout, backward".
  if(line MATCHES "^( *)([^ *:]+)\\*?(: .*)?$")
    string(LENGTH "${CMAKE_MATCH_1}" indent)
    math(EXPR depth "${indent} / 4")
    list(APPEND names "${CMAKE_MATCH_2}")
    list(APPEND depths "${depth}")
  endif()
endforeach()
list(LENGTH names n)
set(body "")
set(path "")
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last})
  if(n EQUAL 0)
    break()
  endif()
  list(GET names ${i} unit)
  list(GET depths ${i} depth)
  # Keep the ancestors' names: path[depth] = unit.
  list(LENGTH path plen)
  while(plen GREATER depth)
    list(POP_BACK path)
    list(LENGTH path plen)
  endwhile()
  list(APPEND path "${unit}")
  set(is_leaf TRUE)
  if(i LESS last)
    math(EXPR j "${i} + 1")
    list(GET depths ${j} next_depth)
    if(next_depth GREATER depth)
      set(is_leaf FALSE)
    endif()
  endif()
  if(is_leaf)
    list(JOIN path "/" unit_path)
    string(APPEND body
      "add_test([==[${PREFIX}/${unit_path}]==] [==[${EXE}]==] [==[--run_test=${unit_path}]==] --log_level=error --report_level=no --color_output=no)\n"
      "set_tests_properties([==[${PREFIX}/${unit_path}]==] PROPERTIES LABELS [==[${LABELS}]==] TIMEOUT ${TIMEOUT} WORKING_DIRECTORY [==[${WORKDIR}]==])\n")
  endif()
endforeach()
# Rewrite only when the list changed: most rebuilds (a learner's edit) leave the test cases as they were.
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL body)
  file(WRITE "${OUT}" "${body}")
else()
  file(TOUCH "${OUT}")  # newer than the executable again: no discovery until the next build
endif()

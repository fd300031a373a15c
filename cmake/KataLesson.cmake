# kata_add_lesson(NN_topic [HOME dir] [PACK name]): turns one lesson folder into every target it needs.
#
#   lessons/NN_topic/*.hpp     the contract (only declaration)
#   lessons/NN_topic/*.cpp     the learner's implementation (a stub in the repo)
#   solutions/NN_topic/*.cpp   the reference implementation of the same contract
#   tests/NN_topic/*.cpp       Boost.Test cases; compiled ONCE, linked into both variants
#   experiments/NN_topic.cpp   optional: the lesson's experiment on real data
#   tests/mistakes/NN_topic/*.mistake   optional (KATA_MISTAKES): classic errors as edits of the solution
#
# The folders are under the workspace's root, or under HOME for a lesson of a lesson pack (PACK names it;
# kata_add_lesson_packs() below finds packs). docs/authoring.md describes the format.
#
# Targets (NN = the lesson number, unique in the workspace): kata_NN_learner (-O0, for the checks),
# kata_NN_learner_optimized (-O2, for the experiment), kata_NN_learner_memcheck (ASan + UBSan, for the memory
# check), kata_NN_solution (object libraries), test_NN_learner_memcheck (tests/memcheck/),
# test_NN_learner, test_NN_solution (test executables), experiment_NN_learner, experiment_NN_solution,
# test_NN_mistake_<name>. Every Boost.Test case becomes its own CTest test named
# "NN_topic/<variant>/<suite path>/<case>", so a crash or hang fails exactly one check.
#
# A lesson may call earlier lessons through their contracts (lesson 12's "toolbox"): declare them with
# kata_lesson_toolbox(NN_topic LESSON...) before kata_add_lesson(NN_topic). See that function.

set(KATA_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

function(kata_begin_manifest)
  set_property(GLOBAL PROPERTY KATA_MANIFEST "")
endfunction()

# The manifest tells the CLI which lessons exist, in order, and where their parts are (cli/workspace.cpp
# reads it). Rows:
#   NN  NN_topic  learner sources  solution sources  has experiment  mistakes  pack (- for core)  home
#   !   pack  pack folder  lesson folder (or -)  reason          a pack lesson left out, and why
#   #packs  KATA_LESSON_PACKS as set  packs/ subfolders (:)  pack folders (;)
# Paths are relative to the workspace's root when under it (home "." is the root), else absolute.
# The lesson packs' lessons come last, after every core lesson (kata_add_lesson_packs below).
function(kata_end_manifest)
  _kata_add_lesson_packs()
  get_property(rows GLOBAL PROPERTY KATA_MANIFEST)
  get_property(header GLOBAL PROPERTY KATA_PACKS_HEADER)
  string(REPLACE ";" "\n" rows "${rows}")
  file(WRITE "${CMAKE_BINARY_DIR}/kata_manifest.tsv" "${header}\n${rows}\n")
endfunction()

# An OBJECT library, not a static archive: the test executable and the experiment link the objects
# directly, which saves the archive step (rm, ar, ranlib) on every save of a learner's file.
# `pch` names the precompiled-header carrier: kata_pch_lib (kata_optimize: -O2 in the dev preset) or
# kata_pch_checks (-O0, for the learner's code under check).
function(_kata_lesson_library target sources lesson_dir warnings pch)
  add_library(${target} OBJECT ${sources})
  target_include_directories(${target} PUBLIC "${lesson_dir}")
  if(_kata_toolbox_dirs)  # set by kata_add_lesson() for a lesson with a toolbox
    target_include_directories(${target} PRIVATE ${_kata_toolbox_dirs})
  endif()
  target_link_libraries(${target} PUBLIC kata_support PRIVATE ${warnings} kata_instrument)
  if(pch STREQUAL "kata_pch_checks" OR pch STREQUAL "kata_pch_memcheck")
    target_link_libraries(${target} PRIVATE kata_compile_fast)
  else()
    target_link_libraries(${target} PRIVATE kata_optimize)
  endif()
  target_precompile_headers(${target} REUSE_FROM ${pch})
endfunction()

function(_kata_test_executable target objects impl lesson variant)
  add_executable(${target})
  target_link_libraries(${target} PRIVATE ${objects} ${impl} kata_test_main kata_instrument_tests)
  kata_discover_tests(${target} "${lesson}" "${variant}")
endfunction()

# kata_lesson_toolbox(NN_topic LESSON...): lesson NN_topic calls the listed (earlier) lessons through their
# contracts. Lessons stay independent: for each toolbox lesson it gets the learner's implementation only when
# that lesson is done, else the reference, chosen when it is built:
#   - test_NN_solution, experiment_NN_solution and the mistakes catalog link the reference objects of every
#     toolbox lesson (kata_XX_solution), always;
#   - test_NN_learner (and its memory check) link the objects named in the response file
#     <build>/kata-state/NN_topic.toolbox-checks.rsp, experiment_NN_learner those in
#     NN_topic.toolbox-run.rsp (LINK_DEPENDS: a new list relinks). Both start as copies of
#     <build>/kata-toolbox/NN_topic-reference.rsp (every reference object); the CLI rewrites them before it
#     builds lesson NN, naming the learner's objects (kata_XX_learner for the checks,
#     kata_XX_learner_optimized for the experiment) of every toolbox lesson whose saved verdict is "done"
#     (cli/toolbox.cpp). Exactly one implementation of each toolbox lesson is ever on a link line: two
#     objects with the same symbols cannot both be linked.
#   - <build>/kata-toolbox/NN_topic.tsv tells the CLI which objects those are: one row per toolbox lesson,
#     "XX_topic<TAB>solution objects<TAB>learner objects<TAB>optimized learner objects", objects joined by '|'.
function(kata_lesson_toolbox name)
  set_property(GLOBAL PROPERTY KATA_TOOLBOX_${name} "${ARGN}")
endfunction()

# The objects of `target` as response-file lines: each path quoted (gcc and clang read @file that way).
function(_kata_rsp_lines out target)
  set(${out} "\"$<JOIN:$<TARGET_OBJECTS:${target}>,\"\n\">\"\n" PARENT_SCOPE)
endfunction()

# Sets up lesson `num`'s toolbox (called by kata_add_lesson with the toolbox lessons' names).
function(_kata_toolbox name num lessons)
  set(table "")
  set(reference "")
  set(solutions "")
  foreach(t IN LISTS lessons)
    string(SUBSTRING "${t}" 0 2 n)
    if(NOT TARGET kata_${n}_solution)
      message(FATAL_ERROR "kata_lesson_toolbox(${name}): lesson ${t} must be added (kata_add_lesson) before ${name}")
    endif()
    string(APPEND table "${t}\t$<JOIN:$<TARGET_OBJECTS:kata_${n}_solution>,|>\t"
                        "$<JOIN:$<TARGET_OBJECTS:kata_${n}_learner>,|>\t"
                        "$<JOIN:$<TARGET_OBJECTS:kata_${n}_learner_optimized>,|>\n")
    _kata_rsp_lines(lines kata_${n}_solution)
    string(APPEND reference "${lines}")
    list(APPEND solutions kata_${n}_solution)
  endforeach()
  set(dir "${CMAKE_BINARY_DIR}/kata-toolbox")
  file(GENERATE OUTPUT "${dir}/${name}.tsv" CONTENT "${table}")
  file(GENERATE OUTPUT "${dir}/${name}-reference.rsp" CONTENT "${reference}")
  set(checks "${CMAKE_BINARY_DIR}/kata-state/${name}.toolbox-checks.rsp")
  set(run "${CMAKE_BINARY_DIR}/kata-state/${name}.toolbox-run.rsp")
  # Created when missing (and reset when the reference list changes); afterwards the CLI owns them.
  add_custom_command(OUTPUT "${checks}" "${run}"
                     COMMAND "${CMAKE_COMMAND}" -E copy "${dir}/${name}-reference.rsp" "${checks}"
                     COMMAND "${CMAKE_COMMAND}" -E copy "${dir}/${name}-reference.rsp" "${run}"
                     DEPENDS "${dir}/${name}-reference.rsp"
                     COMMENT "Toolbox of ${name}: the reference implementations")
  add_custom_target(kata_${num}_toolbox DEPENDS "${checks}" "${run}")
  add_dependencies(kata_${num}_toolbox ${solutions})
  set_property(GLOBAL PROPERTY KATA_TOOLBOX_RSP_${num} "${checks}")
endfunction()

# Links lesson `num`'s toolbox into a learner executable through the response file `rsp`.
function(_kata_link_toolbox_rsp target num rsp)
  target_link_options(${target} PRIVATE "@${rsp}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${rsp}")
  add_dependencies(${target} kata_${num}_toolbox)
endfunction()

# For tests/memcheck: the memory check's executable of lesson `num` links the checks' toolbox (no-op for a
# lesson without a toolbox).
function(kata_link_toolbox target num)
  get_property(rsp GLOBAL PROPERTY KATA_TOOLBOX_RSP_${num})
  if(rsp)
    _kata_link_toolbox_rsp(${target} ${num} "${rsp}")
  endif()
endfunction()

function(kata_add_lesson name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "HOME;PACK" "")
  if(NOT name MATCHES "^([0-9][0-9])_([a-z0-9_]+)$")
    message(FATAL_ERROR "kata_add_lesson(): lesson folder must look like NN_topic, got '${name}'")
  endif()
  set(num "${CMAKE_MATCH_1}")
  set(root "${PROJECT_SOURCE_DIR}")
  if(arg_HOME)
    set(root "${arg_HOME}")
  endif()
  set(lesson_dir "${root}/lessons/${name}")
  # A lesson still being written (no folder yet) is left out; a half-present one is an error.
  if(NOT IS_DIRECTORY "${lesson_dir}")
    message(STATUS "kata: lesson ${name} not present yet, skipped")
    return()
  endif()
  foreach(part IN ITEMS "solutions/${name}" "tests/${name}")
    if(NOT IS_DIRECTORY "${root}/${part}")
      message(FATAL_ERROR "kata_add_lesson(${name}): missing folder ${part}")
    endif()
  endforeach()
  # Target names carry the number: two lessons with one number cannot both be built.
  get_property(taken GLOBAL PROPERTY KATA_LESSON_NUMBER_${num})
  if(taken)
    message(FATAL_ERROR "kata_add_lesson(${name}): number ${num} is taken by ${taken}")
  endif()
  set_property(GLOBAL PROPERTY KATA_LESSON_NUMBER_${num} "${name}")
  get_property(toolbox GLOBAL PROPERTY KATA_TOOLBOX_${name})
  set(_kata_toolbox_dirs "")         # read by _kata_lesson_library()
  set(_kata_toolbox_solutions "")
  foreach(t IN LISTS toolbox)
    string(SUBSTRING "${t}" 0 2 n)
    list(APPEND _kata_toolbox_dirs "${PROJECT_SOURCE_DIR}/lessons/${t}")
    list(APPEND _kata_toolbox_solutions kata_${n}_solution)
  endforeach()
  file(GLOB learner_src CONFIGURE_DEPENDS "${lesson_dir}/*.cpp")
  file(GLOB solution_src CONFIGURE_DEPENDS "${root}/solutions/${name}/*.cpp")
  file(GLOB test_src CONFIGURE_DEPENDS "${root}/tests/${name}/*.cpp")

  # The learner's code is compiled twice: at -O0 for the checks, where every save waits for it (a complete
  # lesson file: ~0.8 s instead of ~1.5 s at -O1, and the checks run as fast), and at -O2 (kata_optimize)
  # for the experiment, which only `kata run` builds.
  _kata_lesson_library(kata_${num}_learner "${learner_src}" "${lesson_dir}" kata_learner_warnings kata_pch_checks)
  _kata_lesson_library(kata_${num}_learner_optimized "${learner_src}" "${lesson_dir}" kata_learner_warnings
                       kata_pch_lib)
  _kata_lesson_library(kata_${num}_solution "${solution_src}" "${lesson_dir}" kata_warnings kata_pch_lib)
  # The memory check: the learner's code once more, under AddressSanitizer + UBSan. Built only when
  # `kata check` asks for it (a lesson whose checks all pass); its executable is in tests/memcheck/.
  _kata_lesson_library(kata_${num}_learner_memcheck "${learner_src}" "${lesson_dir}" kata_learner_warnings
                       kata_pch_memcheck)
  target_link_libraries(kata_${num}_learner_memcheck PRIVATE kata_compile_fast kata_memcheck)
  set_target_properties(kata_${num}_learner_memcheck PROPERTIES EXCLUDE_FROM_ALL TRUE)
  set_property(GLOBAL APPEND PROPERTY KATA_MEMCHECK_LESSONS "${num}")

  add_library(kata_${num}_tests OBJECT ${test_src})
  target_link_libraries(kata_${num}_tests PUBLIC kata_test_support PRIVATE kata_warnings kata_instrument_tests)
  target_include_directories(kata_${num}_tests PRIVATE "${lesson_dir}" ${_kata_toolbox_dirs})
  target_precompile_headers(kata_${num}_tests REUSE_FROM kata_pch_test)

  _kata_test_executable(test_${num}_learner kata_${num}_tests kata_${num}_learner ${name} learner)
  _kata_test_executable(test_${num}_solution kata_${num}_tests kata_${num}_solution ${name} solution)
  if(toolbox)
    _kata_toolbox(${name} ${num} "${toolbox}")
    get_property(checks_rsp GLOBAL PROPERTY KATA_TOOLBOX_RSP_${num})
    _kata_link_toolbox_rsp(test_${num}_learner ${num} "${checks_rsp}")
    target_link_libraries(test_${num}_solution PRIVATE ${_kata_toolbox_solutions})
  endif()

  # An instructor's extra checks (kata grade --extra-tests DIR): DIR/NN_topic/*.cpp, Boost.Test cases without
  # a module, compiled against the learner's code like the lesson's own checks.
  if(KATA_EXTRA_TESTS AND IS_DIRECTORY "${KATA_EXTRA_TESTS}/${name}")
    file(GLOB extra_src CONFIGURE_DEPENDS "${KATA_EXTRA_TESTS}/${name}/*.cpp")
    if(extra_src)
      add_executable(test_${num}_extra ${extra_src})
      target_include_directories(test_${num}_extra PRIVATE "${lesson_dir}" "${PROJECT_SOURCE_DIR}/tests/support")
      target_link_libraries(test_${num}_extra PRIVATE kata_${num}_learner kata_test_main kata_warnings
                                                       kata_instrument_tests)
      target_precompile_headers(test_${num}_extra REUSE_FROM kata_pch_test)
    endif()
  endif()

  set(experiment "${root}/experiments/${name}.cpp")
  set(has_experiment 0)
  if(EXISTS "${experiment}")
    set(has_experiment 1)
    # Compiled once, linked twice: the experiment only calls the contract.
    add_library(kata_${num}_experiment OBJECT "${experiment}")
    target_include_directories(kata_${num}_experiment PRIVATE "${lesson_dir}" ${_kata_toolbox_dirs})
    target_link_libraries(kata_${num}_experiment PRIVATE kata_support kata_warnings kata_optimize kata_instrument)
    target_precompile_headers(kata_${num}_experiment REUSE_FROM kata_pch_lib)
    add_executable(experiment_${num}_learner)
    target_link_libraries(experiment_${num}_learner PRIVATE kata_${num}_experiment kata_${num}_learner_optimized
                                                            kata_instrument)
    add_executable(experiment_${num}_solution)
    target_link_libraries(experiment_${num}_solution PRIVATE kata_${num}_experiment kata_${num}_solution
                                                             kata_instrument)
    if(toolbox)
      _kata_link_toolbox_rsp(experiment_${num}_learner ${num}
                             "${CMAKE_BINARY_DIR}/kata-state/${name}.toolbox-run.rsp")
      target_link_libraries(experiment_${num}_solution PRIVATE ${_kata_toolbox_solutions})
    endif()
  endif()

  set(n_mistakes 0)
  if(KATA_MISTAKES)
    file(GLOB mistakes CONFIGURE_DEPENDS "${root}/tests/mistakes/${name}/*.mistake")
    foreach(mistake IN LISTS mistakes)
      get_filename_component(stem "${mistake}" NAME_WE)
      _kata_add_mistake(${name} ${num} ${stem} "${mistake}" "${solution_src}" "${lesson_dir}")
      math(EXPR n_mistakes "${n_mistakes} + 1")
    endforeach()
  endif()

  # Manifest row: number, name, learner sources, solution sources (relative to the workspace's root when
  # under it, else absolute), has experiment, mistakes, pack, home.
  string(REPLACE ";" "," learner_rel "${learner_src}")
  string(REPLACE "${PROJECT_SOURCE_DIR}/" "" learner_rel "${learner_rel}")
  string(REPLACE ";" "," solution_rel "${solution_src}")
  string(REPLACE "${PROJECT_SOURCE_DIR}/" "" solution_rel "${solution_rel}")
  set(pack "-")
  if(arg_PACK)
    set(pack "${arg_PACK}")
  endif()
  _kata_under_root("${root}" home)
  set_property(GLOBAL APPEND PROPERTY KATA_MANIFEST
    "${num}\t${name}\t${learner_rel}\t${solution_rel}\t${has_experiment}\t${n_mistakes}\t${pack}\t${home}")
endfunction()

# `path` as the manifest writes it: relative to the workspace's root when under it ("." for the root
# itself), else absolute. The CLI reads it against the root it runs in, whatever that root's spelling.
function(_kata_under_root path out_var)
  if(path STREQUAL PROJECT_SOURCE_DIR)
    set(path ".")
  else()
    string(FIND "${path}" "${PROJECT_SOURCE_DIR}/" at)
    if(at EQUAL 0)
      string(LENGTH "${PROJECT_SOURCE_DIR}/" skip)
      string(SUBSTRING "${path}" ${skip} -1 path)
    endif()
  endif()
  set(${out_var} "${path}" PARENT_SCOPE)
endfunction()

# ---- lesson packs ---------------------------------------------------------------------------------------
# A pack is a folder with the workspace's layout for its own lessons (lessons/, solutions/, tests/,
# tests/mistakes/, experiments/, tests/stubs.sha256). Packs come from KATA_LESSON_PACKS (folders separated
# by ':', relative ones taken from the workspace's root) and from every subfolder of packs/ at the root.
# kata_end_manifest() adds their lessons after the core lessons, each pack's in the order of its folder names.
#
# A broken pack must never break the core lessons: everything that would stop configure (a lesson folder
# misnamed, a number already taken, a missing solutions/ or tests/ folder, a folder without sources) is
# checked here first, and such a lesson is left out with a "!" row in the manifest that the CLI shows as
# "pack X: reason". Code that does not compile fails only that lesson's own targets.
function(_kata_add_lesson_packs)
  set(dirs "")
  string(REPLACE ":" ";" listed "${KATA_LESSON_PACKS}")
  foreach(dir IN LISTS listed)
    if(NOT dir STREQUAL "")
      get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${PROJECT_SOURCE_DIR}")
      list(APPEND dirs "${dir}")
    endif()
  endforeach()
  file(GLOB children LIST_DIRECTORIES true "${PROJECT_SOURCE_DIR}/packs/*")
  list(SORT children)
  set(child_names "")
  foreach(child IN LISTS children)
    get_filename_component(base "${child}" NAME)
    if(IS_DIRECTORY "${child}" AND NOT base MATCHES "^\\.")
      list(APPEND dirs "${child}")
      list(APPEND child_names "${base}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES dirs)
  set(shown "")
  foreach(dir IN LISTS dirs)
    _kata_add_pack("${dir}")
    _kata_under_root("${dir}" rel)
    list(APPEND shown "${rel}")
  endforeach()
  string(REPLACE ";" ":" child_names "${child_names}")
  set_property(GLOBAL PROPERTY KATA_PACKS_HEADER "#packs\t${KATA_LESSON_PACKS}\t${child_names}\t${shown}")
endfunction()

function(_kata_pack_problem pack dir lesson reason)
  message(WARNING "kata: lesson pack ${pack} (${dir}): ${lesson}: ${reason}; left out, the other lessons are not affected")
  _kata_under_root("${dir}" dir)
  set_property(GLOBAL APPEND PROPERTY KATA_MANIFEST "!\t${pack}\t${dir}\t${lesson}\t${reason}")
endfunction()

function(_kata_add_pack dir)
  get_filename_component(pack "${dir}" NAME)
  if(NOT IS_DIRECTORY "${dir}")
    _kata_pack_problem("${pack}" "${dir}" "-" "the folder does not exist")
    return()
  endif()
  if(NOT IS_DIRECTORY "${dir}/lessons")
    _kata_pack_problem("${pack}" "${dir}" "-" "no lessons/ folder (a pack has the workspace's layout: lessons/, solutions/, tests/)")
    return()
  endif()
  file(GLOB entries LIST_DIRECTORIES true "${dir}/lessons/*")
  list(SORT entries)
  set(found 0)
  foreach(entry IN LISTS entries)
    get_filename_component(name "${entry}" NAME)
    if(NOT IS_DIRECTORY "${entry}" OR name MATCHES "^\\.")
      continue()
    endif()
    set(found 1)
    _kata_pack_lesson_problem("${dir}" "${name}" reason)
    if(reason)
      _kata_pack_problem("${pack}" "${dir}" "${name}" "${reason}")
    else()
      kata_add_lesson(${name} HOME "${dir}" PACK "${pack}")
    endif()
  endforeach()
  if(NOT found)
    _kata_pack_problem("${pack}" "${dir}" "-" "lessons/ holds no lesson folder (NN_topic)")
  endif()
endfunction()

# Why the lesson `name` of the pack in `dir` cannot be added (in `out_var`), or "" when it can.
function(_kata_pack_lesson_problem dir name out_var)
  set(reason "")
  if(NOT name MATCHES "^([0-9][0-9])_[a-z0-9_]+$")
    set(reason "lessons/${name}: a lesson folder is named NN_topic (two digits, then lower-case letters, digits, _)")
  else()
    get_property(taken GLOBAL PROPERTY KATA_LESSON_NUMBER_${CMAKE_MATCH_1})
    if(taken)
      set(reason "${name}: the number ${CMAKE_MATCH_1} is taken by ${taken}; give the lesson another number")
    endif()
  endif()
  if(NOT reason)
    foreach(part IN ITEMS "lessons/${name}" "solutions/${name}" "tests/${name}")
      file(GLOB sources "${dir}/${part}/*.cpp")
      if(NOT IS_DIRECTORY "${dir}/${part}")
        set(reason "${name}: missing folder ${part}")
        break()
      elseif(NOT sources)
        set(reason "${name}: no .cpp file in ${part}")
        break()
      endif()
    endforeach()
  endif()
  set(${out_var} "${reason}" PARENT_SCOPE)
endfunction()

# One catalogued mistake: the solution with one edit applied (by kata_apply_mistake, into the build
# tree: the source tree is never touched), linked against the lesson's test objects. It is ONE ctest
# test expected to fail (WILL_FAIL): the gate is "at least one check catches it".
function(_kata_add_mistake name num stem mistake solution_src lesson_dir)
  set(out_dir "${CMAKE_BINARY_DIR}/mistakes/${name}/${stem}")
  set(sources "")
  foreach(src IN LISTS solution_src)
    get_filename_component(base "${src}" NAME)
    list(APPEND sources "${out_dir}/${base}")
  endforeach()
  add_custom_command(
    OUTPUT ${sources}
    COMMAND kata_apply_mistake "${mistake}" "${out_dir}" ${solution_src}
    DEPENDS kata_apply_mistake "${mistake}" ${solution_src}
    COMMENT "Applying mistake ${name}/${stem}")
  set(target test_${num}_mistake_${stem})
  _kata_lesson_library(kata_${num}_mistake_${stem} "${sources}" "${lesson_dir}" kata_learner_warnings kata_pch_lib)
  add_executable(${target})
  target_link_libraries(${target} PRIVATE kata_${num}_tests kata_${num}_mistake_${stem} kata_test_main
                                          kata_instrument_tests ${_kata_toolbox_solutions})
  add_test(NAME "${name}/mistake/${stem}" COMMAND ${target} --log_level=error --report_level=no
           --color_output=no WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties("${name}/mistake/${stem}" PROPERTIES WILL_FAIL TRUE LABELS "mistake;${name}"
                       TIMEOUT 60)
endfunction()

# Registers each Boost.Test case of `target` as its own CTest test. Discovery runs the executable with
# --list_content when CTest starts and the executable is newer than its list (like
# gtest_discover_tests' PRE_TEST mode), so a new case needs no CMake re-run, and rebuilding after a
# learner's edit — on the path from save to verdict — does not pay for it.
function(kata_discover_tests target lesson variant)
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_tests.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake")
  file(GENERATE OUTPUT "${include_file}" CONTENT
"set(EXE [==[$<TARGET_FILE:${target}>]==])
set(OUT [==[${list_file}]==])
if(EXISTS \"\${EXE}\" AND (NOT EXISTS \"\${OUT}\" OR \"\${EXE}\" IS_NEWER_THAN \"\${OUT}\"))
  set(PREFIX [==[${lesson}/${variant}]==])
  set(LABELS \"${lesson};${variant}\")
  set(TIMEOUT ${KATA_TEST_TIMEOUT})
  set(WORKDIR [==[${PROJECT_SOURCE_DIR}]==])
  include([==[${KATA_CMAKE_DIR}/KataDiscoverTests.cmake]==])
endif()
if(EXISTS \"\${OUT}\")
  include(\"\${OUT}\")
endif()
")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()

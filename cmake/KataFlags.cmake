# Compiler flags live on INTERFACE targets, never globally.

# kata_warnings: for code we own (support, solutions, tests, CLI). -Werror under KATA_WERROR (ci preset).
add_library(kata_warnings INTERFACE)
target_compile_options(kata_warnings INTERFACE -Wall -Wextra -Wpedantic $<$<BOOL:${KATA_WERROR}>:-Werror>)

# kata_learner_warnings: learner code is work in progress; warn, never fail the build. Stubs keep their
# parameter names and the contract's private fields, so "unused" is not worth a warning there.
add_library(kata_learner_warnings INTERFACE)
target_compile_options(kata_learner_warnings INTERFACE -Wall -Wextra -Wno-unused-parameter
                       $<$<CXX_COMPILER_ID:Clang,AppleClang>:-Wno-unused-private-field>)

# kata_compile_fast: -O0 for the learner's code under check. After a save, compiling that one file is most
# of the wait; its run time in the checks is milliseconds either way (lessons 02, 04, 05, 11 measured).
add_library(kata_compile_fast INTERFACE)
target_compile_options(kata_compile_fast INTERFACE -O0)

# kata_optimize: code that runs in the experiments, where a learner waits for the numbers: support/ (the
# network), the experiments, the learner's copy of a lesson linked into them, and the solutions (the
# reference side of `kata run`). -O2 instead of the dev preset's -O1: the experiments' loops and Armadillo's
# expression templates run 1.5-3x faster (README, "How it is built"); no -ffast-math and no -march, so
# every number an experiment prints stays the same. Compile time is not on the save-to-verdict path: the
# learner's code under check is kata_compile_fast (-O0), the checks are -O0. Off under coverage (its -O0
# keeps the line counts honest) and the sanitizers (their reports keep -O1's line numbers).
add_library(kata_optimize INTERFACE)
if(NOT KATA_COVERAGE AND NOT KATA_SANITIZE)
  target_compile_options(kata_optimize INTERFACE -O2)
endif()

# kata_instrument: coverage and sanitizers, applied to the code under test (learner, solution, support).
add_library(kata_instrument INTERFACE)
# kata_instrument_tests: for the checks themselves. Coverage flags match the code under test (the shared
# precompiled headers need the same -O level), but no sanitizer instrumentation: it would quadruple the
# compile time of the test files (10-23 s each under ASan) and check the checks, not the learner's code.
# The executables still link the sanitizer runtime.
# The checks compile at -O0 in every preset: 2-3x faster to compile than -O1 (lessons 05 and 11: 13 s -> 5 s)
# and their run time is spent in the code under test, which keeps the preset's -O level.
add_library(kata_instrument_tests INTERFACE)
target_compile_options(kata_instrument_tests INTERFACE -O0)
if(KATA_COVERAGE)
  foreach(t IN ITEMS kata_instrument kata_instrument_tests)
    target_compile_options(${t} INTERFACE --coverage -O0 -fno-inline)
    target_link_options(${t} INTERFACE --coverage)
  endforeach()
endif()
if(KATA_SANITIZE)
  target_compile_options(kata_instrument INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=undefined)
  target_link_options(kata_instrument INTERFACE -fsanitize=address,undefined)
  target_link_options(kata_instrument_tests INTERFACE -fsanitize=address,undefined)
endif()

# kata_memcheck: the learner's code for the memory check that `kata check` runs once every check of a
# lesson passes (AddressSanitizer + UBSan; DESIGN.md: a lesson is done only when its checks also pass
# there). Only the learner's code is instrumented; the checks and support/ are not, which keeps that extra
# build to one file (~1-2 s) instead of a second build tree.
add_library(kata_memcheck INTERFACE)
set(KATA_MEMCHECK_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_FLAGS "-fsanitize=address,undefined")
set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=address,undefined")
check_cxx_source_compiles("int main() { return 0; }" KATA_HAS_SANITIZERS)
unset(CMAKE_REQUIRED_FLAGS)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
if(KATA_HAS_SANITIZERS)
  target_compile_options(kata_memcheck INTERFACE ${KATA_MEMCHECK_FLAGS})
  target_link_options(kata_memcheck INTERFACE -fsanitize=address,undefined)
endif()

# A faster linker when the toolchain has one: relinking a lesson's test executable after each save is
# on the learner's critical path (GNU ld ~0.3 s, gold or lld about half). Every executable that runs
# under test links kata_instrument, so the choice rides along with it.
include(CheckLinkerFlag)
set(KATA_LINKER "auto" CACHE STRING "Linker for test executables and experiments: auto, gold, lld or default")
set(_kata_fuse_ld "")
if(KATA_LINKER STREQUAL "auto")
  foreach(candidate IN ITEMS gold lld)
    check_linker_flag(CXX "-fuse-ld=${candidate}" KATA_HAS_LD_${candidate})
    if(KATA_HAS_LD_${candidate})
      set(_kata_fuse_ld "-fuse-ld=${candidate}")
      break()
    endif()
  endforeach()
elseif(NOT KATA_LINKER STREQUAL "default")
  set(_kata_fuse_ld "-fuse-ld=${KATA_LINKER}")
endif()
if(_kata_fuse_ld)
  target_link_options(kata_instrument INTERFACE ${_kata_fuse_ld})
  target_link_options(kata_instrument_tests INTERFACE ${_kata_fuse_ld})
endif()

# The link driver. Debian's clang++ spends ~90 ms loading libLLVM before it does anything, and a re-check
# links once: with g++ as the driver (same linker, same libstdc++) relinking test_11_learner takes 0.12 s
# instead of 0.21 s. Only where nothing needs clang's own runtimes (coverage and sanitizers do), and only
# when both drivers find the same libstdc++.
# The memory-check executables need the compiler's own driver (its sanitizer runtime): they are defined in
# tests/memcheck/, which puts this default rule back.
set(KATA_DEFAULT_CXX_LINK_EXECUTABLE "${CMAKE_CXX_LINK_EXECUTABLE}")
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND NOT KATA_COVERAGE AND NOT KATA_SANITIZE)
  find_program(KATA_GXX_DRIVER g++)
  if(KATA_GXX_DRIVER)
    execute_process(COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=libstdc++.so
                    OUTPUT_VARIABLE _kata_clang_libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND "${KATA_GXX_DRIVER}" -print-file-name=libstdc++.so
                    OUTPUT_VARIABLE _kata_gxx_libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
    file(REAL_PATH "${_kata_clang_libstdcxx}" _kata_clang_libstdcxx)
    file(REAL_PATH "${_kata_gxx_libstdcxx}" _kata_gxx_libstdcxx)
    if(_kata_clang_libstdcxx STREQUAL _kata_gxx_libstdcxx)
      set(CMAKE_CXX_LINK_EXECUTABLE
          "${KATA_GXX_DRIVER} <FLAGS> <CMAKE_CXX_LINK_FLAGS> <LINK_FLAGS> <OBJECTS> -o <TARGET> <LINK_LIBRARIES>")
    endif()
  endif()
endif()

# The CLI reads whether the memory check can run from build/<preset>/kata_config.tsv.
if(KATA_HAS_SANITIZERS)
  file(APPEND "${CMAKE_BINARY_DIR}/kata_config.tsv" "memcheck\t1\n")
else()
  file(APPEND "${CMAKE_BINARY_DIR}/kata_config.tsv" "memcheck\t0\n")
endif()

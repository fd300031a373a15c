# Finds the system packages the workspace needs. A missing one stops configure with the exact command
# that installs it (the ./kata launcher normally installs everything before this runs).

function(_kata_missing what)
  message(FATAL_ERROR
    "dl-practice-kata: ${what} was not found.\n"
    "Install the workspace's packages with one of:\n"
    "  ./kata setup            (detects apt, dnf, pacman or brew)\n"
    "  sudo apt-get install -y g++ clang llvm libclang-rt-dev cmake ninja-build libarmadillo-dev libboost-test-dev libcli11-dev libpugixml-dev nlohmann-json3-dev libssl-dev gcovr gnuplot-nox\n"
    "  sudo dnf install -y gcc-c++ clang llvm compiler-rt cmake ninja-build armadillo-devel boost-devel cli11-devel pugixml-devel json-devel openssl-devel gcovr gnuplot\n"
    "  sudo pacman -S --needed gcc clang llvm compiler-rt cmake ninja armadillo boost cli11 pugixml nlohmann-json openssl gcovr gnuplot\n"
    "  brew install cmake ninja armadillo boost cli11 pugixml nlohmann-json openssl@3 gcovr gnuplot")
endfunction()

find_package(Armadillo QUIET)
if(NOT ARMADILLO_FOUND)
  _kata_missing("Armadillo (libarmadillo-dev)")
endif()
if(NOT TARGET kata_armadillo)
  add_library(kata_armadillo INTERFACE)
  target_include_directories(kata_armadillo SYSTEM INTERFACE ${ARMADILLO_INCLUDE_DIRS})
  target_link_libraries(kata_armadillo INTERFACE ${ARMADILLO_LIBRARIES})
endif()

# Boost.Test as a shared library: the header-only variant costs ~16 s per test file on 2 cores.
find_package(Boost 1.71 QUIET COMPONENTS unit_test_framework)
if(NOT Boost_UNIT_TEST_FRAMEWORK_FOUND)
  _kata_missing("Boost.Test shared library (libboost-test-dev)")
endif()

# OpenSSL's libcrypto: SHA-256 (EVP_Digest*) of the datasets, and of files for the CLI (verdicts follow
# contents; the shipped-stub record), instead of a hand-written hash.
find_package(OpenSSL QUIET COMPONENTS Crypto)
if(NOT OpenSSL_Crypto_FOUND OR NOT TARGET OpenSSL::Crypto)
  _kata_missing("OpenSSL's libcrypto (libssl-dev; with Homebrew's keg-only openssl@3, configure with -DOPENSSL_ROOT_DIR=$(brew --prefix openssl@3))")
endif()

find_package(CLI11 QUIET CONFIG)
if(NOT CLI11_FOUND)
  find_path(KATA_CLI11_INCLUDE CLI/CLI.hpp)
  if(NOT KATA_CLI11_INCLUDE)
    _kata_missing("CLI11 (libcli11-dev)")
  endif()
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE ${KATA_CLI11_INCLUDE})
endif()

# pugixml: the CLI reads Boost.Test's and CTest's JUnit reports with it (a real XML parser, not string search).
find_package(pugixml QUIET CONFIG)
if(NOT TARGET pugixml::pugixml)
  _kata_missing("pugixml (libpugixml-dev)")
endif()

# nlohmann/json: the CLI writes results in Exercism's test-runner format (results.json) with it.
find_package(nlohmann_json 3.2 QUIET CONFIG)
if(NOT TARGET nlohmann_json::nlohmann_json)
  _kata_missing("nlohmann/json (nlohmann-json3-dev)")
endif()

find_program(KATA_GNUPLOT gnuplot)
find_program(KATA_GCOVR gcovr)

# gcovr reads the coverage counters through the compiler's own gcov: `llvm-cov gcov` for clang (GCC's
# gcov cannot read clang's format), gcov-N for g++ N. The CLI reads it, and the per-check time limit,
# from build/<preset>/kata_config.tsv.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  string(REGEX MATCH "^[0-9]+" _kata_major "${CMAKE_CXX_COMPILER_VERSION}")
  find_program(KATA_LLVM_COV NAMES llvm-cov-${_kata_major} llvm-cov)
  set(_kata_gcov "gcov")
  if(KATA_LLVM_COV)
    set(_kata_gcov "${KATA_LLVM_COV} gcov")
  elseif(KATA_COVERAGE)
    _kata_missing("llvm-cov (package llvm), which reads clang's coverage counters")
  endif()
else()
  string(REGEX MATCH "^[0-9]+" _kata_major "${CMAKE_CXX_COMPILER_VERSION}")
  find_program(KATA_GCOV NAMES gcov-${_kata_major} gcov)
  set(_kata_gcov "${KATA_GCOV}")
endif()
file(WRITE "${CMAKE_BINARY_DIR}/kata_config.tsv" "gcov\t${_kata_gcov}\ntest_timeout\t${KATA_TEST_TIMEOUT}\n")

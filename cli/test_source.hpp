// Where each check is written, and its source: the `test_code` of a machine-readable result (Exercism's
// test-runner interface asks for the test's code), read from the place Boost.Test itself names.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace kata::cli {

struct SourceLocation {
  std::string file;  // as Boost.Test names it: the file's name ("dropout_test.cpp")
  int line = 0;      // the line of the BOOST_AUTO_TEST_CASE / BOOST_DATA_TEST_CASE
};

// Every check of a test program and where it is written (Boost.Test's --list_content=DOT). Empty when
// the program does not start.
std::map<std::string, SourceLocation> check_locations(const std::filesystem::path& exe,
                                                      const std::filesystem::path& working_dir);

// The test case's code: from its line in `tests_dir/file` to the brace that closes its body (at most 80
// lines). "" when the file cannot be read.
std::string test_code(const std::filesystem::path& tests_dir, const SourceLocation& where);

}  // namespace kata::cli

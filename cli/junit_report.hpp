// Reading JUnit reports with pugixml: Boost.Test's (the one source of a check's verdict) and CTest's (the
// selftest's mistakes-catalog and CLI gates).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kata::cli {

// One <testcase> of Boost.Test's JUnit report (--logger=JUNIT,error,FILE).
struct ReportedCase {
  enum class Status { passed, failed, skipped };
  std::string name;                   // "suite/case" (Boost.Test's full name)
  Status status = Status::failed;
  std::vector<std::string> problems;  // what each <failure>/<error> said, framing removed
  bool system_error = false;          // a crash Boost.Test caught and carried on from
  double seconds = 0;
};

struct BoostReport {
  bool readable = false;   // the file exists and is a complete, well-formed report
  std::string error;       // why not, when !readable
  std::vector<ReportedCase> cases;
};

BoostReport read_boost_report(const std::filesystem::path& file);

// One <testcase> of CTest's --output-junit report.
struct CTestCase {
  std::string name;        // the CTest test name
  bool passed = false;
  bool timed_out = false;
  std::string output;      // the test's output (<system-out>)
};

std::vector<CTestCase> read_ctest_report(const std::filesystem::path& file);

}  // namespace kata::cli

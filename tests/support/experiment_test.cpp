// The experiment frame: unfinished learner code ends an experiment with a clear message, not a crash.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "kata/errors.hpp"
#include "kata/experiment.hpp"

namespace {
// Captures std::cout and std::cerr while alive.
struct Capture {
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  ~Capture() {
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
  }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(experiment)

BOOST_AUTO_TEST_CASE(success_prints_the_title_and_returns_0) {
  ::setenv("KATA_VARIANT", "solution", 1);
  Capture c;
  const int rc = kata::run_experiment("99 demo", [] { std::cout << "numbers\n"; });
  ::unsetenv("KATA_VARIANT");
  BOOST_TEST(rc == 0);
  BOOST_TEST(c.out.str() == "== 99 demo (solution code) ==\nnumbers\n");
}

BOOST_AUTO_TEST_CASE(unfinished_learner_code_names_the_function_and_returns_3) {
  Capture c;
  const int rc = kata::run_experiment("99 demo", [] {
    throw kata::NotImplemented("dropout_forward", "/x/lessons/04_dropout/dropout.cpp", 7);
  });
  BOOST_TEST(rc == 3);
  BOOST_TEST(c.err.str().find("not implemented yet: dropout_forward() in lessons/04_dropout/dropout.cpp:7") !=
             std::string::npos, c.err.str());
  BOOST_TEST(kata::experiment_variant() == "");
}

BOOST_AUTO_TEST_CASE(other_errors_are_reported_and_return_1) {
  Capture c;
  const int rc = kata::run_experiment("99 demo", [] { throw std::runtime_error("load_dataset(): boom"); });
  BOOST_TEST(rc == 1);
  BOOST_TEST(c.err.str() == "experiment failed: load_dataset(): boom\n");
}

BOOST_AUTO_TEST_SUITE_END()

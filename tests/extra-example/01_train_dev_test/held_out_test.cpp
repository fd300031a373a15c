// An example of an instructor's extra checks for `kata grade --extra-tests tests/extra-example`: held-out
// cases the learner never saw. The format is a lesson's own: Boost.Test cases (no BOOST_TEST_MODULE) in
// DIR/NN_topic/*.cpp, including the lesson's contract header and, for teaching messages, kata_test.hpp.
#include <boost/test/unit_test.hpp>

#include "kata_test.hpp"
#include "train_dev_test.hpp"

BOOST_AUTO_TEST_SUITE(held_out)

// 5 + 5 of 10 at 50/50 (no remainder), and 333/333/334 of 1000 at thirds: the largest remainder
// (1000/3 = 333.33 each, 1 left over) goes to the first set, as ties go to the earlier set.
BOOST_AUTO_TEST_CASE(split_sizes_on_unseen_cases) {
  BOOST_TEST((kata::split_sizes(10, {0.5, 0.5}) == std::vector<arma::uword>{5, 5}));
  const double third = 1.0 / 3.0;
  BOOST_TEST((kata::split_sizes(1000, {third, third, third}) == std::vector<arma::uword>{334, 333, 333}));
}

// Total variation distance of {0, 1} against {1, 1}: 0.5 * (|0.5 - 0| + |0.5 - 1|) = 0.5.
BOOST_AUTO_TEST_CASE(distribution_distance_on_an_unseen_case) {
  kata::test::check_close(kata::distribution_distance({0, 1}, {1, 1}), 0.5, 1e-15, "distance({0,1}, {1,1})");
}

BOOST_AUTO_TEST_SUITE_END()

// Lesson 01 checks. Each case is one CTest test ("check"); messages say what was expected and why.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <numeric>
#include <set>

#include "kata_test.hpp"
#include "train_dev_test.hpp"

namespace bdata = boost::unit_test::data;
using kata::test::check_rejects;

namespace {

std::string show(const std::vector<arma::uword>& v) {
  std::string out = "{";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
  return out + "}";
}

// 3 features × m examples where column i is (i, 10 i, 100 i): any column tells which example it is.
arma::mat tagged_examples(arma::uword m) {
  arma::mat X(3, m);
  for (arma::uword i = 0; i < m; ++i) X.col(i) = arma::vec{double(i), 10.0 * i, 100.0 * i};
  return X;
}

// Labels 0,1,2 in blocks, like iris as stored (sorted by class).
arma::urowvec sorted_labels(const std::vector<arma::uword>& counts) {
  std::vector<arma::uword> y;
  for (std::size_t c = 0; c < counts.size(); ++c) y.insert(y.end(), counts[c], c);
  return arma::urowvec(y);
}

// Every index 0..m-1 appears in exactly one set.
void check_partition(const kata::DataSplit& s, arma::uword m, const std::string& fn) {
  std::vector<int> seen(m, 0);
  for (std::size_t k = 0; k < s.indices.size(); ++k)
    for (const arma::uword i : s.indices[k]) {
      if (i >= m) {
        BOOST_ERROR(fn << ": set " << k << " holds index " << i << ", but there are only " << m
                       << " examples");
        return;
      }
      ++seen[i];
    }
  const auto twice = std::count_if(seen.begin(), seen.end(), [](int n) { return n > 1; });
  const auto never = std::count(seen.begin(), seen.end(), 0);
  BOOST_CHECK_MESSAGE(twice == 0, fn << ": " << twice << " example(s) are in more than one set"
                                     << kata::test::hint_suffix("dev and test must not overlap: each set "
                                                                "starts where the previous one ended"));
  BOOST_CHECK_MESSAGE(never == 0, fn << ": " << never << " example(s) are in no set"
                                     << kata::test::hint_suffix("the sizes must add up to m: did the "
                                                                "floor() remainders get lost?"));
}

// X[k] and y[k] must be exactly the input columns named by indices[k].
void check_paired(const kata::DataSplit& s, const arma::mat& X, const arma::urowvec& y,
                  const std::string& fn) {
  BOOST_REQUIRE_MESSAGE(s.X.size() == s.indices.size() && s.y.size() == s.indices.size(),
                        fn << ": X, y and indices must have one entry per set");
  for (std::size_t k = 0; k < s.indices.size(); ++k) {
    kata::test::check_mat_close(s.X[k], X.cols(s.indices[k]), 0.0, fn + ": X of set " + std::to_string(k),
                                "X[k] must be X.cols(indices[k])");
    kata::test::check_mat_close(s.y[k], y.cols(s.indices[k]), 0.0, fn + ": y of set " + std::to_string(k),
                                "each label must stay with its example: use ONE permutation for X and y");
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(split_sizes)

struct SizeCase {
  arma::uword m;
  std::vector<double> ratios;
  std::vector<arma::uword> expected;
  const char* why;
};
std::ostream& operator<<(std::ostream& out, const SizeCase& c) { return out << "m = " << c.m; }

const SizeCase size_cases[] = {
    {100, {0.71, 0.29}, {71, 29}, "100 * 0.29 is 28.999999999999996 in floating point: it must count as 29"},
    {100, {0.6, 0.2, 0.2}, {60, 20, 20}, "60/20/20 of 100"},
    {497, {0.7, 0.3}, {348, 149}, "347.9 and 149.1: the leftover example goes to the largest fraction (.9)"},
    {10, {0.25, 0.35, 0.4}, {3, 3, 4}, "2.5, 3.5, 4: one leftover, tie .5/.5 goes to the earlier set"},
    {7, {0.5, 0.5}, {4, 3}, "3.5 and 3.5: the tie goes to the earlier set"},
    {1, {0.6, 0.2, 0.2}, {1, 0, 0}, "one example goes to the set with the largest fraction"},
    {150, {0.6, 0.2, 0.2}, {90, 30, 30}, "iris-sized"},
    {1'000'000, {0.98, 0.01, 0.01}, {980'000, 10'000, 10'000}, "big-data split"},
    {1000, {0.995, 0.004, 0.001}, {995, 4, 1}, "99.5/0.4/0.1 of 1000"},
    {11, {0.1, 0.2, 0.7}, {1, 2, 8}, "1.1, 2.2, 7.7: the leftover goes to 7.7"},
};

BOOST_DATA_TEST_CASE(golden_sizes, bdata::make(size_cases), c) {
  const auto got = kata::split_sizes(c.m, c.ratios);
  BOOST_CHECK_MESSAGE(got == c.expected, "split_sizes(" << c.m << ", ...): expected " << show(c.expected)
                                                        << ", got " << show(got)
                                                        << kata::test::hint_suffix(c.why));
}

BOOST_AUTO_TEST_CASE(sizes_always_sum_to_m) {
  kata::Rng rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    const arma::uword m = 1 + static_cast<arma::uword>(rng.randint(0, 5000));
    arma::vec r = rng.rand(3, 1) + 0.01;
    r /= arma::accu(r);
    const auto got = kata::split_sizes(m, {r(0), r(1), r(2)});
    const arma::uword total = std::accumulate(got.begin(), got.end(), arma::uword{0});
    if (total != m) {
      BOOST_ERROR("split_sizes(" << m << ", {" << r(0) << ", " << r(1) << ", " << r(2) << "}) = "
                                 << show(got) << " sums to " << total << ", not m = " << m
                                 << kata::test::hint_suffix("give the leftover examples to the sets with the "
                                                            "largest fractional parts"));
      return;
    }
  }
  BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  check_rejects([] { kata::split_sizes(0, {1.0}); }, "split_sizes()", "m = 0");
  check_rejects([] { kata::split_sizes(10, {}); }, "split_sizes()", "empty ratios");
  check_rejects([] { kata::split_sizes(10, {1.2, -0.2}); }, "split_sizes()", "a negative ratio");
  check_rejects([] { kata::split_sizes(10, {0.5, 0.4}); }, "split_sizes()", "ratios summing to 0.9");
  check_rejects([] { kata::split_sizes(10, {0.5, 0.5 + 2e-9}); }, "split_sizes()", "ratios summing to 1 + 2e-9");
  check_rejects([] { kata::split_sizes(10, {std::nan(""), 1.0}); }, "split_sizes()", "a NaN ratio");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(recommended_ratios)

BOOST_AUTO_TEST_CASE(follows_the_rule_of_thumb) {
  const std::vector<double> small{0.6, 0.2, 0.2}, big{0.98, 0.01, 0.01}, huge{0.995, 0.004, 0.001};
  const std::pair<arma::uword, std::vector<double>> cases[] = {
      {100, small}, {10'000, small}, {10'001, big}, {500'000, big}, {1'000'000, huge}, {50'000'000, huge}};
  for (const auto& [m, expected] : cases) {
    const auto got = kata::recommended_ratios(m);
    BOOST_REQUIRE_MESSAGE(got.size() == 3, "recommended_ratios(" << m << ") must return 3 ratios");
    for (int k = 0; k < 3; ++k)
      kata::test::check_close(got[k], expected[k], 1e-12,
                              "recommended_ratios(" + std::to_string(m) + ")[" + std::to_string(k) + "]",
                              "<= 10,000: 60/20/20; below 1,000,000: 98/1/1; from 1,000,000: 99.5/0.4/0.1");
  }
  check_rejects([] { kata::recommended_ratios(0); }, "recommended_ratios()", "m = 0");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shuffle_split)

BOOST_AUTO_TEST_CASE(sets_are_disjoint_and_complete) {
  kata::Rng rng(0);
  const arma::uword m = 497;
  const auto s = kata::shuffle_split(tagged_examples(m), arma::urowvec(m, arma::fill::zeros), {0.6, 0.2, 0.2}, rng);
  BOOST_REQUIRE_MESSAGE(s.indices.size() == 3, "shuffle_split() with 3 ratios must return 3 sets, got "
                                                   << s.indices.size());
  check_partition(s, m, "shuffle_split()");
  const auto sizes = kata::split_sizes(m, {0.6, 0.2, 0.2});
  for (std::size_t k = 0; k < 3; ++k)
    BOOST_CHECK_MESSAGE(s.indices[k].n_elem == sizes[k], "shuffle_split(): set " << k << " should hold "
                                                                                 << sizes[k] << " examples, got "
                                                                                 << s.indices[k].n_elem);
}

BOOST_AUTO_TEST_CASE(examples_stay_with_their_labels) {
  kata::Rng rng(5);
  const arma::uword m = 60;
  const arma::mat X = tagged_examples(m);
  const arma::urowvec y = arma::regspace<arma::urowvec>(0, m - 1);  // label i for example i
  check_paired(kata::shuffle_split(X, y, {0.5, 0.3, 0.2}, rng), X, y, "shuffle_split()");
}

BOOST_AUTO_TEST_CASE(uses_one_permutation_like_numpy) {
  // The contract fixes the draws: indices are consecutive slices of rng.permutation(m), so the split
  // equals numpy's np.random.seed(3); p = np.random.permutation(20); p[:12], p[12:16], p[16:].
  kata::Rng rng(3), reference(3);
  const arma::uvec p = reference.permutation(20);
  const auto s = kata::shuffle_split(tagged_examples(20), arma::urowvec(20, arma::fill::zeros), {0.6, 0.2, 0.2}, rng);
  BOOST_REQUIRE(s.indices.size() == 3);
  kata::test::check_mat_close(s.indices[0], p.subvec(0, 11), 0.0, "train indices",
                              "shuffle first: train = the first 12 entries of rng.permutation(20)");
  kata::test::check_mat_close(s.indices[1], p.subvec(12, 15), 0.0, "dev indices", "dev = the next 4 entries");
  kata::test::check_mat_close(s.indices[2], p.subvec(16, 19), 0.0, "test indices", "test = the last 4 entries");
}

BOOST_AUTO_TEST_CASE(same_seed_same_split_other_seed_other_split) {
  const arma::mat X = tagged_examples(50);
  const arma::urowvec y(50, arma::fill::zeros);
  kata::Rng a(9), b(9), c(10);
  const auto sa = kata::shuffle_split(X, y, {0.8, 0.2}, a);
  const auto sb = kata::shuffle_split(X, y, {0.8, 0.2}, b);
  const auto sc = kata::shuffle_split(X, y, {0.8, 0.2}, c);
  BOOST_REQUIRE(sa.indices.size() == 2 && sb.indices.size() == 2 && sc.indices.size() == 2);
  BOOST_CHECK_MESSAGE(arma::all(sa.indices[0] == sb.indices[0]), "same seed must give the same split");
  BOOST_CHECK_MESSAGE(arma::any(sa.indices[0] != sc.indices[0]),
                      "seeds 9 and 10 gave the same split: is the rng used at all?");
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  kata::Rng rng(0);
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 5), arma::urowvec(4), {1.0}, rng); }, "shuffle_split()",
                "X with 5 columns and y with 4 labels");
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 5), arma::urowvec(5), {0.7, 0.7}, rng); },
                "shuffle_split()", "ratios summing to 1.4");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stratified_split)

BOOST_AUTO_TEST_CASE(keeps_class_proportions_within_one_example) {
  kata::Rng rng(1);
  const std::vector<arma::uword> counts{50, 30, 17};  // sorted by class, like iris and wine as stored
  const arma::urowvec y = sorted_labels(counts);
  const std::vector<double> ratios{0.6, 0.2, 0.2};
  const auto s = kata::stratified_split(tagged_examples(y.n_elem), y, ratios, rng);
  BOOST_REQUIRE(s.y.size() == 3);
  for (std::size_t k = 0; k < 3; ++k)
    for (arma::uword c = 0; c < counts.size(); ++c) {
      const double got = arma::accu(s.y[k] == c);
      const double target = counts[c] * ratios[k];
      BOOST_CHECK_MESSAGE(std::abs(got - target) < 1.0,
                          "stratified_split(): set " << k << " holds " << got << " examples of class " << c
                                                     << ", expected " << target << " +- 1 ("
                                                     << counts[c] << " x " << ratios[k] << ")"
                                                     << kata::test::hint_suffix("split each class separately "
                                                                                "with split_sizes(count_c, ratios)"));
    }
}

BOOST_AUTO_TEST_CASE(sets_are_disjoint_complete_and_paired) {
  kata::Rng rng(2);
  const arma::urowvec y = sorted_labels({40, 40, 21});
  const arma::mat X = tagged_examples(y.n_elem);
  const auto s = kata::stratified_split(X, y, {0.7, 0.15, 0.15}, rng);
  check_partition(s, y.n_elem, "stratified_split()");
  check_paired(s, X, y, "stratified_split()");
}

BOOST_AUTO_TEST_CASE(is_random_and_reproducible) {
  const arma::urowvec y = sorted_labels({20, 20});
  const arma::mat X = tagged_examples(40);
  kata::Rng a(4), b(4), c(5);
  const auto sa = kata::stratified_split(X, y, {0.5, 0.5}, a);
  const auto sb = kata::stratified_split(X, y, {0.5, 0.5}, b);
  const auto sc = kata::stratified_split(X, y, {0.5, 0.5}, c);
  BOOST_REQUIRE(sa.indices.size() == 2 && sb.indices.size() == 2 && sc.indices.size() == 2);
  BOOST_CHECK_MESSAGE(arma::all(sa.indices[0] == sb.indices[0]), "same seed must give the same split");
  BOOST_CHECK_MESSAGE(arma::any(arma::sort(sa.indices[0]) != arma::sort(sc.indices[0])),
                      "seeds 4 and 5 chose the same examples: shuffle with rng.permutation(m) first");
}

BOOST_AUTO_TEST_CASE(rejects_a_class_too_small_for_every_set) {
  kata::Rng rng(0);
  const arma::urowvec y = sorted_labels({10, 2});
  check_rejects([&] { kata::stratified_split(tagged_examples(12), y, {0.6, 0.2, 0.2}, rng); },
                "stratified_split()", "a class of 2 examples split into 3 sets");
  check_rejects([&] { kata::stratified_split(arma::mat(2, 3), arma::urowvec(4), {1.0}, rng); },
                "stratified_split()", "X with 3 columns and y with 4 labels");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(distribution_distance)

BOOST_AUTO_TEST_CASE(golden_values) {
  using kata::distribution_distance;
  kata::test::check_close(distribution_distance({0, 0, 1, 1}, {0, 0, 0, 1}), 0.25, 1e-15,
                          "distance({0,0,1,1}, {0,0,0,1})", "0.5 * (|0.5 - 0.75| + |0.5 - 0.25|)");
  kata::test::check_close(distribution_distance({0, 1, 2}, {2, 1, 0}), 0.0, 1e-15,
                          "distance of identical proportions");
  kata::test::check_close(distribution_distance({0, 0}, {1, 2}), 1.0, 1e-15, "distance with no class in common",
                          "classes present in only one of the sets count too");
  kata::test::check_close(distribution_distance({0, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 0, 1}), 0.625, 1e-15,
                          "distance({0,1,1,1}, {0 x7, 1})", "use frequencies (count / size), not counts");
}

BOOST_AUTO_TEST_CASE(rejects_empty_labels) {
  check_rejects([] { kata::distribution_distance(arma::urowvec(), {1}); }, "distribution_distance()",
                "empty labels_a");
  check_rejects([] { kata::distribution_distance({1}, arma::urowvec()); }, "distribution_distance()",
                "empty labels_b");
}

BOOST_AUTO_TEST_SUITE_END()

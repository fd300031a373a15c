// Lesson 01 checks. Each case is one CTest test ("check"); messages say what was expected and why.
// The checks are grouped by the README's tasks (each top-level suite's description, "task N: ..."): the
// idea first, suite by suite; the bad-input checks form the last task, "harden it".
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>

#include "kata_test.hpp"
#include "train_dev_test.hpp"

namespace bdata = boost::unit_test::data;
namespace utf = boost::unit_test;
using kata::test::check_rejects;

using kata::test::returns;

namespace {

using kata::test::kInf;
using kata::test::kNaN;
using kata::test::show;

std::string show(const std::vector<arma::uword>& v) {
  std::string out = "{";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
  return out + "}";
}

std::string show(const arma::uvec& v) { return show(arma::conv_to<std::vector<arma::uword>>::from(v)); }

std::string show(const std::vector<double>& v) {
  std::string out = "{";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + show(v[i]);
  return out + "}";
}

// check_close on what a call returned; a throw fails the check naming the call (see returns()).
template <typename F>
void check_returns_close(const std::string& call, F&& f, double expected, double tol, const std::string& hint = "") {
  if (const auto got = returns(call, f)) kata::test::check_close(*got, expected, tol, call, hint);
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

// X[k] and y[k] must be exactly the input columns named by indices[k] — with X's n_x rows even when the
// set is empty (check_mat_close compares shapes first).
void check_paired(const kata::DataSplit& s, const arma::mat& X, const arma::urowvec& y,
                  const std::string& fn) {
  BOOST_REQUIRE_MESSAGE(s.X.size() == s.indices.size() && s.y.size() == s.indices.size(),
                        fn << ": X, y and indices must have one entry per set, got " << s.X.size() << ", "
                           << s.y.size() << " and " << s.indices.size());
  for (std::size_t k = 0; k < s.indices.size(); ++k) {
    kata::test::check_mat_close(s.X[k], X.cols(s.indices[k]), 0.0, fn + ": X of set " + std::to_string(k),
                                "X[k] must be X.cols(indices[k]): n_x rows and one column per example, "
                                "also for an empty set (n_x x 0, not 0 x 0)");
    kata::test::check_mat_close(s.y[k], y.cols(s.indices[k]), 0.0, fn + ": y of set " + std::to_string(k),
                                "each label must stay with its example: use ONE permutation for X and y");
  }
}

// The contract fixes the draws: ONE rng.permutation(m) and nothing else. So the rng's next rand() must be
// numpy's next np.random.rand() after np.random.seed(seed); np.random.permutation(m). Compared exactly:
// the same generator state gives the same bits.
void check_rng_after_one_permutation(kata::Rng& rng, double numpy_next, const std::string& fn) {
  const double next = rng.rand();
  BOOST_CHECK_MESSAGE(next == numpy_next,
                      fn << " must draw exactly one rng.permutation(m): the next rng.rand() should be "
                         << show(numpy_next) << " (numpy), got " << show(next)
                         << kata::test::hint_suffix("no second permutation, no extra draws, no re-seeding"));
}

// Two splits of the same data from different seeds chose the same sets: say why, from what came back.
std::string same_split_hint(const arma::uvec& first_set, arma::uword m) {
  const bool in_order = first_set.n_elem > 0 && arma::all(first_set == arma::regspace<arma::uvec>(0, first_set.n_elem - 1));
  if (in_order && first_set.n_elem < m)
    return "set 0 is examples 0, 1, 2, ... in stored order: nothing was shuffled; draw p = rng.permutation(m) "
           "and cut p, not 0 .. m-1";
  return "the split does not depend on the seed: use the rng you are given (no kata::Rng of your own with a "
         "fixed seed)";
}

// Exact-decimal largest remainder, independent of floating point: ratio k is parts[k] / denominator
// exactly (the decimal the caller wrote), so m · ratio_k = m · parts[k] / denominator with integer
// quotient (the floor) and remainder (the fractional part, in 1/denominator units). The leftovers go to
// the largest remainders, ties to the earlier set.
std::vector<arma::uword> exact_split_sizes(arma::uword m, const std::vector<arma::uword>& parts,
                                           arma::uword denominator) {
  std::vector<arma::uword> sizes, rest;
  arma::uword assigned = 0;
  for (const arma::uword p : parts) {
    sizes.push_back(m * p / denominator);
    rest.push_back(m * p % denominator);
    assigned += sizes.back();
  }
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
  for (std::size_t i = 0; assigned < m; ++i, ++assigned) ++sizes[order[i]];
  return sizes;
}

// numpy: np.random.seed(3); np.random.permutation(20)
const std::vector<arma::uword> numpy_perm_seed3_m20{14, 2, 1, 17, 4, 16, 6, 7, 15, 12,
                                                    9,  11, 19, 18, 13, 5, 0, 8, 3, 10};
// numpy: the np.random.rand() that follows it.
constexpr double numpy_next_rand_seed3_m20 = 0.45317230112212925;

}  // namespace

BOOST_AUTO_TEST_SUITE(split_sizes, *utf::description("task 1: exact split sizes"))

struct SizeCase {
  arma::uword m;
  std::vector<double> ratios;
  std::vector<arma::uword> expected;
  const char* why;
};
std::ostream& operator<<(std::ostream& out, const SizeCase& c) { return out << "m = " << c.m << ", " << show(c.ratios); }

std::string call_text(arma::uword m, const std::vector<double>& ratios) {
  return "split_sizes(" + std::to_string(m) + ", " + show(ratios) + ")";
}

// Hand-computed. Ties are judged on the decimals as written: 2 · 0.7 and 2 · 0.2 both have fractional
// part .4, although floating point makes them 0.39999999999999991 and 0.40000000000000002.
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
    {2, {0.7, 0.2, 0.1}, {2, 0, 0},
     "1.4, 0.4, 0.2: the fractional parts .4 and .4 tie (2 x 0.7 = 1.3999999999999999 and 2 x 0.2 = "
     "0.4000000000000001 only differ by rounding), so the earlier set gets the leftover: compare fractional "
     "parts with a tolerance, 1e-9 * max(1, m)"},
    {50, {0.29, 0.71}, {15, 35},
     "14.5 and 35.5 tie (50 x 0.29 = 14.499999999999998 is rounding), so the earlier set gets the leftover"},
    {12, {0.7, 0.2, 0.1}, {9, 2, 1}, "8.4, 2.4, 1.2: .4 and .4 tie (rounding apart), the earlier set wins"},
    {7, {0.5, 0.0, 0.5}, {4, 0, 3}, "a set with ratio 0 stays empty; 3.5/3.5 tie, the earlier set wins"},
    {1, {0.0, 1.0}, {0, 1}, "one example, the first set has ratio 0"},
    {7, {0.5, -0.0, 0.5}, {4, 0, 3}, "-0.0 is a ratio of 0 (-0.0 >= 0 is true, although its sign bit is set): that set "
                                     "stays empty"},
    {5, {1.0}, {5}, "a single set takes everything"},
    {100, {0.6, 0.4 + 5e-10}, {60, 40}, "ratios may sum to 1 + 5e-10: within the 1e-9 the contract allows"},
    {100, {0.6, 0.4 - 5e-10}, {60, 40}, "ratios may sum to 1 - 5e-10: 39.99999995 rounds down to 39, and the "
                                        "leftover goes back to that set"},
    // By hand: 70000001.4, 20000000.4, 10000000.2. In binary the fractional parts are .39999999106 and
    // .40000000224 (Python: (100000002 * 0.7) % 1, (100000002 * 0.2) % 1): 1.1e-8 apart, more than a fixed
    // 1e-9 but far below 1e-9 * m = 0.1.
    {100'000'002, {0.7, 0.2, 0.1}, {70'000'002, 20'000'000, 10'000'000},
     "70000001.4, 20000000.4, 10000000.2: .4 and .4 tie, the earlier set wins. At m = 1e8 floating point "
     "puts them about 1e-8 apart: the tie tolerance grows with m, 1e-9 * max(1, m), not a fixed 1e-9"},
    // By hand: 2e9 * (0.5 - 5e-10) = 999999999 (Python gives 999999999.0 in binary too), so the shares
    // are 0, 1e9 and 999999999: no fractional part anywhere and one example left over (the ratios sum to
    // 1 - 5e-10, within the 1e-9 allowed). It goes to the earliest set with a ratio > 0.
    {2'000'000'000, {0.0, 0.5, 0.5 - 5e-10}, {0, 1'000'000'001, 999'999'999},
     "shares 0, 1e9 and 999999999 leave one example over and every fractional part is 0: the leftover goes "
     "to the earliest set with a ratio > 0, never to a set with ratio 0 (it must stay empty)"},
    // By hand: 2e9 * (0.5 + 5e-10) = 1000000000.9999999 in binary, which the snap rule (within
    // 1e-9 * share of an integer) makes 1000000001: the whole parts 1e9 and 1e9 + 1 exceed m by one. The
    // fractional parts 0 and -6e-8 tie (within 1e-9 * m), so the later set gives the example back.
    {2'000'000'000, {0.5, 0.5 + 5e-10}, {1'000'000'000, 1'000'000'000},
     "the ratios sum to 1 + 5e-10 (allowed), and at m = 2e9 the whole parts 1e9 and 1e9 + 1 already sum to "
     "m + 1: take the extra example back (from the smallest fractional part, ties: the later set) so the "
     "sizes sum to exactly m"},
    {30, std::vector<double>(20, 0.05), {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
     "20 sets of 1.5 each: the 10 leftovers go to the first 10 sets (all tie). With more than 16 sets, "
     "std::sort reorders ties: use a stable order"},
};

BOOST_DATA_TEST_CASE(golden_sizes, bdata::make(size_cases), c) {
  const std::string call = call_text(c.m, c.ratios);
  if (const auto got = returns(call, [&] { return kata::split_sizes(c.m, c.ratios); }))
    BOOST_CHECK_MESSAGE(*got == c.expected, call << ": expected " << show(c.expected) << ", got " << show(*got)
                                                 << kata::test::hint_suffix(c.why));
}

// Every m from 1 to 250 against exact_split_sizes(), for ratio lists written as decimals (parts per
// 1000). Ties that floating point splits by rounding are frequent here (2 x 0.7 vs 2 x 0.2, ...).
BOOST_AUTO_TEST_CASE(ties_as_exact_decimals_for_m_up_to_250) {
  std::vector<std::vector<arma::uword>> tables{
      {700, 200, 100}, {290, 710}, {600, 200, 200}, {100, 300, 600}, {150, 350, 500}, {50, 900, 50},
      {330, 330, 340}, {450, 100, 450}, {70, 930}, {995, 4, 1}, {980, 10, 10}, {800, 100, 100},
      {300, 300, 400}, {120, 380, 500}, {400, 400, 200}, {200, 700, 100}, {170, 830}, {600, 300, 100}};
  std::vector<arma::uword> mixed;  // 20 sets: .025, .075, .025, ... (more than 16, so sort stability shows)
  for (int k = 0; k < 10; ++k) mixed.insert(mixed.end(), {25, 75});
  tables.push_back(mixed);
  for (const auto& parts : tables) {
    std::vector<double> ratios;
    for (const arma::uword p : parts) ratios.push_back(static_cast<double>(p) / 1000.0);  // nearest double
    for (arma::uword m = 1; m <= 250; ++m) {
      const std::string call = call_text(m, ratios);
      const auto expected = exact_split_sizes(m, parts, 1000);
      const auto got = returns(call, [&] { return kata::split_sizes(m, ratios); });
      if (!got) return;
      if (*got != expected) {
        BOOST_ERROR(call << ": expected " << show(expected) << ", got " << show(*got)
                         << kata::test::hint_suffix("largest remainder, ties to the earlier set — judged on the "
                                                    "decimals: fractional parts closer than 1e-9 * max(1, m) are "
                                                    "a tie"));
        return;
      }
    }
  }
  BOOST_TEST(true);
}

// Whether split_sizes(m, ratios) sums to m; fails the check (once, with `hint_if_more` or `hint_if_fewer`)
// when it does not or when the call throws.
bool sums_to_m(arma::uword m, const std::vector<double>& ratios, const std::string& hint_if_more,
               const std::string& hint_if_fewer) {
  const std::string call = call_text(m, ratios);
  const auto got = returns(call, [&] { return kata::split_sizes(m, ratios); });
  if (!got) return false;
  const arma::uword total = std::accumulate(got->begin(), got->end(), arma::uword{0});
  if (total == m) return true;
  BOOST_ERROR(call << " = " << show(*got) << " sums to " << total << ", not m = " << m
                   << kata::test::hint_suffix(total > m ? hint_if_more : hint_if_fewer));
  return false;
}

BOOST_AUTO_TEST_CASE(sizes_always_sum_to_m) {
  kata::Rng rng(11);
  const std::string hint = "give the leftover examples to the sets with the largest fractional parts";
  for (int trial = 0; trial < 200; ++trial) {
    const arma::uword m = 1 + static_cast<arma::uword>(rng.randint(0, 5000));
    arma::vec r = rng.rand(3, 1) + 0.01;
    r /= arma::accu(r);
    if (!sums_to_m(m, {r(0), r(1), r(2)}, hint, hint)) return;
  }
  BOOST_TEST(true);
}

// The same on huge m (1e9 .. 1e12) with ratios that sum to 1 +- 9e-10, inside the 1e-9 the contract
// allows: there the whole parts alone can exceed m by up to ~1e3 examples, or fall short by as many.
BOOST_AUTO_TEST_CASE(sizes_sum_to_m_when_the_ratios_sum_to_almost_1_on_huge_m) {
  kata::Rng rng(12);
  for (int trial = 0; trial < 200; ++trial) {
    const auto m = static_cast<arma::uword>(1e9 * std::pow(1000.0, rng.rand()));
    arma::vec r = rng.rand(4, 1) + 0.01;
    r *= (trial % 2 ? 1.0 + 9e-10 : 1.0 - 9e-10) / arma::accu(r);
    if (!sums_to_m(m, {r(0), r(1), r(2), r(3)},
                   "the ratios may sum to a little more than 1: when the whole parts exceed m, take the extra back",
                   "give every leftover example to a set"))
      return;
  }
  BOOST_TEST(true);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(recommended_ratios, *utf::description("task 2: the rule of thumb"))

BOOST_AUTO_TEST_CASE(follows_the_rule_of_thumb) {
  const std::vector<double> small{0.6, 0.2, 0.2}, big{0.98, 0.01, 0.01}, huge{0.995, 0.004, 0.001};
  // Both sides of both boundaries, and the smallest valid m.
  const std::pair<arma::uword, std::vector<double>> cases[] = {
      {1, small},   {100, small},     {10'000, small},    {10'001, big},
      {500'000, big}, {999'999, big}, {1'000'000, huge}, {50'000'000, huge}};
  for (const auto& c : cases) {
    const arma::uword m = c.first;
    const std::vector<double>& expected = c.second;
    const std::string call = "recommended_ratios(" + std::to_string(m) + ")";
    const auto got = returns(call, [&] { return kata::recommended_ratios(m); });
    if (!got) continue;
    BOOST_CHECK_MESSAGE(got->size() == 3, call << " must return 3 ratios (train, dev, test), got " << show(*got));
    if (got->size() != 3) continue;
    // Tolerance 1e-12: the ratios are the decimals above; it leaves room for a computed one (1 - 0.2 - 0.2).
    for (int k = 0; k < 3; ++k)
      kata::test::check_close((*got)[k], expected[k], 1e-12, call + "[" + std::to_string(k) + "]",
                              "m <= 10,000: 60/20/20; 10,000 < m < 1,000,000: 98/1/1; m >= 1,000,000: "
                              "99.5/0.4/0.1");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shuffle_split, *utf::description("task 3: shuffled split"))

BOOST_AUTO_TEST_CASE(sets_are_disjoint_and_complete) {
  kata::Rng rng(0);
  const arma::uword m = 497;
  const auto s = returns("shuffle_split(497 examples, {0.6, 0.2, 0.2}, Rng(0))", [&] {
    return kata::shuffle_split(tagged_examples(m), arma::urowvec(m, arma::fill::zeros), {0.6, 0.2, 0.2}, rng);
  });
  if (!s) return;
  BOOST_REQUIRE_MESSAGE(s->indices.size() == 3, "shuffle_split() with 3 ratios must return 3 sets, got "
                                                    << s->indices.size());
  check_partition(*s, m, "shuffle_split()");
  // By hand: 298.2, 99.4, 99.4 -> floors 298, 99, 99 and one leftover; .4 and .4 tie, the earlier set wins.
  const std::vector<arma::uword> sizes{298, 100, 99};
  for (std::size_t k = 0; k < 3; ++k)
    BOOST_CHECK_MESSAGE(s->indices[k].n_elem == sizes[k], "shuffle_split(497 examples, {0.6, 0.2, 0.2}): set "
                                                              << k << " should hold " << sizes[k]
                                                              << " examples (split_sizes), got "
                                                              << s->indices[k].n_elem);
}

BOOST_AUTO_TEST_CASE(examples_stay_with_their_labels) {
  kata::Rng rng(5);
  const arma::uword m = 60;
  const arma::mat X = tagged_examples(m);
  const arma::urowvec y = arma::regspace<arma::urowvec>(0, m - 1);  // label i for example i
  if (const auto s = returns("shuffle_split(60 examples, {0.5, 0.3, 0.2}, Rng(5))",
                             [&] { return kata::shuffle_split(X, y, {0.5, 0.3, 0.2}, rng); }))
    check_paired(*s, X, y, "shuffle_split()");
}

BOOST_AUTO_TEST_CASE(uses_one_permutation_like_numpy) {
  // The contract fixes the draws: indices are consecutive slices of rng.permutation(m), so the split
  // equals numpy's np.random.seed(3); p = np.random.permutation(20); p[:12], p[12:16], p[16:] (the
  // numbers below were printed by numpy 1.24).
  kata::Rng rng(3);
  const arma::uvec p(numpy_perm_seed3_m20);
  const auto s = returns("shuffle_split(20 examples, {0.6, 0.2, 0.2}, Rng(3))", [&] {
    return kata::shuffle_split(tagged_examples(20), arma::urowvec(20, arma::fill::zeros), {0.6, 0.2, 0.2}, rng);
  });
  if (!s) return;
  BOOST_REQUIRE_MESSAGE(s->indices.size() == 3, "shuffle_split() with 3 ratios must return 3 sets, got "
                                                    << s->indices.size());
  kata::test::check_mat_close(s->indices[0], p.subvec(0, 11), 0.0, "train indices",
                              "shuffle first: train = the first 12 entries of rng.permutation(20)");
  kata::test::check_mat_close(s->indices[1], p.subvec(12, 15), 0.0, "dev indices", "dev = the next 4 entries");
  kata::test::check_mat_close(s->indices[2], p.subvec(16, 19), 0.0, "test indices", "test = the last 4 entries");
  check_rng_after_one_permutation(rng, numpy_next_rand_seed3_m20, "shuffle_split()");
}

BOOST_AUTO_TEST_CASE(one_example_and_empty_sets) {
  // m = 1 with 60/20/20: {1, 0, 0}. Empty sets are still n_x × 0 and 1 × 0. A ratio of 0 in the middle
  // gives an empty middle set.
  const arma::mat X1 = tagged_examples(1);
  kata::Rng rng(8);
  if (const auto one = returns("shuffle_split(1 example, {0.6, 0.2, 0.2}, Rng(8))",
                               [&] { return kata::shuffle_split(X1, arma::urowvec{4}, {0.6, 0.2, 0.2}, rng); })) {
    BOOST_REQUIRE_MESSAGE(one->indices.size() == 3, "shuffle_split() with 3 ratios must return 3 sets, got "
                                                        << one->indices.size());
    BOOST_CHECK_MESSAGE(one->indices[0].n_elem == 1 && one->indices[1].is_empty() && one->indices[2].is_empty(),
                        "shuffle_split() of 1 example at 60/20/20: expected sizes {1, 0, 0}, got {"
                            << one->indices[0].n_elem << ", " << one->indices[1].n_elem << ", "
                            << one->indices[2].n_elem << "}");
    check_paired(*one, X1, arma::urowvec{4}, "shuffle_split(1 example)");
  }

  const arma::mat X = tagged_examples(7);
  const arma::urowvec y = arma::regspace<arma::urowvec>(0, 6);
  if (const auto s = returns("shuffle_split(7 examples, {0.5, 0, 0.5}, rng)",
                             [&] { return kata::shuffle_split(X, y, {0.5, 0.0, 0.5}, rng); })) {
    BOOST_REQUIRE_MESSAGE(s->indices.size() == 3, "shuffle_split() with 3 ratios must return 3 sets, got "
                                                      << s->indices.size());
    BOOST_CHECK_MESSAGE(s->indices[0].n_elem == 4 && s->indices[1].is_empty() && s->indices[2].n_elem == 3,
                        "shuffle_split(7 examples, {0.5, 0, 0.5}): expected sizes {4, 0, 3}, got {"
                            << s->indices[0].n_elem << ", " << s->indices[1].n_elem << ", " << s->indices[2].n_elem
                            << "}" << kata::test::hint_suffix("a set with ratio 0 is empty"));
    check_partition(*s, 7, "shuffle_split(7 examples, {0.5, 0, 0.5})");
    check_paired(*s, X, y, "shuffle_split(7 examples, {0.5, 0, 0.5})");
  }
}

BOOST_AUTO_TEST_CASE(same_seed_same_split_other_seed_other_split) {
  const arma::mat X = tagged_examples(50);
  const arma::urowvec y(50, arma::fill::zeros);
  kata::Rng a(9), b(9), c(10);
  const auto sa = returns("shuffle_split(50 examples, {0.8, 0.2}, Rng(9))", [&] { return kata::shuffle_split(X, y, {0.8, 0.2}, a); });
  const auto sb = returns("shuffle_split(50 examples, {0.8, 0.2}, Rng(9))", [&] { return kata::shuffle_split(X, y, {0.8, 0.2}, b); });
  const auto sc = returns("shuffle_split(50 examples, {0.8, 0.2}, Rng(10))", [&] { return kata::shuffle_split(X, y, {0.8, 0.2}, c); });
  if (!sa || !sb || !sc) return;
  BOOST_REQUIRE_MESSAGE(sa->indices.size() == 2 && sb->indices.size() == 2 && sc->indices.size() == 2,
                        "shuffle_split() with 2 ratios must return 2 sets");
  BOOST_CHECK_MESSAGE(sa->indices[0].n_elem == sb->indices[0].n_elem && arma::all(sa->indices[0] == sb->indices[0]),
                      "two runs with seed 9 must give the same split: set 0 was " << show(sa->indices[0])
                          << ", then " << show(sb->indices[0]));
  BOOST_CHECK_MESSAGE(sa->indices[0].n_elem != sc->indices[0].n_elem || arma::any(sa->indices[0] != sc->indices[0]),
                      "seeds 9 and 10 gave the same set 0: " << show(sa->indices[0])
                          << kata::test::hint_suffix(same_split_hint(sa->indices[0], 50)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stratified_split, *utf::description("task 4: stratified split"))

BOOST_AUTO_TEST_CASE(keeps_class_proportions_within_one_example) {
  kata::Rng rng(1);
  const std::vector<arma::uword> counts{50, 30, 17};  // sorted by class, like iris and wine as stored
  const arma::urowvec y = sorted_labels(counts);
  const std::vector<double> ratios{0.6, 0.2, 0.2};
  const auto s = returns("stratified_split(classes of 50, 30, 17 sorted by class, {0.6, 0.2, 0.2}, Rng(1))",
                         [&] { return kata::stratified_split(tagged_examples(y.n_elem), y, ratios, rng); });
  if (!s) return;
  BOOST_REQUIRE_MESSAGE(s->y.size() == 3, "stratified_split() with 3 ratios must return 3 sets, got " << s->y.size());
  for (std::size_t k = 0; k < 3; ++k)
    for (arma::uword c = 0; c < counts.size(); ++c) {
      const double got = arma::accu(s->y[k] == c);
      const double target = counts[c] * ratios[k];
      BOOST_CHECK_MESSAGE(std::abs(got - target) < 1.0,
                          "stratified_split(): set " << k << " holds " << got << " examples of class " << c
                                                     << ", expected " << show(target) << " +- 1 (" << counts[c]
                                                     << " x " << show(ratios[k]) << ")"
                                                     << kata::test::hint_suffix("split each class separately "
                                                                                "with split_sizes(count_c, ratios)"));
    }
}

BOOST_AUTO_TEST_CASE(sets_are_disjoint_complete_and_paired) {
  kata::Rng rng(2);
  const arma::urowvec y = sorted_labels({40, 40, 21});
  const arma::mat X = tagged_examples(y.n_elem);
  if (const auto s = returns("stratified_split(classes of 40, 40, 21, {0.7, 0.15, 0.15}, Rng(2))",
                             [&] { return kata::stratified_split(X, y, {0.7, 0.15, 0.15}, rng); })) {
    check_partition(*s, y.n_elem, "stratified_split()");
    check_paired(*s, X, y, "stratified_split()");
  }
}

BOOST_AUTO_TEST_CASE(matches_numpy_for_a_fixed_seed) {
  // Labels sorted by class, 12 / 9 / 7 examples, ratios 0.7 / 0.2 / 0.1, seed 3. Computed with numpy 1.24
  // and exact fractions in Python, independently of the workspace:
  //   np.random.seed(3); p = np.random.permutation(28)
  //     = [18 17 12 26 15 16 13 2 1 23 14 4 22 6 7 5 20 9 11 27 19 21 0 8 3 25 24 10]
  //   per class (members in p's order) split_sizes(12) = {9, 2, 1} (8.4 / 2.4 / 1.2: .4 and .4 tie, the
  //   earlier set wins), split_sizes(9) = {6, 2, 1}, split_sizes(7) = {5, 1, 1};
  //   then each set lists its examples in p's order.
  kata::Rng rng(3);
  const arma::urowvec y = sorted_labels({12, 9, 7});
  const arma::mat X = tagged_examples(28);
  const auto s = returns("stratified_split(classes of 12, 9, 7, {0.7, 0.2, 0.1}, Rng(3))",
                         [&] { return kata::stratified_split(X, y, {0.7, 0.2, 0.1}, rng); });
  if (!s) return;
  const std::vector<arma::uvec> expected{
      {18, 17, 12, 26, 15, 16, 13, 2, 1, 23, 4, 22, 6, 7, 5, 9, 11, 27, 21, 0}, {14, 20, 8, 3, 25}, {19, 24, 10}};
  BOOST_REQUIRE_MESSAGE(s->indices.size() == 3, "stratified_split() with 3 ratios must return 3 sets, got "
                                                    << s->indices.size());
  for (std::size_t k = 0; k < 3; ++k) {
    const bool same_members = s->indices[k].n_elem == expected[k].n_elem &&
                              arma::all(arma::sort(s->indices[k]) == arma::sort(expected[k]));
    const bool same_order = same_members && arma::all(s->indices[k] == expected[k]);
    BOOST_CHECK_MESSAGE(same_order,
                        "stratified_split(seed 3): set " << k << " expected indices " << show(expected[k])
                            << ", got " << show(s->indices[k])
                            << kata::test::hint_suffix(
                                   same_members
                                       ? "the right examples in the wrong order: list each set's indices in the "
                                         "order they appear in p, not grouped by class"
                                       : "draw ONE p = rng.permutation(m); each class's members in p's order go "
                                         "to the sets by split_sizes(count_c, ratios) (first the set-0 share)"));
  }
  check_paired(*s, X, y, "stratified_split(seed 3)");
  // numpy: the np.random.rand() after np.random.seed(3); np.random.permutation(28).
  check_rng_after_one_permutation(rng, 0.558854087990882, "stratified_split()");
}

BOOST_AUTO_TEST_CASE(sets_keep_the_permutation_order) {
  // Labels interleaved (i mod 3, with extra 0s): each set's indices must be a subsequence of p, the one
  // permutation drawn. kata::Rng(12).permutation(60) is numpy's (tests/support/rng_test.cpp).
  arma::urowvec y(60);
  for (arma::uword i = 0; i < 60; ++i) y(i) = i % 4 == 3 ? 0 : i % 3;
  kata::Rng rng(12), reference(12);
  const arma::uvec p = reference.permutation(60);
  std::vector<arma::uword> position(60);
  for (arma::uword j = 0; j < 60; ++j) position[p(j)] = j;
  const auto s = returns("stratified_split(60 interleaved labels, {0.5, 0.3, 0.2}, Rng(12))",
                         [&] { return kata::stratified_split(tagged_examples(60), y, {0.5, 0.3, 0.2}, rng); });
  if (!s) return;
  check_partition(*s, 60, "stratified_split()");
  for (std::size_t k = 0; k < s->indices.size(); ++k)
    for (arma::uword j = 1; j < s->indices[k].n_elem; ++j)
      if (s->indices[k](j) >= 60 || s->indices[k](j - 1) >= 60 ||
          position[s->indices[k](j - 1)] > position[s->indices[k](j)]) {
        BOOST_ERROR("stratified_split(seed 12): in set " << k << ", example " << s->indices[k](j - 1)
                                                         << " comes before " << s->indices[k](j)
                                                         << ", but p has them the other way round"
                                                         << kata::test::hint_suffix(
                                                                "each set's indices are in the order they appear "
                                                                "in p: walk p once more to fill the sets"));
        return;
      }
}

BOOST_AUTO_TEST_CASE(one_class_is_a_shuffle_split) {
  // A single label: the one class is all of p, so the sets are consecutive slices of p, exactly as in
  // shuffle_split (numpy: np.random.seed(3); np.random.permutation(20) at 12 / 4 / 4).
  kata::Rng rng(3);
  const arma::uvec p(numpy_perm_seed3_m20);
  const auto s = returns("stratified_split(20 examples of one class, {0.6, 0.2, 0.2}, Rng(3))", [&] {
    return kata::stratified_split(tagged_examples(20), arma::urowvec(20, arma::fill::zeros), {0.6, 0.2, 0.2}, rng);
  });
  if (!s) return;
  BOOST_REQUIRE_MESSAGE(s->indices.size() == 3, "stratified_split() with 3 ratios must return 3 sets, got "
                                                    << s->indices.size());
  kata::test::check_mat_close(s->indices[0], p.subvec(0, 11), 0.0, "stratified_split(one class): set 0",
                              "with one class, set 0 is the first 12 entries of p");
  kata::test::check_mat_close(s->indices[1], p.subvec(12, 15), 0.0, "stratified_split(one class): set 1");
  kata::test::check_mat_close(s->indices[2], p.subvec(16, 19), 0.0, "stratified_split(one class): set 2");
  check_rng_after_one_permutation(rng, numpy_next_rand_seed3_m20, "stratified_split()");
}

BOOST_AUTO_TEST_CASE(zero_ratios_and_the_smallest_classes) {
  // A class needs one member per set with a ratio > 0; sets with ratio 0 do not count and stay empty.
  kata::Rng rng(6);
  const arma::urowvec y = sorted_labels({2, 10});
  const arma::mat X = tagged_examples(12);
  if (const auto s = returns("stratified_split(classes of 2 and 10, {0.5, 0, 0.5}, Rng(6))",
                             [&] { return kata::stratified_split(X, y, {0.5, 0.0, 0.5}, rng); })) {
    BOOST_REQUIRE_MESSAGE(s->indices.size() == 3, "stratified_split() with 3 ratios must return 3 sets, got "
                                                      << s->indices.size());
    check_partition(*s, 12, "stratified_split({0.5, 0, 0.5})");
    check_paired(*s, X, y, "stratified_split({0.5, 0, 0.5})");
    BOOST_CHECK_MESSAGE(s->indices[1].is_empty(), "stratified_split({0.5, 0, 0.5}): the set with ratio 0 must be "
                                                  "empty, got " << s->indices[1].n_elem << " examples");
    for (const std::size_t k : {0u, 2u})
      BOOST_CHECK_MESSAGE(arma::accu(s->y[k] == 0) == 1 && arma::accu(s->y[k] == 1) == 5,
                          "stratified_split({0.5, 0, 0.5}) of classes of 2 and 10: set "
                              << k << " should hold 1 of class 0 and 5 of class 1, got " << arma::accu(s->y[k] == 0)
                              << " and " << arma::accu(s->y[k] == 1)
                              << kata::test::hint_suffix("a class of 2 fits two non-empty sets; only sets with "
                                                         "a ratio > 0 need a member"));
  }

  // Exactly as many members (3) as non-empty sets is allowed: split_sizes(3, 60/20/20) = {2, 1, 0}.
  const arma::urowvec y3 = sorted_labels({10, 3});
  if (const auto t = returns("stratified_split(classes of 10 and 3, {0.6, 0.2, 0.2}, rng)",
                             [&] { return kata::stratified_split(tagged_examples(13), y3, {0.6, 0.2, 0.2}, rng); })) {
    BOOST_REQUIRE_MESSAGE(t->y.size() == 3, "stratified_split() with 3 ratios must return 3 sets, got " << t->y.size());
    BOOST_CHECK_MESSAGE(arma::accu(t->y[0] == 1) == 2 && arma::accu(t->y[1] == 1) == 1 && arma::accu(t->y[2] == 1) == 0,
                        "stratified_split(): a class of 3 at 60/20/20 should be split {2, 1, 0}, got {"
                            << arma::accu(t->y[0] == 1) << ", " << arma::accu(t->y[1] == 1) << ", "
                            << arma::accu(t->y[2] == 1) << "}");
  }

  // m = 1, one set.
  if (const auto u = returns("stratified_split(1 example, {0, 1}, rng)",
                             [&] { return kata::stratified_split(tagged_examples(1), arma::urowvec{0}, {0.0, 1.0}, rng); })) {
    BOOST_REQUIRE_MESSAGE(u->indices.size() == 2, "stratified_split() with 2 ratios must return 2 sets, got "
                                                      << u->indices.size());
    BOOST_CHECK_MESSAGE(u->indices[0].is_empty() && u->indices[1].n_elem == 1,
                        "stratified_split(1 example, {0, 1}): expected sizes {0, 1}, got {"
                            << u->indices[0].n_elem << ", " << u->indices[1].n_elem << "}");
    check_paired(*u, tagged_examples(1), arma::urowvec{0}, "stratified_split(1 example, {0, 1})");
  }
}

BOOST_AUTO_TEST_CASE(is_random_and_reproducible) {
  const arma::urowvec y = sorted_labels({20, 20});
  const arma::mat X = tagged_examples(40);
  kata::Rng a(4), b(4), c(5);
  const auto sa = returns("stratified_split(classes of 20 and 20, {0.5, 0.5}, Rng(4))", [&] { return kata::stratified_split(X, y, {0.5, 0.5}, a); });
  const auto sb = returns("stratified_split(classes of 20 and 20, {0.5, 0.5}, Rng(4))", [&] { return kata::stratified_split(X, y, {0.5, 0.5}, b); });
  const auto sc = returns("stratified_split(classes of 20 and 20, {0.5, 0.5}, Rng(5))", [&] { return kata::stratified_split(X, y, {0.5, 0.5}, c); });
  if (!sa || !sb || !sc) return;
  BOOST_REQUIRE_MESSAGE(sa->indices.size() == 2 && sb->indices.size() == 2 && sc->indices.size() == 2,
                        "stratified_split() with 2 ratios must return 2 sets");
  BOOST_CHECK_MESSAGE(sa->indices[0].n_elem == sb->indices[0].n_elem && arma::all(sa->indices[0] == sb->indices[0]),
                      "two runs with seed 4 must give the same split: set 0 was " << show(sa->indices[0])
                          << ", then " << show(sb->indices[0]));
  const bool same_members = sa->indices[0].n_elem == sc->indices[0].n_elem &&
                            arma::all(arma::sort(sa->indices[0]) == arma::sort(sc->indices[0]));
  BOOST_CHECK_MESSAGE(!same_members, "seeds 4 and 5 put the same examples in set 0: " << show(sa->indices[0])
                                         << kata::test::hint_suffix(same_split_hint(sa->indices[0], 40)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(distribution_distance, *utf::description("task 5: distribution distance"))

BOOST_AUTO_TEST_CASE(golden_values) {
  using kata::distribution_distance;
  // By hand; tolerance 1e-15 (a few roundings of fractions below 1).
  check_returns_close("distribution_distance({0,0,1,1}, {0,0,0,1})", [] { return distribution_distance({0, 0, 1, 1}, {0, 0, 0, 1}); },
                      0.25, 1e-15, "0.5 * (|0.5 - 0.75| + |0.5 - 0.25|)");
  check_returns_close("distribution_distance({0,1,2}, {2,1,0})", [] { return distribution_distance({0, 1, 2}, {2, 1, 0}); },
                      0.0, 1e-15, "identical proportions: distance 0");
  check_returns_close("distribution_distance({0,0}, {1,2})", [] { return distribution_distance({0, 0}, {1, 2}); }, 1.0,
                      1e-15, "no class in common: classes present in only one of the sets count too");
  check_returns_close("distribution_distance({0,1,1,1}, {0 x7, 1})",
                      [] { return distribution_distance({0, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 0, 1}); }, 0.625, 1e-15,
                      "use frequencies (count / size), not counts");
}

BOOST_AUTO_TEST_CASE(single_labels_and_classes_only_in_one_set) {
  using kata::distribution_distance;
  // By hand; tolerance 1e-15 (a few roundings of fractions below 1).
  check_returns_close("distribution_distance({3}, {3})", [] { return distribution_distance({3}, {3}); }, 0.0, 1e-15,
                      "one example each, same class: identical distributions");
  check_returns_close("distribution_distance({1}, {0})", [] { return distribution_distance({1}, {0}); }, 1.0, 1e-15);
  // a: P(0) = 3/4, P(1) = 1/4; b: P(1) = 1/5, P(2) = 2/5, P(3) = 2/5 (classes a has never seen):
  // 0.5 * (3/4 + 1/20 + 2/5 + 2/5) = 0.8, in either order.
  const arma::urowvec a{0, 0, 1, 0}, b{3, 2, 1, 3, 2};
  check_returns_close("distribution_distance({0,0,1,0}, {3,2,1,3,2})", [&] { return distribution_distance(a, b); }, 0.8,
                      1e-15, "sum over the classes of BOTH sets, including labels larger than any in the first");
  check_returns_close("distribution_distance({3,2,1,3,2}, {0,0,1,0})", [&] { return distribution_distance(b, a); }, 0.8,
                      1e-15, "the distance is symmetric");
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: every argument and position that can be bad, alone and next to special-but-valid values of
// the others (m = 1, a ratio of 0, a single set). Where a call could be rejected for another reason than
// the one tested (a valid special value next to the bad one), the message must also name what is wrong:
// the bad ratio's value, y's number of labels, or the class that is too small.
BOOST_AUTO_TEST_SUITE(bad_input, *utf::description("task 6: harden it"))

BOOST_AUTO_TEST_CASE(split_sizes_rejects) {
  const double over = 0.5 + 2e-9, under = 0.5 - 2e-9;
  check_rejects([] { kata::split_sizes(0, {1.0}); }, "split_sizes()", "m = 0");
  check_rejects([] { kata::split_sizes(0, {0.6, 0.2, 0.2}); }, "split_sizes()", "m = 0 with 3 ratios");
  check_rejects([] { kata::split_sizes(10, {}); }, "split_sizes()", "empty ratios");
  check_rejects([] { kata::split_sizes(10, {1.2, -0.2}); }, "split_sizes()", "ratios {1.2, -0.2} (sum 1, one negative)",
                show(-0.2));
  check_rejects([] { kata::split_sizes(10, {0.6, 0.6, -0.2}); }, "split_sizes()", "a negative last ratio, -0.2",
                show(-0.2));
  check_rejects([] { kata::split_sizes(10, {0.5, 0.4}); }, "split_sizes()", "ratios summing to 0.9");
  check_rejects([&] { kata::split_sizes(10, {0.5, over}); }, "split_sizes()",
                "ratios {0.5, " + show(over) + "} summing to 1 + 2e-9");
  check_rejects([&] { kata::split_sizes(10, {0.5, under}); }, "split_sizes()",
                "ratios {0.5, " + show(under) + "} summing to 1 - 2e-9");
  check_rejects([] { kata::split_sizes(10, {kNaN, 1.0}); }, "split_sizes()", "a NaN ratio");
  check_rejects([] { kata::split_sizes(10, {0.5, 0.5, kNaN}); }, "split_sizes()", "a NaN last ratio");
  check_rejects([] { kata::split_sizes(10, {kInf, 1.0}); }, "split_sizes()", "an infinite ratio");
  check_rejects([] { kata::split_sizes(1, {0.5, 0.4}); }, "split_sizes()", "m = 1 with ratios summing to 0.9",
                show(0.9));
  check_rejects([] { kata::split_sizes(1, {1.001, 0.0, -0.0, -1e-3}); }, "split_sizes()",
                "m = 1 with ratios {1.001, 0, -0, -0.001}: a negative ratio after zero ones (-0.0 is a valid 0)",
                show(-1e-3));
}

BOOST_AUTO_TEST_CASE(recommended_ratios_rejects) {
  check_rejects([] { kata::recommended_ratios(0); }, "recommended_ratios()", "m = 0");
}

// Every rejected call above ran on `rng`, seeded 0: if none drew, its next draw is Rng(0)'s first.
void check_untouched(kata::Rng& rng, const std::string& function) {
  kata::Rng fresh(0);
  BOOST_CHECK_MESSAGE(rng.next_uint32() == fresh.next_uint32(),
                      function << " drew from the rng in a call that threw: validate every argument before "
                                  "rng.permutation(m), so a rejected call leaves the generator untouched");
}

BOOST_AUTO_TEST_CASE(shuffle_split_rejects) {
  kata::Rng rng(0);
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 5), arma::urowvec(4), {1.0}, rng); }, "shuffle_split()",
                "X with 5 columns and y with 4 labels (and one valid set, ratios {1})", "4");
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 4), arma::urowvec(5), {1.0}, rng); }, "shuffle_split()",
                "X with 4 columns and y with 5 labels (and one valid set, ratios {1})", "5");
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 0), arma::urowvec(), {0.6, 0.2, 0.2}, rng); },
                "shuffle_split()", "m = 0 (do not leave it to split_sizes(), whose name the message would carry)");
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 5), arma::urowvec(5), {0.7, 0.7}, rng); },
                "shuffle_split()", "ratios summing to 1.4 (validate them before calling split_sizes())");
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 5), arma::urowvec(5), {}, rng); }, "shuffle_split()",
                "empty ratios");
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 5), arma::urowvec(5), {0.8, 0.4, -0.2}, rng); },
                "shuffle_split()", "a negative last ratio, -0.2", show(-0.2));
  check_rejects([&] { kata::shuffle_split(arma::mat(2, 1), arma::urowvec(1), {0.5, kNaN}, rng); },
                "shuffle_split()", "m = 1 with a NaN ratio", "ratios");
  check_untouched(rng, "shuffle_split()");
}

BOOST_AUTO_TEST_CASE(stratified_split_rejects) {
  kata::Rng rng(0);
  check_rejects([&] { kata::stratified_split(arma::mat(2, 3), arma::urowvec(4), {1.0}, rng); },
                "stratified_split()", "X with 3 columns and y with 4 labels (and one valid set, ratios {1})", "4");
  check_rejects([&] { kata::stratified_split(arma::mat(2, 0), arma::urowvec(), {1.0}, rng); },
                "stratified_split()", "m = 0");
  check_rejects([&] { kata::stratified_split(tagged_examples(4), arma::urowvec(4, arma::fill::zeros), {0.5, 0.6}, rng); },
                "stratified_split()", "ratios summing to 1.1");
  check_rejects([&] { kata::stratified_split(tagged_examples(4), arma::urowvec(4, arma::fill::zeros), {}, rng); },
                "stratified_split()", "empty ratios");
  check_rejects([&] { kata::stratified_split(tagged_examples(4), arma::urowvec(4, arma::fill::zeros), {1.5, -0.5}, rng); },
                "stratified_split()", "ratios {1.5, -0.5} (sum 1, one negative)", show(-0.5));
  check_untouched(rng, "stratified_split()");
}

BOOST_AUTO_TEST_CASE(stratified_split_rejects_a_class_too_small_for_every_set) {
  kata::Rng rng(0);
  check_rejects([&] { kata::stratified_split(tagged_examples(12), sorted_labels({10, 2}), {0.6, 0.2, 0.2}, rng); },
                "stratified_split()", "a last class of 2 examples split into 3 sets", "class");
  check_rejects([&] { kata::stratified_split(tagged_examples(12), sorted_labels({2, 10}), {0.6, 0.2, 0.2}, rng); },
                "stratified_split()", "a first class of 2 examples split into 3 sets", "class");
  check_rejects([&] { kata::stratified_split(tagged_examples(11), sorted_labels({5, 1, 5}), {0.5, 0.0, 0.5}, rng); },
                "stratified_split()", "a class of 1 split into 2 non-empty sets (and one with ratio 0)", "class");
  check_rejects([&] { kata::stratified_split(tagged_examples(1), arma::urowvec{0}, {0.5, 0.5}, rng); },
                "stratified_split()", "m = 1 split into 2 non-empty sets", "class");
  // Labels need not be 0, 1, 2, ...: name the class by its label (7), not by its place among the classes
  // (1) — with labels 0, 1, 2 the two are the same number.
  check_rejects([&] { kata::stratified_split(tagged_examples(5), arma::urowvec{3, 3, 7, 3, 3}, {0.5, 0.5}, rng); },
                "stratified_split()", "labels {3, 3, 7, 3, 3}: class 7 has 1 example for 2 non-empty sets (the message "
                "must name the class by its label, 'class 7')", "class 7");
  check_untouched(rng, "stratified_split()");  // count the classes before drawing: no permutation needed
}

BOOST_AUTO_TEST_CASE(distribution_distance_rejects) {
  check_rejects([] { kata::distribution_distance(arma::urowvec(), {1}); }, "distribution_distance()",
                "empty labels_a");
  check_rejects([] { kata::distribution_distance({1}, arma::urowvec()); }, "distribution_distance()",
                "empty labels_b");
  check_rejects([] { kata::distribution_distance(arma::urowvec(), arma::urowvec()); }, "distribution_distance()",
                "both empty");
}

BOOST_AUTO_TEST_SUITE_END()

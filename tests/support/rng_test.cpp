// kata::Rng against numpy 1.24's legacy stream. The expected values were generated on a dev machine with
//   import numpy as np; np.random.seed(s); np.random.rand(2, 3)   (and randn, permutation, randint)
// numpy is not a dependency of the workspace: the numbers are the fixture.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "kata/rng.hpp"
#include "kata_test.hpp"

using kata::Rng;

BOOST_AUTO_TEST_SUITE(rng)

// Exact equality: the same algorithm on the same 32-bit draws must give bit-identical doubles.
BOOST_AUTO_TEST_CASE(rand_matrix_matches_numpy_row_major) {
  const struct {
    unsigned seed;
    arma::mat expected;
  } cases[] = {
      {0, {{0.5488135039273248, 0.7151893663724195, 0.6027633760716439},
           {0.5448831829968969, 0.4236547993389047, 0.6458941130666561}}},
      {1, {{0.417022004702574, 0.7203244934421581, 0.00011437481734488664},
           {0.30233257263183977, 0.14675589081711304, 0.0923385947687978}}},
      {42, {{0.3745401188473625, 0.9507143064099162, 0.7319939418114051},
            {0.5986584841970366, 0.15601864044243652, 0.15599452033620265}}},
  };
  for (const auto& c : cases) {
    Rng rng(c.seed);
    kata::test::check_mat_close(rng.rand(2, 3), c.expected, 0.0,
                                "Rng(" + std::to_string(c.seed) + ").rand(2, 3) vs numpy");
  }
}

BOOST_AUTO_TEST_CASE(randn_matches_numpy_including_cached_second_value) {
  const struct {
    unsigned seed;
    arma::rowvec expected;
  } cases[] = {
      {0, {1.764052345967664, 0.4001572083672233, 0.9787379841057392}},
      {1, {1.6243453636632417, -0.6117564136500754, -0.5281717522634557}},
      {42, {0.4967141530112327, -0.13826430117118466, 0.6476885381006925}},
  };
  for (const auto& c : cases) {
    Rng rng(c.seed);
    kata::test::check_mat_close(rng.randn(1, 3), c.expected, 0.0,
                                "Rng(" + std::to_string(c.seed) + ").randn(1, 3) vs numpy");
  }
}

BOOST_AUTO_TEST_CASE(randn_matrix_fills_rows_first) {
  Rng a(3), b(3);
  const arma::mat m = a.randn(2, 3);
  for (arma::uword i = 0; i < 2; ++i)
    for (arma::uword j = 0; j < 3; ++j) BOOST_TEST(m(i, j) == b.randn());
}

BOOST_AUTO_TEST_CASE(permutation_matches_numpy) {
  const struct {
    unsigned seed;
    arma::uvec expected;
  } cases[] = {
      {0, {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}},
      {1, {2, 9, 6, 4, 0, 3, 1, 7, 8, 5}},
      {42, {8, 1, 5, 0, 7, 2, 9, 4, 3, 6}},
  };
  for (const auto& c : cases) {
    Rng rng(c.seed);
    kata::test::check_mat_close(rng.permutation(10), c.expected, 0.0,
                                "Rng(" + std::to_string(c.seed) + ").permutation(10) vs numpy");
  }
  Rng rng(0);
  BOOST_TEST(rng.permutation(0).n_elem == 0u);
  BOOST_TEST(rng.permutation(1)(0) == 0u);
}

BOOST_AUTO_TEST_CASE(randint_matches_numpy) {
  // np.random.seed(s); [np.random.randint(0, 7) for _ in range(5)], np.random.randint(5, 1000, size=4)
  const struct {
    unsigned seed;
    std::vector<long long> small, large;
  } cases[] = {
      {0, {4, 5, 0, 3, 3}, {712, 364, 14, 728}},
      {1, {5, 3, 4, 0, 1}, {720, 650, 852, 965}},
      {42, {6, 3, 4, 6, 2}, {76, 705, 25, 619}},
  };
  for (const auto& c : cases) {
    Rng rng(c.seed);
    for (long long v : c.small) BOOST_TEST(rng.randint(0, 7) == v);
    for (long long v : c.large) BOOST_TEST(rng.randint(5, 1000) == v);
  }
  // Ranges wider than 2^32 draw 64-bit values: np.random.seed(0); np.random.randint(0, 2**40) x3,
  // and np.random.seed(5); np.random.randint(-2**35, 2**35, size=3).
  Rng wide(0);
  for (long long v : {741280623151LL, 506137267392LL, 291447657211LL}) BOOST_TEST(wide.randint(0, 1LL << 40) == v);
  wide.seed(5);
  for (long long v : {-21237839666LL, 33635296957LL, -7027696522LL})
    BOOST_TEST(wide.randint(-(1LL << 35), 1LL << 35) == v);
  Rng rng(0);
  BOOST_TEST(rng.randint(4, 5) == 4);
  kata::test::check_rejects([&] { rng.randint(3, 3); }, "randint()", "high == low");
}

// Ranges wider than 2^63 (issue 10): high - low - 1 does not fit a signed 64-bit integer, so randint must
// compute in unsigned arithmetic like numpy does. Before that fix these calls were undefined behaviour
// (signed overflow), and under the sanitize preset UBSan aborted the check.
// Expected values: /usr/bin/python3 with numpy 1.24.2 (Debian python3-numpy), e.g.
//   np.random.seed(0); [np.random.randint(-2**63, 2**63 - 1) for _ in range(4)]
BOOST_AUTO_TEST_CASE(randint_covers_the_full_int64_range_like_numpy) {
  constexpr long long lowest = std::numeric_limits<long long>::min();  // -2^63
  constexpr long long highest = std::numeric_limits<long long>::max();  // 2^63 - 1 (exclusive: numpy's limit too)
  const struct {
    unsigned seed;
    std::vector<long long> expected;
  } full[] = {
      {0, {900450186894289455LL, 3969543146641149120LL, 1895649597198586619LL, 827948490035658087LL}},
      {1, {-1530673954295414549LL, 4064269471072392264LL, -9221262077785750647LL, -3646320530140619131LL}},
      {42, {-2314326399425823309LL, 8314211556539077902LL, 4279532810384561223LL, 1819927849474927636LL}},
  };
  for (const auto& c : full) {
    Rng rng(c.seed);
    for (std::size_t i = 0; i < c.expected.size(); ++i) {
      const long long got = rng.randint(lowest, highest);
      BOOST_CHECK_MESSAGE(got == c.expected[i], "Rng(" << c.seed << ").randint(-2^63, 2^63 - 1) draw " << i
                                                       << ": expected " << c.expected[i] << " (numpy), got "
                                                       << got
                                                       << kata::test::hint_suffix(
                                                              "compute high - low - 1 in std::uint64_t"));
    }
  }
  // Half ranges, each just over 2^63 - 1 wide or exactly: np.random.seed(7); randint(-2**63, 0) x3, and
  // np.random.seed(7); randint(-1, 2**63 - 1) x3.
  Rng rng(7);
  for (long long v : {-7815732517915138876LL, -4059781650074555914LL, -1136149262272507693LL})
    BOOST_TEST(rng.randint(lowest, 0) == v);
  rng.seed(7);
  for (long long v : {1407639518939636931LL, 5163590386780219893LL, 8087222774582268114LL})
    BOOST_TEST(rng.randint(-1, highest) == v);
  // Mixed widths from one stream: np.random.seed(3); randint(-2**63, 5) x2, randint(0, 7) x2,
  // randint(-5, 2**63 - 1) x2.
  rng.seed(3);
  for (long long v : {-3857126681373350968LL, -6906731853346584919LL}) BOOST_TEST(rng.randint(lowest, 5) == v);
  for (long long v : {2LL, 5LL}) BOOST_TEST(rng.randint(0, 7) == v);
  for (long long v : {949402413808418209LL, 8131506278483621519LL}) BOOST_TEST(rng.randint(-5, highest) == v);
  // At numpy's one-32-bit-draw limit (high - low - 1 = 2^32 - 2, then exactly 2^32 - 1), the second at the
  // bottom of the range: np.random.seed(9); randint(-2**31, 2**31 - 1) x3, then randint(-2**63, -2**63 + 2**32) x3.
  rng.seed(9);
  for (long long v : {-2102926978LL, -582135460LL, 8051326LL})
    BOOST_TEST(rng.randint(-(1LL << 31), (1LL << 31) - 1) == v);
  for (long long v : {-9223372034711027211LL, -9223372034725445706LL, -9223372036822378440LL})
    BOOST_TEST(rng.randint(lowest, lowest + (1LL << 32)) == v);
  BOOST_TEST(rng.randint(highest - 1, highest) == highest - 1);
  BOOST_TEST(rng.randint(lowest, lowest + 1) == lowest);
  kata::test::check_rejects([&] { rng.randint(highest, lowest); }, "randint()", "high = -2^63 < low = 2^63 - 1");
}

BOOST_AUTO_TEST_CASE(seed_restarts_the_stream_and_forgets_the_cached_normal) {
  Rng rng(7);
  const double first = rng.randn();
  rng.seed(7);
  BOOST_TEST(rng.randn() == first);
  rng.seed(7);
  Rng fresh(7);
  BOOST_TEST(rng.rand() == fresh.rand());
  BOOST_TEST(rng.next_uint32() == fresh.next_uint32());
}

// Rng writes MT19937 out (refilled 624 words at a time); std::mt19937 is the same generator, so the two
// streams agree word for word, across many refills and for seeds at both ends of the range.
BOOST_AUTO_TEST_CASE(the_32_bit_stream_is_mt19937) {
  for (const unsigned seed : {0u, 1u, 5489u, 4294967295u}) {
    Rng rng(seed);
    std::mt19937 reference(seed);
    int first_difference = -1;
    for (int i = 0; i < 10 * 624 + 7 && first_difference < 0; ++i)
      if (rng.next_uint32() != static_cast<std::uint32_t>(reference())) first_difference = i;
    BOOST_CHECK_MESSAGE(first_difference < 0, "Rng(" << seed << ") differs from std::mt19937 at draw " << first_difference);
  }
}

// rand(rows, cols) converts whole rows straight from the buffer when they fit; the matrix must still be
// the same draws as rand() one by one in row-major order, also for rows that straddle a refill.
BOOST_AUTO_TEST_CASE(rand_matrix_is_rand_in_row_major_order_across_refills) {
  Rng a(11), b(11);
  for (const auto& [rows, cols] : {std::pair<arma::uword, arma::uword>{40, 150}, {7, 311}, {1, 700}, {300, 1}}) {
    const arma::mat m = a.rand(rows, cols);
    arma::uword mismatches = 0;
    for (arma::uword i = 0; i < rows; ++i)
      for (arma::uword j = 0; j < cols; ++j) mismatches += m(i, j) == b.rand() ? 0 : 1;
    BOOST_CHECK_MESSAGE(mismatches == 0, "rand(" << rows << ", " << cols << "): " << mismatches
                                                 << " entries differ from rand() drawn one by one, row by row");
  }
}

BOOST_AUTO_TEST_SUITE_END()

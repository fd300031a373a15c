// kata/vmath.hpp: exp_n and log1p_n against the scalar std::exp and std::log1p, on every tail length
// (0-3 values after the last full vector), in place, and at the values where the result must be exact.
#include "kata/vmath.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "kata_test.hpp"

namespace {

using kata::test::kInf;
using kata::test::kNaN;
using kata::test::show;

// How many units in the last place b is from a (0 when both are the same NaN class or the same value).
double ulps(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0.0 : kInf;
  if (a == b) return 0.0;
  const double unit = std::nextafter(std::abs(a), kInf) - std::abs(a);
  return std::abs(a - b) / unit;
}

// glibc documents its vector functions to within 4 ulp of the exact result and the scalar ones to within 1;
// 4 ulp between the two leaves room for both. A wrong function (or a lane put in the wrong place) is off by
// far more.
constexpr double kUlpTolerance = 4.0;

using Scalar = double (*)(double);
using Vector = void (*)(const double*, double*, std::size_t);

void check_against_scalar(Vector f, Scalar g, const std::vector<double>& x, const char* name) {
  for (std::size_t n = 0; n <= x.size(); ++n) {  // every length: full vectors and each tail
    std::vector<double> out(n + 1, -7.0);  // the sentinel after the end must stay
    f(x.data(), out.data(), n);
    for (std::size_t i = 0; i < n; ++i)
      BOOST_CHECK_MESSAGE(ulps(g(x[i]), out[i]) <= kUlpTolerance,
                          name << "(" << show(x[i]) << ") with n = " << n << ": " << show(out[i]) << ", expected "
                               << show(g(x[i])) << " within " << kUlpTolerance << " ulp");
    BOOST_CHECK_MESSAGE(out[n] == -7.0, name << " with n = " << n << " wrote past the end");
  }
  std::vector<double> in_place = x;  // y may be x
  f(in_place.data(), in_place.data(), in_place.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    BOOST_CHECK_MESSAGE(ulps(g(x[i]), in_place[i]) <= kUlpTolerance,
                        name << " in place, x = " << show(x[i]) << ": " << show(in_place[i]));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(vector_math)

BOOST_AUTO_TEST_CASE(exp_n_is_exp) {
  std::vector<double> x;
  for (double v = -745.0; v <= 709.0; v += 37.3) x.push_back(v);
  for (double v : {-1e-300, -0.5, 1e-17, 0.25, 1.0, 2.5}) x.push_back(v);
  check_against_scalar(kata::exp_n, [](double v) { return std::exp(v); }, x, "exp_n");
}

BOOST_AUTO_TEST_CASE(log1p_n_is_log1p) {
  std::vector<double> x;
  for (double v = 1e-300; v < 1e300; v *= 913.7) x.push_back(v);
  for (double v : {-0.999, -0.5, -1e-17, 0.0, 0.25, 1.0}) x.push_back(v);
  check_against_scalar(kata::log1p_n, [](double v) { return std::log1p(v); }, x, "log1p_n");
}

// Exact where the networks rely on it: σ(0) = 1 / (1 + e^0) is exactly 0.5 (predict's tie at 0.5), a
// loss of log1p(e^-inf) = 0, and Inf and NaN passed on.
BOOST_AUTO_TEST_CASE(exact_values) {
  const std::vector<double> x{0.0, -0.0, -kInf, kInf, kNaN, -1000.0, 1000.0};
  std::vector<double> e(x.size());
  kata::exp_n(x.data(), e.data(), x.size());
  BOOST_TEST(e[0] == 1.0);
  BOOST_TEST(e[1] == 1.0);
  BOOST_TEST(e[2] == 0.0);
  BOOST_TEST(e[3] == kInf);
  BOOST_TEST(std::isnan(e[4]));
  BOOST_TEST(e[5] == 0.0);  // underflow
  BOOST_TEST(e[6] == kInf);  // overflow
  const std::vector<double> y{0.0, -1.0, kInf, kNaN};
  std::vector<double> l(y.size());
  kata::log1p_n(y.data(), l.data(), y.size());
  BOOST_TEST(l[0] == 0.0);
  BOOST_TEST(l[1] == -kInf);
  BOOST_TEST(l[2] == kInf);
  BOOST_TEST(std::isnan(l[3]));
}

BOOST_AUTO_TEST_SUITE_END()

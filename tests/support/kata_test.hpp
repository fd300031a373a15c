// Helpers for checks that teach: every failure names the expected value, the actual value, the
// tolerance, and the likely mistake ("hint").
//
//   kata::test::check_close(cost, 0.3085, 1e-8, "bayes_error(d/sigma = 1)", "did you use Phi(-d/sigma)?");
//   kata::test::check_mat_close(out, expected, 1e-12, "dropout_forward() output", "divide by keep_prob");
//   kata::test::check_rejects([&] { split_sizes(0, {1.0}); }, "split_sizes()", "m = 0");
#pragma once

#include <armadillo>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>

#include "kata/errors.hpp"

namespace kata::test {

// Bad inputs that checks feed to a function which must reject them.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

inline std::string hint_suffix(const std::string& hint) {
  return hint.empty() ? std::string() : "\n  hint: " + hint;
}

// |actual - expected| <= tol (absolute). NaN never passes.
inline void check_close(double actual, double expected, double tol, const std::string& what,
                        const std::string& hint = "") {
  const bool ok = std::abs(actual - expected) <= tol;
  BOOST_CHECK_MESSAGE(ok, what << ": expected " << std::setprecision(17) << expected << ", got " << actual
                               << " (absolute tolerance " << tol << ")" << hint_suffix(hint));
}

// |actual - expected| <= rel * |expected| (relative). NaN never passes.
inline void check_close_rel(double actual, double expected, double rel, const std::string& what,
                            const std::string& hint = "") {
  const bool ok = std::abs(actual - expected) <= rel * std::abs(expected);
  BOOST_CHECK_MESSAGE(ok, what << ": expected " << std::setprecision(17) << expected << ", got " << actual
                               << " (relative tolerance " << rel << ")" << hint_suffix(hint));
}

// Same shape, and every entry within tol (absolute). Reports the worst entry.
template <typename A, typename B>
bool check_mat_close(const A& actual_in, const B& expected_in, double tol, const std::string& what,
                     const std::string& hint = "") {
  const arma::mat actual = arma::conv_to<arma::mat>::from(actual_in);
  const arma::mat expected = arma::conv_to<arma::mat>::from(expected_in);
  if (actual.n_rows != expected.n_rows || actual.n_cols != expected.n_cols) {
    BOOST_ERROR(what << ": expected shape " << expected.n_rows << " x " << expected.n_cols << ", got "
                     << actual.n_rows << " x " << actual.n_cols << hint_suffix(hint));
    return false;
  }
  if (actual.n_elem == 0) return true;
  if (!actual.is_finite()) {
    BOOST_ERROR(what << ": result contains NaN or Inf" << hint_suffix(hint));
    return false;
  }
  const arma::mat diff = arma::abs(actual - expected);
  const arma::uword worst = diff.index_max();
  const bool ok = diff(worst) <= tol;
  BOOST_CHECK_MESSAGE(ok, what << ": entry (" << worst % actual.n_rows << ", " << worst / actual.n_rows
                               << ") expected " << std::setprecision(17) << expected(worst) << ", got "
                               << actual(worst) << " (absolute tolerance " << tol << ")"
                               << hint_suffix(hint));
  return ok;
}

// The call must throw std::invalid_argument whose message starts with `function` (e.g. "split_sizes()").
// A kata::NotImplemented from a stub propagates, so the check reports "not implemented yet".
inline void check_rejects(const std::function<void()>& call, const std::string& function,
                          const std::string& bad_input) {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    BOOST_CHECK_MESSAGE(message.rfind(function, 0) == 0,
                        function << " rejected " << bad_input << ", but its message should start with '"
                                 << function << "': got '" << message << "'");
    return;
  }
  BOOST_ERROR(function << " should reject " << bad_input << " with std::invalid_argument, but returned"
                       << hint_suffix("validate the arguments first and throw std::invalid_argument(\"" +
                                      function + ": ...\")"));
}

// Hoeffding: for the mean of n independent draws in [0, 1], P(|mean - p| >= t) <= 2 exp(-2 n t^2).
// Returns the t whose false-failure probability is `delta` (the workspace uses delta = 1e-9).
inline double hoeffding_radius(double n, double delta = 1e-9) {
  return std::sqrt(std::log(2.0 / delta) / (2.0 * n));
}

}  // namespace kata::test

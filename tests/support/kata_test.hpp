// Helpers for checks that teach: every failure names the expected value, the actual value, the
// tolerance, and the likely mistake ("hint").
//
//   kata::test::check_close(cost, 0.3085, 1e-8, "bayes_error(d/sigma = 1)", "did you use Phi(-d/sigma)?");
//   kata::test::check_mat_close(out, expected, 1e-12, "dropout_forward() output", "divide by keep_prob");
//   kata::test::check_rejects([&] { split_sizes(0, {1.0}); }, "split_sizes()", "m = 0", "m");
//   kata::test::show(1 + 2e-16) == "1.0000000000000002"  (values in messages: shortest exact text)
#pragma once

#include <armadillo>
#include <boost/test/unit_test.hpp>
#include <charconv>
#include <cmath>
#include <functional>
#include <iomanip>
#include <limits>
#include <new>
#include <optional>
#include <sstream>
#include <string>

#include "kata/errors.hpp"

namespace kata::test {

// Bad inputs that checks feed to a function which must reject them.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// A double as the shortest text that reads back as exactly the same double: 0.03 stays "0.03" (not
// 0.029999999999999999), and 1 + 2^-52 shows as "1.0000000000000002", visibly not 1.
inline std::string show(double x) {
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
  return std::string(buf, end);
}

inline std::string hint_suffix(const std::string& hint) {
  return hint.empty() ? std::string() : "\n  hint: " + hint;
}

// |actual - expected| <= tol (absolute). NaN never passes.
inline void check_close(double actual, double expected, double tol, const std::string& what,
                        const std::string& hint = "") {
  const bool ok = std::abs(actual - expected) <= tol;
  BOOST_CHECK_MESSAGE(ok, what << ": expected " << show(expected) << ", got " << show(actual)
                               << " (absolute tolerance " << show(tol) << ")" << hint_suffix(hint));
}

// |actual - expected| <= rel * |expected| (relative). NaN never passes.
inline void check_close_rel(double actual, double expected, double rel, const std::string& what,
                            const std::string& hint = "") {
  const bool ok = std::abs(actual - expected) <= rel * std::abs(expected);
  BOOST_CHECK_MESSAGE(ok, what << ": expected " << show(expected) << ", got " << show(actual)
                               << " (relative tolerance " << show(rel) << ")" << hint_suffix(hint));
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
                               << ") expected " << show(expected(worst)) << ", got " << show(actual(worst))
                               << " (absolute tolerance " << show(tol) << ")"
                               << hint_suffix(hint));
  return ok;
}

// The call must throw std::invalid_argument whose message starts with `function` (e.g. "split_sizes()")
// and, when `mentions` is given, contains it (the bad value or the argument's name, e.g. "keep_prob" or
// show(1 + eps)): a rejection for another reason than the bad input is not the rejection asked for.
// A kata::NotImplemented from a stub propagates, so the check reports "not implemented yet".
inline void check_rejects(const std::function<void()>& call, const std::string& function,
                          const std::string& bad_input, const std::string& mentions = "") {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    BOOST_CHECK_MESSAGE(message.rfind(function, 0) == 0,
                        function << " rejected " << bad_input << ", but its message should start with '"
                                 << function << "': got '" << message << "'");
    BOOST_CHECK_MESSAGE(mentions.empty() || message.find(mentions) != std::string::npos,
                        function << " rejected " << bad_input << ", but its message should name '" << mentions
                                 << "' (what is wrong): got '" << message << "'"
                                 << hint_suffix("name the argument that is wrong in the message (or was the input rejected for another reason?)"));
    return;
  } catch (const kata::NotImplemented&) {
    throw;
  } catch (const std::exception& e) {
    // e.g. Armadillo's std::logic_error from a product of mismatched shapes: the input reached the
    // arithmetic unchecked, and the learner should see this check's own words, not a fatal error.
    BOOST_ERROR(function << " should reject " << bad_input << " with std::invalid_argument, but it threw another "
                         << "exception: \"" << e.what() << "\""
                         << hint_suffix("check the argument yourself before using it, and throw std::invalid_argument(\"" +
                                        function + ": ...\")"));
    return;
  }
  BOOST_ERROR(function << " should reject " << bad_input
                       << " with std::invalid_argument, but it returned normally (no exception)"
                       << hint_suffix("validate the arguments first and throw std::invalid_argument(\"" +
                                      function + ": ...\")"));
}

// The message of the std::invalid_argument the call throws ("" for anything else): to look at what a
// message says after check_rejects() has checked the rejection itself.
inline std::string message_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    return e.what();
  } catch (...) {
  }
  return "";
}

// What a call of the lesson's code returned, or std::nullopt after failing the check with the call, the
// exception and its message: an exception that left the check would show only its own text, not which
// call threw or with which arguments. The stub's kata::NotImplemented goes on ("not implemented yet").
//   if (const auto got = returns("split_sizes(10, {0.5, 0.5})", [&] { return split_sizes(10, {0.5, 0.5}); })) ...
template <typename F>
auto returns(const std::string& call, F&& f) -> std::optional<decltype(f())> {
  try {
    return f();
  } catch (const kata::NotImplemented&) {
    throw;
  } catch (const std::bad_alloc&) {
    BOOST_ERROR(call << " used too much memory: an allocation failed (std::bad_alloc)"
                     << hint_suffix("a size far too large, e.g. a negative number turned unsigned?"));
  } catch (const std::invalid_argument& e) {
    BOOST_ERROR(call << " threw std::invalid_argument(\"" << e.what() << "\"), but these arguments are valid"
                     << hint_suffix("reject only what the contract calls invalid"));
  } catch (const std::exception& e) {
    BOOST_ERROR(call << " threw an exception: \"" << e.what() << "\"; it should have returned a result");
  }
  return std::nullopt;
}

// Hoeffding: for the mean of n independent draws in [0, 1], P(|mean - p| >= t) <= 2 exp(-2 n t^2).
// Returns the t whose false-failure probability is `delta` (the workspace uses delta = 1e-9).
inline double hoeffding_radius(double n, double delta = 1e-9) {
  return std::sqrt(std::log(2.0 / delta) / (2.0 * n));
}

}  // namespace kata::test

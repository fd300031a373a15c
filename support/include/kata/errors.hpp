// Errors shared by the workspace.
//
//  - kata::NotImplemented: thrown by stubs through KATA_TODO(). Deliberately NOT derived from
//    std::invalid_argument (nor std::logic_error), so a check that expects invalid_argument fails on a stub.
//  - kata::require(cond, message): throws std::invalid_argument(message) when cond is false. By convention
//    the message starts with the function name: "dropout_forward(): keep_prob must be in (0, 1], got 0".
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace kata {

class NotImplemented : public std::runtime_error {
 public:
  NotImplemented(const char* function, const char* file, int line);
  const std::string& function() const noexcept { return function_; }

 private:
  std::string function_;
};

// The path relative to the workspace root ("lessons/04_dropout/dropout.cpp"), for messages.
std::string workspace_relative(const std::string& path);

inline void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

namespace detail {

// One part of str(), written as `std::ostream << part` with precision 17 writes it. Text and numbers
// are appended directly: validation builds its message before it knows whether it needs it (every call
// of a lesson function), and an ostringstream costs about a microsecond to set up.
template <typename T>
void append_part(std::string& out, const T& part) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    out += std::string_view(part);
  } else if constexpr (std::is_same_v<T, char> || std::is_same_v<T, signed char> ||
                       std::is_same_v<T, unsigned char>) {
    out += static_cast<char>(part);
  } else if constexpr (std::is_same_v<T, bool>) {
    out += part ? '1' : '0';
  } else if constexpr (std::is_integral_v<T>) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, part).ptr);
  } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    char digits[40];  // "%.17g" is what the stream does with precision 17
    const int n = std::snprintf(digits, sizeof digits, "%.17g", static_cast<double>(part));
    out.append(digits, static_cast<std::size_t>(n));
  } else {
    std::ostringstream stream;
    stream.precision(17);
    stream << part;
    out += stream.str();
  }
}

}  // namespace detail

// Joins any streamable values into one string: str("got ", 3, " rows") == "got 3 rows". Numbers read as
// `std::ostream` with precision 17 writes them (1.5 -> "1.5", 0.1 -> "0.10000000000000001").
template <typename... Parts>
std::string str(const Parts&... parts) {
  std::string out;
  (detail::append_part(out, parts), ...);
  return out;
}

}  // namespace kata

// The one line a stub function body contains. Delete it when you implement the function.
#define KATA_TODO() throw ::kata::NotImplemented(__func__, __FILE__, __LINE__)

// Errors shared by the workspace.
//
//  - kata::NotImplemented: thrown by stubs through KATA_TODO(). Deliberately NOT derived from
//    std::invalid_argument (nor std::logic_error), so a check that expects invalid_argument fails on a stub.
//  - kata::require(cond, message): throws std::invalid_argument(message) when cond is false. By convention
//    the message starts with the function name: "dropout_forward(): keep_prob must be in (0, 1], got 0".
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

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

// Joins any streamable values into one string: str("got ", 3, " rows") == "got 3 rows".
template <typename... Parts>
std::string str(const Parts&... parts) {
  std::ostringstream out;
  out.precision(17);
  (out << ... << parts);
  return out.str();
}

}  // namespace kata

// The one line a stub function body contains. Delete it when you implement the function.
#define KATA_TODO() throw ::kata::NotImplemented(__func__, __FILE__, __LINE__)

// Fixture for generator_test.sh (not compiled). kata_mutate --all must find exactly the mutation sites
// that a line's "expect:" comment lists, separated by "; ", and none on any other line.
#include <vector>  // a < b > c in an include line
#include "kata/errors.hpp"
#define LESS(a, b) ((a) < (b) ? 1 : 0)

// if (a < b) return a + 1;  a comment is not code
/* a block comment: x >= 2 && y != 0 - 1
   over two lines: n_rows * 2 */

namespace fixture {

void require(bool ok, const char* message);
std::string str(int value);
struct Point { int x; };
struct Mat { unsigned n_rows, n_cols; };

const char* strings_and_chars() {
  const char* text = "a < b && c - 1 / 2";
  const char lt = '<', quote = '\'', slash = '/';
  const char* raw = R"(x > 0 || "y" <= 1)";
  const char* utf8 = u8"n_rows + 1";
  return text + lt + quote + slash + raw + utf8;  // expect: + → -; + → -; + → -; + → -; + → -
}

double templates(const std::vector<std::vector<int>>& v, double x) {
  const auto n = static_cast<double>(v.size());
  std::map<int, std::pair<int, double>> m;
  const double y = std::numeric_limits<double>::max() * x;  // expect: * → /
  return std::function<double(double)>([](double t) { return t; })(n) + y;  // expect: + → -
}

void streams(std::ostream& out, int a, int b) {
  out << a << b << std::endl;
  const int shifted = a >> b;
  out << shifted;
}

int members(const fixture::Point* p, const Point& q) {
  return p->x + q.x;  // expect: + → -
}

double unary(double a, double b) {
  const double c = -a;
  return -c * b;  // expect: * → /
}

bool compare(int a, int b, const std::vector<int>& v) {
  return a < b && static_cast<int>(v.size()) > a;  // expect: < → <=; && → ||; > → >=
}

struct Key {
  int k;
  bool operator<(const Key& o) const { return k < o.k; }  // expect: < → <=
};

void checks(int m, double x) {
  require(m > 0, str(m + 1));  // expect: require(…) → removed; > → >=; 0 → 1
  require(x >= 0.0,  // expect: require(…) → removed; >= → >; 0.0 → 1.0
          str("x must be >= 0, got ", x - 1.0));
  validate_sizes(m, x);  // expect: validate_sizes(…) → removed
  if (m == 2) throw std::invalid_argument(str(m - 1));  // expect: if (…) → if (!(…)); == → !=; 2 → 3; throw std::invalid_argument(…) → removed
  for (int k = 0; k < m; ++k) check_value(k);  // expect: 0 → 1; < → <=; ++ → --; check_value(…) → removed
  const bool used = checked(m);
  const int total = validate_total(m);
}

bool logic(bool a, bool b, double x) {
  return !a && (b || x != 0.5);  // expect: ! → removed; && → ||; || → &&; != → ==; 0.5 → 1.0
}

double literals(double x) {
  const long big = 10'000;  // expect: 10'000 → 10001
  const double tiny = 1e-9 + 2.5 * x;  // expect: 1e-9 → 2e-09; + → -; 2.5 → 3.5; * → /
  const bool flag = true;  // expect: true → false
  return big + tiny + flag;  // expect: + → -; + → -
}

double compound(double x, int n) {
  x += 1.0;  // expect: += → -=; 1.0 → 0.0
  x /= 2.0;  // expect: /= → *=; 2.0 → 3.0
  n--;  // expect: -- → ++
  return x - n;  // expect: - → +
}

unsigned dims(const Mat& A) {
  const unsigned n_rows = A.n_cols;  // expect: n_cols → n_rows
  return n_rows * A.n_rows;  // expect: * → /; n_rows → n_cols
}

}  // namespace fixture

// kata_mutate [--count N | --all] [--root DIR] [--out DIR] FILE...
//
// The mutation gate's generator (README, "Quality gates"). It reads solution files and lists the places
// where a classic operator mutant can be made, then picks N of them (default 25, shared between the files
// in proportion to their sites) spread over each file: every function gets its share (see pick()). The
// choice depends only on the source text: the same files give the same mutants, and an edit moves the
// choice only in the function it touches.
//
// Mutation operators, one mutant per site:
//   relational   <  <=  >  >=  ==  !=        ->  <=  <  >=  >  !=  ==   (the boundary shift / negation)
//   logical      &&  ||                     ->  ||  &&
//   negation     !x                         ->  x
//   arithmetic   binary +  -  *  /          ->  -  +  /  *
//   assignment   +=  -=  *=  /=             ->  -=  +=  /=  *=
//   increment    ++  --                     ->  --  ++
//   literal      0 -> 1, 1 -> 0, n -> n + 1; 0.0 -> 1.0, 1.0 -> 0.0, x -> x + 1 (x > 1), x -> 2x (x < 1);
//                true <-> false
//   if           if (c)                     ->  if (!(c))
//   validation   a require(...); / validate_*(...); / require_*(...); / check_*(...); statement, or a
//                throw std::invalid_argument(...); statement, removed
//   dims         .n_rows                    <-> .n_cols
//
// Never mutated: comments, string and character literals (raw strings too), preprocessor lines
// (#include), template argument lists (static_cast<double>, std::vector<std::vector<int>>), the stream
// operators << and >>, ->, ::, unary minus, &, the `*` of a built-in or `const T*` pointer declarator (in
// `T* p` without const it reads as a product: that mutant does not compile and is not counted), and the
// message arguments of a check: everything inside str(...), the arguments of a thrown
// std::invalid_argument, and a require()'s arguments after its condition. A message mutant changes only the
// text of an error, which the checks read for its leading function name and nothing else
// (kata::test::check_rejects); counting such mutants would ask for a message-text check per require()
// instead of pointing at a missing behaviour check.
//
// Output: one tab-separated line per mutant, in source order:
//   id  file  line  kind  change  occurrence  line-text  function
// `id` is 8 hex digits of a hash of (file, line text, change, occurrence), so it survives edits elsewhere
// in the file; `occurrence` counts identical (line text, change) pairs in the file (1 for the first).
// With --out DIR each mutant's source is written to DIR/<id>/<file name>; the inputs are never written.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------------------
// Tokens

enum class Kind { ident, number, string, character, punct };

struct Token {
  Kind kind;
  std::size_t pos, len;
  int line;  // 1-based
};

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Longest match first.
const char* const puncts[] = {"<<=", ">>=", "<=>", "...", "->*", "->", "::", "<<", ">>", "<=", ">=", "==", "!=",
                              "&&",  "||",  "++",  "--",  "+=",  "-=", "*=", "/=", "%=", "&=", "|=", "^=", ".*"};

class Lexer {
 public:
  explicit Lexer(const std::string& text) : s_(text) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    bool line_start = true;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\n') {
        ++line_, ++i_, line_start = true;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++i_;
      } else if (c == '#' && line_start) {
        skip_preprocessor_line();
      } else if (s_.compare(i_, 2, "//") == 0) {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (s_.compare(i_, 2, "/*") == 0) {
        const auto end = s_.find("*/", i_ + 2);
        advance_to(end == std::string::npos ? s_.size() : end + 2);
      } else {
        line_start = false;
        out.push_back(next_token());
      }
    }
    return out;
  }

 private:
  void advance_to(std::size_t end) {
    for (; i_ < end && i_ < s_.size(); ++i_)
      if (s_[i_] == '\n') ++line_;
  }

  void skip_preprocessor_line() {
    while (i_ < s_.size() && s_[i_] != '\n') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++line_, ++i_;
      ++i_;
    }
  }

  // A quoted literal starting at the quote at i_ (escapes honoured).
  void quoted(char quote) {
    ++i_;
    while (i_ < s_.size() && s_[i_] != quote && s_[i_] != '\n') i_ += s_[i_] == '\\' ? 2 : 1;
    if (i_ < s_.size() && s_[i_] == quote) ++i_;
  }

  // R"delim( ... )delim" with i_ at the opening quote.
  void raw_string() {
    const auto open = s_.find('(', i_);
    const std::string close = ")" + s_.substr(i_ + 1, open - i_ - 1) + "\"";
    const auto end = s_.find(close, open);
    advance_to(end == std::string::npos ? s_.size() : end + close.size());
  }

  Token next_token() {
    const std::size_t start = i_;
    const int line = line_;
    const char c = s_[i_];
    auto make = [&](Kind k) { return Token{k, start, i_ - start, line}; };
    if (ident_start(c)) {
      while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
      const std::string word = s_.substr(start, i_ - start);
      const bool prefix = word == "R" || word == "u8R" || word == "LR" || word == "uR" || word == "UR" ||
                          word == "u8" || word == "L" || word == "u" || word == "U";
      if (prefix && i_ < s_.size() && s_[i_] == '"') {
        if (word.back() == 'R') raw_string();
        else quoted('"');
        return make(Kind::string);
      }
      if (prefix && word.back() != 'R' && i_ < s_.size() && s_[i_] == '\'') {
        quoted('\'');
        return make(Kind::character);
      }
      return make(Kind::ident);
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
      const bool hex = s_.compare(i_, 2, "0x") == 0 || s_.compare(i_, 2, "0X") == 0;
      ++i_;
      while (i_ < s_.size()) {
        const char d = s_[i_];
        const char prev = s_[i_ - 1];
        const bool exponent_sign = (d == '+' || d == '-') &&
                                   (hex ? (prev == 'p' || prev == 'P') : (prev == 'e' || prev == 'E'));
        // 10'000: a digit separator sits between two digits.
        const bool separator = d == '\'' && i_ + 1 < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[i_ + 1]));
        if (ident_char(d) || d == '.' || exponent_sign || separator) ++i_;
        else break;
      }
      return make(Kind::number);
    }
    if (c == '"') {
      quoted('"');
      return make(Kind::string);
    }
    if (c == '\'') {
      quoted('\'');
      return make(Kind::character);
    }
    for (const char* p : puncts)
      if (s_.compare(i_, std::char_traits<char>::length(p), p) == 0) {
        i_ += std::char_traits<char>::length(p);
        return make(Kind::punct);
      }
    ++i_;
    return make(Kind::punct);
  }

  const std::string& s_;
  std::size_t i_ = 0;
  int line_ = 1;
};

// ---------------------------------------------------------------------------------------------------------
// Sites

struct Site {
  int line;
  std::string kind;
  std::size_t pos, len;     // the source range replaced
  std::string replacement;  // its new text
  std::string change;       // "< → <=", "require(…) → removed"
  int occurrence = 1;
  std::string key;          // file, line text, change, occurrence
  std::uint64_t hash = 0;
  std::size_t region = 0;   // the top-level block (function body, class) holding it; npos outside any
  std::string function;     // that block's name
};

Site make_site(int line, const char* kind, std::size_t pos, std::size_t len, std::string replacement,
               std::string change) {
  Site s;
  s.line = line;
  s.kind = kind;
  s.pos = pos;
  s.len = len;
  s.replacement = std::move(replacement);
  s.change = std::move(change);
  return s;
}

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;
  for (const unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  // MurmurHash3's finalizer: keys that differ in their last character get unrelated high bits.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

std::string hex8(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(h >> 32));
  return buf;
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  const auto b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

// Shortest decimal text that reads back as v, always with a '.' or an exponent so it stays a double.
std::string double_text(double v) {
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string out = buf;
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
  return out;
}

// The mutated literal, or "" when it cannot be read.
std::string mutate_literal(const std::string& lexeme) {
  std::string digits;
  for (const char c : lexeme)
    if (c != '\'') digits += c;
  const bool hex = digits.rfind("0x", 0) == 0 || digits.rfind("0X", 0) == 0;
  const bool floating = !hex && digits.find_first_of(".eE") != std::string::npos;
  std::size_t suffix_at = digits.size();
  while (suffix_at > 0 && std::string("uUlLfF").find(digits[suffix_at - 1]) != std::string::npos) --suffix_at;
  if (floating && suffix_at < digits.size() && (digits.back() == 'f' || digits.back() == 'F') &&
      digits.find_first_of("eE") != std::string::npos)
    suffix_at = digits.size() - 1;
  const std::string suffix = digits.substr(suffix_at);
  const std::string body = digits.substr(0, suffix_at);
  try {
    if (floating) {
      const double v = std::stod(body);
      const double m = v == 0.0 ? 1.0 : v == 1.0 ? 0.0 : v > 1.0 ? v + 1.0 : 2.0 * v;
      return double_text(m) + suffix;
    }
    const unsigned long long v = std::stoull(body, nullptr, 0);
    const unsigned long long m = v == 0 ? 1 : v == 1 ? 0 : v + 1;
    return std::to_string(m) + suffix;
  } catch (const std::exception&) {
    return "";
  }
}

class SiteFinder {
 public:
  SiteFinder(const std::string& text, std::vector<Token> tokens) : s_(text), t_(std::move(tokens)) {
    match_brackets();
    mark_templates();
    mark_regions();
    mark_messages();
  }

  std::vector<Site> find() {
    std::vector<Site> sites;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (skip_[i]) continue;
      const std::string w = text(i);
      if (t_[i].kind == Kind::number) {
        const std::string m = mutate_literal(w);
        if (!m.empty()) add(sites, i, "literal", m, w + " → " + m);
      } else if (t_[i].kind == Kind::ident) {
        ident_sites(sites, i, w);
      } else if (t_[i].kind == Kind::punct) {
        punct_sites(sites, i, w);
      }
    }
    return sites;
  }

 private:
  std::string text(std::size_t i) const { return i < t_.size() ? s_.substr(t_[i].pos, t_[i].len) : ""; }
  bool is(std::size_t i, const char* w) const { return i < t_.size() && text(i) == w; }
  std::string prev(std::size_t i) const { return i == 0 ? "" : text(i - 1); }

  void add(std::vector<Site>& sites, std::size_t i, const char* kind, const std::string& replacement,
           const std::string& change) const {
    push(sites, i, make_site(t_[i].line, kind, t_[i].pos, t_[i].len, replacement, change));
  }

  // Adds a site made at token i, with the top-level block it is in.
  void push(std::vector<Site>& sites, std::size_t i, Site site) const {
    site.region = region_[i];
    const auto name = region_name_.find(region_[i]);
    site.function = name == region_name_.end() ? "-" : name->second;
    sites.push_back(std::move(site));
  }

  // ( [ { and their partners; unmatched ones point at themselves.
  void match_brackets() {
    match_.assign(t_.size(), 0);
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      match_[i] = i;
      if (t_[i].kind != Kind::punct) continue;
      const std::string w = text(i);
      if (w == "(" || w == "[" || w == "{") stack.push_back(i);
      else if ((w == ")" || w == "]" || w == "}") && !stack.empty()) {
        match_[i] = stack.back();
        match_[stack.back()] = i;
        stack.pop_back();
      }
    }
  }

  static bool keyword(const std::string& w) {
    static const std::set<std::string> words = {
        "return", "case", "throw", "else", "do", "new", "delete", "sizeof", "co_return", "co_yield", "const",
        "constexpr", "auto", "void", "bool", "char", "short", "int", "long", "float", "double", "signed",
        "unsigned", "static", "volatile", "typename", "class", "struct", "operator", "template", "using",
        "if", "for", "while", "switch", "not", "and", "or"};
    return words.count(w) > 0;
  }

  // `<` opens a template argument list when it follows a name and a matching `>` comes before anything
  // that cannot appear in a type or a constant argument (`;`, `{`, `.`, `&&`, `||`, `?`, `=`, arithmetic).
  // Everything from the `<` to its `>` is then skipped.
  void mark_templates() {
    skip_.assign(t_.size(), false);
    in_template_.assign(t_.size(), false);
    static const std::set<std::string> allowed = {"::", ",", "*", "&", "(", ")", "[", "]", "...", "<", ">", ">>"};
    for (std::size_t i = 1; i < t_.size(); ++i) {
      if (text(i) != "<" || skip_[i]) continue;
      const std::string before = prev(i);
      if (t_[i - 1].kind != Kind::ident || (keyword(before) && before != "template")) continue;
      int depth = 0, parens = 0;
      std::size_t j = i;
      for (; j < t_.size(); ++j) {
        const std::string w = text(j);
        if (t_[j].kind == Kind::punct && !allowed.count(w)) break;
        if (w == "(" || w == "[") ++parens;
        if ((w == ")" || w == "]") && --parens < 0) break;  // closes a bracket opened before the '<'
        if (w == "<") ++depth;
        else if (w == ">") --depth;
        else if (w == ">>") depth -= 2;
        if (depth <= 0) break;
      }
      if (j < t_.size() && depth <= 0 && (text(j) == ">" || text(j) == ">>"))
        for (std::size_t k = i; k <= j; ++k) skip_[k] = in_template_[k] = true;
    }
  }

  // The top-level blocks: a function's body, or a class's (namespace braces do not count). Each token
  // gets the index of the `{` that opens its block, npos outside any.
  void mark_regions() {
    region_.assign(t_.size(), npos);
    std::size_t current = npos;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (current == npos && text(i) == "{" && !namespace_brace(i)) {
        current = i;
        region_name_[i] = block_name(i);
      }
      region_[i] = current;
      if (current != npos && text(i) == "}" && match_[i] == current) current = npos;
    }
  }

  bool namespace_brace(std::size_t open) const {
    std::size_t k = open;
    while (k >= 2 && t_[k - 1].kind == Kind::ident && text(k - 2) == "::") k -= 2;  // namespace a::b {
    if (k >= 1 && t_[k - 1].kind == Kind::ident && text(k - 1) != "namespace") --k;
    return (k >= 1 && text(k - 1) == "namespace") || (k >= 2 && t_[k - 1].kind == Kind::string && text(k - 2) == "extern");
  }

  // The name before the first '(' of the declaration that ends at `open` ("split_sizes",
  // "EarlyStopping::update"), or for a class the last name before its '{'.
  std::string block_name(std::size_t open) const {
    std::size_t start = open;
    while (start > 0 && text(start - 1) != ";" && text(start - 1) != "}" && text(start - 1) != "{") --start;
    for (std::size_t k = start; k < open; ++k)
      if (text(k) == "(" && !in_template_[k] && k > start && t_[k - 1].kind == Kind::ident) {
        std::string name = text(k - 1);
        for (std::size_t q = k - 1; q >= start + 2 && text(q - 1) == "::" && t_[q - 2].kind == Kind::ident; q -= 2)
          name = text(q - 2) + "::" + name;
        return name;
      }
    for (std::size_t k = open; k > start; --k)
      if (t_[k - 1].kind == Kind::ident) return text(k - 1);
    return "-";
  }

  // Messages: inside str(...), a thrown std::invalid_argument's arguments, a require()'s arguments after
  // its condition.
  void mark_messages() {
    for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
      if (t_[i].kind != Kind::ident || text(i + 1) != "(") continue;
      const std::size_t open = i + 1, close = match_[open];
      if (close == open) continue;
      std::size_t from = t_.size();
      if (text(i) == "str" || text(i) == "invalid_argument") from = open + 1;
      if (text(i) == "require")
        for (std::size_t k = open + 1; k < close; k = match_[k] + 1)
          if (text(k) == ",") {
            from = k;
            break;
          }
      for (std::size_t k = from; k < close; ++k) skip_[k] = true;
    }
  }

  // Where a statement may begin: after ; { } else, or after the ) of an if/for/while header.
  bool statement_start(std::size_t i) const {
    if (i == 0) return true;
    const std::string p = prev(i);
    if (p == ";" || p == "{" || p == "}" || p == "else") return true;
    if (p == ")") {
      const std::size_t open = match_[i - 1];
      return open > 0 && open != i - 1 && (is(open - 1, "if") || is(open - 1, "for") || is(open - 1, "while"));
    }
    return false;
  }

  static bool validation_name(const std::string& w) {
    for (const char* p : {"require", "validate", "check"})
      if (w == p || w.rfind(std::string(p) + "_", 0) == 0) return true;
    return false;
  }

  // A binary operator follows an operand: a name (not a keyword), a number, ) or ]. A name that ends a
  // `const T` or `const ns::T` is a type, so a `*` after it is a declarator.
  bool after_operand(std::size_t i) const {
    if (i == 0) return false;
    const Token& p = t_[i - 1];
    if (p.kind == Kind::number) return true;
    if (p.kind == Kind::ident) {
      std::size_t k = i - 1;
      while (k >= 2 && text(k - 1) == "::" && t_[k - 2].kind == Kind::ident) k -= 2;
      return !keyword(text(i - 1)) && !(k > 0 && text(k - 1) == "const");
    }
    return text(i - 1) == ")" || text(i - 1) == "]";
  }

  void ident_sites(std::vector<Site>& sites, std::size_t i, const std::string& w) {
    if (w == "true" || w == "false") {
      const std::string other = w == "true" ? "false" : "true";
      add(sites, i, "literal", other, w + " → " + other);
    } else if ((w == "n_rows" || w == "n_cols") && i > 0 && (prev(i) == "." || prev(i) == "->")) {
      const std::string other = w == "n_rows" ? "n_cols" : "n_rows";
      add(sites, i, "dims", other, w + " → " + other);
    } else if (w == "if" && is(i + 1, "(") && match_[i + 1] != i + 1) {
      const std::size_t open = i + 1, close = match_[open];
      const std::size_t from = t_[open].pos, to = t_[close].pos + 1;
      const std::string inner = s_.substr(t_[open + 1].pos, t_[close].pos - t_[open + 1].pos);
      push(sites, i, make_site(t_[i].line, "if", from, to - from, "(!(" + inner + "))", "if (…) → if (!(…))"));
    } else if (validation_name(w) && is(i + 1, "(") && statement_start(i)) {
      const std::size_t close = match_[i + 1];
      if (close != i + 1 && is(close + 1, ";"))
        drop(sites, i, close + 1, w + "(…) → removed");
    } else if (w == "throw" && statement_start(i) && is(i + 1, "std") && is(i + 2, "::") &&
               is(i + 3, "invalid_argument")) {
      std::size_t k = i + 1;
      while (k < t_.size() && text(k) != ";") k = match_[k] + 1;
      if (k < t_.size()) drop(sites, i, k, "throw std::invalid_argument(…) → removed");
    }
  }

  // Removes the statement from token `first` to the `;` at `last`. `{}` keeps an if/for body a statement.
  void drop(std::vector<Site>& sites, std::size_t first, std::size_t last, const std::string& change) {
    const std::size_t from = t_[first].pos, to = t_[last].pos + 1;
    push(sites, first, make_site(t_[first].line, "validation", from, to - from, "{}", change));
  }

  void punct_sites(std::vector<Site>& sites, std::size_t i, const std::string& w) {
    static const std::map<std::string, std::string> relational = {
        {"<", "<="}, {"<=", "<"}, {">", ">="}, {">=", ">"}, {"==", "!="}, {"!=", "=="}};
    static const std::map<std::string, std::string> arithmetic = {{"+", "-"}, {"-", "+"}, {"*", "/"}, {"/", "*"}};
    static const std::map<std::string, std::string> assignment = {
        {"+=", "-="}, {"-=", "+="}, {"*=", "/="}, {"/=", "*="}};
    if (prev(i) == "operator") return;
    if (const auto r = relational.find(w); r != relational.end()) {
      add(sites, i, "relational", r->second, w + " → " + r->second);
    } else if (w == "&&" || w == "||") {
      // `auto&& x` and `T&& x)` are declarators, not a logical and.
      if (w == "&&" && (prev(i) == "auto" || prev(i) == "const" || is(i + 1, ")") || is(i + 1, ",") ||
                        is(i + 1, "...")))
        return;
      const std::string other = w == "&&" ? "||" : "&&";
      add(sites, i, "logical", other, w + " → " + other);
    } else if (w == "!") {
      add(sites, i, "negation", "", "! → removed");
    } else if (const auto a = arithmetic.find(w); a != arithmetic.end()) {
      if (after_operand(i)) add(sites, i, "arithmetic", a->second, w + " → " + a->second);
    } else if (const auto c = assignment.find(w); c != assignment.end()) {
      add(sites, i, "assignment", c->second, w + " → " + c->second);
    } else if (w == "++" || w == "--") {
      const std::string other = w == "++" ? "--" : "++";
      add(sites, i, "increment", other, w + " → " + other);
    }
  }

  const std::string& s_;
  std::vector<Token> t_;
  std::vector<std::size_t> match_;
  std::vector<bool> skip_, in_template_;
  std::vector<std::size_t> region_;
  std::map<std::size_t, std::string> region_name_;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// ---------------------------------------------------------------------------------------------------------

struct SourceFile {
  fs::path path;
  std::string name;  // as printed: relative to --root when given
  std::string text;
  std::vector<std::string> lines;
  std::vector<Site> sites;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

void load(SourceFile& f) {
  f.text = read(f.path);
  f.lines = split_lines(f.text);
  f.sites = SiteFinder(f.text, Lexer(f.text).run()).find();
  // Sites ordered by position (an if's site starts at its '(', before the sites inside it).
  std::stable_sort(f.sites.begin(), f.sites.end(), [](const Site& a, const Site& b) { return a.pos < b.pos; });
  std::map<std::string, int> seen;
  for (Site& s : f.sites) {
    const std::string line_text = trim(f.lines.at(static_cast<std::size_t>(s.line - 1)));
    s.occurrence = ++seen[line_text + "\n" + s.change];
    s.key = f.name + "\n" + line_text + "\n" + s.change + "\n" + std::to_string(s.occurrence);
    s.hash = fnv1a(s.key);
  }
}

// Splits `total` picks over groups of the given sizes: one for every non-empty group when there are
// enough, the rest in proportion to the sizes (largest remainder; ties to the earlier group).
std::vector<std::size_t> apportion(const std::vector<std::size_t>& sizes, std::size_t total) {
  std::size_t all = 0, groups = 0;
  for (const std::size_t n : sizes) all += n, groups += n > 0;
  if (total >= all) return sizes;
  std::vector<std::size_t> out(sizes.size(), 0);
  const std::size_t base = total >= groups ? 1 : 0;
  double weight = 0;
  for (std::size_t g = 0; g < sizes.size(); ++g)
    if (sizes[g] > 0) out[g] = base, weight += static_cast<double>(sizes[g] - base);
  const std::size_t rest = total - base * groups;
  std::size_t given = base * groups;
  std::vector<std::pair<double, std::size_t>> remainder;
  for (std::size_t g = 0; g < sizes.size(); ++g) {
    if (sizes[g] == 0) continue;
    const double exact = static_cast<double>(rest) * static_cast<double>(sizes[g] - base) / weight;
    const auto whole = std::min(sizes[g] - base, static_cast<std::size_t>(exact));
    out[g] += whole;
    given += whole;
    remainder.push_back({exact - static_cast<double>(whole), g});
  }
  std::stable_sort(remainder.begin(), remainder.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (std::size_t r = 0; given < total; r = (r + 1) % remainder.size()) {
    const std::size_t g = remainder[r].second;
    if (out[g] < sizes[g]) ++out[g], ++given;
  }
  return out;
}

// `count` sites spread over the file: every top-level block (function, class) with sites gets its share
// (apportion()), and inside a block the sites with the smallest hashes are taken. A site's hash depends
// only on its own line, so an edit changes the choice only in the block it touches (and, rarely, moves
// one pick between blocks when the shares shift).
std::vector<const Site*> pick(const std::vector<Site>& sites, std::size_t count) {
  std::vector<std::size_t> order;  // regions in order of appearance
  std::map<std::size_t, std::vector<const Site*>> by_region;
  for (const Site& s : sites) {
    if (by_region[s.region].empty()) order.push_back(s.region);
    by_region[s.region].push_back(&s);
  }
  std::vector<std::size_t> sizes;
  for (const std::size_t r : order) sizes.push_back(by_region[r].size());
  const auto quota = apportion(sizes, count);
  std::vector<const Site*> chosen;
  for (std::size_t g = 0; g < order.size(); ++g) {
    auto members = by_region[order[g]];
    std::stable_sort(members.begin(), members.end(), [](const Site* a, const Site* b) { return a->hash < b->hash; });
    chosen.insert(chosen.end(), members.begin(), members.begin() + static_cast<std::ptrdiff_t>(quota[g]));
  }
  std::sort(chosen.begin(), chosen.end(), [](const Site* a, const Site* b) { return a->pos < b->pos; });
  return chosen;
}

std::string tsv_safe(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

int usage() {
  std::cerr << "usage: kata_mutate [--count N | --all] [--root DIR] [--out DIR] FILE...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 25;
  bool all = false;
  fs::path root, out_dir;
  std::vector<SourceFile> files;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--all") all = true;
      else if (a == "--count" && i + 1 < argc) count = std::stoul(argv[++i]);
      else if (a == "--root" && i + 1 < argc) root = argv[++i];
      else if (a == "--out" && i + 1 < argc) out_dir = argv[++i];
      else if (!a.empty() && a[0] == '-') return usage();
      else {
        files.emplace_back();
        files.back().path = a;
      }
    }
    if (files.empty()) return usage();
    for (SourceFile& f : files) {
      f.name = root.empty() ? f.path.generic_string() : fs::relative(f.path, root).generic_string();
      load(f);
    }
    std::vector<std::size_t> sizes;
    for (const auto& f : files) sizes.push_back(f.sites.size());
    const auto counts = apportion(sizes, count);
    for (std::size_t k = 0; k < files.size(); ++k) {
      const SourceFile& f = files[k];
      for (const Site* s : all ? pick(f.sites, f.sites.size()) : pick(f.sites, counts[k])) {
        const std::string id = hex8(s->hash);
        const std::string line_text = trim(f.lines.at(static_cast<std::size_t>(s->line - 1)));
        std::cout << id << '\t' << f.name << '\t' << s->line << '\t' << s->kind << '\t' << s->change << '\t'
                  << s->occurrence << '\t' << tsv_safe(line_text) << '\t' << s->function << '\n';
        if (out_dir.empty()) continue;
        std::string mutated = f.text;
        mutated.replace(s->pos, s->len, s->replacement);
        fs::create_directories(out_dir / id);
        std::ofstream(out_dir / id / f.path.filename(), std::ios::binary) << mutated;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "kata_mutate: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

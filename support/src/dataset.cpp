// Dataset files: opening them safely, SHA-256 checksums (OpenSSL's libcrypto), parsing CSV, one-hot.
// Everything that can go wrong with a file becomes a kata::DatasetError naming the file (dataset.hpp).
#include <fcntl.h>
#include <openssl/evp.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "kata/dataset.hpp"
#include "kata/errors.hpp"
#include "kata_source_dir.hpp"  // generated: KATA_SOURCE_DIR

namespace kata {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;  // one read() of a file
constexpr std::size_t kExcerptChars = 80;                  // at most this much of a line in a message
constexpr std::size_t kValueChars = 40;                    // at most this much of one field
constexpr std::uint64_t kMaxSumsBytes = std::uint64_t{1} << 20;

[[noreturn]] void fail(const std::string& message) { throw DatasetError(message); }

// ---------------------------------------------------------------------------------------------------
// Showing bytes in messages: invisible and non-UTF-8 characters escaped, long text cut.

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, no surrogates, at most
// U+10FFFF), or 0 if the bytes at p are not one. *cp receives the code point.
std::size_t utf8_length(const unsigned char* p, const unsigned char* end, char32_t* cp) {
  const unsigned char c = *p;
  // The lead byte gives the length, its payload bits and the smallest code point of that length.
  const std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || static_cast<std::size_t>(end - p) < n) return 0;
  *cp = c & (0x7F >> n);
  const char32_t lowest = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  for (std::size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (p[i] & 0x3F);
  }
  if (*cp < lowest || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return n;
}

// Code points that print as nothing (or as a space) but change what a parser sees.
bool invisible(char32_t cp) {
  return cp <= 0x9F || cp == 0xA0 || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

// Appends the character at p in visible form; returns how many bytes it used (at least 1).
std::size_t append_visible(std::string& out, const unsigned char* p, const unsigned char* end) {
  static constexpr char hex[] = "0123456789ABCDEF";
  const unsigned char c = *p;
  if (c >= 0x20 && c < 0x7F && c != '\\') {
    out += static_cast<char>(c);
    return 1;
  }
  switch (c) {
    case '\\': out += "\\\\"; return 1;
    case '\t': out += "\\t"; return 1;
    case '\r': out += "\\r"; return 1;
    case '\n': out += "\\n"; return 1;
    case '\0': out += "\\0"; return 1;
    default: break;
  }
  char32_t cp = 0;
  const std::size_t n = c < 0x80 ? 0 : utf8_length(p, end, &cp);
  if (n == 0) {  // a control byte, or a byte that is not UTF-8
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 0xF];
    return 1;
  }
  if (invisible(cp)) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
  } else {
    out.append(reinterpret_cast<const char*>(p), n);
  }
  return n;
}

std::string_view span(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

const unsigned char* bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

// The text in visible form, cut after about max_chars characters ("..." marks the cut).
std::string visible(std::string_view text, std::size_t max_chars = kValueChars) {
  std::string out;
  const unsigned char* p = bytes(text);
  const unsigned char* end = p + text.size();
  std::size_t shown = 0;
  while (p < end) {
    if (shown >= max_chars) {
      out += "...";
      break;
    }
    p += append_visible(out, p, end);
    ++shown;
  }
  return out;
}

// The 1-based character column of byte offset `at` in a line (a byte that is not UTF-8 counts as one).
std::size_t column_of(std::string_view line, std::size_t at) {
  const unsigned char* p = bytes(line);
  const unsigned char* end = p + line.size();
  const unsigned char* stop = p + std::min(at, line.size());
  std::size_t column = 1;
  for (char32_t cp = 0; p < stop; ++column) {
    const std::size_t n = *p < 0x80 ? 1 : utf8_length(p, end, &cp);
    p += n == 0 ? 1 : n;
  }
  return column;
}

// About kExcerptChars characters of the line around byte offset `at`, on a line of its own, and a caret
// under `at` on the next.
std::string excerpt(std::string_view line, std::size_t at) {
  at = std::min(at, line.size());
  std::size_t begin = 0;
  if (line.size() > kExcerptChars && at > kExcerptChars / 3) {
    begin = at - kExcerptChars / 3;
    while (begin < at && (line[begin] & 0xC0) == 0x80) ++begin;  // not inside a UTF-8 sequence
  }
  std::string text = begin > 0 ? "..." : "";
  std::size_t width = text.size();  // columns shown so far
  std::size_t caret = width;
  const unsigned char* p = bytes(line) + begin;
  const unsigned char* focus = bytes(line) + at;
  const unsigned char* end = bytes(line) + line.size();
  for (; p < end && (width < kExcerptChars || p <= focus); ) {
    if (p == focus) caret = width;
    const std::size_t before = text.size();
    const std::size_t used = append_visible(text, p, end);
    const std::size_t added = text.size() - before;
    width += used > 1 && added == used ? 1 : added;  // a multi-byte character copied as is takes one column
    p += used;
  }
  if (p == focus) caret = width;
  if (p < end) text += "...";
  return "\n    " + text + "\n    " + std::string(caret, ' ') + "^";
}

// ---------------------------------------------------------------------------------------------------
// Opening files: regular files only, every cause named.

std::string type_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// Why `path` cannot be opened, from errno, as the rest of a sentence that starts with the path.
std::string open_failure(int err, const std::string& path) {
  switch (err) {
    case ENOENT: {
      char target[4096];
      const ssize_t n = ::readlink(path.c_str(), target, sizeof target);
      if (n >= 0)
        return " is a symlink to '" + visible(std::string_view(target, static_cast<std::size_t>(n)), 200) +
               "', which does not exist";
      return " does not exist";
    }
    case EACCES: return ": permission denied (the file, or a folder on its path, is not readable by this user)";
    case ELOOP: return ": symlink loop (too many levels of symbolic links)";
    case ENOTDIR: return ": a part of the path before the file name is not a folder";
    case ENAMETOOLONG: return ": the path, or a name in it, is too long";
    default: return ": cannot open it: " + std::string(std::strerror(err));
  }
}

// A regular file opened for reading. The type is checked before opening (open() on a named pipe with no
// writer would wait forever) and again on the open descriptor, in case the path changed in between.
class InputFile {
 public:
  InputFile(const std::string& path, const std::string& function) : function_(function) {
    if (path.empty()) fail(function + ": no file name given (the path is empty)");
    shown_ = visible(path, 4096);
    if (path.find('\0') != std::string::npos) fail(function + ": the path contains a NUL byte: '" + shown_ + "'");
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) fail(function + ": " + shown_ + open_failure(errno, path));
    if (!S_ISREG(st.st_mode)) fail(function + ": " + shown_ + " is " + type_of(st.st_mode) + ", not a regular file");
    // O_NONBLOCK: should the path have become a FIFO since stat(), open() returns at once instead of
    // waiting for a writer; on a regular file the flag changes nothing.
    fd_.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd_.fd < 0) fail(function + ": " + shown_ + open_failure(errno, path));
    if (::fstat(fd_.fd, &st) != 0) fail(function + ": " + shown_ + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) fail(function + ": " + shown_ + " is " + type_of(st.st_mode) + ", not a regular file");
    size_ = static_cast<std::uint64_t>(st.st_size);
  }

  // "load_csv(): path" — how messages about this file start.
  std::string where() const { return function_ + ": " + shown_; }
  const std::string& function() const { return function_; }
  std::uint64_t size() const { return size_; }

  // Up to n bytes; 0 at the end of the file.
  std::size_t read(char* into, std::size_t n) {
    for (;;) {
      const ssize_t got = ::read(fd_.fd, into, n);
      if (got >= 0) {
        offset_ += static_cast<std::uint64_t>(got);
        return static_cast<std::size_t>(got);
      }
      if (errno != EINTR) fail(str(where(), ": read error after ", offset_, " bytes: ", std::strerror(errno)));
    }
  }

  void rewind() {
    if (::lseek(fd_.fd, 0, SEEK_SET) != 0) fail(where() + ": cannot seek back to its start: " + std::strerror(errno));
    offset_ = 0;
  }

  // Throws if the file's size changed since it was opened (someone writing to it while we read).
  void check_unchanged() const {
    struct stat st {};
    if (::fstat(fd_.fd, &st) != 0 || static_cast<std::uint64_t>(st.st_size) != size_)
      fail(where() + ": the file changed while it was being read; load it again");
  }

 private:
  // Closes the descriptor also when the constructor throws after opening it.
  struct Descriptor {
    int fd = -1;
    Descriptor() = default;
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
      if (fd >= 0) ::close(fd);
    }
  };
  std::string function_;
  std::string shown_;
  Descriptor fd_;
  std::uint64_t size_ = 0;
  std::uint64_t offset_ = 0;
};

// ---------------------------------------------------------------------------------------------------
// SHA-256 through OpenSSL's EVP interface.

std::string to_hex(const unsigned char* digest, unsigned int n) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

class Sha256 {
 public:
  explicit Sha256(const std::string& function) : function_(function), ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) failed();
  }
  void update(const char* data, std::size_t n) {
    if (n > 0 && EVP_DigestUpdate(ctx_.get(), data, n) != 1) failed();
  }
  std::string hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx_.get(), digest.data(), &n) != 1) failed();
    return to_hex(digest.data(), n);
  }

 private:
  [[noreturn]] void failed() const { fail(function_ + ": OpenSSL's SHA-256 (EVP_Digest*) failed"); }
  std::string function_;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

// ---------------------------------------------------------------------------------------------------
// Lines: LF, CRLF or a lone CR ends one; read in chunks, so memory does not grow with the file.

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool blank(std::string_view line) {
  for (char c : line)
    if (!is_space(c)) return false;
  return true;
}

class LineReader {
 public:
  explicit LineReader(InputFile& file) : file_(file), buffer_(kChunkBytes) {}

  // The next line without its line break; false after the last one.
  bool next(std::string_view& line) {
    for (;;) {
      const char* begin = buffer_.data() + begin_;
      const char* end = buffer_.data() + end_;
      // One scan for either byte: two memchr() calls would rescan the rest of the buffer for every line
      // of a file that has only one kind of line break (a CR-only file took 19 s for 200 000 lines).
      const char* stop = begin;
      while (stop < end && *stop != '\n' && *stop != '\r') ++stop;
      // A CR at the end of the buffer may be the first half of a CRLF: read on before deciding.
      if (stop < end && (*stop == '\n' || stop + 1 < end || eof_))
        return take(line, begin, stop, *stop == '\r' && stop + 1 < end && stop[1] == '\n' ? 2 : 1);
      if (eof_) {
        if (begin == end) return false;
        return take(line, begin, end, 0);
      }
      if (end_ - begin_ > kMaxLineBytes) too_long(begin);
      fill();
    }
  }

  std::size_t line_number() const { return line_; }

 private:
  bool take(std::string_view& line, const char* begin, const char* stop, std::size_t ending) {
    line = span(begin, stop);
    if (line.size() > kMaxLineBytes) too_long(begin);
    begin_ += line.size() + ending;
    ++line_;
    return true;
  }

  [[noreturn]] void too_long(const char* begin) const {
    fail(str(file_.where(), ":", line_ + 1, ": line ", line_ + 1, " is longer than ", kMaxLineBytes,
             " bytes (kMaxLineBytes): a binary file, or a file without line breaks? It starts:",
             excerpt(std::string_view(begin, 2 * kExcerptChars), 0)));
  }

  // Keeps the unfinished line, moved to the front, and reads more after it.
  void fill() {
    if (begin_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // a line longer than the buffer
    const std::size_t got = file_.read(buffer_.data() + end_, buffer_.size() - end_);
    eof_ = got == 0;
    end_ += got;
  }

  InputFile& file_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::size_t line_ = 0;
};

// Reads the whole file once: counts the lines that are not blank (with the same rule as LineReader and
// blank(), so the matrix can be allocated at its final size) and feeds the bytes to `hash` if given.
std::size_t count_lines(InputFile& file, Sha256* hash) {
  std::vector<char> chunk(kChunkBytes);
  std::size_t lines = 0;
  bool counted = false;  // this line has been counted
  while (const std::size_t got = file.read(chunk.data(), chunk.size())) {
    if (hash != nullptr) hash->update(chunk.data(), got);
    for (std::size_t i = 0; i < got; ++i) {
      const char c = chunk[i];
      if (c == '\n' || c == '\r') {
        counted = false;
      } else if (!counted && !is_space(c)) {
        counted = true;
        ++lines;
      }
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Numbers: std::from_chars (no locale, no allocation, exact rounding, subnormals accepted).

enum class Parse { ok, empty, not_a_number, trailing, not_finite, too_large };

struct Number {
  Parse status = Parse::ok;
  double value = 0.0;
  const char* text = nullptr;  // the field without surrounding spaces
  const char* stop = nullptr;  // where parsing stopped (the first unexpected character)
};

// For a result_out_of_range: is the magnitude too large (true) or below the smallest subnormal?
// Decided by the decimal order of magnitude: digits before the point, or minus the zeros after it,
// plus the exponent. The two ranges (~1e308 and ~1e-324) are far from order 0.
bool overflows(const char* p, const char* end) {
  long long order = 0;
  bool point = false, nonzero = false;
  for (; p < end && *p != 'e' && *p != 'E'; ++p) {
    if (*p == '.') {
      point = true;
    } else if (*p >= '0' && *p <= '9') {  // (not the sign)
      if (!point && (nonzero || *p != '0')) ++order;          // an integer digit after leading zeros
      if (point && !nonzero && *p == '0') --order;            // a zero right after the point
      nonzero = nonzero || *p != '0';
    }
  }
  long long exponent = 0;
  if (p < end) {
    ++p;
    const bool negative = p < end && *p == '-';
    if (p < end && (*p == '+' || *p == '-')) ++p;
    if (std::from_chars(p, end, exponent).ec == std::errc::result_out_of_range)
      exponent = std::numeric_limits<long long>::max() / 2;
    if (negative) exponent = -exponent;
  }
  return order + exponent > 0;
}

Number parse_number(const char* begin, const char* end) {
  while (begin < end && is_space(*begin)) ++begin;
  while (end > begin && is_space(end[-1])) --end;
  Number n;
  n.text = begin;
  n.stop = end;
  if (begin == end) return n.status = Parse::empty, n;
  const char* p = begin;
  if (*p == '+' && p + 1 < end && (std::isdigit(static_cast<unsigned char>(p[1])) || p[1] == '.')) ++p;
  const auto [stop, ec] = std::from_chars(p, end, n.value);
  n.stop = stop;
  if (ec == std::errc::invalid_argument) return n.status = Parse::not_a_number, n;
  if (stop != end) return n.status = Parse::trailing, n;
  if (ec == std::errc::result_out_of_range) {
    if (overflows(p, end)) return n.status = Parse::too_large, n;
    n.value = *p == '-' ? -0.0 : 0.0;  // below the smallest subnormal: rounds to zero
  }
  if (!std::isfinite(n.value)) n.status = Parse::not_finite;
  return n;
}

// ---------------------------------------------------------------------------------------------------
// CSV.

struct Field {
  std::string_view text;  // without surrounding spaces
  std::size_t at = 0;     // byte offset of `text` in the line
};

std::vector<Field> split_fields(std::string_view line) {
  std::vector<Field> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = std::min(line.find(',', start), line.size());
    std::size_t b = start, e = comma;
    while (b < e && is_space(line[b])) ++b;
    while (e > b && is_space(line[e - 1])) --e;
    fields.push_back({line.substr(b, e - b), b});
    if (comma == line.size()) return fields;
    start = comma + 1;
  }
}

class CsvParser {
 public:
  explicit CsvParser(InputFile& file) : file_(file), lines_(file) {}

  Dataset parse(std::size_t counted_lines) {
    read_header();
    Dataset data;
    const std::size_t n_features = names_.size() - 1;
    data.feature_names.assign(names_.begin(), names_.end() - 1);
    const std::size_t capacity = counted_lines > 0 ? counted_lines - 1 : 0;
    data.X.set_size(n_features, capacity);  // examples are columns: one row of the file fills one column
    data.y.set_size(capacity);
    std::size_t m = 0;
    std::string_view line;
    while (lines_.next(line)) {
      if (blank(line)) continue;
      if (m == capacity) fail(file_.where() + ": the file changed while it was being read; load it again");
      data.y(m) = parse_row(line, data.X.colptr(m));
      ++m;
    }
    file_.check_unchanged();
    if (m == 0) fail(str(file_.where(), ": has a header but no rows (", lines_.line_number(), " lines)"));
    if (m < capacity) {  // only when the first line was a byte-order mark alone: the count included it
      data.X = data.X.cols(0, m - 1);
      data.y = data.y.head(m);
    }
    return data;
  }

 private:
  [[noreturn]] void fail_at(std::string_view line, std::size_t at, const std::string& cause) const {
    fail(str(file_.where(), ":", lines_.line_number(), ":", column_of(line, at), ": ", cause, excerpt(line, at)));
  }

  std::string column_name(std::size_t j) const { return str("field ", j + 1, " ('", visible(names_[j]), "')"); }

  void read_header() {
    const std::string_view line = header_line();
    if (const auto nul = line.find('\0'); nul != std::string_view::npos)
      fail_at(line, nul, "the header contains a NUL byte: a binary file, or UTF-16/UTF-32 text (save it as UTF-8)?");
    const auto fields = split_fields(line);
    const Field& last = fields.back();
    if (fields.size() == 1) {
      for (const char separator : {';', '\t', '|'})
        if (const auto at = line.find(separator); at != std::string_view::npos)
          fail_at(line, at, str("fields must be separated by commas, but the header has none and uses '",
                                visible(std::string_view(&separator, 1)), "'"));
      if (last.text == "label")
        fail_at(line, 0, "the header has only the 'label' column: at least one feature must come before it");
    }
    if (last.text.empty())
      fail_at(line, last.at, "the header ends with a comma (an empty last name); the last name must be 'label'");
    if (last.text != "label") {
      const bool other_case = last.text.size() == 5 && strncasecmp(last.text.data(), "label", 5) == 0;
      fail_at(line, last.at, "the header's last field must be 'label' (the class column), got '" +
                                 visible(last.text) + "'" + (other_case ? " (names are case-sensitive)" : ""));
    }
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t j = 0; j < fields.size(); ++j) {
      if (fields[j].text.empty())
        fail_at(line, fields[j].at, str("header field ", j + 1, " is empty: every column needs a name"));
      const auto [it, fresh] = seen.emplace(fields[j].text, j);
      if (!fresh)
        fail_at(line, fields[j].at, str("the name '", visible(fields[j].text), "' appears twice in the header (fields ",
                                        it->second + 1, " and ", j + 1, ")"));
    }
    for (const Field& f : fields) names_.emplace_back(f.text);
  }

  // The first line that is not blank, without a UTF-8 byte-order mark at the start of the file.
  std::string_view header_line() {
    std::string_view line;
    for (bool first = true;; first = false) {
      if (!lines_.next(line)) fail(file_.where() + " has no header: it holds only blank lines");
      const bool utf16 = line.substr(0, 2) == "\xFF\xFE" || line.substr(0, 2) == "\xFE\xFF";
      if (first && utf16)
        fail_at(line, 0, "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
      if (first && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
      if (!blank(line)) return line;
    }
  }

  // Parses one line into `features` (n_features values) and returns its label.
  arma::uword parse_row(std::string_view line, double* features) const {
    const std::size_t n_fields = names_.size();
    const char* begin = line.data();
    const char* end = begin + line.size();
    const char* p = begin;
    for (std::size_t j = 0;; ++j) {
      const auto* comma = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
      if (j + 1 < n_fields && comma == nullptr)
        fail_at(line, line.size(), str("expected ", n_fields, " fields like the header, got ", j + 1));
      if (j + 1 == n_fields && comma != nullptr) {
        const std::size_t got = n_fields + static_cast<std::size_t>(std::count(comma, end, ','));
        const char* why = end[-1] == ',' ? " (the line ends with a comma)"
                                         : " (a decimal comma, or a comma inside a value? numbers use '.')";
        fail_at(line, static_cast<std::size_t>(comma + 1 - begin),
                str("expected ", n_fields, " fields like the header, got ", got, why));
      }
      const char* field_end = comma != nullptr ? comma : end;
      const Number n = parse_number(p, field_end);
      if (j + 1 == n_fields) return label_of(line, n, p);
      if (n.status != Parse::ok) fail_at(line, offset(line, n), value_problem(column_name(j), n, p, field_end));
      features[j] = n.value;
      p = comma + 1;
    }
  }

  static std::size_t offset(std::string_view line, const Number& n) {
    return static_cast<std::size_t>((n.status == Parse::trailing ? n.stop : n.text) - line.data());
  }

  static std::string value_problem(const std::string& what, const Number& n, const char* field, const char* field_end) {
    const std::string value = "'" + visible(span(n.text, field_end)) + "'";
    switch (n.status) {
      case Parse::empty: return what + " is empty: every example needs a value in every column";
      case Parse::not_a_number: return what + " is not a number: " + value;
      case Parse::trailing:
        return what + " has unexpected characters after the number: " + value + " (from '" +
               visible(span(n.stop, field_end), 10) + "' on)";
      case Parse::not_finite:
        return what + " is " + value + ": infinities and NaN (missing values) are not allowed; fill or drop them first";
      case Parse::too_large: return what + " is too large for a double (above ~1.8e308): " + value;
      case Parse::ok: break;
    }
    return what + " " + visible(span(field, field_end));
  }

  arma::uword label_of(std::string_view line, const Number& n, const char* field) const {
    if (n.status == Parse::ok && n.value >= 0 && n.value <= double(kMaxClasses - 1) && n.value == std::floor(n.value))
      return static_cast<arma::uword>(n.value);
    // The message is built only here: per row it would cost more than the parsing.
    const char* field_end = line.data() + line.size();
    const std::string what = column_name(names_.size() - 1);
    if (n.status == Parse::empty || n.status == Parse::not_a_number || n.status == Parse::trailing)
      fail_at(line, offset(line, n), value_problem(what, n, field, field_end));
    const std::string value = visible(span(n.text, field_end));
    const bool fraction = n.status == Parse::ok && n.value != std::floor(n.value);
    fail_at(line, offset(line, n), str(what, " must be an integer class in 0 .. ", kMaxClasses - 1, ", got '", value,
                                       fraction ? "', which is not an integer" : "'"));
  }

  InputFile& file_;
  LineReader lines_;
  std::vector<std::string> names_;
};

std::string stem_of(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

// Counts the lines, hashes the bytes if asked, then parses: the file is read twice through one
// descriptor (so a checksum and the data belong to the same file), and X is allocated once, at its size.
Dataset read_csv(InputFile& file, const std::string& expected_sha256) {
  if (file.size() == 0) fail(file.where() + " is empty (0 bytes)");
  std::unique_ptr<Sha256> hash;
  if (!expected_sha256.empty()) hash = std::make_unique<Sha256>(file.function());
  const std::size_t lines = count_lines(file, hash.get());
  if (hash) {
    const std::string actual = hash->hex();
    if (actual != expected_sha256)
      fail(file.where() + ": checksum mismatch: SHA256SUMS lists " + expected_sha256 + ", the file's SHA-256 is " +
           actual + " (the file was changed; restore it with git checkout)");
  }
  file.rewind();
  return CsvParser(file).parse(lines);
}

// Runs `load` and turns an allocation failure into a DatasetError naming the file.
template <typename Load>
Dataset guarded(const std::string& function, const std::string& path, Load load) {
  try {
    return load();
  } catch (const std::bad_alloc&) {
    fail(function + ": " + visible(path, 4096) + ": not enough memory to hold the data set");
  } catch (const std::length_error&) {
    fail(function + ": " + visible(path, 4096) + ": the data set is too large to hold in memory");
  }
}

// ---------------------------------------------------------------------------------------------------
// SHA256SUMS, read the way `sha256sum -c` reads it (dataset.hpp).

bool is_hex64(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

struct SumsLine {
  std::string name;
  std::string hash;  // lowercase
};

std::string_view trim_sums_line(std::string_view s) {
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

// Blank lines and '#' comments, which sha256sum -c skips silently.
bool sums_comment(std::string_view s) {
  s = trim_sums_line(s);
  return s.empty() || s.front() == '#';
}

// One line of SHA256SUMS, or nothing for a line in no format sha256sum -c reads (it skips those too).
std::optional<SumsLine> parse_sums_line(std::string_view s) {
  s = trim_sums_line(s);
  if (s.empty()) return std::nullopt;
  const bool escaped = s.front() == '\\';
  if (escaped) s.remove_prefix(1);
  std::string_view name, hash;
  if (s.substr(0, 8) == "SHA256 (") {  // sha256sum --tag: SHA256 (name) = hash
    const std::size_t close = s.rfind(')');
    if (close == std::string_view::npos || close < 8) return std::nullopt;
    name = s.substr(8, close - 8);
    std::string_view rest = s.substr(close + 1);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '=') return std::nullopt;
    rest.remove_prefix(1);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    hash = rest;
  } else {  // hash, one space or tab, then ' ' (text) or '*' (binary) or the name itself
    if (s.size() < 66 || !is_space(s[64])) return std::nullopt;
    hash = s.substr(0, 64);
    name = s.substr(65);
    if (name.front() == ' ' || name.front() == '*') name.remove_prefix(1);
  }
  if (!is_hex64(hash)) return std::nullopt;
  SumsLine out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (escaped && name[i] == '\\') {  // sha256sum escapes '\' and newline in names, and marks the line
      if (++i == name.size() || (name[i] != '\\' && name[i] != 'n')) return std::nullopt;
      out.name += name[i] == 'n' ? '\n' : '\\';
    } else {
      out.name += name[i];
    }
  }
  while (out.name.substr(0, 2) == "./") out.name.erase(0, 2);
  if (out.name.empty()) return std::nullopt;
  for (char c : hash) out.hash += static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
  return out;
}

// A small file's bytes (at most its size when opened).
std::string read_all(InputFile& file) {
  std::string text(static_cast<std::size_t>(file.size()), '\0');
  std::size_t have = 0;
  while (have < text.size()) {
    const std::size_t got = file.read(text.data() + have, text.size() - have);
    if (got == 0) break;
    have += got;
  }
  text.resize(have);
  return text;
}

// The lowercase checksum SHA256SUMS lists for `file`; throws if it lists none, or two different ones.
std::string listed_checksum(const std::string& sums_path, const std::string& file, const std::string& name,
                            bool csv_exists) {
  const std::string function = "load_dataset()";
  InputFile sums(sums_path, function);
  if (sums.size() > kMaxSumsBytes)
    fail(str(sums.where(), " is ", sums.size(), " bytes: not a checksum list (the shipped one is a few lines)"));
  const std::string text = read_all(sums);
  std::string expected, names;
  std::size_t expected_line = 0, line_no = 0, unreadable = 0, listed = 0;
  for (std::size_t start = 0; start < text.size(); ++line_no) {
    const std::size_t lf = std::min(text.find('\n', start), text.size());
    const std::string_view line = std::string_view(text).substr(start, lf - start);
    start = lf + 1;
    if (sums_comment(line)) continue;
    const auto entry = parse_sums_line(line);
    if (!entry) {
      ++unreadable;
      continue;
    }
    if (++listed <= 10) names += (names.empty() ? "" : ", ") + visible(entry->name);
    if (entry->name != file) continue;
    if (!expected.empty() && entry->hash != expected)
      fail(str(sums.where(), ": ", file, " is listed twice with different checksums (lines ", expected_line, " and ",
               line_no + 1, ")"));
    expected = entry->hash;
    expected_line = line_no + 1;
  }
  if (!expected.empty()) return expected;
  const std::string lists = names.empty()  ? "no file"
                            : listed <= 10 ? names
                                           : str(names, " and ", listed - 10, " more");
  const std::string skipped =
      unreadable == 0 ? "" : str("; ", unreadable, " line(s) in no sha256sum format were skipped");
  if (!csv_exists)
    fail(function + ": no dataset '" + visible(name) + "': " + visible(datasets_dir() + "/" + file, 4096) +
         " does not exist (SHA256SUMS lists " + lists + skipped + ")");
  fail(sums.where() + " does not list " + visible(file) + " (it lists " + lists + skipped + ")");
}

}  // namespace

std::string datasets_dir() {
  if (const char* env = std::getenv("KATA_DATASETS_DIR"); env != nullptr && *env != '\0') return env;
  return std::string(KATA_SOURCE_DIR) + "/datasets";
}

Dataset load_csv(const std::string& path) {
  return guarded("load_csv()", path, [&] {
    InputFile file(path, "load_csv()");
    Dataset data = read_csv(file, "");
    data.name = stem_of(path);
    return data;
  });
}

Dataset load_dataset(const std::string& name) {
  const std::string function = "load_dataset()";
  const bool plain = !name.empty() && name != "." && name != ".." &&
                     name.find_first_of(std::string("/\n\r\0", 4)) == std::string::npos;
  if (!plain)
    fail(function + ": a dataset name is a file name without '/' and without '.csv', like \"iris\"; got '" +
         visible(name) + "'");
  const std::string file = name + ".csv";
  const std::string path = datasets_dir() + "/" + file;
  return guarded(function, path, [&] {
    struct stat st {};
    const bool exists = ::lstat(path.c_str(), &st) == 0 || errno != ENOENT;
    const std::string expected = listed_checksum(datasets_dir() + "/SHA256SUMS", file, name, exists);
    InputFile csv(path, function);
    Dataset data = read_csv(csv, expected);
    data.name = name;
    return data;
  });
}

std::string sha256_hex(const std::string& bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &n, EVP_sha256(), nullptr) != 1)
    fail("sha256_hex(): OpenSSL's SHA-256 (EVP_Digest) failed");
  return to_hex(digest.data(), n);
}

std::string sha256_file(const std::string& path) {
  InputFile file(path, "sha256_file()");
  Sha256 hash("sha256_file()");
  std::vector<char> chunk(kChunkBytes);
  while (const std::size_t got = file.read(chunk.data(), chunk.size())) hash.update(chunk.data(), got);
  return hash.hex();
}

arma::mat one_hot(const arma::urowvec& y, arma::uword n_classes) {
  require(n_classes <= kMaxClasses, str("one_hot(): n_classes = ", n_classes, " is above kMaxClasses = ",
                                        kMaxClasses, " (dataset.hpp): a label that large is a corrupt file"));
  arma::mat out(n_classes, y.n_elem, arma::fill::zeros);
  for (arma::uword i = 0; i < y.n_elem; ++i) {
    require(y(i) < n_classes, str("one_hot(): label ", y(i), " at column ", i, " is not below n_classes = ",
                                  n_classes));
    out(y(i), i) = 1.0;
  }
  return out;
}

}  // namespace kata

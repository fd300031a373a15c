#include "hashing.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <memory>

namespace kata::cli {

namespace {

class Digest {
 public:
  Digest() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) { EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr); }
  void update(const char* data, std::size_t n) { EVP_DigestUpdate(ctx_.get(), data, n); }
  std::string hex() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx_.get(), md, &n);
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
      out += digits[md[i] >> 4];
      out += digits[md[i] & 15];
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

}  // namespace

std::optional<std::string> sha256_of_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  Digest digest;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) digest.update(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return std::nullopt;
  return digest.hex();
}

std::string sha256_of(const std::string& bytes) {
  Digest digest;
  digest.update(bytes.data(), bytes.size());
  return digest.hex();
}

std::map<std::string, std::string> read_sha256_list(std::istream& in) {
  std::map<std::string, std::string> hashes;
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() < 67 || line[0] == '#') continue;
    std::string path = line.substr(66);
    if (!path.empty() && path[0] == '*') path.erase(0, 1);
    hashes[path] = line.substr(0, 64);
  }
  return hashes;
}

}  // namespace kata::cli

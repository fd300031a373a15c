// Keeps the first and the last `keep` bytes of a stream of unknown length: a learner's check that prints a
// gigabyte costs kata 2 × keep bytes of memory, and what is kept still shows how the output began and
// how it ended.
#pragma once

#include <cstddef>
#include <string>

namespace kata::cli {

class BoundedOutput {
 public:
  explicit BoundedOutput(std::size_t keep) : keep_(keep) {}

  void append(const char* data, std::size_t n) {
    total_ += n;
    const std::size_t to_head = head_.size() < keep_ ? std::min(n, keep_ - head_.size()) : 0;
    head_.append(data, to_head);
    data += to_head;
    n -= to_head;
    if (n == 0) return;
    tail_.append(data, n);
    // Trim lazily (amortized O(1) per byte): only once the tail holds twice what it keeps.
    if (tail_.size() > 2 * keep_) tail_.erase(0, tail_.size() - keep_);
  }

  std::size_t total() const { return total_; }

  // The kept text, with a marker where bytes were cut.
  std::string text() const {
    const std::string tail = tail_.size() > keep_ ? tail_.substr(tail_.size() - keep_) : tail_;
    const std::size_t cut = total_ - head_.size() - tail.size();
    if (cut == 0) return head_ + tail;
    return head_ + "\n… " + std::to_string(cut) + " bytes cut …\n" + tail;
  }

 private:
  std::size_t keep_;
  std::size_t total_ = 0;
  std::string head_, tail_;
};

}  // namespace kata::cli

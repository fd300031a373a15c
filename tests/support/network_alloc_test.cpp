// The support network's training loop allocates nothing per batch once its buffers are warm
// (kata/network.hpp, train()). This program counts every heap allocation: operator new (std::vector,
// std::function) and posix_memalign (Armadillo's matrices) are replaced for the whole executable, which is
// why it is a test program of its own (not built under the sanitizers, which replace them themselves).
#include <boost/test/unit_test.hpp>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <new>
#include <vector>

#include "kata/dataset.hpp"
#include "kata/network.hpp"

namespace {
std::atomic<std::size_t> g_allocations{0};

void* counted_malloc(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return counted_malloc(n); }
void* operator new[](std::size_t n) { return counted_malloc(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

// Armadillo's memory::acquire() allocates every matrix of more than 16 elements with posix_memalign.
extern "C" int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
  ++g_allocations;
  const std::size_t rounded = (size + alignment - 1) / alignment * alignment;  // aligned_alloc's rule
  void* p = std::aligned_alloc(alignment, rounded == 0 ? alignment : rounded);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}

namespace {

// Allocations during each epoch after the second (the first fills the buffers; the second may still meet
// the smaller last batch's first use), recorded by the on_epoch hook.
std::vector<std::size_t> allocations_per_warm_epoch(const kata::TrainOptions& opt, const arma::mat& X,
                                                    const arma::mat& Y) {
  std::vector<std::size_t> counts;
  counts.reserve(opt.epochs + 1);
  kata::Hooks hooks;
  hooks.on_epoch = [&](const kata::EpochReport&, const kata::Params&) {
    counts.push_back(g_allocations.load());
    return false;
  };
  kata::Rng rng(7);
  kata::Params params = kata::initialize_he({8, 16, 16, 3}, rng);
  kata::train(params, X, Y, opt, hooks, rng);
  std::vector<std::size_t> per_epoch;
  for (std::size_t e = 2; e < counts.size(); ++e) per_epoch.push_back(counts[e] - counts[e - 1]);
  return per_epoch;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(network_allocations)

// 300 examples in batches of 32: 10 batches per epoch (9 of 32, one of 12). Per epoch the loop may allocate
// the permutation (one block) and grow the History's vectors (at most one block each, when their capacity
// doubles): at most 3 blocks, where one allocation per batch would already be 10 (the loop before the
// buffers made about 45 per batch: 452-454 per epoch here). Exact counts, no randomness in the bound.
BOOST_AUTO_TEST_CASE(mini_batch_training_allocates_nothing_per_batch) {
  kata::Rng data(8);
  const arma::mat X = data.randn(8, 300);
  arma::urowvec y(300);
  for (arma::uword i = 0; i < 300; ++i) y(i) = i % 3;
  kata::TrainOptions opt;
  opt.learning_rate = 0.05;
  opt.epochs = 12;
  opt.batch_size = 32;
  opt.X_dev = data.randn(8, 50);
  opt.Y_dev = kata::one_hot(y.head(50), 3);
  const auto per_epoch = allocations_per_warm_epoch(opt, X, kata::one_hot(y, 3));
  BOOST_REQUIRE_EQUAL(per_epoch.size(), 10u);
  for (std::size_t e = 0; e < per_epoch.size(); ++e)
    BOOST_CHECK_MESSAGE(per_epoch[e] <= 3, "epoch " << e + 3 << " (10 batches) allocated " << per_epoch[e]
                                                     << " blocks; expected at most 3 (the permutation and the"
                                                        " History's growth): does the loop allocate per batch?");
  // Full batch: no permutation either, the same buffers every epoch.
  opt.batch_size = 0;
  const auto full = allocations_per_warm_epoch(opt, X, kata::one_hot(y, 3));
  for (std::size_t e = 0; e < full.size(); ++e)
    BOOST_CHECK_MESSAGE(full[e] <= 2, "full-batch epoch " << e + 3 << " allocated " << full[e]
                                                          << " blocks; expected at most 2 (the History's growth)");
}

BOOST_AUTO_TEST_SUITE_END()

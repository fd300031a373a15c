// The Boost.Test module's entry point, shared by every test executable (BOOST_TEST_DYN_LINK).
#define BOOST_TEST_MODULE kata
#include <boost/test/unit_test.hpp>

#include "kata/experiment.hpp"

namespace {
// Networks trained inside checks allocate like experiments do (see kata::tune_allocator).
struct AllocatorTuning {
  AllocatorTuning() { kata::tune_allocator(); }
};
BOOST_TEST_GLOBAL_FIXTURE(AllocatorTuning);
}  // namespace

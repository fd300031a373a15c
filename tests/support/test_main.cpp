// The Boost.Test module's entry point, shared by every test executable (BOOST_TEST_DYN_LINK).
#define BOOST_TEST_MODULE kata
#include <boost/test/unit_test.hpp>

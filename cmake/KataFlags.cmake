# Compiler flags live on INTERFACE targets, never globally.

# kata_warnings: for code we own (support, solutions, tests, CLI). -Werror under KATA_WERROR (ci preset).
add_library(kata_warnings INTERFACE)
target_compile_options(kata_warnings INTERFACE -Wall -Wextra -Wpedantic $<$<BOOL:${KATA_WERROR}>:-Werror>)

# kata_learner_warnings: learner code is work in progress; warn, never fail the build. Stubs keep their
# parameter names for readability, so unused parameters are not worth a warning.
add_library(kata_learner_warnings INTERFACE)
target_compile_options(kata_learner_warnings INTERFACE -Wall -Wextra -Wno-unused-parameter)

# kata_instrument: coverage and sanitizers, applied to everything that runs under test.
add_library(kata_instrument INTERFACE)
if(KATA_COVERAGE)
  target_compile_options(kata_instrument INTERFACE --coverage -O0 -fno-inline)
  target_link_options(kata_instrument INTERFACE --coverage)
endif()
if(KATA_SANITIZE)
  target_compile_options(kata_instrument INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=undefined)
  target_link_options(kata_instrument INTERFACE -fsanitize=address,undefined)
endif()

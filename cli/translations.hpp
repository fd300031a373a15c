// The Korean documents in step with the English ones (issue 16): README.ko.md and HINTS.ko.md next to
// every README.md and HINTS.md, with the same section structure, byte-identical code blocks (formulas
// included: the lessons write them in fenced blocks), the same number of hints, and links both ways.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kata::cli {

// Every way `korean` is out of step with `english` (a README pair), as "file: problem" lines.
std::vector<std::string> compare_readmes(const std::filesystem::path& english, const std::filesystem::path& korean);

// The same for a HINTS pair: the same number of "## Hint N" sections, and the links.
std::vector<std::string> compare_hints(const std::filesystem::path& english, const std::filesystem::path& korean);

}  // namespace kata::cli

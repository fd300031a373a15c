#include "translations.hpp"

#include <fstream>
#include <sstream>

#include "commands.hpp"
#include "messages.hpp"

namespace kata::cli {

namespace fs = std::filesystem;

namespace {

struct Shape {
  std::vector<int> headings;             // the level of each heading, in order
  std::vector<std::string> code_blocks;  // each fenced block, fences included, in order
  std::string text;
};

Shape shape_of(const fs::path& file) {
  Shape s;
  std::ifstream in(file);
  std::stringstream all;
  all << in.rdbuf();
  s.text = all.str();
  std::istringstream lines(s.text);
  std::string line, block;
  bool in_block = false;
  while (std::getline(lines, line)) {
    // A fence may be indented (inside a list item): "   ```cpp".
    const auto first = line.find_first_not_of(' ');
    const bool fence = first != std::string::npos && line.compare(first, 3, "```") == 0;
    if (in_block) {
      block += line + "\n";
      if (fence) {
        s.code_blocks.push_back(block);
        in_block = false;
      }
      continue;
    }
    if (fence) {
      block = line + "\n";
      in_block = true;
      continue;
    }
    std::size_t level = 0;
    while (level < line.size() && line[level] == '#') ++level;
    if (level > 0 && level <= 6 && level < line.size() && line[level] == ' ') s.headings.push_back(static_cast<int>(level));
  }
  return s;
}

std::string first_line(const std::string& block) { return block.substr(0, block.find('\n', block.find('\n') + 1)); }

void compare_links(const fs::path& english, const fs::path& korean, const Shape& en, const Shape& ko,
                   std::vector<std::string>& problems) {
  if (en.text.find("(" + korean.filename().string() + ")") == std::string::npos)
    problems.push_back(tr("korean.no_link", {english.string(), korean.filename().string()}));
  if (ko.text.find("(" + english.filename().string() + ")") == std::string::npos)
    problems.push_back(tr("korean.no_link_back", {korean.string(), english.filename().string()}));
}

}  // namespace

std::vector<std::string> compare_readmes(const fs::path& english, const fs::path& korean) {
  std::vector<std::string> problems;
  std::error_code ec;
  if (!fs::exists(korean, ec)) return {tr("korean.missing", {korean.string(), english.filename().string()})};
  const Shape en = shape_of(english), ko = shape_of(korean);
  if (en.headings != ko.headings) {
    problems.push_back(tr("korean.headings", {korean.string(), ko.headings.size(), en.headings.size()}));
  }
  if (en.code_blocks.size() != ko.code_blocks.size()) {
    problems.push_back(tr("korean.code_blocks", {korean.string(), ko.code_blocks.size(), en.code_blocks.size()}));
  } else {
    for (std::size_t i = 0; i < en.code_blocks.size(); ++i)
      if (en.code_blocks[i] != ko.code_blocks[i])
        problems.push_back(tr("korean.code_block_differs", {korean.string(), i + 1, first_line(ko.code_blocks[i])}));
  }
  compare_links(english, korean, en, ko, problems);
  return problems;
}

std::vector<std::string> compare_hints(const fs::path& english, const fs::path& korean) {
  std::error_code ec;
  if (!fs::exists(korean, ec)) return {tr("korean.missing", {korean.string(), english.filename().string()})};
  std::vector<std::string> problems;
  const auto en = read_hints(english), ko = read_hints(korean);
  if (en.size() != ko.size())
    problems.push_back(tr("korean.hints", {korean.string(), ko.size(), en.size()}));
  compare_links(english, korean, shape_of(english), shape_of(korean), problems);
  return problems;
}

}  // namespace kata::cli

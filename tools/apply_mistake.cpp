// kata_apply_mistake MISTAKE OUT_DIR SOLUTION.cpp...
//
// Copies each solution file into OUT_DIR, applying the edits of one mistakes-catalog entry. The source
// tree is never written. An entry is a text file:
//
//   # One or more comment lines: the classic mistake and why learners make it.
//   file: dropout.cpp            (optional when the solution has one file)
//   <<<<
//   text that must occur exactly once in the solution
//   ====
//   the mistaken replacement
//   >>>>
//
// Several <<<< ==== >>>> blocks may follow each other. Any block whose text is missing or ambiguous is
// an error, so the catalog cannot silently drift away from the solutions.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Edit {
  std::string find, replace;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Parses the entry; returns the target file name ("" when not given) and the edits.
std::string parse(const std::string& text, std::vector<Edit>& edits) {
  std::istringstream in(text);
  std::string line, file;
  enum { outside, in_find, in_replace } state = outside;
  Edit edit;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (state == outside) {
      if (line.rfind("file:", 0) == 0) {
        file = line.substr(5);
        file.erase(0, file.find_first_not_of(' '));
      } else if (line == "<<<<") {
        state = in_find;
        edit = {};
      } else if (!line.empty() && line[0] != '#') {
        throw std::runtime_error("line " + std::to_string(line_no) + ": expected '#', 'file:' or '<<<<'");
      }
    } else if (state == in_find) {
      if (line == "====") state = in_replace;
      else edit.find += line + "\n";
    } else if (line == ">>>>") {
      edits.push_back(edit);
      state = outside;
    } else {
      edit.replace += line + "\n";
    }
  }
  if (state != outside) throw std::runtime_error("unterminated <<<< block");
  if (edits.empty()) throw std::runtime_error("no <<<< ==== >>>> edit block");
  return file;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: kata_apply_mistake MISTAKE OUT_DIR SOLUTION.cpp...\n";
    return 2;
  }
  const fs::path mistake = argv[1];
  try {
    std::vector<Edit> edits;
    std::string target = parse(read(mistake), edits);
    if (target.empty()) {
      if (argc != 4) throw std::runtime_error("the solution has several files: add a 'file:' line");
      target = fs::path(argv[3]).filename().string();
    }
    fs::create_directories(argv[2]);
    bool found_target = false;
    for (int i = 3; i < argc; ++i) {
      const fs::path source = argv[i];
      std::string text = read(source);
      if (source.filename() == target) {
        found_target = true;
        for (const auto& e : edits) {
          const auto at = text.find(e.find);
          if (at == std::string::npos)
            throw std::runtime_error("text to replace not found in " + source.string() + ":\n" + e.find);
          if (text.find(e.find, at + 1) != std::string::npos)
            throw std::runtime_error("text to replace occurs more than once in " + source.string() +
                                     ":\n" + e.find);
          text.replace(at, e.find.size(), e.replace);
        }
      }
      std::ofstream(fs::path(argv[2]) / source.filename(), std::ios::binary) << text;
    }
    if (!found_target) throw std::runtime_error("no solution file named " + target);
  } catch (const std::exception& e) {
    std::cerr << "kata_apply_mistake: " << mistake.string() << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}

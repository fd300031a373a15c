#include "toolbox.hpp"

#include <fstream>
#include <sstream>

#include "build.hpp"
#include "hashing.hpp"
#include "messages.hpp"
#include "results_store.hpp"
#include "source_state.hpp"
#include "text.hpp"

namespace kata::cli {

namespace {

struct Part {
  std::string lesson;                                      // "04_dropout"
  std::vector<std::string> reference, learner, optimized;  // object files
};

// build/<preset>/kata-toolbox/<lesson>.tsv (written by CMake): "lesson<TAB>reference<TAB>learner<TAB>optimized",
// objects joined by '|'. No file: no toolbox.
std::vector<Part> read_parts(Workspace& ws, const Lesson& lesson) {
  std::vector<Part> parts;
  std::ifstream in(ws.build_dir() / "kata-toolbox" / (lesson.name + ".tsv"));
  std::string line;
  while (std::getline(in, line)) {
    const auto f = fields_of(line, '\t');
    if (f.size() == 4) parts.push_back({f[0], split(f[1], '|'), split(f[2], '|'), split(f[3], '|')});
  }
  return parts;
}

const Lesson* find_lesson(Workspace& ws, const std::string& name) {
  for (const auto& l : ws.lessons())
    if (l.name == name) return &l;
  return nullptr;
}

bool done(Workspace& ws, const std::string& name) {
  const Lesson* l = find_lesson(ws, name);
  if (l == nullptr) return false;
  const auto saved = load_result(ws, *l);
  return saved && !saved->stale && saved->status == "done";
}

// One response-file line: the path in double quotes, with '"' and '\' escaped (how gcc and clang read @file).
std::string rsp_line(const std::string& path) {
  std::string out = "\"";
  for (const char c : path) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"\n";
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += " " + n.substr(0, 2);
  return out;
}

}  // namespace

std::string ToolboxChoice::summary() const {
  if (empty()) return "";
  std::string out = tr("toolbox.prefix");
  out += yours.empty() ? tr("toolbox.reference_all", {joined(reference).substr(1)})
                       : tr("toolbox.yours", {joined(yours).substr(1)}) +
                             (reference.empty() ? "" : tr("toolbox.reference_for", {joined(reference).substr(1)}));
  if (!reference.empty()) out += tr("toolbox.replaces");
  for (const auto& n : notes) out += "\n  " + n;
  return out;
}

std::string ToolboxChoice::env() const {
  std::string out;
  for (const auto& n : yours) out += (out.empty() ? "" : " ") + n + "=yours";
  for (const auto& n : reference) out += (out.empty() ? "" : " ") + n + "=reference";
  return out;
}

ToolboxChoice prepare_toolbox(Workspace& ws, const Lesson& lesson, ToolboxUse use) {
  ToolboxChoice choice;
  const auto parts = read_parts(ws, lesson);
  if (parts.empty()) return choice;
  std::string list, digests;
  for (const auto& part : parts) {
    const auto& mine = use == ToolboxUse::checks ? part.learner : part.optimized;
    bool yours = done(ws, part.lesson);
    if (yours) {
      // As `kata check` does: objects built from other contents (a file restored with an old time stamp)
      // are removed first, so the build follows the contents the verdict was computed from.
      const Lesson& l = *find_lesson(ws, part.lesson);
      forget_stale_objects(ws, l);
      const std::string digests_now = lesson_source_digests(ws, l);
      const std::string target =
          "kata_" + part.lesson.substr(0, 2) + (use == ToolboxUse::checks ? "_learner" : "_learner_optimized");
      const auto build = build_targets(ws, {target}, tr("toolbox.building", {part.lesson}));
      if (build.ok) record_built_sources(ws, l, digests_now);
      if (!build.ok) {
        yours = false;
        choice.notes.push_back(tr("toolbox.not_built", {part.lesson, target}));
      }
    }
    for (const auto& object : yours ? mine : part.reference) {
      list += rsp_line(object);
      // A learner object rebuilt with new contents must relink the lesson even though the list is the same.
      if (yours) digests += sha256_of_file(object).value_or("missing") + "\n";
    }
    (yours ? choice.yours : choice.reference).push_back(part.lesson);
  }
  const fs::path rsp = ws.build_dir() / "kata-state" /
                       (lesson.name + (use == ToolboxUse::checks ? ".toolbox-checks.rsp" : ".toolbox-run.rsp"));
  const fs::path stamp = rsp.string() + ".digest";
  const std::string digest = sha256_of(list + digests);
  if (read_text(rsp) != list || (!digests.empty() && read_text(stamp) != digest)) {
    std::string why;
    if (!write_file_atomically(rsp, list, &why) || !write_file_atomically(stamp, digest, &why))
      choice.notes.push_back(tr("toolbox.not_written", {why}));
  }
  return choice;
}

std::string toolbox_signature(Workspace& ws, const Lesson& lesson) {
  std::string signature;
  for (const auto& part : read_parts(ws, lesson)) {
    const bool yours = done(ws, part.lesson);
    signature += part.lesson + (yours ? " yours\n" : " reference\n");
    if (yours) signature += lesson_source_digests(ws, *find_lesson(ws, part.lesson));
  }
  return signature;
}

}  // namespace kata::cli

// A lesson that calls earlier lessons through their contracts (lesson 12's "toolbox", declared with
// kata_lesson_toolbox() in CMakeLists.txt; cmake/KataLesson.cmake links it): for each toolbox lesson it gets
// the learner's implementation when that lesson is done, else the reference, so being stuck on one lesson
// never blocks another. The choice is made here, before the lesson's learner programs are built, and written
// as the response file they link.
#pragma once

#include <string>
#include <vector>

#include "workspace.hpp"

namespace kata::cli {

enum class ToolboxUse { checks, run };  // test_NN_learner (-O0 objects) or experiment_NN_learner (optimized)

struct ToolboxChoice {
  std::vector<std::string> yours;      // toolbox lessons whose learner objects are linked ("04_dropout")
  std::vector<std::string> reference;  // the others
  std::vector<std::string> notes;      // a done lesson whose objects did not build, and so on
  bool empty() const { return yours.empty() && reference.empty(); }
  // "toolbox: your 01 03 07; the reference's 02 04 05 06 08 09 11" (+ notes); "" without a toolbox.
  std::string summary() const;
  // For the experiment ($KATA_TOOLBOX): "01_train_dev_test=yours 02_bias_variance=reference ...".
  std::string env() const;
};

// Chooses every part of `lesson`'s toolbox (the learner's when the part's saved verdict is "done" and its
// objects build, else the reference), builds the learner objects it chose, and rewrites
// <build>/kata-state/<lesson>.toolbox-{checks,run}.rsp when its list, or the contents of an object it names,
// changed (ninja then relinks). Empty for a lesson without a toolbox. Call with the build lock held.
ToolboxChoice prepare_toolbox(Workspace& ws, const Lesson& lesson, ToolboxUse use);

// Which parts the toolbox would take from the learner now, and their code's digests: part of the lesson's
// fingerprint, so a saved verdict of lesson 12 is not reused after a toolbox lesson was finished or edited.
// "" for a lesson without a toolbox.
std::string toolbox_signature(Workspace& ws, const Lesson& lesson);

}  // namespace kata::cli

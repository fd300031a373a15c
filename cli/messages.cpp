#include "messages.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace kata::cli {

namespace {

// The catalogue, grouped by the command or file that prints the text. Korean follows docs/glossary.md
// (체크, 과제, 힌트, 판정, 메모리 체크, 경사, ...) in 합니다체, in lines about as short as the English ones.
// Paths, commands, option names and numbers stay as they are in both languages.
const std::vector<Message> kCatalogue = {
    // ---- main.cpp: --help, usage errors
    {"help.app",
     "dl-practice-kata: learn the practical side of deep learning by making checks pass.\nWithout a command: the list of lessons and your progress.",
     "dl-practice-kata: 체크를 하나씩 통과시키며 딥러닝의 실전을 익힙니다.\n명령 없이 실행하면 레슨 목록과 진행 상황을 보여 줍니다."},
    {"help.lesson",
     "lesson number or name, e.g. 04 or dropout (default: the first unfinished)",
     "레슨 번호나 이름, 예: 04 또는 dropout (기본값: 아직 끝내지 않은 첫 레슨)"},
    {"help.list",
     "every lesson, its status and checks passed, and what to do next",
     "모든 레슨의 상태와 통과한 체크, 다음에 할 일"},
    {"help.check",
     "build and run one lesson's checks (default: the first unfinished)",
     "레슨 하나의 체크를 빌드하고 실행합니다 (기본값: 아직 끝내지 않은 첫 레슨)"},
    {"help.check.all",
     "every lesson, in order (one line each)",
     "모든 레슨을 차례로 (레슨마다 한 줄)"},
    {"help.check.verbose",
     "every check of every task (by default the tasks after the first unfinished one are shown in a line each)",
     "모든 과제의 모든 체크 (기본값은 끝내지 않은 첫 과제 뒤의 과제를 한 줄씩만 보여 줍니다)"},
    {"help.check.json",
     "also write the results to this file, in Exercism's test-runner format (version 3)",
     "결과를 이 파일에도 씁니다 (Exercism 테스트 러너 형식, 버전 3)"},
    {"help.check.junit",
     "also write the results to this file as JUnit XML",
     "결과를 이 파일에도 JUnit XML로 씁니다"},
    {"help.check.sanitize",
     "build and run them under AddressSanitizer + UBSan (build/sanitize)",
     "체크를 AddressSanitizer + UBSan 아래에서도 빌드하고 실행합니다 (build/sanitize)"},
    {"help.watch",
     "re-check the lesson you are working on whenever you save a file (h hint, q quit)",
     "파일을 저장할 때마다 작업 중인 레슨을 다시 체크합니다 (h 힌트, q 끝내기)"},
    {"help.watch.lesson",
     "the lesson to start with (default: the first unfinished)",
     "시작할 레슨 (기본값: 아직 끝내지 않은 첫 레슨)"},
    {"help.hint",
     "reveal the lesson's next hint",
     "레슨의 다음 힌트를 보여 줍니다"},
    {"help.hint.reset",
     "start again from the first hint",
     "첫 힌트부터 다시 시작합니다"},
    {"help.diff",
     "your code against the reference solution",
     "여러분의 코드를 참조 솔루션과 비교합니다"},
    {"help.solution",
     "print the reference solution",
     "참조 솔루션을 출력합니다"},
    {"help.run",
     "the lesson's experiment on real data, with your code",
     "레슨의 실험을 여러분의 코드로, 실제 데이터에서 실행합니다"},
    {"help.run.reference",
     "run it with the reference solution instead",
     "여러분의 코드 대신 참조 솔루션으로 실행합니다"},
    {"help.run.both",
     "run it with your code and the reference, side by side",
     "여러분의 코드와 참조 솔루션으로 실행해 나란히 보여 줍니다"},
    {"help.coverage",
     "which lines of your code the checks run (gcovr summary + HTML)",
     "체크가 여러분 코드의 어느 줄을 실행하는지 (gcovr 요약 + HTML)"},
    {"help.reset",
     "restore a lesson's stub, keeping your code in lessons/NN_topic/.backup/",
     "레슨의 스텁을 되돌립니다. 여러분의 코드는 lessons/NN_topic/.backup/에 남습니다"},
    {"help.reset.lesson",
     "lesson number or name",
     "레슨 번호나 이름"},
    {"help.reset.yes",
     "do not ask first",
     "묻지 않고 진행합니다"},
    {"help.selftest",
     "prove the workspace: solutions pass, stubs fail, mistakes are caught, coverage >= 95%, mutants killed >= 95%; ends with 'N passed, M failed'",
     "워크스페이스를 스스로 검증합니다: 솔루션 통과, 스텁 실패, 실수 포착, 커버리지 >= 95%, 잡힌 돌연변이 >= 95%. 'N passed, M failed'로 끝납니다"},
    {"help.selftest.skip_coverage",
     "skip the gcovr gate",
     "gcovr 게이트를 건너뜁니다"},
    {"help.selftest.skip_sanitize",
     "skip the ASan + UBSan run of the solutions (a second build, ~3 min)",
     "솔루션의 ASan + UBSan 실행을 건너뜁니다 (두 번째 빌드, ~3분)"},
    {"help.selftest.skip_mutation",
     "skip the mutation gate",
     "뮤테이션 게이트를 건너뜁니다"},
    {"help.selftest.mutation_only",
     "run only the mutation gate: do the checks kill the solutions' mutants?",
     "뮤테이션 게이트만 실행합니다: 체크가 솔루션의 돌연변이를 잡아내는지"},
    {"help.selftest.lesson",
     "every gate for this one lesson only (with --mutation-only: just its mutation gate)",
     "이 레슨 하나에 대한 게이트만 모두 (--mutation-only와 함께: 그 레슨의 뮤테이션 게이트만)"},
    {"help.grade",
     "the score of this workspace, for a class: tamper check, a fresh build, every check in its own process; exits 0 whatever the checks say",
     "수업용 워크스페이스 점수: 변조 검사, 새 빌드, 체크마다 별도 프로세스. 체크 결과와 상관없이 0으로 끝납니다"},
    {"help.grade.extra_tests",
     "a folder of the instructor's checks, DIR/NN_topic/*.cpp",
     "강사의 추가 체크가 든 폴더, DIR/NN_topic/*.cpp"},
    {"help.grade.manifest",
     "the protected files' hashes (default tests/protected.sha256)",
     "보호된 파일들의 해시 (기본값 tests/protected.sha256)"},
    {"help.grade.learner",
     "who is graded (default: $KATA_LEARNER, else git's user.name)",
     "채점받는 사람 (기본값: $KATA_LEARNER, 없으면 git의 user.name)"},
    {"help.grade.json",
     "write the results here (Exercism's format, version 3)",
     "결과를 여기에 씁니다 (Exercism 형식, 버전 3)"},
    {"help.grade.junit",
     "write the results here as JUnit XML",
     "결과를 여기에 JUnit XML로 씁니다"},
    {"help.grade.github",
     "also print each failure as a GitHub Actions annotation",
     "실패마다 GitHub Actions 주석(annotation)으로도 출력합니다"},
    {"help.grade.class",
     "roll up a folder of learners' --json results instead of grading",
     "채점 대신, 학습자들의 --json 결과가 든 폴더를 모아 요약합니다"},
    {"help.grade.csv",
     "with --class: write the learner, lesson, score table here (default: stdout)",
     "--class와 함께: 학습자, 레슨, 점수 표를 여기에 씁니다 (기본값: 표준 출력)"},
    {"help.grade.record_manifest",
     "for authors: record the protected files' hashes in tests/protected.sha256",
     "저자용: 보호된 파일들의 해시를 tests/protected.sha256에 기록합니다"},
    {"help.new",
     "for authors: write a new lesson from tools/lesson-template/ (docs/authoring.md)",
     "저자용: tools/lesson-template/로 새 레슨을 만듭니다 (docs/authoring.md)"},
    {"help.new.name",
     "the lesson's folder name, NN_topic (e.g. 21_momentum)",
     "레슨의 폴더 이름, NN_topic (예: 21_momentum)"},
    {"help.new.title",
     "its title, e.g. \"Momentum\"",
     "레슨의 제목, 예: \"Momentum\""},
    {"help.new.pack",
     "write it into this lesson pack's folder instead of the workspace",
     "워크스페이스 대신 이 레슨 팩의 폴더에 씁니다"},
    {"help.setup",
     "install the system packages the workspace needs",
     "워크스페이스에 필요한 시스템 패키지를 설치합니다"},
    {"help.setup.yes",
     "do not ask before installing",
     "설치하기 전에 묻지 않습니다"},
    {"help.flag",
     "Print this help message and exit",
     "이 도움말을 출력하고 끝냅니다"},
    {"help.label.usage",
     "Usage",
     "사용법"},
    {"help.label.options_word",
     "OPTIONS",
     "옵션"},
    {"help.label.command_word",
     "SUBCOMMAND",
     "명령"},
    {"help.label.positionals",
     "Positionals",
     "위치 인자"},
    {"help.label.required",
     "REQUIRED",
     "필수"},
    {"help.label.options",
     "Options",
     "옵션"},
    {"help.label.commands",
     "Subcommands",
     "명령"},
    {"usage.unexpected",
     "The following argument(s) were not expected: {1}",
     "예상하지 못한 인자입니다: {1}"},
    {"usage.required",
     "{1} is required",
     "{1} 인자가 필요합니다"},
    {"usage.more",
     "{1}\nRun with --help for more information.\n",
     "{1}\n자세한 내용은 --help로 보세요.\n"},
    {"usage.did_you_mean",
     "did you mean: {1} ?",
     "이 명령을 뜻했나요? {1}"},
    {"usage.empty_lesson",
     "an empty lesson name was given to `{1}`: give a number such as 04 or a name such as dropout, or leave it out for the first unfinished lesson",
     "`{1}`에 빈 레슨 이름이 주어졌습니다. 04 같은 번호나 dropout 같은 이름을 주거나, 아직 끝내지 않은 첫 레슨이라면 생략하세요"},
    {"usage.check_all_and_lesson",
     "check takes a lesson or --all, not both",
     "check에는 레슨과 --all 중 하나만 줄 수 있습니다"},
    // ---- commands.cpp: list, check, run, what next
    {"status.done",
     "done",
     "완료"},
    {"status.failing",
     "failing",
     "실패 중"},
    {"status.not_started",
     "not started",
     "시작 전"},
    {"status.does_not_compile",
     "does not compile",
     "컴파일 안 됨"},
    {"status.not_verified",
     "not verified",
     "검증 안 됨"},
    {"status.build_failed",
     "build failed",
     "빌드 실패"},
    {"status.no_checks",
     "no checks",
     "체크 없음"},
    {"status.not_graded",
     "not graded",
     "채점 안 함"},
    {"next.done",
     "✓ {1} is done.",
     "✓ {1} 완료."},
    {"next.what_now",
     " What now:",
     " 이제 할 수 있는 일:"},
    {"next.diff",
     "your code against the reference solution",
     "여러분의 코드와 참조 솔루션 비교"},
    {"next.run",
     "the experiment on real data, with your code",
     "여러분의 코드로 실제 데이터에서 실험"},
    {"next.coverage",
     "which lines of your code the checks ran",
     "체크가 여러분 코드의 어느 줄을 실행했는지"},
    {"next.then",
     "  then {1}  (./kata check {2})",
     "  그다음 {1}  (./kata check {2})"},
    {"next.last",
     "  and that was the last lesson: every lesson is done.",
     "  마지막 레슨이었습니다. 모든 레슨을 끝냈습니다."},
    {"list.checking",
     "checking {1} ({2} of {3})",
     "{1} 체크 중 ({2}/{3})"},
    {"list.title",
     "dl-practice-kata — the practical side of deep learning",
     "dl-practice-kata — 딥러닝의 실전"},
    {"list.task",
     "task {1}/{2}",
     "과제 {1}/{2}"},
    {"list.pack",
     "  pack {1}",
     "  팩 {1}"},
    {"list.progress",
     "  progress {1} {2} of {3} lessons, {4} of {5} checks",
     "  진행 {1} 레슨 {2}/{3}개, 체크 {4}/{5}개"},
    {"list.next",
     "  next: read {1}, then run ./kata check {2}  (or ./kata watch)",
     "  다음: {1} 파일을 읽고, ./kata check {2} 실행  (또는 ./kata watch)"},
    {"list.all_done",
     "  every lesson is done. Try ./kata run NN for the experiments.",
     "  모든 레슨을 끝냈습니다. ./kata run NN으로 실험을 해 보세요."},
    {"reports.json",
     "results (Exercism's test-runner format, version 3): {1}",
     "결과 (Exercism 테스트 러너 형식, 버전 3): {1}"},
    {"reports.junit",
     "results (JUnit XML): {1}",
     "결과 (JUnit XML): {1}"},
    {"check.all_line",
     "{1}: {2} of {3} checks pass — {4}",
     "{1}: 체크 {2}/{3} 통과 — {4}"},
    {"check.all_done",
     "{1} of {2} lessons done",
     "레슨 {1}/{2}개 완료"},
    {"check.next",
     "next: {1}  (./kata check {2})",
     "다음: {1}  (./kata check {2})"},
    {"check.every_lesson_done",
     "every lesson is done.",
     "모든 레슨을 끝냈습니다."},
    {"check.start_with",
     "start with {1}; stuck? ./kata hint {2}",
     "{1} 파일부터 읽어 보세요. 막히면 ./kata hint {2}"},
    {"check.sanitized",
     "checking {1}, and every check again under AddressSanitizer + UBSan",
     "{1} 체크 중, 그리고 모든 체크를 AddressSanitizer + UBSan 아래에서 한 번 더"},
    {"run.no_gnuplot",
     "(gnuplot is not installed, so no pictures; ./kata setup installs it. The figures' data:)",
     "(gnuplot이 설치되어 있지 않아 그림은 없습니다. ./kata setup이 설치해 줍니다. 그림의 데이터:)"},
    {"run.figures",
     "figures",
     "그림"},
    {"run.figures_yours",
     "your code's figures",
     "여러분 코드의 그림"},
    {"run.figures_reference",
     "the reference's figures",
     "참조 솔루션의 그림"},
    {"run.gnuplot_failed",
     "  gnuplot could not draw {1}:",
     "  gnuplot이 그리지 못한 그림 {1}:"},
    {"run.figure_files",
     "  {1}  (and .svg)",
     "  {1}  (.svg도 있음)"},
    {"run.eta",
     "  ETA {1} s",
     "  남은 시간 {1}초"},
    {"build.building",
     "building {1}",
     "{1} 빌드 중"},
    {"build.not_your_code",
     "the build failed, and not because of your code: {1}",
     "빌드가 실패했습니다. 여러분의 코드 때문은 아닙니다: {1}"},
    {"activity.experiment",
     "the experiment of {1}",
     "{1}의 실험"},
    {"run.too_much_output",
     "… (more output than fits on a screen: all of it is in {1})",
     "… (화면에 담기에는 출력이 너무 많습니다. 전체 출력은 {1}에 있습니다)"},
    {"run.does_not_compile",
     "✗ the experiment does not compile with your code:",
     "✗ 여러분의 코드로는 실험이 컴파일되지 않습니다:"},
    {"run.does_not_compile_short",
     "(does not compile)",
     "(컴파일되지 않음)"},
    {"run.timed_out",
     "The experiment did not finish within {1} s and was stopped",
     "실험이 {1}초 안에 끝나지 않아 멈췄습니다"},
    {"run.timed_out_why",
     " (the limit is KATA_RUN_TIMEOUT seconds). An infinite loop, or code far slower than it needs to be? ./kata check {1} and ./kata run {1} --reference",
     " (제한은 KATA_RUN_TIMEOUT초입니다). 무한 루프이거나, 필요 이상으로 훨씬 느린 코드인가요? ./kata check {1}, ./kata run {1} --reference"},
    {"run.not_finished",
     "your code is not finished yet",
     "여러분의 코드가 아직 완성되지 않았습니다"},
    {"run.not_implemented",
     "not implemented yet: {1}",
     "아직 구현하지 않은 함수: {1}"},
    {"run.stopped",
     "The experiment stopped: {1}.",
     "실험이 멈췄습니다: {1}."},
    {"run.finish_it",
     "  Finish it (./kata check {1}), or see the experiment with the reference now: ./kata run {1} --reference  (or --both)",
     "  코드를 완성하거나(./kata check {1}), 지금 참조 솔루션으로 실험을 보세요: ./kata run {1} --reference  (또는 --both)"},
    {"run.crashed",
     "The experiment crashed (signal {1}).",
     "실험이 비정상 종료되었습니다 (시그널 {1})."},
    {"run.crashed_oom",
     "The experiment crashed (signal {1}: out of memory?).",
     "실험이 비정상 종료되었습니다 (시그널 {1}: 메모리 부족?)."},
    {"run.crashed_where",
     " Your checks will find where: ./kata check {1}",
     " 어디서인지는 체크가 찾아 줍니다: ./kata check {1}"},
    {"run.error_exit",
     "The experiment stopped with an error (exit {1}).",
     "실험이 오류로 멈췄습니다 (종료 코드 {1})."},
    {"run.error_try",
     " Try ./kata check {1}, or ./kata run {1} --reference",
     " ./kata check {1} 또는 ./kata run {1} --reference를 해 보세요"},
    {"run.your_code",
     "your code",
     "여러분의 코드"},
    {"run.reference",
     "reference",
     "참조 솔루션"},
    {"run.differences",
     "(* marks the {1} lines where your code and the reference differ)",
     "(* 표시: 여러분의 코드와 참조 솔루션이 다른 {1}줄)"},
    {"run.one_column",
     "your code and the reference (too wide for two columns: common lines once, each difference as a pair)",
     "여러분의 코드와 참조 솔루션 (두 열로는 너무 넓음: 같은 줄은 한 번, 다른 줄은 쌍으로)"},
    {"run.yours_label",
     "yours:",
     "여러분:"},
    {"run.reference_label",
     "reference:",
     "참조:"},
    {"run.differences_one_column",
     "({1} lines differ; * marks each)",
     "({1}줄이 다릅니다. * 표시가 그 줄입니다)"},
    {"run.no_experiment",
     "{1} has no experiment yet.",
     "{1}에는 아직 실험이 없습니다."},
    // ---- workspace.cpp: lessons, packs, configuring
    {"lesson.label_pack",
     "{1} (pack {2})",
     "{1} (팩 {2})"},
    {"pack.problem",
     "pack {1}: {2}",
     "팩 {1}: {2}"},
    {"workspace.configuring",
     "configuring ({1})",
     "구성 중 ({1})"},
    {"workspace.failed",
     "failed",
     "실패"},
    {"workspace.configure_failed",
     "cmake --preset {1} failed (output above)",
     "cmake --preset {1} 실행이 실패했습니다 (출력은 위에)"},
    {"workspace.no_lessons",
     "no lessons found: {1} holds none of the lesson folders CMakeLists.txt lists (kata_add_lesson). If lessons/ was moved or deleted, put it back (git checkout -- lessons restores the shipped stubs); kata notices on its next run.",
     "레슨을 찾지 못했습니다: {1}에 CMakeLists.txt가 나열한 레슨 폴더(kata_add_lesson)가 하나도 없습니다. lessons/를 옮기거나 지웠다면 되돌려 놓으세요(git checkout -- lessons가 배포된 스텁을 복원합니다). kata는 다음 실행 때 알아챕니다."},
    {"workspace.valid_pack",
     "  (pack {1})",
     "  (팩 {1})"},
    {"workspace.pack_lesson_left_out",
     "{1} ({2}) could not be added: {3}",
     "레슨 {1} ({2}): 추가하지 못했습니다. {3}"},
    {"workspace.no_lesson",
     "no lesson '{1}'. Valid lessons:",
     "그런 레슨이 없습니다: '{1}'. 가능한 레슨:"},
    {"workspace.ambiguous_lesson",
     "no lesson '{1}' (ambiguous). Valid lessons:",
     "'{1}'에 맞는 레슨이 여럿입니다. 가능한 레슨:"},
    // ---- lesson_check.cpp, result_printer.cpp: a lesson's checks and their result
    {"memcheck.no_asan",
     "the memory check cannot run: this compiler has no AddressSanitizer (./kata setup installs clang's sanitizer runtime, libclang-rt-dev)",
     "메모리 체크를 실행할 수 없습니다: 이 컴파일러에는 AddressSanitizer가 없습니다 (./kata setup이 clang의 새니타이저 런타임 libclang-rt-dev를 설치합니다)"},
    {"memcheck.building",
     "memory check of {1}: building with AddressSanitizer",
     "{1}의 메모리 체크: AddressSanitizer로 빌드 중"},
    {"memcheck.not_built",
     "the memory check could not be built: {1}",
     "메모리 체크를 빌드하지 못했습니다: {1}"},
    {"memcheck.running",
     "memory check of {1} (AddressSanitizer + UBSan)",
     "{1}의 메모리 체크 (AddressSanitizer + UBSan)"},
    {"check.not_saved",
     "kata: could not save this result ({1}); kata list will check the lesson again.",
     "kata: 이 결과를 저장하지 못했습니다 ({1}). kata list가 이 레슨을 다시 체크합니다."},
    {"activity.checking",
     "checking {1}",
     "{1} 체크"},
    {"check.running",
     "running the checks of {1}",
     "{1}의 체크 실행 중"},
    {"result.printed",
     "your code printed:",
     "여러분의 코드가 출력한 내용:"},
    {"result.printed_last",
     "your code printed (last {1} lines):",
     "여러분의 코드가 출력한 내용 (마지막 {1}줄):"},
    {"result.task_title",
     "task {1} of {2}: {3}",
     "과제 {1}/{2}: {3}"},
    {"result.checks_title",
     "checks",
     "체크"},
    {"result.task_count",
     " — {1} of {2} checks",
     " — 체크 {1}/{2}"},
    {"result.build_broken",
     "the build failed, and not because of your code:\n  {1}\n  Is the build folder writable, with free disk space? If it was removed or damaged: rm -rf build/dev and run ./kata again.",
     "빌드가 실패했습니다. 여러분의 코드 때문은 아닙니다:\n  {1}\n  빌드 폴더에 쓸 수 있고 디스크 공간이 남아 있나요? 폴더가 지워졌거나 망가졌다면 rm -rf build/dev 다음에 ./kata를 다시 실행하세요."},
    {"result.does_not_compile",
     "✗ {1} does not compile:",
     "✗ {1}: 컴파일되지 않습니다:"},
    {"result.after_task",
     "  (after task {1})",
     "  (과제 {1} 다음)"},
    {"result.summary",
     "{1} of {2} checks pass",
     "체크 {1}/{2} 통과"},
    {"result.memory_clean",
     "  (and again under AddressSanitizer + UBSan: no memory errors, leaks or undefined behaviour)",
     "  (AddressSanitizer + UBSan 아래에서도 통과: 메모리 오류, 누수, 정의되지 않은 동작 없음)"},
    // ---- learn.cpp: hint, diff, solution, reset, coverage
    {"hint.none",
     "{1} has no hints ({2}).",
     "{1}에는 힌트가 없습니다 ({2})."},
    {"hint.no_more",
     "No more hints for {1}: all {2} were shown. Read them again in {3}, or compare with the reference: ./kata diff {4}",
     "{1}의 힌트는 더 없습니다. {2}개를 모두 보았습니다. {3}에서 다시 읽거나, 참조 솔루션과 비교해 보세요: ./kata diff {4}"},
    {"hint.heading",
     "Hint {1} of {2} — {3}",
     "힌트 {1}/{2} — {3}"},
    {"hint.english_fallback",
     "(this lesson has no HINTS.ko.md yet: the hint from HINTS.md)",
     "(이 레슨에는 아직 HINTS.ko.md가 없어 HINTS.md의 힌트를 보여 줍니다)"},
    {"hint.not_saved",
     "kata: could not remember that this hint was shown ({1}); the next ./kata hint {2} shows it again.",
     "kata: 이 힌트를 보았다는 것을 기록하지 못했습니다 ({1}). 다음 ./kata hint {2}가 이 힌트를 다시 보여 줍니다."},
    {"hint.more",
     "({1} more: ./kata hint {2})",
     "(힌트 {1}개 더: ./kata hint {2})"},
    {"hint.last",
     "(that was the last hint)",
     "(마지막 힌트였습니다)"},
    {"hint.reset",
     "hints of {1} will start again from hint 1.",
     "{1}의 힌트를 다시 힌트 1부터 보여 줍니다."},
    {"diff.heading",
     "your code (-) against the reference (+): {1}",
     "여러분의 코드(-)와 참조 솔루션(+): {1}"},
    {"diff.identical",
     "(identical to the reference)",
     "(참조 솔루션과 똑같습니다)"},
    {"solution.not_done",
     "{1} is not done yet, so its reference solution is not shown by default.\n  Stuck? ./kata hint {2} gives the next hint. To see the solution anyway: ./kata solution {2}",
     "{1}: 아직 끝내지 않은 레슨이라 참조 솔루션을 그냥 보여 주지는 않습니다.\n  막혔다면 ./kata hint {2}가 다음 힌트를 보여 줍니다. 그래도 솔루션을 보려면: ./kata solution {2}"},
    {"solution.heading",
     "// ===== {1} (the reference solution) =====",
     "// ===== {1} (참조 솔루션) ====="},
    {"reset.no_stub",
     "kata reset cannot find the shipped stub of {1}: {2}",
     "kata reset이 {1}의 배포된 스텁을 찾지 못했습니다: {2}"},
    {"reset.nothing_changed",
     "Nothing was changed.",
     "아무것도 바꾸지 않았습니다."},
    {"reset.already_stub",
     "{1} already holds the shipped stub; nothing to reset.",
     "{1}에는 이미 배포된 스텁이 들어 있습니다. 되돌릴 것이 없습니다."},
    {"reset.not_a_terminal",
     "kata reset replaces your code in {1} with the stub; run it on a terminal to confirm, or add --yes.",
     "kata reset은 {1}에 있는 여러분의 코드를 스텁으로 바꿉니다. 터미널에서 실행해 확인하거나 --yes를 붙이세요."},
    {"reset.restores",
     "This restores the stub of:",
     "다음 파일을 스텁으로 되돌립니다:"},
    {"reset.kept_in",
     "Your version is kept in {1}/.",
     "여러분의 버전은 {1}/에 보관합니다."},
    {"reset.ask",
     "Reset {1}?",
     "{1} 레슨을 되돌릴까요?"},
    {"reset.backup_failed",
     "could not back up {1}; nothing was changed",
     "백업하지 못했습니다: {1}. 아무것도 바꾸지 않았습니다"},
    {"reset.restored",
     "restored {1}  (your version: {2})",
     "되돌렸습니다: {1}  (여러분의 버전: {2})"},
    {"reset.restored_deleted",
     "restored {1}  (it had been deleted; there was nothing to back up)",
     "되돌렸습니다: {1}  (지워져 있던 파일이라 백업할 것이 없었습니다)"},
    {"reset.write_failed",
     "{1}; your file is unchanged",
     "{1}. 여러분의 파일은 그대로입니다"},
    {"coverage.no_gcovr",
     "gcovr is not installed (./kata setup installs it).",
     "gcovr가 설치되어 있지 않습니다 (./kata setup이 설치해 줍니다)."},
    {"coverage.summary",
     "{1}: {2} of {3} checks pass (coverage build)",
     "{1}: 체크 {2}/{3} 통과 (커버리지 빌드)"},
    {"coverage.html",
     "HTML report (line by line): {1}",
     "HTML 보고서 (줄 단위): {1}"},
    // ---- watch.cpp: the watch screen
    {"activity.watch_checking",
     "kata watch: checking {1}",
     "kata watch: {1} 체크"},
    {"activity.watch",
     "kata watch",
     "kata watch"},
    {"watch.other_done",
     "{1} — {2} ({3} of {4})",
     "{1} — {2} (체크 {3}/{4})"},
    {"watch.other_failing",
     "{1} — {2} ({3} of {4}; ./kata check {5} shows why)",
     "{1} — {2} (체크 {3}/{4}. 이유는 ./kata check {5})"},
    {"watch.checking",
     "⟳ checking {1}…",
     "⟳ {1} 체크 중…"},
    {"watch.editing",
     "   (editing {1})",
     "   ({1} 편집 중)"},
    {"watch.build_broken",
     "✗ the build failed, and not because of your code:",
     "✗ 빌드가 실패했습니다. 여러분의 코드 때문은 아닙니다:"},
    {"watch.does_not_compile",
     "✗ does not compile:",
     "✗ 컴파일되지 않습니다:"},
    {"watch.also_saved",
     "also saved: {1}",
     "함께 저장한 레슨: {1}"},
    {"watch.progress",
     "progress {1} {2} of {3} lessons done",
     "진행 {1} 레슨 {2}/{3}개 완료"},
    {"watch.all_done",
     "Every lesson is done. Try ./kata run NN to see the experiments.",
     "모든 레슨을 끝냈습니다. ./kata run NN으로 실험을 보세요."},
    {"watch.keys",
     "save a file to re-check · h hint · r re-run · n/p next/previous lesson · q quit",
     "저장하면 다시 체크 · h 힌트 · r 다시 실행 · n/p 다음/이전 레슨 · q 끝내기"},
    {"watch.no_keys",
     "watching lessons/ for changes (Ctrl-C to stop)",
     "lessons/의 변경을 지켜보는 중 (멈추려면 Ctrl-C)"},
    {"watch.stay",
     "stay to refactor it (every save re-checks it), or press n for the next lesson ({1})",
     "남아서 리팩터링해도 되고(저장할 때마다 다시 체크합니다), n을 누르면 다음 레슨({1})으로 넘어갑니다"},
    {"watch.first_unfinished",
     "; the first unfinished one is {1}",
     ". 아직 끝내지 않은 첫 레슨은 {1}입니다"},
    {"watch.first_failing",
     "first failing check:",
     "처음 실패한 체크:"},
    // ---- toolbox.cpp, build.cpp, build_lock.cpp, process.cpp
    {"toolbox.prefix",
     "toolbox: ",
     "도구 상자: "},
    {"toolbox.reference_all",
     "the reference for every lesson ({1})",
     "모든 레슨에 참조 솔루션 ({1})"},
    {"toolbox.yours",
     "your lessons {1}",
     "여러분의 레슨 {1}"},
    {"toolbox.reference_for",
     "; the reference for {1}",
     ", 참조 솔루션 {1}"},
    {"toolbox.replaces",
     "  (a lesson you finish with ./kata check NN replaces the reference)",
     "  (./kata check NN으로 끝낸 레슨은 참조 솔루션 대신 여러분의 코드가 들어갑니다)"},
    {"toolbox.building",
     "building your {1} for the toolbox",
     "도구 상자에 넣을 여러분의 {1} 빌드 중"},
    {"toolbox.not_built",
     "{1} is done, but {2} did not build: the reference is used",
     "{1}: 완료했지만 {2} 빌드가 실패해 참조 솔루션을 씁니다"},
    {"toolbox.not_written",
     "could not write the toolbox list ({1})",
     "도구 상자 목록을 쓰지 못했습니다 ({1})"},
    {"build.signal",
     "the build was ended by signal {1}",
     "빌드가 시그널 {1}로 끝났습니다"},
    {"lock.waiting",
     "kata: waiting for another kata command to finish with {1}{2}...",
     "kata: 다른 kata 명령이 {1} 폴더를 쓰고 있어, 끝나기를 기다립니다{2}..."},
    {"interrupt.prefix",
     "\ninterrupted: ",
     "\n중단됨: "},
    {"interrupt.suffix",
     " stopped; every process it started has ended.\n",
     " — 멈췄고, kata가 시작한 프로세스는 모두 끝났습니다.\n"},
    {"process.cannot_run",
     "cannot run {1}: ",
     "실행할 수 없습니다 ({1}): "},
    // ---- shipped_stubs.cpp, results_store.cpp: files
    {"stubs.not_recorded",
     "{1} records no stub for {2}",
     "{1}에 {2}의 스텁이 기록되어 있지 않습니다"},
    {"stubs.no_git",
     "git is not installed, and the shipped stubs are found in git's history",
     "git이 설치되어 있지 않습니다. 배포된 스텁은 git 기록에서 찾습니다"},
    {"stubs.no_history",
     "git could not read the history of {1}: {2}(a lesson pack needs to be in a git repository for kata reset: git init, add and commit it)",
     "git이 {1}의 기록을 읽지 못했습니다: {2}(kata reset을 쓰려면 레슨 팩이 git 저장소 안에 있어야 합니다: git init, add, commit 하세요)"},
    {"stubs.no_version",
     "no version of {1} in git's history matches the shipped stub's hash",
     "git 기록에 있는 {1}의 어떤 버전도 배포된 스텁의 해시와 맞지 않습니다"},
    {"file.cannot_read",
     "cannot read {1}",
     "읽을 수 없습니다: {1}"},
    {"file.cannot_write",
     "cannot write {1}",
     "쓸 수 없습니다: {1}"},
    {"file.cannot_write_because",
     "cannot write {1}: {2}",
     "쓸 수 없습니다: {1}: {2}"},
// @CATALOGUE@
};

bool is_korean_locale(std::string_view v) {
  // "ko", "ko_KR.UTF-8", "ko.UTF-8", "ko@...": not "kok_IN" (Konkani).
  if (v.size() < 2 || std::tolower(static_cast<unsigned char>(v[0])) != 'k' ||
      std::tolower(static_cast<unsigned char>(v[1])) != 'o')
    return false;
  return v.size() == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@' || v[2] == '-';
}

Language detect_language() {
  if (const char* v = std::getenv("KATA_LANG"); v != nullptr && *v != '\0')
    return is_korean_locale(v) ? Language::korean : Language::english;
  // The locale's own precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* v = std::getenv(name); v != nullptr && *v != '\0')
      return is_korean_locale(v) ? Language::korean : Language::english;
  return Language::english;
}

const std::unordered_map<std::string_view, const Message*>& index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const Message*> m;
    for (const auto& entry : kCatalogue) m.emplace(entry.key, &entry);
    return m;
  }();
  return map;
}

std::string format(std::string_view text, std::initializer_list<MessageArg> args) {
  std::string out;
  out.reserve(text.size() + 16 * args.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
        text[i + 2] == '}') {
      const std::size_t n = static_cast<std::size_t>(text[i + 1] - '0');
      if (n >= 1 && n <= args.size()) {
        out += (args.begin() + (n - 1))->text;
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The placeholders a text uses: {1} .. {9}.
std::set<int> placeholders(std::string_view text) {
  std::set<int> found;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && std::isdigit(static_cast<unsigned char>(text[i + 1])) && text[i + 2] == '}')
      found.insert(text[i + 1] - '0');
  return found;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

Language language() {
  static const Language chosen = detect_language();
  return chosen;
}

std::string tr(std::string_view key, std::initializer_list<MessageArg> args) {
  const auto& map = index();
  const auto it = map.find(key);
  if (it == map.end()) return format(key, args);
  return format(language() == Language::korean ? it->second->ko : it->second->en, args);
}

std::string tr_english(std::string_view key, std::initializer_list<MessageArg> args) {
  const auto& map = index();
  const auto it = map.find(key);
  return format(it == map.end() ? key : it->second->en, args);
}

std::string status_word(const std::string& status) {
  if (status == "done") return tr("status.done");
  if (status == "failing") return tr("status.failing");
  if (status == "not started") return tr("status.not_started");
  if (status == "does not compile") return tr("status.does_not_compile");
  if (status == "not verified") return tr("status.not_verified");
  if (status == "build failed") return tr("status.build_failed");
  if (status == "no checks") return tr("status.no_checks");
  if (status == "not graded") return tr("status.not_graded");
  return status;
}

const std::vector<Message>& message_catalogue() { return kCatalogue; }

std::vector<std::string> message_problems(const std::filesystem::path& cli_dir, int* checked) {
  namespace fs = std::filesystem;
  std::vector<std::string> problems;
  int fine = 0;
  std::map<std::string, int> listed;
  for (const auto& m : kCatalogue) {
    const std::string key = m.key;
    std::string why;
    if (++listed[key] > 1) why = "listed more than once";
    else if (m.en == nullptr || *m.en == '\0') why = "no English text";
    else if (m.ko == nullptr || *m.ko == '\0') why = "no Korean text (a missing translation)";
    else if (placeholders(m.en) != placeholders(m.ko)) why = "the English and Korean texts use different placeholders";
    if (why.empty()) ++fine;
    else problems.push_back(key + ": " + why);
  }
  // The keys the sources use: every call of tr with a literal key in cli/*.cpp and cli/*.hpp. messages.hpp
  // only documents the call; messages.cpp defines it (its own calls, status_word's, have literal keys too).
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::directory_iterator(cli_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const auto ext = it->path().extension();
    if ((ext == ".cpp" || ext == ".hpp") && it->path().filename() != "messages.hpp") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) problems.push_back(cli_dir.string() + ": no sources to scan for tr() calls");
  std::set<std::string> used;
  for (const auto& file : files) {
    const std::string text = read_text(file);
    const bool defines = file.filename() == "messages.cpp";
    // Calls of tr and tr_english: "tr" after a character that cannot be part of a longer name (not str(,
    // ptr(, x.tr(, nor the text "tr(" in a string such as this scanner's own).
    for (std::size_t at = text.find("tr"); at != std::string::npos; at = text.find("tr", at + 2)) {
      if (at > 0 && (identifier_char(text[at - 1]) || text[at - 1] == '.' || text[at - 1] == '>' || text[at - 1] == '"'))
        continue;
      std::size_t open = at + 2;
      if (text.compare(open, 8, "_english") == 0) open += 8;
      if (open >= text.size() || text[open] != '(') continue;
      std::size_t p = open + 1;
      while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p]))) ++p;
      const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
      const std::string where = file.filename().string() + ":" + std::to_string(line);
      if (p < text.size() && text[p] == ')') continue;  // "tr()" named in a comment or message
      if (p >= text.size() || text[p] != '"') {
        if (!defines) problems.push_back(where + ": a tr() call whose key is not a string literal (the gate cannot check it)");
        continue;
      }
      const auto end = text.find('"', p + 1);
      if (end == std::string::npos) continue;
      const std::string key = text.substr(p + 1, end - p - 1);
      used.insert(key);
      if (!listed.count(key)) problems.push_back(key + ": used at " + where + " but not in the catalogue (cli/messages.cpp)");
      else ++fine;
    }
  }
  for (const auto& [key, count] : listed)
    if (!used.count(key)) problems.push_back(key + ": in the catalogue but used nowhere in cli/ (remove it)");
  if (checked != nullptr) *checked = fine;
  return problems;
}

}  // namespace kata::cli

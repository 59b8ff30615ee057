// Test helper: saves a project to PATH over and over, printing "begin N" before and "end N" after
// each save, until killed. The crash-safety test kills it with SIGKILL in the middle of a save.
//   droste_project_save_loop PATH
#include "core/zoom/project.h"
#include "tests/core/zoom/project_test_util.h"

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s PATH\n", argv[0]);
    return 2;
  }
  droste::zoom::Project project;
  droste::zoom::test::fillProject(project, 512, 100);  // ~3 MB of PNG: a save takes a while
  for (int i = 0;; ++i) {
    droste::zoom::ProjectSettings s = project.settings();
    s.prompt = QStringLiteral("loop %1").arg(i);
    project.setSettings(s);
    std::printf("begin %d\n", i);
    std::fflush(stdout);
    project.saveCopy(QString::fromLocal8Bit(argv[1]));
    std::printf("end %d\n", i);
    std::fflush(stdout);
  }
}

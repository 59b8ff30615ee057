// A deliberate data race in our own code, for the ThreadSanitizer build only (tests/sanitizers/CMakeLists.txt):
// its test passes only if TSan, with the options the suite runs under (dev.sh), still reports it. It guards
// ignore_noninstrumented_modules, which quiets what uninstrumented Qt does inside itself, against hiding
// races between our own threads. The threads are QThreads, so Qt is on the path as in the engine.
#include <QCoreApplication>
#include <QThread>

#include <cstdio>

namespace {
int shared = 0;  // written by two threads with nothing between them: the race
}

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QThread* writer = QThread::create([] {
    for (int i = 0; i < 1000; ++i) shared = shared + 1;
  });
  writer->start();
  for (int i = 0; i < 1000; ++i) shared = shared + 1;
  writer->wait();
  delete writer;
  std::printf("%d\n", shared);
  return 0;  // the test reads TSan's report from the output
}

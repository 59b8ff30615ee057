// A deliberate data race in our own code, for the ThreadSanitizer build only (tests/sanitizers/CMakeLists.txt):
// its test passes only if TSan, with the options the suite runs under (dev.sh), still reports it. It guards
// ignore_noninstrumented_modules, which quiets what uninstrumented Qt does inside itself, against hiding races
// between our own threads. The race has the engine's shape: a function posted to an object living on a QThread
// with an event loop, and the GUI thread. (The flag does hide code that runs inside an intercepted call Qt
// makes: QThread::create's function runs under pthread_once, called from Qt, and a race there went unseen.
// Our code does not use QThread::create.)
#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <cstdio>

namespace {
int shared = 0;
std::atomic<bool> written{false};  // relaxed: orders nothing, so the two writes below race whatever the timing
}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QThread worker;
  worker.start();
  QObject onWorker;
  onWorker.moveToThread(&worker);
  QMetaObject::invokeMethod(&onWorker, [] {
    shared = 1;
    written.store(true, std::memory_order_relaxed);
  }, Qt::QueuedConnection);
  while (!written.load(std::memory_order_relaxed)) QThread::yieldCurrentThread();
  shared = 2;  // the race: nothing makes the worker's store happen before this one
  worker.quit();
  worker.wait();
  std::printf("%d\n", shared);
  return 0;  // the test reads TSan's report from the output
}

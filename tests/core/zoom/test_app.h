#pragma once
// One application object for the whole test binary (event loops, timers, signals across threads).
#include <QCoreApplication>
#include <QGuiApplication>
#include <QElapsedTimer>

#include <functional>

namespace droste::zoom::test {

inline void ensureApp() {
  if (QCoreApplication::instance()) return;
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "droste_core_tests";
  static char* argv[] = {name, nullptr};
  new QGuiApplication(argc, argv);  // lives until the process ends
}

// Runs the event loop until `done` or the timeout; returns done().
inline bool spinUntil(const std::function<bool()>& done, int timeoutMs) {
  QElapsedTimer t;
  t.start();
  while (!done() && t.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
  return done();
}

}  // namespace droste::zoom::test

#include "core/engine/background_pool.h"

#include "core/engine/thread_priority.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace droste::engine {
namespace {

// Below the GUI thread, above the engine's worker: a thumbnail is wanted now, a painting takes minutes.
constexpr int kBackgroundNiceness = 5;

QThreadPool& backgroundPool() {
  static QPointer<QThreadPool> pool;
  if (!pool) {
    // A child of the application: deleted with it, and QThreadPool's destructor waits for the running task.
    pool = new QThreadPool(QCoreApplication::instance());
    pool->setObjectName(QStringLiteral("droste-background"));
    pool->setMaxThreadCount(1);
  }
  return *pool;
}

}  // namespace

void runInBackground(std::function<void()> task) {
  backgroundPool().start([task = std::move(task)] {
    thread_local const bool lowered = (lowerCurrentThreadPriority(kBackgroundNiceness), true);
    (void)lowered;
    task();
  });
}

}  // namespace droste::engine

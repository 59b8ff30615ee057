#pragma once
// Hands functions to the thread a Mailbox lives on, to run there in the order they were posted. The
// functions wait in a queue behind a std::mutex; Qt's event queue only carries "there is mail" (a queued
// call by name, holding nothing). Same order and latency as a queued lambda, but the hand-over of
// everything the functions hold is visible to ThreadSanitizer, which cannot see the locks inside an
// uninstrumented Qt (a lambda posted through QMetaObject::invokeMethod is reported as a data race).
#include <QObject>

#include <deque>
#include <functional>
#include <mutex>

namespace droste::engine {

class Mailbox : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  // Any thread. `fn` runs on this object's thread; mail still waiting when the mailbox is destroyed is dropped.
  void post(std::function<void()> fn);

 private:
  Q_INVOKABLE void deliver();

  std::mutex mutex_;
  std::deque<std::function<void()>> mail_;
};

}  // namespace droste::engine

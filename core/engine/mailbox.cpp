#include "core/engine/mailbox.h"

namespace droste::engine {

void Mailbox::post(std::function<void()> fn) {
  {
    const std::lock_guard lock(mutex_);
    mail_.push_back(std::move(fn));
  }
  // By name: Qt builds the event inside its library, with nothing of ours in it.
  QMetaObject::invokeMethod(this, "deliver", Qt::QueuedConnection);
}

void Mailbox::deliver() {
  // Everything waiting, not one letter per event: an event Qt dropped (one posted to a thread whose loop
  // started before the application object existed) must not leave its letter behind for good.
  for (;;) {
    std::function<void()> next;
    {
      const std::lock_guard lock(mutex_);
      if (mail_.empty()) return;
      next = std::move(mail_.front());
      mail_.pop_front();
    }
    next();  // outside the lock: it may post more mail
  }
}

}  // namespace droste::engine

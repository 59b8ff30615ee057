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
  // Everything waiting now, not one letter per event: an event Qt dropped (one posted to a thread whose loop
  // started before the application object existed) must not leave its letter behind for good. Letters posted
  // meanwhile wait for their own event, so a busy sender cannot keep this thread here.
  std::deque<std::function<void()>> batch;
  {
    const std::lock_guard lock(mutex_);
    batch.swap(mail_);
  }
  for (std::function<void()>& letter : batch) letter();  // touches nothing of this mailbox: a letter may delete it
}

}  // namespace droste::engine

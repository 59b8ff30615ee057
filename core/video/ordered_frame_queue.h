#pragma once
// Bounded hand-over of rendered frames from several render threads to the one encoding thread,
// in frame order. At most `capacity` frames wait at a time, so memory stays flat for any length.
#include <QImage>

#include <condition_variable>
#include <map>
#include <mutex>

namespace droste::video {

class OrderedFrameQueue {
 public:
  explicit OrderedFrameQueue(int capacity) : capacity_(capacity) {}

  // Blocks while frame `index` is `capacity` or more ahead of the consumer. False once aborted.
  bool push(int index, QImage frame) {
    std::unique_lock lock(mutex_);
    canPush_.wait(lock, [&] { return aborted_ || index < next_ + capacity_; });
    if (aborted_) return false;
    frames_.emplace(index, std::move(frame));
    canPop_.notify_all();
    return true;
  }

  // Blocks until the next frame in order is there. False once aborted.
  bool pop(QImage& frame) {
    std::unique_lock lock(mutex_);
    canPop_.wait(lock, [&] { return aborted_ || frames_.count(next_); });
    if (aborted_) return false;
    auto it = frames_.find(next_);
    frame = std::move(it->second);
    frames_.erase(it);
    ++next_;
    canPush_.notify_all();
    return true;
  }

  // Wakes everyone; push and pop return false from now on.
  void abort() {
    std::lock_guard lock(mutex_);
    aborted_ = true;
    canPush_.notify_all();
    canPop_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable canPush_, canPop_;
  std::map<int, QImage> frames_;
  int next_ = 0;
  int capacity_;
  bool aborted_ = false;
};

}  // namespace droste::video

#include "ui/background_scaler.h"

#include "core/engine/background_pool.h"

namespace droste::ui {

BackgroundScaler::BackgroundScaler(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
    running_ = false;
    const QImage image = watcher_.future().resultCount() > 0 ? watcher_.future().result() : QImage();
    const int id = runningId_;
    const qint64 key = runningKey_;
    startNext();  // before emitting: a receiver may ask for more
    if (!image.isNull()) Q_EMIT scaled(id, key, image);
  });
}

BackgroundScaler::~BackgroundScaler() {
  pending_.clear();
  watcher_.disconnect(this);
  watcher_.waitForFinished();
}

QImage BackgroundScaler::scaleSmooth(const QImage& source, QSize size) {
  if (source.isNull() || size.isEmpty()) return {};
  const QImage argb = source.convertToFormat(QImage::Format_ARGB32_Premultiplied);
  return argb.size() == size ? argb : argb.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void BackgroundScaler::request(int id, const QImage& source, QSize size) {
  if (source.isNull() || size.isEmpty()) {
    drop(id);
    return;
  }
  pending_[id] = Job{source, size};
  if (!running_) startNext();
}

void BackgroundScaler::drop(int id) { pending_.erase(id); }

void BackgroundScaler::startNext() {
  if (running_ || pending_.empty()) return;
  const auto next = pending_.begin();
  Job job = std::move(next->second);
  runningId_ = next->first;
  runningKey_ = job.source.cacheKey();
  pending_.erase(next);
  running_ = true;
  // The background pool's one thread: the preview's and the timeline's scalers never run at once.
  watcher_.setFuture(engine::computeInBackground([job = std::move(job)] { return scaleSmooth(job.source, job.size); }));
}

}  // namespace droste::ui

#include "ui/background_scaler.h"

#include "core/engine/thread_priority.h"

#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace droste::ui {

namespace {
// One thread for all display scaling, a little below the GUI thread in priority: two scalers (preview,
// timeline) must not take both cores of a small machine from the GUI thread and the engine.
QThreadPool& scalingPool() {
  static QThreadPool* pool = [] {
    auto* p = new QThreadPool;  // never deleted: it may be busy while static objects are destroyed
    p->setObjectName(QStringLiteral("droste-scaling"));
    p->setMaxThreadCount(1);
    return p;
  }();
  return *pool;
}

constexpr int kScalingNiceness = 5;
}  // namespace

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
  auto promise = std::make_shared<QPromise<QImage>>();
  watcher_.setFuture(promise->future());
  promise->start();
  scalingPool().start([promise, job = std::move(job)] {
    thread_local const bool lowered = (engine::lowerCurrentThreadPriority(kScalingNiceness), true);
    (void)lowered;
    promise->addResult(scaleSmooth(job.source, job.size));
    promise->finish();
  });
}

}  // namespace droste::ui

#pragma once
// Smooth (area-averaging) scaling of big pictures on the background thread (core/engine/background_pool.h), so that the GUI thread never
// spends tens of milliseconds shrinking a 768 px keyframe or a 1024 px live preview: the preview and
// the timeline draw a cheap stand-in at once and swap in the smooth picture when it arrives.
// Requests are keyed by an id (a thumbnail's row, or 0 for the one preview); per id the newest request
// wins, and one picture is scaled at a time.
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QSize>

#include <map>

namespace droste::ui {

class BackgroundScaler : public QObject {
  Q_OBJECT
 public:
  explicit BackgroundScaler(QObject* parent = nullptr);
  ~BackgroundScaler() override;  // waits for the picture being scaled (milliseconds), drops the rest

  // Asks for `source` scaled to exactly `size` (Format_ARGB32_Premultiplied, ready to blit).
  void request(int id, const QImage& source, QSize size);
  // Forgets what is waiting for `id` (the row went away).
  void drop(int id);
  bool isIdle() const { return !running_ && pending_.empty(); }

  // The work itself, also usable synchronously.
  static QImage scaleSmooth(const QImage& source, QSize size);

 Q_SIGNALS:
  // `sourceKey` is source.cacheKey() of the request, so a receiver can tell a late answer from a current one.
  void scaled(int id, qint64 sourceKey, const QImage& image);

 private:
  struct Job {
    QImage source;
    QSize size;
  };
  void startNext();

  std::map<int, Job> pending_;
  QFutureWatcher<QImage> watcher_;
  int runningId_ = -1;
  qint64 runningKey_ = 0;
  bool running_ = false;
};

}  // namespace droste::ui

#include "core/hub/downloads.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace droste::hub {

Downloads& Downloads::ofApplication() {
  static QPointer<Downloads> downloads;
  if (!downloads) downloads = new Downloads(QCoreApplication::instance());
  return *downloads;
}

Downloads::Downloads(QObject* parent)
    : QObject(parent), thread_(std::make_unique<QThread>()), onThread_(new QObject) {
  qRegisterMetaType<droste::hub::DownloadProgress>();
  qRegisterMetaType<droste::hub::HubError::Kind>();
  onThread_->moveToThread(thread_.get());
  thread_->setObjectName(QStringLiteral("droste-download"));
  thread_->start();
}

Downloads::~Downloads() {
  // The job still held is deleted on its thread as that thread finishes (the connection made in
  // start()); its destructor aborts a transfer under way, and the partial file stays for the next try.
  // (A blocking call into the thread was seen not to run while the application object is destroyed.)
  thread_->quit();
  thread_->wait();
  delete onThread_;  // its thread has ended
}

void Downloads::dropJob() {
  if (!job_) return;
  ++generation_;  // what the old job still sends is ignored
  // One event queue per thread: the deletion comes after everything asked of the old job before, and
  // before a new job starts, so two jobs never hold the same partial file.
  QMetaObject::invokeMethod(onThread_, [job = job_] { delete job; }, Qt::QueuedConnection);
  job_ = nullptr;
  running_ = false;
}

void Downloads::start(const DownloadRequest& request) {
  dropJob();
  job_ = new HubDownload(request);
  job_->moveToThread(thread_.get());
  connect(thread_.get(), &QThread::finished, job_, &QObject::deleteLater);
  const quint64 generation = ++generation_;
  // Each signal reaches this object's thread queued; one from a dropped job is ignored.
  connect(job_, &HubDownload::planned, this, [this, generation](qint64 total, qint64 toFetch, int files) {
    if (generation == generation_) Q_EMIT planned(total, toFetch, files);
  });
  connect(job_, &HubDownload::progress, this, [this, generation](const DownloadProgress& p) {
    if (generation == generation_) Q_EMIT progress(p);
  });
  connect(job_, &HubDownload::finished, this, [this, generation](const QString& snapshotDir) {
    if (generation != generation_) return;
    running_ = false;
    Q_EMIT finished(snapshotDir);
  });
  connect(job_, &HubDownload::failed, this, [this, generation](const QString& message, HubError::Kind kind) {
    if (generation != generation_) return;
    running_ = false;
    Q_EMIT failed(message, kind);
  });
  running_ = true;
  QMetaObject::invokeMethod(job_, &HubDownload::start, Qt::QueuedConnection);
}

void Downloads::cancel() {
  if (running_ && job_) QMetaObject::invokeMethod(job_, &HubDownload::cancel, Qt::QueuedConnection);
}

}  // namespace droste::hub

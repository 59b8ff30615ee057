#pragma once
// The application's line for Hub downloads: one worker thread (the transfer, and the hashing of a
// resumed multi-GB file, never touch the GUI) running one HubDownload at a time. It belongs to the
// application, not to a window: the download dialog only starts, cancels and shows it.
#include "core/hub/hub_download.h"

#include <QObject>

#include <memory>

class QThread;

namespace droste::hub {

class Downloads : public QObject {
  Q_OBJECT

 public:
  // The application's (a child of QCoreApplication, created on first use, stopped with it).
  static Downloads& ofApplication();

  explicit Downloads(QObject* parent = nullptr);
  ~Downloads() override;  // stops a running download (its partial file stays for the next try)

  // Starts `request`. One still running is stopped first and says nothing more: the signals below are
  // the newest download's.
  void start(const DownloadRequest& request);
  // Stops the running download; failed(…, Cancelled) follows.
  void cancel();
  bool isRunning() const { return running_; }

 Q_SIGNALS:
  void planned(qint64 bytesTotal, qint64 bytesToFetch, int filesToFetch);
  void progress(const droste::hub::DownloadProgress& progress);
  void finished(const QString& snapshotDir);
  void failed(const QString& message, droste::hub::HubError::Kind kind);

 private:
  void dropJob();  // deletes the current job on its thread, after what was asked of it before

  std::unique_ptr<QThread> thread_;
  QObject* onThread_;           // a context on thread_ for the jobs' deletion; deleted after thread_ ends
  HubDownload* job_ = nullptr;  // lives on thread_, deleted there
  quint64 generation_ = 0;      // which job's signals count: only the newest's
  bool running_ = false;
};

}  // namespace droste::hub

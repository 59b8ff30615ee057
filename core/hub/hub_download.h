#pragma once
// Downloads a Stable Diffusion model from the Hugging Face Hub by repo id into the shared Hub cache
// (see hub_cache.h), the way huggingface_hub does: list the revision, ask each file's metadata with a
// HEAD (ETag = content hash, size, CDN location), check the free space, fetch what is missing with
// HTTP range resume, verify size and hash, then link the snapshot and write refs/<revision>.
//
// A job object in Qt style (one per download): start(), then progress(...) and exactly one of
// finished(snapshotDir) / failed(message, kind). Asynchronous on the thread that owns it; move it to
// a worker thread before start() if the hashing of a resumed multi-GB file must not touch the GUI.
#include "core/hub/hub_error.h"
#include "core/hub/hub_settings.h"
#include "core/hub/transfer_rate.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QFile;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace droste::hub {

class ContentHash;

inline constexpr char kDefaultModelRepo[] = "stabilityai/stable-diffusion-2-inpainting";

struct DownloadRequest {
  QString repoId = QString::fromLatin1(kDefaultModelRepo);
  QString revision = QStringLiteral("main");  // branch, tag or commit
  HubSettings hub = HubSettings::fromEnvironment();
};

struct DownloadProgress {
  qint64 bytesDone = 0;   // of all chosen files, counting what the cache already held
  qint64 bytesTotal = 0;
  double bytesPerSecond = 0;  // over the last few seconds
  double etaSeconds = -1;     // negative while unknown
  QString currentFile;        // repo path being fetched, e.g. "unet/diffusion_pytorch_model.fp16.safetensors"
  int fileIndex = 0;          // 1-based among the files to fetch
  int fileCount = 0;
};

class HubDownload : public QObject {
  Q_OBJECT

 public:
  using FreeSpaceProbe = std::function<qint64(const QString& dir)>;  // bytes available under dir

  explicit HubDownload(DownloadRequest request, QObject* parent = nullptr);
  ~HubDownload() override;

  void start();
  // Stops at once; the partial file stays in the cache and the next start() resumes it.
  void cancel();
  bool isRunning() const { return running_; }
  const DownloadRequest& request() const { return request_; }

  void setFreeSpaceProbe(FreeSpaceProbe probe) { freeSpace_ = std::move(probe); }
  // Automatic resumes after a broken connection, per file (default 3).
  void setMaxRetries(int retries) { maxRetries_ = retries; }

 Q_SIGNALS:
  void planned(qint64 bytesTotal, qint64 bytesToFetch, int filesToFetch);
  void progress(const droste::hub::DownloadProgress& progress);
  void finished(const QString& snapshotDir);
  void failed(const QString& message, droste::hub::HubError::Kind kind);

 private:
  struct RemoteFile {
    QString path;  // in the repo
    QString etag;  // sha256 (LFS) or git blob sha1
    qint64 size = 0;
    QUrl url;  // where the bytes are (the Hub, or its CDN after a redirect)
    bool inCache = false;
  };

  void guarded(const std::function<void()>& step);
  void fail(HubError::Kind kind, const QString& message);
  QNetworkRequest makeRequest(const QUrl& url) const;
  QUrl resolveUrl(const QString& path) const;

  void requestListing();
  void onListing(QNetworkReply* reply);
  void requestMetadata(int index, const QUrl& url, int redirectsLeft);
  void onMetadata(QNetworkReply* reply, int index, int redirectsLeft);
  void planAndCheckSpace();
  void fetchNext();
  void startFetch();
  void onFetchHeaders(QNetworkReply* reply);
  void onFetchData(QNetworkReply* reply);
  void onFetchFinished(QNetworkReply* reply);
  void retryOrFail(const QString& reason);
  void completeFile();
  void linkSnapshot();
  void emitProgress(bool force);

  DownloadRequest request_;
  QNetworkAccessManager* network_;  // a child, so the job can be moved to a worker thread
  QPointer<QNetworkReply> reply_;
  FreeSpaceProbe freeSpace_;
  int maxRetries_ = 3;
  bool running_ = false;
  bool cancelled_ = false;

  QString commit_;
  QList<RemoteFile> files_;
  QList<int> toFetch_;  // indexes into files_
  int fetchPos_ = -1;   // into toFetch_
  int retries_ = 0;

  // The file being fetched.
  std::unique_ptr<QFile> partial_;
  std::unique_ptr<ContentHash> hash_;
  bool headersChecked_ = false;

  qint64 bytesTotal_ = 0;
  qint64 bytesDone_ = 0;      // on disk, complete or partial, of the chosen files
  qint64 bytesReceived_ = 0;  // over the network in this run (for the speed)
  TransferRate rate_;
  QElapsedTimer clock_;
  qint64 lastProgressMs_ = -1;
};

// Runs a download to its end in a local event loop and returns the snapshot folder; throws HubError.
// For droste-cli and tests.
QString downloadModel(const DownloadRequest& request,
                      const std::function<void(const DownloadProgress&)>& onProgress = {},
                      HubDownload::FreeSpaceProbe freeSpace = {});

// "1.5 GB", "820 MB", "12 kB": sizes and speeds for messages.
QString formatBytes(double bytes);

}  // namespace droste::hub

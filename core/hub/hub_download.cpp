#include "core/hub/hub_download.h"

#include "core/hub/content_hash.h"
#include "core/hub/file_selection.h"
#include "core/hub/hub_cache.h"
#include "core/hub/reply_errors.h"
#include "core/logging.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QTimer>

#include <filesystem>

namespace droste::hub {

namespace {

constexpr qint64 kSpaceMargin = 64LL << 20;  // the snapshot links, refs and the file system's own needs
constexpr int kProgressIntervalMs = 100;
constexpr int kTransferTimeoutMs = 60000;  // no byte for this long: treat the connection as broken

bool isCommitHash(const QString& revision) {
  static const QRegularExpression re(QStringLiteral("^[0-9a-f]{40}$"));
  return re.match(revision).hasMatch();
}

void validateRepoId(const QString& repoId) {
  static const QRegularExpression re(QStringLiteral("^([A-Za-z0-9][A-Za-z0-9_.-]*/)?[A-Za-z0-9][A-Za-z0-9_.-]*$"));
  if (!re.match(repoId).hasMatch() || repoId.contains(QLatin1String("..")) || repoId.contains(QLatin1String("--")))
    throw HubError(HubError::Kind::NotFound,
                   QStringLiteral("'%1' is not a Hugging Face repo id. It looks like ORG/NAME, for example "
                                  "stabilityai/stable-diffusion-2-inpainting.").arg(repoId).toStdString());
}

QByteArray encodePath(const QString& path) { return QUrl::toPercentEncoding(path, "/"); }

}  // namespace

QString formatBytes(double bytes) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  int unit = 0;
  while (bytes >= 1000.0 && unit < 4) {
    bytes /= 1000.0;
    ++unit;
  }
  // In the reader's own numbers ("2,50 GB" in German), as the spin boxes show theirs.
  return QStringLiteral("%1 %2").arg(QLocale().toString(bytes, 'f', unit == 0 ? 0 : (bytes < 10 ? 2 : 1)), QLatin1String(units[unit]));
}

HubDownload::HubDownload(DownloadRequest request, QObject* parent)
    : QObject(parent), request_(std::move(request)), network_(new QNetworkAccessManager(this)) {
  freeSpace_ = [](const QString& dir) { return QStorageInfo(dir).bytesAvailable(); };
}

HubDownload::~HubDownload() {
  if (reply_) {
    cancelled_ = true;
    reply_->disconnect(this);
    reply_->abort();
  }
}

// Every step runs through here: an exception anywhere ends the job with failed(), never escapes
// into the event loop.
void HubDownload::guarded(const std::function<void()>& step) {
  try {
    step();
  } catch (const HubError& e) {
    fail(e.kind(), QString::fromStdString(e.what()));
  } catch (const std::filesystem::filesystem_error& e) {
    fail(HubError::Kind::Disk, QString::fromStdString(e.what()));
  } catch (const std::exception& e) {
    fail(HubError::Kind::Server, QString::fromStdString(e.what()));
  }
}

void HubDownload::fail(HubError::Kind kind, const QString& message) {
  if (!running_) return;
  running_ = false;
  if (reply_) {
    reply_->disconnect(this);
    reply_->abort();
    reply_->deleteLater();
  }
  partial_.reset();
  qCWarning(lcApp) << "download of" << request_.repoId << "failed:" << message;
  Q_EMIT failed(message, kind);
}

void HubDownload::start() {
  if (running_) return;
  running_ = true;
  cancelled_ = false;
  files_.clear();
  toFetch_.clear();
  fetchPos_ = -1;
  bytesReceived_ = 0;
  rate_ = TransferRate();
  lastProgressMs_ = -1;
  clock_.start();
  guarded([this] {
    validateRepoId(request_.repoId);
    if (request_.hub.offline)
      throw HubError(HubError::Kind::Offline,
                     "HF_HUB_OFFLINE is set, so Droste may not download. Unset it to download the model.");
    requestListing();
  });
}

void HubDownload::cancel() {
  if (!running_) return;
  cancelled_ = true;
  if (reply_) reply_->abort();  // its finished handler reports the cancel
  else fail(HubError::Kind::Cancelled, QStringLiteral("Download cancelled."));
}

QNetworkRequest HubDownload::makeRequest(const QUrl& url) const {
  QNetworkRequest req(url);
  req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("droste/" DROSTE_VERSION));
  // Plain bytes, so Content-Length and ranges count the file itself (huggingface_hub does the same).
  req.setRawHeader("Accept-Encoding", "identity");
  req.setTransferTimeout(kTransferTimeoutMs);
  const QUrl& ep = request_.hub.endpoint;
  // The token goes to the Hub only, never to a CDN it redirects to.
  if (!request_.hub.token.isEmpty() && url.scheme() == ep.scheme() && url.host() == ep.host() && url.port() == ep.port())
    req.setRawHeader("Authorization", "Bearer " + request_.hub.token.toUtf8());
  return req;
}

QUrl HubDownload::resolveUrl(const QString& path) const {
  const QByteArray base = request_.hub.endpoint.toString(QUrl::StripTrailingSlash).toUtf8();
  return QUrl::fromEncoded(base + '/' + request_.repoId.toUtf8() + "/resolve/" +
                           QUrl::toPercentEncoding(commit_) + '/' + encodePath(path));
}

// 1. The revision's commit and file list: GET /api/models/REPO/revision/REV
void HubDownload::requestListing() {
  const QByteArray base = request_.hub.endpoint.toString(QUrl::StripTrailingSlash).toUtf8();
  const QUrl url = QUrl::fromEncoded(base + "/api/models/" + request_.repoId.toUtf8() + "/revision/" +
                                     QUrl::toPercentEncoding(request_.revision));
  qCInfo(lcApp) << "listing" << url.toString();
  reply_ = network_->get(makeRequest(url));
  QNetworkReply* reply = reply_;
  connect(reply, &QNetworkReply::finished, this, [this, reply] { guarded([&] { onListing(reply); }); });
}

void HubDownload::onListing(QNetworkReply* reply) {
  reply->deleteLater();
  reply_ = nullptr;
  if (cancelled_) throw HubError(HubError::Kind::Cancelled, "Download cancelled.");
  const RequestContext ctx{request_.hub.endpoint, request_.repoId, request_.revision, {}, !request_.hub.token.isEmpty()};
  if (auto error = replyError(reply, ctx)) throw *error;

  const QJsonObject info = QJsonDocument::fromJson(reply->readAll()).object();
  commit_ = info.value(QStringLiteral("sha")).toString();
  if (!isCommitHash(commit_))
    throw HubError(HubError::Kind::Server,
                   QStringLiteral("%1 did not answer like the Hugging Face Hub (no commit in the model listing). "
                                  "Check HF_ENDPOINT.").arg(request_.hub.endpoint.toString()).toStdString());
  QStringList paths;
  for (const QJsonValue& sibling : info.value(QStringLiteral("siblings")).toArray())
    paths.append(sibling.toObject().value(QStringLiteral("rfilename")).toString());

  for (const QString& path : selectModelFiles(paths, request_.repoId)) files_.append(RemoteFile{path, {}, 0, {}, false});
  requestMetadata(0, resolveUrl(files_.first().path), 5);
}

// 2. Each file's identity: HEAD /REPO/resolve/COMMIT/FILE, redirects not followed (an absolute
// Location is the CDN the bytes come from; a relative one is a renamed repo and is followed).
void HubDownload::requestMetadata(int index, const QUrl& url, int redirectsLeft) {
  QNetworkRequest req = makeRequest(url);
  req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
  reply_ = network_->head(req);
  QNetworkReply* reply = reply_;
  connect(reply, &QNetworkReply::finished, this,
          [this, reply, index, redirectsLeft] { guarded([&] { onMetadata(reply, index, redirectsLeft); }); });
}

void HubDownload::onMetadata(QNetworkReply* reply, int index, int redirectsLeft) {
  reply->deleteLater();
  reply_ = nullptr;
  if (cancelled_) throw HubError(HubError::Kind::Cancelled, "Download cancelled.");
  RemoteFile& file = files_[index];
  const RequestContext ctx{request_.hub.endpoint, request_.repoId, request_.revision, file.path, !request_.hub.token.isEmpty()};
  if (auto error = replyError(reply, ctx)) throw *error;

  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  const QByteArray location = reply->rawHeader("Location");
  if (status >= 300 && status < 400 && !location.isEmpty()) {
    const QUrl target = reply->url().resolved(QUrl::fromEncoded(location));
    if (QUrl::fromEncoded(location).isRelative()) {
      if (redirectsLeft == 0) throw HubError(HubError::Kind::Server, "The Hub redirected too often.");
      requestMetadata(index, target, redirectsLeft - 1);
      return;
    }
    file.url = target;
  } else {
    file.url = reply->url();
  }

  QByteArray etag = reply->rawHeader("X-Linked-Etag");
  if (etag.isEmpty()) etag = reply->rawHeader("ETag");
  QByteArray size = reply->rawHeader("X-Linked-Size");
  if (size.isEmpty()) size = reply->rawHeader("Content-Length");
  file.etag = normalizeEtag(QString::fromLatin1(etag));
  bool sizeOk = false;
  file.size = size.toLongLong(&sizeOk);
  // The ETag names the blob in the shared cache: it must be a plain file name.
  if (file.etag.isEmpty() || file.etag.contains(QLatin1Char('/')) || file.etag.startsWith(QLatin1Char('.')) || !sizeOk)
    throw HubError(HubError::Kind::Server,
                   QStringLiteral("The Hub sent no usable ETag or size for %1, so its download could not be "
                                  "verified. Try again later.").arg(file.path).toStdString());

  if (index + 1 < files_.size()) requestMetadata(index + 1, resolveUrl(files_[index + 1].path), 5);
  else planAndCheckSpace();
}

// 3. What is missing, and does it fit?
void HubDownload::planAndCheckSpace() {
  const HubCache cache(request_.hub.cacheDir, request_.repoId);
  if (!QDir().mkpath(cache.repoDir() + QStringLiteral("/blobs")))
    throw HubError(HubError::Kind::Server,
                   QStringLiteral("Cannot create the model cache folder %1: check its permissions, or set "
                                  "HF_HUB_CACHE to a folder you can write.").arg(cache.repoDir()).toStdString());
  bytesTotal_ = 0;
  bytesDone_ = 0;
  for (int i = 0; i < files_.size(); ++i) {
    RemoteFile& f = files_[i];
    bytesTotal_ += f.size;
    const QFileInfo blob(cache.blobPath(f.etag));
    f.inCache = blob.exists() && blob.size() == f.size;
    if (f.inCache) {
      bytesDone_ += f.size;
      continue;
    }
    const qint64 partial = QFileInfo(cache.incompletePath(f.etag)).size();
    if (partial <= f.size) bytesDone_ += partial;
    toFetch_.append(i);
  }
  const qint64 toFetch = bytesTotal_ - bytesDone_;
  const qint64 available = freeSpace_(cache.repoDir());
  if (toFetch > 0 && available >= 0 && available < toFetch + kSpaceMargin)
    throw HubError(HubError::Kind::DiskFull,
                   QStringLiteral("Not enough free space for %1: it needs %2 more, but %3 has only %4 free. Free "
                                  "some space, or set HF_HUB_CACHE to a folder on a bigger disk.")
                       .arg(request_.repoId, formatBytes(double(toFetch + kSpaceMargin)), request_.hub.cacheDir,
                            formatBytes(double(available)))
                       .toStdString());
  qCInfo(lcApp) << "download plan for" << request_.repoId << commit_ << ":" << files_.size() << "files,"
                << toFetch_.size() << "to fetch," << toFetch << "bytes";
  Q_EMIT planned(bytesTotal_, toFetch, int(toFetch_.size()));
  fetchNext();
}

// 4. Fetch the missing files one by one.
void HubDownload::fetchNext() {
  ++fetchPos_;
  retries_ = 0;
  if (fetchPos_ >= toFetch_.size()) {
    linkSnapshot();
    return;
  }
  startFetch();
}

void HubDownload::startFetch() {
  if (cancelled_) throw HubError(HubError::Kind::Cancelled, "Download cancelled.");
  const RemoteFile& f = files_[toFetch_[fetchPos_]];
  const HubCache cache(request_.hub.cacheDir, request_.repoId);
  partial_ = std::make_unique<QFile>(cache.incompletePath(f.etag));
  if (!partial_->open(QIODevice::ReadWrite))
    throw HubError(HubError::Kind::Disk, QStringLiteral("Cannot write %1 (%2): check the permissions of the model cache.")
                                               .arg(partial_->fileName(), partial_->errorString()).toStdString());
  if (partial_->size() > f.size) {  // not ours, or from another version of the file: start over
    partial_->resize(0);  // (it was never counted in bytesDone_, see planAndCheckSpace)
  }
  // The hash covers the whole file, so a resumed download first re-reads what it already has.
  hash_.reset();
  if (const auto kind = ContentHash::kindOf(f.etag)) {
    hash_ = std::make_unique<ContentHash>(*kind, f.size);
    partial_->seek(0);
    while (!partial_->atEnd()) hash_->addData(partial_->read(4 << 20));
  }
  partial_->seek(partial_->size());
  const qint64 have = partial_->size();
  if (have == f.size) {
    completeFile();
    return;
  }

  QNetworkRequest req = makeRequest(f.url);
  if (have > 0) {
    req.setRawHeader("Range", "bytes=" + QByteArray::number(have) + '-');
    qCInfo(lcApp) << "resuming" << f.path << "at byte" << have << "of" << f.size;
  }
  headersChecked_ = false;
  reply_ = network_->get(req);
  QNetworkReply* reply = reply_;
  connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] { guarded([&] { onFetchHeaders(reply); }); });
  connect(reply, &QNetworkReply::readyRead, this, [this, reply] { guarded([&] { onFetchData(reply); }); });
  connect(reply, &QNetworkReply::finished, this, [this, reply] { guarded([&] { onFetchFinished(reply); }); });
  emitProgress(true);
}

void HubDownload::onFetchHeaders(QNetworkReply* reply) {
  // A late signal of a reply that a cancel or restart already let go: its file is gone.
  if (!partial_) return;
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (headersChecked_ || status < 200 || status >= 300) return;  // redirects and errors: see finished
  headersChecked_ = true;
  const qint64 have = partial_->size();
  bool restart = false;
  if (status == 206) {
    // "bytes START-END/TOTAL": the server must continue exactly where the file stops.
    static const QRegularExpression re(QStringLiteral("^bytes (\\d+)-"));
    const auto m = re.match(QString::fromLatin1(reply->rawHeader("Content-Range")));
    restart = !m.hasMatch() || m.captured(1).toLongLong() != have;
    if (restart) {  // a range we did not ask for: fetch the whole file again
      reply->disconnect(this);
      reply->abort();
      reply->deleteLater();
      reply_ = nullptr;
    }
  } else if (have > 0) {
    restart = true;  // 200: the server ignored the range and sends the whole file; keep it
  }
  if (restart) {
    qCInfo(lcApp) << "server did not resume" << files_[toFetch_[fetchPos_]].path << "- fetching it whole";
    bytesDone_ -= have;
    partial_->resize(0);
    partial_->seek(0);
    if (hash_) hash_ = std::make_unique<ContentHash>(hash_->kind(), files_[toFetch_[fetchPos_]].size);
    if (!reply_) startFetch();
  }
}

void HubDownload::onFetchData(QNetworkReply* reply) {
  if (!partial_ || !headersChecked_) return;  // a redirect or error body: not file content
  const QByteArray data = reply->readAll();
  if (data.isEmpty()) return;
  if (partial_->write(data) != data.size())
    throw HubError(HubError::Kind::DiskFull,
                   QStringLiteral("Writing %1 failed (%2). The disk may be full: free some space and start the "
                                  "download again; it resumes where it stopped.")
                       .arg(partial_->fileName(), partial_->errorString()).toStdString());
  if (hash_) hash_->addData(data);
  bytesDone_ += data.size();
  bytesReceived_ += data.size();
  emitProgress(false);
}

void HubDownload::onFetchFinished(QNetworkReply* reply) {
  reply->deleteLater();
  if (reply_ == reply) reply_ = nullptr;
  if (cancelled_) {
    if (partial_) partial_->flush();
    throw HubError(HubError::Kind::Cancelled,
                   QStringLiteral("Download cancelled. The %1 already fetched stay in the cache: start the "
                                  "download again to resume.").arg(formatBytes(double(bytesDone_))).toStdString());
  }
  if (headersChecked_) onFetchData(reply);  // the last bytes (also those before a broken connection)
  partial_->flush();
  const RemoteFile& f = files_[toFetch_[fetchPos_]];
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (status == 416) {  // the range starts past the end: the partial file is not of this blob
    bytesDone_ -= partial_->size();
    partial_->resize(0);
    retryOrFail(QStringLiteral("the server refused to resume"));
    return;
  }
  const RequestContext ctx{request_.hub.endpoint, request_.repoId, request_.revision, f.path, !request_.hub.token.isEmpty()};
  if (auto error = replyError(reply, ctx)) {
    if (error->kind() == HubError::Kind::Offline || status >= 500) {
      retryOrFail(reply->errorString());
      return;
    }
    throw *error;
  }
  if (partial_->size() < f.size) {  // the connection ended early without an error
    retryOrFail(QStringLiteral("the connection closed early"));
    return;
  }
  completeFile();
}

void HubDownload::retryOrFail(const QString& reason) {
  const RemoteFile& f = files_[toFetch_[fetchPos_]];
  if (retries_ < maxRetries_) {
    ++retries_;
    qCInfo(lcApp) << "fetching" << f.path << "broke off (" << reason << "), resuming, try" << retries_;
    partial_.reset();
    QTimer::singleShot(250 * retries_, this, [this] {
      if (running_) guarded([this] { startFetch(); });
    });
    return;
  }
  throw HubError(HubError::Kind::Offline,
                 QStringLiteral("The connection to %1 broke while fetching %2 (%3). The %4 already fetched stay in "
                                "the cache: start the download again to resume.")
                     .arg(request_.hub.endpoint.host(), f.path, reason, formatBytes(double(bytesDone_)))
                     .toStdString());
}

// 5. Verify size and hash against the Hub's metadata, then the partial file becomes the blob.
void HubDownload::completeFile() {
  const RemoteFile& f = files_[toFetch_[fetchPos_]];
  const HubCache cache(request_.hub.cacheDir, request_.repoId);
  const qint64 got = partial_->size();
  partial_->close();
  const QString partialPath = partial_->fileName();
  partial_.reset();
  auto discard = [&](const QString& problem) {
    QFile::remove(partialPath);
    bytesDone_ -= got;
    throw HubError(HubError::Kind::Integrity,
                   QStringLiteral("%1 of %2 arrived damaged: %3. The damaged copy was deleted; start the download "
                                  "again. If this repeats, the connection or a proxy is changing the data.")
                       .arg(f.path, request_.repoId, problem).toStdString());
  };
  if (got != f.size)
    discard(QStringLiteral("it has %1 bytes, the Hub says %2").arg(got).arg(f.size));
  if (hash_) {
    const QString actual = hash_->hex();
    if (actual != f.etag)
      discard(QStringLiteral("its %1 is %2, the Hub says %3").arg(hash_->name(), actual, f.etag));
  } else {
    qCWarning(lcApp) << "ETag" << f.etag << "of" << f.path << "is no content hash; only its size was checked";
  }
  const QString blob = cache.blobPath(f.etag);
  QFile::remove(blob);
  if (!QFile::rename(partialPath, blob))
    throw HubError(HubError::Kind::Disk, QStringLiteral("Cannot move %1 into place in the model cache.").arg(partialPath).toStdString());
  emitProgress(true);
  fetchNext();
}

// 6. The snapshot folder other tools (and openModel) read, and the ref that names it.
void HubDownload::linkSnapshot() {
  const HubCache cache(request_.hub.cacheDir, request_.repoId);
  for (const RemoteFile& f : files_) cache.linkIntoSnapshot(commit_, f.path, f.etag);
  if (!isCommitHash(request_.revision)) cache.writeRef(request_.revision, commit_);
  running_ = false;
  const QString dir = cache.snapshotDir(commit_);
  qCInfo(lcApp) << "downloaded" << request_.repoId << "to" << dir;
  Q_EMIT finished(dir);
}

void HubDownload::emitProgress(bool force) {
  const qint64 now = clock_.elapsed();
  if (!force && lastProgressMs_ >= 0 && now - lastProgressMs_ < kProgressIntervalMs) return;
  lastProgressMs_ = now;
  rate_.sample(now, bytesReceived_);
  DownloadProgress p;
  p.bytesDone = bytesDone_;
  p.bytesTotal = bytesTotal_;
  p.bytesPerSecond = rate_.bytesPerSecond();
  p.etaSeconds = rate_.etaSeconds(bytesTotal_ - bytesDone_);
  if (fetchPos_ >= 0 && fetchPos_ < toFetch_.size()) p.currentFile = files_[toFetch_[fetchPos_]].path;
  p.fileIndex = std::min(fetchPos_ + 1, int(toFetch_.size()));
  p.fileCount = int(toFetch_.size());
  Q_EMIT progress(p);
}

QString downloadModel(const DownloadRequest& request, const std::function<void(const DownloadProgress&)>& onProgress,
                      HubDownload::FreeSpaceProbe freeSpace) {
  HubDownload job(request);
  if (freeSpace) job.setFreeSpaceProbe(std::move(freeSpace));
  QEventLoop loop;
  bool done = false;
  QString result;
  std::optional<HubError> error;
  QObject::connect(&job, &HubDownload::progress, &loop, [&](const DownloadProgress& p) {
    if (onProgress) onProgress(p);
  });
  QObject::connect(&job, &HubDownload::finished, &loop, [&](const QString& dir) {
    result = dir;
    done = true;
    loop.quit();
  });
  QObject::connect(&job, &HubDownload::failed, &loop, [&](const QString& message, HubError::Kind kind) {
    error.emplace(kind, message.toStdString());
    done = true;
    loop.quit();
  });
  job.start();
  if (!done) loop.exec();
  if (error) throw *error;
  return result;
}

}  // namespace droste::hub

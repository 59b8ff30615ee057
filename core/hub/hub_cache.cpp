#include "core/hub/hub_cache.h"

#include "core/hub/hub_error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <filesystem>
#include <system_error>

namespace droste::hub {

namespace {

[[noreturn]] void diskError(const QString& what) {
  throw HubError(HubError::Kind::Server, what.toStdString());
}

void makeDir(const QString& path) {
  if (!QDir().mkpath(path)) diskError(QStringLiteral("Cannot create the folder %1: check its permissions.").arg(path));
}

}  // namespace

HubCache::HubCache(QString cacheDir, QString repoId)
    : repoDir_(QDir(cacheDir).filePath(folderName(repoId))) {}

QString HubCache::folderName(const QString& repoId) {
  return QStringLiteral("models--") + QString(repoId).replace(QLatin1Char('/'), QStringLiteral("--"));
}

QString HubCache::blobPath(const QString& etag) const { return repoDir_ + QStringLiteral("/blobs/") + etag; }

QString HubCache::snapshotDir(const QString& commit) const {
  return repoDir_ + QStringLiteral("/snapshots/") + commit;
}

void HubCache::linkIntoSnapshot(const QString& commit, const QString& relativePath, const QString& etag) const {
  namespace fs = std::filesystem;
  const fs::path link = fs::path(snapshotDir(commit).toStdString()) / relativePath.toStdString();
  const fs::path blob = blobPath(etag).toStdString();
  makeDir(QString::fromStdString(link.parent_path().string()));
  std::error_code ec;
  fs::remove(link, ec);  // a stale link from an earlier, interrupted run
  // Relative, as huggingface_hub makes them, so the cache can be moved as a whole.
  fs::create_symlink(fs::relative(blob, link.parent_path()), link, ec);
  if (ec) {
    fs::copy_file(blob, link, fs::copy_options::overwrite_existing, ec);
    if (ec)
      diskError(QStringLiteral("Cannot place %1 in the model cache (%2).")
                    .arg(QString::fromStdString(link.string()), QString::fromStdString(ec.message())));
  }
}

void HubCache::writeRef(const QString& revision, const QString& commit) const {
  const QString path = repoDir_ + QStringLiteral("/refs/") + revision;
  makeDir(QFileInfo(path).absolutePath());
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(commit.toUtf8()) < 0 || !file.commit())
    diskError(QStringLiteral("Cannot write %1: check the permissions of the model cache.").arg(path));
}

std::optional<QString> HubCache::readRef(const QString& revision) const {
  QFile file(repoDir_ + QStringLiteral("/refs/") + revision);
  if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
  const QString commit = QString::fromUtf8(file.readAll()).trimmed();
  if (commit.isEmpty()) return std::nullopt;
  return commit;
}

std::optional<QString> cachedSnapshot(const QString& cacheDir, const QString& repoId, const QString& revision) {
  const HubCache cache(cacheDir, repoId);
  const QString commit = cache.readRef(revision).value_or(revision);
  const QString dir = cache.snapshotDir(commit);
  if (QFileInfo(dir).isDir()) return dir;
  return std::nullopt;
}

QList<CachedModel> listCachedModels(const QString& cacheDir) {
  QList<CachedModel> models;
  const QDir root(cacheDir);
  for (const QString& folder : root.entryList({QStringLiteral("models--*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    QString repoId = folder.mid(int(qstrlen("models--")));
    repoId.replace(QStringLiteral("--"), QStringLiteral("/"));
    const HubCache cache(cacheDir, repoId);
    CachedModel model{repoId, {}, {}};
    if (const auto commit = cache.readRef(QStringLiteral("main")); commit && QFileInfo(cache.snapshotDir(*commit)).isDir()) {
      model.commit = *commit;
    } else {  // no refs/main (downloaded by commit): take the newest snapshot
      const QFileInfoList snaps = QDir(cache.repoDir() + QStringLiteral("/snapshots"))
                                      .entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
      if (snaps.isEmpty()) continue;
      model.commit = snaps.first().fileName();
    }
    model.snapshotDir = cache.snapshotDir(model.commit);
    models.append(model);
  }
  return models;
}

}  // namespace droste::hub

#include "core/hub/hub_cache.h"

#include "core/diffusion/loading/hub_cache_lookup.h"
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
  throw HubError(HubError::Kind::Disk, what.toStdString());
}

void makeDir(const QString& path) {
  if (!QDir().mkpath(path)) diskError(QStringLiteral("Cannot create the folder %1: check its permissions.").arg(path));
}

}  // namespace

HubCache::HubCache(QString cacheDir, QString repoId)
    : repoDir_(QDir(cacheDir).filePath(folderName(repoId))) {}

QString HubCache::folderName(const QString& repoId) {
  return QString::fromStdString(diffusion::cacheFolderName(repoId.toStdString()));
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

}  // namespace droste::hub

#pragma once
// The Hugging Face cache layout, shared with huggingface_hub / diffusers:
//   <cache>/models--ORG--NAME/blobs/<etag>            file contents, named by the Hub's ETag
//                                                     (sha256 for LFS files, git blob sha1 otherwise)
//   <cache>/models--ORG--NAME/blobs/<etag>.incomplete  a partial download, resumed with an HTTP range
//   <cache>/models--ORG--NAME/snapshots/<commit>/<path>  relative symlinks to the blobs
//   <cache>/models--ORG--NAME/refs/<revision>          the commit a branch or tag pointed to
// Where the cache is, the folder names and which snapshot is current: core/diffusion/loading/hub_cache_lookup.h,
// which the model discovery reads the cache with. This side writes.
#include <QList>
#include <QString>

#include <optional>

namespace droste::hub {

class HubCache {
 public:
  HubCache(QString cacheDir, QString repoId);

  QString repoDir() const { return repoDir_; }
  QString blobPath(const QString& etag) const;
  QString incompletePath(const QString& etag) const { return blobPath(etag) + QStringLiteral(".incomplete"); }
  QString snapshotDir(const QString& commit) const;

  // Puts <snapshot>/<relativePath> as a relative symlink to the blob (a copy where symlinks fail).
  void linkIntoSnapshot(const QString& commit, const QString& relativePath, const QString& etag) const;
  void writeRef(const QString& revision, const QString& commit) const;
  std::optional<QString> readRef(const QString& revision) const;

  // "models--ORG--NAME" for "ORG/NAME".
  static QString folderName(const QString& repoId);

 private:
  QString repoDir_;
};

}  // namespace droste::hub

#include "core/catalog/model_catalog.h"

#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/diffusion/loading/model_discovery.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

#include <filesystem>
#include <system_error>

namespace droste::catalog {
namespace {

namespace fs = std::filesystem;
using namespace droste::diffusion;

QString q(const std::string& s) { return QString::fromStdString(s); }

// One row from what discovery found; the facts are those the model could be opened for.
ModelEntry entryOf(const ModelListing& found) {
  ModelEntry entry;
  entry.name = q(found.name);
  entry.path = q(found.path.string());
  entry.kind = q(found.kind);
  entry.family = QString::fromLatin1(familyName(found.family));
  entry.inpainting = found.inpainting;
  entry.dtype = q(found.facts.floatFormats);
  entry.dtypeDetail = q(found.facts.storedDtypes);
  entry.bytes = static_cast<qint64>(found.facts.totalBytes);
  entry.problem = q(found.problem);
  return entry;
}

QString identity(const QString& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::path(path.toStdString()), ec);
  return ec ? path : q(canonical.string());
}

}  // namespace

QString modelProblem(const QString& path) {
  if (!QFileInfo::exists(path))
    return QCoreApplication::translate("droste::catalog::ModelCatalog", "%1 does not exist.").arg(path);
  return q(probeModel(path.toStdString()).problem);
}

int nativeKeyframeSide(const QString& path) {
  if (path.isEmpty()) return 0;
  return static_cast<int>(probeModel(path.toStdString()).facts.nativeImageSide);
}

bool isModelItself(const QString& path) {
  const QFileInfo info(path);
  if (info.isDir()) return QFileInfo::exists(path + QStringLiteral("/model_index.json"));
  return info.isFile();
}

QList<ModelEntry> scanModels(const QStringList& addedPaths, const QString& defaultLocation) {
  std::vector<fs::path> folders = diffusion::defaultModelFolders();
  QStringList single;  // models named directly: listed whatever their folder holds
  for (const QString& path : addedPaths) {
    if (isModelItself(path)) single << path;
    else folders.emplace_back(path.toStdString());
  }
  if (!defaultLocation.isEmpty()) single << defaultLocation;

  QList<ModelEntry> out;
  QSet<QString> seen;
  for (const ModelListing& found : discoverModels(folders)) {
    const QString path = q(found.path.string());
    if (seen.contains(identity(path))) continue;
    seen.insert(identity(path));
    out << entryOf(found);
  }
  for (const QString& path : single) {
    if (seen.contains(identity(path))) continue;
    seen.insert(identity(path));
    if (QFileInfo::exists(path)) {
      out << entryOf(probeModel(path.toStdString()));
      out.last().path = path;  // as the artist added it
      continue;
    }
    ModelEntry gone;
    gone.name = QFileInfo(path).fileName();
    gone.path = path;
    gone.kind = QStringLiteral("single file");
    gone.family = QString::fromLatin1(familyName(ModelFamily::Unknown));
    gone.problem = QCoreApplication::translate("droste::catalog::ModelCatalog",
                                               "%1 is gone: it was moved or deleted. Add it again from its new place.")
                       .arg(path);
    out << gone;
  }
  return out;
}

QString huggingFaceCacheFolder() { return q(huggingFaceHubCache().string()); }

QStringList defaultModelFolders() {
  QStringList folders;
  for (const fs::path& folder : diffusion::defaultModelFolders()) folders << q(folder.string());
  return folders;
}

}  // namespace droste::catalog

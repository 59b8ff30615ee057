#include "core/catalog/model_catalog.h"

#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/diffusion/loading/model_discovery.h"
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/model_validation.h"

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

// "F32+I64" per component -> the distinct float formats in the order met, as the Settings page
// names them ("fp32 + fp16"). Integer tensors (position ids) say nothing about precision.
QString shortDtype(const ModelSource& model) {
  QStringList names;
  for (const ComponentSource* c : {&model.unet, &model.vae, &model.textEncoder}) {
    for (const QString& part : q(c->storedDtype).split(QLatin1Char('+'), Qt::SkipEmptyParts)) {
      QString name;
      if (part == QLatin1String("F16")) name = QStringLiteral("fp16");
      else if (part == QLatin1String("BF16")) name = QStringLiteral("bf16");
      else if (part == QLatin1String("F32")) name = QStringLiteral("fp32");
      else if (part == QLatin1String("F64")) name = QStringLiteral("fp64");
      if (!name.isEmpty() && !names.contains(name)) names << name;
    }
  }
  return names.join(QStringLiteral(" + "));
}

// Opens the model (headers and configs only, no weights are read) for its family, dtype and size.
void fillFacts(ModelEntry& entry) {
  try {
    const ModelSource model = openModel(entry.path.toStdString());
    const ModelFacts facts = describeModel(model);
    entry.family = QString::fromLatin1(familyName(facts.family));
    entry.inpainting = facts.unetInChannels == 9;
    entry.dtype = shortDtype(model);
    entry.dtypeDetail = q(facts.storedDtypes);
    entry.bytes = static_cast<qint64>(facts.totalBytes);
    validateModel(model);  // after the facts: a row that cannot be used still says what it is
  } catch (const std::exception& e) {
    entry.problem = QString::fromUtf8(e.what());
  }
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
  try {
    validateModel(openModel(path.toStdString()));
    return {};
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
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
    ModelEntry entry;
    entry.name = q(found.name);
    entry.path = q(found.path.string());
    entry.kind = q(found.kind);
    entry.family = QString::fromLatin1(familyName(found.family));
    entry.inpainting = found.inpainting;
    entry.problem = q(found.problem);
    if (seen.contains(identity(entry.path))) continue;
    seen.insert(identity(entry.path));
    if (entry.problem.isEmpty()) fillFacts(entry);
    out << entry;
  }
  for (const QString& path : single) {
    if (seen.contains(identity(path))) continue;
    seen.insert(identity(path));
    ModelEntry entry;
    const QFileInfo info(path);
    entry.name = info.fileName();
    entry.path = path;
    entry.kind = info.isDir() ? QStringLiteral("diffusers folder") : QStringLiteral("single file");
    entry.family = QString::fromLatin1(familyName(ModelFamily::Unknown));
    if (!info.exists())
      entry.problem = QCoreApplication::translate("droste::catalog::ModelCatalog",
                                                  "%1 is gone: it was moved or deleted. Add it again from its new place.")
                          .arg(path);
    else fillFacts(entry);
    out << entry;
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

#include "core/hub/file_selection.h"

#include "core/hub/hub_error.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

namespace droste::hub {

namespace {

// Components whose weights the engine loads (SD 1/2 and SDXL's second text encoder).
const QSet<QString>& weightComponents() {
  static const QSet<QString> set = {QStringLiteral("unet"), QStringLiteral("vae"), QStringLiteral("text_encoder"),
                                    QStringLiteral("text_encoder_2")};
  return set;
}

bool isPickle(const QString& path) {
  static const QRegularExpression re(QStringLiteral("\\.(bin|ckpt|pt|pth|pkl|pickle)$"), QRegularExpression::CaseInsensitiveOption);
  return re.match(path).hasMatch();
}

bool isConfigOrTokenizerFile(const QString& path) {
  if (path.endsWith(QLatin1String(".json")) && !path.contains(QLatin1String(".safetensors.index")))
    return true;  // model_index.json, */config.json, scheduler_config.json, tokenizer_config.json, ...
  const QString dir = path.section(QLatin1Char('/'), 0, -2);
  return dir.startsWith(QLatin1String("tokenizer")) && (path.endsWith(QLatin1String(".txt")) || path.endsWith(QLatin1String(".model")));
}

// diffusers names: diffusion_pytorch_model[.fp16].safetensors, model[.fp16].safetensors, sharded as
// NAME[.fp16]-00001-of-00003.safetensors with NAME.safetensors.index[.fp16].json beside them.
struct ComponentWeights {
  QStringList fp16, plain;
};

bool isFp16(const QString& fileName) {
  return fileName.contains(QLatin1String(".fp16.")) || fileName.contains(QLatin1String(".fp16-")) ||
         fileName.endsWith(QLatin1String(".index.fp16.json"));
}

}  // namespace

bool staysInsideTheRepo(const QString& repoPath) {
  if (repoPath.isEmpty() || repoPath.contains(QLatin1Char('\\')) || repoPath.contains(QChar(0))) return false;
  for (const QString& part : repoPath.split(QLatin1Char('/')))
    if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")) return false;
  return true;
}

QStringList selectModelFiles(const QStringList& repoFiles, const QString& repoId) {
  for (const QString& path : repoFiles)
    if (!staysInsideTheRepo(path))
      throw HubError(HubError::Kind::Server,
                     QStringLiteral("The server listed the file \"%1\" for %2, which would be written outside the "
                                    "model's folder; nothing was downloaded.")
                         .arg(path, repoId)
                         .toStdString());
  const bool diffusersLayout = repoFiles.contains(QStringLiteral("model_index.json"));
  QStringList chosen;
  std::map<QString, ComponentWeights> weights;  // component folder -> its weight files
  std::map<QString, bool> componentHasPickle;

  for (const QString& path : repoFiles) {
    const QString dir = path.section(QLatin1Char('/'), 0, -2);
    const QString name = path.section(QLatin1Char('/'), -1);
    const bool isWeight = name.endsWith(QLatin1String(".safetensors")) ||
                          (name.contains(QLatin1String(".safetensors.index")) && name.endsWith(QLatin1String(".json")));
    if (isPickle(path)) {
      componentHasPickle[dir] = true;
      continue;
    }
    if (isWeight) {
      if (diffusersLayout && !weightComponents().contains(dir)) continue;  // root checkpoints, safety checker
      auto& w = weights[dir];
      (isFp16(name) ? w.fp16 : w.plain).append(path);
      continue;
    }
    if (isConfigOrTokenizerFile(path)) chosen.append(path);
  }

  if (diffusersLayout) {
    if (!repoFiles.contains(QStringLiteral("unet/config.json")))
      throw HubError(HubError::Kind::NoUsableFiles,
                     QStringLiteral("%1 has no unet/config.json, so it is not a Stable Diffusion model Droste can run.")
                         .arg(repoId).toStdString());
    for (const QString& component : weightComponents()) {
      const bool present = std::any_of(repoFiles.begin(), repoFiles.end(),
                                       [&](const QString& p) { return p.startsWith(component + QLatin1Char('/')); });
      if (!present) continue;  // SD 1/2 repos have no text_encoder_2
      const auto it = weights.find(component);
      if (it == weights.end()) {
        const QString why = componentHasPickle.count(component)
                                ? QStringLiteral("only pickle weights (.bin/.ckpt), which Droste never downloads because they can run code")
                                : QStringLiteral("no weights at all");
        throw HubError(HubError::Kind::NoUsableFiles,
                       QStringLiteral("%1 has %2 for its %3. Pick a model that offers .safetensors weights.")
                           .arg(repoId, why, component).toStdString());
      }
      chosen += it->second.fp16.isEmpty() ? it->second.plain : it->second.fp16;
    }
  } else {
    // A single-file repo (original LDM / A1111 layout): its root-level .safetensors, fp16 if offered.
    const auto it = weights.find(QString());
    if (it == weights.end())
      throw HubError(HubError::Kind::NoUsableFiles,
                     QStringLiteral("%1 has neither a diffusers model_index.json nor a .safetensors checkpoint "
                                    "at its top level, so it is not a Stable Diffusion model Droste can download.")
                         .arg(repoId).toStdString());
    chosen += it->second.fp16.isEmpty() ? it->second.plain : it->second.fp16;
  }
  chosen.sort();
  return chosen;
}

}  // namespace droste::hub

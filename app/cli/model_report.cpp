#include "app/cli/model_report.h"

#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/diffusion/loading/model_discovery.h"
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/model_validation.h"

#include <QTextStream>

namespace droste::cli {
namespace {

using namespace droste::diffusion;

QString humanSize(uint64_t bytes) {
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  return mb >= 1024.0 ? QStringLiteral("%1 GB").arg(mb / 1024.0, 0, 'f', 2) : QStringLiteral("%1 MB").arg(mb, 0, 'f', 1);
}

QString familyText(ModelFamily family) {
  switch (family) {
    case ModelFamily::SD1: return QStringLiteral("SD1 (Stable Diffusion 1.x, OpenAI CLIP ViT-L text encoder)");
    case ModelFamily::SD2: return QStringLiteral("SD2 (Stable Diffusion 2.x, OpenCLIP ViT-H text encoder)");
    case ModelFamily::SDXL:
      return QStringLiteral("SDXL (Stable Diffusion XL, OpenAI CLIP ViT-L + OpenCLIP ViT-bigG text encoders)");
    case ModelFamily::Unknown: break;
  }
  return QStringLiteral("unknown");
}

QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

QString modelInfoReport(const std::string& pathOrRepoId, const std::optional<std::filesystem::path>& configFolder) {
  const ModelSource model = openModel(pathOrRepoId, configFolder);
  validateModel(model);
  const ModelFacts f = describeModel(model);
  QString text;
  QTextStream out(&text);
  auto row = [&](const char* label, const QString& value) { out << QString::fromLatin1(label).leftJustified(18) << value << "\n"; };
  row("Model:", q(model.name));
  row("Path:", q(model.path.string()));
  QString format = QStringLiteral("diffusers folder");
  if (model.singleFile)
    format = configFolder ? QStringLiteral("single-file checkpoint (configs from %1)").arg(q(configFolder->string()))
                          : QStringLiteral("single-file checkpoint (architecture from tensor shapes + family defaults)");
  row("Format:", format);
  row("Family:", familyText(f.family));
  row("UNet input:", QStringLiteral("%1 channels%2").arg(f.unetInChannels).arg(
                         f.unetInChannels == 9 ? QStringLiteral(" (inpainting model)")
                                               : QStringLiteral(" (not an inpainting model: Droste blends latents)")));
  row("Prediction type:", q(f.predictionType));
  row("Text encoder:", QStringLiteral("%1 wide, %2 layers, %3 heads, %4")
                           .arg(f.textHiddenSize)
                           .arg(f.textLayers)
                           .arg(f.textHeads)
                           .arg(q(model.textEncoder.config.value("hidden_act", std::string("?")))));
  if (model.textEncoder2.weights)
    row("Text encoder 2:", QStringLiteral("%1 wide, %2 layers, %3 heads, %4, projection to %5")
                               .arg(f.text2HiddenSize)
                               .arg(f.text2Layers)
                               .arg(model.textEncoder2.config.value("num_attention_heads", int64_t(0)))
                               .arg(q(model.textEncoder2.config.value("hidden_act", std::string("?"))))
                               .arg(model.textEncoder2.config.value("projection_dim", int64_t(0))));
  row("Stored dtype:", q(f.storedDtypes));
  row("Total size:", QStringLiteral("%1 (%2 M parameters)").arg(humanSize(f.totalBytes)).arg(f.parameterCount / 1e6, 0, 'f', 1));
  row("Scheduler:", q(model.schedulerConfig.value("_class_name", std::string("?"))));
  row("Tokenizer:", model.tokenizerDir.empty() ? QStringLiteral("not found (use --config FOLDER)") : q(model.tokenizerDir.string()));
  if (model.family == ModelFamily::SDXL)
    row("Tokenizer 2:", model.tokenizer2Dir.empty() ? QStringLiteral("not found (use --config FOLDER)")
                                                    : q(model.tokenizer2Dir.string()));
  return text;
}

QString modelListReport(const std::vector<std::filesystem::path>& folders) {
  QString text;
  QTextStream out(&text);
  out << "Hugging Face cache: " << q(huggingFaceHubCache().string()) << "\n";
  out << "Model folders:     ";
  for (const auto& f : folders) out << " " << q(f.string());
  out << "\n\n";
  const auto models = discoverModels(folders);
  if (models.empty()) {
    out << "No models found. Download one (droste-cli download stabilityai/stable-diffusion-2-inpainting) or put "
           "diffusers folders / .safetensors checkpoints in a model folder.\n";
    return text;
  }
  for (const auto& m : models) {
    out << q(m.name) << "\n    " << q(m.kind) << ", ";
    if (m.problem.empty())
      out << familyName(m.family) << (m.inpainting ? ", inpainting" : ", not inpainting");
    else
      out << "cannot be used: " << q(m.problem).section(QLatin1Char('\n'), 0, 0);
    out << "\n    " << q(m.path.string()) << "\n";
  }
  return text;
}

}  // namespace droste::cli

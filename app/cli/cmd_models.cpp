// droste-cli models [FOLDER...]: the models Droste can find (Hugging Face cache + model folders).
#include "app/cli/commands.h"
#include "app/cli/model_report.h"
#include "core/diffusion/loading/model_discovery.h"

#include <QTextStream>

namespace droste::cli {

int runModels(const QStringList& args) {
  QTextStream out(stdout);
  if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
    out << "Usage: droste-cli models [FOLDER...]\n\n"
           "Lists the Stable Diffusion models in the Hugging Face cache ($HF_HUB_CACHE, $HF_HOME/hub or\n"
           "~/.cache/huggingface/hub) and the diffusers folders and .safetensors checkpoints in each FOLDER\n"
           "(default: $DROSTE_MODEL_DIRS, else ~/.local/share/Droste/models).\n";
    return 0;
  }
  std::vector<std::filesystem::path> folders;
  for (const auto& a : args) folders.emplace_back(a.toStdString());
  if (folders.empty()) folders = diffusion::defaultModelFolders();
  out << modelListReport(folders);
  return 0;
}

}  // namespace droste::cli

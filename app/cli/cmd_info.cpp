// droste-cli info            versions, device, BLAS, threads, encoders
// droste-cli info MODEL [--config FOLDER]   facts about a model; fails (exit 1) on a broken one
#include "app/cli/commands.h"
#include "app/cli/model_report.h"
#include "core/system_info.h"

#include <QTextStream>

#include <optional>

namespace droste::cli {

int runInfo(const QStringList& args) {
  QTextStream out(stdout);
  if (args.isEmpty()) {
    out << systemInfoReport() << "\n";
    return 0;
  }
  if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
    out << "Usage: droste-cli info [MODEL [--config FOLDER]]\n\n"
           "Without MODEL: versions, device, BLAS, threads and encoders.\n"
           "MODEL: a diffusers folder, a Hugging Face repo id in the local cache (org/name) or a single-file\n"
           "       .safetensors checkpoint. Prints family, UNet input channels, prediction type, text encoder\n"
           "       size, stored dtype and total size; exits with 1 and the reason if the model is broken.\n"
           "--config FOLDER: a diffusers folder whose config files describe a single-file checkpoint.\n";
    return 0;
  }
  QString model;
  std::optional<std::filesystem::path> config;
  for (int i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--config")) {
      if (i + 1 >= args.size()) {
        QTextStream(stderr) << "droste-cli info: --config needs a folder\n";
        return 2;
      }
      config = std::filesystem::path(args[++i].toStdString());
    } else if (model.isEmpty()) {
      model = args[i];
    } else {
      QTextStream(stderr) << "droste-cli info: unexpected argument '" << args[i] << "'\n";
      return 2;
    }
  }
  // Errors propagate to cli_main, which prints them and exits with 1.
  out << modelInfoReport(model.toStdString(), config);
  return 0;
}

}  // namespace droste::cli

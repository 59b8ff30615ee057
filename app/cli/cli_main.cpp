// droste-cli: headless entry point (QCoreApplication; needs no display).
#include "app/cli/commands.h"
#include "app/cli/error_advice.h"
#include "core/diffusion/runtime/runtime_info.h"

#include <QCoreApplication>
#include <QTextStream>

#include <exception>
#include <functional>
#include <map>

namespace {

struct Command {
  std::function<int(const QStringList&)> run;
  const char* summary;
};

const std::map<QString, Command>& commands() {
  static const std::map<QString, Command> table = {
      {QStringLiteral("info"), {droste::cli::runInfo, "versions, device, BLAS, threads, encoders; info MODEL: model facts"}},
      {QStringLiteral("models"), {droste::cli::runModels, "list the models found (Hugging Face cache, model folders)"}},
      {QStringLiteral("download"), {droste::cli::runDownload, "fetch a model from the Hugging Face Hub (resumable)"}},
      {QStringLiteral("inpaint"), {droste::cli::runInpaint, "inpaint the white part of a mask with Stable Diffusion"}},
      {QStringLiteral("render"), {droste::cli::runRender, "render the zoom to MP4 / WebM / PNG frames"}},
      {QStringLiteral("detail"), {droste::cli::runDetail, "enlarge the keyframes once for a large video, with the model's detail"}},
      {QStringLiteral("bench"), {droste::cli::runBench, "time text encoder, UNet step, VAE encode/decode (random weights)"}},
      {QStringLiteral("bench-render"), {droste::cli::runBenchRender, "zoom renderer frames per second"}},
      {QStringLiteral("bench-export"), {droste::cli::runBenchExport, "export time against the encoder alone, same frames"}},
      {QStringLiteral("zoom"), {droste::cli::runZoom, "paint a keyframe chain headless and save a project"}},
      {QStringLiteral("assemble"), {droste::cli::runAssemble, "make a project from keyframe pictures made elsewhere"}},
  };
  return table;
}

int usage(QTextStream& out) {
  out << "Usage: droste-cli COMMAND [options]\n\nCommands:\n";
  for (const auto& [name, cmd] : commands()) out << "  " << name.leftJustified(14) << cmd.summary << "\n";
  out << "\nRun 'droste-cli COMMAND --help' for a command's options.\n";
  return 2;
}

}  // namespace

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("Droste"));
  QCoreApplication::setApplicationName(QStringLiteral("Droste"));
  QCoreApplication::setApplicationVersion(QStringLiteral(DROSTE_VERSION));
  droste::diffusion::configureThreads();

  QStringList args = app.arguments();
  QTextStream err(stderr);
  if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) return usage(err);
  const auto it = commands().find(args[1]);
  if (it == commands().end()) {
    err << "droste-cli: unknown command '" << args[1] << "'\n\n";
    return usage(err);
  }
  try {
    return it->second.run(args.mid(2));
  } catch (const std::exception& e) {
    err << "droste-cli " << args[1] << ": " << QString::fromStdString(droste::cli::withAdvice(e.what(), droste::errorKindOf(e)))
        << "\n";
    return 1;
  }
}

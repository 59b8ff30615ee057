// droste-cli download [REPO_ID] [--revision REV]: the Hub download of Settings -> Models, headless.
// Prints progress on stderr and the snapshot folder (what to open as the model) on stdout.
#include "app/cli/commands.h"
#include "core/hub/hub_download.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <unistd.h>

namespace droste::cli {

namespace {

QString formatDuration(double seconds) {
  if (seconds < 0) return QStringLiteral("--:--");
  const qint64 s = qint64(seconds + 0.5);
  return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

int runDownload(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Downloads a Stable Diffusion model from the Hugging Face Hub into the shared Hub cache "
      "(fp16 .safetensors weights, configs and tokenizer files only). Resumes an interrupted download.\n"
      "Environment: HF_ENDPOINT (mirror), HF_TOKEN (gated models; else the token file of "
      "'huggingface-cli login'), HF_HUB_CACHE / HF_HOME (where the cache is), HF_HUB_OFFLINE."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("REPO_ID"),
                               QStringLiteral("The model, e.g. %1 (the default).").arg(QLatin1String(hub::kDefaultModelRepo)));
  const QCommandLineOption revision(QStringLiteral("revision"), QStringLiteral("Branch, tag or commit (default: main)."),
                                    QStringLiteral("REV"), QStringLiteral("main"));
  parser.addOption(revision);
  QStringList argv = args;
  argv.prepend(QStringLiteral("droste-cli download"));
  if (!parser.parse(argv)) {
    QTextStream(stderr) << parser.errorText() << "\n\n" << parser.helpText();
    return 2;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    QTextStream(stdout) << parser.helpText();
    return 0;
  }
  if (parser.positionalArguments().size() > 1) {
    QTextStream(stderr) << "droste-cli download: give one REPO_ID\n";
    return 2;
  }

  hub::DownloadRequest request;
  if (!parser.positionalArguments().isEmpty()) request.repoId = parser.positionalArguments().first();
  request.revision = parser.value(revision);

  QTextStream err(stderr);
  const bool tty = isatty(STDERR_FILENO);
  err << "Downloading " << request.repoId << " (" << request.revision << ") from "
      << request.hub.endpoint.toString() << " into " << request.hub.cacheDir << "\n";
  err.flush();
  int lastPercent = -1;
  QString lastFile;
  const QString snapshot = hub::downloadModel(request, [&](const hub::DownloadProgress& p) {
    const int percent = p.bytesTotal > 0 ? int(100 * p.bytesDone / p.bytesTotal) : 0;
    const QString line = QStringLiteral("%1% %2 / %3  %4/s  ETA %5  %6 (%7/%8)")
                             .arg(percent, 3)
                             .arg(hub::formatBytes(double(p.bytesDone)), hub::formatBytes(double(p.bytesTotal)),
                                  hub::formatBytes(p.bytesPerSecond), formatDuration(p.etaSeconds), p.currentFile)
                             .arg(p.fileIndex)
                             .arg(p.fileCount);
    if (tty) {
      err << "\r" << line.leftJustified(110).left(110);
    } else if (percent / 10 != lastPercent / 10 || p.currentFile != lastFile) {  // logs: a line per file and 10%
      err << line << "\n";
    }
    lastPercent = percent;
    lastFile = p.currentFile;
    err.flush();
  });
  if (tty) err << "\n";
  err << "Done. The model is in the Hugging Face cache; open it as " << request.repoId << " or by the folder:\n";
  err.flush();
  QTextStream(stdout) << snapshot << "\n";
  return 0;
}

}  // namespace droste::cli

// droste-cli: headless entry point (QCoreApplication; needs no display).
#include "app/cli/commands.h"
#include "core/diffusion/runtime_info.h"

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
      {QStringLiteral("info"), {droste::cli::runInfo, "versions, device, BLAS, threads, encoders"}},
  };
  return table;
}

int usage(QTextStream& out) {
  out << "Usage: droste-cli COMMAND [options]\n\nCommands:\n";
  for (const auto& [name, cmd] : commands()) out << "  " << name.leftJustified(10) << cmd.summary << "\n";
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
    err << "droste-cli " << args[1] << ": " << e.what() << "\n";
    return 1;
  }
}

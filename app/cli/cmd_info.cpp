#include "app/cli/commands.h"
#include "core/system_info.h"

#include <QTextStream>

namespace droste::cli {

int runInfo(const QStringList& args) {
  QTextStream out(stdout);
  if (!args.isEmpty()) {
    // `droste-cli info MODEL` (model facts) arrives with the model loader.
    QTextStream(stderr) << "droste-cli info: model inspection is not available yet\n";
    return 2;
  }
  out << systemInfoReport() << "\n";
  return 0;
}

}  // namespace droste::cli

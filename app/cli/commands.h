#pragma once
// droste-cli subcommands. Each takes the arguments after its name and returns the exit code.
#include <QStringList>

namespace droste::cli {

int runInfo(const QStringList& args);

}  // namespace droste::cli

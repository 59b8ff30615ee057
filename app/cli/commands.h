#pragma once
// droste-cli subcommands. Each takes the arguments after its name and returns the exit code.
#include <QStringList>

namespace droste::cli {

int runInfo(const QStringList& args);
int runModels(const QStringList& args);  // cmd_models.cpp
int runDownload(const QStringList& args);   // cmd_download.cpp
int runRender(const QStringList& args);       // cmd_render.cpp
int runDetail(const QStringList& args);       // cmd_detail.cpp
int runBenchRender(const QStringList& args);  // cmd_render.cpp
int runBenchExport(const QStringList& args);  // cmd_bench_export.cpp
int runZoom(const QStringList& args);          // cmd_zoom.cpp
int runAssemble(const QStringList& args);      // cmd_assemble.cpp
int runBench(const QStringList& args);        // cmd_bench.cpp
int runInpaint(const QStringList& args);      // cmd_inpaint.cpp

}  // namespace droste::cli

#include "app/cli/commands.h"
#include "core/diffusion/testing/benchmark.h"

#include <QTextStream>

#include <string>
#include <vector>

namespace droste::cli {

// `droste-cli bench`: the same benchmark as droste-bench (core/diffusion/testing/benchmark.h).
int runBench(const QStringList& args) {
  QTextStream out(stdout), err(stderr);
  if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
    out << QString::fromStdString(diffusion::benchmarkUsage("droste-cli bench"));
    return 0;
  }
  std::vector<std::string> argv;
  for (const auto& a : args) argv.push_back(a.toStdString());
  diffusion::BenchmarkOptions options;
  try {
    options = diffusion::parseBenchmarkArgs(argv);
  } catch (const std::invalid_argument& e) {
    err << "droste-cli bench: " << e.what() << "\n" << QString::fromStdString(diffusion::benchmarkUsage("droste-cli bench"));
    return 2;
  }
  const auto result = diffusion::runBenchmark(options, [&](const std::string& line) {
    err << QString::fromStdString(line) << "\n";
    err.flush();
  });
  out << QString::fromStdString(options.json ? diffusion::benchmarkJson(result)
                                             : diffusion::benchmarkText(options, result))
      << "\n";
  return 0;
}

}  // namespace droste::cli

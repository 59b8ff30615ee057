// droste-bench: diffusion speed and golden parity without Qt (builds against any libtorch).
#include "app/bench/generate_memory.h"
#include "app/bench/parity_command.h"
#include "app/bench/text_encoder_memory.h"
#include "core/diffusion/benchmark.h"
#include "core/diffusion/runtime_info.h"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

int usage() {
  std::fprintf(stderr, "Usage: droste-bench COMMAND [options]\n\nCommands:\n"
                       "  info      libtorch version, device, threads\n"
                       "  bench     time text encoder, UNet step, VAE encode/decode (random weights)\n"
                       "  parity    run the pipeline goldens and compare (see below)\n\n%s",
               droste::diffusion::benchmarkUsage("droste-bench bench").c_str());
  std::fprintf(stderr, "\n%s", droste::bench::textEncoderMemoryUsage());
  std::fprintf(stderr, "%s", droste::bench::parityUsage());
  std::fprintf(stderr, "%s", droste::bench::generateMemoryUsage());
  return 2;
}

int info() {
  const auto info = droste::diffusion::runtimeInfo();
  std::printf("libtorch %s, CUDA %s, intra-op threads %d, BLAS %s\n", info.torchVersion.c_str(),
              info.cudaAvailable ? "yes" : "no", info.intraOpThreads, info.blas.c_str());
  return 0;
}

int bench(const std::vector<std::string>& args) {
  using namespace droste::diffusion;
  const BenchmarkOptions options = parseBenchmarkArgs(args);
  const auto result = runBenchmark(options, [&](const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
  });
  std::printf("%s\n", options.json ? benchmarkJson(result).c_str() : benchmarkText(options, result).c_str());
  return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  droste::diffusion::configureThreads();
  if (argc < 2) return usage();
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "info") return info();
    if (command == "bench") return bench(args);
    if (command == "generate-memory") return droste::bench::runGenerateMemory(args);
    if (command == "parity") return droste::bench::runParity(args);
    if (command == "text-encoder-memory") return droste::bench::runTextEncoderMemory(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "droste-bench %s: %s\n", command.c_str(), e.what());
    return 1;
  }
  return usage();
}

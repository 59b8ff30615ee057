// droste-bench: diffusion speed and golden parity without Qt (builds against any libtorch).
#include "app/bench/generate_memory.h"
#include "app/bench/parity_command.h"
#include "app/bench/text_encoder_memory.h"
#include "core/diffusion/runtime/precision.h"
#include "core/diffusion/runtime/runtime_info.h"
#include "core/diffusion/testing/benchmark.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

int usage() {
  std::fprintf(stderr, "Usage: droste-bench COMMAND [options]\n\nCommands:\n"
                       "  info      libtorch version, device, threads\n"
                       "  bench     time text encoder, UNet step, VAE encode/decode (random weights)\n"
                       "  parity    run the pipeline goldens and compare (see below)\n"
                       "  configs --arch sd2|sd15|sdxl DIR   write the real-size UNet, VAE and text encoder configs\n"
                       "            that bench uses as DIR/{unet,vae,text_encoder}/config.json (for the reference\n"
                       "            benchmarks, tools/bench/diffusers_bench.py)\n\n%s",
               droste::diffusion::benchmarkUsage("droste-bench bench").c_str());
  std::fprintf(stderr, "\n%s", droste::bench::textEncoderMemoryUsage());
  std::fprintf(stderr, "%s", droste::bench::parityUsage());
  std::fprintf(stderr, "%s", droste::bench::generateMemoryUsage());
  return 2;
}

int info() {
  using namespace droste::diffusion;
  const auto info = runtimeInfo();
  std::printf("libtorch %s, CUDA %s, intra-op threads %d, BLAS %s\n", info.torchVersion.c_str(),
              info.cudaAvailable ? "yes" : "no", info.intraOpThreads, info.blas.c_str());
  const PrecisionChoice cpu = resolvePrecision(Precision::Auto, false, cpuCapability());
  std::printf("CPU %s: precision auto = %s (%s)\n", cpuCapability().describe().c_str(),
              precisionName(cpu.precision), cpu.reason.c_str());
  return 0;
}

int writeConfigs(const std::vector<std::string>& args) {
  using namespace droste::diffusion;
  std::string arch = "sd2";
  std::filesystem::path folder;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--arch" && i + 1 < args.size()) arch = args[++i];
    else if (folder.empty()) folder = args[i];
    else throw std::invalid_argument("unexpected argument '" + args[i] + "'");
  }
  if (folder.empty()) throw std::invalid_argument("say where: droste-bench configs --arch sd2 DIR");
  const std::pair<const char*, nlohmann::json> configs[] = {
      {"unet", realUNetConfig(arch)}, {"vae", realVaeConfig(arch)}, {"text_encoder", realTextEncoderConfig(arch)}};
  for (const auto& [name, config] : configs) {
    std::filesystem::create_directories(folder / name);
    std::ofstream(folder / name / "config.json") << config.dump(2) << "\n";
  }
  std::printf("wrote the %s configs to %s\n", arch.c_str(), folder.c_str());
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
    if (command == "configs") return writeConfigs(args);
    if (command == "text-encoder-memory") return droste::bench::runTextEncoderMemory(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "droste-bench %s: %s\n", command.c_str(), e.what());
    return 1;
  }
  return usage();
}

#pragma once
// Speed benchmark of the denoising components at the real SD2 / SD1.5 sizes with random weights
// (no download needed): text encoder, one UNet step (CFG batch 2), VAE encode, VAE decode.
// Shared by droste-bench and `droste-cli bench`. Qt-free.

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace droste::diffusion {

struct BenchmarkOptions {
  std::string arch = "sd2";  // sd2 | sd15 | sdxl (inpainting UNets: 9 input channels)
  int size = 512;            // image side in pixels (multiple of 8)
  std::string device = "cpu";
  std::string dtype;         // auto | fp32 | fp16 | bf16; empty = auto (runtime/precision.h)
  int repeats = 3;           // timed runs per component (the median is reported)
  int warmup = 1;            // untimed runs first (oneDNN / cuDNN set-up)
  std::vector<std::string> parts{"text", "unet", "vae-encode", "vae-decode"};
  bool channelsLast = false;
  bool packConvolutions = true;  // false = --plain-conv: libtorch reorders conv weights on every call (CPU)
  std::string attention = "auto";  // auto (the engine default) | fused | chunked
  int threads = 0;  // intra-op threads; 0 = keep the process setting
  std::optional<double> vramCapMb;  // CUDA: the most the allocator may hand out (runtime/gpu_memory.h)
  bool json = false;
};

struct BenchmarkResult {
  std::optional<double> textEncoderMs, unetStepMs, vaeEncodeMs, vaeDecodeMs;  // medians; empty = not measured
  // Process CPU time (user + system) per timed run, medians: on a loaded machine the wall time
  // mostly measures the wait for a core, the CPU time much less so.
  std::optional<double> textEncoderCpuMs, unetStepCpuMs, vaeEncodeCpuMs, vaeDecodeCpuMs;
  double peakRssMb = 0;
  std::optional<double> cudaPeakMb;  // the CUDA caching allocator's peak of allocated bytes (CUDA runs only)
  std::optional<double> vramCapMb;   // the cap it ran under, if any
  std::string device, dtype;
  int threads = 0;
};

// Parses the command-line options after "bench"; throws std::invalid_argument with a message.
BenchmarkOptions parseBenchmarkArgs(const std::vector<std::string>& args);
std::string benchmarkUsage(const std::string& program);

// Runs the benchmark; log receives progress lines.
BenchmarkResult runBenchmark(const BenchmarkOptions& options, const std::function<void(const std::string&)>& log = {});

// The real models' diffusers config.json contents (random-weight benchmarks and memory checks):
// arch "sd2" = stabilityai/stable-diffusion-2-inpainting, "sd15" = the SD1.5 inpainting model, "sdxl" =
// diffusers/stable-diffusion-xl-1.0-inpainting-0.1 (its second text encoder: encoder 2).
nlohmann::json realUNetConfig(const std::string& arch);
nlohmann::json realVaeConfig(const std::string& arch = "sd2");
nlohmann::json realTextEncoderConfig(const std::string& arch, int encoder = 1);

std::string benchmarkJson(const BenchmarkResult& result);  // one JSON object
std::string benchmarkText(const BenchmarkOptions& options, const BenchmarkResult& result);

}  // namespace droste::diffusion

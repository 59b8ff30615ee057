#include "app/bench/text_encoder_memory.h"

#include "app/bench/process_memory.h"
#include "app/bench/random_model.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/testing/benchmark.h"
#include "core/io/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace droste::bench {

namespace fs = std::filesystem;

const char* textEncoderMemoryUsage() {
  return "  text-encoder-memory [--file PATH] [--dtype f16|f32] [--warm] [--keep]\n"
         "            write a full-size SD2 text encoder (random F16 weights, ~0.7 GB) and measure loading it:\n"
         "            load time, peak RSS increase vs the loaded tensors. --warm: leave the file in the page\n"
         "            cache (default: evicted first, as after a reboot). --keep: do not delete the file.\n";
}

int runTextEncoderMemory(const std::vector<std::string>& args) {
  fs::path file = fs::temp_directory_path() / "droste-bench-sd2-text-encoder.safetensors";
  c10::ScalarType dtype = at::kHalf;
  bool warm = false, keep = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--file" && i + 1 < args.size()) file = args[++i];
    else if (args[i] == "--dtype" && i + 1 < args.size()) {
      const std::string d = args[++i];
      if (d == "f16") dtype = at::kHalf;
      else if (d == "f32") dtype = at::kFloat;
      else throw std::runtime_error("--dtype must be f16 or f32");
    } else if (args[i] == "--warm") warm = true;
    else if (args[i] == "--keep") keep = true;
    else throw std::runtime_error("unknown option '" + args[i] + "'\n" + textEncoderMemoryUsage());
  }

  const auto config = diffusion::realTextEncoderConfig("sd2");
  // Written tensor by tensor: never more than one tensor in memory.
  writeRandomSafetensors(file, *diffusion::ClipTextModel(diffusion::ClipTextConfig::fromJson(config)), 0);
  const uint64_t fileBytes = fs::file_size(file);
  if (!warm) evictFromPageCache(file);

  const bool peakReset = resetPeakRss();
  const long rssBefore = procStatusKb("VmRSS");
  const double cpuStart = processCpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  auto st = std::make_shared<io::SafetensorsFile>(file);
  diffusion::SafetensorsWeightSource source(st);
  diffusion::LoadOptions options;
  options.dtype = dtype;
  diffusion::ClipTextModel model = diffusion::loadClipTextModel(config, source, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = processCpuSeconds() - cpuStart;
  const long peak = procStatusKb("VmHWM");
  const long rssAfter = procStatusKb("VmRSS");

  uint64_t tensorBytes = 0;
  for (const auto& p : model->named_parameters()) tensorBytes += p.value().nbytes();
  const double mb = 1024.0 * 1024.0;
  const double peakIncrease = (peak - rssBefore) * 1024.0;
  std::printf("file               %s (%.1f MB, %s)\n", file.c_str(), fileBytes / mb, warm ? "in page cache" : "evicted from page cache");
  std::printf("loaded tensors     %.1f MB (%s)\n", tensorBytes / mb, dtype == at::kHalf ? "F16" : "F32");
  std::printf("load time          %.3f s wall, %.3f s CPU (user + system, all threads)\n", seconds, cpu);
  std::printf("RSS before / after %.1f MB / %.1f MB\n", rssBefore / 1024.0, rssAfter / 1024.0);
  std::printf("peak RSS increase  %.1f MB = %.3f x the loaded tensors (%.1f MB beyond them)%s\n", peakIncrease / mb,
              peakIncrease / tensorBytes, (peakIncrease - tensorBytes) / mb,
              peakReset ? "" : "  [peak not reset: includes the file writing]");
  st.reset();
  if (!keep) fs::remove(file);
  return 0;
}

}  // namespace droste::bench

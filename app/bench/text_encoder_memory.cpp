#include "app/bench/text_encoder_memory.h"

#include "core/diffusion/clip_text_model.h"
#include "core/io/safetensors.h"
#include "core/io/safetensors_writer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace droste::bench {
namespace {

namespace fs = std::filesystem;

nlohmann::json sd2TextConfig() {
  return {{"hidden_size", 1024}, {"intermediate_size", 4096}, {"num_hidden_layers", 23}, {"num_attention_heads", 16},
          {"vocab_size", 49408}, {"max_position_embeddings", 77}, {"hidden_act", "gelu"}, {"layer_norm_eps", 1e-5}};
}

// kB values of /proc/self/status.
long statusKb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(key) + ":";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
  return -1;
}

// Resets VmHWM (peak RSS) to the current RSS (Linux >= 4.0).
bool resetPeakRss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

double cpuSeconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void evictFromPageCache(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fdatasync(fd);
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  ::close(fd);
}

}  // namespace

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

  const auto config = sd2TextConfig();
  {
    // Write tensor by tensor: never more than one tensor in memory.
    diffusion::ClipTextModel shapes(diffusion::ClipTextConfig::fromJson(config));
    std::vector<io::TensorSpec> specs;
    for (const auto& p : shapes->named_parameters()) specs.push_back({p.key(), at::kHalf, p.value().sizes().vec()});
    io::SafetensorsWriter writer(file, specs);
    at::manual_seed(0);
    for (const auto& s : specs) writer.append((at::randn(s.shape) * 0.02).to(at::kHalf));
    writer.finish();
  }
  const uint64_t fileBytes = fs::file_size(file);
  if (!warm) evictFromPageCache(file);

  const bool peakReset = resetPeakRss();
  const long rssBefore = statusKb("VmRSS");
  const double cpuStart = cpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  auto st = std::make_shared<io::SafetensorsFile>(file);
  diffusion::SafetensorsWeightSource source(st);
  diffusion::LoadOptions options;
  options.dtype = dtype;
  diffusion::ClipTextModel model = diffusion::loadClipTextModel(config, source, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpuSeconds() - cpuStart;
  const long peak = statusKb("VmHWM");
  const long rssAfter = statusKb("VmRSS");

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

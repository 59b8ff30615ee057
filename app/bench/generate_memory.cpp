#include "app/bench/generate_memory.h"

#include "app/bench/process_memory.h"
#include "app/bench/random_model.h"
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/attention.h"
#include "core/diffusion/pipeline/inpaint_pipeline.h"
#include "core/diffusion/runtime/device_choice.h"
#include "core/diffusion/runtime/gpu_memory.h"
#include "core/io/remove_tree.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace droste::bench {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string arch = "sd2";
  int size = 512;
  int steps = 25;
  std::string dtype = "fp32";
  std::string device = "cpu";  // cpu | cuda (cuda: the time of the whole keyframe and the VRAM peak)
  std::string attention;  // empty = the engine's default
  fs::path model;  // reuse a folder written before (--model); else a temporary one
  bool keep = false, json = false;
  bool traceStages = false;  // log each stage of the run by its reference name (where a run stops)
  bool keepTextEncoders = false;  // InpaintPipeline::setKeepTextEncodersLoaded
  std::optional<double> vramCapMb;  // CUDA: the most the allocator may hand out (runtime/gpu_memory.h)
};

Options parse(const std::vector<std::string>& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    auto next = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument("option " + args[i] + " needs a value");
      return args[++i];
    };
    const std::string& a = args[i];
    if (a == "--arch") o.arch = next();
    else if (a == "--size") o.size = std::stoi(next());
    else if (a == "--steps") o.steps = std::stoi(next());
    else if (a == "--dtype") o.dtype = next();
    else if (a == "--device") o.device = next();
    else if (a == "--model") o.model = next();
    else if (a == "--attention") o.attention = next();
    else if (a == "--keep") o.keep = true;
    else if (a == "--json") o.json = true;
    else if (a == "--trace-stages") o.traceStages = true;
    else if (a == "--keep-text-encoders") o.keepTextEncoders = true;
    else if (a == "--vram-cap-mb") o.vramCapMb = std::stod(next());
    else throw std::invalid_argument("unknown option '" + a + "'\n" + generateMemoryUsage());
  }
  if (o.arch != "sd2" && o.arch != "sd15" && o.arch != "sdxl") throw std::invalid_argument("--arch must be sd2, sd15 or sdxl");
  if (o.size < 64 || o.size % 64) throw std::invalid_argument("--size must be a multiple of 64");
  if (o.steps < 1) throw std::invalid_argument("--steps must be at least 1");
  if (!o.attention.empty()) diffusion::parseAttentionKernel(o.attention);  // refuses an unknown name before any work
  // Refuses what does not run here (fp16 on the CPU; bf16 without AVX-512; CUDA without a GPU) before
  // writing any weights.
  using namespace droste::diffusion;
  if (o.device != "cpu" && o.device != "cuda") throw std::invalid_argument("--device must be cpu or cuda");
  if (o.vramCapMb && o.device != "cuda") throw std::invalid_argument("--vram-cap-mb needs --device cuda");
  o.dtype = precisionName(precisionOf(chooseDevice(parseDeviceKind(o.device), parsePrecision(o.dtype)).dtype));
  return o;
}

double mb(double bytes) { return bytes / (1024.0 * 1024.0); }

}  // namespace

const char* generateMemoryUsage() {
  return "  generate-memory [--arch sd2|sd15|sdxl] [--size 512] [--steps 25] [--dtype auto|fp32|fp16|bf16] [--device cpu|cuda]\n"
         "            [--attention auto|fused|chunked]\n"
         "            [--model DIR] [--keep] [--json] [--trace-stages] [--keep-text-encoders] [--vram-cap-mb N]\n"
         "            peak RSS (VmHWM) of a whole inpainting run - load, CFG denoising (the model's sampler), decode - with\n"
         "            random weights at the real sizes, written first as a diffusers folder of F16 safetensors\n"
         "            (~2.6 GB for sd2, ~7 GB for sdxl, in a temporary folder unless --model DIR; --keep keeps it for reuse),\n"
         "            against the weights' size in the compute dtype (issue #4: ratio <= 1.3).\n"
         "            --trace-stages: log each stage of the run by its reference name with RSS and peak RSS, to find\n"
         "            where a run stops or where its memory peaks. --keep-text-encoders: keep them loaded after\n"
         "            encoding the prompts (by default the pipeline releases them: InpaintPipeline::setKeepTextEncodersLoaded).\n"
         "            --vram-cap-mb: the CUDA allocator hands out at most N MiB (does the keyframe fit a card that size?).\n";
}

int runGenerateMemory(const std::vector<std::string>& args) {
  using namespace droste::diffusion;
  const Options o = parse(args);
  const bool temporary = o.model.empty();
  const fs::path folder = temporary ? fs::temp_directory_path() / ("droste-bench-random-" + o.arch) : o.model;
  const auto log = [&](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };

  if (!fs::exists(folder / "model_index.json")) {
    log("writing random " + o.arch + " weights (F16) to " + folder.string() + " ...");
    writeRandomDiffusersModel(folder, o.arch, 1234);
  }
  for (const char* f : {"unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
                        "text_encoder/model.safetensors", "text_encoder_2/model.safetensors"})
    if (fs::exists(folder / f)) evictFromPageCache(folder / f);  // load as after a reboot: every page read from disk

  const c10::ScalarType dtype = scalarTypeOf(parsePrecision(o.dtype));
  const c10::Device device = chooseDevice(parseDeviceKind(o.device), parsePrecision(o.dtype)).device;
  if (!o.attention.empty()) setAttentionKernel(parseAttentionKernel(o.attention));
  if (o.vramCapMb) capCudaMemory(device, *o.vramCapMb);  // before loading: the weights count too
  const std::string attention = attentionKernelName(attentionKernel());
  const bool peakReset = resetPeakRss();
  const long rssStartKb = procStatusKb("VmRSS");
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<InpaintPipeline> pipeline;
  uint64_t fileBytes = 0;
  int64_t parameters = 0;
  {
    // The ModelSource (and with it the memory-mapped files) lives only while loading.
    const ModelSource source = openModel(folder.string());
    for (const auto& f : source.weightFiles) fileBytes += fs::file_size(f);
    parameters = describeModel(source).parameterCount;
    pipeline = InpaintPipeline::load(source, device, dtype);
  }
  const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const long loadPeakKb = procStatusKb("VmHWM");
  const long rssLoadedKb = procStatusKb("VmRSS");
  const bool generationPeakReset = peakReset && resetPeakRss();  // from here VmHWM is the generation's own peak
  const double weightBytes = static_cast<double>(parameters) * c10::elementSize(dtype);

  InpaintRequest request;
  at::manual_seed(7);
  request.image = at::rand({1, 3, o.size, o.size}) * 2 - 1;
  request.mask = at::zeros({1, 1, o.size, o.size});
  request.mask.slice(2, o.size / 4, 3 * o.size / 4).slice(3, o.size / 4, 3 * o.size / 4).fill_(1);
  request.prompt = "a cat";
  request.negativePrompt = "blurry";
  request.steps = o.steps;
  request.guidance = 7.5;
  request.seed = 1234;
  pipeline->setKeepTextEncodersLoaded(o.keepTextEncoders);
  if (o.traceStages)  // not the steps': the tensors are not read, so nothing waits for the device
    pipeline->setTrace([&](const std::string& name, const at::Tensor&) {
      if (name.rfind("step", 0) != 0)
        log("  stage " + name + "  RSS " + std::to_string(procStatusKb("VmRSS") / 1024) + " MB  peak " +
            std::to_string(procStatusKb("VmHWM") / 1024) + " MB");
    });
  resetCudaPeak(device);
  const auto generationStart = std::chrono::steady_clock::now();
  auto stepStart = generationStart;
  const at::Tensor image = pipeline->run(request, [&](const StepProgress& p) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - stepStart).count();
    stepStart = std::chrono::steady_clock::now();
    char line[160];
    std::snprintf(line, sizeof line, "  step %d/%d  %.3f s  RSS %.0f MB  peak %.0f MB", p.step, p.total, s,
                  procStatusKb("VmRSS") / 1024.0, procStatusKb("VmHWM") / 1024.0);
    log(line);
  });
  // run() returns the picture on the CPU: the GPU's work is done by then.
  const double generationSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - generationStart).count();
  const double totalSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (o.traceStages) log("  run returned");
  const std::optional<double> cudaPeakMb = cudaPeakAllocatedMb(device);
  const long generationPeakKb = procStatusKb("VmHWM");
  const long peakKb = generationPeakReset ? std::max(loadPeakKb, generationPeakKb) : generationPeakKb;
  const double ratio = peakKb * 1024.0 / weightBytes;

  if (o.json) {
    const nlohmann::json j = {{"arch", o.arch},
                              {"size", o.size},
                              {"steps", o.steps},
                              {"text_encoders_kept", o.keepTextEncoders},
                              {"dtype", o.dtype},
                              {"attention", attention},
                              {"device", o.device},
                              {"parameters", parameters},
                              {"weights_mb", mb(weightBytes)},
                              {"weights_file_mb", mb(static_cast<double>(fileBytes))},
                              {"rss_start_mb", rssStartKb / 1024.0},
                              {"load_peak_rss_mb", loadPeakKb / 1024.0},
                              {"rss_after_load_mb", rssLoadedKb / 1024.0},
                              {"generation_peak_rss_mb", generationPeakReset ? nlohmann::json(generationPeakKb / 1024.0) : nlohmann::json(nullptr)},
                              {"peak_rss_mb", peakKb / 1024.0},
                              {"peak_rss_over_weights", ratio},
                              {"peak_reset", peakReset},
                              {"load_s", loadSeconds},
                              {"total_s", totalSeconds},
                              {"generation_s", generationSeconds},
                              {"cuda_peak_mb", cudaPeakMb ? nlohmann::json(*cudaPeakMb) : nlohmann::json(nullptr)},
                              {"vram_cap_mb", o.vramCapMb ? nlohmann::json(*o.vramCapMb) : nlohmann::json(nullptr)},
                              {"output_finite", at::isfinite(image).all().item<bool>()}};
    std::printf("%s\n", j.dump().c_str());
    std::fflush(stdout);  // a file, fully buffered: the result is out even if something fails after
  } else {
    std::printf("%s inpainting, %dx%d px, %d steps (the model's sampler, CFG batch 2), %s %s, attention %s, random weights,\n"
                "  text encoders %s after encoding\n",
                o.arch.c_str(), o.size, o.size, o.steps, o.device.c_str(), o.dtype.c_str(), attention.c_str(),
                o.keepTextEncoders ? "kept" : "released");
    std::printf("  weights          %.0f MB = %lld parameters x %zu bytes (%s, the compute dtype; the size this\n"
                "                   criterion means), %.0f MB on disk as F16 safetensors\n",
                mb(weightBytes), static_cast<long long>(parameters), c10::elementSize(dtype), o.dtype.c_str(),
                mb(static_cast<double>(fileBytes)));
    std::printf("  RSS at start     %.0f MB (libraries, before loading)\n", rssStartKb / 1024.0);
    std::printf("  load             %.1f s, peak RSS %.0f MB, RSS after load %.0f MB\n", loadSeconds, loadPeakKb / 1024.0,
                rssLoadedKb / 1024.0);
    if (generationPeakReset)
      std::printf("  generation       peak RSS %.0f MB (encode, %d steps, decode; after loading)\n", generationPeakKb / 1024.0,
                  o.steps);
    std::printf("  generation       %.2f s (encode, %d steps, decode)%s\n", generationSeconds, o.steps,
                cudaPeakMb ? (", VRAM peak " + std::to_string(static_cast<int>(*cudaPeakMb)) + " MiB").c_str() : "");
    std::printf("  whole run        %.1f s, peak RSS %.0f MB%s\n", totalSeconds, peakKb / 1024.0,
                peakReset ? "" : "  [VmHWM could not be reset: includes writing the weights]");
    std::printf("  peak / weights   %.3f  (issue #4 target: <= 1.3)  %s\n", ratio, ratio <= 1.3 ? "OK" : "OVER");
  }
  if (temporary && !o.keep) droste::io::removeTree(folder);  // after the result is out
  return 0;
}

}  // namespace droste::bench

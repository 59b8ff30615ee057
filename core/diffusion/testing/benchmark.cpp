#include "core/diffusion/testing/benchmark.h"

#include "core/diffusion/models/attention.h"
#include "core/diffusion/models/channels_last.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/models/inference_conv2d.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/models/vae.h"
#include "core/diffusion/runtime/device_choice.h"
#include "core/diffusion/runtime/gpu_memory.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>
#include <torch/cuda.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace droste::diffusion {
namespace {

using nlohmann::json;

ClipTextConfig textConfig(const std::string& arch, int encoder = 1) {
  return ClipTextConfig::fromJson(realTextEncoderConfig(arch, encoder), "text encoder config", arch == "sdxl" && encoder == 2);
}

double processCpuMs() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // ru_maxrss is in KiB on Linux
}

// The text encoder allocates its parameters uninitialised (loading fills them). Timing it on
// leftover memory would measure zeros, denormals or NaN, so it gets values like a trained model's scale.
void randomiseParameters(torch::nn::Module& module) {
  at::NoGradGuard noGrad;
  for (auto& p : module.named_parameters()) {
    const bool bias = p.key().size() >= 5 && p.key().compare(p.key().size() - 5, 5, ".bias") == 0;
    if (bias) p.value().zero_();
    else if (p.value().dim() == 1) p.value().fill_(1.0);  // LayerNorm gains
    else p.value().normal_(0.0, 0.02);
  }
}

void prepare(torch::nn::Module& module, c10::ScalarType dtype, c10::Device device, const BenchmarkOptions& o) {
  module.to(device, dtype);
  module.eval();
  if (o.channelsLast) convertToChannelsLast(module);
  if (device.is_cpu() && o.packConvolutions) packConvolutionsForCpu(module);  // as InpaintPipeline::load does
}

// Median wall time of fn in milliseconds (and the median process CPU time in cpuMs).
double timeMs(const BenchmarkOptions& o, c10::Device device, const std::function<void()>& fn,
              const std::function<void(const std::string&)>& log, const std::string& what,
              std::optional<double>& cpuMs) {
  auto sync = [&] {
    if (device.is_cuda()) torch::cuda::synchronize();
  };
  for (int i = 0; i < o.warmup; ++i) {
    fn();
    sync();
  }
  std::vector<double> ms, cpu;
  for (int i = 0; i < o.repeats; ++i) {
    const double cpuStart = processCpuMs();
    const auto start = std::chrono::steady_clock::now();
    fn();
    sync();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    cpu.push_back(processCpuMs() - cpuStart);
    if (log) {
      char line[160];
      std::snprintf(line, sizeof line, "  %s run %d/%d: %.1f ms (CPU time %.1f ms)", what.c_str(), i + 1, o.repeats,
                    ms.back(), cpu.back());
      log(line);
    }
  }
  cpuMs = median(cpu);
  return median(ms);
}

bool wants(const BenchmarkOptions& o, const std::string& part) {
  return std::find(o.parts.begin(), o.parts.end(), part) != o.parts.end();
}

void checkFinite(const at::Tensor& t, const std::string& what) {
  if (!at::isfinite(t).all().item<bool>())
    throw std::runtime_error(what + " produced NaN or infinity (fp16 overflow? try --dtype bf16 or fp32)");
}

}  // namespace

// Real model configs (fixtures README tables): the SD2 / SD1.5 inpainting UNets and their VAE; SDXL
// as diffusers/stable-diffusion-xl-1.0-inpainting-0.1 (tests/fixtures/sdxl/README.md).
json realUNetConfig(const std::string& arch) {
  if (arch == "sdxl")
    return {{"in_channels", 9},
            {"out_channels", 4},
            {"block_out_channels", {320, 640, 1280}},
            {"down_block_types", {"DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"}},
            {"up_block_types", {"CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"}},
            {"transformer_layers_per_block", {1, 2, 10}},
            {"attention_head_dim", {5, 10, 20}},
            {"cross_attention_dim", 2048},
            {"use_linear_projection", true},
            {"addition_embed_type", "text_time"},
            {"addition_time_embed_dim", 256},
            {"projection_class_embeddings_input_dim", 2816},
            {"layers_per_block", 2},
            {"norm_num_groups", 32},
            {"norm_eps", 1e-5},
            {"flip_sin_to_cos", true},
            {"freq_shift", 0}};
  json c = {{"in_channels", 9},
            {"out_channels", 4},
            {"block_out_channels", {320, 640, 1280, 1280}},
            {"layers_per_block", 2},
            {"norm_num_groups", 32},
            {"norm_eps", 1e-5},
            {"flip_sin_to_cos", true},
            {"freq_shift", 0}};
  if (arch == "sd2") {
    c["attention_head_dim"] = {5, 10, 20, 20};
    c["cross_attention_dim"] = 1024;
    c["use_linear_projection"] = true;
  } else {
    c["attention_head_dim"] = 8;
    c["cross_attention_dim"] = 768;
  }
  return c;
}

json realVaeConfig(const std::string& arch) {
  json c = {{"block_out_channels", {128, 256, 512, 512}},
            {"layers_per_block", 2},
            {"latent_channels", 4},
            {"norm_num_groups", 32},
            {"down_block_types", std::vector<std::string>(4, "DownEncoderBlock2D")},
            {"up_block_types", std::vector<std::string>(4, "UpDecoderBlock2D")},
            {"scaling_factor", 0.18215}};
  if (arch == "sdxl") {
    c["scaling_factor"] = 0.13025;
    c["force_upcast"] = true;
  }
  return c;
}

// Text encoders: SD2 = OpenCLIP ViT-H text tower as converted (23 layers), SD1.5 = openai CLIP ViT-L/14.
json realTextEncoderConfig(const std::string& arch, int encoder) {
  json c = {{"vocab_size", 49408}, {"max_position_embeddings", 77}, {"layer_norm_eps", 1e-5}};
  if (arch == "sdxl" && encoder == 2) {  // OpenCLIP ViT-bigG, every layer, with its projection
    c.update({{"hidden_size", 1280}, {"intermediate_size", 5120}, {"num_hidden_layers", 32},
              {"num_attention_heads", 20}, {"hidden_act", "gelu"}, {"projection_dim", 1280},
              {"architectures", {"CLIPTextModelWithProjection"}}});
  } else if (arch == "sd2") {
    c.update({{"hidden_size", 1024}, {"intermediate_size", 4096}, {"num_hidden_layers", 23},
              {"num_attention_heads", 16}, {"hidden_act", "gelu"}, {"projection_dim", 512}});
  } else {
    c.update({{"hidden_size", 768}, {"intermediate_size", 3072}, {"num_hidden_layers", 12},
              {"num_attention_heads", 12}, {"hidden_act", "quick_gelu"}, {"projection_dim", 768}});
  }
  return c;
}

BenchmarkOptions parseBenchmarkArgs(const std::vector<std::string>& args) {
  BenchmarkOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument("option " + a + " needs a value");
      return args[++i];
    };
    auto number = [&](int min) {
      const std::string v = next();
      int n = 0;
      try {
        n = std::stoi(v);
      } catch (const std::exception&) {
        throw std::invalid_argument("option " + a + ": '" + v + "' is not a number");
      }
      if (n < min) throw std::invalid_argument("option " + a + " must be at least " + std::to_string(min));
      return n;
    };
    if (a == "--arch") {
      o.arch = next();
      if (o.arch != "sd2" && o.arch != "sd15" && o.arch != "sdxl")
        throw std::invalid_argument("--arch must be sd2, sd15 or sdxl");
    } else if (a == "--size") {
      o.size = number(64);
      if (o.size % 64 != 0) throw std::invalid_argument("--size must be a multiple of 64");
    } else if (a == "--device") {
      o.device = next();
      parseDeviceKind(o.device);  // fail on a bad name before building anything
    } else if (a == "--dtype") {
      o.dtype = next();
      parsePrecision(o.dtype);  // fail on a bad name before building anything
    } else if (a == "--repeats") {
      o.repeats = number(1);
    } else if (a == "--warmup") {
      o.warmup = number(0);
    } else if (a == "--only") {
      o.parts.clear();
      std::stringstream list(next());
      for (std::string part; std::getline(list, part, ',');) {
        if (part != "text" && part != "unet" && part != "vae-encode" && part != "vae-decode")
          throw std::invalid_argument("--only: unknown part '" + part + "' (text, unet, vae-encode, vae-decode)");
        o.parts.push_back(part);
      }
    } else if (a == "--channels-last") {
      o.channelsLast = true;
    } else if (a == "--plain-conv") {
      o.packConvolutions = false;
    } else if (a == "--attention") {
      o.attention = next();
      parseAttentionKernel(o.attention);  // refuses an unknown name here, before any work
    } else if (a == "--threads") {
      o.threads = number(1);
    } else if (a == "--vram-cap-mb") {
      o.vramCapMb = number(1);
    } else if (a == "--json") {
      o.json = true;
    } else {
      throw std::invalid_argument("unknown option '" + a + "'");
    }
  }
  return o;
}

std::string benchmarkUsage(const std::string& program) {
  return "Usage: " + program +
         " [--arch sd2|sd15|sdxl] [--size 512] [--device auto|cpu|cuda] [--dtype auto|fp32|fp16|bf16] [--repeats 3]\n"
         "       [--warmup 1] [--only text,unet,vae-encode,vae-decode] [--channels-last] [--attention auto|fused|chunked]\n"
         "       [--plain-conv] [--threads N] [--vram-cap-mb N] [--json]\n"
         "Times the denoising components with random weights at the real model sizes: the text encoder and one\n"
         "UNet step at classifier-free-guidance batch 2, VAE encode and decode of one image. Prints medians.\n"
         "--vram-cap-mb: on CUDA, the allocator hands out at most N MiB (what a smaller card has).\n";
}

BenchmarkResult runBenchmark(const BenchmarkOptions& o, const std::function<void(const std::string&)>& log) {
  c10::InferenceMode inference;
  const DeviceChoice choice = chooseDevice(parseDeviceKind(o.device), parsePrecision(o.dtype));
  const c10::Device device = choice.device;
  const c10::ScalarType dtype = choice.dtype;
  const std::string dtypeName(precisionName(precisionOf(dtype)));
  if (device.is_cuda()) {
    // Parity settings: no TF32 for fp32 matmuls/convolutions.
    at::globalContext().setAllowTF32CuBLAS(false);
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setBenchmarkCuDNN(true);
  }
  if (o.vramCapMb) capCudaMemory(device, *o.vramCapMb);
  if (o.threads > 0) at::set_num_threads(o.threads);
  setAttentionKernel(parseAttentionKernel(o.attention));
  const auto tensorOptions = at::TensorOptions().dtype(dtype).device(device);
  const auto memoryFormat = o.channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  const VaeConfig vaeConfig = VaeConfig::fromJson(realVaeConfig(o.arch));
  const int64_t latent = o.size / vaeConfig.downsampleFactor();
  at::manual_seed(0);

  BenchmarkResult r;
  r.device = device.is_cuda() ? "cuda" : "cpu";
  r.dtype = dtypeName;
  r.threads = at::get_num_threads();
  r.vramCapMb = o.vramCapMb;

  if (wants(o, "text")) {
    if (log) log("building the " + o.arch + " text encoder" + (o.arch == "sdxl" ? "s" : "") + " (random weights)...");
    // SDXL encodes each prompt with both encoders: the time is theirs together.
    std::vector<ClipTextModel> encoders{ClipTextModel(textConfig(o.arch))};
    if (o.arch == "sdxl") encoders.emplace_back(textConfig(o.arch, 2));
    for (auto& text : encoders) {
      randomiseParameters(*text);
      prepare(*text, dtype, device, o);
    }
    // prompt and negative prompt: batch 2 x 77 token ids
    const at::Tensor ids = at::randint(0, 49408, {2, 77}, at::TensorOptions().dtype(at::kLong).device(device));
    r.textEncoderMs = timeMs(o, device, [&] {
      for (auto& text : encoders) checkFinite(text->encode(ids).hiddenStates.end()[-2], "the text encoder");
    }, log, "text encoder", r.textEncoderCpuMs);
  }
  if (wants(o, "unet")) {
    if (log) log("building the " + o.arch + " UNet (random weights)...");
    UNet2DConditionModel unet(realUNetConfig(o.arch));
    prepare(*unet, dtype, device, o);
    const int64_t inChannels = unet->config().inChannels;  // 9: inpainting
    const at::Tensor sample = at::randn({2, inChannels, latent, latent}, tensorOptions).contiguous(memoryFormat);
    const at::Tensor t = at::scalar_tensor(500.0, at::TensorOptions().dtype(at::kFloat).device(device));
    const UNetConfig& config = unet->config();
    const at::Tensor context = at::randn({2, 77, config.crossAttentionDim}, tensorOptions);
    UNetAddedConditions added;  // SDXL: pooled text embeddings and the size/crop ids of a square picture
    if (config.textTimeConditioning()) {
      added.textEmbeds = at::randn({2, config.projectionClassEmbeddingsInputDim - 6 * config.additionTimeEmbedDim}, tensorOptions);
      const double side = o.size;
      added.timeIds = torch::tensor({side, side, 0.0, 0.0, side, side}, tensorOptions).unsqueeze(0).repeat({2, 1});
    }
    const UNetAddedConditions* addedPtr = config.textTimeConditioning() ? &added : nullptr;
    r.unetStepMs = timeMs(o, device, [&] { checkFinite(unet->forward(sample, t, context, addedPtr), "the UNet"); }, log,
                          "unet step", r.unetStepCpuMs);
  }
  if (wants(o, "vae-encode") || wants(o, "vae-decode")) {
    if (log) log("building the VAE (random weights)...");
    AutoencoderKL vae(vaeConfig);
    // As the pipeline: a reduced-precision run keeps a force_upcast VAE (SDXL's) in fp32.
    const c10::ScalarType vaeDtype = dtype != at::kFloat && vaeConfig.forceUpcast ? at::kFloat : dtype;
    prepare(*vae, vaeDtype, device, o);
    if (wants(o, "vae-encode")) {
      const at::Tensor image =
          at::rand({1, 3, o.size, o.size}, tensorOptions.dtype(vaeDtype)).mul_(2).sub_(1).contiguous(memoryFormat);
      r.vaeEncodeMs = timeMs(o, device, [&] { checkFinite(vae->encode(image).mean, "VAE encode"); }, log, "vae encode", r.vaeEncodeCpuMs);
    }
    if (wants(o, "vae-decode")) {
      const at::Tensor z =
          at::randn({1, vaeConfig.latentChannels, latent, latent}, tensorOptions.dtype(vaeDtype)).contiguous(memoryFormat);
      r.vaeDecodeMs = timeMs(o, device, [&] { checkFinite(vae->decode(z), "VAE decode"); }, log, "vae decode", r.vaeDecodeCpuMs);
    }
  }
  r.peakRssMb = peakRssMb();
  r.cudaPeakMb = cudaPeakAllocatedMb(device);
  return r;
}

std::string benchmarkJson(const BenchmarkResult& r) {
  auto ms = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json j = {{"text_encoder_ms", ms(r.textEncoderMs)},
            {"unet_step_ms", ms(r.unetStepMs)},
            {"vae_encode_ms", ms(r.vaeEncodeMs)},
            {"vae_decode_ms", ms(r.vaeDecodeMs)},
            {"peak_rss_mb", r.peakRssMb},
            {"cuda_peak_mb", ms(r.cudaPeakMb)},
            {"vram_cap_mb", ms(r.vramCapMb)},
            {"device", r.device},
            {"dtype", r.dtype},
            {"threads", r.threads},
            {"text_encoder_cpu_ms", ms(r.textEncoderCpuMs)},
            {"unet_step_cpu_ms", ms(r.unetStepCpuMs)},
            {"vae_encode_cpu_ms", ms(r.vaeEncodeCpuMs)},
            {"vae_decode_cpu_ms", ms(r.vaeDecodeCpuMs)}};
  return j.dump();
}

std::string benchmarkText(const BenchmarkOptions& o, const BenchmarkResult& r) {
  std::ostringstream s;
  char line[200];
  std::snprintf(line, sizeof line, "%s inpainting UNet, %dx%d px, CFG batch 2, %s %s, %d threads, attention %s%s, median of %d\n",
                o.arch == "sd2" ? "SD2" : o.arch == "sdxl" ? "SDXL" : "SD1.5", o.size, o.size, r.device.c_str(), r.dtype.c_str(), r.threads,
                (o.attention + (o.packConvolutions ? "" : ", plain conv weights")).c_str(), o.channelsLast ? ", channels-last" : "",
                o.repeats);
  s << line;
  auto row = [&](const char* name, const std::optional<double>& v, const std::optional<double>& cpu,
                 const std::string& missing) {
    if (v)
      std::snprintf(line, sizeof line, "  %-14s %10.1f ms  (%.3f it/s)  CPU time %.1f ms\n", name, *v, 1000.0 / *v,
                    cpu.value_or(0.0));
    else
      std::snprintf(line, sizeof line, "  %-14s %s\n", name, missing.c_str());
    s << line;
  };
  row("text encoder", r.textEncoderMs, r.textEncoderCpuMs, "not run");
  row("unet step", r.unetStepMs, r.unetStepCpuMs, "not run");
  row("vae encode", r.vaeEncodeMs, r.vaeEncodeCpuMs, "not run");
  row("vae decode", r.vaeDecodeMs, r.vaeDecodeCpuMs, "not run");
  std::snprintf(line, sizeof line, "  %-14s %10.0f MB\n", "peak RSS", r.peakRssMb);
  s << line;
  return s.str();
}

}  // namespace droste::diffusion

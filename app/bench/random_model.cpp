#include "app/bench/random_model.h"

#include "core/diffusion/loading/config_guess.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/models/vae.h"
#include "core/diffusion/testing/benchmark.h"
#include "core/io/safetensors_writer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <functional>
#include <memory>
#include <fstream>
#include <stdexcept>

namespace droste::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void writeText(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string() + " (disk full?)");
}

void writeJson(const fs::path& file, const json& j) { writeText(file, j.dump(2) + "\n"); }

// "...norm1.weight", "...group_norm.weight", "conv_norm_out.weight", "final_layer_norm.weight".
bool isNormWeight(const std::string& name) {
  const std::string suffix = ".weight";
  if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  const std::string owner = name.substr(0, name.size() - suffix.size());
  return owner.substr(owner.rfind('.') + 1).find("norm") != std::string::npos;  // npos + 1 = 0
}

// A minimal CLIP tokenizer: the special tokens and the lower-case letters (alone and word-final).
void writeMinimalTokenizer(const fs::path& dir, const std::string& arch) {
  json vocab = {{"!", 0}, {"<|startoftext|>", 49406}, {"<|endoftext|>", 49407}};
  int id = 320;
  for (char c = 'a'; c <= 'z'; ++c) {
    vocab[std::string(1, c)] = id++;
    vocab[std::string(1, c) + "</w>"] = id++;
  }
  writeJson(dir / "vocab.json", vocab);
  writeText(dir / "merges.txt", "#version: 0.2\nc a\n");
  const json special = {{"bos_token", "<|startoftext|>"},
                        {"eos_token", "<|endoftext|>"},
                        {"unk_token", "<|endoftext|>"},
                        {"pad_token", arch == "sd2" || arch == "sdxl-2" ? "!" : "<|endoftext|>"}};
  json config = special;
  config["model_max_length"] = 77;
  config["tokenizer_class"] = "CLIPTokenizer";
  writeJson(dir / "tokenizer_config.json", config);
  writeJson(dir / "special_tokens_map.json", special);
}

}  // namespace

int64_t writeRandomSafetensors(const fs::path& file, const torch::nn::Module& shapes, uint64_t seed) {
  std::vector<io::TensorSpec> specs;
  for (const auto& p : shapes.named_parameters()) specs.push_back({p.key(), at::kHalf, p.value().sizes().vec()});
  fs::create_directories(file.parent_path());
  io::SafetensorsWriter writer(file, specs);
  at::manual_seed(seed);
  int64_t elements = 0;
  for (const auto& s : specs) {
    at::Tensor t;
    if (s.shape.size() == 1) {
      t = isNormWeight(s.name) ? at::ones(s.shape, at::kHalf) : at::zeros(s.shape, at::kHalf);
    } else {
      int64_t fanIn = 1;
      for (size_t i = 1; i < s.shape.size(); ++i) fanIn *= s.shape[i];
      t = (at::randn(s.shape) * (1.0 / std::sqrt(static_cast<double>(fanIn)))).to(at::kHalf);
    }
    elements += t.numel();
    writer.append(t);
  }
  writer.finish();
  return elements;
}

RandomModelInfo writeRandomDiffusersModel(const fs::path& folder, const std::string& arch, uint64_t seed) {
  using namespace droste::diffusion;
  if (arch != "sd2" && arch != "sd15" && arch != "sdxl") throw std::invalid_argument("--arch must be sd2, sd15 or sdxl");
  const bool xl = arch == "sdxl";
  const json unetConfig = realUNetConfig(arch), vaeConfig = realVaeConfig(arch), textConfig = realTextEncoderConfig(arch);
  const json schedulerConfig = standardSchedulerConfig(xl ? ModelFamily::SDXL : ModelFamily::SD2);
  fs::create_directories(folder);
  json index = {{"_class_name", xl ? "StableDiffusionXLInpaintPipeline" : "StableDiffusionInpaintPipeline"},
                {"scheduler", {"diffusers", schedulerConfig["_class_name"]}},
                {"text_encoder", {"transformers", "CLIPTextModel"}},
                {"tokenizer", {"transformers", "CLIPTokenizer"}},
                {"unet", {"diffusers", "UNet2DConditionModel"}},
                {"vae", {"diffusers", "AutoencoderKL"}}};
  if (xl) {
    index["text_encoder_2"] = {"transformers", "CLIPTextModelWithProjection"};
    index["tokenizer_2"] = {"transformers", "CLIPTokenizer"};
    index["force_zeros_for_empty_prompt"] = true;
    index["requires_aesthetics_score"] = false;
  }
  writeJson(folder / "model_index.json", index);
  writeJson(folder / "scheduler" / "scheduler_config.json", schedulerConfig);
  writeMinimalTokenizer(folder / "tokenizer", arch);
  writeJson(folder / "unet" / "config.json", unetConfig);
  writeJson(folder / "vae" / "config.json", vaeConfig);
  writeJson(folder / "text_encoder" / "config.json", textConfig);

  RandomModelInfo info;
  // The networks are built with shapes only (no memory: SDXL's UNet is 10 GB in fp32); one tensor at a
  // time is made and written, outside that scope.
  auto write = [&](const fs::path& file, const std::function<std::shared_ptr<torch::nn::Module>()>& build,
                   uint64_t fileSeed) {
    std::shared_ptr<torch::nn::Module> shapes;
    {
      const ShapeOnlyConstruction shapesOnly;
      shapes = build();
    }
    info.parameters += writeRandomSafetensors(file, *shapes, fileSeed);
    info.fileBytes += fs::file_size(file);
  };
  write(folder / "unet" / "diffusion_pytorch_model.safetensors", [&] { return UNet2DConditionModel(unetConfig).ptr(); }, seed);
  write(folder / "vae" / "diffusion_pytorch_model.safetensors", [&] { return AutoencoderKL(vaeConfig).ptr(); }, seed + 1);
  write(folder / "text_encoder" / "model.safetensors",
        [&] { return ClipTextModel(ClipTextConfig::fromJson(textConfig)).ptr(); }, seed + 2);
  if (xl) {
    const json text2Config = realTextEncoderConfig(arch, 2);
    writeJson(folder / "text_encoder_2" / "config.json", text2Config);
    writeMinimalTokenizer(folder / "tokenizer_2", "sdxl-2");
    write(folder / "text_encoder_2" / "model.safetensors",
          [&] { return ClipTextModel(ClipTextConfig::fromJson(text2Config, "text_encoder_2/config.json", true)).ptr(); },
          seed + 3);
  }
  return info;
}

}  // namespace droste::bench

#include "app/bench/random_model.h"

#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/models/vae.h"
#include "core/diffusion/testing/benchmark.h"
#include "core/io/safetensors_writer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
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
                        {"pad_token", arch == "sd2" ? "!" : "<|endoftext|>"}};
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
  if (arch != "sd2" && arch != "sd15") throw std::invalid_argument("--arch must be sd2 or sd15");
  const json unetConfig = realUNetConfig(arch), vaeConfig = realVaeConfig(), textConfig = realTextEncoderConfig(arch);
  fs::create_directories(folder);
  writeJson(folder / "model_index.json",
            {{"_class_name", "StableDiffusionInpaintPipeline"},
             {"scheduler", {"diffusers", "PNDMScheduler"}},
             {"text_encoder", {"transformers", "CLIPTextModel"}},
             {"tokenizer", {"transformers", "CLIPTokenizer"}},
             {"unet", {"diffusers", "UNet2DConditionModel"}},
             {"vae", {"diffusers", "AutoencoderKL"}}});
  writeJson(folder / "scheduler" / "scheduler_config.json",
            {{"_class_name", "PNDMScheduler"}, {"beta_start", 0.00085}, {"beta_end", 0.012},
             {"beta_schedule", "scaled_linear"}, {"num_train_timesteps", 1000}, {"skip_prk_steps", true},
             {"set_alpha_to_one", false}, {"steps_offset", 1}, {"clip_sample", false},
             {"prediction_type", "epsilon"}, {"trained_betas", nullptr}});
  writeMinimalTokenizer(folder / "tokenizer", arch);
  writeJson(folder / "unet" / "config.json", unetConfig);
  writeJson(folder / "vae" / "config.json", vaeConfig);
  writeJson(folder / "text_encoder" / "config.json", textConfig);

  RandomModelInfo info;
  // Each module exists only while its file is written (the UNet is 3.5 GB in fp32).
  const fs::path unetFile = folder / "unet" / "diffusion_pytorch_model.safetensors";
  const fs::path vaeFile = folder / "vae" / "diffusion_pytorch_model.safetensors";
  const fs::path textFile = folder / "text_encoder" / "model.safetensors";
  info.parameters += writeRandomSafetensors(unetFile, *UNet2DConditionModel(unetConfig), seed);
  info.parameters += writeRandomSafetensors(vaeFile, *AutoencoderKL(vaeConfig), seed + 1);
  info.parameters += writeRandomSafetensors(textFile, *ClipTextModel(ClipTextConfig::fromJson(textConfig)), seed + 2);
  for (const auto& f : {unetFile, vaeFile, textFile}) info.fileBytes += fs::file_size(f);
  return info;
}

}  // namespace droste::bench

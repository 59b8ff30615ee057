#include "core/diffusion/loading/model_source.h"

#include "core/diffusion/loading/checkpoint_keys.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/schedulers/scheduler.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/models/vae.h"
#include "core/io/safetensors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace droste::diffusion {
namespace {

namespace fs = std::filesystem;
using io::ModelFileError;
using nlohmann::json;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

fs::path homeDir() {
  const std::string home = env("HOME");
  return home.empty() ? fs::path("/") : fs::path(home);
}

json readJson(const fs::path& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelFileError(path.string() + ": missing; " + what);
  try {
    // diffusers may write -Infinity / NaN (e.g. DPM's lambda_min_clipped): parse as it does.
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    json j = parseConfigJson(text);
    if (!j.is_object()) throw ModelFileError(path.string() + ": is not a JSON object; the file is damaged");
    return j;
  } catch (const json::exception& e) {
    throw ModelFileError(path.string() + ": is not valid JSON (" + e.what() + "); the file is damaged");
  }
}

std::string dtypesOf(const io::SafetensorsFile& file, const std::string& prefix = {}) {
  std::set<std::string> dtypes;
  for (const auto& e : file.entries())
    if (e.name.compare(0, prefix.size(), prefix) == 0) dtypes.insert(e.dtype);
  std::string out;
  for (const auto& d : dtypes) out += (out.empty() ? "" : "+") + d;
  return out;
}

int64_t dim(const WeightSource& w, const std::string& name, size_t index) {
  if (!w.contains(name)) return -1;
  const auto s = w.shape(name);
  return index < s.size() ? s[index] : -1;
}

// --- Hugging Face cache ------------------------------------------------------------------

std::optional<fs::path> snapshotOf(const fs::path& repoFolder) {
  std::error_code ec;
  if (!fs::is_directory(repoFolder / "snapshots", ec)) return std::nullopt;
  std::ifstream ref(repoFolder / "refs" / "main");
  std::string hash;
  if (ref && std::getline(ref, hash)) {
    while (!hash.empty() && std::isspace(static_cast<unsigned char>(hash.back()))) hash.pop_back();
    if (!hash.empty() && fs::is_directory(repoFolder / "snapshots" / hash, ec)) return repoFolder / "snapshots" / hash;
  }
  std::optional<fs::path> newest;
  fs::file_time_type newestTime;
  for (const auto& entry : fs::directory_iterator(repoFolder / "snapshots", ec)) {
    if (!entry.is_directory(ec)) continue;
    const auto t = entry.last_write_time(ec);
    if (!newest || t > newestTime) newest = entry.path(), newestTime = t;
  }
  return newest;
}

std::string repoFolderName(const std::string& repoId) {
  std::string name = "models--" + repoId;
  for (size_t at = name.find('/'); at != std::string::npos; at = name.find('/', at)) name.replace(at, 1, "--");
  return name;
}

bool looksLikeRepoId(const std::string& s) {
  const size_t slash = s.find('/');
  return slash != std::string::npos && slash > 0 && slash + 1 < s.size() && s.find('/', slash + 1) == std::string::npos &&
         s[0] != '.' && s[0] != '~';
}

// A tokenizer folder of the family from the hub cache, for single files opened without --config.
fs::path familyTokenizerFromCache(ModelFamily family) {
  static const std::vector<std::pair<const char*, const char*>> kSd2 = {
      {"stabilityai/stable-diffusion-2-inpainting", "tokenizer"}, {"stabilityai/stable-diffusion-2-1", "tokenizer"},
      {"stabilityai/stable-diffusion-2", "tokenizer"}, {"stabilityai/stable-diffusion-2-base", "tokenizer"}};
  static const std::vector<std::pair<const char*, const char*>> kSd1 = {
      {"runwayml/stable-diffusion-inpainting", "tokenizer"}, {"runwayml/stable-diffusion-v1-5", "tokenizer"},
      {"stable-diffusion-v1-5/stable-diffusion-v1-5", "tokenizer"}, {"openai/clip-vit-large-patch14", ""}};
  const auto& repos = family == ModelFamily::SD2 ? kSd2 : kSd1;
  if (family != ModelFamily::SD1 && family != ModelFamily::SD2) return {};
  for (const auto& [repo, sub] : repos) {
    if (auto snap = findInHubCache(repo)) {
      const fs::path dir = *snap / sub;
      if (fs::exists(dir / "vocab.json") && fs::exists(dir / "merges.txt")) return dir;
    }
  }
  return {};
}

// --- Family ------------------------------------------------------------------------------

ModelFamily familyFromTextConfig(const json& text) {
  const std::string act = text.value("hidden_act", std::string());
  const int64_t hidden = text.value("hidden_size", int64_t(0));
  if (act == "gelu" || hidden == 1024) return ModelFamily::SD2;  // OpenCLIP ViT-H
  if (act == "quick_gelu" || hidden == 768) return ModelFamily::SD1;  // OpenAI CLIP ViT-L
  return ModelFamily::Unknown;
}

json standardSchedulerConfig() {
  // The PNDM settings of the SD1.5 / SD2 (inpainting) repos.
  return json{{"_class_name", "PNDMScheduler"}, {"beta_start", 0.00085},     {"beta_end", 0.012},
              {"beta_schedule", "scaled_linear"}, {"num_train_timesteps", 1000}, {"skip_prk_steps", true},
              {"set_alpha_to_one", false},       {"steps_offset", 1},            {"clip_sample", false},
              {"prediction_type", "epsilon"},    {"trained_betas", nullptr}};
}

// --- Configs from shapes (single files without --config) ---------------------------------

json unetConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file) {
  json c;
  c["_class_name"] = "UNet2DConditionModel";
  c["in_channels"] = dim(w, "conv_in.weight", 1);
  c["out_channels"] = dim(w, "conv_out.weight", 0);
  std::vector<int64_t> channels;
  std::vector<std::string> down, up;
  std::vector<int64_t> heads;
  for (int i = 0;; ++i) {
    const std::string block = "down_blocks." + std::to_string(i) + ".";
    const int64_t ch = dim(w, block + "resnets.0.conv2.weight", 0);
    if (ch < 0) break;
    channels.push_back(ch);
    const bool attention = w.contains(block + "attentions.0.proj_in.weight");
    down.push_back(attention ? "CrossAttnDownBlock2D" : "DownBlock2D");
    heads.push_back(family == ModelFamily::SD2 ? ch / 64 : 8);  // SD2: head size 64; SD1: 8 heads
  }
  if (channels.empty() || c["in_channels"].get<int64_t>() < 0)
    throw ModelFileError(file + " (UNet): the UNet weights are incomplete (no conv_in / down blocks)");
  for (auto it = down.rbegin(); it != down.rend(); ++it)
    up.push_back(*it == "CrossAttnDownBlock2D" ? "CrossAttnUpBlock2D" : "UpBlock2D");
  int layers = 0;
  while (w.contains("down_blocks.0.resnets." + std::to_string(layers) + ".conv1.weight")) ++layers;
  int64_t crossDim = -1;
  bool linearProjection = false;
  for (const auto& name : w.names()) {
    if (crossDim < 0 && name.find("attn2.to_k.weight") != std::string::npos) crossDim = w.shape(name)[1];
    if (name.find("proj_in.weight") != std::string::npos) linearProjection = w.shape(name).size() == 2;
  }
  c["block_out_channels"] = channels;
  c["down_block_types"] = down;
  c["up_block_types"] = up;
  c["layers_per_block"] = layers;
  c["cross_attention_dim"] = crossDim;
  c["use_linear_projection"] = linearProjection;
  if (family == ModelFamily::SD2) c["attention_head_dim"] = heads;
  else c["attention_head_dim"] = 8;
  c["norm_num_groups"] = 32;
  c["norm_eps"] = 1e-5;
  c["act_fn"] = "silu";
  c["flip_sin_to_cos"] = true;
  c["freq_shift"] = 0;
  c["downsample_padding"] = 1;
  c["mid_block_scale_factor"] = 1;
  c["center_input_sample"] = false;
  c["dual_cross_attention"] = false;
  c["only_cross_attention"] = false;
  c["upcast_attention"] = false;
  c["sample_size"] = 64;
  return c;
}

json vaeConfigFromShapes(const WeightSource& w, const std::string& file) {
  json c;
  c["_class_name"] = "AutoencoderKL";
  std::vector<int64_t> channels;
  for (int i = 0;; ++i) {
    const int64_t ch = dim(w, "encoder.down_blocks." + std::to_string(i) + ".resnets.0.conv2.weight", 0);
    if (ch < 0) break;
    channels.push_back(ch);
  }
  if (channels.empty() || !w.contains("encoder.conv_in.weight") || !w.contains("post_quant_conv.weight"))
    throw ModelFileError(file + " (VAE): the VAE weights are incomplete");
  int layers = 0;
  while (w.contains("encoder.down_blocks.0.resnets." + std::to_string(layers) + ".conv1.weight")) ++layers;
  c["block_out_channels"] = channels;
  c["layers_per_block"] = layers;
  c["in_channels"] = dim(w, "encoder.conv_in.weight", 1);
  c["out_channels"] = dim(w, "decoder.conv_out.weight", 0);
  c["latent_channels"] = dim(w, "post_quant_conv.weight", 0);
  c["down_block_types"] = std::vector<std::string>(channels.size(), "DownEncoderBlock2D");
  c["up_block_types"] = std::vector<std::string>(channels.size(), "UpDecoderBlock2D");
  c["norm_num_groups"] = 32;
  c["act_fn"] = "silu";
  c["scaling_factor"] = 0.18215;
  c["sample_size"] = 512;
  return c;
}

json textConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file) {
  const auto tokens = w.contains("text_model.embeddings.token_embedding.weight")
                          ? w.shape("text_model.embeddings.token_embedding.weight")
                          : std::vector<int64_t>{};
  if (tokens.size() != 2) throw ModelFileError(file + " (text encoder): no token embedding [vocab, width]");
  int layers = 0;
  while (w.contains("text_model.encoder.layers." + std::to_string(layers) + ".layer_norm1.weight")) ++layers;
  json c;
  c["architectures"] = {"CLIPTextModel"};
  c["vocab_size"] = tokens[0];
  c["hidden_size"] = tokens[1];
  c["intermediate_size"] = dim(w, "text_model.encoder.layers.0.mlp.fc1.weight", 0);
  c["num_hidden_layers"] = layers;
  c["num_attention_heads"] = tokens[1] / 64;  // 16 for ViT-H (1024), 12 for ViT-L (768)
  c["max_position_embeddings"] = dim(w, "text_model.embeddings.position_embedding.weight", 0);
  c["hidden_act"] = family == ModelFamily::SD2 ? "gelu" : "quick_gelu";
  c["layer_norm_eps"] = 1e-5;
  c["projection_dim"] = family == ModelFamily::SD2 ? 512 : 768;
  c["bos_token_id"] = 0;
  c["eos_token_id"] = 2;
  c["pad_token_id"] = 1;
  return c;
}

// --- Opening -----------------------------------------------------------------------------

fs::path weightsFile(const fs::path& folder, const std::string& stem) {
  for (const char* variant : {".safetensors", ".fp16.safetensors"}) {
    const fs::path p = folder / (stem + variant);
    if (fs::exists(p)) return p;
  }
  if (fs::exists(folder / (stem + ".safetensors.index.json")))
    throw ModelFileError((folder / (stem + ".safetensors.index.json")).string() +
                         ": sharded weights are not supported; Stable Diffusion 1.x/2.x components come as one file");
  for (const char* pickle : {".bin", ".ckpt", ".pt", ".pth"})
    if (fs::exists(folder / (stem + pickle))) io::refusePickleCheckpoint(folder / (stem + pickle));
  throw ModelFileError(folder.string() + ": has no weights file (" + stem +
                       ".safetensors); the model folder is incomplete - download it again");
}

ComponentSource folderComponent(const fs::path& dir, const std::string& sub, const std::string& stem,
                                std::vector<fs::path>& files) {
  ComponentSource c;
  c.config = readJson(dir / sub / "config.json", "the model folder is incomplete - download it again");
  const fs::path path = weightsFile(dir / sub, stem);
  auto file = std::make_shared<io::SafetensorsFile>(path);
  c.storedDtype = dtypesOf(*file);
  c.weights = std::make_shared<SafetensorsWeightSource>(std::move(file));
  files.push_back(path);
  return c;
}

ModelSource openFolder(const fs::path& dir, const std::string& name) {
  if (!fs::exists(dir / "model_index.json"))
    throw ModelFileError(dir.string() +
                         ": is a folder without model_index.json, so it is not a diffusers model folder. Choose the "
                         "folder that holds model_index.json, unet/, vae/, text_encoder/, tokenizer/ and scheduler/, or "
                         "a single .safetensors checkpoint");
  const json index = readJson(dir / "model_index.json", "");
  if (index.contains("text_encoder_2") || index.value("_class_name", std::string()).find("XL") != std::string::npos)
    throw ModelFileError(dir.string() + ": this is a Stable Diffusion XL model, which Droste does not support yet; "
                                        "use an SD 1.x or 2.x (inpainting) model");
  ModelSource m;
  m.name = name;
  m.path = dir;
  m.unet = folderComponent(dir, "unet", "diffusion_pytorch_model", m.weightFiles);
  m.vae = folderComponent(dir, "vae", "diffusion_pytorch_model", m.weightFiles);
  m.textEncoder = folderComponent(dir, "text_encoder", "model", m.weightFiles);
  m.tokenizerDir = dir / "tokenizer";
  for (const char* f : {"vocab.json", "merges.txt"})
    if (!fs::exists(m.tokenizerDir / f))
      throw ModelFileError((m.tokenizerDir / f).string() + ": missing; the model folder is incomplete - download it again");
  m.schedulerConfig = readJson(dir / "scheduler" / "scheduler_config.json",
                               "the model folder is incomplete - download it again");
  m.family = familyFromTextConfig(m.textEncoder.config);
  return m;
}

ModelSource openSingleFile(const fs::path& path, const std::optional<fs::path>& configFolder) {
  auto file = std::make_shared<io::SafetensorsFile>(path);
  const std::string label = path.string();
  const CheckpointLayout layout = inspectCheckpoint(*file);
  if (layout.sdxl)
    throw ModelFileError(label + ": this is a Stable Diffusion XL checkpoint, which Droste does not support yet");
  if (!layout.isLdm)
    throw ModelFileError(label + ": this .safetensors file is not a complete Stable Diffusion checkpoint (it has no "
                                 "model.diffusion_model.* UNet weights). It may be a LoRA, an embedding, a VAE or one "
                                 "component of a diffusers folder; open the whole model instead");
  if (!layout.openClipText && !layout.hfClipText)
    throw ModelFileError(label + ": this checkpoint has no text encoder (cond_stage_model.*); Droste needs a complete "
                                 "SD 1.x/2.x checkpoint");
  ModelSource m;
  m.name = path.stem().string();
  m.path = path;
  m.singleFile = true;
  m.weightFiles = {path};
  m.family = layout.openClipText ? ModelFamily::SD2 : ModelFamily::SD1;
  m.unet.weights = std::make_shared<SingleFileWeightSource>(file, CheckpointComponent::UNet);
  m.vae.weights = std::make_shared<SingleFileWeightSource>(file, CheckpointComponent::Vae);
  m.textEncoder.weights = std::make_shared<SingleFileWeightSource>(file, CheckpointComponent::TextEncoder);
  m.unet.storedDtype = dtypesOf(*file, "model.diffusion_model.");
  m.vae.storedDtype = dtypesOf(*file, "first_stage_model.");
  m.textEncoder.storedDtype = dtypesOf(*file, "cond_stage_model.");
  if (configFolder) {
    const fs::path& dir = *configFolder;
    const std::string hint = "--config must name a diffusers folder with unet/, vae/, text_encoder/, tokenizer/ and "
                             "scheduler/ config files describing this checkpoint";
    m.unet.config = readJson(dir / "unet" / "config.json", hint);
    m.vae.config = readJson(dir / "vae" / "config.json", hint);
    m.textEncoder.config = readJson(dir / "text_encoder" / "config.json", hint);
    m.schedulerConfig = readJson(dir / "scheduler" / "scheduler_config.json", hint);
    m.tokenizerDir = dir / "tokenizer";
  } else {
    m.unet.config = unetConfigFromShapes(*m.unet.weights, m.family, label);
    m.vae.config = vaeConfigFromShapes(*m.vae.weights, label);
    m.textEncoder.config = textConfigFromShapes(*m.textEncoder.weights, m.family, label);
    m.schedulerConfig = standardSchedulerConfig();
    m.tokenizerDir = familyTokenizerFromCache(m.family);
  }
  return m;
}

}  // namespace

const char* familyName(ModelFamily family) {
  switch (family) {
    case ModelFamily::SD1: return "SD1";
    case ModelFamily::SD2: return "SD2";
    case ModelFamily::SDXL: return "SDXL";
    case ModelFamily::Unknown: break;
  }
  return "unknown";
}

fs::path huggingFaceHubCache() {
  if (auto v = env("HF_HUB_CACHE"); !v.empty()) return v;
  if (auto v = env("HUGGINGFACE_HUB_CACHE"); !v.empty()) return v;
  if (auto v = env("HF_HOME"); !v.empty()) return fs::path(v) / "hub";
  if (auto v = env("XDG_CACHE_HOME"); !v.empty()) return fs::path(v) / "huggingface" / "hub";
  return homeDir() / ".cache" / "huggingface" / "hub";
}

std::optional<fs::path> findInHubCache(const std::string& repoId) {
  if (!looksLikeRepoId(repoId)) return std::nullopt;
  return snapshotOf(huggingFaceHubCache() / repoFolderName(repoId));
}

ModelSource openModel(const std::string& pathOrRepoId, const std::optional<fs::path>& configFolder) {
  if (pathOrRepoId.empty()) throw ModelFileError("no model given: name a model folder, a .safetensors file or a repo id");
  if (configFolder && !fs::is_directory(*configFolder))
    throw ModelFileError(configFolder->string() + ": the --config folder does not exist");
  const fs::path path(pathOrRepoId);
  std::error_code ec;
  if (fs::exists(path, ec)) {
    if (fs::is_directory(path, ec)) {
      // A hub-cache repo folder (models--ORG--NAME) given directly.
      if (!fs::exists(path / "model_index.json") && fs::is_directory(path / "snapshots")) {
        if (auto snap = snapshotOf(path)) return openFolder(*snap, path.filename().string());
      }
      return openFolder(path, path.filename().string());
    }
    return openSingleFile(path, configFolder);
  }
  if (looksLikeRepoId(pathOrRepoId)) {
    const fs::path cache = huggingFaceHubCache();
    auto snap = findInHubCache(pathOrRepoId);
    if (!snap)
      throw ModelFileError("'" + pathOrRepoId + "' is neither a file nor a folder, and the Hugging Face cache (" +
                           cache.string() + ") has no copy of that repo. Download it (huggingface-cli download " +
                           pathOrRepoId + ") or give the model's folder or .safetensors file");
    ModelSource m = openFolder(*snap, pathOrRepoId);
    m.name = pathOrRepoId;
    return m;
  }
  throw ModelFileError(pathOrRepoId + ": no such file or folder");
}

void validateModel(const ModelSource& m) {
  std::vector<std::string> problems;
  // Each network is built from its config with shapes only (no memory, no weights read), and every
  // parameter name and shape is compared with the safetensors headers.
  auto compareNetwork = [&](const char* what, const std::function<std::shared_ptr<torch::nn::Module>()>& build,
                            const WeightSource& weights, const std::function<bool(const std::string&)>& ignore) {
    try {
      const ShapeOnlyConstruction shapesOnly;
      const std::shared_ptr<torch::nn::Module> network = build();
      const WeightMismatch mismatch = compareWeights(*network, weights, ignore);
      if (!mismatch.empty()) problems.push_back(std::string(what) + " weights do not match its config:" + mismatch.describe());
    } catch (const std::exception& e) {  // a config that describes no network
      problems.push_back(std::string(what) + ": " + e.what());
    }
  };
  compareNetwork("text encoder", [&] { return ClipTextModel(ClipTextConfig::fromJson(m.textEncoder.config)).ptr(); },
                 *m.textEncoder.weights, [](const std::string& n) { return n == "text_model.embeddings.position_ids"; });
  compareNetwork("UNet", [&] { return UNet2DConditionModel(m.unet.config).ptr(); }, *m.unet.weights, {});
  compareNetwork("VAE", [&] { return AutoencoderKL(m.vae.config).ptr(); }, VaeWeightNames(m.vae.weights), {});
  // The entry and exit convolutions once more, in the words of the config keys they contradict.
  auto expectDim = [&](const ComponentSource& c, const char* what, const std::string& tensor, size_t index,
                       const char* key) {
    const int64_t actual = dim(*c.weights, tensor, index);
    if (actual < 0) return;  // listed as missing above
    if (!c.config.contains(key) || !c.config[key].is_number_integer()) {
      problems.push_back(std::string(what) + " config has no integer '" + key + "'");
      return;
    }
    if (c.config[key].get<int64_t>() != actual)
      problems.push_back(std::string(what) + " config says " + key + " = " + std::to_string(c.config[key].get<int64_t>()) +
                         " but " + tensor + " has " + std::to_string(actual));
  };
  expectDim(m.unet, "UNet", "conv_in.weight", 1, "in_channels");
  expectDim(m.unet, "UNet", "conv_out.weight", 0, "out_channels");
  expectDim(m.vae, "VAE", "encoder.conv_in.weight", 1, "in_channels");
  expectDim(m.vae, "VAE", "post_quant_conv.weight", 0, "latent_channels");
  if (!problems.empty()) {
    std::string msg = m.path.string() + ": the weights do not match the model's configuration:";
    for (const auto& p : problems) msg += "\n  " + p;
    throw ModelFileError(msg);
  }
}

ModelFacts describeModel(const ModelSource& m) {
  ModelFacts f;
  f.family = m.family;
  f.unetInChannels = m.unet.config.value("in_channels", int64_t(4));
  f.predictionType = m.schedulerConfig.value("prediction_type", std::string("epsilon"));
  f.textHiddenSize = m.textEncoder.config.value("hidden_size", int64_t(0));
  f.textLayers = m.textEncoder.config.value("num_hidden_layers", int64_t(0));
  f.textHeads = m.textEncoder.config.value("num_attention_heads", int64_t(0));
  f.storedDtypes = "UNet " + m.unet.storedDtype + ", VAE " + m.vae.storedDtype + ", text encoder " + m.textEncoder.storedDtype;
  for (const auto& file : m.weightFiles) f.totalBytes += fs::file_size(file);
  for (const ComponentSource* c : {&m.unet, &m.vae, &m.textEncoder})
    for (const auto& n : c->weights->names()) {
      int64_t count = 1;
      for (int64_t d : c->weights->shape(n)) count *= d;
      f.parameterCount += count;
    }
  return f;
}

std::vector<fs::path> defaultModelFolders() {
  std::vector<fs::path> folders;
  if (auto v = env("DROSTE_MODEL_DIRS"); !v.empty()) {
    std::stringstream s(v);
    std::string part;
    while (std::getline(s, part, ':'))
      if (!part.empty()) folders.emplace_back(part);
    return folders;
  }
  if (auto v = env("XDG_DATA_HOME"); !v.empty()) folders.push_back(fs::path(v) / "Droste" / "models");
  else folders.push_back(homeDir() / ".local" / "share" / "Droste" / "models");
  return folders;
}

std::vector<ModelListing> discoverModels(const std::vector<fs::path>& folders) {
  std::vector<ModelListing> out;
  auto listing = [](std::string name, fs::path path, std::string kind) {
    ModelListing item;
    item.name = std::move(name);
    item.path = std::move(path);
    item.kind = std::move(kind);
    return item;
  };
  auto probe = [&](ModelListing item) {
    try {
      const ModelSource m = openModel(item.path.string());
      item.family = m.family;
      item.inpainting = m.unet.config.value("in_channels", int64_t(4)) == 9;
    } catch (const std::exception& e) {
      item.problem = e.what();
    }
    out.push_back(std::move(item));
  };
  std::error_code ec;
  const fs::path cache = huggingFaceHubCache();
  if (fs::is_directory(cache, ec)) {
    std::vector<fs::path> repos;
    for (const auto& entry : fs::directory_iterator(cache, ec))
      if (entry.is_directory(ec) && entry.path().filename().string().rfind("models--", 0) == 0) repos.push_back(entry.path());
    std::sort(repos.begin(), repos.end());
    for (const auto& repo : repos) {
      auto snap = snapshotOf(repo);
      if (!snap || !fs::exists(*snap / "model_index.json")) continue;  // not a diffusers pipeline
      std::string id = repo.filename().string().substr(8);
      if (size_t at = id.find("--"); at != std::string::npos) id.replace(at, 2, "/");
      probe(listing(id, *snap, "Hugging Face cache"));
    }
  }
  for (const auto& folder : folders) {
    if (!fs::is_directory(folder, ec)) continue;
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(folder, ec)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    for (const auto& p : entries) {
      std::string ext = p.extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      if (fs::is_directory(p, ec)) {
        if (fs::exists(p / "model_index.json")) probe(listing(p.filename().string(), p, "diffusers folder"));
      } else if (ext == ".safetensors") {
        probe(listing(p.filename().string(), p, "single file"));
      } else if (ext == ".ckpt" || ext == ".pt" || ext == ".pth") {
        ModelListing item = listing(p.filename().string(), p, "pickle checkpoint");
        item.problem = "not loaded: pickle files can run arbitrary code; get the .safetensors version";
        out.push_back(std::move(item));
      }
    }
  }
  return out;
}

}  // namespace droste::diffusion

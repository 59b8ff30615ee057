#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"

#include "core/diffusion/loading/checkpoint_keys.h"
#include "core/diffusion/loading/config_guess.h"
#include "core/diffusion/loading/config_json.h"
#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/io/safetensors.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace droste::diffusion {
namespace {

namespace fs = std::filesystem;
using io::ModelFileError;
using nlohmann::json;

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

// The families Droste does not run, told from model_index.json, with what to use instead.
void refuseUnsupportedPipeline(const fs::path& dir, const json& index) {
  const std::string cls = index.value("_class_name", std::string());
  auto refuse = [&](const std::string& what) {
    throw ModelFileError(dir.string() + ": " + what +
                         ", which Droste does not run. Use a Stable Diffusion 1.x, 2.x or XL model (inpainting models "
                         "paint the best rings)");
  };
  auto present = [&](const char* key) {  // refiners list "text_encoder": [null, null]
    const auto it = index.find(key);
    return it != index.end() && it->is_array() && !it->empty() && !(*it)[0].is_null();
  };
  if (present("transformer") || cls.find("StableDiffusion3") != std::string::npos ||
      cls.find("Flux") != std::string::npos)
    refuse("this is a " + (cls.empty() ? std::string("transformer-based") : cls) + " model (SD3, Flux and similar)");
  if (present("text_encoder_2") && !present("text_encoder"))
    refuse("this is the SDXL refiner (it has only the second text encoder)");
  if (index.value("requires_aesthetics_score", false)) refuse("this SDXL model needs aesthetic scores (a refiner)");
  if (!present("unet")) refuse("this model has no UNet" + (cls.empty() ? std::string() : " (" + cls + ")"));
}

void requireTokenizerFiles(const fs::path& dir) {
  for (const char* f : {"vocab.json", "merges.txt"})
    if (!fs::exists(dir / f))
      throw ModelFileError((dir / f).string() + ": missing; the model folder is incomplete - download it again");
}

ModelSource openFolder(const fs::path& dir, const std::string& name) {
  if (!fs::exists(dir / "model_index.json"))
    throw ModelFileError(dir.string() +
                         ": is a folder without model_index.json, so it is not a diffusers model folder. Choose the "
                         "folder that holds model_index.json, unet/, vae/, text_encoder/, tokenizer/ and scheduler/, or "
                         "a single .safetensors checkpoint");
  const json index = readJson(dir / "model_index.json", "");
  refuseUnsupportedPipeline(dir, index);
  ModelSource m;
  m.name = name;
  m.path = dir;
  m.unet = folderComponent(dir, "unet", "diffusion_pytorch_model", m.weightFiles);
  m.vae = folderComponent(dir, "vae", "diffusion_pytorch_model", m.weightFiles);
  m.textEncoder = folderComponent(dir, "text_encoder", "model", m.weightFiles);
  m.tokenizerDir = dir / "tokenizer";
  requireTokenizerFiles(m.tokenizerDir);
  if (index.contains("text_encoder_2")) {
    m.textEncoder2 = folderComponent(dir, "text_encoder_2", "model", m.weightFiles);
    m.tokenizer2Dir = dir / "tokenizer_2";
    requireTokenizerFiles(m.tokenizer2Dir);
    m.forceZerosForEmptyPrompt = index.value("force_zeros_for_empty_prompt", true);  // diffusers' default
    m.family = ModelFamily::SDXL;
  } else {
    m.family = familyFromTextConfig(m.textEncoder.config);
  }
  m.schedulerConfig = readJson(dir / "scheduler" / "scheduler_config.json",
                               "the model folder is incomplete - download it again");
  return m;
}

// The configs of a single file from a diffusers folder describing it (from_single_file(config=...)).
void readConfigFolder(ModelSource& m, const fs::path& dir) {
  const std::string hint = "the config folder must be a diffusers folder with unet/, vae/, text_encoder/, tokenizer/ and "
                           "scheduler/ config files describing this checkpoint";
  m.unet.config = readJson(dir / "unet" / "config.json", hint);
  m.vae.config = readJson(dir / "vae" / "config.json", hint);
  m.textEncoder.config = readJson(dir / "text_encoder" / "config.json", hint);
  m.schedulerConfig = readJson(dir / "scheduler" / "scheduler_config.json", hint);
  m.tokenizerDir = dir / "tokenizer";
  if (m.family == ModelFamily::SDXL) {
    m.textEncoder2.config = readJson(dir / "text_encoder_2" / "config.json", hint + " (and text_encoder_2/ for SDXL)");
    m.tokenizer2Dir = dir / "tokenizer_2";
    if (fs::exists(dir / "model_index.json"))
      m.forceZerosForEmptyPrompt = readJson(dir / "model_index.json", hint).value("force_zeros_for_empty_prompt", true);
  }
}

// The configs of a single file opened alone: shapes plus the family's known settings.
void guessConfigs(ModelSource& m, const std::string& label) {
  m.unet.config = unetConfigFromShapes(*m.unet.weights, m.family, label);
  m.vae.config = vaeConfigFromShapes(*m.vae.weights, m.family, label);
  m.textEncoder.config = textConfigFromShapes(*m.textEncoder.weights, m.family, label);
  m.schedulerConfig = standardSchedulerConfig(m.family);
  m.tokenizerDir = familyTokenizerFromCache(m.family);
  if (m.family == ModelFamily::SDXL) {
    m.textEncoder2.config = xlText2ConfigFromShapes(*m.textEncoder2.weights, label);
    m.tokenizer2Dir = familyTokenizerFromCache(m.family, /*second=*/true);
    m.forceZerosForEmptyPrompt = true;  // as the SDXL repos
  }
}

ModelSource openSingleFile(const fs::path& path, const std::optional<fs::path>& configFolder) {
  auto file = std::make_shared<io::SafetensorsFile>(path);
  const std::string label = path.string();
  const CheckpointLayout layout = inspectCheckpoint(*file);
  if (!layout.isLdm)
    throw ModelFileError(label + ": this .safetensors file is not a complete Stable Diffusion checkpoint (it has no "
                                 "model.diffusion_model.* UNet weights). It may be a LoRA, an embedding, a VAE or one "
                                 "component of a diffusers folder; open the whole model instead");
  if (layout.sdxl && layout.xlOpenClipLayers == 0)
    throw ModelFileError(label + ": this SDXL checkpoint has no second text encoder (conditioner.embedders.1.model.*); "
                                 "it may be the SDXL refiner, which Droste does not run. Use an SDXL base or inpainting "
                                 "checkpoint");
  if (!layout.sdxl && !layout.openClipText && !layout.hfClipText)
    throw ModelFileError(label + ": this checkpoint has no text encoder (cond_stage_model.*); Droste needs a complete "
                                 "SD 1.x/2.x/XL checkpoint");
  ModelSource m;
  m.name = path.stem().string();
  m.path = path;
  m.singleFile = true;
  m.weightFiles = {path};
  m.family = layout.sdxl ? ModelFamily::SDXL : layout.openClipText ? ModelFamily::SD2 : ModelFamily::SD1;
  m.unet.weights = std::make_shared<SingleFileWeightSource>(file, CheckpointComponent::UNet);
  m.vae.weights = std::make_shared<SingleFileWeightSource>(file, CheckpointComponent::Vae);
  m.textEncoder.weights = std::make_shared<SingleFileWeightSource>(file, CheckpointComponent::TextEncoder);
  m.unet.storedDtype = dtypesOf(*file, "model.diffusion_model.");
  m.vae.storedDtype = dtypesOf(*file, "first_stage_model.");
  if (m.family == ModelFamily::SDXL) {
    m.textEncoder2.weights = std::make_shared<SingleFileWeightSource>(file, CheckpointComponent::TextEncoder2);
    m.textEncoder.storedDtype = dtypesOf(*file, "conditioner.embedders.0.");
    m.textEncoder2.storedDtype = dtypesOf(*file, "conditioner.embedders.1.");
  } else {
    m.textEncoder.storedDtype = dtypesOf(*file, "cond_stage_model.");
  }
  if (configFolder)
    readConfigFolder(m, *configFolder);
  else
    guessConfigs(m, label);
  return m;
}

}  // namespace

ComponentSource openComponentFolder(const fs::path& folder, const std::string& weightsStem) {
  std::vector<fs::path> files;
  return folderComponent(folder.parent_path(), folder.filename().string(), weightsStem, files);
}

ModelSource openModel(const std::string& pathOrRepoId, const std::optional<fs::path>& configFolder) {
  if (pathOrRepoId.empty()) throw ModelFileError("no model given: name a model folder, a .safetensors file or a repo id");
  if (configFolder && !fs::is_directory(*configFolder))
    throw ModelFileError(configFolder->string() + ": the config folder does not exist");
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

namespace {

// "F32+I64" per component -> the distinct float formats in the order met ("fp32 + fp16"). Integer
// tensors (position ids) say nothing about precision.
std::string floatFormatsOf(const ModelSource& m) {
  static const std::vector<std::pair<std::string, std::string>> kNames = {
      {"F16", "fp16"}, {"BF16", "bf16"}, {"F32", "fp32"}, {"F64", "fp64"}};
  std::vector<std::string> met;
  for (const ComponentSource* c : componentsOf(m)) {
    std::stringstream parts(c->storedDtype);
    for (std::string part; std::getline(parts, part, '+');)
      for (const auto& [stored, name] : kNames)
        if (part == stored && std::find(met.begin(), met.end(), name) == met.end()) met.push_back(name);
  }
  std::string joined;
  for (const std::string& name : met) joined += (joined.empty() ? "" : " + ") + name;
  return joined;
}

}  // namespace

std::vector<const ComponentSource*> componentsOf(const ModelSource& m) {
  std::vector<const ComponentSource*> all{&m.unet, &m.vae, &m.textEncoder};
  if (m.textEncoder2.weights) all.push_back(&m.textEncoder2);
  return all;
}

ModelFacts describeModel(const ModelSource& m) {
  ModelFacts f;
  f.family = m.family;
  f.unetInChannels = m.unet.config.value("in_channels", int64_t(4));
  f.predictionType = m.schedulerConfig.value("prediction_type", std::string("epsilon"));
  const auto vaeBlocks = m.vae.config.find("block_out_channels");
  if (m.unet.config.contains("sample_size") && m.unet.config["sample_size"].is_number_integer() &&
      vaeBlocks != m.vae.config.end() && vaeBlocks->is_array() && !vaeBlocks->empty())
    f.nativeImageSide = m.unet.config["sample_size"].get<int64_t>() << (vaeBlocks->size() - 1);
  f.textHiddenSize = m.textEncoder.config.value("hidden_size", int64_t(0));
  f.textLayers = m.textEncoder.config.value("num_hidden_layers", int64_t(0));
  f.textHeads = m.textEncoder.config.value("num_attention_heads", int64_t(0));
  if (m.textEncoder2.config.is_object()) {
    f.text2HiddenSize = m.textEncoder2.config.value("hidden_size", int64_t(0));
    f.text2Layers = m.textEncoder2.config.value("num_hidden_layers", int64_t(0));
  }
  f.storedDtypes = "UNet " + m.unet.storedDtype + ", VAE " + m.vae.storedDtype + ", text encoder " + m.textEncoder.storedDtype;
  if (m.textEncoder2.weights) f.storedDtypes += ", text encoder 2 " + m.textEncoder2.storedDtype;
  f.floatFormats = floatFormatsOf(m);
  for (const auto& file : m.weightFiles) f.totalBytes += fs::file_size(file);
  for (const ComponentSource* c : componentsOf(m))
    for (const auto& n : c->weights->names()) {
      int64_t count = 1;
      for (int64_t d : c->weights->shape(n)) count *= d;
      f.parameterCount += count;
    }
  return f;
}

}  // namespace droste::diffusion

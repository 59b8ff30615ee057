#pragma once
// Finding and opening Stable Diffusion models (1.x, 2.x, XL), Qt-free:
//   (a) a diffusers folder (model_index.json + unet/ vae/ text_encoder/ tokenizer/ scheduler/, and for
//       SDXL text_encoder_2/ tokenizer_2/),
//   (b) the same inside the Hugging Face hub cache, found by repo id ("org/name"),
//   (c) a single-file LDM / A1111 .safetensors checkpoint, with its configs taken from a diffusers
//       folder (configFolder, like diffusers' from_single_file(config=...)) or derived from the
//       tensor shapes plus the family's known settings.
// Every component comes as its config json plus a WeightSource with diffusers tensor names.
// Checking the weights against the configs: model_validation.h; listing the models: model_discovery.h.

#include "core/diffusion/loading/model_family.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace droste::diffusion {

// weights.h brings libtorch; this header stays torch-free so that the app's model catalogue can use it.
class WeightSource;

struct ComponentSource {
  nlohmann::json config;
  std::shared_ptr<WeightSource> weights;  // diffusers names
  std::string storedDtype;                // dtypes of its tensors in the file(s), e.g. "F16" or "F32+I64"
};

struct ModelSource {
  std::string name;
  std::filesystem::path path;
  ModelFamily family = ModelFamily::Unknown;
  ComponentSource unet, vae, textEncoder;
  ComponentSource textEncoder2;  // SDXL's second encoder (CLIPTextModelWithProjection); empty otherwise
  // vocab.json, merges.txt, tokenizer_config.json, special_tokens_map.json. Empty when a single file
  // was opened without a config folder and no tokenizer of its family was found in the HF cache.
  std::filesystem::path tokenizerDir;
  std::filesystem::path tokenizer2Dir;  // SDXL's second tokenizer (pads with "!")
  // SDXL pipeline settings (model_index.json): a missing negative prompt gives zero embeddings.
  bool forceZerosForEmptyPrompt = false;
  nlohmann::json schedulerConfig;  // scheduler_config.json (or the family's standard one for single files)
  bool singleFile = false;
  std::vector<std::filesystem::path> weightFiles;  // the .safetensors files, once each
};

// Opens a folder, a .safetensors file, a Hugging Face cache repo folder or a repo id. Validates the
// safetensors headers and the configs; throws io::ModelFileError with a message an artist can act on.
ModelSource openModel(const std::string& pathOrRepoId, const std::optional<std::filesystem::path>& configFolder = {});

// One diffusers component folder (config.json + STEM.safetensors or STEM.fp16.safetensors), e.g. to use
// another UNet with a model's other components, as diffusers' from_pretrained(..., unet=...) does.
ComponentSource openComponentFolder(const std::filesystem::path& folder, const std::string& weightsStem);

// Facts for `droste-cli info MODEL`.
struct ModelFacts {
  ModelFamily family = ModelFamily::Unknown;
  int64_t unetInChannels = 0;  // 9 = inpainting
  std::string predictionType;  // epsilon, v_prediction
  int64_t textHiddenSize = 0, textLayers = 0, textHeads = 0;
  int64_t text2HiddenSize = 0, text2Layers = 0;  // SDXL's second text encoder (0 without one)
  std::string storedDtypes;    // e.g. "UNet F32, VAE F32, text encoder F16"
  std::string floatFormats;    // the distinct float formats, in the order met: e.g. "fp32 + fp16"
  uint64_t totalBytes = 0;     // size of the weight files
  int64_t parameterCount = 0;  // elements of the tensors the model uses
  // The picture side the model was trained at: unet sample_size x the VAE's downsampling (512 for SD 1.5
  // and SD2 inpainting, 768 for SD2's v models, 1024 for SDXL); 0 when the configs do not say.
  int64_t nativeImageSide = 0;
};
ModelFacts describeModel(const ModelSource& model);

// The components a model has: UNet, VAE, text encoder, and SDXL's second text encoder.
std::vector<const ComponentSource*> componentsOf(const ModelSource& model);

}  // namespace droste::diffusion

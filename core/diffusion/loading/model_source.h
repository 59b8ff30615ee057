#pragma once
// Finding and opening Stable Diffusion models, Qt-free:
//   (a) a diffusers folder (model_index.json + unet/ vae/ text_encoder/ tokenizer/ scheduler/),
//   (b) the same inside the Hugging Face hub cache, found by repo id ("org/name"),
//   (c) a single-file LDM / A1111 .safetensors checkpoint, with its configs taken from a diffusers
//       folder (configFolder, like diffusers' from_single_file(config=...)) or derived from the
//       tensor shapes plus the family's known settings.
// Every component comes as its config json plus a WeightSource with diffusers tensor names.

#include "core/diffusion/loading/weights.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace droste::diffusion {

enum class ModelFamily { SD1, SD2, SDXL, Unknown };
const char* familyName(ModelFamily family);  // "SD1", "SD2", "SDXL", "unknown"

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
  // vocab.json, merges.txt, tokenizer_config.json, special_tokens_map.json. Empty when a single file
  // was opened without a config folder and no tokenizer of its family was found in the HF cache.
  std::filesystem::path tokenizerDir;
  nlohmann::json schedulerConfig;  // scheduler_config.json (or the family's standard one for single files)
  bool singleFile = false;
  std::vector<std::filesystem::path> weightFiles;  // the .safetensors files, once each
};

// Opens a folder, a .safetensors file, a Hugging Face cache repo folder or a repo id. Validates the
// safetensors headers and the configs; throws io::ModelFileError with a message an artist can act on.
ModelSource openModel(const std::string& pathOrRepoId, const std::optional<std::filesystem::path>& configFolder = {});

// Checks, from the safetensors headers and the configs alone (no weight is read; milliseconds even for
// SDXL), that the text encoder, UNet and VAE each have exactly the tensors their configs imply, with
// the shapes they imply. Throws io::ModelFileError listing every problem.
void validateModel(const ModelSource& model);

// Facts for `droste-cli info MODEL`.
struct ModelFacts {
  ModelFamily family = ModelFamily::Unknown;
  int64_t unetInChannels = 0;  // 9 = inpainting
  std::string predictionType;  // epsilon, v_prediction
  int64_t textHiddenSize = 0, textLayers = 0, textHeads = 0;
  std::string storedDtypes;    // e.g. "UNet F32, VAE F32, text encoder F16"
  uint64_t totalBytes = 0;     // size of the weight files
  int64_t parameterCount = 0;  // elements of the tensors the model uses
};
ModelFacts describeModel(const ModelSource& model);

// --- Discovery ---------------------------------------------------------------------------

// The Hugging Face hub cache: $HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub,
// else ~/.cache/huggingface/hub.
std::filesystem::path huggingFaceHubCache();
// The snapshot folder of a repo id in the hub cache (refs/main, else the newest snapshot), if any.
std::optional<std::filesystem::path> findInHubCache(const std::string& repoId);

struct ModelListing {
  std::string name;             // repo id, folder name or file name
  std::filesystem::path path;
  std::string kind;             // "diffusers folder", "Hugging Face cache", "single file"
  ModelFamily family = ModelFamily::Unknown;
  bool inpainting = false;      // UNet in_channels == 9
  std::string problem;          // non-empty when the model cannot be opened
};
// Folders searched besides the hub cache: $DROSTE_MODEL_DIRS (':'-separated), else
// $XDG_DATA_HOME/Droste/models or ~/.local/share/Droste/models.
std::vector<std::filesystem::path> defaultModelFolders();
// Lists the hub cache's diffusers pipelines plus the diffusers folders and single-file checkpoints
// directly inside each folder. Unreadable entries are listed with their problem, not thrown.
std::vector<ModelListing> discoverModels(const std::vector<std::filesystem::path>& folders = defaultModelFolders());

}  // namespace droste::diffusion

#pragma once
// Listing the models on this computer: the Hugging Face cache's pipelines and the models in the model
// folders, each opened once (headers and configs, no weights: milliseconds) for its facts and checked
// against its configs. The one discovery: `droste-cli models` and Settings -> Models both list this.

#include "core/diffusion/loading/model_family.h"
#include "core/diffusion/loading/model_source.h"

#include <filesystem>
#include <string>
#include <vector>

namespace droste::diffusion {

struct ModelListing {
  std::string name;             // repo id, folder name or file name
  std::filesystem::path path;
  std::string kind;             // "diffusers folder", "Hugging Face cache", "single file"
  ModelFamily family = ModelFamily::Unknown;
  bool inpainting = false;      // UNet in_channels == 9
  ModelFacts facts;             // filled as far as the model could be opened
  std::string problem;          // non-empty when the model cannot be used, and why
};

// Folders searched besides the hub cache: $DROSTE_MODEL_DIRS (':'-separated), else
// $XDG_DATA_HOME/Droste/models or ~/.local/share/Droste/models.
std::vector<std::filesystem::path> defaultModelFolders();
// Lists the hub cache's diffusers pipelines plus the diffusers folders and single-file checkpoints
// directly inside each folder. Unreadable entries are listed with their problem, not thrown.
std::vector<ModelListing> discoverModels(const std::vector<std::filesystem::path>& folders = defaultModelFolders());
// One model named directly (a diffusers folder or a checkpoint file), listed as discoverModels lists it.
ModelListing probeModel(const std::filesystem::path& path);

}  // namespace droste::diffusion

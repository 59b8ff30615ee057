#include "core/diffusion/loading/model_discovery.h"

#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/diffusion/loading/model_validation.h"
#include "core/diffusion/loading/user_folders.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace droste::diffusion {
namespace {

namespace fs = std::filesystem;

ModelListing listing(std::string name, fs::path path, std::string kind) {
  ModelListing item;
  item.name = std::move(name);
  item.path = std::move(path);
  item.kind = std::move(kind);
  return item;
}

// Opens the model for its facts, then checks the weights against the configs: a model that cannot be
// used still says what it is.
ModelListing probed(ModelListing item) {
  try {
    const ModelSource m = openModel(item.path.string());
    item.facts = describeModel(m);
    item.family = item.facts.family;
    item.inpainting = item.facts.unetInChannels == 9;
    validateModel(m);
  } catch (const std::exception& e) {
    item.problem = e.what();
  }
  return item;
}

// The cache's diffusers pipelines (repos with model_index.json), by repo folder name.
void listHubCache(std::vector<ModelListing>& out) {
  std::error_code ec;
  const fs::path cache = huggingFaceHubCache();
  if (!fs::is_directory(cache, ec)) return;
  std::vector<fs::path> repos;
  for (const auto& entry : fs::directory_iterator(cache, ec))
    if (entry.is_directory(ec) && !repoIdOfCacheFolder(entry.path()).empty()) repos.push_back(entry.path());
  std::sort(repos.begin(), repos.end());
  for (const auto& repo : repos) {
    auto snap = snapshotOf(repo);
    if (!snap || !fs::exists(*snap / "model_index.json")) continue;  // not a diffusers pipeline
    out.push_back(probed(listing(repoIdOfCacheFolder(repo), *snap, "Hugging Face cache")));
  }
}

// Diffusers folders and checkpoints directly inside `folder`, by name; pickles are listed, never opened.
void listFolder(const fs::path& folder, std::vector<ModelListing>& out) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(folder, ec)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (fs::is_directory(p, ec)) {
      if (fs::exists(p / "model_index.json")) out.push_back(probed(listing(p.filename().string(), p, "diffusers folder")));
    } else if (ext == ".safetensors") {
      out.push_back(probed(listing(p.filename().string(), p, "single file")));
    } else if (ext == ".ckpt" || ext == ".pt" || ext == ".pth") {
      ModelListing item = listing(p.filename().string(), p, "pickle checkpoint");
      item.problem = "not loaded: pickle files can run arbitrary code; get the .safetensors version";
      out.push_back(std::move(item));
    }
  }
}

}  // namespace

std::vector<fs::path> defaultModelFolders() {
  std::vector<fs::path> folders;
  if (auto v = environmentValue("DROSTE_MODEL_DIRS"); !v.empty()) {
    std::stringstream s(v);
    std::string part;
    while (std::getline(s, part, ':'))
      if (!part.empty()) folders.emplace_back(part);
    return folders;
  }
  if (auto v = environmentValue("XDG_DATA_HOME"); !v.empty()) folders.push_back(fs::path(v) / "Droste" / "models");
  else folders.push_back(homeFolder() / ".local" / "share" / "Droste" / "models");
  return folders;
}

ModelListing probeModel(const fs::path& path) {
  std::error_code ec;
  return probed(listing(path.filename().string(), path, fs::is_directory(path, ec) ? "diffusers folder" : "single file"));
}

std::vector<ModelListing> discoverModels(const std::vector<fs::path>& folders) {
  std::vector<ModelListing> out;
  listHubCache(out);
  for (const auto& folder : folders) listFolder(folder, out);
  return out;
}

}  // namespace droste::diffusion

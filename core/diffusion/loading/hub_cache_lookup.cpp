#include "core/diffusion/loading/hub_cache_lookup.h"

#include "core/diffusion/loading/user_folders.h"

#include <cctype>
#include <fstream>
#include <utility>
#include <vector>

namespace droste::diffusion {
namespace {

namespace fs = std::filesystem;

const std::string kRepoPrefix = "models--";

}  // namespace

std::string cacheFolderName(const std::string& repoId) {
  std::string name = kRepoPrefix + repoId;
  for (size_t at = name.find('/'); at != std::string::npos; at = name.find('/', at)) name.replace(at, 1, "--");
  return name;
}

fs::path huggingFaceHome() {
  if (auto v = environmentValue("HF_HOME"); !v.empty()) return v;
  if (auto v = environmentValue("XDG_CACHE_HOME"); !v.empty()) return fs::path(v) / "huggingface";
  return homeFolder() / ".cache" / "huggingface";
}

fs::path huggingFaceHubCache() {
  if (auto v = environmentValue("HF_HUB_CACHE"); !v.empty()) return v;
  if (auto v = environmentValue("HUGGINGFACE_HUB_CACHE"); !v.empty()) return v;  // the older name, still honoured upstream
  return huggingFaceHome() / "hub";
}

std::optional<fs::path> findInHubCache(const std::string& repoId) {
  if (!looksLikeRepoId(repoId)) return std::nullopt;
  return snapshotOf(huggingFaceHubCache() / cacheFolderName(repoId));
}

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

std::string repoIdOfCacheFolder(const fs::path& repoFolder) {
  const std::string name = repoFolder.filename().string();
  if (name.rfind(kRepoPrefix, 0) != 0) return {};
  const std::string id = name.substr(kRepoPrefix.size());
  const size_t at = id.find("--");  // the first one: "org--name" (a name may hold "--" itself)
  return at == std::string::npos ? id : id.substr(0, at) + "/" + id.substr(at + 2);
}

bool looksLikeRepoId(const std::string& s) {
  const size_t slash = s.find('/');
  return slash != std::string::npos && slash > 0 && slash + 1 < s.size() && s.find('/', slash + 1) == std::string::npos &&
         s[0] != '.' && s[0] != '~';
}

fs::path familyTokenizerFromCache(ModelFamily family, bool second) {
  static const std::vector<std::pair<const char*, const char*>> kSd2 = {
      {"stabilityai/stable-diffusion-2-inpainting", "tokenizer"}, {"stabilityai/stable-diffusion-2-1", "tokenizer"},
      {"stabilityai/stable-diffusion-2", "tokenizer"}, {"stabilityai/stable-diffusion-2-base", "tokenizer"}};
  static const std::vector<std::pair<const char*, const char*>> kSd1 = {
      {"runwayml/stable-diffusion-inpainting", "tokenizer"}, {"runwayml/stable-diffusion-v1-5", "tokenizer"},
      {"stable-diffusion-v1-5/stable-diffusion-v1-5", "tokenizer"}, {"openai/clip-vit-large-patch14", ""}};
  static const std::vector<std::pair<const char*, const char*>> kXl = {
      {"diffusers/stable-diffusion-xl-1.0-inpainting-0.1", "tokenizer"},
      {"stabilityai/stable-diffusion-xl-base-1.0", "tokenizer"}};
  static const std::vector<std::pair<const char*, const char*>> kXl2 = {
      {"diffusers/stable-diffusion-xl-1.0-inpainting-0.1", "tokenizer_2"},
      {"stabilityai/stable-diffusion-xl-base-1.0", "tokenizer_2"}};
  if (second && family != ModelFamily::SDXL) return {};
  const auto& repos = family == ModelFamily::SDXL ? (second ? kXl2 : kXl) : family == ModelFamily::SD2 ? kSd2 : kSd1;
  if (family == ModelFamily::Unknown) return {};
  for (const auto& [repo, sub] : repos) {
    if (auto snap = findInHubCache(repo)) {
      const fs::path dir = *snap / sub;
      if (fs::exists(dir / "vocab.json") && fs::exists(dir / "merges.txt")) return dir;
    }
  }
  return {};
}

}  // namespace droste::diffusion

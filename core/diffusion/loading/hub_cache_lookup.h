#pragma once
// The Hugging Face hub cache's rules, in one place and as huggingface_hub has them: where the cache is,
// how a repo's folder is named, which snapshot is current. Model discovery and loading read the cache
// with them; the download (core/hub/hub_cache.h) writes into it with them. Also a tokenizer of a model
// family, for single files opened alone.

#include "core/diffusion/loading/model_family.h"

#include <filesystem>
#include <optional>
#include <string>

namespace droste::diffusion {

// The Hugging Face hub cache: $HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub,
// else ~/.cache/huggingface/hub.
std::filesystem::path huggingFaceHubCache();
// $HF_HOME, else $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface (the token file lives there).
std::filesystem::path huggingFaceHome();
// "models--org--name" for "org/name".
std::string cacheFolderName(const std::string& repoId);
// The snapshot folder of a repo id in the hub cache (refs/main, else the newest snapshot), if any.
std::optional<std::filesystem::path> findInHubCache(const std::string& repoId);

// The snapshot of a cache repo folder (models--ORG--NAME): refs/main, else the newest one.
std::optional<std::filesystem::path> snapshotOf(const std::filesystem::path& repoFolder);
// "org/name" for a cache repo folder named models--org--name; empty for any other folder.
std::string repoIdOfCacheFolder(const std::filesystem::path& repoFolder);
// "org/name" (one slash, not a relative path).
bool looksLikeRepoId(const std::string& s);

// A tokenizer folder (vocab.json, merges.txt) of an SD1 or SD2 model in the cache; empty if none.
// `second`: SDXL's tokenizer_2 (it pads with "!"); empty for the other families.
std::filesystem::path familyTokenizerFromCache(ModelFamily family, bool second = false);

}  // namespace droste::diffusion

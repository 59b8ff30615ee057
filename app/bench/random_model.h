#pragma once
// Random-weight models at the real sizes, written to disk the way they are downloaded (F16
// safetensors), for the memory benchmarks: no download needed.
#include <cstdint>
#include <filesystem>
#include <string>

namespace torch::nn {
class Module;
}

namespace droste::bench {

// Writes every parameter of `shapes` (names and shapes only; its values are ignored) as random F16
// tensors, one at a time so that at most one tensor is in memory: normalisation weights 1, other
// vectors 0, matrices and kernels N(0, 1/fan_in) - finite activations through the whole network.
// Returns the number of elements written.
int64_t writeRandomSafetensors(const std::filesystem::path& file, const torch::nn::Module& shapes, uint64_t seed);

struct RandomModelInfo {
  int64_t parameters = 0;  // elements of all weight tensors (UNet + VAE + text encoder)
  uint64_t fileBytes = 0;  // size of the .safetensors files
};

// A complete diffusers inpainting folder (model_index.json, unet/, vae/, text_encoder/, tokenizer/,
// scheduler/) at the real sizes of `arch` (sd2 | sd15, see realUNetConfig). The tokenizer is a minimal
// valid CLIP vocabulary (special tokens and single characters): its content does not change memory.
RandomModelInfo writeRandomDiffusersModel(const std::filesystem::path& folder, const std::string& arch, uint64_t seed);

}  // namespace droste::bench

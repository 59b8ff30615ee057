#pragma once
// What a diffusers vae/config.json says, read and checked without libtorch (the network's code is in vae.h).

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

namespace droste::diffusion {

struct VaeConfig {
  int64_t inChannels = 3;
  int64_t outChannels = 3;
  int64_t latentChannels = 4;
  std::vector<int64_t> blockOutChannels{128, 256, 512, 512};
  int64_t layersPerBlock = 2;
  int64_t normNumGroups = 32;
  double scalingFactor = 0.18215;  // absent from the real SD1.5/SD2 configs: diffusers' default
  // SDXL's VAE overflows in fp16: diffusers encodes and decodes in fp32 when the config says so (Droste
  // also in bf16: InpaintPipeline::Components::vaeDtype).
  bool forceUpcast = false;

  // Pixels per latent along each side: every block but the last halves the size (8 for SD1/SD2),
  // as diffusers' vae_scale_factor = 2 ** (len(block_out_channels) - 1).
  int64_t downsampleFactor() const {
    return blockOutChannels.empty() ? 1 : int64_t(1) << (blockOutChannels.size() - 1);
  }

  static VaeConfig fromJson(const nlohmann::json& config);  // throws std::invalid_argument
};

}  // namespace droste::diffusion

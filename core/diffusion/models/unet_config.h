#pragma once
// What a diffusers unet/config.json says, read and checked without libtorch (the network's code is in
// unet.h; the configs' fuzzer, tests/fuzz/model_configs_fuzzer.cpp, links only the parsing).

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

namespace droste::diffusion {

// The config keys this implementation understands, with diffusers' defaults.
struct UNetConfig {
  int64_t inChannels = 4;
  int64_t outChannels = 4;
  std::vector<int64_t> blockOutChannels{320, 640, 1280, 1280};
  std::vector<bool> downBlockHasAttention{true, true, true, false};  // CrossAttnDownBlock2D vs DownBlock2D
  std::vector<bool> upBlockHasAttention{false, true, true, true};    // UpBlock2D vs CrossAttnUpBlock2D
  int64_t layersPerBlock = 2;
  std::vector<int64_t> heads{8, 8, 8, 8};  // attention_head_dim (legacy: number of heads) per down block
  std::vector<int64_t> transformerLayers{1, 1, 1, 1};
  int64_t crossAttentionDim = 1280;
  bool useLinearProjection = false;
  bool upcastAttention = false;
  int64_t normNumGroups = 32;
  double normEps = 1e-5;
  bool flipSinToCos = true;
  double freqShift = 0;
  int64_t downsamplePadding = 1;
  // SDXL's `addition_embed_type: text_time`: the pooled text embedding and six size/crop ids, embedded
  // and added to the time embedding. 0 = no added conditioning (SD1/SD2).
  int64_t additionTimeEmbedDim = 0;
  int64_t projectionClassEmbeddingsInputDim = 0;  // pooled text width + 6 * additionTimeEmbedDim

  bool textTimeConditioning() const { return additionTimeEmbedDim > 0; }

  // Throws std::invalid_argument naming the key for configs we cannot run.
  static UNetConfig fromJson(const nlohmann::json& config);
};

}  // namespace droste::diffusion

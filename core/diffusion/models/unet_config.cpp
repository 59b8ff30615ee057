#include "core/diffusion/models/unet_config.h"

#include "core/diffusion/loading/config_value.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace droste::diffusion {
namespace {

using nlohmann::json;

// An int applied to every block, or one value per block.
std::vector<int64_t> perBlock(const json& j, const char* key, size_t blocks, int64_t def) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::vector<int64_t>(blocks, def);
  if (it->is_number()) return std::vector<int64_t>(blocks, configValue<int64_t>(j, key, def));
  auto list = configValue<std::vector<int64_t>>(j, key, {});
  if (list.size() != blocks)
    throw std::invalid_argument(std::string("UNet config: '") + key + "' has " + std::to_string(list.size()) +
                                " entries for " + std::to_string(blocks) + " blocks");
  return list;
}

void requireDefault(const json& j, const char* key, const json& expected, const char* what) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null() || *it == expected) return;
  throw std::invalid_argument(std::string("UNet config: ") + key + " = " + it->dump() + " is not supported (" +
                              what + ")");
}

}  // namespace

UNetConfig UNetConfig::fromJson(const json& j) {
  for (const char* key : {"class_embed_type", "num_class_embeds", "encoder_hid_dim", "time_cond_proj_dim"}) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
      throw std::invalid_argument(std::string("UNet config sets '") + key +
                                  "': this is a class- or otherwise conditioned UNet, which is not supported "
                                  "(Stable Diffusion 1.x, 2.x and SDXL models are)");
  }
  requireDefault(j, "addition_embed_type", "text_time", "only SDXL's text_time conditioning");
  requireDefault(j, "mid_block_type", "UNetMidBlock2DCrossAttn", "only the cross-attention mid block");
  requireDefault(j, "act_fn", "silu", "only SiLU");
  requireDefault(j, "time_embedding_type", "positional", "only sinusoidal time embeddings");
  requireDefault(j, "resnet_time_scale_shift", "default", "only additive time embeddings");
  requireDefault(j, "center_input_sample", false, "input centring");
  requireDefault(j, "dual_cross_attention", false, "dual cross-attention");
  requireDefault(j, "only_cross_attention", false, "cross-attention-only blocks");
  requireDefault(j, "mid_block_scale_factor", 1, "output scaling");
  requireDefault(j, "conv_in_kernel", 3, "3x3 conv_in");
  requireDefault(j, "conv_out_kernel", 3, "3x3 conv_out");

  UNetConfig c;
  c.inChannels = configValue<int64_t>(j, "in_channels", 4);
  c.outChannels = configValue<int64_t>(j, "out_channels", 4);
  c.blockOutChannels = configValue<std::vector<int64_t>>(j, "block_out_channels", c.blockOutChannels);
  const size_t n = c.blockOutChannels.size();
  const auto downTypes = configValue<std::vector<std::string>>(
      j, "down_block_types", {"CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"});
  const auto upTypes = configValue<std::vector<std::string>>(
      j, "up_block_types", {"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"});
  if (downTypes.size() != n || upTypes.size() != n)
    throw std::invalid_argument("UNet config: down_block_types, up_block_types and block_out_channels differ in length");
  c.downBlockHasAttention.clear();
  c.upBlockHasAttention.clear();
  for (const auto& t : downTypes) {
    if (t != "CrossAttnDownBlock2D" && t != "DownBlock2D")
      throw std::invalid_argument("UNet config: down block type '" + t + "' is not supported");
    c.downBlockHasAttention.push_back(t == "CrossAttnDownBlock2D");
  }
  for (const auto& t : upTypes) {
    if (t != "CrossAttnUpBlock2D" && t != "UpBlock2D")
      throw std::invalid_argument("UNet config: up block type '" + t + "' is not supported");
    c.upBlockHasAttention.push_back(t == "CrossAttnUpBlock2D");
  }
  c.layersPerBlock = configValue<int64_t>(j, "layers_per_block", 2);
  // Legacy naming: attention_head_dim is the number of heads unless num_attention_heads is given.
  const bool hasHeads = j.contains("num_attention_heads") && !j["num_attention_heads"].is_null();
  c.heads = perBlock(j, hasHeads ? "num_attention_heads" : "attention_head_dim", n, 8);
  c.transformerLayers = perBlock(j, "transformer_layers_per_block", n, 1);
  c.crossAttentionDim = configValue<int64_t>(j, "cross_attention_dim", 1280);
  c.useLinearProjection = configValue<bool>(j, "use_linear_projection", false);
  c.upcastAttention = configValue<bool>(j, "upcast_attention", false);
  c.normNumGroups = configValue<int64_t>(j, "norm_num_groups", 32);
  c.normEps = configValue<double>(j, "norm_eps", 1e-5);
  c.flipSinToCos = configValue<bool>(j, "flip_sin_to_cos", true);
  c.freqShift = configValue<double>(j, "freq_shift", 0.0);
  c.downsamplePadding = configValue<int64_t>(j, "downsample_padding", 1);
  constexpr const char* kWhat = "UNet config";
  if (n == 0) throw std::invalid_argument("UNet config: block_out_channels is empty");
  requireConfigRange(kWhat, "in_channels", c.inChannels, 1, kMaxConfigChannels);
  requireConfigRange(kWhat, "out_channels", c.outChannels, 1, kMaxConfigChannels);
  requireConfigRange(kWhat, "layers_per_block", c.layersPerBlock, 1, kMaxConfigRepeats);
  requireConfigRange(kWhat, "cross_attention_dim", c.crossAttentionDim, 1, kMaxConfigChannels);
  requireConfigRange(kWhat, "norm_num_groups", c.normNumGroups, 1, kMaxConfigChannels);
  requireConfigRange(kWhat, "downsample_padding", c.downsamplePadding, 0, 1);
  for (size_t i = 0; i < n; ++i) {
    requireConfigRange(kWhat, "block_out_channels", c.blockOutChannels[i], 1, kMaxConfigChannels);
    requireConfigRange(kWhat, "transformer_layers_per_block", c.transformerLayers[i], 1, kMaxConfigRepeats);
    if (c.blockOutChannels[i] % c.normNumGroups != 0)
      throw std::invalid_argument("UNet config: block " + std::to_string(i) + " has " + std::to_string(c.blockOutChannels[i]) +
                                  " channels, not divisible into norm_num_groups " + std::to_string(c.normNumGroups));
  }
  if (configValue<std::string>(j, "addition_embed_type", "") == "text_time") {
    c.additionTimeEmbedDim = configValue<int64_t>(j, "addition_time_embed_dim", 0);
    c.projectionClassEmbeddingsInputDim = configValue<int64_t>(j, "projection_class_embeddings_input_dim", 0);
    requireConfigRange(kWhat, "addition_time_embed_dim", c.additionTimeEmbedDim, 1, kMaxConfigChannels);
    requireConfigRange(kWhat, "projection_class_embeddings_input_dim", c.projectionClassEmbeddingsInputDim, 1,
                       kMaxConfigChannels * 8);
    if (c.additionTimeEmbedDim <= 0 || c.projectionClassEmbeddingsInputDim <= 6 * c.additionTimeEmbedDim)
      throw std::invalid_argument("UNet config: text_time conditioning needs addition_time_embed_dim and a "
                                  "projection_class_embeddings_input_dim above 6 x addition_time_embed_dim");
  }
  for (size_t i = 0; i < n; ++i) {
    if (c.heads[i] <= 0 || c.blockOutChannels[i] % c.heads[i] != 0)
      throw std::invalid_argument("UNet config: block " + std::to_string(i) + " has " +
                                  std::to_string(c.blockOutChannels[i]) + " channels, not divisible into " +
                                  std::to_string(c.heads[i]) + " attention heads");
  }
  return c;
}

}  // namespace droste::diffusion

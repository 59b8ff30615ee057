#include "core/diffusion/models/vae_config.h"

#include "core/diffusion/loading/config_value.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

namespace droste::diffusion {

using nlohmann::json;

VaeConfig VaeConfig::fromJson(const json& j) {
  VaeConfig c;
  c.inChannels = configValue<int64_t>(j, "in_channels", 3);
  c.outChannels = configValue<int64_t>(j, "out_channels", 3);
  c.latentChannels = configValue<int64_t>(j, "latent_channels", 4);
  c.blockOutChannels = configValue<std::vector<int64_t>>(j, "block_out_channels", {64});
  c.layersPerBlock = configValue<int64_t>(j, "layers_per_block", 1);
  c.normNumGroups = configValue<int64_t>(j, "norm_num_groups", 32);
  c.scalingFactor = configValue<double>(j, "scaling_factor", 0.18215);
  c.forceUpcast = configValue<bool>(j, "force_upcast", false);
  for (const char* key : {"latents_mean", "latents_std"})
    if (j.contains(key) && !j[key].is_null())
      throw std::invalid_argument(std::string("VAE config sets '") + key + "': VAEs with latent statistics are not supported");
  const auto act = configValue<std::string>(j, "act_fn", "silu");
  if (act != "silu") throw std::invalid_argument("VAE config: act_fn '" + act + "' is not supported (only silu)");
  for (const char* key : {"down_block_types", "up_block_types"}) {
    const auto types = configValue<std::vector<std::string>>(j, key, {});
    const char* expected = key[0] == 'd' ? "DownEncoderBlock2D" : "UpDecoderBlock2D";
    for (const auto& t : types)
      if (t != expected) throw std::invalid_argument(std::string("VAE config: ") + key + " entry '" + t + "' is not supported");
    if (!types.empty() && types.size() != c.blockOutChannels.size())
      throw std::invalid_argument(std::string("VAE config: ") + key + " and block_out_channels differ in length");
  }
  constexpr const char* kWhat = "VAE config";
  if (c.blockOutChannels.empty()) throw std::invalid_argument("VAE config: block_out_channels is empty");
  if (c.blockOutChannels.size() > 8) throw std::invalid_argument("VAE config: more than 8 blocks in block_out_channels");
  requireConfigRange(kWhat, "in_channels", c.inChannels, 1, kMaxConfigChannels);
  requireConfigRange(kWhat, "out_channels", c.outChannels, 1, kMaxConfigChannels);
  requireConfigRange(kWhat, "latent_channels", c.latentChannels, 1, kMaxConfigChannels);
  requireConfigRange(kWhat, "layers_per_block", c.layersPerBlock, 1, kMaxConfigRepeats);
  requireConfigRange(kWhat, "norm_num_groups", c.normNumGroups, 1, kMaxConfigChannels);
  for (const int64_t channels : c.blockOutChannels) {
    requireConfigRange(kWhat, "block_out_channels", channels, 1, kMaxConfigChannels);
    if (channels % c.normNumGroups != 0)
      throw std::invalid_argument("VAE config: " + std::to_string(channels) + " channels are not divisible into " +
                                  "norm_num_groups " + std::to_string(c.normNumGroups));
  }
  if (!(std::isfinite(c.scalingFactor) && c.scalingFactor > 0))
    throw std::invalid_argument("VAE config: scaling_factor must be a positive number");
  for (const char* key : {"use_quant_conv", "use_post_quant_conv"})
    if (!configValue<bool>(j, key, true)) throw std::invalid_argument(std::string("VAE config: ") + key + " = false is not supported");
  return c;
}

}  // namespace droste::diffusion

#include "core/diffusion/loading/config_guess.h"

#include "core/io/safetensors.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace droste::diffusion {

using io::ModelFileError;
using nlohmann::json;

json standardSchedulerConfig(ModelFamily family) {
  json c{{"_class_name", "PNDMScheduler"}, {"beta_start", 0.00085},     {"beta_end", 0.012},
         {"beta_schedule", "scaled_linear"}, {"num_train_timesteps", 1000}, {"skip_prk_steps", true},
         {"set_alpha_to_one", false},       {"steps_offset", 1},            {"clip_sample", false},
         {"prediction_type", "epsilon"},    {"trained_betas", nullptr}};
  if (family == ModelFamily::SDXL) {  // stable-diffusion-xl-base-1.0 and the SDXL inpainting repo
    c["_class_name"] = "EulerDiscreteScheduler";
    c["timestep_spacing"] = "leading";
    c["interpolation_type"] = "linear";
    c["use_karras_sigmas"] = false;
    c["sample_max_value"] = 1.0;
  }
  return c;
}

json unetConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file) {
  json c;
  c["_class_name"] = "UNet2DConditionModel";
  c["in_channels"] = w.size("conv_in.weight", 1);
  c["out_channels"] = w.size("conv_out.weight", 0);
  std::vector<int64_t> channels;
  std::vector<std::string> down, up;
  std::vector<int64_t> heads, depths;
  for (int i = 0;; ++i) {
    const std::string block = "down_blocks." + std::to_string(i) + ".";
    const int64_t ch = w.size(block + "resnets.0.conv2.weight", 0);
    if (ch < 0) break;
    channels.push_back(ch);
    const bool attention = w.contains(block + "attentions.0.proj_in.weight");
    down.push_back(attention ? "CrossAttnDownBlock2D" : "DownBlock2D");
    heads.push_back(family == ModelFamily::SD1 ? 8 : ch / 64);  // SD2, SDXL: head size 64; SD1: 8 heads
    int depth = 0;
    while (w.contains(block + "attentions.0.transformer_blocks." + std::to_string(depth) + ".norm1.weight")) ++depth;
    depths.push_back(std::max(depth, 1));
  }
  if (channels.empty() || c["in_channels"].get<int64_t>() < 0)
    throw ModelFileError(file + " (UNet): the UNet weights are incomplete (no conv_in / down blocks)");
  for (auto it = down.rbegin(); it != down.rend(); ++it)
    up.push_back(*it == "CrossAttnDownBlock2D" ? "CrossAttnUpBlock2D" : "UpBlock2D");
  int layers = 0;
  while (w.contains("down_blocks.0.resnets." + std::to_string(layers) + ".conv1.weight")) ++layers;
  int64_t crossDim = -1;
  bool linearProjection = false;
  for (const auto& name : w.names()) {
    if (crossDim < 0 && name.find("attn2.to_k.weight") != std::string::npos) crossDim = w.shape(name)[1];
    if (name.find("proj_in.weight") != std::string::npos) linearProjection = w.shape(name).size() == 2;
  }
  c["block_out_channels"] = channels;
  c["down_block_types"] = down;
  c["up_block_types"] = up;
  c["layers_per_block"] = layers;
  c["cross_attention_dim"] = crossDim;
  c["use_linear_projection"] = linearProjection;
  if (family == ModelFamily::SD1) c["attention_head_dim"] = 8;
  else c["attention_head_dim"] = heads;
  if (family == ModelFamily::SDXL) {
    c["transformer_layers_per_block"] = depths;
    c["addition_embed_type"] = "text_time";
    c["addition_time_embed_dim"] = 256;
    c["projection_class_embeddings_input_dim"] = w.size("add_embedding.linear_1.weight", 1);
    c["sample_size"] = 128;
    return c;
  }
  c["norm_num_groups"] = 32;
  c["norm_eps"] = 1e-5;
  c["act_fn"] = "silu";
  c["flip_sin_to_cos"] = true;
  c["freq_shift"] = 0;
  c["downsample_padding"] = 1;
  c["mid_block_scale_factor"] = 1;
  c["center_input_sample"] = false;
  c["dual_cross_attention"] = false;
  c["only_cross_attention"] = false;
  c["upcast_attention"] = false;
  c["sample_size"] = 64;
  return c;
}


json vaeConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file) {
  json c;
  c["_class_name"] = "AutoencoderKL";
  std::vector<int64_t> channels;
  for (int i = 0;; ++i) {
    const int64_t ch = w.size("encoder.down_blocks." + std::to_string(i) + ".resnets.0.conv2.weight", 0);
    if (ch < 0) break;
    channels.push_back(ch);
  }
  if (channels.empty() || !w.contains("encoder.conv_in.weight") || !w.contains("post_quant_conv.weight"))
    throw ModelFileError(file + " (VAE): the VAE weights are incomplete");
  int layers = 0;
  while (w.contains("encoder.down_blocks.0.resnets." + std::to_string(layers) + ".conv1.weight")) ++layers;
  c["block_out_channels"] = channels;
  c["layers_per_block"] = layers;
  c["in_channels"] = w.size("encoder.conv_in.weight", 1);
  c["out_channels"] = w.size("decoder.conv_out.weight", 0);
  c["latent_channels"] = w.size("post_quant_conv.weight", 0);
  c["down_block_types"] = std::vector<std::string>(channels.size(), "DownEncoderBlock2D");
  c["up_block_types"] = std::vector<std::string>(channels.size(), "UpDecoderBlock2D");
  c["norm_num_groups"] = 32;
  c["act_fn"] = "silu";
  c["scaling_factor"] = family == ModelFamily::SDXL ? 0.13025 : 0.18215;
  c["sample_size"] = family == ModelFamily::SDXL ? 1024 : 512;
  if (family == ModelFamily::SDXL) c["force_upcast"] = true;  // SDXL's VAE overflows in fp16
  return c;
}

json textConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file) {
  const auto tokens = w.contains("text_model.embeddings.token_embedding.weight")
                          ? w.shape("text_model.embeddings.token_embedding.weight")
                          : std::vector<int64_t>{};
  if (tokens.size() != 2) throw ModelFileError(file + " (text encoder): no token embedding [vocab, width]");
  int layers = 0;
  while (w.contains("text_model.encoder.layers." + std::to_string(layers) + ".layer_norm1.weight")) ++layers;
  json c;
  c["architectures"] = {"CLIPTextModel"};
  c["vocab_size"] = tokens[0];
  c["hidden_size"] = tokens[1];
  c["intermediate_size"] = w.size("text_model.encoder.layers.0.mlp.fc1.weight", 0);
  c["num_hidden_layers"] = layers;
  c["num_attention_heads"] = tokens[1] / 64;  // 16 for ViT-H (1024), 12 for ViT-L (768)
  c["max_position_embeddings"] = w.size("text_model.embeddings.position_embedding.weight", 0);
  c["hidden_act"] = family == ModelFamily::SD2 ? "gelu" : "quick_gelu";
  c["layer_norm_eps"] = 1e-5;
  c["projection_dim"] = family == ModelFamily::SD2 ? 512 : 768;
  c["bos_token_id"] = 0;
  c["eos_token_id"] = 2;
  c["pad_token_id"] = 1;
  return c;
}

json xlText2ConfigFromShapes(const WeightSource& w, const std::string& file) {
  json c = textConfigFromShapes(w, ModelFamily::SD2, file + " (second text encoder)");  // OpenCLIP: gelu
  c["architectures"] = {"CLIPTextModelWithProjection"};
  const auto projection = w.contains("text_projection.weight") ? w.shape("text_projection.weight") : std::vector<int64_t>{};
  if (projection.size() != 2) throw ModelFileError(file + " (second text encoder): no text_projection");
  c["projection_dim"] = projection[0];
  return c;
}

}  // namespace droste::diffusion

#pragma once
// UNet2DConditionModel of Stable Diffusion 1.x / 2.x and SDXL, built from the diffusers unet/config.json.
// Parameter names equal the diffusers state-dict keys (loadWeights is a name lookup).

#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/unet_config.h"

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace torch::nn {
class LinearImpl;
class GroupNormImpl;
}  // namespace torch::nn

namespace droste::diffusion {

class InferenceConv2dImpl;
class UNetDownBlockImpl;
class UNetMidBlockImpl;
class UNetUpBlockImpl;


// Called with (module path, output) at the points the goldens record (conv_in, time_proj,
// time_embedding, down_blocks.i, mid_block, up_blocks.i, conv_norm_out, conv_out); for debugging and tests.
using TraceFn = std::function<void(const std::string&, const at::Tensor&)>;

// SDXL's added conditioning (diffusers' added_cond_kwargs): textEmbeds [B, pooled width] (the second
// text encoder's projected pooled output) and timeIds [B, 6] (original size, crop top-left, target size).
struct UNetAddedConditions {
  at::Tensor textEmbeds;
  at::Tensor timeIds;
};

class UNet2DConditionModelImpl : public torch::nn::Module {
 public:
  explicit UNet2DConditionModelImpl(const UNetConfig& config);
  explicit UNet2DConditionModelImpl(const nlohmann::json& config);

  // sample [B,Cin,h,w]; timestep 0-d / [1] (broadcast) or [B], any real dtype (fractional allowed);
  // encoderHiddenStates [B,77,D] -> noise prediction [B,Cout,h,w] in sample's dtype. `added` is required
  // by (and only used for) text_time UNets.
  at::Tensor forward(const at::Tensor& sample, const at::Tensor& timestep, const at::Tensor& encoderHiddenStates,
                     const UNetAddedConditions* added = nullptr);

  const UNetConfig& config() const { return config_; }
  void setTrace(TraceFn trace) { trace_ = std::move(trace); }

 private:
  at::Tensor timeEmbedding(const at::Tensor& timesteps, c10::ScalarType dtype);  // [B] -> [B,4*C0]
  at::Tensor addedEmbedding(const UNetAddedConditions& added, int64_t batch, c10::ScalarType dtype);  // SDXL

  UNetConfig config_;
  TraceFn trace_;
  std::shared_ptr<InferenceConv2dImpl> convIn_, convOut_;
  std::shared_ptr<torch::nn::LinearImpl> timeLinear1_, timeLinear2_;
  std::shared_ptr<torch::nn::LinearImpl> addLinear1_, addLinear2_;  // add_embedding (text_time UNets)
  std::vector<std::shared_ptr<UNetDownBlockImpl>> downBlocks_;
  std::shared_ptr<UNetMidBlockImpl> midBlock_;
  std::vector<std::shared_ptr<UNetUpBlockImpl>> upBlocks_;
  std::shared_ptr<torch::nn::GroupNormImpl> convNormOut_;
};
TORCH_MODULE(UNet2DConditionModel);

// Builds the UNet from its config and loads its weights (converted to dtype on device).
UNet2DConditionModel loadUNet(const nlohmann::json& config, const WeightSource& weights, c10::ScalarType dtype,
                              c10::Device device);

}  // namespace droste::diffusion

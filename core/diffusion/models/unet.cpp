#include "core/diffusion/models/unet.h"

#include "core/diffusion/models/inference_conv2d.h"
#include "core/diffusion/models/normalization.h"

#include "core/diffusion/models/unet_blocks.h"

#include <nlohmann/json.hpp>
#include <torch/nn/modules/container/modulelist.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace droste::diffusion {
namespace {

using nlohmann::json;


// diffusers' get_timestep_embedding: [N] -> [N, dim] in float32, half cosines and half sines.
at::Tensor sinusoidalEmbedding(const at::Tensor& values, int64_t dim, bool flipSinToCos, double freqShift) {
  const int64_t half = dim / 2;
  const auto options = at::TensorOptions().dtype(at::kFloat).device(values.device());
  const at::Tensor exponent = at::arange(half, options) * (-std::log(10000.0)) / (half - freqShift);
  const at::Tensor args = values.to(at::kFloat).unsqueeze(1) * exponent.exp().unsqueeze(0);  // [N,half]
  at::Tensor emb = flipSinToCos ? at::cat({args.cos(), args.sin()}, -1) : at::cat({args.sin(), args.cos()}, -1);
  if (dim % 2) emb = at::constant_pad_nd(emb, {0, 1});
  return emb;
}


}  // namespace


UNet2DConditionModelImpl::UNet2DConditionModelImpl(const json& config)
    : UNet2DConditionModelImpl(UNetConfig::fromJson(config)) {}

UNet2DConditionModelImpl::UNet2DConditionModelImpl(const UNetConfig& c) : config_(c) {
  const auto& ch = c.blockOutChannels;
  const size_t n = ch.size();
  const int64_t temb = ch[0] * 4;
  convIn_ = register_module("conv_in", InferenceConv2d(torch::nn::Conv2dOptions(c.inChannels, ch[0], 3).padding(1)));
  auto timeEmbedding = std::make_shared<torch::nn::Module>();
  timeLinear1_ = timeEmbedding->register_module("linear_1", torch::nn::Linear(ch[0], temb));
  timeLinear2_ = timeEmbedding->register_module("linear_2", torch::nn::Linear(temb, temb));
  register_module("time_embedding", timeEmbedding);
  if (c.textTimeConditioning()) {
    auto addEmbedding = std::make_shared<torch::nn::Module>();
    addLinear1_ = addEmbedding->register_module("linear_1", torch::nn::Linear(c.projectionClassEmbeddingsInputDim, temb));
    addLinear2_ = addEmbedding->register_module("linear_2", torch::nn::Linear(temb, temb));
    register_module("add_embedding", addEmbedding);
  }

  auto blockOptions = [&](size_t level, bool attention) {
    UNetBlockOptions o;
    o.tembChannels = temb;
    o.groups = c.normNumGroups;
    o.eps = c.normEps;
    o.attention = attention;
    o.downsamplePadding = c.downsamplePadding;
    o.transformer.heads = c.heads[level];
    o.transformer.layers = c.transformerLayers[level];
    o.transformer.crossDim = c.crossAttentionDim;
    o.transformer.linearProjection = c.useLinearProjection;
    o.transformer.upcastAttention = c.upcastAttention;
    return o;
  };

  torch::nn::ModuleList down;
  for (size_t i = 0; i < n; ++i) {
    auto o = blockOptions(i, c.downBlockHasAttention[i]);
    o.inChannels = i == 0 ? ch[0] : ch[i - 1];
    o.outChannels = ch[i];
    o.layers = c.layersPerBlock;
    o.resample = i + 1 < n;
    downBlocks_.push_back(std::make_shared<UNetDownBlockImpl>(o));
    down->push_back(downBlocks_.back());
  }
  register_module("down_blocks", down);

  {
    auto o = blockOptions(n - 1, true);
    o.inChannels = o.outChannels = ch[n - 1];
    o.layers = 1;
    midBlock_ = register_module("mid_block", std::make_shared<UNetMidBlockImpl>(o));
  }

  // Up blocks walk the levels in reverse; heads and transformer depth are reversed with them.
  torch::nn::ModuleList up;
  int64_t outCh = ch[n - 1];
  for (size_t i = 0; i < n; ++i) {
    const size_t level = n - 1 - i;
    auto o = blockOptions(level, c.upBlockHasAttention[i]);
    o.prevOutChannels = outCh;
    outCh = ch[level];
    o.outChannels = outCh;
    o.inChannels = ch[level == 0 ? 0 : level - 1];
    o.layers = c.layersPerBlock + 1;
    o.resample = i + 1 < n;
    upBlocks_.push_back(std::make_shared<UNetUpBlockImpl>(o));
    up->push_back(upBlocks_.back());
  }
  register_module("up_blocks", up);

  convNormOut_ = register_module("conv_norm_out", groupNormModule(c.normNumGroups, ch[0], c.normEps));
  convOut_ = register_module("conv_out", InferenceConv2d(torch::nn::Conv2dOptions(ch[0], c.outChannels, 3).padding(1)));
}

at::Tensor UNet2DConditionModelImpl::timeEmbedding(const at::Tensor& timesteps, c10::ScalarType dtype) {
  const at::Tensor tProj =
      sinusoidalEmbedding(timesteps, config_.blockOutChannels[0], config_.flipSinToCos, config_.freqShift).to(dtype);
  if (trace_) trace_("time_proj", tProj);
  return timeLinear2_->forward(at::silu(timeLinear1_->forward(tProj)));
}

// diffusers' get_aug_embed for text_time: the six ids each embedded like a timestep (add_time_proj),
// concatenated after the pooled text embedding, through add_embedding.
at::Tensor UNet2DConditionModelImpl::addedEmbedding(const UNetAddedConditions& added, int64_t batch,
                                                    c10::ScalarType dtype) {
  if (!added.textEmbeds.defined() || !added.timeIds.defined())
    throw std::invalid_argument("this SDXL UNet needs the pooled text embedding and the size/crop ids");
  const int64_t pooled = config_.projectionClassEmbeddingsInputDim - 6 * config_.additionTimeEmbedDim;
  if (added.textEmbeds.dim() != 2 || added.textEmbeds.size(0) != batch || added.textEmbeds.size(1) != pooled ||
      added.timeIds.dim() != 2 || added.timeIds.size(0) != batch || added.timeIds.size(1) != 6) {
    std::ostringstream msg;
    msg << "UNet: added conditioning of shapes " << added.textEmbeds.sizes() << " and " << added.timeIds.sizes()
        << " for a batch of " << batch << " (expected [" << batch << ", " << pooled << "] and [" << batch << ", 6])";
    throw std::invalid_argument(msg.str());
  }
  const at::Tensor timeEmbeds =
      sinusoidalEmbedding(added.timeIds.reshape({-1}), config_.additionTimeEmbedDim, config_.flipSinToCos,
                          config_.freqShift)
          .reshape({batch, -1});
  const at::Tensor addEmbeds = at::cat({added.textEmbeds.to(at::kFloat), timeEmbeds}, -1).to(dtype);
  if (trace_) trace_("add_embeds", addEmbeds);
  return addLinear2_->forward(at::silu(addLinear1_->forward(addEmbeds)));
}

at::Tensor UNet2DConditionModelImpl::forward(const at::Tensor& sample, const at::Tensor& timestep,
                                             const at::Tensor& encoderHiddenStates, const UNetAddedConditions* added) {
  if (sample.dim() != 4 || sample.size(1) != config_.inChannels) {
    std::ostringstream msg;
    msg << "the UNet takes " << config_.inChannels << " input channels, got a sample of shape " << sample.sizes()
        << (config_.inChannels == 4 ? " (this is not an inpainting UNet)" : "");
    throw std::invalid_argument(msg.str());
  }
  const int64_t batch = sample.size(0);
  auto trace = [&](const char* name, const at::Tensor& t) {
    if (trace_) trace_(name, t);
  };

  at::Tensor timesteps = timestep.reshape({-1}).to(sample.device());
  if (timesteps.numel() == 1) timesteps = timesteps.expand({batch});
  if (timesteps.numel() != batch)
    throw std::invalid_argument("UNet: " + std::to_string(timesteps.numel()) + " timesteps for a batch of " +
                                std::to_string(batch));
  at::Tensor emb = timeEmbedding(timesteps, sample.scalar_type());  // [B,4*C0]
  trace("time_embedding", emb);
  if (config_.textTimeConditioning()) {
    if (!added) throw std::invalid_argument("this SDXL UNet needs the pooled text embedding and the size/crop ids");
    emb = emb + addedEmbedding(*added, batch, sample.scalar_type());
    trace("time_embedding_with_added", emb);
  }

  at::Tensor h = convIn_->forward(sample);
  trace("conv_in", h);
  std::vector<at::Tensor> skips{h};
  for (size_t i = 0; i < downBlocks_.size(); ++i) {
    h = downBlocks_[i]->forward(h, emb, encoderHiddenStates, skips);
    trace(("down_blocks." + std::to_string(i)).c_str(), h);
  }
  h = midBlock_->forward(h, emb, encoderHiddenStates);
  trace("mid_block", h);

  // Latent sides that do not halve evenly all the way down: upsample to the skip's exact size.
  const int64_t factor = int64_t{1} << (upBlocks_.size() - 1);
  const bool explicitSizes = sample.size(2) % factor != 0 || sample.size(3) % factor != 0;
  for (size_t i = 0; i < upBlocks_.size(); ++i) {
    std::optional<std::array<int64_t, 2>> size;
    const size_t consumed = upBlocks_[i]->resnetCount();
    if (explicitSizes && i + 1 < upBlocks_.size()) {
      const at::Tensor& next = skips[skips.size() - consumed - 1];
      size = std::array<int64_t, 2>{next.size(2), next.size(3)};
    }
    h = upBlocks_[i]->forward(h, emb, encoderHiddenStates, skips, size);
    trace(("up_blocks." + std::to_string(i)).c_str(), h);
  }
  h = groupNorm(h, torch::nn::GroupNorm(convNormOut_));
  trace("conv_norm_out", h);
  h = convOut_->forward(at::silu_(h));
  trace("conv_out", h);
  return h;
}

UNet2DConditionModel loadUNet(const json& config, const WeightSource& weights, c10::ScalarType dtype,
                              c10::Device device) {
  UNet2DConditionModel unet = constructInDtype<UNet2DConditionModel>(dtype, config);
  LoadOptions options;
  options.dtype = dtype;
  options.device = device;
  loadWeights(*unet, weights, options);
  unet->eval();
  return unet;
}

}  // namespace droste::diffusion

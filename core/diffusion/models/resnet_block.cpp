#include "core/diffusion/models/resnet_block.h"

#include "core/diffusion/models/normalization.h"

#include <torch/nn/functional/padding.h>

namespace droste::diffusion {
namespace {

InferenceConv2d conv3x3(int64_t in, int64_t out, int64_t stride = 1, int64_t padding = 1) {
  return InferenceConv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(padding));
}

}  // namespace

at::Tensor groupNormSilu(const at::Tensor& x, const torch::nn::GroupNorm& norm) {
  at::Tensor h = groupNorm(x, norm);
  return at::silu_(h);
}

ResnetBlock2DImpl::ResnetBlock2DImpl(int64_t inChannels, int64_t outChannels, int64_t tembChannels, int64_t groups,
                                     double eps, bool normalizeInBands)
    : normalizeInBands_(normalizeInBands) {
  norm1_ = register_module("norm1", groupNormModule(groups, inChannels, eps));
  conv1_ = register_module("conv1", conv3x3(inChannels, outChannels));
  if (tembChannels > 0) timeEmbProj_ = register_module("time_emb_proj", torch::nn::Linear(tembChannels, outChannels));
  norm2_ = register_module("norm2", groupNormModule(groups, outChannels, eps));
  conv2_ = register_module("conv2", conv3x3(outChannels, outChannels));
  if (inChannels != outChannels)
    convShortcut_ = register_module("conv_shortcut", InferenceConv2d(torch::nn::Conv2dOptions(inChannels, outChannels, 1)));
}

at::Tensor ResnetBlock2DImpl::forward(at::Tensor x, const at::Tensor& temb) {
  // Every full-size intermediate is dropped as soon as the next exists: at the VAE's 512 px levels
  // one tensor is 64-256 MB, and the block's peak is what bounds a whole generation's memory.
  const at::Tensor residual = convShortcut_ ? convShortcut_(x) : x;
  at::Tensor h = normalizeInBands_ ? conv1_->forwardAfterGroupNormSilu(x, norm1_) : conv1_(groupNormSilu(x, norm1_));
  x.reset();
  if (timeEmbProj_) {
    // temb [B,T] -> [B,Cout,1,1], broadcast over the pixels.
    h.add_(timeEmbProj_(at::silu(temb)).unsqueeze(-1).unsqueeze(-1));
  }
  h = normalizeInBands_ ? conv2_->forwardAfterGroupNormSilu(h, norm2_) : conv2_(groupNormSilu(h, norm2_));
  // (dropout is identity at inference)
  return h.add_(residual);
}

Downsample2DImpl::Downsample2DImpl(int64_t channels, int64_t padding) : padding_(padding) {
  conv_ = register_module("conv", conv3x3(channels, channels, /*stride=*/2, padding));
}

at::Tensor Downsample2DImpl::forward(const at::Tensor& x) {
  if (padding_ == 0) {
    namespace F = torch::nn::functional;
    return conv_(F::pad(x, F::PadFuncOptions({0, 1, 0, 1})));  // (left, right, top, bottom)
  }
  return conv_(x);
}

Upsample2DImpl::Upsample2DImpl(int64_t channels) { conv_ = register_module("conv", conv3x3(channels, channels)); }

at::Tensor Upsample2DImpl::forward(const at::Tensor& x, std::optional<std::array<int64_t, 2>> size) {
  if (!size || ((*size)[0] == x.size(2) * 2 && (*size)[1] == x.size(3) * 2)) return conv_->forwardUpsampled2x(x);
  return conv_(upsampleNearest(x, *size));
}

}  // namespace droste::diffusion

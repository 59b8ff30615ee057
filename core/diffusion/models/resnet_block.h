#pragma once
// Convolutional building blocks shared by the UNet and the VAE (diffusers models/resnet.py,
// upsampling.py, downsampling.py). Parameter names equal diffusers' state-dict keys.

#include "core/diffusion/models/inference_conv2d.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include <optional>

namespace droste::diffusion {

// GroupNorm -> SiLU -> conv3x3 -> (+ time embedding) -> GroupNorm -> SiLU -> conv3x3, plus the
// (1x1-projected when the channel count changes) input. tembChannels 0 = no time embedding (VAE).
// normalizeInBands: each GroupNorm -> SiLU runs band by band inside the next convolution when that is
// large (InferenceConv2d::forwardAfterGroupNormSilu): for the VAE, whose full-resolution levels hold a
// generation's largest tensors. The UNet's are small; it keeps libtorch's fused group_norm.
class ResnetBlock2DImpl : public torch::nn::Module {
 public:
  ResnetBlock2DImpl(int64_t inChannels, int64_t outChannels, int64_t tembChannels, int64_t groups, double eps,
                    bool normalizeInBands = false);
  // x [B,Cin,H,W], temb [B,T] (SiLU not yet applied; undefined when tembChannels == 0) -> [B,Cout,H,W].
  // x by value: a caller that moves it in lets the block free it as soon as it is no longer needed.
  at::Tensor forward(at::Tensor x, const at::Tensor& temb = {});

 private:
  torch::nn::GroupNorm norm1_{nullptr}, norm2_{nullptr};
  InferenceConv2d conv1_{nullptr}, conv2_{nullptr}, convShortcut_{nullptr};
  torch::nn::Linear timeEmbProj_{nullptr};
  bool normalizeInBands_;
};
TORCH_MODULE(ResnetBlock2D);

// 3x3 stride-2 convolution named "conv". The UNet pads 1 on every side; the VAE (padding 0)
// pads right and bottom by one zero first, as diffusers' Downsample2D does.
class Downsample2DImpl : public torch::nn::Module {
 public:
  Downsample2DImpl(int64_t channels, int64_t padding);
  at::Tensor forward(const at::Tensor& x);  // [B,C,H,W] -> [B,C,ceil(H/2),ceil(W/2)]

 private:
  int64_t padding_;
  InferenceConv2d conv_{nullptr};
};
TORCH_MODULE(Downsample2D);

// Nearest-neighbour x2 (or to an explicit size: odd latent sides) then a 3x3 convolution "conv".
class Upsample2DImpl : public torch::nn::Module {
 public:
  explicit Upsample2DImpl(int64_t channels);
  at::Tensor forward(const at::Tensor& x, std::optional<std::array<int64_t, 2>> size = std::nullopt);

 private:
  InferenceConv2d conv_{nullptr};
};
TORCH_MODULE(Upsample2D);

// GroupNorm followed by an in-place SiLU: the pre-activation used all over both networks.
at::Tensor groupNormSilu(const at::Tensor& x, const torch::nn::GroupNorm& norm);

}  // namespace droste::diffusion

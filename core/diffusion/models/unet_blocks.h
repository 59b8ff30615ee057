#pragma once
// The UNet's down, mid and up blocks (diffusers unets/unet_2d_blocks.py): CrossAttnDownBlock2D /
// DownBlock2D, UNetMidBlock2DCrossAttn, UpBlock2D / CrossAttnUpBlock2D. A block with attention
// is the plain block plus one Transformer2DModel after each resnet.

#include "core/diffusion/models/attention.h"
#include "core/diffusion/models/resnet_block.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <optional>
#include <vector>

namespace droste::diffusion {

struct UNetBlockOptions {
  int64_t inChannels = 0;
  int64_t outChannels = 0;
  int64_t prevOutChannels = 0;  // up blocks: channels coming from the block below
  int64_t tembChannels = 0;
  int64_t layers = 2;           // resnets per block (up blocks get layers_per_block + 1)
  bool attention = false;       // CrossAttn* block
  bool resample = false;        // has a downsampler / upsampler
  int64_t downsamplePadding = 1;
  int64_t groups = 32;
  double eps = 1e-5;
  Transformer2DOptions transformer;  // channels is filled in by the block
};

// Down block: appends each resnet(+attention) output and the downsampler output to skips.
class UNetDownBlockImpl : public torch::nn::Module {
 public:
  explicit UNetDownBlockImpl(const UNetBlockOptions& options);
  at::Tensor forward(at::Tensor h, const at::Tensor& temb, const at::Tensor& context, std::vector<at::Tensor>& skips);

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
  Downsample2D downsampler_{nullptr};
};
TORCH_MODULE(UNetDownBlock);

// resnet, then (attention, resnet) pairs.
class UNetMidBlockImpl : public torch::nn::Module {
 public:
  explicit UNetMidBlockImpl(const UNetBlockOptions& options);
  at::Tensor forward(at::Tensor h, const at::Tensor& temb, const at::Tensor& context);

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
};
TORCH_MODULE(UNetMidBlock);

// Up block: each resnet takes cat([h, skips.back()]) and pops it. upsampleSize: the size of the
// next skip tensor, for latent sides that are not a multiple of the total downsampling factor.
class UNetUpBlockImpl : public torch::nn::Module {
 public:
  explicit UNetUpBlockImpl(const UNetBlockOptions& options);
  at::Tensor forward(at::Tensor h, const at::Tensor& temb, const at::Tensor& context, std::vector<at::Tensor>& skips,
                     std::optional<std::array<int64_t, 2>> upsampleSize);
  size_t resnetCount() const { return resnets_.size(); }

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
  Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(UNetUpBlock);

}  // namespace droste::diffusion

#pragma once
// The VAE's encoder and decoder (diffusers autoencoders/vae.py): resnet blocks without time
// embedding, GroupNorm eps 1e-6, a single-head self-attention in the mid block.

#include "core/diffusion/models/inference_conv2d.h"
#include "core/diffusion/models/resnet_block.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include <functional>
#include <string>
#include <vector>

namespace droste::diffusion {

struct VaeCoderOptions {
  int64_t imageChannels = 3;   // in_channels (encoder) / out_channels (decoder)
  int64_t latentChannels = 4;
  std::vector<int64_t> blockOutChannels{128, 256, 512, 512};
  int64_t layersPerBlock = 2;
  int64_t groups = 32;
};

// GroupNorm -> one head over the H*W pixels (to_q/to_k/to_v/to_out.0, all with bias) -> + input.
class VaeAttentionImpl : public torch::nn::Module {
 public:
  VaeAttentionImpl(int64_t channels, int64_t groups);
  at::Tensor forward(const at::Tensor& x);  // [B,C,H,W] -> [B,C,H,W]

 private:
  torch::nn::GroupNorm groupNorm_{nullptr};
  torch::nn::Linear toQ_{nullptr}, toK_{nullptr}, toV_{nullptr}, toOut_{nullptr};
};
TORCH_MODULE(VaeAttention);

// resnets.0 -> attentions.0 -> resnets.1
class VaeMidBlockImpl : public torch::nn::Module {
 public:
  VaeMidBlockImpl(int64_t channels, int64_t groups);
  at::Tensor forward(const at::Tensor& x);

 private:
  ResnetBlock2D resnet0_{nullptr}, resnet1_{nullptr};
  VaeAttention attention_{nullptr};
};
TORCH_MODULE(VaeMidBlock);

// A level of the encoder (resnets then an asymmetric-pad downsampler) or the decoder (resnets then upsampler).
class VaeLevelImpl : public torch::nn::Module {
 public:
  VaeLevelImpl(int64_t inChannels, int64_t outChannels, int64_t resnets, int64_t groups, bool downsample, bool upsample);
  at::Tensor forward(at::Tensor x);

 private:
  std::vector<ResnetBlock2D> resnets_;
  Downsample2D downsampler_{nullptr};
  Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(VaeLevel);

using VaeTraceFn = std::function<void(const std::string&, const at::Tensor&)>;

// image [B,3,H,W] -> moments before quant_conv [B,2*latent,H/8,W/8]
class VaeEncoderImpl : public torch::nn::Module {
 public:
  explicit VaeEncoderImpl(const VaeCoderOptions& options);
  at::Tensor forward(const at::Tensor& x, const VaeTraceFn& trace = {});

 private:
  InferenceConv2d convIn_{nullptr}, convOut_{nullptr};
  std::vector<VaeLevel> downBlocks_;
  VaeMidBlock midBlock_{nullptr};
  torch::nn::GroupNorm convNormOut_{nullptr};
};
TORCH_MODULE(VaeEncoder);

// latent (after post_quant_conv) [B,latent,h,w] -> image [B,3,8h,8w]
class VaeDecoderImpl : public torch::nn::Module {
 public:
  explicit VaeDecoderImpl(const VaeCoderOptions& options);
  at::Tensor forward(const at::Tensor& z, const VaeTraceFn& trace = {});

 private:
  InferenceConv2d convIn_{nullptr}, convOut_{nullptr};
  VaeMidBlock midBlock_{nullptr};
  std::vector<VaeLevel> upBlocks_;
  torch::nn::GroupNorm convNormOut_{nullptr};
};
TORCH_MODULE(VaeDecoder);

}  // namespace droste::diffusion

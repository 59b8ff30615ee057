#pragma once
// A torch::nn::Conv2d whose weight can be reordered once, after loading, into oneDNN's blocked
// layout for CPU inference. libtorch's own CPU convolution reorders the plain OIHW weight on every
// call: for the UNet's 1280-channel layers at 8x8 and 16x16 that copy costs 10x the arithmetic
// (149 ms vs 13 ms per fp32 call at 512 px, CFG batch 2). Same parameter names, same results.
//
// Packed, a large "same" convolution also runs in bands of rows (with their halo rows): oneDNN copies
// its whole input into its blocked layout and its output back, so one VAE convolution at 512 px held
// three full-size tensors at once; in bands those copies are a few MB. Each output pixel sums the
// same products in the same order, so the values are bit-identical (tested).

#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include <array>
#include <functional>

namespace droste::diffusion {

class InferenceConv2dImpl : public torch::nn::Conv2dImpl {
 public:
  using torch::nn::Conv2dImpl::Conv2dImpl;
  at::Tensor forward(const at::Tensor& x);

  // Replaces the weight by its oneDNN-blocked copy when that runs here (CPU, fp32/bf16, oneDNN
  // built in, numeric zero padding); otherwise leaves the module as it is. Returns whether it packed.
  // A packed module still runs and lists "weight", but can no longer be loaded into, converted or moved.
  bool packForCpu();
  bool packed() const;

  // The convolution of x upsampled x2 by nearest neighbour (diffusers' Upsample2D), without holding
  // the upsampled tensor (4x x) when packed and large.
  at::Tensor forwardUpsampled2x(const at::Tensor& x);

  // The convolution of SiLU(GroupNorm(x)) (diffusers' norm -> SiLU -> conv), without holding the
  // normalised tensor (as large as x) when packed, large and one image (the VAE's case): the group
  // statistics come from the whole of x, then each band of rows is normalised just before it is convolved.
  // The same values but for the statistics' rounding (summed in another order than group_norm's; tested).
  // Otherwise the plain chain.
  at::Tensor forwardAfterGroupNormSilu(const at::Tensor& x, const torch::nn::GroupNorm& norm);

  static constexpr int64_t kBandingMinInputBytes = 16ll << 20;  // smaller inputs run whole
  static constexpr int64_t kBandInputBytes = 4ll << 20;         // rows per band: about this much input

 private:
  bool bandable(const at::Tensor& x, int64_t scale) const;
  using BandTransform = std::function<at::Tensor(const at::Tensor& band)>;
  at::Tensor convolveInBands(const at::Tensor& x, bool upsample2x, const BandTransform& transform = {});
};
TORCH_MODULE(InferenceConv2d);

// Nearest-neighbour upsampling of [B,C,H,W] to size (H', W'), on every device and dtype.
at::Tensor upsampleNearest(const at::Tensor& x, std::array<int64_t, 2> size);

// Packs every InferenceConv2d under root (see packForCpu); returns how many.
int packConvolutionsForCpu(torch::nn::Module& root);

}  // namespace droste::diffusion

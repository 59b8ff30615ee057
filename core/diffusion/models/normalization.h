#pragma once
// GroupNorm and LayerNorm as every network here runs them. Same results as torch::nn's modules;
// the one difference is speed on libtorch 1.x CPUs in bf16, whose kernels for both norms are scalar
// loops (~15 ms for one [2,320,64,64] GroupNorm at 512 px, 2 threads, vs ~2 ms through fp32: about
// 0.6 s of a 7 s SD2 UNet step). There the norm runs in fp32 and rounds once to bf16 — what libtorch
// 2.x's vectorised bf16 kernels do internally (fp32 statistics, one rounding of the output).

#include <torch/nn/modules/normalization.h>

namespace droste::diffusion {

// A GroupNorm module (parameters "weight" and "bias", as in diffusers) to register in a network.
torch::nn::GroupNorm groupNormModule(int64_t groups, int64_t channels, double eps);

at::Tensor groupNorm(const at::Tensor& x, int64_t groups, const at::Tensor& weight, const at::Tensor& bias,
                     double eps);
at::Tensor groupNorm(const at::Tensor& x, const torch::nn::GroupNorm& norm);

// Normalises over the last dimension (the only LayerNorm shape the networks use).
at::Tensor layerNorm(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias, double eps);
at::Tensor layerNorm(const at::Tensor& x, const torch::nn::LayerNorm& norm);

}  // namespace droste::diffusion

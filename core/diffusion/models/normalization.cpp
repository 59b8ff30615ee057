#include "core/diffusion/models/normalization.h"

#include <ATen/ATen.h>
#include <torch/version.h>

namespace droste::diffusion {
namespace {

// Whether this libtorch's own kernel for x is the slow scalar one (see the header).
bool normRunsFasterInFp32(const at::Tensor& x) {
#if TORCH_VERSION_MAJOR < 2
  return x.is_cpu() && x.scalar_type() == at::kBFloat16;
#else
  (void)x;
  return false;
#endif
}

at::Tensor toFloat(const at::Tensor& t) { return t.defined() ? t.to(at::kFloat) : t; }

}  // namespace

torch::nn::GroupNorm groupNormModule(int64_t groups, int64_t channels, double eps) {
  return torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(eps));
}

at::Tensor groupNorm(const at::Tensor& x, int64_t groups, const at::Tensor& weight, const at::Tensor& bias,
                     double eps) {
  if (normRunsFasterInFp32(x)) {
    return at::group_norm(x.to(at::kFloat), groups, toFloat(weight), toFloat(bias), eps).to(x.scalar_type());
  }
  return at::group_norm(x, groups, weight, bias, eps);
}

at::Tensor groupNorm(const at::Tensor& x, const torch::nn::GroupNorm& norm) {
  return groupNorm(x, norm->options.num_groups(), norm->weight, norm->bias, norm->options.eps());
}

at::Tensor layerNorm(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias, double eps) {
  const int64_t size = x.size(-1);
  if (normRunsFasterInFp32(x)) {
    return at::layer_norm(x.to(at::kFloat), {size}, toFloat(weight), toFloat(bias), eps).to(x.scalar_type());
  }
  return at::layer_norm(x, {size}, weight, bias, eps);
}

at::Tensor layerNorm(const at::Tensor& x, const torch::nn::LayerNorm& norm) {
  return layerNorm(x, norm->weight, norm->bias, norm->options.eps());
}

}  // namespace droste::diffusion

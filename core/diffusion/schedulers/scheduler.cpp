#include "core/diffusion/schedulers/scheduler.h"

#include <torch/torch.h>

#include <algorithm>

namespace droste::diffusion {

std::vector<double> Scheduler::timestepValues() const {
  at::Tensor t = timesteps_.to(at::kDouble).contiguous();
  return std::vector<double>(t.data_ptr<double>(), t.data_ptr<double>() + t.numel());
}

at::Tensor drawNoise(at::IntArrayRef shape, const std::optional<at::Generator>& generator, const at::Tensor& like) {
  auto cpu = at::TensorOptions().dtype(at::kFloat).device(at::kCPU);
  at::Tensor noise = generator ? at::randn(shape, *generator, cpu) : at::randn(shape, cpu);
  return noise.to(like.device(), like.scalar_type());
}

}  // namespace droste::diffusion

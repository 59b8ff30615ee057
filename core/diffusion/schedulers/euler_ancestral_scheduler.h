#pragma once
// diffusers' EulerAncestralDiscreteScheduler: Euler towards sigma_down plus fresh noise of size
// sigma_up, one CPU randn per step (also on the last step, where sigma_up is 0).

#include "core/diffusion/schedulers/euler_discrete_scheduler.h"

namespace droste::diffusion {

class EulerAncestralScheduler : public EulerDiscreteScheduler {
 public:
  explicit EulerAncestralScheduler(const SchedulerConfig& config) : EulerDiscreteScheduler(config) {}

  std::string className() const override { return "EulerAncestralDiscreteScheduler"; }
  at::Tensor step(const at::Tensor& modelOutput, double t, const at::Tensor& sample,
                  const std::optional<at::Generator>& generator = std::nullopt) override;
};

}  // namespace droste::diffusion

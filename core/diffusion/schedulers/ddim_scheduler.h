#pragma once
// diffusers' DDIMScheduler (deterministic, eta = 0).

#include "core/diffusion/schedulers/schedule_math.h"

namespace droste::diffusion {

class DdimScheduler : public Scheduler {
 public:
  explicit DdimScheduler(const SchedulerConfig& config);

  std::string className() const override { return "DDIMScheduler"; }
  void setTimesteps(int numInferenceSteps) override;
  at::Tensor step(const at::Tensor& modelOutput, double t, const at::Tensor& sample,
                  const std::optional<at::Generator>& generator = std::nullopt) override;
  at::Tensor addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const override;

 private:
  schedule::TrainSchedule train_;
  TimestepSpacing spacing_;
  int stepsOffset_;
  float finalAlphaCumprod_;
  bool clipSample_;
  double clipSampleRange_;
  int numInferenceSteps_ = 0;
};

}  // namespace droste::diffusion

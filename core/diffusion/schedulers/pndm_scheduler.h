#pragma once
// diffusers' PNDMScheduler with skip_prk_steps (PLMS only, the Stable Diffusion default):
// n steps run n+1 model evaluations, the second-largest timestep is repeated.

#include "core/diffusion/schedulers/schedule_math.h"

namespace droste::diffusion {

class PndmScheduler : public Scheduler {
 public:
  explicit PndmScheduler(const SchedulerConfig& config);

  std::string className() const override { return "PNDMScheduler"; }
  void setTimesteps(int numInferenceSteps) override;
  at::Tensor step(const at::Tensor& modelOutput, double t, const at::Tensor& sample,
                  const std::optional<at::Generator>& generator = std::nullopt) override;
  at::Tensor addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const override;

 private:
  at::Tensor prevSample(const at::Tensor& sample, int t, int prevT, at::Tensor modelOutput) const;

  schedule::TrainSchedule train_;
  TimestepSpacing spacing_;
  int stepsOffset_;
  float finalAlphaCumprod_;
  int numInferenceSteps_ = 0;
  int counter_ = 0;
  std::vector<at::Tensor> ets_;
  at::Tensor curSample_;
};

// add_noise of the DDPM-type schedulers: sqrt(ac[t]) x + sqrt(1 - ac[t]) noise.
at::Tensor addNoiseDdpm(const schedule::TrainSchedule& train, const at::Tensor& original, const at::Tensor& noise,
                        double t);

}  // namespace droste::diffusion

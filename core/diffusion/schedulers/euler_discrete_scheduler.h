#pragma once
// diffusers' EulerDiscreteScheduler (s_churn 0: deterministic). Also the base of Euler ancestral:
// both share the sigma schedule, the input scaling and the step index.

#include "core/diffusion/schedulers/schedule_math.h"

namespace droste::diffusion {

class EulerDiscreteScheduler : public Scheduler {
 public:
  explicit EulerDiscreteScheduler(const SchedulerConfig& config);

  std::string className() const override { return "EulerDiscreteScheduler"; }
  void setTimesteps(int numInferenceSteps) override;
  double initNoiseSigma() const override { return initNoiseSigma_; }
  void setBeginIndex(int index) override { beginIndex_ = index; }
  at::Tensor scaleModelInput(const at::Tensor& sample, double t) override;
  at::Tensor step(const at::Tensor& modelOutput, double t, const at::Tensor& sample,
                  const std::optional<at::Generator>& generator = std::nullopt) override;
  at::Tensor addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const override;

 protected:
  float sigmaAt(int index) const { return sigmaValues_.at(static_cast<size_t>(index)); }
  int currentStepIndex(double t);  // diffusers' _init_step_index on first use
  int indexForTimestep(double t) const;
  // x0 from the model output at sigma (epsilon or v_prediction).
  at::Tensor predictOriginal(const at::Tensor& modelOutput, const at::Tensor& sample, float sigma) const;

  schedule::TrainSchedule train_;
  TimestepSpacing spacing_;
  int stepsOffset_;
  std::vector<float> sigmaValues_;
  double initNoiseSigma_ = 1.0;
  std::optional<int> stepIndex_;
  std::optional<int> beginIndex_;
};

}  // namespace droste::diffusion

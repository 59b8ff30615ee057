#pragma once
// diffusers' DPMSolverMultistepScheduler as used for "DPM++ 2M" (algorithm dpmsolver++, midpoint,
// order 2, lower_order_final, final sigma 0), with or without Karras sigmas, and its SDE variant
// (sde-dpmsolver++, one CPU randn per step).

#include "core/diffusion/schedulers/schedule_math.h"

namespace droste::diffusion {

class DpmSolverMultistepScheduler : public Scheduler {
 public:
  explicit DpmSolverMultistepScheduler(const SchedulerConfig& config);

  std::string className() const override { return "DPMSolverMultistepScheduler"; }
  void setTimesteps(int numInferenceSteps) override;
  void setBeginIndex(int index) override { beginIndex_ = index; }
  at::Tensor step(const at::Tensor& modelOutput, double t, const at::Tensor& sample,
                  const std::optional<at::Generator>& generator = std::nullopt) override;
  at::Tensor addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const override;

  bool karras() const { return karras_; }
  bool sde() const { return sde_; }

 private:
  int indexForTimestep(double t) const;
  float sigmaAt(int index) const { return sigmaValues_.at(static_cast<size_t>(index)); }

  schedule::TrainSchedule train_;
  TimestepSpacing spacing_;
  int stepsOffset_;
  bool karras_;
  bool sde_;
  bool lowerOrderFinal_;
  bool eulerAtFinal_;
  std::vector<float> sigmaValues_;
  std::optional<int> stepIndex_;
  std::optional<int> beginIndex_;
  int lowerOrderNums_ = 0;
  at::Tensor previousX0_;  // model_outputs[-2]: the data prediction of the previous step
};

}  // namespace droste::diffusion

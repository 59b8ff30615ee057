#pragma once
// The common interface of the noise schedulers (diffusers' set_timesteps / scale_model_input /
// step / add_noise), built from a model's scheduler_config.json. Qt-free.

#include "core/diffusion/schedulers/scheduler_config.h"

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace droste::diffusion {

class Scheduler {
 public:
  virtual ~Scheduler() = default;

  virtual std::string className() const = 0;  // the diffusers class name
  virtual void setTimesteps(int numInferenceSteps) = 0;
  // The timesteps to run, in order (CPU; int64, or float32 for Euler-type schedulers).
  const at::Tensor& timesteps() const { return timesteps_; }
  std::vector<double> timestepValues() const;
  // Sigma-based schedulers: n+1 sigmas (CPU float32, last one 0); undefined otherwise.
  const at::Tensor& sigmas() const { return sigmas_; }
  virtual double initNoiseSigma() const { return 1.0; }
  // Number of model evaluations per step (1 for every scheduler here).
  virtual int order() const { return 1; }

  // Schedulers that keep a step index start it here (diffusers' set_begin_index; the
  // pipeline calls it with t_start for strength < 1).
  virtual void setBeginIndex(int /*index*/) {}

  virtual at::Tensor scaleModelInput(const at::Tensor& sample, double /*t*/) { return sample; }
  // One denoising step from `sample` at timestep t; `generator` (CPU) is used by the stochastic
  // schedulers only. Returns prev_sample.
  virtual at::Tensor step(const at::Tensor& modelOutput, double t, const at::Tensor& sample,
                          const std::optional<at::Generator>& generator = std::nullopt) = 0;
  // The prediction of the clean sample made by the last step() (DDIM / Euler types), else undefined.
  const at::Tensor& predOriginalSample() const { return predOriginalSample_; }

  // `original` noised to the level of timestep t (diffusers' add_noise).
  virtual at::Tensor addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const = 0;

  PredictionType predictionType() const { return predictionType_; }

 protected:
  at::Tensor timesteps_;
  at::Tensor sigmas_;
  at::Tensor predOriginalSample_;
  PredictionType predictionType_ = PredictionType::Epsilon;
};

// Standard normal noise of `shape` drawn from the CPU generator (as diffusers' randn_tensor with a
// CPU generator), then moved to the device/dtype of `like`.
at::Tensor drawNoise(at::IntArrayRef shape, const std::optional<at::Generator>& generator, const at::Tensor& like);

}  // namespace droste::diffusion

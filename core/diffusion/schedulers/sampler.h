#pragma once
// The denoising loop with the model as a callback, so that it runs (and is tested) without weights.

#include "core/cancellation.h"
#include "core/diffusion/schedulers/scheduler.h"

#include <atomic>
#include <functional>
#include <stdexcept>
#include <vector>

namespace droste::diffusion {

// The model's noise (or v) prediction for the scheduler-scaled input at timestep t.
using ModelFn = std::function<at::Tensor(const at::Tensor& scaledInput, double t)>;

struct SamplerHooks {
  // After scheduler.step(): may replace the latents (the 4-channel inpainting blend).
  std::function<at::Tensor(int step, at::Tensor latents)> afterStep;
  // After each step with the final latents of that step.
  std::function<void(int step, int total, const at::Tensor& latents)> onStep;
  const std::atomic_bool* cancel = nullptr;  // checked before every step
};

// For each model evaluation of `timesteps`, the number (1-based) of the denoising step it belongs to, as an
// artist counts steps: a timestep repeated right after itself is the same step evaluated again (PNDM's
// first step: diffusers runs 26 evaluations for 25 steps), so the last entry is the number of steps.
std::vector<int> denoisingStepNumbers(const std::vector<double>& timesteps);

// Runs `timesteps` (a tail of scheduler.timesteps() for strength < 1) from `latents`.
at::Tensor runSampler(Scheduler& scheduler, at::Tensor latents, const std::vector<double>& timesteps,
                      const ModelFn& model, const std::optional<at::Generator>& generator,
                      const SamplerHooks& hooks = {});

}  // namespace droste::diffusion

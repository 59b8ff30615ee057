#include "core/diffusion/schedulers/sampler.h"

#include <torch/torch.h>

namespace droste::diffusion {

std::vector<int> denoisingStepNumbers(const std::vector<double>& timesteps) {
  std::vector<int> numbers;
  numbers.reserve(timesteps.size());
  int step = 0;
  for (size_t i = 0; i < timesteps.size(); ++i) {
    if (i == 0 || timesteps[i] != timesteps[i - 1]) ++step;
    numbers.push_back(step);
  }
  return numbers;
}

at::Tensor runSampler(Scheduler& scheduler, at::Tensor latents, const std::vector<double>& timesteps,
                      const ModelFn& model, const std::optional<at::Generator>& generator,
                      const SamplerHooks& hooks) {
  const int total = static_cast<int>(timesteps.size());
  for (int i = 0; i < total; ++i) {
    throwIfCancelled(hooks.cancel);  // between steps
    const double t = timesteps[i];
    const at::Tensor input = scheduler.scaleModelInput(latents, t);
    const at::Tensor prediction = model(input, t);
    latents = scheduler.step(prediction, t, latents, generator);
    if (hooks.afterStep) latents = hooks.afterStep(i, latents);
    if (hooks.onStep) hooks.onStep(i, total, latents);
  }
  return latents;
}

}  // namespace droste::diffusion

#include "core/diffusion/schedulers/euler_ancestral_scheduler.h"

#include <torch/torch.h>

#include <cmath>

namespace droste::diffusion {

at::Tensor EulerAncestralScheduler::step(const at::Tensor& modelOutput, double t, const at::Tensor& sampleIn,
                                         const std::optional<at::Generator>& generator) {
  if (sigmaValues_.empty()) throw SchedulerError("Euler ancestral: setTimesteps() must be called before step()");
  const int i = currentStepIndex(t);
  const at::Tensor sample = sampleIn.to(at::kFloat);
  const float sigma = sigmaAt(i);
  const at::Tensor x0 = predictOriginal(modelOutput, sample, sigma);
  predOriginalSample_ = x0;
  const float from = sigma, to = sigmaAt(i + 1);
  const float up = std::sqrt(to * to * (from * from - to * to) / (from * from));
  const float down = std::sqrt(to * to - up * up);
  const at::Tensor derivative = (sample - x0) / sigma;
  const float dt = down - sigma;
  at::Tensor prev = sample + derivative * dt;
  const at::Tensor noise = drawNoise(modelOutput.sizes(), generator, modelOutput);
  prev = prev + noise * up;
  stepIndex_ = i + 1;
  return prev.to(modelOutput.scalar_type());
}

}  // namespace droste::diffusion

#include "core/diffusion/schedulers/euler_discrete_scheduler.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace droste::diffusion {

EulerDiscreteScheduler::EulerDiscreteScheduler(const SchedulerConfig& config)
    : train_(schedule::trainSchedule(config)),
      spacing_(config.timestepSpacing(TimestepSpacing::Linspace)),
      stepsOffset_(config.getInt("steps_offset", 0)) {
  predictionType_ = config.predictionType();
  if (config.getBool("use_karras_sigmas", false) || config.getBool("use_exponential_sigmas", false) ||
      config.getBool("use_beta_sigmas", false))
    throw SchedulerError("Euler schedulers: Karras/exponential/beta sigmas are not supported; "
                         "use dpm++2m-karras for Karras sigmas");
  if (config.getString("interpolation_type", "linear") != "linear")
    throw SchedulerError("Euler schedulers: only \"interpolation_type\": \"linear\" is supported");
  if (config.getString("timestep_type", "discrete") != "discrete")
    throw SchedulerError("Euler schedulers: only \"timestep_type\": \"discrete\" is supported");
  if (config.getString("final_sigmas_type", "zero") != "zero")
    throw SchedulerError("Euler schedulers: only \"final_sigmas_type\": \"zero\" is supported");
}

void EulerDiscreteScheduler::setTimesteps(int n) {
  const int N = train_.numTrainTimesteps();
  if (n < 1) throw SchedulerError("the number of steps must be at least 1");
  std::vector<float> ts;  // descending, float32 as diffusers keeps them
  if (spacing_ == TimestepSpacing::Linspace) {
    for (double v : schedule::linspace(0, N - 1, n)) ts.push_back(static_cast<float>(v));
    std::reverse(ts.begin(), ts.end());
  } else if (spacing_ == TimestepSpacing::Leading) {
    const int ratio = N / n;
    for (int i = n - 1; i >= 0; --i) ts.push_back(static_cast<float>(int64_t(i) * ratio) + float(stepsOffset_));
  } else {
    const double ratio = double(N) / n;
    for (int i = 0; i < n; ++i) ts.push_back(static_cast<float>(schedule::roundHalfEven(N - i * ratio)) - 1.0f);
  }
  sigmaValues_.clear();
  for (float t : ts) sigmaValues_.push_back(static_cast<float>(schedule::interp(t, train_.sigmas)));
  sigmaValues_.push_back(0.0f);
  std::vector<double> tsD(ts.begin(), ts.end());
  std::vector<double> sD(sigmaValues_.begin(), sigmaValues_.end());
  timesteps_ = schedule::float32Tensor(tsD);
  sigmas_ = schedule::float32Tensor(sD);

  const float maxSigma = *std::max_element(sigmaValues_.begin(), sigmaValues_.end());
  initNoiseSigma_ = spacing_ == TimestepSpacing::Leading ? std::sqrt(maxSigma * maxSigma + 1.0f) : maxSigma;
  stepIndex_.reset();
  beginIndex_.reset();
}

int EulerDiscreteScheduler::indexForTimestep(double t) const {
  std::vector<int> matches;
  const std::vector<double> values = timestepValues();
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == t) matches.push_back(static_cast<int>(i));
  if (matches.empty()) throw SchedulerError("timestep " + std::to_string(t) + " is not one of the scheduler's timesteps");
  // diffusers takes the second match when a timestep repeats (image-to-image starting mid-schedule).
  return matches.size() > 1 ? matches[1] : matches[0];
}

int EulerDiscreteScheduler::currentStepIndex(double t) {
  if (!stepIndex_) stepIndex_ = beginIndex_ ? *beginIndex_ : indexForTimestep(t);
  return *stepIndex_;
}

at::Tensor EulerDiscreteScheduler::scaleModelInput(const at::Tensor& sample, double t) {
  const float sigma = sigmaAt(currentStepIndex(t));
  return sample / std::sqrt(sigma * sigma + 1.0f);
}

at::Tensor EulerDiscreteScheduler::predictOriginal(const at::Tensor& modelOutput, const at::Tensor& sample,
                                                   float sigma) const {
  if (predictionType_ == PredictionType::Epsilon) return sample - sigma * modelOutput;
  const float s2 = sigma * sigma + 1.0f;
  return modelOutput * (-sigma / std::sqrt(s2)) + (sample / s2);
}

at::Tensor EulerDiscreteScheduler::step(const at::Tensor& modelOutput, double t, const at::Tensor& sampleIn,
                                        const std::optional<at::Generator>&) {
  if (sigmaValues_.empty()) throw SchedulerError("Euler: setTimesteps() must be called before step()");
  const int i = currentStepIndex(t);
  const at::Tensor sample = sampleIn.to(at::kFloat);
  const float sigma = sigmaAt(i);  // s_churn = 0: sigma_hat = sigma
  const at::Tensor x0 = predictOriginal(modelOutput, sample, sigma);
  predOriginalSample_ = x0;
  const at::Tensor derivative = (sample - x0) / sigma;
  const float dt = sigmaAt(i + 1) - sigma;
  at::Tensor prev = sample + derivative * dt;
  stepIndex_ = i + 1;
  return prev.to(modelOutput.scalar_type());
}

at::Tensor EulerDiscreteScheduler::addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const {
  const int index = !beginIndex_ ? indexForTimestep(t) : (stepIndex_ ? *stepIndex_ : *beginIndex_);
  return original + noise * sigmaAt(index);
}

}  // namespace droste::diffusion

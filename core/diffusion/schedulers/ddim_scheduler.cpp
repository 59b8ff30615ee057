#include "core/diffusion/schedulers/ddim_scheduler.h"

#include "core/diffusion/schedulers/pndm_scheduler.h"

#include <torch/torch.h>

#include <cmath>

namespace droste::diffusion {

DdimScheduler::DdimScheduler(const SchedulerConfig& config)
    : train_(schedule::trainSchedule(config)),
      spacing_(config.timestepSpacing(TimestepSpacing::Leading)),
      stepsOffset_(config.getInt("steps_offset", 0)),
      clipSample_(config.getBool("clip_sample", true)),  // DDIM's own defaults differ from PNDM's
      clipSampleRange_(config.getDouble("clip_sample_range", 1.0)) {
  predictionType_ = config.predictionType();
  if (config.getBool("thresholding", false))
    throw SchedulerError("DDIM scheduler: \"thresholding\" is not supported; set it to false");
  finalAlphaCumprod_ = config.getBool("set_alpha_to_one", true) ? 1.0f : train_.ac[0];
}

void DdimScheduler::setTimesteps(int n) {
  const int N = train_.numTrainTimesteps();
  if (n < 1 || n > N) throw SchedulerError("DDIM: the number of steps must be between 1 and " + std::to_string(N));
  numInferenceSteps_ = n;
  std::vector<int64_t> ts;  // descending
  if (spacing_ == TimestepSpacing::Linspace) {
    for (double v : schedule::linspace(0, N - 1, n)) ts.push_back(static_cast<int64_t>(schedule::roundHalfEven(v)));
    std::reverse(ts.begin(), ts.end());
  } else if (spacing_ == TimestepSpacing::Leading) {
    const int ratio = N / n;
    for (int i = n - 1; i >= 0; --i) ts.push_back(int64_t(i) * ratio + stepsOffset_);
  } else {
    const double ratio = double(N) / n;
    for (int i = 0; i < n; ++i) ts.push_back(static_cast<int64_t>(schedule::roundHalfEven(N - i * ratio)) - 1);
  }
  timesteps_ = schedule::int64Tensor(ts);
}

at::Tensor DdimScheduler::step(const at::Tensor& modelOutput, double tIn, const at::Tensor& sample,
                               const std::optional<at::Generator>&) {
  if (numInferenceSteps_ == 0) throw SchedulerError("DDIM: setTimesteps() must be called before step()");
  const int t = static_cast<int>(tIn);
  const int prevT = t - train_.numTrainTimesteps() / numInferenceSteps_;
  const float a = train_.ac.at(t);
  const float ap = prevT >= 0 ? train_.ac.at(prevT) : finalAlphaCumprod_;
  const float b = 1.0f - a;
  at::Tensor x0, eps;
  if (predictionType_ == PredictionType::Epsilon) {
    x0 = (sample - std::sqrt(b) * modelOutput) / std::sqrt(a);
    eps = modelOutput;
  } else {
    x0 = std::sqrt(a) * sample - std::sqrt(b) * modelOutput;
    eps = std::sqrt(a) * modelOutput + std::sqrt(b) * sample;
  }
  if (clipSample_) x0 = x0.clamp(-clipSampleRange_, clipSampleRange_);
  predOriginalSample_ = x0;
  // eta = 0: no variance term, no noise.
  const at::Tensor direction = std::sqrt(1.0f - ap) * eps;
  return std::sqrt(ap) * x0 + direction;
}

at::Tensor DdimScheduler::addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const {
  return addNoiseDdpm(train_, original, noise, t);
}

}  // namespace droste::diffusion

#include "core/diffusion/schedulers/pndm_scheduler.h"

#include <torch/torch.h>

#include <cmath>

namespace droste::diffusion {

PndmScheduler::PndmScheduler(const SchedulerConfig& config)
    : train_(schedule::trainSchedule(config)),
      spacing_(config.timestepSpacing(TimestepSpacing::Leading)),
      stepsOffset_(config.getInt("steps_offset", 0)) {
  predictionType_ = config.predictionType();
  if (!config.getBool("skip_prk_steps", false))
    throw SchedulerError(
        "PNDM scheduler: only \"skip_prk_steps\": true (the Stable Diffusion setting) is supported; "
        "set it in scheduler_config.json or choose another scheduler");
  finalAlphaCumprod_ = config.getBool("set_alpha_to_one", false) ? 1.0f : train_.ac[0];
}

void PndmScheduler::setTimesteps(int n) {
  if (n < 1) throw SchedulerError("the number of steps must be at least 1");
  const int N = train_.numTrainTimesteps();
  numInferenceSteps_ = n;
  std::vector<int64_t> ts;  // ascending
  if (spacing_ == TimestepSpacing::Linspace) {
    for (double v : schedule::linspace(0, N - 1, n)) ts.push_back(static_cast<int64_t>(schedule::roundHalfEven(v)));
  } else if (spacing_ == TimestepSpacing::Leading) {
    const int ratio = N / n;
    for (int i = 0; i < n; ++i) ts.push_back(int64_t(i) * ratio + stepsOffset_);
  } else {
    const double ratio = double(N) / n;
    for (int i = 0; i < n; ++i) ts.push_back(static_cast<int64_t>(schedule::roundHalfEven(N - i * ratio)) - 1);
    std::reverse(ts.begin(), ts.end());
  }
  // plms = concat(ts[:-1], ts[-2:-1], ts[-1:]) reversed: the second-largest timestep twice.
  std::vector<int64_t> plms(ts.begin(), ts.end() - 1);
  if (ts.size() >= 2) plms.push_back(ts[ts.size() - 2]);
  plms.push_back(ts.back());
  std::reverse(plms.begin(), plms.end());
  timesteps_ = schedule::int64Tensor(plms);
  counter_ = 0;
  ets_.clear();
  curSample_ = at::Tensor();
}

at::Tensor PndmScheduler::step(const at::Tensor& modelOutputIn, double tIn, const at::Tensor& sampleIn,
                               const std::optional<at::Generator>&) {
  if (numInferenceSteps_ == 0) throw SchedulerError("PNDM: setTimesteps() must be called before step()");
  const int ratio = train_.numTrainTimesteps() / numInferenceSteps_;
  int t = static_cast<int>(tIn);
  int prevT = t - ratio;
  at::Tensor modelOutput = modelOutputIn;
  at::Tensor sample = sampleIn;
  if (counter_ != 1) {
    if (ets_.size() > 3) ets_.erase(ets_.begin(), ets_.end() - 3);
    ets_.push_back(modelOutput);
  } else {
    prevT = t;
    t = t + ratio;
  }
  const size_t n = ets_.size();
  if (n == 1 && counter_ == 0) {
    curSample_ = sample;
  } else if (n == 1 && counter_ == 1) {
    modelOutput = (modelOutput + ets_.back()) / 2;
    sample = curSample_;
    curSample_ = at::Tensor();
  } else if (n == 2) {
    modelOutput = (3 * ets_[n - 1] - ets_[n - 2]) / 2;
  } else if (n == 3) {
    modelOutput = (23 * ets_[n - 1] - 16 * ets_[n - 2] + 5 * ets_[n - 3]) / 12;
  } else {
    modelOutput = (1.0 / 24) * (55 * ets_[n - 1] - 59 * ets_[n - 2] + 37 * ets_[n - 3] - 9 * ets_[n - 4]);
  }
  at::Tensor prev = prevSample(sample, t, prevT, modelOutput);
  ++counter_;
  return prev;
}

at::Tensor PndmScheduler::prevSample(const at::Tensor& sample, int t, int prevT, at::Tensor modelOutput) const {
  // Formula (9) of the PNDM paper, with diffusers' float32 scalar arithmetic.
  const float a = train_.ac.at(t);
  const float ap = prevT >= 0 ? train_.ac.at(prevT) : finalAlphaCumprod_;
  const float b = 1.0f - a;
  const float bp = 1.0f - ap;
  if (predictionType_ == PredictionType::VPrediction)
    modelOutput = std::sqrt(a) * modelOutput + std::sqrt(b) * sample;
  const float sampleCoeff = std::sqrt(ap / a);
  const float denom = a * std::sqrt(bp) + std::sqrt(a * b * ap);
  return sampleCoeff * sample - (ap - a) * modelOutput / denom;
}

at::Tensor PndmScheduler::addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const {
  return addNoiseDdpm(train_, original, noise, t);
}

at::Tensor addNoiseDdpm(const schedule::TrainSchedule& train, const at::Tensor& original, const at::Tensor& noise,
                        double t) {
  const float a = train.ac.at(static_cast<size_t>(t));
  return std::sqrt(a) * original + std::sqrt(1.0f - a) * noise;
}

}  // namespace droste::diffusion

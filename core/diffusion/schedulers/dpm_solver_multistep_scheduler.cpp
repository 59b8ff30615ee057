#include "core/diffusion/schedulers/dpm_solver_multistep_scheduler.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace droste::diffusion {

namespace {
struct AlphaSigma {
  float alpha, sigma;
};
// diffusers' _sigma_to_alpha_sigma_t, float32.
AlphaSigma alphaSigma(float s) {
  const float alpha = 1.0f / std::sqrt(s * s + 1.0f);
  return {alpha, s * alpha};
}
float lambdaOf(AlphaSigma as) { return std::log(as.alpha) - std::log(as.sigma); }
}  // namespace

DpmSolverMultistepScheduler::DpmSolverMultistepScheduler(const SchedulerConfig& config)
    : train_(schedule::trainSchedule(config)),
      spacing_(config.timestepSpacing(TimestepSpacing::Linspace)),
      stepsOffset_(config.getInt("steps_offset", 0)),
      karras_(config.getBool("use_karras_sigmas", false)),
      sde_(false),
      lowerOrderFinal_(config.getBool("lower_order_final", true)),
      eulerAtFinal_(config.getBool("euler_at_final", false)) {
  predictionType_ = config.predictionType();
  const std::string algorithm = config.getString("algorithm_type", "dpmsolver++");
  if (algorithm == "sde-dpmsolver++")
    sde_ = true;
  else if (algorithm != "dpmsolver++")
    throw SchedulerError("DPM-Solver: algorithm_type \"" + algorithm +
                         "\" is not supported (dpmsolver++ or sde-dpmsolver++)");
  if (config.getInt("solver_order", 2) != 2)
    throw SchedulerError("DPM-Solver: only solver_order 2 (DPM++ 2M) is supported");
  if (config.getString("solver_type", "midpoint") != "midpoint")
    throw SchedulerError("DPM-Solver: only solver_type \"midpoint\" is supported");
  if (config.getString("final_sigmas_type", "zero") != "zero")
    throw SchedulerError("DPM-Solver: only final_sigmas_type \"zero\" is supported");
  if (config.getBool("thresholding", false) || config.getBool("use_lu_lambdas", false) ||
      config.getBool("use_exponential_sigmas", false) || config.getBool("use_beta_sigmas", false))
    throw SchedulerError("DPM-Solver: thresholding / Lu lambdas / exponential or beta sigmas are not supported");
  if (config.has("lambda_min_clipped") && std::isfinite(config.getDouble("lambda_min_clipped", 0)))
    throw SchedulerError("DPM-Solver: lambda_min_clipped is not supported");
  if (config.has("variance_type")) throw SchedulerError("DPM-Solver: variance_type is not supported");
}

void DpmSolverMultistepScheduler::setTimesteps(int n) {
  const int N = train_.numTrainTimesteps();
  if (n < 1) throw SchedulerError("the number of steps must be at least 1");
  std::vector<double> ts;  // descending
  if (spacing_ == TimestepSpacing::Linspace) {
    const std::vector<double> v = schedule::linspace(0, N - 1, n + 1);
    for (int i = n; i >= 1; --i) ts.push_back(schedule::roundHalfEven(v[i]));
  } else if (spacing_ == TimestepSpacing::Leading) {
    const int ratio = N / (n + 1);
    for (int i = n; i >= 1; --i) ts.push_back(double(int64_t(i) * ratio + stepsOffset_));
  } else {
    const double ratio = double(N) / n;
    for (int i = 0; i < n; ++i) ts.push_back(schedule::roundHalfEven(N - i * ratio) - 1);
  }

  std::vector<double> sigmas;
  if (karras_) {
    // Karras sigmas between the training schedule's extremes; timesteps follow from the sigmas.
    sigmas = schedule::karrasSigmas(train_.sigmas.front(), train_.sigmas.back(), n);
    std::vector<float> logSigmas;
    for (float s : train_.sigmas) logSigmas.push_back(std::log(s));
    ts.clear();
    for (double s : sigmas) ts.push_back(schedule::roundHalfEven(schedule::sigmaToT(s, logSigmas)));
  } else {
    for (double t : ts) sigmas.push_back(schedule::interp(t, train_.sigmas));
  }
  sigmas.push_back(0.0);  // final_sigmas_type "zero"
  sigmaValues_.assign(sigmas.begin(), sigmas.end());
  std::vector<int64_t> tsInt;
  for (double t : ts) tsInt.push_back(static_cast<int64_t>(t));
  timesteps_ = schedule::int64Tensor(tsInt);
  sigmas_ = schedule::float32Tensor(std::vector<double>(sigmaValues_.begin(), sigmaValues_.end()));
  stepIndex_.reset();
  beginIndex_.reset();
  lowerOrderNums_ = 0;
  previousX0_ = at::Tensor();
}

int DpmSolverMultistepScheduler::indexForTimestep(double t) const {
  std::vector<int> matches;
  const std::vector<double> values = timestepValues();
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == t) matches.push_back(static_cast<int>(i));
  if (matches.empty()) return static_cast<int>(values.size()) - 1;  // as diffusers: past the end -> last
  return matches.size() > 1 ? matches[1] : matches[0];
}

at::Tensor DpmSolverMultistepScheduler::step(const at::Tensor& modelOutputIn, double t, const at::Tensor& sampleIn,
                                             const std::optional<at::Generator>& generator) {
  if (sigmaValues_.empty()) throw SchedulerError("DPM-Solver: setTimesteps() must be called before step()");
  if (!stepIndex_) stepIndex_ = beginIndex_ ? *beginIndex_ : indexForTimestep(t);
  const int i = *stepIndex_;
  const int64_t numSteps = timesteps_.numel();
  // The final sigma is 0, so the last step is always first order (it returns the x0 prediction).
  const bool lowerOrderFinal = i == numSteps - 1;
  const bool lowerOrderSecond = i == numSteps - 2 && lowerOrderFinal_ && numSteps < 15;
  (void)lowerOrderSecond;  // with order 2 the second-order update is used either way
  (void)eulerAtFinal_;

  const at::Tensor sample = sampleIn.to(at::kFloat);
  // convert_model_output: the data (x0) prediction.
  const AlphaSigma s0 = alphaSigma(sigmaAt(i));
  at::Tensor x0 = predictionType_ == PredictionType::Epsilon
                      ? (sample - s0.sigma * modelOutputIn) / s0.alpha
                      : s0.alpha * sample - s0.sigma * modelOutputIn;

  at::Tensor noise;
  if (sde_) noise = drawNoise(modelOutputIn.sizes(), generator, sample);

  const AlphaSigma st = alphaSigma(sigmaAt(i + 1));
  const float lambdaT = lambdaOf(st), lambdaS0 = lambdaOf(s0);
  const float h = lambdaT - lambdaS0;
  at::Tensor prev;
  if (lowerOrderNums_ < 1 || lowerOrderFinal || !previousX0_.defined()) {
    if (!sde_) {
      prev = (st.sigma / s0.sigma) * sample - (st.alpha * (std::exp(-h) - 1.0f)) * x0;
    } else {
      prev = (st.sigma / s0.sigma * std::exp(-h)) * sample + (st.alpha * (1.0f - std::exp(-2.0f * h))) * x0 +
             st.sigma * std::sqrt(1.0f - std::exp(-2.0f * h)) * noise;
    }
  } else {
    const AlphaSigma s1 = alphaSigma(sigmaAt(i - 1));
    const float lambdaS1 = lambdaOf(s1);
    const float h0 = lambdaS0 - lambdaS1;
    const float r0 = h0 / h;
    const at::Tensor d1 = (1.0f / r0) * (x0 - previousX0_);
    if (!sde_) {
      prev = (st.sigma / s0.sigma) * sample - (st.alpha * (std::exp(-h) - 1.0f)) * x0 -
             0.5f * (st.alpha * (std::exp(-h) - 1.0f)) * d1;
    } else {
      prev = (st.sigma / s0.sigma * std::exp(-h)) * sample + (st.alpha * (1.0f - std::exp(-2.0f * h))) * x0 +
             0.5f * (st.alpha * (1.0f - std::exp(-2.0f * h))) * d1 +
             st.sigma * std::sqrt(1.0f - std::exp(-2.0f * h)) * noise;
    }
  }
  previousX0_ = x0;
  if (lowerOrderNums_ < 2) ++lowerOrderNums_;
  stepIndex_ = i + 1;
  return prev.to(modelOutputIn.scalar_type());
}

at::Tensor DpmSolverMultistepScheduler::addNoise(const at::Tensor& original, const at::Tensor& noise, double t) const {
  const int index = !beginIndex_ ? indexForTimestep(t) : (stepIndex_ ? *stepIndex_ : *beginIndex_);
  const AlphaSigma as = alphaSigma(sigmaAt(index));
  return as.alpha * original + as.sigma * noise;
}

}  // namespace droste::diffusion

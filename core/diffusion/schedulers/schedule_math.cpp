#include "core/diffusion/schedulers/schedule_math.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace droste::diffusion::schedule {

TrainSchedule trainSchedule(const SchedulerConfig& config) {
  const int n = config.getInt("num_train_timesteps", 1000);
  if (n < 2) throw SchedulerError("scheduler_config.json: num_train_timesteps must be at least 2");
  if (config.getBool("rescale_betas_zero_snr", false))
    throw SchedulerError("scheduler_config.json: rescale_betas_zero_snr is not supported");
  const double betaStart = config.getDouble("beta_start", 0.0001);
  const double betaEnd = config.getDouble("beta_end", 0.02);
  const auto f32 = at::TensorOptions().dtype(at::kFloat);

  at::Tensor betas;
  if (config.has("trained_betas")) {
    std::vector<float> values = config.raw().at("trained_betas").get<std::vector<float>>();
    if (static_cast<int>(values.size()) != n)
      throw SchedulerError("scheduler_config.json: trained_betas has " + std::to_string(values.size()) +
                           " entries but num_train_timesteps is " + std::to_string(n));
    betas = torch::tensor(values, f32);
  } else {
    const std::string kind = config.getString("beta_schedule", "linear");
    if (kind == "linear") {
      betas = at::linspace(betaStart, betaEnd, n, f32);
    } else if (kind == "scaled_linear") {
      // torch.linspace(beta_start**0.5, beta_end**0.5, N, dtype=float32) ** 2
      betas = at::linspace(std::sqrt(betaStart), std::sqrt(betaEnd), n, f32).pow(2);
    } else if (kind == "squaredcos_cap_v2") {
      auto alphaBar = [](double t) { return std::pow(std::cos((t + 0.008) / 1.008 * M_PI / 2), 2); };
      std::vector<double> values;
      for (int i = 0; i < n; ++i) {
        const double t1 = double(i) / n, t2 = double(i + 1) / n;
        values.push_back(std::min(1 - alphaBar(t2) / alphaBar(t1), 0.999));
      }
      betas = float32Tensor(values);
    } else {
      throw SchedulerError("scheduler_config.json: beta_schedule \"" + kind +
                           "\" is not supported (linear, scaled_linear or squaredcos_cap_v2)");
    }
  }
  TrainSchedule s;
  s.betas = betas.contiguous();
  s.alphasCumprod = at::cumprod(1.0 - s.betas, 0).contiguous();
  at::Tensor sigmas = at::sqrt((1.0 - s.alphasCumprod) / s.alphasCumprod).contiguous();
  s.ac.assign(s.alphasCumprod.data_ptr<float>(), s.alphasCumprod.data_ptr<float>() + n);
  s.sigmas.assign(sigmas.data_ptr<float>(), sigmas.data_ptr<float>() + n);
  return s;
}

std::vector<double> linspace(double start, double stop, int num) {
  // numpy: step = (stop - start) / (num - 1); y = arange(num) * step + start; y[-1] = stop.
  std::vector<double> y(static_cast<size_t>(std::max(num, 0)));
  if (num <= 0) return y;
  if (num == 1) {
    y[0] = start;
    return y;
  }
  const double step = (stop - start) / double(num - 1);
  for (int i = 0; i < num; ++i) y[i] = double(i) * step + start;
  y[num - 1] = stop;
  return y;
}

double interp(double x, const std::vector<float>& fp) {
  const int n = static_cast<int>(fp.size());
  if (x <= 0) return fp.front();
  if (x >= n - 1) return fp.back();
  const int j = static_cast<int>(std::floor(x));
  if (double(j) == x) return fp[j];
  const double slope = (double(fp[j + 1]) - double(fp[j])) / 1.0;
  return slope * (x - double(j)) + double(fp[j]);
}

double roundHalfEven(double x) { return std::nearbyint(x); }  // default rounding mode: to nearest even

std::vector<double> karrasSigmas(double sigmaMin, double sigmaMax, int n) {
  const double rho = 7.0;
  const std::vector<double> ramp = linspace(0.0, 1.0, n);
  const double minInvRho = std::pow(sigmaMin, 1.0 / rho);
  const double maxInvRho = std::pow(sigmaMax, 1.0 / rho);
  std::vector<double> sigmas;
  for (double r : ramp) sigmas.push_back(std::pow(maxInvRho + r * (minInvRho - maxInvRho), rho));
  return sigmas;
}

double sigmaToT(double sigma, const std::vector<float>& logSigmas) {
  const double logSigma = std::log(std::max(sigma, 1e-10));
  // low = last index with log_sigmas[i] <= log_sigma (cumsum(dists >= 0).argmax()), clipped to [0, N-2].
  const int n = static_cast<int>(logSigmas.size());
  int count = 0, low = 0, best = 0;
  for (int i = 0; i < n; ++i) {
    if (logSigma - double(logSigmas[i]) >= 0) ++count;
    if (count > best) {
      best = count;
      low = i;
    }
  }
  low = std::min(low, n - 2);
  const int high = low + 1;
  const double lo = logSigmas[low], hi = logSigmas[high];
  double w = (lo - logSigma) / (lo - hi);
  w = std::clamp(w, 0.0, 1.0);
  return (1.0 - w) * low + w * high;
}

at::Tensor int64Tensor(const std::vector<int64_t>& values) {
  return torch::tensor(values, at::TensorOptions().dtype(at::kLong));
}

at::Tensor float32Tensor(const std::vector<double>& values) {
  std::vector<float> f(values.begin(), values.end());
  return torch::tensor(f, at::TensorOptions().dtype(at::kFloat));
}

}  // namespace droste::diffusion::schedule

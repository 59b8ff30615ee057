#pragma once
// The schedule arithmetic of diffusers' schedulers, reproduced operation for operation (numpy's
// linspace / interp / round, torch's float32 beta tables) so that timesteps and sigmas come out
// bit-identical to the reference.

#include "core/diffusion/schedulers/scheduler.h"

#include <cstdint>
#include <vector>

namespace droste::diffusion::schedule {

// The training noise schedule (betas, alphas_cumprod: float32 as torch computes them).
struct TrainSchedule {
  at::Tensor betas;           // [N] float32, CPU
  at::Tensor alphasCumprod;   // [N] float32, CPU
  std::vector<float> ac;      // alphasCumprod as values
  std::vector<float> sigmas;  // sqrt((1 - ac) / ac), float32
  int numTrainTimesteps() const { return static_cast<int>(ac.size()); }
};

// beta_schedule linear / scaled_linear / squaredcos_cap_v2 or trained_betas, from the config.
TrainSchedule trainSchedule(const SchedulerConfig& config);

// numpy.linspace(start, stop, num) (endpoint included), float64.
std::vector<double> linspace(double start, double stop, int num);
// numpy.interp(x, arange(len(fp)), fp).
double interp(double x, const std::vector<float>& fp);
// numpy.round: half to even.
double roundHalfEven(double x);
// Karras et al. sigmas from sigmaMax down to sigmaMin (rho 7), float64, as diffusers' _convert_to_karras.
std::vector<double> karrasSigmas(double sigmaMin, double sigmaMax, int n);
// diffusers' _sigma_to_t: the fractional timestep of a sigma, interpolated in log sigma.
double sigmaToT(double sigma, const std::vector<float>& logSigmas);

at::Tensor int64Tensor(const std::vector<int64_t>& values);
at::Tensor float32Tensor(const std::vector<double>& values);

}  // namespace droste::diffusion::schedule

#include "core/diffusion/runtime/device_choice.h"

#include "core/errors.h"

#include <torch/cuda.h>

#include <stdexcept>

namespace droste::diffusion {

c10::ScalarType scalarTypeOf(Precision precision) {
  switch (precision) {
    case Precision::Fp32: return c10::ScalarType::Float;
    case Precision::Fp16: return c10::ScalarType::Half;
    case Precision::Bf16: return c10::ScalarType::BFloat16;
    case Precision::Auto: break;
  }
  throw std::invalid_argument("precision 'auto' must be resolved first (resolvePrecision)");
}

Precision precisionOf(c10::ScalarType dtype) {
  switch (dtype) {
    case c10::ScalarType::Float: return Precision::Fp32;
    case c10::ScalarType::Half: return Precision::Fp16;
    case c10::ScalarType::BFloat16: return Precision::Bf16;
    default: break;
  }
  throw std::invalid_argument(std::string("unsupported precision ") + c10::toString(dtype) + ": use fp32, fp16 or bf16");
}

void requirePrecisionRunsHere(c10::Device device, c10::ScalarType dtype) {
  const std::string problem = precisionProblem(precisionOf(dtype), device.is_cuda(), cpuCapability());
  if (!problem.empty()) throw Error(ErrorKind::PrecisionNotHere, problem);
}

DeviceChoice chooseDevice(DeviceKind device, Precision precision) {
  const bool cudaAvailable = torch::cuda::is_available();
  if (device == DeviceKind::Cuda && !cudaAvailable)
    throw Error(ErrorKind::PrecisionNotHere,
                "a CUDA GPU was asked for, but none is available to this build of Droste: choose the CPU (or Automatic)");
  const bool cuda = device == DeviceKind::Cuda || (device == DeviceKind::Auto && cudaAvailable);
  const PrecisionChoice resolved = resolvePrecision(precision, cuda, cpuCapability());
  DeviceChoice choice;
  choice.device = cuda ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  choice.dtype = scalarTypeOf(resolved.precision);
  choice.precisionReason = resolved.reason;
  requirePrecisionRunsHere(choice.device, choice.dtype);
  return choice;
}

}  // namespace droste::diffusion

#pragma once
// Device and precision names (runtime/precision.h) turned into what libtorch runs: a device and a dtype
// that work on this machine, or a refusal before any weight is read.

#include "core/diffusion/runtime/precision.h"

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>

namespace droste::diffusion {

struct DeviceChoice {
  c10::Device device = c10::kCPU;
  c10::ScalarType dtype = c10::ScalarType::Float;
  std::string precisionReason;  // why this precision (resolvePrecision's reason)
};

// Auto device = the first CUDA GPU when one is available, else the CPU; Auto precision as
// resolvePrecision says. Throws std::invalid_argument with what to choose instead when CUDA is asked
// for without a GPU, or the precision does not run on that device here (bf16 on a CPU without AVX-512).
DeviceChoice chooseDevice(DeviceKind device, Precision precision);

c10::ScalarType scalarTypeOf(Precision precision);  // Auto -> std::invalid_argument
Precision precisionOf(c10::ScalarType dtype);       // Float/Half/BFloat16, else std::invalid_argument

// Throws std::invalid_argument (precisionProblem's message) when dtype cannot run on device here.
void requirePrecisionRunsHere(c10::Device device, c10::ScalarType dtype);

}  // namespace droste::diffusion

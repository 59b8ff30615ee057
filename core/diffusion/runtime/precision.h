#pragma once
// The one place that knows precision and device names ("auto", "fp32", "bf16", "cuda", ...) and which
// precision runs where: what `auto` picks, what is refused and why, what the Settings dialog offers.
// Plain C++ (no torch, no Qt).

#include "core/diffusion/runtime/cpu_capability.h"

#include <string>
#include <string_view>
#include <vector>

namespace droste::diffusion {

enum class Precision { Auto, Fp32, Fp16, Bf16 };
enum class DeviceKind { Auto, Cpu, Cuda };

// "auto" | "fp32" | "fp16" | "bf16"; an empty name is Auto. Throws std::invalid_argument naming the choices.
Precision parsePrecision(std::string_view name);
const char* precisionName(Precision precision);  // a string literal: printf, QString, JSON take it as is
// "auto" | "cpu" | "cuda"; an empty name is Auto. Throws std::invalid_argument naming the choices.
DeviceKind parseDeviceKind(std::string_view name);
const char* deviceKindName(DeviceKind device);

struct PrecisionChoice {
  Precision precision;  // never Auto
  std::string reason;   // why, for `droste-cli info` and logs: "this CPU multiplies bf16 natively (...)"
};

// What `auto` means on a CUDA GPU, or on a CPU with this capability. A concrete precision is returned as is.
PrecisionChoice resolvePrecision(Precision requested, bool cuda, const CpuCapability& cpu);

// Empty when `precision` (not Auto) runs on that device here; else a message for the artist that says
// why not and what to choose instead.
std::string precisionProblem(Precision precision, bool cuda, const CpuCapability& cpu);

// The precisions that run on that device here, Auto first: what a settings list offers.
std::vector<Precision> usablePrecisions(bool cuda, const CpuCapability& cpu);

}  // namespace droste::diffusion

#include "core/diffusion/runtime/precision.h"

#include <stdexcept>

namespace droste::diffusion {

Precision parsePrecision(std::string_view name) {
  if (name.empty() || name == "auto") return Precision::Auto;
  if (name == "fp32") return Precision::Fp32;
  if (name == "fp16") return Precision::Fp16;
  if (name == "bf16") return Precision::Bf16;
  throw std::invalid_argument("unknown precision '" + std::string(name) + "': choose auto, fp32, fp16 or bf16");
}

const char* precisionName(Precision precision) {
  switch (precision) {
    case Precision::Fp32: return "fp32";
    case Precision::Fp16: return "fp16";
    case Precision::Bf16: return "bf16";
    case Precision::Auto: break;
  }
  return "auto";
}

DeviceKind parseDeviceKind(std::string_view name) {
  if (name.empty() || name == "auto") return DeviceKind::Auto;
  if (name == "cpu") return DeviceKind::Cpu;
  if (name == "cuda") return DeviceKind::Cuda;
  throw std::invalid_argument("unknown device '" + std::string(name) + "': choose auto, cpu or cuda");
}

const char* deviceKindName(DeviceKind device) {
  switch (device) {
    case DeviceKind::Cpu: return "cpu";
    case DeviceKind::Cuda: return "cuda";
    case DeviceKind::Auto: break;
  }
  return "auto";
}

PrecisionChoice resolvePrecision(Precision requested, bool cuda, const CpuCapability& cpu) {
  if (requested != Precision::Auto) return {requested, "chosen"};
  if (cuda) return {Precision::Fp16, "fp16 on a CUDA GPU: half the memory of fp32 and the fastest kernels"};
  if (cpu.nativeBf16())
    return {Precision::Bf16, "this CPU multiplies bf16 natively (" + cpu.describe() + "): about twice as fast as fp32"};
  return {Precision::Fp32, "this CPU has no native bf16 (" + cpu.describe() + "): fp32 is the fastest exact choice"};
}

std::string precisionProblem(Precision precision, bool cuda, const CpuCapability& cpu) {
  if (cuda || precision == Precision::Auto || precision == Precision::Fp32) return {};
  if (precision == Precision::Fp16)
    return "fp16 runs only on a GPU: on the CPU choose fp32" + std::string(cpu.avx512 ? " or bf16" : "") +
           " (Automatic picks the fastest)";
  if (!cpu.avx512)
    return "bf16 needs a CPU with AVX-512, and this one has " + cpu.describe() +
           ": choose fp32 (Automatic picks it here)";
  return {};
}

std::vector<Precision> usablePrecisions(bool cuda, const CpuCapability& cpu) {
  std::vector<Precision> usable;
  for (Precision p : {Precision::Auto, Precision::Fp32, Precision::Bf16, Precision::Fp16})
    if (precisionProblem(p, cuda, cpu).empty()) usable.push_back(p);
  return usable;
}

}  // namespace droste::diffusion

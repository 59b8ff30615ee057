#pragma once
// What this CPU can run fast, read from cpuid: which precisions the engine offers and which kernels
// it may call. Plain C++ (no torch, no Qt), so the UI can ask too.
//
// oneDNN's bf16 convolution path in libtorch needs AVX-512 (BW, VL, DQ) and throws anywhere else;
// with AVX512-BF16 or AMX the CPU multiplies bf16 natively and bf16 is about twice as fast as fp32.

#include <optional>
#include <string>
#include <string_view>

namespace droste::diffusion {

struct CpuCapability {
  bool avx2 = false;
  bool avx512 = false;      // F + BW + VL + DQ, enabled by the OS: what oneDNN's bf16 path requires
  bool avx512Bf16 = false;  // AVX512-BF16: native bf16 dot products
  bool amxBf16 = false;     // AMX tiles with bf16

  bool nativeBf16() const { return avx512Bf16 || amxBf16; }
  // "AVX-512 with AVX512-BF16", "AVX2 (no AVX-512)", ... for info output and messages.
  std::string describe() const;
  bool operator==(const CpuCapability&) const = default;
};

// What cpuid and the OS (XCR0) say, once per process.
CpuCapability detectedCpuCapability();

// Levels a capability can be limited to, from the smallest: "baseline" (no AVX2), "avx2", "avx512",
// "avx512_bf16", "amx". Returns the capability without what lies above `level`; a limit never adds
// what the CPU lacks. std::nullopt for an unknown level name.
std::optional<CpuCapability> limitCpuCapability(CpuCapability capability, std::string_view level);

// The capability the engine acts on: the detected one, limited by the environment variable
// DROSTE_CPU_CAPABILITY (one of the levels; an unknown name is ignored with a warning on stderr) and by
// a ScopedCpuCapabilityLimit. Forcing a lower level runs the code paths of a smaller CPU on this one.
CpuCapability cpuCapability();

// Limits cpuCapability() to a level while it lives (tests). Not thread-safe against concurrent
// construction; nesting restores the previous limit.
class ScopedCpuCapabilityLimit {
 public:
  explicit ScopedCpuCapabilityLimit(std::string_view level);  // throws std::invalid_argument for unknown levels
  ~ScopedCpuCapabilityLimit();
  ScopedCpuCapabilityLimit(const ScopedCpuCapabilityLimit&) = delete;
  ScopedCpuCapabilityLimit& operator=(const ScopedCpuCapabilityLimit&) = delete;

 private:
  std::optional<std::string> previous_;
};

}  // namespace droste::diffusion

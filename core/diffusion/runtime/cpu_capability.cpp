#include "core/diffusion/runtime/cpu_capability.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace droste::diffusion {
namespace {

constexpr std::array<std::string_view, 5> kLevels{"baseline", "avx2", "avx512", "avx512_bf16", "amx"};

#if defined(__x86_64__) || defined(__i386__)
struct CpuidRegisters {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
};

CpuidRegisters cpuid(unsigned leaf, unsigned subleaf) {
  CpuidRegisters r;
  if (!__get_cpuid_count(leaf, subleaf, &r.eax, &r.ebx, &r.ecx, &r.edx)) return {};
  return r;
}

bool bit(unsigned value, int n) { return (value >> n) & 1u; }

// Which register states the OS saves on a context switch: an instruction set is usable only with them.
uint64_t enabledXStateFeatures() {
  if (!bit(cpuid(1, 0).ecx, 27)) return 0;  // OSXSAVE: the OS manages XCR0
  unsigned lo = 0, hi = 0;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (static_cast<uint64_t>(hi) << 32) | lo;
}

CpuCapability readCpuid() {
  CpuCapability c;
  if (cpuid(0, 0).eax < 7) return c;
  const uint64_t xcr0 = enabledXStateFeatures();
  const bool avxState = (xcr0 & 0x6) == 0x6;            // SSE + AVX registers
  const bool avx512State = avxState && (xcr0 & 0xE0) == 0xE0;  // opmask + upper ZMM registers
  const bool amxState = (xcr0 & 0x60000) == 0x60000;    // tile config + tile data
  const CpuidRegisters l7 = cpuid(7, 0);
  c.avx2 = avxState && bit(l7.ebx, 5);
  c.avx512 = avx512State && bit(l7.ebx, 16) && bit(l7.ebx, 17) && bit(l7.ebx, 30) && bit(l7.ebx, 31);
  c.avx512Bf16 = c.avx512 && l7.eax >= 1 && bit(cpuid(7, 1).eax, 5);
  c.amxBf16 = amxState && bit(l7.edx, 22) && bit(l7.edx, 24);
  return c;
}
#else
CpuCapability readCpuid() { return {}; }  // other architectures: the portable fp32 paths only
#endif

std::mutex limitMutex;
std::optional<std::string> scopedLimit;  // guarded by limitMutex

}  // namespace

std::string CpuCapability::describe() const {
  std::string text;
  if (avx512) text = avx512Bf16 ? "AVX-512 with AVX512-BF16" : "AVX-512 (no AVX512-BF16)";
  else text = avx2 ? "AVX2 (no AVX-512)" : "no AVX2";
  if (amxBf16) text += ", AMX-BF16";
  return text;
}

CpuCapability detectedCpuCapability() {
  static const CpuCapability detected = readCpuid();
  return detected;
}

std::optional<CpuCapability> limitCpuCapability(CpuCapability c, std::string_view level) {
  size_t rank = 0;
  while (rank < kLevels.size() && kLevels[rank] != level) ++rank;
  if (rank == kLevels.size()) return std::nullopt;
  if (rank < 4) c.amxBf16 = false;
  if (rank < 3) c.avx512Bf16 = false;
  if (rank < 2) c.avx512 = false;
  if (rank < 1) c.avx2 = false;
  return c;
}

CpuCapability cpuCapability() {
  CpuCapability c = detectedCpuCapability();
  if (const char* env = std::getenv("DROSTE_CPU_CAPABILITY"); env && *env) {
    if (auto limited = limitCpuCapability(c, env)) {
      c = *limited;
    } else {
      static std::once_flag warned;
      std::call_once(warned, [env] {
        std::fprintf(stderr, "DROSTE_CPU_CAPABILITY=%s is not one of baseline, avx2, avx512, avx512_bf16, amx: ignored\n", env);
      });
    }
  }
  std::lock_guard lock(limitMutex);
  if (scopedLimit) c = *limitCpuCapability(c, *scopedLimit);
  return c;
}

ScopedCpuCapabilityLimit::ScopedCpuCapabilityLimit(std::string_view level) {
  if (!limitCpuCapability({}, level))
    throw std::invalid_argument("unknown CPU capability level '" + std::string(level) + "'");
  std::lock_guard lock(limitMutex);
  previous_ = scopedLimit;
  scopedLimit = std::string(level);
}

ScopedCpuCapabilityLimit::~ScopedCpuCapabilityLimit() {
  std::lock_guard lock(limitMutex);
  scopedLimit = previous_;
}

}  // namespace droste::diffusion

#pragma once
// Whether a model's weights fit in the memory that is free, checked before anything is loaded: a refusal
// with the numbers beats swapping the machine to a standstill or failing half-way through loading.
// Plain C++ (no torch).

#include <cstdint>
#include <optional>
#include <string>

namespace droste::diffusion {

// Bytes the process can still allocate on the CPU: the kernel's MemAvailable, capped by what the
// address-space limit (RLIMIT_AS, `ulimit -v`) leaves. Empty when neither can be read.
std::optional<uint64_t> freeCpuMemory();

// Throws droste::Error(OutOfMemoryCpu) naming both numbers when `needed` bytes for `what` ("tiny-sd2's
// weights in fp32") exceed the free CPU memory. Unknown free memory passes: the load itself still
// reports running out.
void requireCpuMemoryFor(const std::string& what, uint64_t needed);

// For tests: pretends only `bytes` are free while it exists; nesting restores the previous value.
class ScopedFreeCpuMemory {
 public:
  explicit ScopedFreeCpuMemory(uint64_t bytes);
  ~ScopedFreeCpuMemory();
  ScopedFreeCpuMemory(const ScopedFreeCpuMemory&) = delete;
  ScopedFreeCpuMemory& operator=(const ScopedFreeCpuMemory&) = delete;

 private:
  std::optional<uint64_t> previous_;
};

}  // namespace droste::diffusion

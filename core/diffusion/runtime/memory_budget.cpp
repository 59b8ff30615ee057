#include "core/diffusion/runtime/memory_budget.h"

#include "core/errors.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace droste::diffusion {
namespace {

std::optional<uint64_t> pretendedFree;  // ScopedFreeCpuMemory; read on the loading thread only

// "Key:   123 kB" from a /proc file, in bytes.
std::optional<uint64_t> procValue(const char* file, const std::string& key) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(key + ":", 0) != 0) continue;
    std::istringstream fields(line.substr(key.size() + 1));
    uint64_t kib = 0;
    if (fields >> kib) return kib * 1024;
  }
  return std::nullopt;
}

std::string gigabytes(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f GB", double(bytes) / 1e9);
  return text;
}

}  // namespace

std::optional<uint64_t> freeCpuMemory() {
  if (pretendedFree) return pretendedFree;
  std::optional<uint64_t> free = procValue("/proc/meminfo", "MemAvailable");
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    const uint64_t used = procValue("/proc/self/status", "VmSize").value_or(0);
    const uint64_t headroom = limit.rlim_cur > used ? limit.rlim_cur - used : 0;
    free = free ? std::min(*free, headroom) : headroom;
  }
  return free;
}

void requireCpuMemoryFor(const std::string& what, uint64_t needed) {
  const std::optional<uint64_t> free = freeCpuMemory();
  if (!free || needed <= *free) return;
  throw Error(ErrorKind::OutOfMemoryCpu, what + " need " + gigabytes(needed) + " of memory, but only " +
                                             gigabytes(*free) + " is free; nothing was loaded");
}

ScopedFreeCpuMemory::ScopedFreeCpuMemory(uint64_t bytes) : previous_(pretendedFree) { pretendedFree = bytes; }

ScopedFreeCpuMemory::~ScopedFreeCpuMemory() { pretendedFree = previous_; }

}  // namespace droste::diffusion

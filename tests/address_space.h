#pragma once
// Out-of-memory tests: an allocation limit (RLIMIT_AS) of what this process already holds plus some headroom,
// so that the next large allocation fails as it would on a full machine. Restored when the object goes.
#include <sys/resource.h>

#include <cstdint>
#include <fstream>
#include <string>

namespace droste::test {

// This process's address space now (VmSize), in bytes.
inline uint64_t addressSpaceInUse() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmSize:") {
      uint64_t kb = 0;
      status >> kb;
      return kb * 1024;
    }
    status.ignore(1 << 16, '\n');
  }
  return 0;
}

class ScopedAddressSpaceLimit {
 public:
  explicit ScopedAddressSpaceLimit(uint64_t headroomBytes) {
    if (::getrlimit(RLIMIT_AS, &saved_) != 0) return;
    rlimit tight = saved_;
    tight.rlim_cur = addressSpaceInUse() + headroomBytes;
    active_ = ::setrlimit(RLIMIT_AS, &tight) == 0;
  }
  ~ScopedAddressSpaceLimit() {
    if (active_) ::setrlimit(RLIMIT_AS, &saved_);
  }
  ScopedAddressSpaceLimit(const ScopedAddressSpaceLimit&) = delete;
  ScopedAddressSpaceLimit& operator=(const ScopedAddressSpaceLimit&) = delete;
  bool active() const { return active_; }

 private:
  rlimit saved_{};
  bool active_ = false;
};

}  // namespace droste::test

#pragma once
// Process memory and CPU time on Linux, for the memory benchmarks of droste-bench.
#include <filesystem>

namespace droste::bench {

long procStatusKb(const char* key);  // a kB field of /proc/self/status ("VmRSS", "VmHWM"), -1 if absent
bool resetPeakRss();                 // VmHWM := current RSS (Linux >= 4.0); false if not allowed
double processCpuSeconds();          // user + system, all threads
void evictFromPageCache(const std::filesystem::path& file);  // as after a reboot (best effort)

}  // namespace droste::bench

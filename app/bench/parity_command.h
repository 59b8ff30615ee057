#pragma once
// droste-bench parity: the pipeline goldens of shared/fixtures run end to end through the engine,
// per case the worst error against its tolerance and PASS/FAIL; exit code 1 when any case fails.
#include <string>
#include <vector>

namespace droste::bench {

int runParity(const std::vector<std::string>& args);
const char* parityUsage();

}  // namespace droste::bench

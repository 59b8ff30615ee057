#pragma once
// droste-bench generate-memory: peak RSS of a whole CPU inpainting generation (load + N steps +
// decode) against the size of the weights in the compute dtype (issue #4: <= 1.3x).
#include <string>
#include <vector>

namespace droste::bench {

int runGenerateMemory(const std::vector<std::string>& args);
const char* generateMemoryUsage();

}  // namespace droste::bench

#pragma once
// The sampler names an artist can choose (makeScheduler builds them). Torch-free, for lists in the UI
// and the CLI's argument checks.

#include <string>
#include <vector>

namespace droste::diffusion {

// pndm, ddim, euler, euler-a, dpm++2m, dpm++2m-karras, dpm++2m-sde-karras.
const std::vector<std::string>& schedulerNames();

}  // namespace droste::diffusion

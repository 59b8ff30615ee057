#pragma once
// Channels-last (NHWC) memory format for a module's 4-D weights: oneDNN / cuDNN convolutions run
// faster on it on some machines; measure with droste-bench --channels-last before enabling.
// Include only from torch translation units.

#include <torch/nn/module.h>

namespace droste::diffusion {

inline void convertToChannelsLast(torch::nn::Module& module) {
  at::NoGradGuard noGrad;
  for (auto& p : module.parameters())
    if (p.dim() == 4 && !p.is_mkldnn()) p.set_data(p.contiguous(at::MemoryFormat::ChannelsLast));
}

}  // namespace droste::diffusion

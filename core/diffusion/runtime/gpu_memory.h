#pragma once
// What the CUDA caching allocator handed out: the benchmarks' VRAM peak (as torch.cuda.max_memory_allocated).

#include <c10/core/Device.h>

#include <optional>

namespace droste::diffusion {

// Peak bytes allocated on `device` since the last reset, in MiB; empty on the CPU or in a build without CUDA.
std::optional<double> cudaPeakAllocatedMb(c10::Device device);
void resetCudaPeak(c10::Device device);

}  // namespace droste::diffusion

#pragma once
// What the CUDA caching allocator handed out: the benchmarks' VRAM peak (as torch.cuda.max_memory_allocated),
// and a cap on it, so that the peak says what a smaller card needs.

#include <c10/core/Device.h>

#include <optional>

namespace droste::diffusion {

// Peak bytes allocated on `device` since the last reset, in MiB; empty on the CPU or in a build without CUDA.
std::optional<double> cudaPeakAllocatedMb(c10::Device device);
void resetCudaPeak(c10::Device device);

// Lets the caching allocator hand out at most `mb` MiB on `device` from now on (as
// torch.cuda.set_per_process_memory_fraction). Without a cap a large card lends what it has to spare: cuDNN's
// benchmark then picks algorithms with workspaces of many GiB, and the peak says nothing about a 24 GB card.
// Throws std::invalid_argument on the CPU, in a build without CUDA, or for more than the card has.
void capCudaMemory(c10::Device device, double mb);

}  // namespace droste::diffusion

#include "core/diffusion/runtime/gpu_memory.h"

#ifdef DROSTE_HAVE_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace droste::diffusion {

std::optional<double> cudaPeakAllocatedMb(c10::Device device) {
#ifdef DROSTE_HAVE_CUDA
  if (device.is_cuda()) {
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.has_index() ? device.index() : 0);
    return static_cast<double>(stats.allocated_bytes[static_cast<size_t>(c10::CachingAllocator::StatType::AGGREGATE)].peak) /
           1048576.0;
  }
#endif
  (void)device;
  return std::nullopt;
}

void resetCudaPeak(c10::Device device) {
#ifdef DROSTE_HAVE_CUDA
  if (device.is_cuda()) c10::cuda::CUDACachingAllocator::resetPeakStats(device.has_index() ? device.index() : 0);
#endif
  (void)device;
}

}  // namespace droste::diffusion

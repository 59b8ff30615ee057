#include "core/diffusion/runtime/gpu_memory.h"

#include <ATen/ATen.h>

#include <stdexcept>
#include <string>

#ifdef DROSTE_HAVE_CUDA
#include <ATen/cuda/CUDAContext.h>
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

void capCudaMemory(c10::Device device, double mb) {
  if (!(mb > 0)) throw std::invalid_argument("a VRAM cap must be a positive number of MiB");
#ifdef DROSTE_HAVE_CUDA
  if (device.is_cuda()) {
    const c10::DeviceIndex index = device.has_index() ? device.index() : 0;
    // The allocator exists once a tensor was made on the device (python's _lazy_init does the same).
    (void)at::empty({1}, at::TensorOptions().device(c10::Device(c10::kCUDA, index)));
    const double totalMb = static_cast<double>(at::cuda::getDeviceProperties(index)->totalGlobalMem) / 1048576.0;
    if (mb > totalMb)
      throw std::invalid_argument("a VRAM cap of " + std::to_string(static_cast<long long>(mb)) + " MiB is more than the " +
                                  std::to_string(static_cast<long long>(totalMb)) + " MiB this GPU has");
    c10::cuda::CUDACachingAllocator::setMemoryFraction(mb / totalMb, index);
    return;
  }
#endif
  (void)device;
  throw std::invalid_argument("a VRAM cap needs a CUDA device (this run is on the CPU, or the build has no CUDA)");
}

}  // namespace droste::diffusion

// The VRAM cap of the benchmarks (core/diffusion/runtime/gpu_memory): what it refuses, and that the
// benchmarks take it as an option and refuse it, before building anything, where there is no CUDA device.
// (That the cap holds on a GPU is checked by tools/device/gpu_summary.py: every peak within its cap.)
#include "core/diffusion/runtime/gpu_memory.h"
#include "core/diffusion/testing/benchmark.h"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace {

using namespace droste::diffusion;

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

TEST(GpuMemory, ACapNeedsACudaDeviceAndAPositiveSize) {
  const c10::Device cpu(c10::kCPU);
  EXPECT_FALSE(cudaPeakAllocatedMb(cpu));
  EXPECT_NE(messageOf([&] { capCudaMemory(cpu, 24576); }).find("needs a CUDA device"), std::string::npos);
  EXPECT_NE(messageOf([&] { capCudaMemory(cpu, 0); }).find("positive"), std::string::npos);
  EXPECT_NE(messageOf([&] { capCudaMemory(c10::Device(c10::kCUDA, 0), -5); }).find("positive"), std::string::npos);
}

TEST(GpuMemory, TheBenchmarkTakesACapAndRefusesItOnTheCpu) {
  BenchmarkOptions options = parseBenchmarkArgs({"--device", "cpu", "--only", "unet", "--size", "64", "--vram-cap-mb", "24576"});
  ASSERT_TRUE(options.vramCapMb);
  EXPECT_EQ(*options.vramCapMb, 24576.0);
  EXPECT_FALSE(parseBenchmarkArgs({}).vramCapMb);
  EXPECT_THROW(parseBenchmarkArgs({"--vram-cap-mb", "lots"}), std::invalid_argument);
  EXPECT_NE(messageOf([&] { runBenchmark(options); }).find("needs a CUDA device"), std::string::npos);
}

}  // namespace

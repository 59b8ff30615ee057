// CPU capability and precision choice (core/diffusion/runtime): what cpuid says against what the kernel
// says, limiting the capability, and what `auto` picks, refuses and offers on each kind of CPU - the
// decisions for CPUs this machine is not are tested on synthetic capabilities.
#include "core/diffusion/runtime/cpu_capability.h"
#include "core/diffusion/runtime/precision.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>

namespace {

using namespace droste::diffusion;

CpuCapability full() { return {true, true, true, true}; }
CpuCapability avx512NoBf16() { return {true, true, false, false}; }
CpuCapability avx2Only() { return {true, false, false, false}; }

std::set<std::string> kernelCpuFlags() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream words(line.substr(line.find(':') + 1));
    return {std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
  }
  return {};
}

TEST(CpuCapability, CpuidAgreesWithTheKernel) {
  const std::set<std::string> flags = kernelCpuFlags();
  if (flags.empty()) GTEST_SKIP() << "no /proc/cpuinfo flags line on this system";
  const CpuCapability c = detectedCpuCapability();
  EXPECT_EQ(c.avx2, flags.count("avx2") == 1);
  EXPECT_EQ(c.avx512, flags.count("avx512f") && flags.count("avx512bw") && flags.count("avx512vl") && flags.count("avx512dq"));
  EXPECT_EQ(c.avx512Bf16, c.avx512 && flags.count("avx512_bf16") == 1);
  EXPECT_EQ(c.amxBf16, flags.count("amx_bf16") && flags.count("amx_tile"));
}

TEST(CpuCapability, LimitsRemoveAndNeverAdd) {
  EXPECT_EQ(*limitCpuCapability(full(), "amx"), full());
  EXPECT_EQ(*limitCpuCapability(full(), "avx512_bf16"), (CpuCapability{true, true, true, false}));
  EXPECT_EQ(*limitCpuCapability(full(), "avx512"), avx512NoBf16());
  EXPECT_EQ(*limitCpuCapability(full(), "avx2"), avx2Only());
  EXPECT_EQ(*limitCpuCapability(full(), "baseline"), CpuCapability{});
  EXPECT_EQ(*limitCpuCapability(avx2Only(), "amx"), avx2Only());
  EXPECT_FALSE(limitCpuCapability(full(), "avx1024").has_value());
}

TEST(CpuCapability, ScopedLimitAppliesAndRestores) {
  const CpuCapability before = cpuCapability();
  {
    const ScopedCpuCapabilityLimit limit("avx2");
    EXPECT_FALSE(cpuCapability().avx512);
    EXPECT_FALSE(cpuCapability().nativeBf16());
    EXPECT_EQ(cpuCapability().avx2, before.avx2);
    {
      const ScopedCpuCapabilityLimit none("baseline");
      EXPECT_FALSE(cpuCapability().avx2);
    }
    EXPECT_EQ(cpuCapability().avx2, before.avx2);
  }
  EXPECT_EQ(cpuCapability(), before);
  EXPECT_THROW(ScopedCpuCapabilityLimit("fast"), std::invalid_argument);
}

TEST(CpuCapability, DescribesWhatMatters) {
  EXPECT_EQ(avx2Only().describe(), "AVX2 (no AVX-512)");
  EXPECT_EQ(avx512NoBf16().describe(), "AVX-512 (no AVX512-BF16)");
  EXPECT_EQ(full().describe(), "AVX-512 with AVX512-BF16, AMX-BF16");
}

TEST(Precision, NamesRoundTripAndUnknownNamesSayTheChoices) {
  for (Precision p : {Precision::Auto, Precision::Fp32, Precision::Fp16, Precision::Bf16})
    EXPECT_EQ(parsePrecision(precisionName(p)), p);
  for (DeviceKind d : {DeviceKind::Auto, DeviceKind::Cpu, DeviceKind::Cuda}) EXPECT_EQ(parseDeviceKind(deviceKindName(d)), d);
  EXPECT_EQ(parsePrecision(""), Precision::Auto);
  EXPECT_EQ(parseDeviceKind(""), DeviceKind::Auto);
  try {
    parsePrecision("fp8");
    FAIL() << "fp8 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("auto, fp32, fp16 or bf16"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parseDeviceKind("gpu"), std::invalid_argument);
}

TEST(Precision, AutoFollowsTheHardware) {
  EXPECT_EQ(resolvePrecision(Precision::Auto, true, avx2Only()).precision, Precision::Fp16);
  EXPECT_EQ(resolvePrecision(Precision::Auto, false, full()).precision, Precision::Bf16);
  EXPECT_EQ(resolvePrecision(Precision::Auto, false, CpuCapability{true, false, false, true}).precision, Precision::Bf16);  // AMX
  EXPECT_EQ(resolvePrecision(Precision::Auto, false, avx512NoBf16()).precision, Precision::Fp32);
  EXPECT_EQ(resolvePrecision(Precision::Auto, false, avx2Only()).precision, Precision::Fp32);
  EXPECT_EQ(resolvePrecision(Precision::Fp32, true, full()).precision, Precision::Fp32);  // asked for: kept
  EXPECT_NE(resolvePrecision(Precision::Auto, false, avx2Only()).reason.find("no native bf16"), std::string::npos);
}

TEST(Precision, WhatDoesNotRunHereIsRefusedWithTheWayOut) {
  const std::string bf16OnAvx2 = precisionProblem(Precision::Bf16, false, avx2Only());
  EXPECT_NE(bf16OnAvx2.find("AVX-512"), std::string::npos) << bf16OnAvx2;
  EXPECT_NE(bf16OnAvx2.find("choose fp32"), std::string::npos) << bf16OnAvx2;
  EXPECT_EQ(precisionProblem(Precision::Bf16, false, avx512NoBf16()), "");  // runs (oneDNN emulates), not faster
  EXPECT_EQ(precisionProblem(Precision::Bf16, true, avx2Only()), "");
  const std::string fp16OnCpu = precisionProblem(Precision::Fp16, false, full());
  EXPECT_NE(fp16OnCpu.find("GPU"), std::string::npos) << fp16OnCpu;
  EXPECT_NE(fp16OnCpu.find("bf16"), std::string::npos) << fp16OnCpu;
  EXPECT_EQ(precisionProblem(Precision::Fp16, false, avx2Only()).find("bf16"), std::string::npos);
  EXPECT_EQ(precisionProblem(Precision::Fp32, false, CpuCapability{}), "");
}

TEST(Precision, OnlyUsablePrecisionsAreOffered) {
  using V = std::vector<Precision>;
  EXPECT_EQ(usablePrecisions(false, avx2Only()), (V{Precision::Auto, Precision::Fp32}));
  EXPECT_EQ(usablePrecisions(false, full()), (V{Precision::Auto, Precision::Fp32, Precision::Bf16}));
  EXPECT_EQ(usablePrecisions(true, avx2Only()), (V{Precision::Auto, Precision::Fp32, Precision::Bf16, Precision::Fp16}));
}

}  // namespace

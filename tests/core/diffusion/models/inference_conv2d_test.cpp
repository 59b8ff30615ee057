// InferenceConv2d: a packed (oneDNN-blocked) weight, and large inputs run in bands of rows, give the
// plain libtorch convolution's values - at the picture's top and bottom rows too, in both memory formats.
#include "core/diffusion/models/inference_conv2d.h"
#include "core/diffusion/runtime/cpu_capability.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

namespace {

using droste::diffusion::InferenceConv2d;
using droste::diffusion::InferenceConv2dImpl;

struct Pair {
  InferenceConv2d plain{nullptr}, packed{nullptr};
};

// Two convolutions with the same random weights; the second packed for the CPU.
Pair makePair(const torch::nn::Conv2dOptions& options, at::ScalarType dtype) {
  Pair p{InferenceConv2d(options), InferenceConv2d(options)};
  p.plain->to(dtype);
  p.packed->to(dtype);
  {
    at::NoGradGuard noGrad;
    p.packed->weight.copy_(p.plain->weight);
    p.packed->bias.copy_(p.plain->bias);
  }
  EXPECT_TRUE(p.packed->packForCpu());
  return p;
}

double maxDiff(const at::Tensor& a, const at::Tensor& b) { return (a.to(at::kFloat) - b.to(at::kFloat)).abs().max().item<double>(); }

struct Case {
  const char* name;
  int64_t in, out, kernel, stride, padding, side;
  bool channelsLast;
  at::ScalarType dtype;
};

class InferenceConv2dMatchesPlain : public testing::TestWithParam<Case> {};

TEST_P(InferenceConv2dMatchesPlain, SameValues) {
  c10::InferenceMode guard;
  const Case c = GetParam();
  if (c.dtype == at::kBFloat16 && !droste::diffusion::cpuCapability().avx512)
    GTEST_SKIP() << "the packed bf16 path needs AVX-512; this CPU has " << droste::diffusion::cpuCapability().describe()
                 << " (Bf16IsNotPackedWithoutAvx512 covers it)";
  at::manual_seed(3);
  Pair p = makePair(torch::nn::Conv2dOptions(c.in, c.out, c.kernel).stride(c.stride).padding(c.padding), c.dtype);
  at::Tensor x = at::randn({1, c.in, c.side, c.side + 3}).to(c.dtype);
  if (c.channelsLast) x = x.contiguous(at::MemoryFormat::ChannelsLast);
  const at::Tensor expected = p.plain(x);
  const at::Tensor got = p.packed(x);
  ASSERT_EQ(got.sizes(), expected.sizes());
  EXPECT_LE(maxDiff(got, expected), c.dtype == at::kFloat ? 1e-5 : 1e-2) << c.name;
}

// Sides of 260 rows make inputs above the 16 MB banding threshold (and bands that do not divide them).
INSTANTIATE_TEST_SUITE_P(
    Shapes, InferenceConv2dMatchesPlain,
    testing::Values(Case{"small_3x3", 8, 16, 3, 1, 1, 9, false, at::kFloat},
                    Case{"small_stride2_unpadded", 8, 16, 3, 2, 0, 9, false, at::kFloat},
                    Case{"banded_3x3", 64, 32, 3, 1, 1, 260, false, at::kFloat},
                    Case{"banded_3x3_channels_last", 64, 32, 3, 1, 1, 260, true, at::kFloat},
                    Case{"banded_1x1", 64, 32, 1, 1, 0, 260, false, at::kFloat},
                    Case{"banded_3x3_bf16", 128, 16, 3, 1, 1, 260, false, at::kBFloat16}),
    [](const testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(InferenceConv2d, UpsampledConvolutionEqualsUpsampleThenConvolve) {
  c10::InferenceMode guard;
  at::manual_seed(4);
  Pair p = makePair(torch::nn::Conv2dOptions(64, 32, 3).padding(1), at::kFloat);
  for (int64_t side : {5, 131}) {  // 131 rows upsampled: 16.9 MB, run in bands with odd source rows
    const at::Tensor x = at::randn({1, 64, side, side + 1});
    const at::Tensor expected = p.plain(droste::diffusion::upsampleNearest(x, {side * 2, (side + 1) * 2}));
    const at::Tensor got = p.packed->forwardUpsampled2x(x);
    ASSERT_EQ(got.sizes(), expected.sizes());
    EXPECT_LE(maxDiff(got, expected), 1e-5) << "side " << side;
  }
}

// The VAE's norm -> SiLU -> conv with the norm applied band by band (statistics from the whole input) against
// libtorch's group_norm, SiLU and the plain convolution: above the banding threshold in both memory formats
// and bf16, and below it (the plain chain).
TEST(InferenceConv2d, GroupNormSiluThenConvolutionEqualsTheChain) {
  c10::InferenceMode guard;
  at::manual_seed(5);
  struct Shape {
    int64_t side;
    bool channelsLast;
    at::ScalarType dtype;
  };
  for (const Shape s : {Shape{9, false, at::kFloat}, Shape{260, false, at::kFloat}, Shape{260, true, at::kFloat},
                        Shape{260, false, at::kBFloat16}}) {
    if (s.dtype == at::kBFloat16 && !droste::diffusion::cpuCapability().avx512) continue;  // not packed there
    Pair p = makePair(torch::nn::Conv2dOptions(64, 32, 3).padding(1), s.dtype);
    torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(32, 64).eps(1e-6));
    {
      at::NoGradGuard noGrad;
      norm->weight.uniform_(0.5, 1.5);
      norm->bias.uniform_(-0.5, 0.5);
    }
    norm->to(s.dtype);
    // An offset and a spread per channel, so that the statistics matter.
    at::Tensor x = (at::randn({1, 64, s.side, s.side + 3}) * 3 + at::linspace(-2, 2, 64).view({1, 64, 1, 1})).to(s.dtype);
    if (s.channelsLast) x = x.contiguous(at::MemoryFormat::ChannelsLast);
    const at::Tensor normalized = at::silu(at::group_norm(x.to(at::kFloat), 32, norm->weight.to(at::kFloat),
                                                          norm->bias.to(at::kFloat), 1e-6)).to(s.dtype);
    const at::Tensor expected = p.plain(normalized);
    const at::Tensor got = p.packed->forwardAfterGroupNormSilu(x, norm);
    ASSERT_EQ(got.sizes(), expected.sizes());
    EXPECT_LE(maxDiff(got, expected), s.dtype == at::kFloat ? 2e-5 : 5e-2)
        << "side " << s.side << (s.channelsLast ? " channels-last" : "") << " " << c10::toString(s.dtype);
  }
}

TEST(InferenceConv2d, PackingReplacesTheWeightParameter) {
  c10::InferenceMode guard;
  InferenceConv2d conv(torch::nn::Conv2dOptions(4, 4, 3).padding(1));
  EXPECT_FALSE(conv->packed());
  ASSERT_TRUE(conv->packForCpu());
  EXPECT_TRUE(conv->packed());
  // The registered parameter is the blocked copy too, so the plain weight's memory is gone.
  EXPECT_TRUE(conv->named_parameters()["weight"].is_mkldnn());
  torch::nn::ModuleList tree(InferenceConv2d(torch::nn::Conv2dOptions(2, 2, 1)), InferenceConv2d(torch::nn::Conv2dOptions(2, 2, 1)));
  EXPECT_EQ(droste::diffusion::packConvolutionsForCpu(*tree), 2);
}

// On a CPU without AVX-512 libtorch's bf16 weight reorder throws: bf16 convolutions stay plain there (the
// engine refuses bf16 on such CPUs before loading anyway), fp32 ones are packed as everywhere.
TEST(InferenceConv2d, Bf16IsNotPackedWithoutAvx512) {
  c10::InferenceMode guard;
  const droste::diffusion::ScopedCpuCapabilityLimit avx2("avx2");
  InferenceConv2d bf16(torch::nn::Conv2dOptions(4, 4, 3).padding(1));
  bf16->to(at::kBFloat16);
  EXPECT_FALSE(bf16->packForCpu());
  EXPECT_FALSE(bf16->packed());
  InferenceConv2d fp32(torch::nn::Conv2dOptions(4, 4, 3).padding(1));
  EXPECT_TRUE(fp32->packForCpu());
}

}  // namespace

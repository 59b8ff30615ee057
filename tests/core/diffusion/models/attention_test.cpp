// The attention kernels against softmax(q k^T / sqrt(d)) v computed in float64: the chunked kernel
// for every way it can cut the work (whole heads, heads with a remainder, query rows, single rows).
#include "core/diffusion/models/attention.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace {

using namespace droste::diffusion;

struct KernelScope {  // restores the process-wide defaults whatever a test sets
  ~KernelScope() {
    setAttentionKernel(AttentionKernel::Auto);
    setAttentionSliceBytes(0);
  }
};

at::Tensor referenceAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
  const at::Tensor q64 = q.to(at::kDouble), k64 = k.to(at::kDouble), v64 = v.to(at::kDouble);
  const at::Tensor scores = at::matmul(q64, k64.transpose(-1, -2)) / std::sqrt(static_cast<double>(q.size(-1)));
  return at::matmul(at::softmax(scores, -1), v64);
}

struct Inputs {
  at::Tensor q, k, v;
};

// [B=2, H=3, Nq=37, d=8] queries against Nk=29 keys: odd sizes so every slicing leaves a remainder.
Inputs randomInputs(at::ScalarType dtype = at::kFloat) {
  at::manual_seed(11);
  return {at::randn({2, 3, 37, 8}).to(dtype), at::randn({2, 3, 29, 8}).to(dtype), at::randn({2, 3, 29, 8}).to(dtype)};
}

double maxError(const at::Tensor& out, const at::Tensor& expected) {
  return (out.to(at::kDouble) - expected).abs().max().item<double>();
}

TEST(Attention, ChunkedMatchesReferenceForEverySlicing) {
  c10::InferenceMode guard;
  KernelScope restore;
  const Inputs in = randomInputs();
  const at::Tensor expected = referenceAttention(in.q, in.k, in.v);
  const int64_t row = 29 * 4;  // one query row of one head's scores, float32
  // all 6 heads at once | 4 heads + 2 | 10 query rows of one head | a single row | below one row
  for (int64_t budget : {int64_t{1} << 30, 4 * 37 * row, 10 * row, row, int64_t{1}}) {
    setAttentionKernel(AttentionKernel::Chunked);
    setAttentionSliceBytes(budget);
    const at::Tensor out = dotProductAttention(in.q, in.k, in.v);
    ASSERT_EQ(out.sizes(), in.q.sizes());
    EXPECT_LE(maxError(out, expected), 1e-5) << "slice budget " << budget;
  }
}

TEST(Attention, EveryKernelGivesTheSameResult) {
  c10::InferenceMode guard;
  KernelScope restore;
  const Inputs in = randomInputs();
  const at::Tensor expected = referenceAttention(in.q, in.k, in.v);
  setAttentionSliceBytes(100);  // where Auto slices (1.13; bf16 on 2.x) it must chunk these (6*37*29*4 bytes)
  for (AttentionKernel kernel : {AttentionKernel::Auto, AttentionKernel::Fused, AttentionKernel::Chunked}) {
    setAttentionKernel(kernel);
    EXPECT_LE(maxError(dotProductAttention(in.q, in.k, in.v), expected), 1e-5) << attentionKernelName(kernel);
  }
}

TEST(Attention, UpcastComputesBf16InputsInFloat) {
  c10::InferenceMode guard;
  KernelScope restore;
  const Inputs in = randomInputs(at::kBFloat16);
  const at::Tensor expected = referenceAttention(in.q, in.k, in.v);
  setAttentionKernel(AttentionKernel::Chunked);
  setAttentionSliceBytes(10 * 29 * 4);
  const at::Tensor out = dotProductAttention(in.q, in.k, in.v, /*upcast=*/true);
  EXPECT_EQ(out.scalar_type(), at::kBFloat16);
  EXPECT_LE(maxError(out, expected), 2e-2);  // bf16 output rounding: 8 bits of mantissa
}

TEST(Attention, KernelNamesRoundTripAndUnknownNamesAreRefused) {
  for (AttentionKernel kernel : {AttentionKernel::Auto, AttentionKernel::Fused, AttentionKernel::Chunked})
    EXPECT_EQ(parseAttentionKernel(attentionKernelName(kernel)), kernel);
  EXPECT_THROW(parseAttentionKernel("flash"), std::invalid_argument);
  EXPECT_THROW(setAttentionSliceBytes(-1), std::invalid_argument);
  EXPECT_EQ(attentionSliceBytes(/*cpu=*/true), kCpuAttentionSliceBytes);
  EXPECT_EQ(attentionSliceBytes(/*cpu=*/false), kGpuAttentionSliceBytes);
}

}  // namespace

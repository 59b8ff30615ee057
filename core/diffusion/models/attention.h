#pragma once
// Attention pieces of the UNet's transformer blocks (diffusers attention_processor.py,
// attention.py, transformers/transformer_2d.py) and the attention kernel used by the VAE too.

#include "core/diffusion/models/inference_conv2d.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include <string>

namespace droste::diffusion {

// How softmax(q k^T * scale) v is computed.
enum class AttentionKernel {
  Auto,     // Fused where it measured faster (CUDA on 2.x, CPU fp32 on 2.3+) or the scores fit one slice, else Chunked
  Fused,    // the libtorch fused op (at::scaled_dot_product_attention on 2.x, the private one on 1.13)
  Chunked,  // slices of (batch x head, query) rows, so no score matrix exceeds attentionSliceBytes()
};
void setAttentionKernel(AttentionKernel kernel);  // process-wide; default Auto
AttentionKernel attentionKernel();
// "auto" | "fused" | "chunked" (command-line spelling); parse throws std::invalid_argument naming the choices.
AttentionKernel parseAttentionKernel(const std::string& name);
std::string attentionKernelName(AttentionKernel kernel);

// Budget of one slice of scores in the chunked kernel (its softmax needs as much again). On the CPU
// a slice small enough to stay in the core's cache makes attention several times faster than the
// whole matrix (1.13's fused op materialises every score: 670 MB in fp32 for SD's 4096-token layers
// at 512 px, CFG batch 2, bound by memory bandwidth); on a GPU small slices would cost kernel
// launches, so there the budget only bounds memory.
inline constexpr int64_t kCpuAttentionSliceBytes = 1ll << 20;
inline constexpr int64_t kGpuAttentionSliceBytes = 256ll << 20;
void setAttentionSliceBytes(int64_t bytes);  // process-wide, every device; 0 = the per-device defaults above
int64_t attentionSliceBytes(bool cpu);

// q [B,H,Nq,d], k/v [B,H,Nk,d] -> [B,H,Nq,d]; scale = d^-0.5. upcast: compute in float32
// (SD2.1-768's upcast_attention) and return in q's dtype.
at::Tensor dotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, bool upcast = false);

// Multi-head attention with to_q/to_k/to_v (no bias in the UNet) and to_out.0 (bias).
class AttentionImpl : public torch::nn::Module {
 public:
  // crossDim 0 = self-attention.
  AttentionImpl(int64_t queryDim, int64_t crossDim, int64_t heads, int64_t headDim, bool upcast);
  at::Tensor forward(const at::Tensor& x, const at::Tensor& context = {});  // x [B,N,C], context [B,M,D] -> [B,N,C]

 private:
  int64_t heads_;
  bool upcast_;
  torch::nn::Linear toQ_{nullptr}, toK_{nullptr}, toV_{nullptr}, toOut_{nullptr};
};
TORCH_MODULE(Attention);

// GEGLU feed-forward: net.0.proj (C -> 8C) split into hidden|gate, hidden * gelu(gate), net.2 (4C -> C).
class FeedForwardImpl : public torch::nn::Module {
 public:
  explicit FeedForwardImpl(int64_t dim);
  at::Tensor forward(const at::Tensor& x);

 private:
  torch::nn::Linear proj_{nullptr}, out_{nullptr};
};
TORCH_MODULE(FeedForward);

// LayerNorm -> self-attention, LayerNorm -> cross-attention to the text, LayerNorm -> feed-forward.
class BasicTransformerBlockImpl : public torch::nn::Module {
 public:
  BasicTransformerBlockImpl(int64_t dim, int64_t heads, int64_t headDim, int64_t crossDim, bool upcast);
  at::Tensor forward(const at::Tensor& x, const at::Tensor& context);  // x [B,N,C], context [B,77,D]

 private:
  torch::nn::LayerNorm norm1_{nullptr}, norm2_{nullptr}, norm3_{nullptr};
  Attention attn1_{nullptr}, attn2_{nullptr};
  FeedForward ff_{nullptr};
};
TORCH_MODULE(BasicTransformerBlock);

struct Transformer2DOptions {
  int64_t channels = 0;
  int64_t heads = 1;
  int64_t crossDim = 0;
  int64_t groups = 32;
  int64_t layers = 1;
  bool linearProjection = false;  // use_linear_projection: Linear proj_in/out, else 1x1 conv
  bool upcastAttention = false;
};

// GroupNorm (eps 1e-6) -> proj_in -> transformer blocks over the H*W tokens -> proj_out, + input.
class Transformer2DModelImpl : public torch::nn::Module {
 public:
  explicit Transformer2DModelImpl(const Transformer2DOptions& options);
  at::Tensor forward(const at::Tensor& x, const at::Tensor& context);  // x [B,C,H,W] -> [B,C,H,W]

 private:
  Transformer2DOptions options_;
  torch::nn::GroupNorm norm_{nullptr};
  torch::nn::Linear projInLinear_{nullptr}, projOutLinear_{nullptr};
  InferenceConv2d projInConv_{nullptr}, projOutConv_{nullptr};
  std::vector<BasicTransformerBlock> blocks_;
};
TORCH_MODULE(Transformer2DModel);

}  // namespace droste::diffusion

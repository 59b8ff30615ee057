#include "core/diffusion/attention.h"

#include <torch/nn/modules/dropout.h>
#include <torch/version.h>

#include <algorithm>
#include <atomic>
#include <cmath>

#if TORCH_VERSION_MAJOR < 2
#include <ATen/ops/_scaled_dot_product_attention.h>
#endif

namespace droste::diffusion {
namespace {

std::atomic<AttentionKernel> gKernel{AttentionKernel::Fused};

// Upper bound for one slice of the score matrix in the chunked kernel.
constexpr int64_t kChunkScoreBytes = 256ll << 20;

at::Tensor fusedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
#if TORCH_VERSION_MAJOR >= 2
  return at::scaled_dot_product_attention(q, k, v);
#else
  // 1.13: the private op (CPU fp32/bf16, CUDA); its first result is the attention output.
  return std::get<0>(at::_scaled_dot_product_attention(q, k, v));
#endif
}

at::Tensor chunkedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
  const int64_t b = q.size(0), h = q.size(1), nq = q.size(2), d = q.size(3), nk = k.size(2);
  const double scale = 1.0 / std::sqrt(static_cast<double>(d));
  const at::Tensor q3 = q.reshape({b * h, nq, d});
  const at::Tensor kT = k.reshape({b * h, nk, d}).transpose(1, 2);
  const at::Tensor v3 = v.reshape({b * h, nk, d});
  const int64_t rowBytes = b * h * nk * static_cast<int64_t>(q.element_size());
  const int64_t chunk = std::clamp<int64_t>(kChunkScoreBytes / std::max<int64_t>(rowBytes, 1), 1, nq);
  at::Tensor out = at::empty({b * h, nq, d}, q.options());
  for (int64_t start = 0; start < nq; start += chunk) {
    const int64_t n = std::min(chunk, nq - start);
    // bmm + scale rather than baddbmm(empty, beta=0): on 1.13 CPU the latter can leak NaNs.
    at::Tensor scores = at::bmm(q3.narrow(1, start, n), kT).mul_(scale);  // [BH,n,Nk]
    at::Tensor probs = at::softmax(scores, -1);
    out.narrow(1, start, n).copy_(at::bmm(probs, v3));
  }
  return out.view({b, h, nq, d});
}

}  // namespace

void setAttentionKernel(AttentionKernel kernel) { gKernel = kernel; }
AttentionKernel attentionKernel() { return gKernel; }

at::Tensor dotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, bool upcast) {
  if (upcast && q.scalar_type() != at::kFloat) {
    return dotProductAttention(q.to(at::kFloat), k.to(at::kFloat), v.to(at::kFloat), false).to(q.scalar_type());
  }
  return gKernel == AttentionKernel::Fused ? fusedAttention(q, k, v) : chunkedAttention(q, k, v);
}

AttentionImpl::AttentionImpl(int64_t queryDim, int64_t crossDim, int64_t heads, int64_t headDim, bool upcast)
    : heads_(heads), upcast_(upcast) {
  const int64_t inner = heads * headDim;
  const int64_t contextDim = crossDim > 0 ? crossDim : queryDim;
  toQ_ = register_module("to_q", torch::nn::Linear(torch::nn::LinearOptions(queryDim, inner).bias(false)));
  toK_ = register_module("to_k", torch::nn::Linear(torch::nn::LinearOptions(contextDim, inner).bias(false)));
  toV_ = register_module("to_v", torch::nn::Linear(torch::nn::LinearOptions(contextDim, inner).bias(false)));
  toOut_ = torch::nn::Linear(inner, queryDim);
  register_module("to_out", torch::nn::ModuleList(toOut_));  // "to_out.0" (to_out.1 is a dropout)
}

at::Tensor AttentionImpl::forward(const at::Tensor& x, const at::Tensor& context) {
  const at::Tensor& ctx = context.defined() ? context : x;
  const int64_t b = x.size(0), n = x.size(1);
  auto heads = [&](const at::Tensor& t) { return t.view({b, t.size(1), heads_, -1}).transpose(1, 2); };
  at::Tensor out = dotProductAttention(heads(toQ_(x)), heads(toK_(ctx)), heads(toV_(ctx)), upcast_);  // [B,H,N,d]
  return toOut_(out.transpose(1, 2).reshape({b, n, -1}));
}

namespace {
// Holder of net.0.proj, so the parameter names match diffusers' GEGLU module.
struct GegluImpl : torch::nn::Module {
  GegluImpl(int64_t dim, int64_t inner) { proj = register_module("proj", torch::nn::Linear(dim, inner * 2)); }
  torch::nn::Linear proj{nullptr};
};
TORCH_MODULE(Geglu);
}  // namespace

FeedForwardImpl::FeedForwardImpl(int64_t dim) {
  const int64_t inner = dim * 4;
  Geglu geglu(dim, inner);
  proj_ = geglu->proj;
  out_ = torch::nn::Linear(inner, dim);
  register_module("net", torch::nn::ModuleList(geglu, torch::nn::Dropout(0.0), out_));
}

at::Tensor FeedForwardImpl::forward(const at::Tensor& x) {
  const auto parts = proj_(x).chunk(2, -1);  // hidden | gate
  return out_(parts[0] * at::gelu(parts[1]));
}

BasicTransformerBlockImpl::BasicTransformerBlockImpl(int64_t dim, int64_t heads, int64_t headDim, int64_t crossDim,
                                                     bool upcast) {
  auto layerNorm = [&] { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)); };
  norm1_ = register_module("norm1", layerNorm());
  attn1_ = register_module("attn1", Attention(dim, 0, heads, headDim, upcast));
  norm2_ = register_module("norm2", layerNorm());
  attn2_ = register_module("attn2", Attention(dim, crossDim, heads, headDim, upcast));
  norm3_ = register_module("norm3", layerNorm());
  ff_ = register_module("ff", FeedForward(dim));
}

at::Tensor BasicTransformerBlockImpl::forward(const at::Tensor& x, const at::Tensor& context) {
  at::Tensor h = attn1_(norm1_(x)).add_(x);
  h = attn2_(norm2_(h), context).add_(h);
  return ff_(norm3_(h)).add_(h);
}

Transformer2DModelImpl::Transformer2DModelImpl(const Transformer2DOptions& options) : options_(options) {
  const int64_t c = options.channels;
  norm_ = register_module("norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(options.groups, c).eps(1e-6)));
  if (options.linearProjection) {
    projInLinear_ = register_module("proj_in", torch::nn::Linear(c, c));
  } else {
    projInConv_ = register_module("proj_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(c, c, 1)));
  }
  torch::nn::ModuleList list;
  for (int64_t i = 0; i < options.layers; ++i) {
    blocks_.emplace_back(c, options.heads, c / options.heads, options.crossDim, options.upcastAttention);
    list->push_back(blocks_.back());
  }
  register_module("transformer_blocks", list);
  if (options.linearProjection) {
    projOutLinear_ = register_module("proj_out", torch::nn::Linear(c, c));
  } else {
    projOutConv_ = register_module("proj_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(c, c, 1)));
  }
}

at::Tensor Transformer2DModelImpl::forward(const at::Tensor& x, const at::Tensor& context) {
  const int64_t b = x.size(0), c = x.size(1), hgt = x.size(2), wid = x.size(3);
  at::Tensor h = norm_(x);
  // [B,C,H,W] <-> [B,H*W,C] tokens; the 1x1 conv projections work on the image layout.
  if (projInConv_) h = projInConv_(h);
  h = h.permute({0, 2, 3, 1}).reshape({b, hgt * wid, c});
  if (projInLinear_) h = projInLinear_(h);
  for (auto& block : blocks_) h = block(h, context);
  if (projOutLinear_) h = projOutLinear_(h);
  h = h.view({b, hgt, wid, c}).permute({0, 3, 1, 2});
  if (projOutConv_) h = projOutConv_(h.contiguous());
  return h.add(x);
}

}  // namespace droste::diffusion

#include "core/diffusion/models/attention.h"

#include "core/diffusion/models/normalization.h"

#include <torch/nn/modules/dropout.h>
#include <torch/version.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

#if TORCH_VERSION_MAJOR < 2
#include <ATen/ops/_scaled_dot_product_attention.h>
#endif

namespace droste::diffusion {
namespace {

std::atomic<AttentionKernel> gKernel{AttentionKernel::Auto};
std::atomic<int64_t> gSliceBytes{0};  // 0 = per-device default

at::Tensor fusedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
#if TORCH_VERSION_MAJOR >= 2
  return at::scaled_dot_product_attention(q, k, v);
#else
  // 1.13: the private op (CPU fp32/bf16, CUDA); its first result is the attention output.
  return std::get<0>(at::_scaled_dot_product_attention(q, k, v));
#endif
}

// Whether the fused op is the better kernel for large score matrices on q's device and dtype, as measured:
// on CUDA from libtorch 2.0 (flash / memory-efficient kernels); on the CPU from 2.3 (flash kernel, memory
// bounded) in fp32 only. SD2 inpainting UNet step, 512 px, CFG batch 2, 2 threads, libtorch 2.11, pairs
// run alternately: fp32 fused 10.9/11.3/13.5/12.4 s vs sliced 11.4/13.4/13.8/12.5 s; bf16 fused
// 6.9/7.0/7.1 s vs sliced 6.2/6.4/5.6 s. On 1.13 the fused op materialises every score: never.
bool fusedPreferredForLargeScores([[maybe_unused]] const at::Tensor& q) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
  return q.is_cuda() || q.scalar_type() == at::kFloat;
#elif TORCH_VERSION_MAJOR == 2
  return q.is_cuda();
#else
  return false;
#endif
}

at::Tensor chunkedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, int64_t sliceBytes) {
  const int64_t bh = q.size(0) * q.size(1), nq = q.size(2), d = q.size(3), nk = k.size(2);
  const double scale = 1.0 / std::sqrt(static_cast<double>(d));
  const at::Tensor q3 = q.reshape({bh, nq, d});
  const at::Tensor kT = k.reshape({bh, nk, d}).transpose(1, 2);
  const at::Tensor v3 = v.reshape({bh, nk, d});
  // A slice is whole heads when one or more fit the budget (fewer, larger matmuls), else query rows of one head.
  const int64_t rowsPerSlice = std::max<int64_t>(sliceBytes / (nk * static_cast<int64_t>(q.element_size())), 1);
  const int64_t headsPerSlice = std::clamp<int64_t>(rowsPerSlice / nq, 1, bh);
  const int64_t queryRows = std::min(rowsPerSlice, nq);
  at::Tensor out = at::empty({bh, nq, d}, q.options());
  for (int64_t head = 0; head < bh; head += headsPerSlice) {
    const int64_t heads = std::min(headsPerSlice, bh - head);
    const at::Tensor kTs = kT.narrow(0, head, heads), vs = v3.narrow(0, head, heads);
    for (int64_t row = 0; row < nq; row += queryRows) {
      const int64_t rows = std::min(queryRows, nq - row);
      // bmm + scale rather than baddbmm(empty, beta=0): on 1.13 CPU the latter can leak NaNs.
      at::Tensor scores = at::bmm(q3.narrow(0, head, heads).narrow(1, row, rows), kTs).mul_(scale);
      const at::Tensor probs = at::softmax(scores, -1);
      scores.reset();  // give the slice back before the next matmul allocates
      out.narrow(0, head, heads).narrow(1, row, rows).copy_(at::bmm(probs, vs));
    }
  }
  return out.view(q.sizes());
}

bool useChunked(const at::Tensor& q, const at::Tensor& k) {
  switch (gKernel.load()) {
    case AttentionKernel::Fused: return false;
    case AttentionKernel::Chunked: return true;
    case AttentionKernel::Auto: break;
  }
  if (fusedPreferredForLargeScores(q)) return false;
  const int64_t scoreBytes = q.size(0) * q.size(1) * q.size(2) * k.size(2) * static_cast<int64_t>(q.element_size());
  return scoreBytes > attentionSliceBytes(q.is_cpu());
}

}  // namespace

void setAttentionKernel(AttentionKernel kernel) { gKernel = kernel; }
AttentionKernel attentionKernel() { return gKernel; }

AttentionKernel parseAttentionKernel(const std::string& name) {
  if (name == "auto") return AttentionKernel::Auto;
  if (name == "fused") return AttentionKernel::Fused;
  if (name == "chunked") return AttentionKernel::Chunked;
  throw std::invalid_argument("unknown attention kernel '" + name + "': use auto, fused or chunked");
}

std::string attentionKernelName(AttentionKernel kernel) {
  switch (kernel) {
    case AttentionKernel::Fused: return "fused";
    case AttentionKernel::Chunked: return "chunked";
    case AttentionKernel::Auto: break;
  }
  return "auto";
}

void setAttentionSliceBytes(int64_t bytes) {
  if (bytes < 0) throw std::invalid_argument("the attention slice budget cannot be negative");
  gSliceBytes = bytes;
}

int64_t attentionSliceBytes(bool cpu) {
  const int64_t bytes = gSliceBytes;
  return bytes > 0 ? bytes : cpu ? kCpuAttentionSliceBytes : kGpuAttentionSliceBytes;
}

at::Tensor dotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, bool upcast) {
  if (upcast && q.scalar_type() != at::kFloat) {
    return dotProductAttention(q.to(at::kFloat), k.to(at::kFloat), v.to(at::kFloat), false).to(q.scalar_type());
  }
  return useChunked(q, k) ? chunkedAttention(q, k, v, attentionSliceBytes(q.is_cpu())) : fusedAttention(q, k, v);
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
  // The projection's halves (hidden | gate) as two products with the two row halves of its weight, which are
  // contiguous views: each half comes out contiguous, so GELU runs in place on the gate, with no strided half
  // to copy out first (on a strided half libtorch's CPU GELU is several times slower). Same values:
  // h * gelu(g) == gelu(g) * h.
  const at::Tensor& w = proj_->weight;
  const at::Tensor& b = proj_->bias;
  const int64_t inner = w.size(0) / 2;
  const at::Tensor hidden = at::linear(x, w.narrow(0, 0, inner), b.narrow(0, 0, inner));
  at::Tensor gate = at::linear(x, w.narrow(0, inner, inner), b.narrow(0, inner, inner));
  return out_(at::gelu_(gate).mul_(hidden));
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
  at::Tensor h = attn1_(layerNorm(x, norm1_)).add_(x);
  h = attn2_(layerNorm(h, norm2_), context).add_(h);
  return ff_(layerNorm(h, norm3_)).add_(h);
}

Transformer2DModelImpl::Transformer2DModelImpl(const Transformer2DOptions& options) : options_(options) {
  const int64_t c = options.channels;
  norm_ = register_module("norm", groupNormModule(options.groups, c, 1e-6));
  if (options.linearProjection) {
    projInLinear_ = register_module("proj_in", torch::nn::Linear(c, c));
  } else {
    projInConv_ = register_module("proj_in", InferenceConv2d(torch::nn::Conv2dOptions(c, c, 1)));
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
    projOutConv_ = register_module("proj_out", InferenceConv2d(torch::nn::Conv2dOptions(c, c, 1)));
  }
}

at::Tensor Transformer2DModelImpl::forward(const at::Tensor& x, const at::Tensor& context) {
  const int64_t b = x.size(0), c = x.size(1), hgt = x.size(2), wid = x.size(3);
  at::Tensor h = groupNorm(x, norm_);
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

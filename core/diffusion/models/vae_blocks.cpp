#include "core/diffusion/models/vae_blocks.h"

#include "core/diffusion/models/attention.h"
#include "core/diffusion/models/normalization.h"

#include <torch/nn/modules/container/modulelist.h>

namespace droste::diffusion {
namespace {

constexpr double kVaeEps = 1e-6;

InferenceConv2d conv3x3(int64_t in, int64_t out) {
  return InferenceConv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1));
}

void traceIf(const VaeTraceFn& trace, const std::string& name, const at::Tensor& t) {
  if (trace) trace(name, t);
}

}  // namespace

VaeAttentionImpl::VaeAttentionImpl(int64_t channels, int64_t groups) {
  groupNorm_ = register_module("group_norm", groupNormModule(groups, channels, kVaeEps));
  toQ_ = register_module("to_q", torch::nn::Linear(channels, channels));
  toK_ = register_module("to_k", torch::nn::Linear(channels, channels));
  toV_ = register_module("to_v", torch::nn::Linear(channels, channels));
  toOut_ = torch::nn::Linear(channels, channels);
  register_module("to_out", torch::nn::ModuleList(toOut_));
}

at::Tensor VaeAttentionImpl::forward(const at::Tensor& x) {
  const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  const at::Tensor tokens = groupNorm(x, groupNorm_).flatten(2).transpose(1, 2);  // [B,HW,C]
  auto oneHead = [&](const at::Tensor& t) { return t.unsqueeze(1); };  // [B,1,HW,C]
  at::Tensor out = dotProductAttention(oneHead(toQ_(tokens)), oneHead(toK_(tokens)), oneHead(toV_(tokens)));
  out = toOut_(out.squeeze(1));  // [B,HW,C]
  return out.transpose(1, 2).reshape({b, c, h, w}).add_(x);
}

VaeMidBlockImpl::VaeMidBlockImpl(int64_t channels, int64_t groups) {
  resnet0_ = ResnetBlock2D(channels, channels, 0, groups, kVaeEps, /*normalizeInBands=*/true);
  resnet1_ = ResnetBlock2D(channels, channels, 0, groups, kVaeEps, /*normalizeInBands=*/true);
  attention_ = VaeAttention(channels, groups);
  register_module("attentions", torch::nn::ModuleList(attention_));
  register_module("resnets", torch::nn::ModuleList(resnet0_, resnet1_));
}

at::Tensor VaeMidBlockImpl::forward(const at::Tensor& x) { return resnet1_(attention_(resnet0_(x))); }

VaeLevelImpl::VaeLevelImpl(int64_t inChannels, int64_t outChannels, int64_t resnets, int64_t groups, bool downsample,
                           bool upsample) {
  torch::nn::ModuleList list;
  for (int64_t i = 0; i < resnets; ++i) {
    resnets_.emplace_back(i == 0 ? inChannels : outChannels, outChannels, 0, groups, kVaeEps, /*normalizeInBands=*/true);
    list->push_back(resnets_.back());
  }
  register_module("resnets", list);
  if (downsample) {
    downsampler_ = Downsample2D(outChannels, /*padding=*/0);
    register_module("downsamplers", torch::nn::ModuleList(downsampler_));
  }
  if (upsample) {
    upsampler_ = Upsample2D(outChannels);
    register_module("upsamplers", torch::nn::ModuleList(upsampler_));
  }
}

at::Tensor VaeLevelImpl::forward(at::Tensor x) {
  for (auto& resnet : resnets_) x = resnet(std::move(x));
  if (downsampler_) x = downsampler_(x);
  if (upsampler_) x = upsampler_(x);
  return x;
}

VaeEncoderImpl::VaeEncoderImpl(const VaeCoderOptions& o) {
  const auto& ch = o.blockOutChannels;
  convIn_ = register_module("conv_in", conv3x3(o.imageChannels, ch[0]));
  torch::nn::ModuleList down;
  for (size_t i = 0; i < ch.size(); ++i) {
    const bool last = i + 1 == ch.size();
    downBlocks_.emplace_back(i == 0 ? ch[0] : ch[i - 1], ch[i], o.layersPerBlock, o.groups, !last, false);
    down->push_back(downBlocks_.back());
  }
  register_module("down_blocks", down);
  midBlock_ = register_module("mid_block", VaeMidBlock(ch.back(), o.groups));
  convNormOut_ = register_module("conv_norm_out", groupNormModule(o.groups, ch.back(), kVaeEps));
  convOut_ = register_module("conv_out", conv3x3(ch.back(), 2 * o.latentChannels));
}

at::Tensor VaeEncoderImpl::forward(const at::Tensor& x, const VaeTraceFn& trace) {
  at::Tensor h = convIn_(x);
  traceIf(trace, "encoder.conv_in", h);
  for (size_t i = 0; i < downBlocks_.size(); ++i) {
    h = downBlocks_[i](std::move(h));
    traceIf(trace, "encoder.down_blocks." + std::to_string(i), h);
  }
  h = midBlock_(h);
  traceIf(trace, "encoder.mid_block", h);
  h = convOut_->forwardAfterGroupNormSilu(h, convNormOut_);
  traceIf(trace, "encoder.conv_out", h);
  return h;
}

VaeDecoderImpl::VaeDecoderImpl(const VaeCoderOptions& o) {
  const auto& ch = o.blockOutChannels;
  const size_t n = ch.size();
  convIn_ = register_module("conv_in", conv3x3(o.latentChannels, ch.back()));
  midBlock_ = register_module("mid_block", VaeMidBlock(ch.back(), o.groups));
  torch::nn::ModuleList up;
  int64_t outCh = ch.back();
  for (size_t i = 0; i < n; ++i) {
    const int64_t inCh = outCh;
    outCh = ch[n - 1 - i];
    upBlocks_.emplace_back(inCh, outCh, o.layersPerBlock + 1, o.groups, false, i + 1 < n);
    up->push_back(upBlocks_.back());
  }
  register_module("up_blocks", up);
  convNormOut_ = register_module("conv_norm_out", groupNormModule(o.groups, ch[0], kVaeEps));
  convOut_ = register_module("conv_out", conv3x3(ch[0], o.imageChannels));
}

at::Tensor VaeDecoderImpl::forward(const at::Tensor& z, const VaeTraceFn& trace) {
  at::Tensor h = convIn_(z);
  traceIf(trace, "decoder.conv_in", h);
  h = midBlock_(h);
  traceIf(trace, "decoder.mid_block", h);
  for (size_t i = 0; i < upBlocks_.size(); ++i) {
    h = upBlocks_[i](std::move(h));
    traceIf(trace, "decoder.up_blocks." + std::to_string(i), h);
  }
  h = convOut_->forwardAfterGroupNormSilu(h, convNormOut_);
  traceIf(trace, "decoder.conv_out", h);
  return h;
}

}  // namespace droste::diffusion

#include "core/diffusion/models/unet_blocks.h"

#include <torch/nn/modules/container/modulelist.h>

namespace droste::diffusion {
namespace {

Transformer2DModel makeTransformer(const UNetBlockOptions& o) {
  Transformer2DOptions t = o.transformer;
  t.channels = o.outChannels;
  t.groups = o.groups;
  return Transformer2DModel(t);
}

template <typename T>
void registerList(torch::nn::Module& owner, const char* name, const std::vector<T>& items) {
  if (items.empty()) return;
  torch::nn::ModuleList list;
  for (const auto& item : items) list->push_back(item);
  owner.register_module(name, list);
}

}  // namespace

UNetDownBlockImpl::UNetDownBlockImpl(const UNetBlockOptions& o) {
  for (int64_t i = 0; i < o.layers; ++i) {
    resnets_.emplace_back(i == 0 ? o.inChannels : o.outChannels, o.outChannels, o.tembChannels, o.groups, o.eps);
    if (o.attention) attentions_.push_back(makeTransformer(o));
  }
  registerList(*this, "resnets", resnets_);
  registerList(*this, "attentions", attentions_);
  if (o.resample) {
    downsampler_ = Downsample2D(o.outChannels, o.downsamplePadding);
    register_module("downsamplers", torch::nn::ModuleList(downsampler_));
  }
}

at::Tensor UNetDownBlockImpl::forward(at::Tensor h, const at::Tensor& temb, const at::Tensor& context,
                                      std::vector<at::Tensor>& skips) {
  for (size_t i = 0; i < resnets_.size(); ++i) {
    h = resnets_[i](h, temb);
    if (!attentions_.empty()) h = attentions_[i](h, context);
    skips.push_back(h);
  }
  if (downsampler_) {
    h = downsampler_(h);
    skips.push_back(h);
  }
  return h;
}

UNetMidBlockImpl::UNetMidBlockImpl(const UNetBlockOptions& o) {
  resnets_.emplace_back(o.inChannels, o.inChannels, o.tembChannels, o.groups, o.eps);
  for (int64_t i = 0; i < o.layers; ++i) {
    UNetBlockOptions inner = o;
    inner.outChannels = o.inChannels;
    attentions_.push_back(makeTransformer(inner));
    resnets_.emplace_back(o.inChannels, o.inChannels, o.tembChannels, o.groups, o.eps);
  }
  registerList(*this, "attentions", attentions_);
  registerList(*this, "resnets", resnets_);
}

at::Tensor UNetMidBlockImpl::forward(at::Tensor h, const at::Tensor& temb, const at::Tensor& context) {
  h = resnets_[0](h, temb);
  for (size_t i = 0; i < attentions_.size(); ++i) h = resnets_[i + 1](attentions_[i](h, context), temb);
  return h;
}

UNetUpBlockImpl::UNetUpBlockImpl(const UNetBlockOptions& o) {
  for (int64_t i = 0; i < o.layers; ++i) {
    // The last resnet of the block consumes the skip from the level above (inChannels wide).
    const int64_t skipChannels = i == o.layers - 1 ? o.inChannels : o.outChannels;
    const int64_t resnetIn = i == 0 ? o.prevOutChannels : o.outChannels;
    resnets_.emplace_back(resnetIn + skipChannels, o.outChannels, o.tembChannels, o.groups, o.eps);
    if (o.attention) attentions_.push_back(makeTransformer(o));
  }
  registerList(*this, "resnets", resnets_);
  registerList(*this, "attentions", attentions_);
  if (o.resample) {
    upsampler_ = Upsample2D(o.outChannels);
    register_module("upsamplers", torch::nn::ModuleList(upsampler_));
  }
}

at::Tensor UNetUpBlockImpl::forward(at::Tensor h, const at::Tensor& temb, const at::Tensor& context,
                                    std::vector<at::Tensor>& skips,
                                    std::optional<std::array<int64_t, 2>> upsampleSize) {
  for (size_t i = 0; i < resnets_.size(); ++i) {
    at::Tensor skip = std::move(skips.back());
    skips.pop_back();
    h = resnets_[i](at::cat({h, skip}, 1), temb);
    if (!attentions_.empty()) h = attentions_[i](h, context);
  }
  if (upsampler_) h = upsampler_(h, upsampleSize);
  return h;
}

}  // namespace droste::diffusion

#include "core/diffusion/models/vae.h"

#include "core/diffusion/models/inference_conv2d.h"
#include "core/diffusion/models/vae_blocks.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace droste::diffusion {
namespace {

using nlohmann::json;


// Legacy attention suffix -> modern suffix, for names under "*.mid_block.attentions.N.".
constexpr std::array<std::pair<const char*, const char*>, 4> kLegacyAttention{{
    {".query.", ".to_q."},
    {".key.", ".to_k."},
    {".value.", ".to_v."},
    {".proj_attn.", ".to_out.0."},
}};

bool isMidAttention(const std::string& name) { return name.find("mid_block.attentions.") != std::string::npos; }

std::string modernName(const std::string& stored) {
  if (!isMidAttention(stored)) return stored;
  for (const auto& [legacy, modern] : kLegacyAttention) {
    const auto pos = stored.find(legacy);
    if (pos != std::string::npos) return stored.substr(0, pos) + modern + stored.substr(pos + std::strlen(legacy));
  }
  return stored;
}

// A [C,C,1,1] attention kernel is a Linear weight in disguise.
bool isConvKernelForLinear(const std::string& modern, const std::vector<int64_t>& shape) {
  return isMidAttention(modern) && shape.size() == 4 && shape[2] == 1 && shape[3] == 1 &&
         modern.size() >= 7 && modern.compare(modern.size() - 7, 7, ".weight") == 0 &&
         modern.find("group_norm") == std::string::npos;
}

}  // namespace


at::Tensor LatentDistribution::sample(const at::Tensor& noise) const {
  return mean + std * noise.to(mean.options());
}

AutoencoderKLImpl::AutoencoderKLImpl(const json& config) : AutoencoderKLImpl(VaeConfig::fromJson(config)) {}

AutoencoderKLImpl::AutoencoderKLImpl(const VaeConfig& c) : config_(c) {
  VaeCoderOptions enc{c.inChannels, c.latentChannels, c.blockOutChannels, c.layersPerBlock, c.normNumGroups};
  VaeCoderOptions dec{c.outChannels, c.latentChannels, c.blockOutChannels, c.layersPerBlock, c.normNumGroups};
  encoder_ = register_module("encoder", std::make_shared<VaeEncoderImpl>(enc));
  decoder_ = register_module("decoder", std::make_shared<VaeDecoderImpl>(dec));
  const int64_t moments = 2 * c.latentChannels;
  quantConv_ = register_module("quant_conv", InferenceConv2d(torch::nn::Conv2dOptions(moments, moments, 1)));
  postQuantConv_ = register_module(
      "post_quant_conv", InferenceConv2d(torch::nn::Conv2dOptions(c.latentChannels, c.latentChannels, 1)));
}

LatentDistribution AutoencoderKLImpl::encode(const at::Tensor& x) {
  const int64_t factor = config_.downsampleFactor();
  if (x.dim() != 4 || x.size(1) != config_.inChannels || x.size(2) % factor != 0 || x.size(3) % factor != 0) {
    std::ostringstream msg;
    msg << "VAE encode: expected an image [B," << config_.inChannels << ",H,W] with H and W multiples of " << factor
        << ", got " << x.sizes();
    throw std::invalid_argument(msg.str());
  }
  const at::Tensor moments = quantConv_->forward(encoder_->forward(x, trace_));  // [B,2L,h,w]
  if (trace_) trace_("quant_conv", moments);
  LatentDistribution d;
  const auto parts = moments.chunk(2, 1);
  d.mean = parts[0];
  d.logvar = parts[1].clamp(-30.0, 20.0);
  d.std = (d.logvar * 0.5).exp();
  return d;
}

at::Tensor AutoencoderKLImpl::decode(const at::Tensor& z) {
  if (z.dim() != 4 || z.size(1) != config_.latentChannels) {
    std::ostringstream msg;
    msg << "VAE decode: expected latents [B," << config_.latentChannels << ",h,w], got " << z.sizes();
    throw std::invalid_argument(msg.str());
  }
  const at::Tensor h = postQuantConv_->forward(z);
  if (trace_) trace_("post_quant_conv", h);
  return decoder_->forward(h, trace_);
}

VaeWeightNames::VaeWeightNames(std::shared_ptr<const WeightSource> inner) : inner_(std::move(inner)) {
  for (const auto& stored : inner_->names()) {
    const auto modern = modernName(stored);
    if (!modernToStored_.emplace(modern, stored).second)
      throw io::ModelFileError(inner_->describe() + ": holds the VAE attention weight '" + modern +
                               "' under both its legacy and its modern name; remove one of them");
  }
}

std::vector<std::string> VaeWeightNames::names() const {
  std::vector<std::string> result;
  result.reserve(modernToStored_.size());
  for (const auto& [modern, stored] : modernToStored_) result.push_back(modern);
  return result;
}

std::vector<int64_t> VaeWeightNames::shape(const std::string& name) const {
  const auto it = modernToStored_.find(name);
  auto s = inner_->shape(it == modernToStored_.end() ? name : it->second);
  if (isConvKernelForLinear(name, s)) s.resize(2);
  return s;
}

at::Tensor VaeWeightNames::load(const std::string& name, c10::ScalarType dtype, c10::Device device) const {
  const auto it = modernToStored_.find(name);
  const std::string& stored = it == modernToStored_.end() ? name : it->second;
  at::Tensor t = inner_->load(stored, dtype, device);
  if (isConvKernelForLinear(name, t.sizes().vec())) t = t.flatten(1).contiguous();
  return t;
}

std::string VaeWeightNames::describe() const { return inner_->describe(); }

AutoencoderKL loadVae(const json& config, std::shared_ptr<const WeightSource> weights, c10::ScalarType dtype,
                      c10::Device device) {
  AutoencoderKL vae = constructInDtype<AutoencoderKL>(dtype, config);
  LoadOptions options;
  options.dtype = dtype;
  options.device = device;
  loadWeights(*vae, VaeWeightNames(std::move(weights)), options);
  vae->eval();
  return vae;
}

}  // namespace droste::diffusion

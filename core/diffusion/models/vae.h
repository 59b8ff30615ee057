#pragma once
// AutoencoderKL of Stable Diffusion 1.x / 2.x, built from the diffusers vae/config.json.
// Parameter names equal the modern diffusers state-dict keys; checkpoints that still use the
// legacy mid-block attention names (query/key/value/proj_attn) load through VaeWeightNames.

#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/vae_config.h"

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace droste::diffusion {

class InferenceConv2dImpl;

class VaeEncoderImpl;
class VaeDecoderImpl;
using VaeTraceFn = std::function<void(const std::string&, const at::Tensor&)>;


// The encoder's diagonal Gaussian: logvar clamped to [-30, 20], std = exp(logvar / 2).
struct LatentDistribution {
  at::Tensor mean, logvar, std;
  // mean + std * noise; noise [B,latent,h,w] is drawn by the caller (the reference's generator order).
  at::Tensor sample(const at::Tensor& noise) const;
};

class AutoencoderKLImpl : public torch::nn::Module {
 public:
  explicit AutoencoderKLImpl(const VaeConfig& config);
  explicit AutoencoderKLImpl(const nlohmann::json& config);

  // x [B,3,H,W] in [-1,1], H and W multiples of f = downsampleFactor() (8) -> distribution over
  // [B,latent,H/f,W/f] (unscaled latents; latent = 4 for SD1/SD2).
  LatentDistribution encode(const at::Tensor& x);
  // Unscaled latents z [B,latent,h,w] (already divided by scalingFactor()) -> image [B,3,fh,fw] in ~[-1,1].
  at::Tensor decode(const at::Tensor& z);
  double scalingFactor() const { return config_.scalingFactor; }
  const VaeConfig& config() const { return config_; }
  // Records encoder.*/decoder.*/quant_conv/post_quant_conv outputs (names as in the goldens).
  void setTrace(VaeTraceFn trace) { trace_ = std::move(trace); }

 private:
  VaeConfig config_;
  VaeTraceFn trace_;
  std::shared_ptr<VaeEncoderImpl> encoder_;
  std::shared_ptr<VaeDecoderImpl> decoder_;
  std::shared_ptr<InferenceConv2dImpl> quantConv_, postQuantConv_;
};
TORCH_MODULE(AutoencoderKL);

// Presents a VAE checkpoint under the modern names: the legacy mid-block attention names
// query/key/value/proj_attn become to_q/to_k/to_v/to_out.0, and 1x1-conv attention kernels
// [C,C,1,1] (original LDM layout) become Linear weights [C,C]. Other names pass through.
class VaeWeightNames : public WeightSource {
 public:
  explicit VaeWeightNames(std::shared_ptr<const WeightSource> inner);
  std::vector<std::string> names() const override;
  std::vector<int64_t> shape(const std::string& name) const override;
  at::Tensor load(const std::string& name, c10::ScalarType dtype, c10::Device device) const override;
  std::string describe() const override;

 private:
  std::shared_ptr<const WeightSource> inner_;
  std::map<std::string, std::string> modernToStored_;  // every name, modern -> as stored
};

// Builds the VAE from its config and loads its weights (either attention naming) as dtype on device.
AutoencoderKL loadVae(const nlohmann::json& config, std::shared_ptr<const WeightSource> weights, c10::ScalarType dtype,
                      c10::Device device);

}  // namespace droste::diffusion

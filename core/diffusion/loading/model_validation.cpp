#include "core/diffusion/loading/model_validation.h"
#include "core/diffusion/loading/weights.h"

#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/models/vae.h"
#include "core/io/safetensors.h"

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

namespace droste::diffusion {

using io::ModelFileError;

void validateModel(const ModelSource& m) {
  std::vector<std::string> problems;
  // Each network is built from its config with shapes only (no memory, no weights read), and every
  // parameter name and shape is compared with the safetensors headers.
  auto compareNetwork = [&](const char* what, const std::function<std::shared_ptr<torch::nn::Module>()>& build,
                            const WeightSource& weights, const std::function<bool(const std::string&)>& ignore) {
    try {
      const ShapeOnlyConstruction shapesOnly;
      const std::shared_ptr<torch::nn::Module> network = build();
      const WeightMismatch mismatch = compareWeights(*network, weights, ignore);
      if (!mismatch.empty()) problems.push_back(std::string(what) + " weights do not match its config:" + mismatch.describe());
    } catch (const std::exception& e) {  // a config that describes no network
      problems.push_back(std::string(what) + ": " + e.what());
    }
  };
  compareNetwork("text encoder", [&] { return ClipTextModel(ClipTextConfig::fromJson(m.textEncoder.config)).ptr(); },
                 *m.textEncoder.weights, [](const std::string& n) { return n == "text_model.embeddings.position_ids"; });
  if (m.textEncoder2.weights)
    compareNetwork("text encoder 2",
                   [&] { return ClipTextModel(ClipTextConfig::fromJson(m.textEncoder2.config, "text_encoder_2/config.json", true)).ptr(); },
                   *m.textEncoder2.weights, [](const std::string& n) { return n == "text_model.embeddings.position_ids"; });
  compareNetwork("UNet", [&] { return UNet2DConditionModel(m.unet.config).ptr(); }, *m.unet.weights, {});
  compareNetwork("VAE", [&] { return AutoencoderKL(m.vae.config).ptr(); }, VaeWeightNames(m.vae.weights), {});
  // The entry and exit convolutions once more, in the words of the config keys they contradict.
  auto expectDim = [&](const ComponentSource& c, const char* what, const std::string& tensor, size_t index,
                       const char* key) {
    const int64_t actual = c.weights->size(tensor, index);
    if (actual < 0) return;  // listed as missing above
    if (!c.config.contains(key) || !c.config[key].is_number_integer()) {
      problems.push_back(std::string(what) + " config has no integer '" + key + "'");
      return;
    }
    if (c.config[key].get<int64_t>() != actual)
      problems.push_back(std::string(what) + " config says " + key + " = " + std::to_string(c.config[key].get<int64_t>()) +
                         " but " + tensor + " has " + std::to_string(actual));
  };
  expectDim(m.unet, "UNet", "conv_in.weight", 1, "in_channels");
  expectDim(m.unet, "UNet", "conv_out.weight", 0, "out_channels");
  expectDim(m.vae, "VAE", "encoder.conv_in.weight", 1, "in_channels");
  expectDim(m.vae, "VAE", "post_quant_conv.weight", 0, "latent_channels");
  if (!problems.empty()) {
    std::string msg = m.path.string() + ": the weights do not match the model's configuration:";
    for (const auto& p : problems) msg += "\n  " + p;
    throw ModelFileError(msg);
  }
}

}  // namespace droste::diffusion

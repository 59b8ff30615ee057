// libFuzzer target for the config readers of a model folder: any bytes as the text of a config (Python's
// NaN/Infinity included), read as a UNet, a VAE and a CLIP text encoder (with and without the projection)
// config, as a scheduler_config.json (every key the schedulers read) and for the model family. Each reader
// must accept the text or refuse it with its own error (std::invalid_argument, droste::Error, SchedulerError)
// naming the key - never the JSON library's exception, a crash, a hang or a sanitizer report - and what it
// accepts must describe a network that can be built.
#include "core/diffusion/loading/config_json.h"
#include "core/diffusion/loading/model_family.h"
#include "core/diffusion/models/clip_text_config.h"
#include "core/diffusion/models/unet_config.h"
#include "core/diffusion/models/vae_config.h"
#include "core/diffusion/schedulers/scheduler_config.h"
#include "core/errors.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

using namespace droste::diffusion;

namespace {

template <typename Read>
void readOrRefuse(Read read) {
  try {
    read();
  } catch (const std::invalid_argument&) {
  } catch (const droste::Error&) {
  } catch (const SchedulerError&) {
  }
}

void check(bool promise) {
  if (!promise) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nlohmann::json config;
  try {
    config = parseConfigJson(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const nlohmann::json::exception&) {
    return 0;  // not JSON (or a number beyond double): readJson reports the file as damaged, naming it
  }
  readOrRefuse([&] {
    const UNetConfig c = UNetConfig::fromJson(config);
    const size_t n = c.blockOutChannels.size();
    check(n > 0 && c.downBlockHasAttention.size() == n && c.upBlockHasAttention.size() == n && c.heads.size() == n &&
          c.transformerLayers.size() == n && c.inChannels > 0 && c.layersPerBlock > 0 && c.normNumGroups > 0);
    for (size_t i = 0; i < n; ++i)
      check(c.blockOutChannels[i] > 0 && c.heads[i] > 0 && c.blockOutChannels[i] % c.heads[i] == 0 &&
            c.blockOutChannels[i] % c.normNumGroups == 0);
  });
  readOrRefuse([&] {
    const VaeConfig c = VaeConfig::fromJson(config);
    check(!c.blockOutChannels.empty() && c.latentChannels > 0 && c.layersPerBlock > 0 && c.downsampleFactor() > 0);
    for (const int64_t channels : c.blockOutChannels) check(channels > 0 && channels % c.normNumGroups == 0);
  });
  for (const bool withProjection : {false, true}) {
    readOrRefuse([&] {
      const ClipTextConfig c = ClipTextConfig::fromJson(config, "text_encoder/config.json", withProjection);
      check(c.hiddenSize > 0 && c.numHeads > 0 && c.hiddenSize % c.numHeads == 0 && c.numLayers > 0 &&
            (!withProjection || c.projectionDim > 0));
    });
  }
  readOrRefuse([&] {
    const SchedulerConfig s(config);
    for (const char* key : {"num_train_timesteps", "steps_offset", "solver_order"}) s.getInt(key, 0);
    for (const char* key : {"beta_start", "beta_end", "lambda_min_clipped", "clip_sample_range"}) s.getDouble(key, 0);
    for (const char* key : {"clip_sample", "set_alpha_to_one", "skip_prk_steps", "thresholding", "lower_order_final",
                            "euler_at_final", "use_karras_sigmas", "use_lu_lambdas", "rescale_betas_zero_snr",
                            "use_exponential_sigmas", "use_beta_sigmas"})
      s.getBool(key, false);
    for (const char* key : {"beta_schedule", "algorithm_type", "solver_type", "final_sigmas_type",
                            "interpolation_type", "timestep_type"})
      s.getString(key, "");
    s.predictionType();
    s.timestepSpacing(TimestepSpacing::Leading);
  });
  familyFromTextConfig(config);  // never throws: an unknown family is an answer
  return 0;
}

#include "core/diffusion/models/clip_text_config.h"

#include "core/io/model_file_error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <tuple>

namespace droste::diffusion {

ClipTextConfig ClipTextConfig::fromJson(const nlohmann::json& j, const std::string& source, bool withProjection) {
  auto fail = [&](const std::string& what) -> void { throw io::ModelFileError(source + ": " + what); };
  if (!j.is_object()) fail("is not a JSON object");
  ClipTextConfig c;
  auto getInt = [&](const char* key, int64_t& out, bool required) {
    if (!j.contains(key)) {
      if (required) fail(std::string("has no '") + key + "'");
      return;
    }
    if (!j[key].is_number_integer() || j[key].get<int64_t>() <= 0) fail(std::string("'") + key + "' is not a positive integer");
    out = j[key].get<int64_t>();
  };
  getInt("vocab_size", c.vocabSize, false);
  getInt("hidden_size", c.hiddenSize, true);
  getInt("intermediate_size", c.intermediateSize, true);
  getInt("num_hidden_layers", c.numLayers, true);
  getInt("num_attention_heads", c.numHeads, true);
  getInt("max_position_embeddings", c.maxPositions, false);
  if (withProjection) getInt("projection_dim", c.projectionDim, true);
  if (j.contains("layer_norm_eps")) {
    if (!j["layer_norm_eps"].is_number()) fail("'layer_norm_eps' is not a number");
    c.layerNormEps = j["layer_norm_eps"].get<double>();
  }
  if (j.contains("hidden_act")) {
    if (!j["hidden_act"].is_string()) fail("'hidden_act' is not a string");
    c.hiddenAct = j["hidden_act"].get<std::string>();
  }
  // Sizes a network can be built from (see requireConfigRange): far above any CLIP text model.
  for (const auto& [key, value, limit] : {std::tuple<const char*, int64_t, int64_t>{"vocab_size", c.vocabSize, 1 << 22},
                                          {"hidden_size", c.hiddenSize, 1 << 15},
                                          {"intermediate_size", c.intermediateSize, 1 << 17},
                                          {"num_hidden_layers", c.numLayers, 256},
                                          {"num_attention_heads", c.numHeads, 1 << 15},
                                          {"max_position_embeddings", c.maxPositions, 1 << 16},
                                          {"projection_dim", c.projectionDim, 1 << 15}})
    if (value > limit) {
      std::string what = std::string(1, '\'') + key;  // (appended, not "'" + ...: GCC 12 warns falsely there)
      what += "' is " + std::to_string(value) + ", above " + std::to_string(limit);
      fail(what);
    }
  if (!(std::isfinite(c.layerNormEps) && c.layerNormEps > 0)) fail("'layer_norm_eps' is not a positive number");
  if (c.hiddenAct != "gelu" && c.hiddenAct != "quick_gelu")
    fail("hidden_act '" + c.hiddenAct + "' is not supported (only gelu and quick_gelu)");
  if (c.hiddenSize % c.numHeads != 0)
    fail("hidden_size " + std::to_string(c.hiddenSize) + " is not a multiple of num_attention_heads " +
         std::to_string(c.numHeads));
  return c;
}

}  // namespace droste::diffusion

#pragma once
// What a transformers text_encoder/config.json says, read and checked without libtorch (the network's
// code is in clip_text_model.h).

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace droste::diffusion {

struct ClipTextConfig {
  int64_t vocabSize = 49408;
  int64_t hiddenSize = 768;
  int64_t intermediateSize = 3072;
  int64_t numLayers = 12;
  int64_t numHeads = 12;
  int64_t maxPositions = 77;
  double layerNormEps = 1e-5;
  std::string hiddenAct = "quick_gelu";  // or "gelu" (exact erf GELU)
  int64_t projectionDim = 0;  // > 0: CLIPTextModelWithProjection's text_projection (hidden -> projectionDim)

  // Throws io::ModelFileError (naming `source`) on missing or inconsistent values. `withProjection`: the
  // model is a CLIPTextModelWithProjection (projection_dim is then required).
  static ClipTextConfig fromJson(const nlohmann::json& config, const std::string& source = "text_encoder/config.json",
                                 bool withProjection = false);
};

}  // namespace droste::diffusion

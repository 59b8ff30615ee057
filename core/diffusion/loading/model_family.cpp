#include "core/diffusion/loading/model_family.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace droste::diffusion {

const char* familyName(ModelFamily family) {
  switch (family) {
    case ModelFamily::SD1: return "SD1";
    case ModelFamily::SD2: return "SD2";
    case ModelFamily::SDXL: return "SDXL";
    case ModelFamily::Unknown: break;
  }
  return "unknown";
}

ModelFamily familyFromTextConfig(const nlohmann::json& text) {
  const std::string act = text.value("hidden_act", std::string());
  const int64_t hidden = text.value("hidden_size", int64_t(0));
  if (act == "gelu" || hidden == 1024) return ModelFamily::SD2;  // OpenCLIP ViT-H
  if (act == "quick_gelu" || hidden == 768) return ModelFamily::SD1;  // OpenAI CLIP ViT-L
  return ModelFamily::Unknown;
}

}  // namespace droste::diffusion

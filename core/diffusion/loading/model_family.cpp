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
  // Values of another kind say nothing about the family (the config's own reader reports them).
  const auto field = [&](const char* key) { return text.is_object() && text.contains(key) ? text[key] : nlohmann::json(); };
  const nlohmann::json actValue = field("hidden_act"), hiddenValue = field("hidden_size");
  const std::string act = actValue.is_string() ? actValue.get<std::string>() : std::string();
  const int64_t hidden = hiddenValue.is_number_integer() ? hiddenValue.get<int64_t>() : 0;
  if (act == "gelu" || hidden == 1024) return ModelFamily::SD2;  // OpenCLIP ViT-H
  if (act == "quick_gelu" || hidden == 768) return ModelFamily::SD1;  // OpenAI CLIP ViT-L
  return ModelFamily::Unknown;
}

}  // namespace droste::diffusion

#pragma once
// Which Stable Diffusion generation a model belongs to, told from its text encoder.

#include <nlohmann/json_fwd.hpp>

namespace droste::diffusion {

enum class ModelFamily { SD1, SD2, SDXL, Unknown };
const char* familyName(ModelFamily family);  // "SD1", "SD2", "SDXL", "unknown"

// From a text encoder's config.json: OpenCLIP ViT-H (SD2) or OpenAI CLIP ViT-L (SD1).
ModelFamily familyFromTextConfig(const nlohmann::json& textConfig);

}  // namespace droste::diffusion

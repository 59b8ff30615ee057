#pragma once
// The diffusers configs of a single-file checkpoint opened without a config folder, read from its
// tensor shapes plus what its family is known to use (like stable-diffusion.cpp's detect_from_weights).

#include "core/diffusion/loading/model_family.h"
#include "core/diffusion/loading/weights.h"

#include <nlohmann/json.hpp>

#include <string>

namespace droste::diffusion {

// `w` holds diffusers names; `file` names the checkpoint in messages. Throw io::ModelFileError when the
// weights are too incomplete to tell.
nlohmann::json unetConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file);
nlohmann::json vaeConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file);
// SD1's CLIP ViT-L, SD2's OpenCLIP ViT-H, or SDXL's first encoder (CLIP ViT-L).
nlohmann::json textConfigFromShapes(const WeightSource& w, ModelFamily family, const std::string& file);
// SDXL's second encoder: OpenCLIP ViT-bigG with its projection (CLIPTextModelWithProjection).
nlohmann::json xlText2ConfigFromShapes(const WeightSource& w, const std::string& file);
// The scheduler of the family's repos: PNDM for SD1.5 / SD2 (inpainting), Euler for SDXL.
nlohmann::json standardSchedulerConfig(ModelFamily family = ModelFamily::SD2);

}  // namespace droste::diffusion

#pragma once
// Reading the config JSON files that diffusers and transformers write.

#include <nlohmann/json.hpp>

#include <string>

namespace droste::diffusion {

// Parses a config JSON that may contain Python's non-standard numbers (diffusers writes
// `"lambda_min_clipped": -Infinity`): bare NaN / Infinity / -Infinity become the strings
// "NaN" / "Infinity" / "-Infinity", which SchedulerConfig reads back as numbers.
nlohmann::json parseConfigJson(const std::string& text);

}  // namespace droste::diffusion

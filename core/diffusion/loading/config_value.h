#pragma once
// Reading optional keys of a diffusers config.json.
#include <nlohmann/json.hpp>

namespace droste::diffusion {

// The value at key, or def when the key is absent or null (diffusers writes null for "default").
template <typename T>
T configValue(const nlohmann::json& config, const char* key, T def) {
  const auto it = config.find(key);
  return it == config.end() || it->is_null() ? def : it->get<T>();
}

}  // namespace droste::diffusion

#pragma once
// Reading optional keys of a diffusers config.json.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace droste::diffusion {

namespace detail {

template <typename T>
const char* configKindName() {
  if constexpr (std::is_same_v<T, bool>) return "true or false";
  else if constexpr (std::is_integral_v<T>) return "a whole number";
  else if constexpr (std::is_floating_point_v<T>) return "a number";
  else if constexpr (std::is_same_v<T, std::string>) return "a string";
  else if constexpr (std::is_same_v<T, std::vector<std::string>>) return "a list of names";
  else return "a list of whole numbers";
}

}  // namespace detail

// Whether v is a whole number within [lo, hi], written as an integer or a float. nlohmann converts any
// number to an integer, and a float outside the integer's range is undefined behaviour to convert: a count
// is read only after this says yes.
inline bool isWholeNumber(const nlohmann::json& v, double lo, double hi) {
  if (!v.is_number()) return false;
  const double d = v.get<double>();
  return std::isfinite(d) && d == std::floor(d) && d >= lo && d <= hi;
}

// The value at key, or def when the key is absent or null (diffusers writes null for "default").
// A value of another kind throws std::invalid_argument naming the key (not the JSON library's message).
template <typename T>
T configValue(const nlohmann::json& config, const char* key, T def) {
  const auto it = config.find(key);
  if (it == config.end() || it->is_null()) return def;
  bool fits = true;
  constexpr double kInt64Range = 9.2e18;  // just inside int64_t's
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) fits = isWholeNumber(*it, -kInt64Range, kInt64Range);
  if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
    fits = it->is_array();
    for (const auto& v : *it) fits = fits && isWholeNumber(v, -kInt64Range, kInt64Range);
  }
  if (fits) {
    try {
      return it->get<T>();
    } catch (const nlohmann::json::exception&) {
    }
  }
  std::string shown = it->dump();
  if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
  throw std::invalid_argument(std::string("config.json: '") + key + "' is " + shown + ", not " +
                              detail::configKindName<T>());
}

// A size read from a config must lie in [lo, hi]: a broken or hostile file must not reach the networks'
// constructors (a zero or negative size, or one that would allocate terabytes). Throws std::invalid_argument.
inline void requireConfigRange(const char* what, const char* key, int64_t value, int64_t lo, int64_t hi) {
  if (value >= lo && value <= hi) return;
  throw std::invalid_argument(std::string(what) + ": '" + key + "' is " + std::to_string(value) + ", outside " +
                              std::to_string(lo) + ".." + std::to_string(hi));
}

// Limits far above any Stable Diffusion model (SDXL: 1280 channels, 10 transformer layers, 2048 text width).
inline constexpr int64_t kMaxConfigChannels = 1 << 15;
inline constexpr int64_t kMaxConfigRepeats = 256;

}  // namespace droste::diffusion

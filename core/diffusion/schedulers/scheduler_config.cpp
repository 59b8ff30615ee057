#include "core/diffusion/schedulers/scheduler_config.h"

#include "core/diffusion/loading/config_value.h"

#include <limits>

namespace droste::diffusion {

SchedulerConfig::SchedulerConfig(const nlohmann::json& config, const nlohmann::json& overrides) {
  if (!config.is_object()) throw SchedulerError("scheduler_config.json must be a JSON object");
  values_ = config;
  // diffusers' from_config: keys that were the saving class's defaults are not carried over.
  if (auto it = values_.find("_use_default_values"); it != values_.end()) {
    if (it->is_array())
      for (const auto& key : *it)
        if (key.is_string()) values_.erase(key.get<std::string>());
    values_.erase("_use_default_values");
  }
  if (overrides.is_object())
    for (const auto& [key, value] : overrides.items()) values_[key] = value;
}

bool SchedulerConfig::has(const std::string& key) const {
  auto it = values_.find(key);
  return it != values_.end() && !it->is_null();
}

namespace {
[[noreturn]] void badValue(const std::string& key, const nlohmann::json& value, const char* expected) {
  throw SchedulerError("scheduler_config.json: \"" + key + "\" is " + value.dump() + ", expected " + expected);
}
}  // namespace

int SchedulerConfig::getInt(const std::string& key, int fallback) const {
  if (!has(key)) return fallback;
  const auto& v = values_.at(key);
  if (!v.is_number()) badValue(key, v, "a number");
  if (!isWholeNumber(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()))
    badValue(key, v, "a whole number");
  return static_cast<int>(v.get<double>());  // exact: a whole number in int's range
}

double SchedulerConfig::getDouble(const std::string& key, double fallback) const {
  if (!has(key)) return fallback;
  const auto& v = values_.at(key);
  if (v.is_string()) {  // parseConfigJson's spelling of Python's non-finite floats
    const std::string s = v.get<std::string>();
    if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
    if (s == "Infinity") return std::numeric_limits<double>::infinity();
    if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
  }
  if (!v.is_number()) badValue(key, v, "a number");
  return v.get<double>();
}

bool SchedulerConfig::getBool(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  const auto& v = values_.at(key);
  if (!v.is_boolean()) badValue(key, v, "true or false");
  return v.get<bool>();
}

std::string SchedulerConfig::getString(const std::string& key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  const auto& v = values_.at(key);
  if (!v.is_string()) badValue(key, v, "a string");
  return v.get<std::string>();
}

PredictionType SchedulerConfig::predictionType() const {
  const std::string p = getString("prediction_type", "epsilon");
  if (p == "epsilon") return PredictionType::Epsilon;
  if (p == "v_prediction") return PredictionType::VPrediction;
  throw SchedulerError("scheduler_config.json: prediction_type \"" + p +
                       "\" is not supported (only \"epsilon\" and \"v_prediction\")");
}

TimestepSpacing SchedulerConfig::timestepSpacing(TimestepSpacing classDefault) const {
  if (!has("timestep_spacing")) return classDefault;
  const std::string s = getString("timestep_spacing", "");
  if (s == "linspace") return TimestepSpacing::Linspace;
  if (s == "leading") return TimestepSpacing::Leading;
  if (s == "trailing") return TimestepSpacing::Trailing;
  throw SchedulerError("scheduler_config.json: timestep_spacing \"" + s +
                       "\" is not supported (linspace, leading or trailing)");
}

}  // namespace droste::diffusion

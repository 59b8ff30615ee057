#pragma once
// A scheduler_config.json, read and checked without libtorch (the schedulers' code is in scheduler.h; the
// configs' fuzzer, tests/fuzz/model_configs_fuzzer.cpp, links only this).

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace droste::diffusion {

// A scheduler config that cannot be used (unknown scheduler, unsupported option); the message
// says what to change.
class SchedulerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class PredictionType { Epsilon, VPrediction };
enum class TimestepSpacing { Linspace, Leading, Trailing };

// A scheduler_config.json read the way diffusers' `Cls.from_config(config, **overrides)` reads
// it: keys listed in `_use_default_values` (defaults of the class that saved the config) are
// dropped, so each scheduler class falls back to ITS OWN default for them; `overrides` win.
class SchedulerConfig {
 public:
  SchedulerConfig() = default;
  explicit SchedulerConfig(const nlohmann::json& config, const nlohmann::json& overrides = nlohmann::json::object());

  bool has(const std::string& key) const;  // present and not null
  int getInt(const std::string& key, int fallback) const;
  double getDouble(const std::string& key, double fallback) const;
  bool getBool(const std::string& key, bool fallback) const;
  std::string getString(const std::string& key, const std::string& fallback) const;
  const nlohmann::json& raw() const { return values_; }

  // Shared keys, each with the caller's class default.
  PredictionType predictionType() const;
  TimestepSpacing timestepSpacing(TimestepSpacing classDefault) const;

 private:
  nlohmann::json values_ = nlohmann::json::object();
};

}  // namespace droste::diffusion

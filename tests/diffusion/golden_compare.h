#pragma once
// Helpers shared by the golden tests: loading golden tensors and the README's relative error.
#include "core/diffusion/schedulers/scheduler.h"
#include "core/io/safetensors.h"
#include "fixtures.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <memory>
#include <string>

namespace droste::test {

inline nlohmann::json readJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return diffusion::parseConfigJson(text.str());  // the goldens' JSON contains -Infinity
}

inline std::shared_ptr<io::SafetensorsFile> openGolden(const std::string& name) {
  return std::make_shared<io::SafetensorsFile>(fixturesDir() / "goldens" / name);
}

// max|a - b| / max|golden|, the README's `rel`.
inline double relError(const at::Tensor& actual, const at::Tensor& golden) {
  const at::Tensor a = actual.to(at::kDouble).cpu(), g = golden.to(at::kDouble).cpu();
  const double scale = g.abs().max().item<double>();
  const double diff = (a - g).abs().max().item<double>();
  return scale > 0 ? diff / scale : diff;
}

inline double absError(const at::Tensor& actual, const at::Tensor& golden) {
  return (actual.to(at::kDouble).cpu() - golden.to(at::kDouble).cpu()).abs().max().item<double>();
}

}  // namespace droste::test

#pragma once
// Helpers shared by the golden tests: loading golden tensors and the README's relative error.
#include "core/diffusion/testing/golden_parity.h"
#include "core/io/safetensors.h"
#include "tests/fixtures.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace droste::test {

// Any JSON of the fixtures (configs and goldens); the goldens' JSON contains -Infinity, which the library's
// reader takes. The one readJson of the test binary.
inline nlohmann::json readJson(const std::filesystem::path& path) {
  return diffusion::readGoldenJson(path);
}

inline std::shared_ptr<io::SafetensorsFile> openGolden(const std::string& name) {
  return std::make_shared<io::SafetensorsFile>(fixturesDir() / "goldens" / name);
}

// The README's `rel` (max|a - b| / max|golden|) and max|a - b|: the library's, shared with droste-bench parity.
inline double relError(const at::Tensor& actual, const at::Tensor& golden) {
  return diffusion::relativeError(actual, golden);
}

inline double absError(const at::Tensor& actual, const at::Tensor& golden) {
  return diffusion::absoluteError(actual, golden);
}

}  // namespace droste::test

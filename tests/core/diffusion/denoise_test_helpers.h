#pragma once
// Helpers for the UNet / VAE golden tests: component folders of the fixture models and goldens.
#include "core/diffusion/loading/weights.h"
#include "core/io/safetensors.h"
#include "tests/core/diffusion/golden_compare.h"  // readJson
#include "tests/fixtures.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace droste::test {

// A diffusers component folder (config.json + diffusion_pytorch_model.safetensors).
struct ComponentFolder {
  nlohmann::json config;
  std::shared_ptr<diffusion::SafetensorsWeightSource> weights;
};

inline ComponentFolder componentFolder(const std::string& relative) {
  const auto dir = fixturesDir() / relative;
  auto file = std::make_shared<io::SafetensorsFile>(dir / "diffusion_pytorch_model.safetensors");
  return {readJson(dir / "config.json"), std::make_shared<diffusion::SafetensorsWeightSource>(file)};
}

inline std::shared_ptr<io::SafetensorsFile> golden(const std::string& file) {
  return std::make_shared<io::SafetensorsFile>(fixturesDir() / "goldens" / file);
}

inline double maxAbsDiff(const at::Tensor& a, const at::Tensor& b) {
  return (a.to(at::kFloat) - b.to(at::kFloat)).abs().max().item<double>();
}

// The message of the std::invalid_argument that read() throws (a config refused), or "accepted". Any other
// exception leaves the test.
template <typename Read>
std::string invalidArgumentMessage(Read read) {
  try {
    read();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace droste::test

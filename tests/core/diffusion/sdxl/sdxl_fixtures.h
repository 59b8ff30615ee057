#pragma once
// The project's own SDXL fixtures (tests/fixtures/sdxl, made by tools/fixtures/sdxl/regen.sh with diffusers):
// $DROSTE_SDXL_FIXTURES, else the copy in the source tree. Their README states the recipe and, in its
// tolerance section, the bounds these tests use (derived from the reference's own movement under threads,
// layout and float64 - never from Droste's errors).
#include "core/io/safetensors.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace droste::test {

inline std::filesystem::path sdxlFixturesDir() {
  if (const char* env = std::getenv("DROSTE_SDXL_FIXTURES"); env && *env) return env;
  return DROSTE_SDXL_FIXTURES_DIR;
}

inline std::shared_ptr<io::SafetensorsFile> openSdxlGolden(const std::string& name) {
  return std::make_shared<io::SafetensorsFile>(sdxlFixturesDir() / "goldens" / name);
}

}  // namespace droste::test

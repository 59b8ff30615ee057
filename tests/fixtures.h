#pragma once
// Where the shared fixtures live: $DROSTE_FIXTURES, else ../shared/fixtures beside the checkout.
#include <cstdlib>
#include <filesystem>

namespace droste::test {

inline std::filesystem::path fixturesDir() {
  if (const char* env = std::getenv("DROSTE_FIXTURES"); env && *env) return env;
  return DROSTE_FIXTURES_DIR;
}

}  // namespace droste::test

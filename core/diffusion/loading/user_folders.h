#pragma once
// Where a user's files are, from the environment: the few rules the cache lookup and model discovery share.

#include <cstdlib>
#include <filesystem>
#include <string>

namespace droste::diffusion {

// The variable's value, empty when it is not set.
inline std::string environmentValue(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// $HOME, else "/" (a service account without one).
inline std::filesystem::path homeFolder() {
  const std::string home = environmentValue("HOME");
  return home.empty() ? std::filesystem::path("/") : std::filesystem::path(home);
}

}  // namespace droste::diffusion

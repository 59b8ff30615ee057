// libFuzzer target for SafetensorsFile::parseHeader. Input: 8 bytes little-endian = the size of
// the data section the header must fit in, then the header text. Every rejection must be a
// ModelFileError; anything else escaping, a crash or a sanitizer report is a bug.
#include "core/io/safetensors.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 8) return 0;
  uint64_t dataBytes = 0;
  for (int i = 7; i >= 0; --i) dataBytes = (dataBytes << 8) | data[i];
  const std::string_view header(reinterpret_cast<const char*>(data + 8), size - 8);
  std::map<std::string, std::string> metadata;
  try {
    const auto entries = droste::io::SafetensorsFile::parseHeader(header, dataBytes, "fuzz", &metadata);
    // Accepted headers must keep the promises the loader relies on.
    for (const auto& e : entries) {
      if (e.end < e.begin || e.end > dataBytes) __builtin_trap();
    }
  } catch (const droste::io::ModelFileError&) {
  }
  return 0;
}

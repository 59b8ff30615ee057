// libFuzzer target for the single-file key translator (core/diffusion/loading/checkpoint_keys): any bytes as
// the header of a single-file checkpoint (the file is made sparse, as large as the header says, so no weight
// is read). The layout is inspected and every component's diffusers names are built; a file the translator
// cannot use must be refused with io::ModelFileError - never another exception, a crash, a hang or a sanitizer
// report - and what it accepts must name, for every diffusers tensor, a key of the file. Every key also goes
// through the LDM -> diffusers key functions with small block counts.
#include "core/diffusion/loading/checkpoint_keys.h"
#include "core/io/model_file_error.h"
#include "core/io/safetensors.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

using namespace droste;
using namespace droste::diffusion;

namespace {

void check(bool promise) {
  if (!promise) __builtin_trap();
}

const std::string& scratchFile() {
  static const std::string path = "/tmp/droste-fuzz-checkpoint-" + std::to_string(getpid()) + ".safetensors";
  return path;
}

// The data the header's offsets reach (a sparse tail of zeros), at most 256 MiB; 0 when it is not JSON.
uint64_t dataBytes(std::string_view header) {
  const nlohmann::json j = nlohmann::json::parse(header, nullptr, /*allow_exceptions=*/false);
  uint64_t end = 0;
  if (!j.is_object()) return 0;
  for (const auto& [key, value] : j.items()) {
    if (!value.is_object() || !value.contains("data_offsets")) continue;
    const nlohmann::json& offsets = value["data_offsets"];
    if (offsets.is_array() && offsets.size() == 2 && offsets[1].is_number_unsigned())
      end = std::max(end, offsets[1].get<uint64_t>());
  }
  return std::min<uint64_t>(end, 256ull << 20);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  {
    const int fd = open(scratchFile().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) __builtin_trap();
    const uint64_t n = size;
    uint8_t length[8];
    for (int i = 0; i < 8; ++i) length[i] = uint8_t(n >> (8 * i));
    if (write(fd, length, 8) != 8 || write(fd, data, size) != ssize_t(size)) __builtin_trap();
    if (ftruncate(fd, off_t(8 + size + dataBytes(header))) != 0) __builtin_trap();
    close(fd);
  }
  std::shared_ptr<const io::SafetensorsFile> file;
  try {
    file = std::make_shared<const io::SafetensorsFile>(scratchFile());
  } catch (const io::ModelFileError&) {
    return 0;  // not a safetensors file: the header's own fuzzer covers that
  }
  inspectCheckpoint(*file);
  for (CheckpointComponent component : {CheckpointComponent::UNet, CheckpointComponent::Vae,
                                        CheckpointComponent::TextEncoder, CheckpointComponent::TextEncoder2}) {
    try {
      const SingleFileWeightSource source(file, component);
      for (const std::string& name : source.names()) {
        const std::string key = source.fileKey(name);
        check(!key.empty() && file->contains(key));  // every diffusers tensor comes from a key of the file
        source.shape(name);
      }
    } catch (const io::ModelFileError&) {
    }
  }
  for (const io::TensorEntry& entry : file->entries()) {
    for (int layers = 1; layers <= 3; ++layers) translateUNetKey(entry.name, layers);
    for (int levels = 1; levels <= 4; ++levels) translateVaeKey(entry.name, levels);
  }
  return 0;
}

#pragma once
// Memory-mapped, strictly validated reader for .safetensors files. Qt-free.
//
// Format: u64 little-endian header length N, N bytes of JSON
// {"name": {"dtype": "F16", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}},
// then the data buffer; offsets are relative to the start of the buffer.

#include "core/io/memory_map.h"
#include "core/io/model_file_error.h"

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace droste::io {

struct TensorEntry {
  std::string name;
  std::string dtype;  // as written in the file: "F32", "F16", "BF16", "I64", ...
  c10::ScalarType scalarType = c10::ScalarType::Float;
  std::vector<int64_t> shape;
  uint64_t begin = 0;  // byte offsets into the data buffer
  uint64_t end = 0;
};

class SafetensorsFile {
 public:
  // The largest header we accept (the format's own limit is 100 MB).
  static constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

  explicit SafetensorsFile(const std::filesystem::path& path);  // throws ModelFileError; move-only

  // Parses and validates a header given as bytes (the whole file prefix); used by the
  // constructor and by the fuzzer. dataBytes is the size of the data buffer after the header.
  static std::vector<TensorEntry> parseHeader(std::string_view headerJson, uint64_t dataBytes,
                                              const std::string& fileLabel,
                                              std::map<std::string, std::string>* metadata = nullptr);

  const std::filesystem::path& path() const { return path_; }
  uint64_t fileSize() const { return map_.size(); }
  const std::vector<TensorEntry>& entries() const { return entries_; }  // sorted by name
  const TensorEntry* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }

  // A copy of the tensor converted to dtype on device. The mapped pages are released
  // afterwards so that loading a model does not keep the file resident twice.
  at::Tensor load(std::string_view name, c10::ScalarType dtype, c10::Device device = c10::kCPU) const;
  // The tensor in its stored dtype, on the CPU (a copy).
  at::Tensor loadStored(std::string_view name) const;
  // Rows [rowBegin, rowEnd) of dimension 0 only (e.g. q, k or v of a fused projection).
  at::Tensor loadRows(std::string_view name, int64_t rowBegin, int64_t rowEnd, c10::ScalarType dtype,
                      c10::Device device = c10::kCPU) const;

 private:
  at::Tensor loadElements(const TensorEntry& entry, int64_t first, int64_t count, const std::vector<int64_t>& shape,
                          c10::ScalarType dtype, c10::Device device) const;

  std::filesystem::path path_;
  MemoryMap map_;  // the whole file
  uint64_t dataStart_ = 0;
  std::vector<TensorEntry> entries_;
  std::map<std::string, std::string> metadata_;
};

// Throws ModelFileError with an explanation when path is a pickle-based checkpoint
// (.ckpt, .pt, .pth, .bin): loading those can run arbitrary code.
void refusePickleCheckpoint(const std::filesystem::path& path);

}  // namespace droste::io

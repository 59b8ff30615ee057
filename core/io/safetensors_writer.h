#pragma once
// Writes .safetensors files tensor by tensor (the header first, then each tensor's bytes), so that
// a large file never has to be in memory at once. Used by tests and benchmarks. Qt-free.

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace droste::io {

struct TensorSpec {
  std::string name;
  c10::ScalarType dtype;
  std::vector<int64_t> shape;
};

class SafetensorsWriter {
 public:
  // Writes the header; the tensors must then be appended in the order of specs.
  SafetensorsWriter(const std::filesystem::path& path, std::vector<TensorSpec> specs);
  void append(const at::Tensor& tensor);  // CPU; dtype and shape must equal the next spec's
  void finish();                          // throws if a tensor is missing

 private:
  std::filesystem::path path_;
  std::vector<TensorSpec> specs_;
  size_t next_ = 0;
  std::ofstream out_;
};

// The safetensors dtype name of a scalar type ("F32", "F16", ...).
std::string safetensorsDtypeName(c10::ScalarType type);

void writeSafetensors(const std::filesystem::path& path, const std::vector<std::pair<std::string, at::Tensor>>& tensors);

}  // namespace droste::io

#include "core/io/safetensors_writer.h"

#include "core/io/safetensors.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

namespace droste::io {

std::string safetensorsDtypeName(c10::ScalarType type) {
  switch (type) {
    case c10::ScalarType::Double: return "F64";
    case c10::ScalarType::Float: return "F32";
    case c10::ScalarType::Half: return "F16";
    case c10::ScalarType::BFloat16: return "BF16";
    case c10::ScalarType::Long: return "I64";
    case c10::ScalarType::Int: return "I32";
    case c10::ScalarType::Short: return "I16";
    case c10::ScalarType::Char: return "I8";
    case c10::ScalarType::Byte: return "U8";
    case c10::ScalarType::Bool: return "BOOL";
    default: break;
  }
  throw ModelFileError(std::string("safetensors has no dtype for ") + c10::toString(type));
}

SafetensorsWriter::SafetensorsWriter(const std::filesystem::path& path, std::vector<TensorSpec> specs)
    : path_(path), specs_(std::move(specs)) {
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  uint64_t offset = 0;
  for (const auto& s : specs_) {
    uint64_t bytes = c10::elementSize(s.dtype);
    for (int64_t d : s.shape) bytes *= static_cast<uint64_t>(d);
    header[s.name] = {{"dtype", safetensorsDtypeName(s.dtype)}, {"shape", s.shape}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string json = header.dump();
  json.append((8 - json.size() % 8) % 8, ' ');  // keep the data 8-byte aligned
  out_.open(path, std::ios::binary | std::ios::trunc);
  if (!out_) throw ModelFileError(path.string() + ": cannot create the file");
  uint64_t n = json.size();
  char length[8];
  for (int i = 0; i < 8; ++i) length[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  out_.write(length, 8);
  out_.write(json.data(), static_cast<std::streamsize>(json.size()));
}

void SafetensorsWriter::append(const at::Tensor& tensor) {
  if (next_ >= specs_.size()) throw ModelFileError(path_.string() + ": more tensors than announced");
  const TensorSpec& s = specs_[next_++];
  if (tensor.scalar_type() != s.dtype || tensor.sizes() != c10::IntArrayRef(s.shape))
    throw ModelFileError(path_.string() + ": tensor '" + s.name + "' does not match its announced dtype/shape");
  const at::Tensor t = tensor.contiguous().cpu();
  out_.write(static_cast<const char*>(t.data_ptr()), static_cast<std::streamsize>(t.nbytes()));
  if (!out_) throw ModelFileError(path_.string() + ": write failed (disk full?)");
}

void SafetensorsWriter::finish() {
  if (next_ != specs_.size()) throw ModelFileError(path_.string() + ": not every announced tensor was written");
  out_.close();
  if (!out_) throw ModelFileError(path_.string() + ": write failed (disk full?)");
}

void writeSafetensors(const std::filesystem::path& path, const std::vector<std::pair<std::string, at::Tensor>>& tensors) {
  std::vector<TensorSpec> specs;
  for (const auto& [name, t] : tensors) specs.push_back({name, t.scalar_type(), t.sizes().vec()});
  SafetensorsWriter writer(path, std::move(specs));
  for (const auto& [name, t] : tensors) writer.append(t);
  writer.finish();
}

}  // namespace droste::io

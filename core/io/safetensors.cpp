#include "core/io/safetensors.h"

#include "core/io/memory_map.h"
#include "core/io/unique_fd.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace droste::io {
namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what) {
  throw ModelFileError(file + ": " + what);
}

uint64_t readU64LittleEndian(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

SafetensorsFile::SafetensorsFile(const std::filesystem::path& path) : path_(path) {
  const std::string file = path.string();
  refusePickleCheckpoint(path);
  // Closed when the constructor returns: the mapping keeps the file's contents reachable.
  const UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) fail(file, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) fail(file, std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail(file, "is a folder, not a .safetensors file");
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size == 0) fail(file, "the file is empty");
  if (size < 8) fail(file, "the file is too short to be a safetensors file (" + std::to_string(size) + " bytes)");
  map_ = MemoryMap(fd.get(), size);
  if (!map_) {
    // ENOMEM: no address space left (a memory limit), not a broken file.
    const int error = errno;
    throw ModelFileError(file + ": cannot memory-map: " + std::strerror(error),
                         error == ENOMEM ? ErrorKind::OutOfMemoryCpu : ErrorKind::ModelUnusable);
  }
  const uint8_t* bytes = map_.data();
  // A pickle (protocol 2-5) or a zip-packed torch.save file renamed to .safetensors.
  const bool jsonStart = size > 8 && bytes[8] == '{';
  const bool pickle = bytes[0] == 0x80 && bytes[1] >= 2 && bytes[1] <= 5;
  const bool zip = std::memcmp(bytes, "PK\x03\x04", 4) == 0;
  if (!jsonStart && (pickle || zip))
    fail(file, "this is a PyTorch pickle checkpoint, not a safetensors file. Droste does not load pickle files "
               "because opening one can run arbitrary code. Download the .safetensors version of this model instead");
  const uint64_t headerBytes = readU64LittleEndian(bytes);
  if (headerBytes > kMaxHeaderBytes)
    fail(file, "the safetensors header claims " + std::to_string(headerBytes) +
                   " bytes, more than the 100 MB limit: the file is damaged or not a safetensors file");
  if (headerBytes > size - 8)
    fail(file, "the safetensors header (" + std::to_string(headerBytes) + " bytes) runs past the end of the " +
                   std::to_string(size) + "-byte file: the file is truncated");
  dataStart_ = 8 + headerBytes;
  std::string_view json(reinterpret_cast<const char*>(bytes + 8), headerBytes);
  entries_ = parseHeader(json, size - dataStart_, file, &metadata_);
}

const TensorEntry* SafetensorsFile::find(std::string_view name) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                             [](const TensorEntry& e, std::string_view n) { return e.name < n; });
  return it != entries_.end() && it->name == name ? &*it : nullptr;
}

at::Tensor SafetensorsFile::loadStored(std::string_view name) const {
  const TensorEntry* entry = find(name);
  if (!entry) fail(path_.string(), "has no tensor '" + std::string(name) + "'");
  return load(name, entry->scalarType, c10::kCPU);
}

at::Tensor SafetensorsFile::load(std::string_view name, c10::ScalarType dtype, c10::Device device) const {
  const TensorEntry* entry = find(name);
  if (!entry) fail(path_.string(), "has no tensor '" + std::string(name) + "'");
  const int64_t count = static_cast<int64_t>(c10::multiply_integers(entry->shape));
  return loadElements(*entry, 0, count, entry->shape, dtype, device);
}

at::Tensor SafetensorsFile::loadRows(std::string_view name, int64_t rowBegin, int64_t rowEnd, c10::ScalarType dtype,
                                     c10::Device device) const {
  const TensorEntry* entry = find(name);
  if (!entry) fail(path_.string(), "has no tensor '" + std::string(name) + "'");
  if (entry->shape.empty() || rowBegin < 0 || rowEnd < rowBegin || rowEnd > entry->shape[0])
    fail(path_.string(), "tensor '" + entry->name + "' has no rows " + std::to_string(rowBegin) + ".." +
                             std::to_string(rowEnd) + " (its shape does not fit the model)");
  std::vector<int64_t> shape = entry->shape;
  const int64_t rowElements = static_cast<int64_t>(c10::multiply_integers(shape.begin() + 1, shape.end()));
  shape[0] = rowEnd - rowBegin;
  return loadElements(*entry, rowBegin * rowElements, (rowEnd - rowBegin) * rowElements, shape, dtype, device);
}

at::Tensor SafetensorsFile::loadElements(const TensorEntry& entry, int64_t first, int64_t count,
                                         const std::vector<int64_t>& shape, c10::ScalarType dtype,
                                         c10::Device device) const {
  const uint64_t elementBytes = c10::elementSize(entry.scalarType);
  const uint64_t begin = entry.begin + static_cast<uint64_t>(first) * elementBytes;
  void* data = const_cast<uint8_t*>(map_.data() + dataStart_ + begin);
  const at::Tensor stored = at::from_blob(data, {count}, at::TensorOptions().dtype(entry.scalarType));
  // CPU: convert straight into the result. Other devices: upload the stored dtype (often half the
  // bytes) and convert there.
  at::Tensor result = device.is_cpu() ? at::empty({count}, at::TensorOptions().dtype(dtype))
                                      : at::empty({count}, at::TensorOptions().dtype(entry.scalarType).device(device));
  // Copy in slices and drop each slice's mapped pages right away, so that loading a model keeps
  // at most one slice of the file resident beside the loaded tensors.
  constexpr uint64_t kSliceBytes = 16ull << 20;
  const int64_t slice = std::max<int64_t>(1, static_cast<int64_t>(kSliceBytes / elementBytes));
  for (int64_t a = 0; a < count; a += slice) {
    const int64_t b = std::min(count, a + slice);
    result.slice(0, a, b).copy_(stored.slice(0, a, b));
    map_.dropPages(dataStart_ + begin + static_cast<uint64_t>(a) * elementBytes,
                   dataStart_ + begin + static_cast<uint64_t>(b) * elementBytes);
  }
  if (!device.is_cpu() && dtype != entry.scalarType) result = result.to(dtype);
  return result.view(shape);
}

void refusePickleCheckpoint(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".ckpt" || ext == ".pt" || ext == ".pth" || ext == ".bin" || ext == ".pkl") {
    throw ModelFileError(path.string() +
                         ": this is a pickle checkpoint (" + ext +
                         "). Droste does not load pickle files because opening one can run arbitrary code. "
                         "Download the .safetensors version of this model instead (most model pages offer one).");
  }
}

}  // namespace droste::io

#include "core/io/safetensors.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace droste::io {
namespace {

struct DTypeInfo {
  const char* name;
  c10::ScalarType type;
  uint64_t bytes;
};

constexpr DTypeInfo kDTypes[] = {
    {"F64", c10::ScalarType::Double, 8}, {"F32", c10::ScalarType::Float, 4},
    {"F16", c10::ScalarType::Half, 2},   {"BF16", c10::ScalarType::BFloat16, 2},
    {"I64", c10::ScalarType::Long, 8},   {"I32", c10::ScalarType::Int, 4},
    {"I16", c10::ScalarType::Short, 2},  {"I8", c10::ScalarType::Char, 1},
    {"U8", c10::ScalarType::Byte, 1},    {"BOOL", c10::ScalarType::Bool, 1},
};

const DTypeInfo* findDType(const std::string& name) {
  for (const auto& d : kDTypes)
    if (name == d.name) return &d;
  return nullptr;
}

[[noreturn]] void fail(const std::string& file, const std::string& what) {
  throw ModelFileError(file + ": " + what);
}

uint64_t readU64LittleEndian(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

std::vector<TensorEntry> SafetensorsFile::parseHeader(std::string_view headerJson, uint64_t dataBytes,
                                                      const std::string& file,
                                                      std::map<std::string, std::string>* metadata) {
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(headerJson.begin(), headerJson.end());
  } catch (const nlohmann::json::exception& e) {
    fail(file, std::string("the safetensors header is not valid JSON (") + e.what() +
                   "); the file is damaged or not a safetensors file");
  }
  if (!header.is_object()) fail(file, "the safetensors header is not a JSON object");

  std::vector<TensorEntry> entries;
  for (const auto& [name, value] : header.items()) {
    if (name == "__metadata__") {
      if (!value.is_object()) fail(file, "__metadata__ is not an object");
      for (const auto& [key, text] : value.items()) {
        if (!text.is_string()) fail(file, "__metadata__ value '" + key + "' is not a string");
        if (metadata) (*metadata)[key] = text.get<std::string>();
      }
      continue;
    }
    const std::string where = "tensor '" + name + "'";
    if (!value.is_object()) fail(file, where + " has no description object");
    auto dtypeIt = value.find("dtype");
    auto shapeIt = value.find("shape");
    auto offsetsIt = value.find("data_offsets");
    if (dtypeIt == value.end() || !dtypeIt->is_string()) fail(file, where + " has no dtype");
    if (shapeIt == value.end() || !shapeIt->is_array()) fail(file, where + " has no shape");
    if (offsetsIt == value.end() || !offsetsIt->is_array() || offsetsIt->size() != 2)
      fail(file, where + " has no [begin, end] data_offsets");

    TensorEntry entry;
    entry.name = name;
    entry.dtype = dtypeIt->get<std::string>();
    const DTypeInfo* dtype = findDType(entry.dtype);
    if (!dtype) fail(file, where + " has unsupported dtype '" + entry.dtype + "'");
    entry.scalarType = dtype->type;

    uint64_t elements = 1;
    for (const auto& dim : *shapeIt) {
      if (!dim.is_number_unsigned()) fail(file, where + " has a shape entry that is not a non-negative integer");
      const uint64_t d = dim.get<uint64_t>();
      if (d > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ||
          (d != 0 && elements > std::numeric_limits<uint64_t>::max() / d))
        fail(file, where + " has an impossibly large shape");
      elements *= d;
      entry.shape.push_back(static_cast<int64_t>(d));
    }
    for (const auto& off : *offsetsIt)
      if (!off.is_number_unsigned()) fail(file, where + " has data_offsets that are not non-negative integers");
    entry.begin = (*offsetsIt)[0].get<uint64_t>();
    entry.end = (*offsetsIt)[1].get<uint64_t>();
    if (entry.end < entry.begin) fail(file, where + " has data_offsets that end before they begin");
    if (entry.end > dataBytes)
      fail(file, where + " lies outside the file (data ends at byte " + std::to_string(entry.end) +
                     " of a " + std::to_string(dataBytes) + "-byte data section): the file is truncated or damaged");
    if (elements > std::numeric_limits<uint64_t>::max() / dtype->bytes ||
        elements * dtype->bytes != entry.end - entry.begin)
      fail(file, where + " has " + std::to_string(entry.end - entry.begin) + " bytes of data, but its dtype " +
                     entry.dtype + " and shape need " + std::to_string(elements * dtype->bytes));
    entries.push_back(std::move(entry));
  }

  // No two tensors may share bytes.
  std::vector<const TensorEntry*> byOffset;
  for (const auto& e : entries) byOffset.push_back(&e);
  std::sort(byOffset.begin(), byOffset.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
  for (size_t i = 1; i < byOffset.size(); ++i) {
    if (byOffset[i]->begin < byOffset[i - 1]->end)
      fail(file, "tensors '" + byOffset[i - 1]->name + "' and '" + byOffset[i]->name +
                     "' overlap in the file: the file is damaged");
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return entries;
}

SafetensorsFile::SafetensorsFile(const std::filesystem::path& path) : path_(path) {
  const std::string file = path.string();
  refusePickleCheckpoint(path);
  fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) fail(file, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    ::close(fd_);
    fail(file, std::string("cannot read: ") + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd_);
    fail(file, "is a folder, not a .safetensors file");
  }
  size_ = static_cast<uint64_t>(st.st_size);
  try {
    if (size_ == 0) fail(file, "the file is empty");
    if (size_ < 8) fail(file, "the file is too short to be a safetensors file (" + std::to_string(size_) + " bytes)");
    void* m = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (m == MAP_FAILED) fail(file, std::string("cannot memory-map: ") + std::strerror(errno));
    map_ = static_cast<const uint8_t*>(m);
    const uint64_t headerBytes = readU64LittleEndian(map_);
    if (headerBytes > kMaxHeaderBytes)
      fail(file, "the safetensors header claims " + std::to_string(headerBytes) +
                     " bytes, more than the 100 MB limit: the file is damaged or not a safetensors file");
    if (headerBytes > size_ - 8)
      fail(file, "the safetensors header (" + std::to_string(headerBytes) + " bytes) runs past the end of the " +
                     std::to_string(size_) + "-byte file: the file is truncated");
    dataStart_ = 8 + headerBytes;
    std::string_view json(reinterpret_cast<const char*>(map_ + 8), headerBytes);
    entries_ = parseHeader(json, size_ - dataStart_, file, &metadata_);
  } catch (...) {
    if (map_) ::munmap(const_cast<uint8_t*>(map_), size_);
    ::close(fd_);
    map_ = nullptr;
    fd_ = -1;
    throw;
  }
}

SafetensorsFile::~SafetensorsFile() {
  if (map_) ::munmap(const_cast<uint8_t*>(map_), size_);
  if (fd_ >= 0) ::close(fd_);
}

SafetensorsFile::SafetensorsFile(SafetensorsFile&& o) noexcept { *this = std::move(o); }

SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&& o) noexcept {
  if (this != &o) {
    if (map_) ::munmap(const_cast<uint8_t*>(map_), size_);
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(o.path_);
    fd_ = std::exchange(o.fd_, -1);
    map_ = std::exchange(o.map_, nullptr);
    size_ = std::exchange(o.size_, 0);
    dataStart_ = o.dataStart_;
    entries_ = std::move(o.entries_);
    metadata_ = std::move(o.metadata_);
  }
  return *this;
}

const TensorEntry* SafetensorsFile::find(std::string_view name) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                             [](const TensorEntry& e, std::string_view n) { return e.name < n; });
  return it != entries_.end() && it->name == name ? &*it : nullptr;
}

at::Tensor SafetensorsFile::loadStored(std::string_view name) const {
  const TensorEntry* entry = find(name);
  if (!entry) fail(path_.string(), "has no tensor '" + std::string(name) + "'");
  void* data = const_cast<uint8_t*>(map_ + dataStart_ + entry->begin);
  at::Tensor view = at::from_blob(data, entry->shape, at::TensorOptions().dtype(entry->scalarType));
  at::Tensor copy = view.clone();
  release(*entry);
  return copy;
}

at::Tensor SafetensorsFile::load(std::string_view name, c10::ScalarType dtype, c10::Device device) const {
  const TensorEntry* entry = find(name);
  if (!entry) fail(path_.string(), "has no tensor '" + std::string(name) + "'");
  void* data = const_cast<uint8_t*>(map_ + dataStart_ + entry->begin);
  at::Tensor view = at::from_blob(data, entry->shape, at::TensorOptions().dtype(entry->scalarType));
  at::Tensor result;
  if (device.is_cpu()) {
    result = entry->scalarType == dtype ? view.clone() : view.to(dtype);
  } else {
    // Upload in the stored dtype (often half the bytes), convert on the device.
    result = view.to(device, /*non_blocking=*/false, /*copy=*/true).to(dtype);
  }
  release(*entry);
  return result;
}

void SafetensorsFile::release(const TensorEntry& entry) const {
  static const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  uint64_t first = (dataStart_ + entry.begin + page - 1) / page * page;
  uint64_t last = (dataStart_ + entry.end) / page * page;
  if (last > first) ::madvise(const_cast<uint8_t*>(map_) + first, last - first, MADV_DONTNEED);
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

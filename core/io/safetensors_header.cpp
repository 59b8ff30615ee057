// SafetensorsFile::parseHeader: the validation of a safetensors header. Kept apart from the
// memory-mapping code so that it builds without libtorch for the fuzzer (tests/fuzz).
#include "core/io/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
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
    if (!dtype)
      fail(file, where + " has unsupported dtype '" + entry.dtype +
                     "' (Droste reads F32, F16, BF16, F64 and integer tensors); the file may be quantised or damaged");
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

}  // namespace droste::io

#include "core/diffusion/weights.h"

#include <c10/core/DefaultDtype.h>
#include <torch/nn/module.h>

#include <set>
#include <sstream>

namespace droste::diffusion {
namespace {

std::string shapeText(c10::IntArrayRef shape) {
  std::ostringstream s;
  s << "[";
  for (size_t i = 0; i < shape.size(); ++i) s << (i ? ", " : "") << shape[i];
  s << "]";
  return s.str();
}

void appendList(std::ostringstream& msg, const char* title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  constexpr size_t kShown = 12;
  msg << "\n  " << title << " (" << items.size() << "):";
  for (size_t i = 0; i < items.size() && i < kShown; ++i) msg << "\n    " << items[i];
  if (items.size() > kShown) msg << "\n    ... and " << items.size() - kShown << " more";
}

}  // namespace

bool WeightSource::contains(const std::string& name) const {
  for (const auto& n : names())
    if (n == name) return true;
  return false;
}

SafetensorsWeightSource::SafetensorsWeightSource(std::shared_ptr<const io::SafetensorsFile> file, std::string prefix)
    : file_(std::move(file)), prefix_(std::move(prefix)) {}

std::vector<std::string> SafetensorsWeightSource::names() const {
  std::vector<std::string> result;
  for (const auto& e : file_->entries())
    if (e.name.compare(0, prefix_.size(), prefix_) == 0) result.push_back(e.name.substr(prefix_.size()));
  return result;
}

std::vector<int64_t> SafetensorsWeightSource::shape(const std::string& name) const {
  const auto* entry = file_->find(prefix_ + name);
  if (!entry) throw io::ModelFileError(describe() + ": has no tensor '" + prefix_ + name + "'");
  return entry->shape;
}

at::Tensor SafetensorsWeightSource::load(const std::string& name, c10::ScalarType dtype, c10::Device device) const {
  return file_->load(prefix_ + name, dtype, device);
}

std::string SafetensorsWeightSource::describe() const { return file_->path().string(); }

ModuleConstructionDtype::ModuleConstructionDtype(c10::ScalarType dtype)
    : previous_(c10::typeMetaToScalarType(c10::get_default_dtype())) {
  if (dtype == c10::ScalarType::Half || dtype == c10::ScalarType::BFloat16)
    c10::set_default_dtype(c10::scalarTypeToTypeMeta(dtype));
}

ModuleConstructionDtype::~ModuleConstructionDtype() { c10::set_default_dtype(c10::scalarTypeToTypeMeta(previous_)); }

void loadWeights(torch::nn::Module& module, const WeightSource& source, const LoadOptions& options) {
  const auto available = source.names();
  std::set<std::string> unused(available.begin(), available.end());
  std::vector<std::string> missing, wrongShape, unexpected;

  auto params = module.named_parameters(/*recurse=*/true);
  auto buffers = module.named_buffers(/*recurse=*/true);
  // First pass: check everything, so that all problems are reported at once.
  auto check = [&](const std::string& name, const at::Tensor& t) {
    if (!unused.count(name)) {
      missing.push_back(name);
      return;
    }
    unused.erase(name);
    const auto stored = source.shape(name);
    if (c10::IntArrayRef(stored) != t.sizes())
      wrongShape.push_back(name + ": file has " + shapeText(stored) + ", the model config expects " + shapeText(t.sizes()));
  };
  for (const auto& item : params) check(item.key(), item.value());
  for (const auto& item : buffers) check(item.key(), item.value());
  for (const auto& name : unused)
    if (!options.ignoreUnexpected || !options.ignoreUnexpected(name)) unexpected.push_back(name);

  if (!missing.empty() || !wrongShape.empty() || !unexpected.empty()) {
    std::ostringstream msg;
    msg << source.describe() << ": the weights do not match the model described by its config";
    appendList(msg, "missing tensors", missing);
    appendList(msg, "tensors with the wrong shape", wrongShape);
    appendList(msg, "unexpected tensors", unexpected);
    throw io::ModelFileError(msg.str());
  }

  at::NoGradGuard noGrad;
  for (auto& item : params) item.value().set_data(source.load(item.key(), options.dtype, options.device));
  for (auto& item : buffers) {
    at::Tensor loaded = source.load(item.key(), item.value().scalar_type(), options.device);
    item.value().set_data(loaded);
  }
}

}  // namespace droste::diffusion

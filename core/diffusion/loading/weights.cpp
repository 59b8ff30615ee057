#include "core/diffusion/loading/weights.h"

#include <c10/core/DefaultDtype.h>
#include <c10/core/impl/LocalDispatchKeySet.h>
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

int64_t WeightSource::size(const std::string& name, size_t dim) const {
  if (!contains(name)) return -1;
  const auto s = shape(name);
  return dim < s.size() ? s[dim] : -1;
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

// The whole thread-local key set is saved and put back: removing Meta again with IncludeDispatchKeyGuard
// leaves its backend bit behind (key-set subtraction keeps backend bits), and every later CPU op on the
// thread would then dispatch to Meta (seen on 1.13 and 2.11).
struct ShapeOnlyGuard {
  const c10::impl::LocalDispatchKeySet saved = c10::impl::tls_local_dispatch_key_set();
  ShapeOnlyGuard() { c10::impl::tls_set_dispatch_key_included(c10::DispatchKey::Meta, true); }
  ~ShapeOnlyGuard() { c10::impl::_force_tls_local_dispatch_key_set(saved); }
};

ShapeOnlyConstruction::ShapeOnlyConstruction() : guard_(std::make_unique<ShapeOnlyGuard>()) {}
ShapeOnlyConstruction::~ShapeOnlyConstruction() = default;

std::string WeightMismatch::describe() const {
  std::ostringstream msg;
  appendList(msg, "missing tensors", missing);
  appendList(msg, "tensors with the wrong shape", wrongShape);
  appendList(msg, "unexpected tensors", unexpected);
  return msg.str();
}

WeightMismatch compareWeights(torch::nn::Module& module, const WeightSource& source,
                              const std::function<bool(const std::string&)>& ignoreUnexpected) {
  const auto available = source.names();
  std::set<std::string> unused(available.begin(), available.end());
  WeightMismatch result;
  auto check = [&](const std::string& name, const at::Tensor& t) {
    if (!unused.count(name)) {
      result.missing.push_back(name);
      return;
    }
    unused.erase(name);
    const auto stored = source.shape(name);
    if (c10::IntArrayRef(stored) != t.sizes())
      result.wrongShape.push_back(name + ": file has " + shapeText(stored) + ", the model config expects " +
                                  shapeText(t.sizes()));
  };
  for (const auto& item : module.named_parameters(/*recurse=*/true)) check(item.key(), item.value());
  for (const auto& item : module.named_buffers(/*recurse=*/true)) check(item.key(), item.value());
  for (const auto& name : unused)
    if (!ignoreUnexpected || !ignoreUnexpected(name)) result.unexpected.push_back(name);
  return result;
}

void loadWeights(torch::nn::Module& module, const WeightSource& source, const LoadOptions& options) {
  // Everything is checked first, so that all problems are reported at once.
  const WeightMismatch mismatch = compareWeights(module, source, options.ignoreUnexpected);
  if (!mismatch.empty())
    throw io::ModelFileError(source.describe() + ": the weights do not match the model described by its config" +
                             mismatch.describe());

  auto params = module.named_parameters(/*recurse=*/true);
  auto buffers = module.named_buffers(/*recurse=*/true);
  at::NoGradGuard noGrad;
  for (auto& item : params) item.value().set_data(source.load(item.key(), options.dtype, options.device));
  for (auto& item : buffers) {
    at::Tensor loaded = source.load(item.key(), item.value().scalar_type(), options.device);
    item.value().set_data(loaded);
  }
}

}  // namespace droste::diffusion

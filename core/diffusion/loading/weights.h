#pragma once
// Loading a torch::nn::Module's parameters from named tensors. Module parameter names equal
// the diffusers/transformers state-dict keys, so loading is a name lookup; single-file
// checkpoints provide a WeightSource that translates their names (see model loading).

#include "core/io/safetensors.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace torch::nn {
class Module;
}

namespace droste::diffusion {

// Named tensors a module can be loaded from.
class WeightSource {
 public:
  virtual ~WeightSource() = default;
  virtual std::vector<std::string> names() const = 0;
  virtual std::vector<int64_t> shape(const std::string& name) const = 0;  // name must exist
  virtual at::Tensor load(const std::string& name, c10::ScalarType dtype, c10::Device device) const = 0;
  virtual std::string describe() const = 0;  // for messages: usually the file path
  bool contains(const std::string& name) const;
  // shape(name)[dim], or -1 when there is no such tensor or dimension (configs read from shapes).
  int64_t size(const std::string& name, size_t dim) const;
};

// One safetensors file, optionally only the tensors under a prefix (the prefix is stripped).
class SafetensorsWeightSource : public WeightSource {
 public:
  explicit SafetensorsWeightSource(std::shared_ptr<const io::SafetensorsFile> file, std::string prefix = {});
  std::vector<std::string> names() const override;
  std::vector<int64_t> shape(const std::string& name) const override;
  at::Tensor load(const std::string& name, c10::ScalarType dtype, c10::Device device) const override;
  std::string describe() const override;

 private:
  std::shared_ptr<const io::SafetensorsFile> file_;
  std::string prefix_;
};

struct LoadOptions {
  c10::ScalarType dtype = c10::ScalarType::Float;
  c10::Device device = c10::kCPU;
  // Source tensors that may be present but are not parameters (e.g. position_ids buffers).
  std::function<bool(const std::string&)> ignoreUnexpected;
};

// Modules are built with throwaway initial values and then loaded. While one exists, its
// parameters are created in `dtype` (the default dtype is switched, process-wide, for the scope):
// building a bf16/fp16 model then never holds a full fp32 copy, which would otherwise set the peak
// memory of loading (the SD2 UNet is 3.5 GB in fp32, 1.7 GB in bf16). fp32 leaves everything as is.
class ModuleConstructionDtype {
 public:
  explicit ModuleConstructionDtype(c10::ScalarType dtype);
  ~ModuleConstructionDtype();
  ModuleConstructionDtype(const ModuleConstructionDtype&) = delete;
  ModuleConstructionDtype& operator=(const ModuleConstructionDtype&) = delete;

 private:
  c10::ScalarType previous_;
};

// A module holder (UNet2DConditionModel, ...) built from `args` with its parameters created in `dtype`.
template <typename ModuleHolder, typename... Args>
ModuleHolder constructInDtype(c10::ScalarType dtype, Args&&... args) {
  const ModuleConstructionDtype scope(dtype);
  return ModuleHolder(std::forward<Args>(args)...);
}

struct ShapeOnlyGuard;

// Builds modules with shapes only: inside this scope new tensors get neither memory nor initial values
// (ATen's meta kernels answer every call), so a full-size network is built in milliseconds just for its
// parameter names and shapes — what validating a model against its headers needs. Such a module must
// never be run or loaded. Not nested with ModuleConstructionDtype.
class ShapeOnlyConstruction {
 public:
  ShapeOnlyConstruction();
  ~ShapeOnlyConstruction();
  ShapeOnlyConstruction(const ShapeOnlyConstruction&) = delete;
  ShapeOnlyConstruction& operator=(const ShapeOnlyConstruction&) = delete;

 private:
  std::unique_ptr<ShapeOnlyGuard> guard_;
};

// How a source's tensors differ from a module's parameters and buffers (names and shapes: headers only).
struct WeightMismatch {
  std::vector<std::string> missing, wrongShape, unexpected;
  bool empty() const { return missing.empty() && wrongShape.empty() && unexpected.empty(); }
  std::string describe() const;  // the lists, one problem a line (at most 12 of each)
};
WeightMismatch compareWeights(torch::nn::Module& module, const WeightSource& source,
                              const std::function<bool(const std::string&)>& ignoreUnexpected = {});

// Replaces every parameter of module with the source tensor of the same name, converted to
// options.dtype on options.device. Missing, unexpected and wrongly shaped tensors are all
// reported together in one io::ModelFileError naming the source.
void loadWeights(torch::nn::Module& module, const WeightSource& source, const LoadOptions& options);

}  // namespace droste::diffusion

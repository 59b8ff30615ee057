#pragma once
// Golden parity: the end-to-end pipeline cases of ../shared/fixtures/goldens (pipeline_cases.json and
// pipeline_cases_extra.json, README sections 6, 6b and 8) run through InpaintPipeline from the seed
// and compared with the reference's tensors at the README's tolerances. Shared by the GoogleTest
// goldens and `droste-bench parity`. Qt-free.

#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/pipeline/inpaint_pipeline.h"

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace droste::io {
class SafetensorsFile;
}

namespace droste::diffusion {

// max|actual - golden| / max|golden| (the README's `rel`), and max|actual - golden|, in double.
double relativeError(const at::Tensor& actual, const at::Tensor& golden);
double absoluteError(const at::Tensor& actual, const at::Tensor& golden);

// A golden JSON file (they contain -Infinity, which plain JSON does not allow).
nlohmann::json readGoldenJson(const std::filesystem::path& path);

// One case of pipeline_cases.json / pipeline_cases_extra.json.
struct PipelineGoldenCase {
  nlohmann::json meta;
  std::string name;

  bool keyframe() const { return name.rfind("keyframe", 0) == 0; }
  bool cfg() const { return meta.at("guidance_scale").get<double>() > 1.0; }
  std::filesystem::path modelPath(const std::filesystem::path& fixtures) const;
  std::optional<std::filesystem::path> configFolder(const std::filesystem::path& fixtures) const;
  // Another UNet with the model's other components (meta "unet", e.g. the SDXL base UNet), if any.
  std::optional<std::filesystem::path> unetFolder(const std::filesystem::path& fixtures) const;
  // The model the case runs: modelPath / configFolder, with unetFolder's UNet where given.
  ModelSource openCaseModel(const std::filesystem::path& fixtures) const;
  std::string schedulerName() const;  // our scheduler name; empty = the model's own
  std::string negativePrompt() const;
  // End to end: latents relative error, image and text-embedding absolute error. The shared fixtures'
  // README section 8 by default; a fixture set with its own study says its bounds in goldens/tolerances.json
  // (keys latent_rel, latent_rel_keyframe, image_abs, image_abs_keyframe, text_abs).
  nlohmann::json tolerances = nlohmann::json::object();
  double latentRel() const { return keyframe() ? tolerance("latent_rel_keyframe", 2e-2) : tolerance("latent_rel", 5e-3); }
  double imageAbs() const { return keyframe() ? tolerance("image_abs_keyframe", 1e-2) : tolerance("image_abs", 3e-3); }
  double textAbs() const { return tolerance("text_abs", 1e-4); }
  double tolerance(const char* key, double sharedDefault) const { return tolerances.value(key, sharedDefault); }
  std::filesystem::path goldenFile(const std::filesystem::path& fixtures) const;  // goldens/pipeline_<name>.safetensors
};

std::vector<PipelineGoldenCase> loadPipelineGoldenCases(const std::filesystem::path& fixtures);

// The case's inputs (image_u8, mask_u8 from its golden file) as a pipeline request.
InpaintRequest goldenRequest(const PipelineGoldenCase& c, const io::SafetensorsFile& golden);

struct ParityCheck {
  std::string tensor;  // golden tensor name, e.g. "step4.latents", "image"
  std::string metric;  // "rel", "abs" or "mse"
  double error = 0, tolerance = 0;
  bool gating = true;  // false: reported for diagnosis only (the stages of a reduced-precision run)
  bool passed() const { return !gating || error <= tolerance; }
};

// The fixture README's tolerances are float32 ones. A bf16 or fp16 run is held to the final picture
// instead: mean squared error against the float32 golden at most 1e-3 (PSNR >= 30 dB, images in [0, 1]);
// every stage's error is still reported. Study: tools/device/README.md.
constexpr double kReducedPrecisionImageMse = 1e-3;

struct ParityCaseResult {
  std::string name;
  std::vector<ParityCheck> checks;
  std::string failure;  // a problem that stopped the case (exception, wrong shape, missing tensor)
  bool passed() const;
  const ParityCheck* worst() const;  // the gating check with the largest error / tolerance
};

struct ParityOptions {
  std::filesystem::path fixtures;
  c10::Device device = c10::kCPU;
  c10::ScalarType dtype = c10::ScalarType::Float;
  std::vector<std::string> only;  // case names; empty = all
};

// Runs every selected case end to end (one pipeline per model file) and compares the masked-image
// and image latents, the latents after every step, the decoded picture and the final image (float32:
// every one at the README's tolerance; bf16/fp16: the final image's MSE gates, the rest is reported).
// On CUDA, TF32 is switched off for the run (the README's condition for float32 parity).
// Exceptions of one case are recorded in its result, not thrown.
std::vector<ParityCaseResult> runPipelineParity(const ParityOptions& options,
                                                const std::function<void(const ParityCaseResult&)>& onCase = {});

}  // namespace droste::diffusion

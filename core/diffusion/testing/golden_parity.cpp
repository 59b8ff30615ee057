#include "core/diffusion/testing/golden_parity.h"

#include "core/diffusion/loading/config_json.h"
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/pipeline/inpaint_stages.h"
#include "core/io/safetensors.h"

#include <ATen/Context.h>
#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace droste::diffusion {

namespace fs = std::filesystem;

double relativeError(const at::Tensor& actual, const at::Tensor& golden) {
  const at::Tensor a = actual.to(at::kDouble).cpu(), g = golden.to(at::kDouble).cpu();
  const double scale = g.abs().max().item<double>();
  const double diff = (a - g).abs().max().item<double>();
  return scale > 0 ? diff / scale : diff;
}

double absoluteError(const at::Tensor& actual, const at::Tensor& golden) {
  return (actual.to(at::kDouble).cpu() - golden.to(at::kDouble).cpu()).abs().max().item<double>();
}

nlohmann::json readGoldenJson(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string() + " (is --fixtures the shared/fixtures folder?)");
  std::stringstream text;
  text << in.rdbuf();
  return parseConfigJson(text.str());
}

fs::path PipelineGoldenCase::modelPath(const fs::path& fixtures) const {
  return fixtures / meta.value("model", std::string("tiny-sd2-inpainting"));
}

std::optional<fs::path> PipelineGoldenCase::configFolder(const fs::path& fixtures) const {
  if (!meta.contains("config")) return std::nullopt;
  return fixtures / meta.at("config").get<std::string>();
}

std::string PipelineGoldenCase::schedulerName() const {
  const std::string s = meta.at("scheduler");
  if (s == "default") return "";
  if (s == "euler_a") return "euler-a";
  if (s == "dpmpp_2m_karras") return "dpm++2m-karras";
  if (s == "dpmpp_2m") return "dpm++2m";
  return s;  // ddim, pndm, euler
}

std::string PipelineGoldenCase::negativePrompt() const {
  return meta.at("negative_prompt").is_null() ? "" : meta.at("negative_prompt").get<std::string>();
}

std::optional<fs::path> PipelineGoldenCase::unetFolder(const fs::path& fixtures) const {
  if (!meta.contains("unet")) return std::nullopt;
  return fixtures / meta.at("unet").get<std::string>();
}

ModelSource PipelineGoldenCase::openCaseModel(const fs::path& fixtures) const {
  ModelSource m = openModel(modelPath(fixtures).string(), configFolder(fixtures));
  if (const auto unet = unetFolder(fixtures)) m.unet = openComponentFolder(*unet, "diffusion_pytorch_model");
  return m;
}

fs::path PipelineGoldenCase::goldenFile(const fs::path& fixtures) const {
  return fixtures / "goldens" / ("pipeline_" + name + ".safetensors");
}

std::vector<PipelineGoldenCase> loadPipelineGoldenCases(const fs::path& fixtures) {
  std::vector<PipelineGoldenCase> cases;
  const fs::path tolerancesFile = fixtures / "goldens" / "tolerances.json";
  const nlohmann::json tolerances =
      fs::exists(tolerancesFile) ? readGoldenJson(tolerancesFile) : nlohmann::json::object();
  for (const char* file : {"pipeline_cases.json", "pipeline_cases_extra.json"}) {
    if (std::string(file) != "pipeline_cases.json" && !fs::exists(fixtures / "goldens" / file)) continue;
    for (const auto& meta : readGoldenJson(fixtures / "goldens" / file))
      cases.push_back({meta, meta.at("name").get<std::string>(), tolerances});
  }
  return cases;
}

InpaintRequest goldenRequest(const PipelineGoldenCase& c, const io::SafetensorsFile& golden) {
  InpaintRequest r;
  r.image = imageFromRgbU8(golden.loadStored("image_u8"));
  r.mask = maskFromGreyU8(golden.loadStored("mask_u8"));
  r.prompt = c.meta.at("prompt");
  r.negativePrompt = c.negativePrompt();
  // SDXL: negative_prompt None gives zero embeddings, "" is encoded (force_zeros_for_empty_prompt).
  r.zeroEmptyNegativePrompt = c.meta.at("negative_prompt").is_null();
  r.steps = c.meta.at("steps");
  r.guidance = c.meta.at("guidance_scale");
  r.seed = c.meta.at("seed");
  r.strength = c.meta.at("strength");
  r.scheduler = c.schedulerName();
  return r;
}

bool ParityCaseResult::passed() const {
  if (!failure.empty() || checks.empty()) return false;
  for (const auto& c : checks)
    if (!c.passed()) return false;
  return true;
}

const ParityCheck* ParityCaseResult::worst() const {
  const ParityCheck* w = nullptr;
  for (const auto& c : checks)
    if (c.gating && (!w || c.error / c.tolerance > w->error / w->tolerance)) w = &c;
  return w;
}

namespace {

ParityCaseResult runCase(const PipelineGoldenCase& c, InpaintPipeline& pipeline, const fs::path& fixtures) {
  ParityCaseResult result{c.name, {}, {}};
  const io::SafetensorsFile golden(c.goldenFile(fixtures));
  std::map<std::string, at::Tensor> traced;
  pipeline.setTrace([&](const std::string& name, const at::Tensor& t) { traced[name] = t.detach().to(at::kCPU).clone(); });
  at::Tensor image;
  try {
    image = pipeline.run(goldenRequest(c, golden));
  } catch (...) {
    pipeline.setTrace({});
    throw;
  }
  pipeline.setTrace({});

  const bool float32 = pipeline.dtype() == at::kFloat;
  // Records the comparison and returns the golden tensor.
  auto compare = [&](const std::string& name, const at::Tensor& actual, bool relative, double tolerance) {
    const at::Tensor expected = golden.loadStored(name);
    if (actual.sizes() != expected.sizes()) {
      std::ostringstream msg;
      msg << name << " has shape " << actual.sizes() << ", the golden " << expected.sizes();
      throw std::runtime_error(msg.str());
    }
    result.checks.push_back({name, relative ? "rel" : "abs",
                             relative ? relativeError(actual, expected) : absoluteError(actual, expected), tolerance,
                             float32});
    return expected;
  };
  auto tracedTensor = [&](const std::string& name) -> const at::Tensor& {
    auto it = traced.find(name);
    if (it == traced.end()) throw std::runtime_error("the pipeline produced no " + name);
    return it->second;
  };

  compare("prompt_embeds", tracedTensor("prompt_embeds"), false, c.textAbs());  // README section 8: text encoder abs
  for (const char* name : {"add_text_embeds", "add_time_ids"})  // SDXL's added conditioning
    if (golden.contains(name)) compare(name, tracedTensor(name), false, c.textAbs());
  std::vector<std::string> latents = {"masked_image_latents"};
  if (golden.contains("image_latents")) latents.push_back("image_latents");
  const int calls = c.meta.at("num_unet_calls");
  for (int i = 0; i < calls; ++i) latents.push_back("step" + std::to_string(i) + ".latents");
  latents.push_back("decoded");
  for (const auto& name : latents) compare(name, tracedTensor(name), true, c.latentRel());
  if (traced.count("step" + std::to_string(calls) + ".latents"))
    throw std::runtime_error("the pipeline ran more UNet steps than the reference's " + std::to_string(calls));
  const at::Tensor picture = image.permute({0, 2, 3, 1});
  const at::Tensor goldenPicture = compare("image", picture, false, c.imageAbs());
  if (!float32) {
    const at::Tensor diff = picture.to(at::kDouble) - goldenPicture.to(at::kDouble);
    result.checks.push_back({"image", "mse", diff.square().mean().item<double>(), kReducedPrecisionImageMse});
  }
  return result;
}

}  // namespace

std::vector<ParityCaseResult> runPipelineParity(const ParityOptions& options,
                                                const std::function<void(const ParityCaseResult&)>& onCase) {
  std::map<std::string, std::unique_ptr<InpaintPipeline>> pipelines;  // one per model file
  std::vector<ParityCaseResult> results;
  if (options.device.is_cuda()) {
    at::globalContext().setAllowTF32CuBLAS(false);
    at::globalContext().setAllowTF32CuDNN(false);
  }
  for (const PipelineGoldenCase& c : loadPipelineGoldenCases(options.fixtures)) {
    if (!options.only.empty() && std::find(options.only.begin(), options.only.end(), c.name) == options.only.end())
      continue;
    ParityCaseResult result{c.name, {}, {}};
    try {
      const std::string key = c.modelPath(options.fixtures).string() + "|" +
                              c.unetFolder(options.fixtures).value_or(fs::path()).string();
      auto& pipeline = pipelines[key];
      if (!pipeline) pipeline = InpaintPipeline::load(c.openCaseModel(options.fixtures), options.device, options.dtype);
      result = runCase(c, *pipeline, options.fixtures);
    } catch (const std::exception& e) {
      result.failure = e.what();
    }
    if (onCase) onCase(result);
    results.push_back(std::move(result));
  }
  if (!options.only.empty() && results.size() != options.only.size())
    throw std::invalid_argument("unknown case name among --case values (see goldens/pipeline_cases*.json)");
  return results;
}

}  // namespace droste::diffusion

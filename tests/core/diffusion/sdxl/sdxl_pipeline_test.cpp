// The SDXL inpainting pipeline end to end against every case of tests/fixtures/sdxl/goldens/pipeline_cases.json
// (diffusers' StableDiffusionXLInpaintPipeline: two samplers, CFG on and off, strength 0.9999 / 1 / below 1,
// non-square, empty negative prompt as None and as "", a keyframe, the fp16 single file, the 4-channel base
// model), and the single file against the folder it was made from.
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/pipeline/inpaint_pipeline.h"
#include "core/diffusion/runtime/cpu_capability.h"
#include "core/diffusion/runtime/device_choice.h"
#include "core/diffusion/testing/golden_parity.h"
#include "tests/core/diffusion/sdxl/sdxl_fixtures.h"
#include "tests/core/diffusion/sdxl/sdxl_tolerances.h"

#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace droste;
using namespace droste::diffusion;

namespace {

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const PipelineGoldenCase& c : loadPipelineGoldenCases(test::sdxlFixturesDir())) names.push_back(c.name);
  return names;
}

class SdxlPipelineGolden : public ::testing::TestWithParam<std::string> {};

// From the seed, every stage the reference recorded: prompt embeddings, pooled embeddings and size ids,
// the image and masked-image latents, the latents after each step, the decoded and the final picture.
TEST_P(SdxlPipelineGolden, EndToEndFromTheSeedMatchesTheReference) {
  ParityOptions options;
  options.fixtures = test::sdxlFixturesDir();
  options.only = {GetParam()};
  const std::vector<ParityCaseResult> results = runPipelineParity(options);
  ASSERT_EQ(results.size(), 1u);
  const ParityCaseResult& r = results.front();
  EXPECT_TRUE(r.failure.empty()) << r.failure;
  EXPECT_GE(r.checks.size(), 8u);
  for (const ParityCheck& check : r.checks) {
    EXPECT_TRUE(check.passed()) << check.tensor << " " << check.metric << " " << check.error << " > " << check.tolerance;
    RecordProperty(check.tensor, std::to_string(check.error));
  }
}

INSTANTIATE_TEST_SUITE_P(Goldens, SdxlPipelineGolden, ::testing::ValuesIn(caseNames()),
                         [](const auto& info) { return info.param; });

at::Tensor paint(InpaintPipeline& pipeline, const PipelineGoldenCase& c) {
  const io::SafetensorsFile golden(c.goldenFile(test::sdxlFixturesDir()));
  return pipeline.run(goldenRequest(c, golden));
}

PipelineGoldenCase caseNamed(const std::string& name) {
  for (const PipelineGoldenCase& c : loadPipelineGoldenCases(test::sdxlFixturesDir()))
    if (c.name == name) return c;
  throw std::runtime_error("no SDXL golden case " + name);
}

// The fp16 single file (original SGM layout: both text encoders, label_emb, OpenCLIP's fused q/k/v and
// transposed projection) holds the folder's weights, so the two paint the same picture, bit for bit.
TEST(SdxlSingleFile, PaintsExactlyWhatTheFolderPaints) {
  const std::filesystem::path dir = test::sdxlFixturesDir();
  const ModelSource folder = openModel((dir / "tiny-sdxl-inpainting").string());
  const ModelSource single =
      openModel((dir / "tiny-sdxl-inpainting-single-fp16.safetensors").string(), dir / "tiny-sdxl-inpainting");
  EXPECT_EQ(single.family, ModelFamily::SDXL);
  EXPECT_TRUE(single.singleFile);
  EXPECT_EQ(single.forceZerosForEmptyPrompt, folder.forceZerosForEmptyPrompt);
  // Every tensor the folder's networks use, from the single file, equal after the file's fp16 rounding.
  for (const auto& [a, b] : {std::pair{&folder.unet, &single.unet}, std::pair{&folder.vae, &single.vae},
                             std::pair{&folder.textEncoder, &single.textEncoder},
                             std::pair{&folder.textEncoder2, &single.textEncoder2}}) {
    for (const std::string& name : a->weights->names()) {
      if (name == "text_model.embeddings.position_ids") continue;
      ASSERT_TRUE(b->weights->contains(name)) << name;
      const at::Tensor expected = a->weights->load(name, at::kHalf, at::kCPU);
      EXPECT_TRUE(at::equal(b->weights->load(name, at::kHalf, at::kCPU), expected)) << name;
    }
  }
  const PipelineGoldenCase c = caseNamed("euler");
  const auto fromFolder = InpaintPipeline::load(folder, at::kCPU, at::kFloat);
  const auto fromFile = InpaintPipeline::load(single, at::kCPU, at::kFloat);
  EXPECT_TRUE(at::equal(paint(*fromFolder, c), paint(*fromFile, c)));
}

// What `auto` picks on a CPU with native bf16, held to the reduced-precision bound (final picture within
// MSE 1e-3 of the float32 golden) like the SD goldens; the VAE stays in fp32 (force_upcast).
TEST(SdxlPipeline, AutoPrecisionOnANativeBf16CpuPaintsTheGoldenPictures) {
  if (!cpuCapability().nativeBf16()) GTEST_SKIP() << "this CPU has no native bf16 (" << cpuCapability().describe() << ")";
  ParityOptions options;
  options.fixtures = test::sdxlFixturesDir();
  options.dtype = chooseDevice(DeviceKind::Cpu, Precision::Auto).dtype;
  ASSERT_EQ(options.dtype, at::kBFloat16);
  const std::vector<ParityCaseResult> results = runPipelineParity(options);
  EXPECT_EQ(results.size(), caseNames().size());
  for (const ParityCaseResult& r : results) {
    EXPECT_TRUE(r.passed()) << r.name << ": " << r.failure;
    const auto mse = std::find_if(r.checks.begin(), r.checks.end(), [](const ParityCheck& c) { return c.metric == "mse"; });
    ASSERT_NE(mse, r.checks.end()) << r.name;
    EXPECT_LE(mse->error, kReducedPrecisionImageMse) << r.name;
  }
}

// force_zeros_for_empty_prompt: an empty negative prompt guides with zeros unless asked to encode "".
TEST(SdxlPipeline, AnEmptyNegativePromptIsZeroUnlessEncodingIsAsked) {
  const ModelSource m = openModel((test::sdxlFixturesDir() / "tiny-sdxl-inpainting").string());
  const auto pipeline = InpaintPipeline::load(m, at::kCPU, at::kFloat);
  const PipelineGoldenCase c = caseNamed("negative_none");
  const io::SafetensorsFile golden(c.goldenFile(test::sdxlFixturesDir()));
  InpaintRequest request = goldenRequest(c, golden);
  at::Tensor zeroUncond, encodedUncond;
  pipeline->setTrace([&](const std::string& name, const at::Tensor& t) {
    if (name == "prompt_embeds") zeroUncond = t[0].clone();
  });
  pipeline->run(request);
  request.zeroEmptyNegativePrompt = false;
  pipeline->setTrace([&](const std::string& name, const at::Tensor& t) {
    if (name == "prompt_embeds") encodedUncond = t[0].clone();
  });
  pipeline->run(request);
  pipeline->setTrace({});
  EXPECT_FALSE(zeroUncond.any().item<bool>());
  EXPECT_TRUE(encodedUncond.any().item<bool>());
}

}  // namespace

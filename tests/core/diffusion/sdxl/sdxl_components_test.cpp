// SDXL's networks against tests/fixtures/sdxl/goldens (text_encoders, unet, vae .safetensors; recipe and
// tolerances in tests/fixtures/sdxl/README.md): both text encoders with every hidden state, the pooled and
// projected outputs, the UNet with its text_time conditioning (inpainting and base), the VAE.
#include "core/diffusion/loading/config_guess.h"
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/models/vae.h"
#include "core/diffusion/testing/benchmark.h"
#include "core/diffusion/text/clip_tokenizer.h"
#include "tests/core/diffusion/denoise_test_helpers.h"
#include "tests/core/diffusion/sdxl/sdxl_fixtures.h"
#include "tests/core/diffusion/test_temp_dir.h"
#include "tests/core/diffusion/sdxl/sdxl_tolerances.h"

#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <map>

namespace {

using namespace droste;
using namespace droste::diffusion;

const ModelSource& model(const std::string& folder) {
  static std::map<std::string, ModelSource> cache;
  auto it = cache.find(folder);
  if (it == cache.end()) it = cache.emplace(folder, openModel((test::sdxlFixturesDir() / folder).string())).first;
  return it->second;
}

const ModelSource& inpainting() { return model("tiny-sdxl-inpainting"); }

TEST(SdxlModel, FolderOpensAsSdxlWithBothEncodersAndTokenizers) {
  const ModelSource& m = inpainting();
  EXPECT_EQ(m.family, ModelFamily::SDXL);
  ASSERT_TRUE(m.textEncoder2.weights);
  EXPECT_TRUE(m.forceZerosForEmptyPrompt);
  EXPECT_EQ(m.tokenizer2Dir.filename(), "tokenizer_2");
  const ModelFacts f = describeModel(m);
  EXPECT_EQ(f.unetInChannels, 9);
  EXPECT_GT(f.text2HiddenSize, 0);
  EXPECT_EQ(f.nativeImageSide, m.unet.config.at("sample_size").get<int64_t>() * 8);
  EXPECT_NE(f.storedDtypes.find("text encoder 2"), std::string::npos) << f.storedDtypes;
}

// Families Droste does not run are refused when the model is opened (so on choosing it), naming what runs.
TEST(SdxlModel, OtherFamiliesAreRefusedNamingWhatRuns) {
  const test::TempDir dir("families");
  auto refusal = [&](const nlohmann::json& index) -> std::string {
    std::filesystem::create_directories(dir.path());
    std::ofstream(dir / "model_index.json") << index.dump();
    try {
      openModel(dir.path().string());
    } catch (const io::ModelFileError& e) {
      return e.what();
    }
    return {};
  };
  const std::string sd3 = refusal({{"_class_name", "StableDiffusion3Pipeline"}, {"transformer", {"diffusers", "SD3Transformer2DModel"}}});
  EXPECT_NE(sd3.find("StableDiffusion3Pipeline"), std::string::npos) << sd3;
  EXPECT_NE(sd3.find("1.x, 2.x or XL"), std::string::npos) << sd3;
  const std::string flux = refusal({{"_class_name", "FluxPipeline"}, {"transformer", {"diffusers", "FluxTransformer2DModel"}}});
  EXPECT_NE(flux.find("FluxPipeline"), std::string::npos) << flux;
  const std::string refiner = refusal({{"_class_name", "StableDiffusionXLImg2ImgPipeline"},
                                       {"text_encoder", {nullptr, nullptr}},
                                       {"text_encoder_2", {"transformers", "CLIPTextModelWithProjection"}},
                                       {"unet", {"diffusers", "UNet2DConditionModel"}},
                                       {"requires_aesthetics_score", true}});
  EXPECT_NE(refiner.find("refiner"), std::string::npos) << refiner;
}

TEST(SdxlTextEncoders, TokensHiddenStatesPooledAndProjectionMatch) {
  c10::InferenceMode guard;
  const auto g = test::openSdxlGolden("text_encoders.safetensors");
  const ModelSource& m = inpainting();
  const ClipTokenizer tokenizer = ClipTokenizer::fromFolder(m.tokenizerDir);
  const ClipTokenizer tokenizer2 = ClipTokenizer::fromFolder(m.tokenizer2Dir);
  const auto prompts = test::readJson(test::sdxlFixturesDir() / "goldens" / "components.json").at("prompts");
  std::vector<at::Tensor> ids1, ids2;
  for (const auto& p : prompts) {
    ids1.push_back(torch::tensor(tokenizer.encode(p.get<std::string>()), at::kLong).unsqueeze(0));
    ids2.push_back(torch::tensor(tokenizer2.encode(p.get<std::string>()), at::kLong).unsqueeze(0));
  }
  // The two tokenizers differ in their padding ("!" = 0 for the second) and so in their ids.
  EXPECT_TRUE(at::equal(at::cat(ids1), g->loadStored("text_encoder.input_ids")));
  EXPECT_TRUE(at::equal(at::cat(ids2), g->loadStored("text_encoder_2.input_ids")));

  ClipTextModel first = loadClipTextModel(m.textEncoder.config, *m.textEncoder.weights, {});
  ClipTextModel second = loadClipTextModel(m.textEncoder2.config, *m.textEncoder2.weights, {}, /*withProjection=*/true);
  const ClipTextOutput a = first->encode(g->loadStored("text_encoder.input_ids"));
  const ClipTextOutput b = second->encode(g->loadStored("text_encoder_2.input_ids"));
  for (const auto& [prefix, out] : {std::pair{std::string("text_encoder."), &a}, std::pair{std::string("text_encoder_2."), &b}}) {
    for (size_t k = 0; k < out->hiddenStates.size(); ++k) {
      const std::string name = prefix + "hidden_states." + std::to_string(k);
      EXPECT_LE(test::absError(out->hiddenStates[k], g->loadStored(name)), test::kSdxlTextAbs) << name;
    }
    EXPECT_LE(test::absError(out->lastHiddenState, g->loadStored(prefix + "last_hidden_state")), test::kSdxlTextAbs);
  }
  EXPECT_LE(test::absError(a.pooled, g->loadStored("text_encoder.pooler_output")), test::kSdxlTextAbs);
  EXPECT_LE(test::absError(b.textEmbeds, g->loadStored("text_encoder_2.text_embeds")), test::kSdxlTextAbs);
  // What the pipeline feeds the UNet: both penultimate hidden states side by side.
  const at::Tensor embeds = at::cat({a.hiddenStates.end()[-2], b.hiddenStates.end()[-2]}, -1);
  EXPECT_LE(test::absError(embeds, g->loadStored("prompt_embeds")), test::kSdxlTextAbs);
}

struct UNetCase {
  std::string prefix;  // "inpainting" (tiny-sdxl-inpainting/unet) or "base" (tiny-sdxl-base/unet, 4 channels)
  std::string name;    // c0..c4
};

void PrintTo(const UNetCase& c, std::ostream* out) { *out << c.prefix << "." << c.name; }

class SdxlUNetGolden : public ::testing::TestWithParam<UNetCase> {};

TEST_P(SdxlUNetGolden, MatchesReferenceWithTextTimeConditioning) {
  c10::InferenceMode guard;
  const UNetCase& c = GetParam();
  const auto g = test::openSdxlGolden("unet.safetensors");
  const std::string p = c.prefix + "." + c.name + ".";
  // The base model is its UNet alone, used with the inpainting model's other components (fixtures README 2).
  const ComponentSource source = openComponentFolder(
      test::sdxlFixturesDir() / (c.prefix == "base" ? "tiny-sdxl-base" : "tiny-sdxl-inpainting") / "unet",
      "diffusion_pytorch_model");
  UNet2DConditionModel unet = loadUNet(source.config, *source.weights, at::kFloat, at::kCPU);
  std::map<std::string, at::Tensor> traced;
  unet->setTrace([&](const std::string& name, const at::Tensor& t) { traced[name] = t.clone(); });
  UNetAddedConditions added{g->loadStored(p + "text_embeds"), g->loadStored(p + "time_ids")};
  const at::Tensor out =
      unet->forward(g->loadStored(p + "sample"), g->loadStored(p + "timestep"), g->loadStored(p + "encoder_hidden_states"), &added);
  EXPECT_LE(test::absError(out, g->loadStored(p + "out")), test::kSdxlUNetAbs);
  // The intermediates the reference recorded (c0): the embeddings first, where SDXL differs.
  std::map<std::string, std::string> ours{{"time_proj", "time_proj"},
                                          {"time_embedding", "time_embedding"},
                                          {"conv_in", "conv_in"},
                                          {"mid_block", "mid_block"},
                                          {"conv_out", "conv_out"}};
  for (int i = 0; i < 3; ++i)
    for (const char* side : {"down_blocks.", "up_blocks."})
      ours[side + std::to_string(i)] = side + std::to_string(i);
  int compared = 0;
  for (const auto& [golden, traceName] : ours) {
    if (!g->contains(p + "inter." + golden)) continue;
    ASSERT_TRUE(traced.count(traceName)) << traceName;
    EXPECT_LE(test::absError(traced.at(traceName), g->loadStored(p + "inter." + golden)), test::kSdxlUNetAbs) << golden;
    ++compared;
  }
  if (g->contains(p + "inter.add_embedding")) {
    // add_embedding's output is the difference the size/pooled conditioning makes to the time embedding.
    const at::Tensor aug = traced.at("time_embedding_with_added") - traced.at("time_embedding");
    EXPECT_LE(test::absError(aug, g->loadStored(p + "inter.add_embedding")), test::kSdxlUNetAbs);
    EXPECT_GE(compared, 10);
  }
}

std::vector<UNetCase> unetCases() {
  std::vector<UNetCase> cases;
  for (const char* model : {"inpainting", "base"})
    for (const char* name : {"c0", "c1", "c2", "c3", "c4"}) cases.push_back({model, name});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Goldens, SdxlUNetGolden, ::testing::ValuesIn(unetCases()),
                         [](const auto& info) { return info.param.prefix + "_" + info.param.name; });

TEST(SdxlUNet, RefusesToRunWithoutItsAddedConditioning) {
  c10::InferenceMode guard;
  const auto g = test::openSdxlGolden("unet.safetensors");
  const ModelSource& m = inpainting();
  UNet2DConditionModel unet = loadUNet(m.unet.config, *m.unet.weights, at::kFloat, at::kCPU);
  EXPECT_THROW(unet->forward(g->loadStored("inpainting.c0.sample"), g->loadStored("inpainting.c0.timestep"),
                             g->loadStored("inpainting.c0.encoder_hidden_states")),
               std::invalid_argument);
  UNetAddedConditions wrong{g->loadStored("inpainting.c0.text_embeds").slice(1, 0, 3), g->loadStored("inpainting.c0.time_ids")};
  EXPECT_THROW(unet->forward(g->loadStored("inpainting.c0.sample"), g->loadStored("inpainting.c0.timestep"),
                             g->loadStored("inpainting.c0.encoder_hidden_states"), &wrong),
               std::invalid_argument);
}

class SdxlVaeGolden : public ::testing::TestWithParam<int> {};

TEST_P(SdxlVaeGolden, EncodesAndDecodesAsTheReference) {
  c10::InferenceMode guard;
  const auto g = test::openSdxlGolden("vae.safetensors");
  const ModelSource& m = inpainting();
  AutoencoderKL vae = loadVae(m.vae.config, m.vae.weights, at::kFloat, at::kCPU);
  EXPECT_TRUE(vae->config().forceUpcast);
  EXPECT_DOUBLE_EQ(vae->scalingFactor(), m.vae.config.at("scaling_factor").get<double>());
  const std::string e = "enc" + std::to_string(GetParam()) + ".", d = "dec" + std::to_string(GetParam()) + ".";
  const at::Tensor image = g->loadStored(e + "image");
  // An all-zero picture is ill-conditioned for the GroupNorms (the shared README's section 8.1).
  const bool allZero = !image.any().item<bool>();
  const LatentDistribution dist = vae->encode(image);
  EXPECT_LE(test::absError(dist.mean, g->loadStored(e + "mean")), allZero ? test::kSdxlZeroImageMeanAbs : test::kSdxlVaeMeanAbs);
  EXPECT_LE(test::absError(dist.std, g->loadStored(e + "std")), allZero ? test::kSdxlZeroImageStdAbs : test::kSdxlVaeStdAbs);
  EXPECT_LE(test::absError(vae->decode(g->loadStored(d + "latent")), g->loadStored(d + "out")), test::kSdxlVaeAbs);
}

INSTANTIATE_TEST_SUITE_P(Goldens, SdxlVaeGolden, ::testing::Values(0, 1, 2, 3));

}  // namespace

namespace {

using namespace droste;
using namespace droste::diffusion;

// Names and shapes of a module's parameters (built with shapes only), as a checkpoint's headers give them.
class ShapesOf : public WeightSource {
 public:
  explicit ShapesOf(const torch::nn::Module& module) {
    for (const auto& p : module.named_parameters()) shapes_[p.key()] = p.value().sizes().vec();
  }
  std::vector<std::string> names() const override {
    std::vector<std::string> out;
    for (const auto& [name, shape] : shapes_) out.push_back(name);
    return out;
  }
  std::vector<int64_t> shape(const std::string& name) const override { return shapes_.at(name); }
  at::Tensor load(const std::string&, c10::ScalarType, c10::Device) const override {
    throw std::logic_error("shapes only");
  }
  std::string describe() const override { return "shapes"; }

 private:
  std::map<std::string, std::vector<int64_t>> shapes_;
};

// A real-size SDXL single file opened without a config folder: the UNet's and the second encoder's configs
// come from the tensor shapes plus SDXL's known settings (the tiny fixture's 8-channel blocks cannot tell
// their head counts, so this is checked at the real size, shapes only: no memory).
TEST(SdxlSingleFile, RealSizeConfigsAreReadFromTheShapes) {
  const nlohmann::json unetConfig = realUNetConfig("sdxl");
  std::shared_ptr<torch::nn::Module> unet, text2;
  {
    const ShapeOnlyConstruction shapesOnly;
    unet = UNet2DConditionModel(unetConfig).ptr();
    text2 = ClipTextModel(ClipTextConfig::fromJson(realTextEncoderConfig("sdxl", 2), "text_encoder_2", true)).ptr();
  }
  const nlohmann::json guessed = unetConfigFromShapes(ShapesOf(*unet), ModelFamily::SDXL, "sdxl.safetensors");
  const UNetConfig a = UNetConfig::fromJson(guessed), b = UNetConfig::fromJson(unetConfig);
  EXPECT_EQ(a.blockOutChannels, b.blockOutChannels);
  EXPECT_EQ(a.downBlockHasAttention, b.downBlockHasAttention);
  EXPECT_EQ(a.upBlockHasAttention, b.upBlockHasAttention);
  EXPECT_EQ(a.heads, b.heads);
  EXPECT_EQ(a.transformerLayers, b.transformerLayers);
  EXPECT_EQ(a.crossAttentionDim, b.crossAttentionDim);
  EXPECT_EQ(a.additionTimeEmbedDim, b.additionTimeEmbedDim);
  EXPECT_EQ(a.projectionClassEmbeddingsInputDim, b.projectionClassEmbeddingsInputDim);
  EXPECT_TRUE(a.useLinearProjection);
  const nlohmann::json text = xlText2ConfigFromShapes(ShapesOf(*text2), "sdxl.safetensors");
  const ClipTextConfig t = ClipTextConfig::fromJson(text, "guessed", true);
  const ClipTextConfig real = ClipTextConfig::fromJson(realTextEncoderConfig("sdxl", 2), "real", true);
  EXPECT_EQ(t.hiddenSize, real.hiddenSize);
  EXPECT_EQ(t.numLayers, real.numLayers);
  EXPECT_EQ(t.numHeads, real.numHeads);
  EXPECT_EQ(t.projectionDim, real.projectionDim);
  EXPECT_EQ(t.hiddenAct, "gelu");
  EXPECT_EQ(standardSchedulerConfig(ModelFamily::SDXL).at("_class_name"), "EulerDiscreteScheduler");
}

}  // namespace

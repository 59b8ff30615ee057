// UNet2DConditionModel against goldens/unet.safetensors (README section 2; tolerance abs 2e-4)
// and the 4-channel tiny-sd2-base UNet against its pipeline goldens' UNet stages.
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/attention.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/testing/benchmark.h"
#include "tests/core/diffusion/denoise_test_helpers.h"

#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace {

using namespace droste;
using droste::diffusion::AttentionKernel;

constexpr double kUNetTolerance = 2e-4;

struct UNetCase {
  std::string name;
  AttentionKernel kernel;
};

void PrintTo(const UNetCase& c, std::ostream* os) {  // readable ctest names
  *os << c.name << (c.kernel == AttentionKernel::Fused ? " fused" : " chunked");
}

std::string caseName(const testing::TestParamInfo<UNetCase>& info) {
  return info.param.name + (info.param.kernel == AttentionKernel::Fused ? "_fused" : "_chunked");
}

class UNetGolden : public testing::TestWithParam<UNetCase> {
 protected:
  void SetUp() override {
    diffusion::setAttentionKernel(GetParam().kernel);
    // A slice far below one head's scores, so the chunked kernel really walks query rows in many slices.
    if (GetParam().kernel == AttentionKernel::Chunked) diffusion::setAttentionSliceBytes(1000);
  }
  void TearDown() override {
    diffusion::setAttentionKernel(AttentionKernel::Auto);
    diffusion::setAttentionSliceBytes(0);
  }

  static diffusion::UNet2DConditionModel& inpaintingUNet() {
    static diffusion::UNet2DConditionModel unet = [] {
      auto folder = test::componentFolder("tiny-sd2-inpainting/unet");
      return diffusion::loadUNet(folder.config, *folder.weights, at::kFloat, at::kCPU);
    }();
    return unet;
  }
};

TEST_P(UNetGolden, MatchesReferenceOutput) {
  c10::InferenceMode guard;
  const auto goldens = test::golden("unet.safetensors");
  const std::string c = GetParam().name;
  auto& unet = inpaintingUNet();
  std::map<std::string, at::Tensor> traced;
  if (c == "c0") unet->setTrace([&](const std::string& name, const at::Tensor& t) { traced[name] = t.clone(); });
  const at::Tensor out = unet->forward(goldens->load(c + ".sample", at::kFloat), goldens->load(c + ".timestep", at::kFloat),
                                       goldens->load(c + ".encoder_hidden_states", at::kFloat));
  unet->setTrace({});
  const at::Tensor expected = goldens->load(c + ".out", at::kFloat);
  ASSERT_EQ(out.sizes(), expected.sizes());
  EXPECT_LE(test::maxAbsDiff(out, expected), kUNetTolerance) << c;

  if (c != "c0") return;
  // Intermediate activations recorded by the reference's forward hooks.
  int compared = 0;
  for (const auto& entry : goldens->entries()) {
    const std::string prefix = "c0.inter.";
    if (entry.name.rfind(prefix, 0) != 0) continue;
    const std::string module = entry.name.substr(prefix.size());
    if (!traced.count(module)) continue;  // sub-block hooks (down_blocks.0.resnets.0 ...) are not traced
    EXPECT_LE(test::maxAbsDiff(traced[module], goldens->load(entry.name, at::kFloat)), kUNetTolerance) << module;
    ++compared;
  }
  EXPECT_GE(compared, 13);  // time_proj, time_embedding, conv_in, 4 down, mid, 4 up, conv_norm_out, conv_out
}

INSTANTIATE_TEST_SUITE_P(AllCases, UNetGolden,
                         testing::Values(UNetCase{"c0", AttentionKernel::Fused}, UNetCase{"c1", AttentionKernel::Fused},
                                         UNetCase{"c2", AttentionKernel::Fused}, UNetCase{"c3", AttentionKernel::Fused},
                                         UNetCase{"c4", AttentionKernel::Fused}, UNetCase{"c0", AttentionKernel::Chunked},
                                         UNetCase{"c3", AttentionKernel::Chunked}),
                         caseName);

// The plain SD2 UNet (4 input channels): every UNet call of the latent-blending pipeline goldens,
// fed with the recorded input, timestep and prompt embeddings.
TEST(UNetBase, MatchesPipelineUNetStages) {
  c10::InferenceMode guard;
  auto folder = test::componentFolder("tiny-sd2-base/unet");
  auto unet = diffusion::loadUNet(folder.config, *folder.weights, at::kFloat, at::kCPU);
  EXPECT_EQ(unet->config().inChannels, 4);
  int calls = 0;
  for (const char* file : {"pipeline_base_pndm.safetensors", "pipeline_base_ddim_strength075.safetensors"}) {
    const auto g = test::golden(file);
    const at::Tensor embeds = g->load("prompt_embeds", at::kFloat);
    for (int i = 0; g->contains("step" + std::to_string(i) + ".unet_in"); ++i) {
      const std::string s = "step" + std::to_string(i);
      const at::Tensor out = unet->forward(g->load(s + ".unet_in", at::kFloat), g->load(s + ".t", at::kLong), embeds);
      EXPECT_LE(test::maxAbsDiff(out, g->load(s + ".unet_out", at::kFloat)), kUNetTolerance) << file << " " << s;
      ++calls;
    }
  }
  EXPECT_GE(calls, 6);
}

TEST(UNetConfig, AttentionHeadDimIsTheNumberOfHeadsPerBlock) {
  auto config = test::readJson(test::fixturesDir() / "tiny-sd2-inpainting/unet/config.json");
  auto c = diffusion::UNetConfig::fromJson(config);
  EXPECT_EQ(c.heads, (std::vector<int64_t>{1, 2, 4, 4}));
  EXPECT_EQ(c.normNumGroups, 8);
  EXPECT_TRUE(c.useLinearProjection);
  config["attention_head_dim"] = 8;  // SD1.x style: one int for every block
  config["use_linear_projection"] = nullptr;
  config["block_out_channels"] = {64, 64, 64, 128};
  c = diffusion::UNetConfig::fromJson(config);
  EXPECT_EQ(c.heads, (std::vector<int64_t>{8, 8, 8, 8}));
  EXPECT_FALSE(c.useLinearProjection);
}

// SDXL's text_time conditioning is accepted with its sizes; conditionings we cannot run are refused by name.
TEST(UNetConfig, RefusesConditioningItCannotRunByName) {
  const auto base = test::readJson(test::fixturesDir() / "tiny-sd2-inpainting/unet/config.json");
  auto messageFor = [](const nlohmann::json& config) {
    return test::invalidArgumentMessage([&] { diffusion::UNetConfig::fromJson(config); });
  };
  auto config = base;
  config["addition_embed_type"] = "text_time";  // without the sizes it needs
  EXPECT_NE(messageFor(config).find("addition_time_embed_dim"), std::string::npos) << messageFor(config);
  config["addition_time_embed_dim"] = 8;
  config["projection_class_embeddings_input_dim"] = 16 + 6 * 8;
  EXPECT_EQ(messageFor(config), "accepted");
  EXPECT_TRUE(diffusion::UNetConfig::fromJson(config).textTimeConditioning());
  config["addition_embed_type"] = "image";
  EXPECT_NE(messageFor(config).find("addition_embed_type"), std::string::npos) << messageFor(config);
  config = base;
  config["class_embed_type"] = "timestep";
  EXPECT_NE(messageFor(config).find("class_embed_type"), std::string::npos) << messageFor(config);
}

// SD1.x layout: 1x1-conv proj_in/proj_out and one head count for all blocks. Random weights;
// checks the parameter names/shapes (conv projections) and that conv and linear projections agree
// when given the same weights.
TEST(UNetConfig, ConvProjectionEqualsLinearProjectionWithSameWeights) {
  c10::InferenceMode guard;
  auto config = test::readJson(test::fixturesDir() / "tiny-sd2-inpainting/unet/config.json");
  auto folder = test::componentFolder("tiny-sd2-inpainting/unet");
  auto linear = diffusion::loadUNet(config, *folder.weights, at::kFloat, at::kCPU);
  config["use_linear_projection"] = false;
  diffusion::UNet2DConditionModel conv(config);
  auto convParams = conv->named_parameters();
  auto linearParams = linear->named_parameters();
  for (auto& item : convParams) {
    const at::Tensor& src = linearParams[item.key()];
    ASSERT_EQ(src.numel(), item.value().numel()) << item.key();
    item.value().set_data(src.reshape(item.value().sizes()).clone());
  }
  const auto g = test::golden("unet.safetensors");
  const at::Tensor sample = g->load("c2.sample", at::kFloat), t = g->load("c2.timestep", at::kFloat),
                   ehs = g->load("c2.encoder_hidden_states", at::kFloat);
  EXPECT_LE(test::maxAbsDiff(conv->forward(sample, t, ehs), g->load("c2.out", at::kFloat)), kUNetTolerance);
}

}  // namespace

// Validating a model builds its networks with shapes only: the full-size SD2 UNet (865M parameters)
// takes no memory for its weights, and the thread computes on the CPU as before afterwards.
TEST(ShapeOnlyConstruction, BuildsAFullSizeUNetWithoutItsWeightsMemory) {
  auto residentKb = [] {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0L;
  };
  const long before = residentKb();
  int64_t parameters = 0;
  {
    const diffusion::ShapeOnlyConstruction shapesOnly;
    diffusion::UNet2DConditionModel unet(diffusion::realUNetConfig("sd2"));
    for (const auto& p : unet->parameters()) parameters += p.numel();
  }
  EXPECT_GT(parameters, 800'000'000);
  EXPECT_LT(residentKb() - before, 200'000) << "kB resident after building it";  // its weights would be 3.5 GB
  const at::Tensor w = at::randn({10, 4});
  EXPECT_EQ(at::index_select(w, 0, at::arange(3)).sizes(), (at::IntArrayRef{3, 4}));  // not dispatched to Meta
  EXPECT_TRUE(w.is_cpu());
}

// A value of the wrong kind, out of range or not divisible into the groups is refused naming the key, before
// any network is built (tests/fuzz/model_configs_fuzzer.cpp holds every reader to this).
TEST(UNetConfig, BrokenValuesAreRefusedNamingTheKey) {
  const auto base = test::readJson(test::fixturesDir() / "tiny-sd2-inpainting/unet/config.json");
  auto messageFor = [&](const char* key, const nlohmann::json& value) {
    auto config = base;
    config[key] = value;
    return test::invalidArgumentMessage([&] { diffusion::UNetConfig::fromJson(config); });
  };
  EXPECT_EQ(messageFor("in_channels", "four"), "config.json: 'in_channels' is \"four\", not a whole number");
  EXPECT_NE(messageFor("in_channels", 0).find("'in_channels' is 0, outside 1.."), std::string::npos);
  EXPECT_NE(messageFor("block_out_channels", {32, 1e300, 64, 64}).find("'block_out_channels'"), std::string::npos);
  const nlohmann::json none = nlohmann::json::array();
  const nlohmann::json noBlocks = {{"block_out_channels", none}, {"down_block_types", none}, {"up_block_types", none}};
  EXPECT_EQ(test::invalidArgumentMessage([&] { diffusion::UNetConfig::fromJson(noBlocks); }),
            "UNet config: block_out_channels is empty");
  EXPECT_NE(messageFor("norm_num_groups", 0).find("'norm_num_groups'"), std::string::npos);
  EXPECT_NE(messageFor("norm_num_groups", 7).find("not divisible into norm_num_groups 7"), std::string::npos);
  EXPECT_NE(messageFor("layers_per_block", 1 << 20).find("'layers_per_block'"), std::string::npos);
  EXPECT_NE(messageFor("use_linear_projection", 3).find("true or false"), std::string::npos);
  EXPECT_EQ(messageFor("layers_per_block", 2.0), "accepted");  // a whole number written as a float
}

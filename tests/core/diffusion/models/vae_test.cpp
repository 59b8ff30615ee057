// AutoencoderKL against goldens/vae.safetensors (README section 3). Tolerances (section 8):
// mean abs 1e-3 (values up to ~30), logvar / std / decoder output abs 1e-4.
#include "core/diffusion/models/attention.h"
#include "core/diffusion/models/vae.h"
#include "tests/core/diffusion/denoise_test_helpers.h"

#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cstring>
#include <map>

namespace {

using namespace droste;
using droste::diffusion::AttentionKernel;

constexpr double kMeanTolerance = 1e-3;
constexpr double kTolerance = 1e-4;

diffusion::AutoencoderKL& tinyVae() {
  static diffusion::AutoencoderKL vae = [] {
    auto folder = test::componentFolder("tiny-sd2-inpainting/vae");
    return diffusion::loadVae(folder.config, folder.weights, at::kFloat, at::kCPU);
  }();
  return vae;
}

class VaeGolden : public testing::TestWithParam<int> {};

TEST_P(VaeGolden, EncodeMatchesReference) {
  c10::InferenceMode guard;
  const auto g = test::golden("vae.safetensors");
  const std::string c = "enc" + std::to_string(GetParam());
  auto& vae = tinyVae();
  std::map<std::string, at::Tensor> traced;
  vae->setTrace([&](const std::string& name, const at::Tensor& t) { traced[name] = t.clone(); });
  const auto dist = vae->encode(g->load(c + ".image", at::kFloat));
  vae->setTrace({});
  EXPECT_LE(test::maxAbsDiff(dist.mean, g->load(c + ".mean", at::kFloat)), kMeanTolerance);
  EXPECT_LE(test::maxAbsDiff(dist.logvar, g->load(c + ".logvar", at::kFloat)), kTolerance);
  EXPECT_LE(test::maxAbsDiff(dist.std, g->load(c + ".std", at::kFloat)), kTolerance);
  EXPECT_LE(test::maxAbsDiff(traced.at("quant_conv"), g->load(c + ".moments", at::kFloat)), kMeanTolerance);
  // sample = mean + std * noise (the noise comes from the reference's generator)
  const at::Tensor sample = dist.sample(g->load(c + ".sample_noise", at::kFloat));
  EXPECT_LE(test::maxAbsDiff(sample, g->load(c + ".sample", at::kFloat)), kMeanTolerance);

  int compared = 0;
  for (const auto& entry : g->entries()) {
    const std::string prefix = c + ".inter.";
    if (entry.name.rfind(prefix, 0) != 0) continue;
    const std::string module = entry.name.substr(prefix.size());
    ASSERT_TRUE(traced.count(module)) << "not traced: " << module;
    EXPECT_LE(test::maxAbsDiff(traced[module], g->load(entry.name, at::kFloat)), kMeanTolerance) << module;
    ++compared;
  }
  if (GetParam() == 3) {
    EXPECT_EQ(compared, 8);
  }
}

TEST_P(VaeGolden, DecodeMatchesReference) {
  c10::InferenceMode guard;
  const auto g = test::golden("vae.safetensors");
  const std::string c = "dec" + std::to_string(GetParam());
  auto& vae = tinyVae();
  std::map<std::string, at::Tensor> traced;
  vae->setTrace([&](const std::string& name, const at::Tensor& t) { traced[name] = t.clone(); });
  const at::Tensor out = vae->decode(g->load(c + ".latent", at::kFloat));
  vae->setTrace({});
  const at::Tensor expected = g->load(c + ".out", at::kFloat);
  ASSERT_EQ(out.sizes(), expected.sizes());
  EXPECT_LE(test::maxAbsDiff(out, expected), kTolerance);

  int compared = 0;
  for (const auto& entry : g->entries()) {
    const std::string prefix = c + ".inter.";
    if (entry.name.rfind(prefix, 0) != 0) continue;
    const std::string module = entry.name.substr(prefix.size());
    ASSERT_TRUE(traced.count(module)) << "not traced: " << module;
    EXPECT_LE(test::maxAbsDiff(traced[module], g->load(entry.name, at::kFloat)), kTolerance) << module;
    ++compared;
  }
  if (GetParam() == 3) {
    EXPECT_EQ(compared, 8);  // post_quant_conv, conv_in, mid_block, 4 up blocks, conv_out
  }
}

INSTANTIATE_TEST_SUITE_P(AllCases, VaeGolden, testing::Values(0, 1, 2, 3));

TEST(Vae, ChunkedAttentionMatchesReference) {
  c10::InferenceMode guard;
  diffusion::setAttentionKernel(AttentionKernel::Chunked);
  diffusion::setAttentionSliceBytes(1000);  // many slices of query rows
  const auto g = test::golden("vae.safetensors");
  const at::Tensor out = tinyVae()->decode(g->load("dec2.latent", at::kFloat));
  const auto dist = tinyVae()->encode(g->load("enc2.image", at::kFloat));
  diffusion::setAttentionKernel(AttentionKernel::Auto);
  diffusion::setAttentionSliceBytes(0);
  EXPECT_LE(test::maxAbsDiff(out, g->load("dec2.out", at::kFloat)), kTolerance);
  EXPECT_LE(test::maxAbsDiff(dist.mean, g->load("enc2.mean", at::kFloat)), kMeanTolerance);
}

TEST(Vae, ScalingFactorFromConfigWithDiffusersDefault) {
  auto config = test::readJson(test::fixturesDir() / "tiny-sd2-inpainting/vae/config.json");
  config["scaling_factor"] = 0.13025;
  EXPECT_DOUBLE_EQ(diffusion::VaeConfig::fromJson(config).scalingFactor, 0.13025);
  config.erase("scaling_factor");  // the real SD1.5 / SD2 configs have no such key
  EXPECT_DOUBLE_EQ(diffusion::VaeConfig::fromJson(config).scalingFactor, 0.18215);
}

// The pipeline's latent size comes from the VAE config: 2^(blocks - 1) pixels per latent, as diffusers.
TEST(Vae, LatentFactorAndChannelsFromConfig) {
  auto config = test::readJson(test::fixturesDir() / "tiny-sd2-inpainting/vae/config.json");
  const auto blocks = config["block_out_channels"].size();
  EXPECT_EQ(diffusion::VaeConfig::fromJson(config).downsampleFactor(), int64_t(1) << (blocks - 1));
  EXPECT_EQ(diffusion::VaeConfig::fromJson(config).latentChannels, config["latent_channels"].get<int64_t>());
  config["block_out_channels"] = {32, 64, 64};
  config["down_block_types"] = std::vector<std::string>(3, "DownEncoderBlock2D");
  config["up_block_types"] = std::vector<std::string>(3, "UpDecoderBlock2D");
  EXPECT_EQ(diffusion::VaeConfig::fromJson(config).downsampleFactor(), 4);
}

// A source holding the modern attention names (to_q ... to_out.0), some stored as LDM 1x1 conv
// kernels: must load to the same model as the fixture's legacy names.
class RenamedSource : public diffusion::WeightSource {
 public:
  explicit RenamedSource(std::shared_ptr<const diffusion::WeightSource> legacy) : legacy_(std::move(legacy)) {
    for (const auto& name : legacy_->names()) {
      std::string n = name;
      for (auto [from, to] : {std::pair{".query.", ".to_q."}, {".key.", ".to_k."}, {".value.", ".to_v."},
                              {".proj_attn.", ".to_out.0."}})
        if (auto p = n.find(from); p != std::string::npos) n = n.substr(0, p) + to + n.substr(p + std::strlen(from));
      map_[n] = name;
    }
  }
  std::vector<std::string> names() const override {
    std::vector<std::string> r;
    for (const auto& [k, v] : map_) r.push_back(k);
    return r;
  }
  std::vector<int64_t> shape(const std::string& name) const override {
    auto s = legacy_->shape(map_.at(name));
    if (asConv(name)) s.insert(s.end(), {1, 1});
    return s;
  }
  at::Tensor load(const std::string& name, c10::ScalarType dtype, c10::Device device) const override {
    at::Tensor t = legacy_->load(map_.at(name), dtype, device);
    return asConv(name) ? t.reshape({t.size(0), t.size(1), 1, 1}) : t;
  }
  std::string describe() const override { return "renamed " + legacy_->describe(); }

 private:
  static bool asConv(const std::string& name) {  // decoder attention kernels as [C,C,1,1]
    return name.rfind("decoder.mid_block.attentions.0.to_", 0) == 0 && name.find(".weight") != std::string::npos;
  }
  std::shared_ptr<const diffusion::WeightSource> legacy_;
  std::map<std::string, std::string> map_;
};

TEST(Vae, LoadsModernAttentionNamesAndConvKernels) {
  c10::InferenceMode guard;
  auto folder = test::componentFolder("tiny-sd2-inpainting/vae");
  auto renamed = std::make_shared<RenamedSource>(folder.weights);
  ASSERT_TRUE(renamed->contains("encoder.mid_block.attentions.0.to_out.0.weight"));
  ASSERT_FALSE(renamed->contains("encoder.mid_block.attentions.0.query.weight"));
  auto vae = diffusion::loadVae(folder.config, renamed, at::kFloat, at::kCPU);
  const auto g = test::golden("vae.safetensors");
  EXPECT_LE(test::maxAbsDiff(vae->decode(g->load("dec3.latent", at::kFloat)), g->load("dec3.out", at::kFloat)), kTolerance);
  EXPECT_LE(test::maxAbsDiff(vae->encode(g->load("enc3.image", at::kFloat)).mean, g->load("enc3.mean", at::kFloat)),
            kMeanTolerance);
}

TEST(Vae, RejectsImagesNotAMultipleOf8) {
  c10::InferenceMode guard;
  EXPECT_THROW(tinyVae()->encode(at::zeros({1, 3, 100, 64})), std::invalid_argument);
}

}  // namespace

TEST(Vae, BrokenConfigValuesAreRefusedNamingTheKey) {
  const auto base = test::readJson(test::fixturesDir() / "tiny-sd2-inpainting/vae/config.json");
  auto messageFor = [&](const char* key, const nlohmann::json& value) {
    auto config = base;
    config[key] = value;
    return test::invalidArgumentMessage([&] { diffusion::VaeConfig::fromJson(config); });
  };
  EXPECT_EQ(test::invalidArgumentMessage(
                [] { diffusion::VaeConfig::fromJson({{"block_out_channels", nlohmann::json::array()}}); }),
            "VAE config: block_out_channels is empty");
  EXPECT_NE(messageFor("latent_channels", -4).find("'latent_channels' is -4"), std::string::npos);
  EXPECT_NE(messageFor("scaling_factor", "big").find("'scaling_factor'"), std::string::npos);
  EXPECT_NE(messageFor("scaling_factor", 0).find("scaling_factor must be a positive number"), std::string::npos);
  EXPECT_NE(messageFor("norm_num_groups", 5).find("norm_num_groups 5"), std::string::npos);
}

// The CLIP text encoder against goldens/text_encoder.safetensors (diffusers/transformers reference),
// with ids from our tokenizer and weights from the tiny model folder (F16 on disk, upcast to F32).
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/text/clip_tokenizer.h"
#include "core/io/safetensors.h"
#include "tests/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>

using namespace droste::diffusion;

namespace {

constexpr double kTolerance = 1e-4;  // goldens/README.md section 8: text encoder, abs

double maxAbsDiff(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

TEST(ClipTextModel, TokenizerReproducesGoldenInputIds) {
  const auto dir = droste::test::fixturesDir();
  std::ifstream in(dir / "goldens" / "components.json");
  const auto prompts = nlohmann::json::parse(in)["text_encoder"]["prompts"].get<std::vector<std::string>>();
  const droste::io::SafetensorsFile golden(dir / "goldens" / "text_encoder.safetensors");
  const at::Tensor ids = golden.loadStored("input_ids");
  const auto tokenizer = ClipTokenizer::fromFolder(dir / "tiny-sd2-inpainting" / "tokenizer");
  ASSERT_EQ(ids.size(0), static_cast<int64_t>(prompts.size()));
  for (size_t i = 0; i < prompts.size(); ++i) {
    const auto expected = ids[static_cast<int64_t>(i)].contiguous();
    const std::vector<int64_t> want(expected.data_ptr<int64_t>(), expected.data_ptr<int64_t>() + expected.numel());
    EXPECT_EQ(tokenizer.encode(prompts[i]), want) << "prompt " << i << ": " << prompts[i];
  }
}

TEST(ClipTextModel, MatchesGoldenHiddenStates) {
  const auto dir = droste::test::fixturesDir();
  const droste::io::SafetensorsFile golden(dir / "goldens" / "text_encoder.safetensors");
  const ModelSource model = openModel((dir / "tiny-sd2-inpainting").string());
  ClipTextModel text = loadClipTextModel(model.textEncoder.config, *model.textEncoder.weights, {});
  ASSERT_EQ(text->config().hiddenAct, "gelu");
  ASSERT_EQ(text->config().numLayers, 3);

  c10::InferenceMode guard;
  std::vector<at::Tensor> hidden;
  const at::Tensor out = text->forward(golden.loadStored("input_ids"), &hidden);
  const at::Tensor want = golden.load("last_hidden_state", at::kFloat);
  ASSERT_EQ(out.sizes(), want.sizes());
  EXPECT_EQ(out.scalar_type(), at::kFloat);
  EXPECT_LT(maxAbsDiff(out, want), kTolerance);
  ASSERT_EQ(hidden.size(), 4u);
  for (size_t k = 0; k < hidden.size(); ++k) {
    const double diff = maxAbsDiff(hidden[k], golden.load("hidden_states." + std::to_string(k), at::kFloat));
    EXPECT_LT(diff, kTolerance) << "hidden_states." << k;
  }
  // A wrong model is far off: the check can fail.
  EXPECT_GT(maxAbsDiff(hidden[2], golden.load("hidden_states.3", at::kFloat)), 1e-2);
}

TEST(ClipTextModel, QuickGeluAndConfigErrors) {
  nlohmann::json config = {{"hidden_size", 8}, {"intermediate_size", 16}, {"num_hidden_layers", 1},
                           {"num_attention_heads", 2}, {"vocab_size", 10}, {"max_position_embeddings", 5},
                           {"hidden_act", "quick_gelu"}};
  EXPECT_EQ(ClipTextConfig::fromJson(config).hiddenAct, "quick_gelu");
  config["hidden_act"] = "relu";
  EXPECT_THROW(ClipTextConfig::fromJson(config), droste::io::ModelFileError);
  config["hidden_act"] = "gelu";
  config["num_attention_heads"] = 3;
  EXPECT_THROW(ClipTextConfig::fromJson(config), droste::io::ModelFileError);
  config.erase("num_attention_heads");
  EXPECT_THROW(ClipTextConfig::fromJson(config), droste::io::ModelFileError);
  // Sizes far beyond any CLIP model and a non-positive epsilon are refused naming the key, before building.
  config["num_attention_heads"] = 2;
  config["hidden_size"] = int64_t(1) << 40;
  try {
    ClipTextConfig::fromJson(config);
    ADD_FAILURE() << "a 2^40-wide text encoder was accepted";
  } catch (const droste::io::ModelFileError& e) {
    EXPECT_NE(std::string(e.what()).find("'hidden_size' is 1099511627776, above 32768"), std::string::npos) << e.what();
  }
  config["hidden_size"] = 8;
  config["layer_norm_eps"] = -1.0;
  EXPECT_THROW(ClipTextConfig::fromJson(config), droste::io::ModelFileError);
}

}  // namespace

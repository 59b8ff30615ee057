// Opening the tiny model as a diffusers folder, from a Hugging Face cache layout and as the two
// single-file checkpoints; every way must give the same weights and the same text encoder output.
#include "core/diffusion/loading/checkpoint_keys.h"
#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/diffusion/loading/model_discovery.h"
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/loading/model_validation.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/text/clip_tokenizer.h"
#include "core/io/safetensors.h"
#include "tests/core/diffusion/test_temp_dir.h"
#include "tests/fixtures.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>

using namespace droste::diffusion;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name) { return droste::test::fixturesDir() / name; }
const std::string kFolder = "tiny-sd2-inpainting";
const std::string kSingle = "tiny-sd2-inpainting-single.safetensors";
const std::string kSingleF16 = "tiny-sd2-inpainting-single-fp16.safetensors";

// Restores an environment variable at scope end.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value->c_str(), 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

at::Tensor encodePrompts(const ModelSource& model) {
  const auto tokenizer = ClipTokenizer::fromFolder(model.tokenizerDir);
  std::vector<int64_t> ids;
  for (const char* p : {"a photo of a cat", "wow!! a (masterpiece:1.2) caf\xc3\xa9, 8k", ""}) {
    const auto e = tokenizer.encode(p);
    ids.insert(ids.end(), e.begin(), e.end());
  }
  ClipTextModel text = loadClipTextModel(model.textEncoder.config, *model.textEncoder.weights, {});
  c10::InferenceMode guard;
  return text->forward(torch::tensor(ids, torch::kLong).view({3, 77}));
}

const at::Tensor& folderEmbeddings() {
  static const at::Tensor e = encodePrompts(openModel(fixture(kFolder).string()));
  return e;
}

// The folder's legacy VAE attention names, as modern ones (the single-file translation gives those).
std::string modernVaeName(std::string name) {
  static const std::map<std::string, std::string> kLegacy = {
      {".query.", ".to_q."}, {".key.", ".to_k."}, {".value.", ".to_v."}, {".proj_attn.", ".to_out.0."}};
  for (const auto& [from, to] : kLegacy)
    if (auto at = name.find(from); at != std::string::npos) name.replace(at, from.size(), to);
  return name;
}

// Every tensor of `single` equals the folder's (rounded to F16 when f16Rounded), under the same names.
void expectSameWeights(const WeightSource& folder, const WeightSource& single, bool vaeNames, bool f16Rounded,
                       const std::set<std::string>& ignoredFolderNames = {}) {
  std::map<std::string, std::string> folderNames;  // comparable name -> folder name
  for (const auto& n : folder.names())
    if (!ignoredFolderNames.count(n)) folderNames[vaeNames ? modernVaeName(n) : n] = n;
  const auto singleNames = single.names();
  ASSERT_EQ(singleNames.size(), folderNames.size()) << single.describe();
  for (const auto& name : singleNames) {
    ASSERT_TRUE(folderNames.count(name)) << "single file has '" << name << "', the folder has not";
    const at::Tensor a = folder.load(folderNames[name], at::kFloat, at::kCPU);
    const at::Tensor b = single.load(name, at::kFloat, at::kCPU);
    ASSERT_EQ(a.sizes(), b.sizes()) << name;
    const at::Tensor want = f16Rounded ? a.to(at::kHalf).to(at::kFloat) : a;
    ASSERT_TRUE(at::equal(want, b)) << name;
  }
}

TEST(ModelSource, OpensTheDiffusersFolder) {
  const ModelSource m = openModel(fixture(kFolder).string());
  EXPECT_EQ(m.family, ModelFamily::SD2);
  EXPECT_FALSE(m.singleFile);
  EXPECT_EQ(m.unet.config["in_channels"], 9);
  EXPECT_EQ(m.schedulerConfig["_class_name"], "PNDMScheduler");
  EXPECT_TRUE(fs::exists(m.tokenizerDir / "vocab.json"));
  EXPECT_TRUE(m.vae.weights->contains("encoder.mid_block.attentions.0.query.weight"));
  EXPECT_NO_THROW(validateModel(m));
  const ModelFacts f = describeModel(m);
  EXPECT_EQ(f.unetInChannels, 9);
  EXPECT_EQ(f.predictionType, "epsilon");
  EXPECT_EQ(f.textHiddenSize, 64);
  EXPECT_EQ(f.textLayers, 3);
  EXPECT_EQ(f.storedDtypes, "UNet F32, VAE F32, text encoder F16+I64");
  EXPECT_GT(f.totalBytes, 30u << 20);
}

// Untrusted input stays data (#17 item 6): a model folder with spaces, quotes, a newline, a colon, shell and printf
// characters and non-ASCII letters in its name, whose components are links pointing outside it, opens and
// validates as the real folder, and opening it writes nothing, neither beside the links nor where they point.
TEST(ModelSource, AnyCharactersAndLinksInThePathStayAPath) {
  droste::test::TempDir tmp("odd-model");
  const fs::path model = tmp.path() / "-a b 'c' \"d\" $HOME `id` ü ✓ %s c:d *?\n";
  fs::create_directory(model);
  for (const char* part : {"model_index.json", "unet", "vae", "text_encoder", "tokenizer", "scheduler"}) {
    if (fs::is_directory(fixture(kFolder) / part)) fs::create_directory_symlink(fixture(kFolder) / part, model / part);
    else fs::create_symlink(fixture(kFolder) / part, model / part);
  }
  // What the links point at, with sizes and times, to see that nothing was written there.
  auto listing = [](const fs::path& root) {
    std::vector<std::string> entries;
    for (const auto& e : fs::recursive_directory_iterator(root))
      entries.push_back(e.path().string() + " " + std::to_string(e.is_regular_file() ? e.file_size() : 0) + " " +
                        std::to_string(fs::last_write_time(e.path()).time_since_epoch().count()));
    std::sort(entries.begin(), entries.end());
    return entries;
  };
  const std::vector<std::string> before = listing(fixture(kFolder));
  const ModelSource m = openModel(model.string());
  EXPECT_EQ(m.family, ModelFamily::SD2);
  EXPECT_NO_THROW(validateModel(m));
  EXPECT_EQ(describeModel(m).totalBytes, describeModel(openModel(fixture(kFolder).string())).totalBytes);
  // Links to folders are not followed here: the folder and its six links, nothing else.
  const auto entries = std::distance(fs::recursive_directory_iterator(tmp.path()), fs::recursive_directory_iterator());
  EXPECT_EQ(entries, 7);
  EXPECT_EQ(listing(fixture(kFolder)), before);
}

TEST(ModelSource, OpensAHuggingFaceCacheCopyByRepoId) {
  // models--ORG--NAME/{blobs,refs/main,snapshots/REV/...} with the snapshot files symlinked to blobs.
  droste::test::TempDir home("hf-home");
  const fs::path repo = home / "hub" / "models--droste-test--tiny-sd2-inpainting";
  const std::string rev = "0123456789abcdef0123456789abcdef01234567";
  fs::create_directories(repo / "refs");
  fs::create_directories(repo / "blobs");
  std::ofstream(repo / "refs" / "main") << rev;
  int blob = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fixture(kFolder))) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), fixture(kFolder));
    const fs::path blobPath = repo / "blobs" / ("blob" + std::to_string(blob++));
    fs::create_symlink(entry.path(), blobPath);  // stands in for the blob content
    const fs::path link = repo / "snapshots" / rev / rel;
    fs::create_directories(link.parent_path());
    fs::create_symlink(fs::relative(blobPath, link.parent_path()), link);
  }
  ScopedEnv hubCache("HF_HUB_CACHE", std::nullopt);
  ScopedEnv oldHubCache("HUGGINGFACE_HUB_CACHE", std::nullopt);
  {
    ScopedEnv hfHome("HF_HOME", home.path().string());
    EXPECT_EQ(huggingFaceHubCache(), home / "hub");
    const ModelSource m = openModel("droste-test/tiny-sd2-inpainting");
    EXPECT_EQ(m.name, "droste-test/tiny-sd2-inpainting");
    EXPECT_EQ(m.path, repo / "snapshots" / rev);
    EXPECT_TRUE(at::equal(encodePrompts(m), folderEmbeddings()));
    // The discovery lists it too.
    bool listed = false;
    for (const auto& item : discoverModels({})) {
      if (item.name == "droste-test/tiny-sd2-inpainting") {
        listed = true;
        EXPECT_EQ(item.kind, "Hugging Face cache");
        EXPECT_TRUE(item.inpainting);
        EXPECT_EQ(item.family, ModelFamily::SD2);
        EXPECT_EQ(item.problem, "");
      }
    }
    EXPECT_TRUE(listed);
    EXPECT_THROW(openModel("droste-test/not-downloaded"), droste::io::ModelFileError);
  }
  {
    // HF_HUB_CACHE wins over HF_HOME.
    ScopedEnv hfHome("HF_HOME", "/nonexistent");
    ScopedEnv cache("HF_HUB_CACHE", (home / "hub").string());
    EXPECT_EQ(openModel("droste-test/tiny-sd2-inpainting").path, repo / "snapshots" / rev);
  }
}

class SingleFile : public ::testing::TestWithParam<bool> {};  // param: the all-F16 file

TEST_P(SingleFile, LoadsWithConfigFolderAndEqualsTheFolder) {
  const bool f16 = GetParam();
  const ModelSource folder = openModel(fixture(kFolder).string());
  const ModelSource single = openModel(fixture(f16 ? kSingleF16 : kSingle).string(), fixture(kFolder));
  EXPECT_TRUE(single.singleFile);
  EXPECT_EQ(single.family, ModelFamily::SD2);
  EXPECT_EQ(single.unet.config, folder.unet.config);
  EXPECT_NO_THROW(validateModel(single));
  const ModelFacts facts = describeModel(single);
  EXPECT_EQ(facts.unetInChannels, 9);
  EXPECT_EQ(facts.storedDtypes, f16 ? "UNet F16, VAE F16, text encoder F16" : "UNet F32, VAE F32, text encoder F16");

  // Every UNet / VAE / text encoder tensor, under the diffusers names (F16 file: the rounded values).
  expectSameWeights(*folder.unet.weights, *single.unet.weights, false, f16);
  expectSameWeights(*folder.vae.weights, *single.vae.weights, true, f16);
  expectSameWeights(*folder.textEncoder.weights, *single.textEncoder.weights, false, f16,
                    {"text_model.embeddings.position_ids"});
  // The fused OpenCLIP projection is split by rows: q, k, v.
  const auto* translated = dynamic_cast<const SingleFileWeightSource*>(single.textEncoder.weights.get());
  ASSERT_NE(translated, nullptr);
  EXPECT_EQ(translated->fileKey("text_model.encoder.layers.2.self_attn.v_proj.weight"),
            "cond_stage_model.model.transformer.resblocks.2.attn.in_proj_weight");
  EXPECT_EQ(translated->fileKey("text_model.encoder.layers.3.self_attn.v_proj.weight"), "");  // dropped layer

  // The text encoder gives the same output (its weights are F16 in every file).
  EXPECT_TRUE(at::equal(encodePrompts(single), folderEmbeddings()));
}

INSTANTIATE_TEST_SUITE_P(Files, SingleFile, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? std::string("F16") : std::string("Mixed"); });

TEST(ModelSource, SingleFileWithoutConfigDerivesTheArchitectureFromShapes) {
  const ModelSource folder = openModel(fixture(kFolder).string());
  const ModelSource single = openModel(fixture(kSingle).string());
  for (const char* key : {"in_channels", "out_channels", "block_out_channels", "layers_per_block", "cross_attention_dim",
                          "use_linear_projection", "down_block_types", "up_block_types"})
    EXPECT_EQ(single.unet.config[key], folder.unet.config[key]) << key;
  for (const char* key : {"block_out_channels", "layers_per_block", "latent_channels", "in_channels", "out_channels"})
    EXPECT_EQ(single.vae.config[key], folder.vae.config[key]) << key;
  for (const char* key : {"hidden_size", "intermediate_size", "num_hidden_layers", "vocab_size", "hidden_act",
                          "max_position_embeddings"})
    EXPECT_EQ(single.textEncoder.config[key], folder.textEncoder.config[key]) << key;
  // Not visible in the weights: the family's settings (real SD2: head size 64, 32 groups).
  EXPECT_EQ(single.unet.config["norm_num_groups"], 32);
  EXPECT_EQ(single.schedulerConfig["prediction_type"], "epsilon");
  EXPECT_EQ(single.schedulerConfig["steps_offset"], 1);
}

TEST(CheckpointKeys, TranslatesLdmUNetAndVaeNames) {
  EXPECT_EQ(translateUNetKey("input_blocks.0.0.weight", 2), "conv_in.weight");
  EXPECT_EQ(translateUNetKey("input_blocks.4.0.in_layers.2.weight", 2), "down_blocks.1.resnets.0.conv1.weight");
  EXPECT_EQ(translateUNetKey("input_blocks.8.1.proj_in.weight", 2), "down_blocks.2.attentions.1.proj_in.weight");
  EXPECT_EQ(translateUNetKey("input_blocks.9.0.op.bias", 2), "down_blocks.2.downsamplers.0.conv.bias");
  EXPECT_EQ(translateUNetKey("middle_block.2.emb_layers.1.weight", 2), "mid_block.resnets.1.time_emb_proj.weight");
  EXPECT_EQ(translateUNetKey("output_blocks.2.1.conv.weight", 2), "up_blocks.0.upsamplers.0.conv.weight");
  EXPECT_EQ(translateUNetKey("output_blocks.5.2.conv.weight", 2), "up_blocks.1.upsamplers.0.conv.weight");
  EXPECT_EQ(translateUNetKey("output_blocks.5.1.norm.weight", 2), "up_blocks.1.attentions.2.norm.weight");
  EXPECT_EQ(translateUNetKey("output_blocks.11.0.skip_connection.bias", 2), "up_blocks.3.resnets.2.conv_shortcut.bias");
  EXPECT_EQ(translateUNetKey("out.2.weight", 2), "conv_out.weight");
  EXPECT_EQ(translateVaeKey("decoder.up.0.block.1.nin_shortcut.weight", 4), "decoder.up_blocks.3.resnets.1.conv_shortcut.weight");
  EXPECT_EQ(translateVaeKey("encoder.mid.attn_1.proj_out.bias", 4), "encoder.mid_block.attentions.0.to_out.0.bias");
  EXPECT_EQ(translateVaeKey("decoder.norm_out.weight", 4), "decoder.conv_norm_out.weight");
}

}  // namespace

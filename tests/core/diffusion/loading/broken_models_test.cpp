// Broken model files, generated here: each must be refused with its own clear message (naming the
// file and the problem) and never crash.
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/loading/model_validation.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/io/safetensors.h"
#include "core/io/safetensors_writer.h"
#include "tests/core/diffusion/test_temp_dir.h"
#include "tests/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>
#include <functional>
#include <set>

using namespace droste::diffusion;
using droste::io::ModelFileError;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name) { return droste::test::fixturesDir() / name; }

void writeBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string lengthPrefix(uint64_t n) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  return s;
}

// A safetensors file with the given header text and `dataBytes` zero bytes of data.
void writeSafetensors(const fs::path& path, const std::string& header, size_t dataBytes) {
  writeBytes(path, lengthPrefix(header.size()) + header + std::string(dataBytes, '\0'));
}

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A small text-encoder-only diffusers-style folder: text_encoder/{config.json, model.safetensors}
// plus the fixture's other components and files (symlinked), with the text encoder weights edited.
struct TextEncoderFolder {
  explicit TextEncoderFolder(const droste::test::TempDir& tmp, const std::string& name) : dir(tmp / name) {
    fs::create_directories(dir / "text_encoder");
    for (const char* sub : {"unet", "vae", "tokenizer", "scheduler"}) fs::create_directory_symlink(fixture("tiny-sd2-inpainting") / sub, dir / sub);
    fs::copy_file(fixture("tiny-sd2-inpainting") / "model_index.json", dir / "model_index.json");
    config = {{"hidden_size", 8}, {"intermediate_size", 16}, {"num_hidden_layers", 1}, {"num_attention_heads", 2},
              {"vocab_size", 49408}, {"max_position_embeddings", 77}, {"hidden_act", "gelu"}};
    ClipTextModel model(ClipTextConfig::fromJson(config));
    for (const auto& p : model->named_parameters()) tensors[p.key()] = torch::zeros(p.value().sizes(), torch::kHalf);
  }
  void write() {
    std::ofstream(dir / "text_encoder" / "config.json") << config.dump();
    std::vector<std::pair<std::string, at::Tensor>> list(tensors.begin(), tensors.end());
    droste::io::writeSafetensors(dir / "text_encoder" / "model.safetensors", list);
  }
  void loadText() {
    const ModelSource m = openModel(dir.string());
    loadClipTextModel(m.textEncoder.config, *m.textEncoder.weights, {});
  }
  fs::path dir;
  nlohmann::json config;
  std::map<std::string, at::Tensor> tensors;
};

// A copy of the tiny SD2 inpainting fixture whose `component` (unet or vae) weights and config can be
// edited; the other components are links to the fixture. Only headers matter: tensors are zeros.
struct EditedComponentFolder {
  EditedComponentFolder(const droste::test::TempDir& tmp, const std::string& component)
      : dir(tmp / "folder"), component(component) {
    fs::create_directories(dir / component);
    for (const char* sub : {"unet", "vae", "text_encoder", "tokenizer", "scheduler"})
      if (sub != component) fs::create_directory_symlink(fixture("tiny-sd2-inpainting") / sub, dir / sub);
    fs::copy_file(fixture("tiny-sd2-inpainting") / "model_index.json", dir / "model_index.json");
    std::ifstream in(fixture("tiny-sd2-inpainting") / component / "config.json");
    config = nlohmann::json::parse(in);
    droste::io::SafetensorsFile file(fixture("tiny-sd2-inpainting") / component / "diffusion_pytorch_model.safetensors");
    for (const auto& e : file.entries()) tensors[e.name] = torch::zeros(e.shape, torch::kHalf);
  }
  void validate() {
    std::ofstream(dir / component / "config.json") << config.dump();
    std::vector<std::pair<std::string, at::Tensor>> list(tensors.begin(), tensors.end());
    droste::io::writeSafetensors(dir / component / "diffusion_pytorch_model.safetensors", list);
    validateModel(openModel(dir.string()));
  }
  fs::path dir;
  std::string component;
  nlohmann::json config;
  std::map<std::string, at::Tensor> tensors;
};

struct Case {
  std::string name;
  std::function<void(const droste::test::TempDir&)> run;  // must throw ModelFileError
  std::string expected;                                    // a phrase of the message
};

std::vector<Case> cases() {
  const std::string valid = R"({"a": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}})";
  auto open = [](const fs::path& p) { droste::io::SafetensorsFile f(p); };
  return {
      {"empty file", [=](auto& t) { writeBytes(t / "m.safetensors", ""); open(t / "m.safetensors"); },
       "the file is empty"},
      {"shorter than the length field", [=](auto& t) { writeBytes(t / "m.safetensors", "abc"); open(t / "m.safetensors"); },
       "too short to be a safetensors file"},
      {"oversized header length", [=](auto& t) {
         writeBytes(t / "m.safetensors", lengthPrefix(1ull << 40) + "{}");
         open(t / "m.safetensors");
       }, "more than the 100 MB limit"},
      {"truncated header", [=](auto& t) {
         writeBytes(t / "m.safetensors", lengthPrefix(valid.size()) + valid.substr(0, 20));
         open(t / "m.safetensors");
       }, "runs past the end"},
      {"header is not JSON", [=](auto& t) { writeSafetensors(t / "m.safetensors", "{\"a\": [1, 2", 0); open(t / "m.safetensors"); },
       "not valid JSON"},
      {"header is a JSON array", [=](auto& t) { writeSafetensors(t / "m.safetensors", "[1, 2, 3]", 0); open(t / "m.safetensors"); },
       "not a JSON object"},
      {"truncated data", [=](auto& t) { writeSafetensors(t / "m.safetensors", valid, 10); open(t / "m.safetensors"); },
       "lies outside the file"},
      {"offsets out of range", [=](auto& t) {
         writeSafetensors(t / "m.safetensors", R"({"a": {"dtype": "F32", "shape": [1], "data_offsets": [1000000, 1000004]}})", 16);
         open(t / "m.safetensors");
       }, "lies outside the file"},
      {"overlapping tensors", [=](auto& t) {
         writeSafetensors(t / "m.safetensors", R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                                                    "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}})", 16);
         open(t / "m.safetensors");
       }, "overlap in the file"},
      {"offsets end before they begin", [=](auto& t) {
         writeSafetensors(t / "m.safetensors", R"({"a": {"dtype": "F32", "shape": [0], "data_offsets": [8, 4]}})", 16);
         open(t / "m.safetensors");
       }, "end before they begin"},
      {"byte size disagrees with dtype and shape", [=](auto& t) {
         writeSafetensors(t / "m.safetensors", R"({"a": {"dtype": "F16", "shape": [2, 2], "data_offsets": [0, 16]}})", 16);
         open(t / "m.safetensors");
       }, "bytes of data, but its dtype F16 and shape need 8"},
      {"unsupported dtype", [=](auto& t) {
         writeSafetensors(t / "m.safetensors", R"({"a": {"dtype": "F8_E4M3", "shape": [4], "data_offsets": [0, 4]}})", 4);
         open(t / "m.safetensors");
       }, "unsupported dtype 'F8_E4M3'"},
      {"negative shape", [=](auto& t) {
         writeSafetensors(t / "m.safetensors", R"({"a": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}})", 4);
         open(t / "m.safetensors");
       }, "not a non-negative integer"},
      {"pickle checkpoint (.ckpt)", [=](auto& t) { writeBytes(t / "m.ckpt", "\x80\x02}q\x00."); openModel((t / "m.ckpt").string()); },
       "pickle checkpoint (.ckpt)"},
      {"pickle renamed to .safetensors", [=](auto& t) {
         writeBytes(t / "m.safetensors", std::string("\x80\x02}q\x00(X\x05\x00\x00\x00state_dict", 20));
         openModel((t / "m.safetensors").string());
       }, "PyTorch pickle checkpoint, not a safetensors file"},
      {"folder without model_index.json", [=](auto& t) {
         fs::create_directories(t / "folder" / "unet");
         openModel((t / "folder").string());
       }, "folder without model_index.json"},
      {"model_index.json is not JSON", [=](auto& t) {
         fs::create_directories(t / "folder");
         writeBytes(t / "folder" / "model_index.json", "{\"_class_name\": ");
         openModel((t / "folder").string());
       }, "model_index.json: is not valid JSON"},
      {"component weights missing", [=](auto& t) {
         fs::create_directories(t / "folder" / "unet");
         fs::copy_file(fixture("tiny-sd2-inpainting") / "model_index.json", t / "folder" / "model_index.json");
         fs::copy_file(fixture("tiny-sd2-inpainting") / "unet" / "config.json", t / "folder" / "unet" / "config.json");
         openModel((t / "folder").string());
       }, "has no weights file (diffusion_pytorch_model.safetensors)"},
      {"component weights only as pickle", [=](auto& t) {
         fs::create_directories(t / "folder" / "unet");
         fs::copy_file(fixture("tiny-sd2-inpainting") / "model_index.json", t / "folder" / "model_index.json");
         fs::copy_file(fixture("tiny-sd2-inpainting") / "unet" / "config.json", t / "folder" / "unet" / "config.json");
         writeBytes(t / "folder" / "unet" / "diffusion_pytorch_model.bin", "\x80\x02.");
         openModel((t / "folder").string());
       }, "pickle checkpoint (.bin)"},
      {"text encoder shape disagrees with its config", [=](auto& t) {
         TextEncoderFolder f(t, "folder");
         f.tensors["text_model.encoder.layers.0.mlp.fc1.weight"] = torch::zeros({12, 8}, torch::kHalf);
         f.write();
         f.loadText();
       }, "text_model.encoder.layers.0.mlp.fc1.weight: file has [12, 8], the model config expects [16, 8]"},
      {"missing tensor", [=](auto& t) {
         TextEncoderFolder f(t, "folder");
         f.tensors.erase("text_model.final_layer_norm.bias");
         f.write();
         f.loadText();
       }, "missing tensors (1):\n    text_model.final_layer_norm.bias"},
      {"extra tensor", [=](auto& t) {
         TextEncoderFolder f(t, "folder");
         f.tensors["text_model.encoder.layers.1.mlp.fc1.weight"] = torch::zeros({16, 8}, torch::kHalf);
         f.write();
         f.loadText();
       }, "unexpected tensors (1):\n    text_model.encoder.layers.1.mlp.fc1.weight"},
      {"UNet config disagrees with the weights", [=](auto& t) {
         const fs::path dir = t / "folder";
         fs::create_directories(dir / "unet");
         for (const char* sub : {"vae", "text_encoder", "tokenizer", "scheduler"})
           fs::create_directory_symlink(fixture("tiny-sd2-inpainting") / sub, dir / sub);
         fs::copy_file(fixture("tiny-sd2-inpainting") / "model_index.json", dir / "model_index.json");
         fs::create_symlink(fixture("tiny-sd2-inpainting") / "unet" / "diffusion_pytorch_model.safetensors",
                            dir / "unet" / "diffusion_pytorch_model.safetensors");
         std::ifstream in(fixture("tiny-sd2-inpainting") / "unet" / "config.json");
         nlohmann::json config = nlohmann::json::parse(in);
         config["in_channels"] = 4;
         std::ofstream(dir / "unet" / "config.json") << config.dump();
         validateModel(openModel(dir.string()));
       }, "config says in_channels = 4 but conv_in.weight has 9"},
      {"UNet tensor missing", [=](auto& t) {
         EditedComponentFolder f(t, "unet");
         ASSERT_EQ(f.tensors.erase("up_blocks.0.resnets.0.conv2.bias"), 1u);
         f.validate();
       }, "UNet weights do not match its config:\n  missing tensors (1):\n    up_blocks.0.resnets.0.conv2.bias"},
      {"UNet tensor unexpected", [=](auto& t) {
         EditedComponentFolder f(t, "unet");
         f.tensors["down_blocks.0.attentions.7.norm.weight"] = torch::zeros({32}, torch::kHalf);
         f.validate();
       }, "unexpected tensors (1):\n    down_blocks.0.attentions.7.norm.weight"},
      {"UNet config disagrees with inner shapes", [=](auto& t) {
         EditedComponentFolder f(t, "unet");
         f.config["cross_attention_dim"] = f.config["cross_attention_dim"].get<int>() * 2;  // conv_in/out still agree
         f.validate();
       }, "attn2.to_k.weight: file has"},
      {"VAE tensor missing", [=](auto& t) {
         EditedComponentFolder f(t, "vae");
         ASSERT_EQ(f.tensors.erase("decoder.conv_norm_out.weight"), 1u);
         f.validate();
       }, "VAE weights do not match its config:\n  missing tensors (1):\n    decoder.conv_norm_out.weight"},
      {"truncated single-file checkpoint", [=](auto& t) {
         const std::string bytes = readBytes(fixture("tiny-sd2-inpainting-single.safetensors"));
         writeBytes(t / "cut.safetensors", bytes.substr(0, bytes.size() / 2));
         openModel((t / "cut.safetensors").string());
       }, "the file is truncated or damaged"},
      {"safetensors file that is not a checkpoint", [=](auto& t) {
         writeSafetensors(t / "lora.safetensors",
                          R"({"lora_unet_down.alpha": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}})", 4);
         openModel((t / "lora.safetensors").string());
       }, "not a complete Stable Diffusion checkpoint"},
      {"checkpoint without text encoder", [=](auto& t) {
         writeSafetensors(t / "unet-only.safetensors",
                          R"({"model.diffusion_model.out.2.bias": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}})", 4);
         openModel((t / "unet-only.safetensors").string());
       }, "has no text encoder"},
      {"--config folder without configs", [=](auto& t) {
         fs::create_directories(t / "empty-config");
         openModel(fixture("tiny-sd2-inpainting-single.safetensors").string(), t / "empty-config");
       }, "the config folder must be a diffusers folder"},
      {"nonexistent path", [=](auto& t) { openModel((t / "nothing.safetensors").string()); }, "no such file or folder"},
      {"repo id not in the cache", [=](auto& t) {
         ::setenv("HF_HUB_CACHE", (t / "hub").c_str(), 1);
         try {
           openModel("someone/missing-model");
         } catch (...) {
           ::unsetenv("HF_HUB_CACHE");
           throw;
         }
       }, "has no copy of that repo"},
  };
}

TEST(BrokenModels, EachIsRefusedWithItsOwnClearMessage) {
  const auto all = cases();
  ASSERT_GE(all.size(), 15u);
  std::set<std::string> messages;
  for (const auto& c : all) {
    SCOPED_TRACE(c.name);
    droste::test::TempDir tmp("broken");
    std::string message;
    try {
      c.run(tmp);
      ADD_FAILURE() << c.name << ": no error";
      continue;
    } catch (const ModelFileError& e) {
      message = e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << c.name << ": not a ModelFileError: " << e.what();
      continue;
    }
    EXPECT_NE(message.find(c.expected), std::string::npos) << c.name << "\n  message: " << message;
    // The message names the file or folder it is about.
    const bool namesIt = message.find(tmp.path().string()) != std::string::npos ||
                         message.find(droste::test::fixturesDir().string()) != std::string::npos ||
                         message.find("someone/missing-model") != std::string::npos;
    EXPECT_TRUE(namesIt) << c.name << ": the message does not name the file: " << message;
    // Own message: compare without the temp folder, which differs between cases.
    std::string generic = message;
    for (size_t at; (at = generic.find(tmp.path().string())) != std::string::npos;) generic.erase(at, tmp.path().string().size());
    EXPECT_TRUE(messages.insert(generic).second) << c.name << ": same message as another case: " << message;
  }
}

}  // namespace

// The CLIP tokenizer against ../shared/fixtures/tokenizer/cases.json (HF CLIPTokenizer + ftfy ids,
// for the SD1 tokenizer (pad <|endoftext|>) and the SD2 tokenizer (pad '!'), and openai's BPE ids).
#include "core/diffusion/text/clip_tokenizer.h"
#include "core/diffusion/text/unicode_text.h"
#include "core/io/remove_tree.h"
#include "core/io/safetensors.h"
#include "tests/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using droste::diffusion::ClipTokenizer;

namespace {

nlohmann::json loadCases() {
  std::ifstream in(droste::test::fixturesDir() / "tokenizer" / "cases.json");
  return nlohmann::json::parse(in);
}

// The SD2 tokenizer is the model folder's; the SD1 one is the same vocabulary with SD1.5's
// tokenizer_config.json (pad = <|endoftext|>), written into a temporary folder.
struct Tokenizers {
  ClipTokenizer sd2 = ClipTokenizer::fromFolder(droste::test::fixturesDir() / "tiny-sd2-inpainting" / "tokenizer");
  ClipTokenizer sd1 = makeSd1();

  static ClipTokenizer makeSd1() {
    const fs::path dir = fs::temp_directory_path() / ("droste-sd1-tokenizer-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path src = droste::test::fixturesDir() / "tokenizer";
    fs::copy_file(src / "vocab.json", dir / "vocab.json", fs::copy_options::overwrite_existing);
    fs::copy_file(src / "merges.txt", dir / "merges.txt", fs::copy_options::overwrite_existing);
    std::ofstream(dir / "tokenizer_config.json") << R"({"bos_token": {"content": "<|startoftext|>"},
      "eos_token": {"content": "<|endoftext|>"}, "unk_token": {"content": "<|endoftext|>"},
      "pad_token": "<|endoftext|>", "model_max_length": 77, "do_lower_case": true})";
    ClipTokenizer t = ClipTokenizer::fromFolder(dir);
    droste::io::removeTree(dir);
    return t;
  }
};

const Tokenizers& tokenizers() {
  static const Tokenizers t;
  return t;
}

std::vector<int64_t> ids(const nlohmann::json& v) { return v.get<std::vector<int64_t>>(); }

// All 40 cases in one test (one process under ctest); a failure names the prompt and the field.
TEST(ClipTokenizer, MatchesEveryReferenceCase) {
  const nlohmann::json cases = loadCases();
  const auto& t = tokenizers();
  for (const auto& c : cases) {
    const std::string prompt = c["prompt"].get<std::string>();
    SCOPED_TRACE("prompt: " + prompt);
    EXPECT_EQ(t.sd1.encode(prompt), ids(c["ids_sd1"])) << "ids_sd1";
    EXPECT_EQ(t.sd2.encode(prompt), ids(c["ids_sd2"])) << "ids_sd2";
    EXPECT_EQ(t.sd1.tokenize(prompt).size(), c["n_tokens_sd1"].get<size_t>()) << "n_tokens_sd1";
    EXPECT_EQ(t.sd2.tokenize(prompt).size(), c["n_tokens_sd2"].get<size_t>()) << "n_tokens_sd2";
    EXPECT_EQ(t.sd1.tokenize(prompt, /*splitSpecialTokens=*/false), ids(c["bpe_openai"])) << "bpe_openai";
  }
}

TEST(ClipTokenizer, AllFixtureCasesAreCovered) { EXPECT_EQ(loadCases().size(), 40u); }

TEST(ClipTokenizer, ReadsPaddingAndSpecialIdsFromTheConfig) {
  const auto& t = tokenizers();
  EXPECT_EQ(t.sd2.padId(), 0);
  EXPECT_EQ(t.sd1.padId(), 49407);
  EXPECT_EQ(t.sd2.bosId(), 49406);
  EXPECT_EQ(t.sd2.eosId(), 49407);
  EXPECT_EQ(t.sd2.maxLength(), 77);
  EXPECT_EQ(t.sd2.vocabSize(), 49408u);
}

TEST(ClipTokenizer, MissingFolderOrFilesGiveClearErrors) {
  EXPECT_THROW(ClipTokenizer::fromFolder("/nonexistent/tokenizer"), droste::io::ModelFileError);
  const fs::path dir = fs::temp_directory_path() / ("droste-bad-tokenizer-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "vocab.json") << "{\"a\": 0}";
  try {
    ClipTokenizer::fromFolder(dir);
    ADD_FAILURE() << "a tokenizer without merges.txt loaded";
  } catch (const droste::io::ModelFileError& e) {
    EXPECT_NE(std::string(e.what()).find("merges.txt"), std::string::npos) << e.what();
  }
  droste::io::removeTree(dir);
}

// Unicode helpers: behaviour the fixture prompts do not reach.
TEST(UnicodeText, NfcComposesAndReorders) {
  using namespace droste::diffusion::unicode;
  EXPECT_EQ(nfc(U"e\u0301"), U"\u00e9");
  EXPECT_EQ(nfc(U"\u212b"), U"\u00c5");                       // ANGSTROM SIGN -> A with ring (singleton)
  EXPECT_EQ(nfc(U"a\u0323\u0302"), U"\u1ead");                // dot below + circumflex in either order
  EXPECT_EQ(nfc(U"a\u0302\u0323"), U"\u1ead");
  EXPECT_EQ(nfc(U"\u1100\u1161\u11a8"), U"\uac01");           // Hangul L V T
}

TEST(UnicodeText, HtmlUnescapeFollowsPython) {
  using namespace droste::diffusion::unicode;
  EXPECT_EQ(htmlUnescape(U"&amp;&lt;&gt;&quot;&#39;&#x41;"), U"&<>\"'A");
  EXPECT_EQ(htmlUnescape(U"&ampx &notit; &#128; &#0; &#xD800;"), U"&x \u00acit; \u20ac \ufffd \ufffd");
  EXPECT_EQ(htmlUnescape(U"&unknown; & &#;"), U"&unknown; & &#;");
}

TEST(UnicodeText, LowerAndInvalidUtf8) {
  using namespace droste::diffusion::unicode;
  EXPECT_EQ(toLower(U"\u00c4\u0130X\u03a3\u039f\u03a3"), U"\u00e4i\u0307x\u03c3\u03bf\u03c2");
  EXPECT_EQ(decodeUtf8("a\xff" "b\xe2\x82"), U"a\ufffdb\ufffd");
  EXPECT_EQ(encodeUtf8(decodeUtf8("caf\xc3\xa9 \xf0\x9f\x90\xb1")), "caf\xc3\xa9 \xf0\x9f\x90\xb1");
}

}  // namespace

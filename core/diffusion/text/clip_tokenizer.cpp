#include "core/diffusion/text/clip_tokenizer.h"

#include "core/diffusion/text/unicode_text.h"
#include "core/io/model_file_error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <fstream>
#include <sstream>

namespace droste::diffusion {
namespace {

using io::ModelFileError;
namespace fs = std::filesystem;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ModelFileError(path.string() + ": cannot read the tokenizer file; the model's tokenizer folder is incomplete");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json readJson(const fs::path& path) {
  try {
    return nlohmann::json::parse(readFile(path));
  } catch (const nlohmann::json::exception& e) {
    throw ModelFileError(path.string() + ": is not valid JSON (" + e.what() + ")");
  }
}

// A token in tokenizer_config.json / special_tokens_map.json: a string or {"content": ...}.
std::string tokenText(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("content") && value["content"].is_string())
    return value["content"].get<std::string>();
  return {};
}

// GPT-2's reversible byte -> printable character table.
std::vector<std::string> makeByteToUnicode() {
  std::vector<int> printable;
  for (int b = '!'; b <= '~'; ++b) printable.push_back(b);
  for (int b = 0xA1; b <= 0xAC; ++b) printable.push_back(b);
  for (int b = 0xAE; b <= 0xFF; ++b) printable.push_back(b);
  std::vector<std::string> table(256);
  int next = 256;
  for (int b = 0; b < 256; ++b) {
    const bool keep = std::find(printable.begin(), printable.end(), b) != printable.end();
    std::string s;
    unicode::appendUtf8(s, static_cast<char32_t>(keep ? b : next++));
    table[b] = s;
  }
  return table;
}

// The reference's text clean-up: NFC (ftfy's stand-in), html.unescape twice, strip, collapse \s+ to
// one space, strip, lower-case.
std::u32string cleanText(const std::string& text) {
  using namespace unicode;
  std::u32string s = htmlUnescape(htmlUnescape(nfc(decodeUtf8(text))));
  auto strip = [](std::u32string_view v) {
    size_t b = 0, e = v.size();
    while (b < e && isPythonSpace(v[b])) ++b;
    while (e > b && isPythonSpace(v[e - 1])) --e;
    return std::u32string(v.substr(b, e - b));
  };
  s = strip(s);
  std::u32string collapsed;
  collapsed.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (isRegexSpace(s[i])) {
      collapsed.push_back(U' ');
      while (i < s.size() && isRegexSpace(s[i])) ++i;
    } else {
      collapsed.push_back(s[i++]);
    }
  }
  return toLower(strip(collapsed));
}

bool startsWith(std::u32string_view s, size_t at, std::u32string_view prefix) {
  return s.substr(at, prefix.size()) == prefix;
}

// The pre-tokenizer: <|startoftext|>|<|endoftext|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
// (IGNORECASE), as re.findall: characters no alternative matches (whitespace) are skipped.
std::vector<std::u32string> splitWords(std::u32string_view s) {
  static const std::u32string_view kSpecial[] = {U"<|startoftext|>", U"<|endoftext|>"};
  // Contractions; under IGNORECASE 's' also matches U+017F (long s), whose case folding is 's'.
  static const std::u32string_view kContractions[] = {U"'s", U"'\u017f", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"};
  std::vector<std::u32string> words;
  size_t i = 0;
  while (i < s.size()) {
    bool matched = false;
    for (auto special : kSpecial) {
      if (startsWith(s, i, special)) {
        words.emplace_back(special);
        i += special.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (auto c : kContractions) {
      if (startsWith(s, i, c)) {
        words.emplace_back(s.substr(i, c.size()));
        i += c.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    size_t j = i;
    if (unicode::isRegexLetter(s[i])) {
      while (j < s.size() && unicode::isRegexLetter(s[j])) ++j;
    } else if (unicode::isRegexNumber(s[i])) {
      j = i + 1;
    } else if (unicode::isRegexOther(s[i])) {
      while (j < s.size() && unicode::isRegexOther(s[j])) ++j;
    } else {
      ++i;  // whitespace (or a character no class takes): findall skips it
      continue;
    }
    words.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// Splits a UTF-8 string into its characters (each a UTF-8 string).
std::vector<std::string> utf8Characters(const std::string& s) {
  std::vector<std::string> chars;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xF0) len = 4;
    else if (b >= 0xE0) len = 3;
    else if (b >= 0xC0) len = 2;
    chars.push_back(s.substr(i, len));
    i += len;
  }
  return chars;
}

}  // namespace

ClipTokenizer ClipTokenizer::fromFolder(const fs::path& folder) {
  if (folder.empty())
    throw ModelFileError("this model has no tokenizer files (vocab.json, merges.txt). A single-file checkpoint carries "
                         "none: open it with a config folder (a diffusers model of the same family) or keep "
                         "that family's diffusers model in the Hugging Face cache");
  if (!fs::is_directory(folder))
    throw ModelFileError(folder.string() + ": the tokenizer folder does not exist");
  ClipTokenizer t;
  const fs::path vocabPath = folder / "vocab.json";
  const nlohmann::json vocab = readJson(vocabPath);
  if (!vocab.is_object() || vocab.empty())
    throw ModelFileError(vocabPath.string() + ": is not a token -> id object");
  for (const auto& [token, id] : vocab.items()) {
    if (!id.is_number_integer()) throw ModelFileError(vocabPath.string() + ": token '" + token + "' has no integer id");
    t.vocab_[token] = id.get<int64_t>();
  }

  // merges.txt: "#version: ..." then one "first second" pair per line, by rank. Like HF's
  // CLIPTokenizer, only the first 49152 - 256 - 2 merges are used.
  const fs::path mergesPath = folder / "merges.txt";
  std::istringstream merges(readFile(mergesPath));
  std::string line;
  int rank = 0;
  bool first = true;
  constexpr int kMaxMerges = 49152 - 256 - 2;
  while (std::getline(merges, line) && rank < kMaxMerges) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first) {
      first = false;
      if (line.rfind("#version", 0) == 0) continue;
    }
    if (line.empty()) continue;
    const size_t space = line.find(' ');
    if (space == std::string::npos || line.find(' ', space + 1) != std::string::npos)
      throw ModelFileError(mergesPath.string() + ": line " + std::to_string(rank + 2) + " is not a 'first second' pair");
    t.mergeRanks_.emplace(line, rank++);
  }
  if (t.mergeRanks_.empty()) throw ModelFileError(mergesPath.string() + ": contains no merges");
  t.byteToUnicode_ = makeByteToUnicode();

  // Special tokens: tokenizer_config.json, then special_tokens_map.json (which wins, as in HF).
  nlohmann::json config = nlohmann::json::object();
  if (fs::exists(folder / "tokenizer_config.json")) config = readJson(folder / "tokenizer_config.json");
  if (fs::exists(folder / "special_tokens_map.json")) {
    const auto map = readJson(folder / "special_tokens_map.json");
    if (map.is_object())
      for (const auto& [key, value] : map.items()) config[key] = value;
  }
  auto special = [&](const char* key, const char* fallback) {
    std::string text = config.contains(key) ? tokenText(config[key]) : std::string();
    return text.empty() ? std::string(fallback) : text;
  };
  t.bosToken_ = special("bos_token", "<|startoftext|>");
  t.eosToken_ = special("eos_token", "<|endoftext|>");
  const std::string unk = special("unk_token", "<|endoftext|>");
  const std::string pad = special("pad_token", "<|endoftext|>");
  auto idOf = [&](const std::string& token) {
    auto it = t.vocab_.find(token);
    if (it == t.vocab_.end())
      throw ModelFileError(vocabPath.string() + ": has no id for the special token '" + token + "'");
    return it->second;
  };
  t.bosId_ = idOf(t.bosToken_);
  t.eosId_ = idOf(t.eosToken_);
  t.padId_ = idOf(pad);
  for (const auto& token : {t.bosToken_, t.eosToken_, unk, pad}) {
    bool known = false;
    for (const auto& s : t.specialTokens_) known = known || s.first == token;
    if (!known) t.specialTokens_.emplace_back(token, idOf(token));
  }
  // Longest first, so that a longer special token wins where two start at the same place.
  std::sort(t.specialTokens_.begin(), t.specialTokens_.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  if (config.contains("model_max_length") && config["model_max_length"].is_number_integer()) {
    const auto max = config["model_max_length"].get<int64_t>();
    if (max >= 2 && max <= 4096) t.maxLength_ = static_cast<int>(max);  // HF stores 1e30 for "unlimited"
  }
  return t;
}

void ClipTokenizer::appendWord(const std::string& word, std::vector<int64_t>& ids) const {
  std::vector<std::string> parts = utf8Characters(word);
  if (parts.empty()) return;
  parts.back() += "</w>";
  // Merge the lowest-ranked adjacent pair, every non-overlapping occurrence left to right, until none is known.
  while (parts.size() > 1) {
    int best = INT_MAX;
    size_t bestAt = 0;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      auto it = mergeRanks_.find(parts[i] + " " + parts[i + 1]);
      if (it != mergeRanks_.end() && it->second < best) {
        best = it->second;
        bestAt = i;
      }
    }
    if (best == INT_MAX) break;
    const std::string a = parts[bestAt], b = parts[bestAt + 1];
    std::vector<std::string> merged;
    merged.reserve(parts.size());
    for (size_t i = 0; i < parts.size();) {
      if (i + 1 < parts.size() && parts[i] == a && parts[i + 1] == b) {
        merged.push_back(a + b);
        i += 2;
      } else {
        merged.push_back(parts[i++]);
      }
    }
    parts = std::move(merged);
  }
  const int64_t unkId = eosId_;  // CLIP's unk token is <|endoftext|>
  for (const auto& p : parts) {
    auto it = vocab_.find(p);
    ids.push_back(it != vocab_.end() ? it->second : unkId);
  }
}

void ClipTokenizer::appendChunk(const std::string& text, std::vector<int64_t>& ids) const {
  for (const std::u32string& word : splitWords(cleanText(text))) {
    if (word == U"<|startoftext|>" || word == U"<|endoftext|>") {  // the BPE cache maps these directly
      ids.push_back(vocab_.at(unicode::encodeUtf8(word)));
      continue;
    }
    std::string encoded;
    for (unsigned char byte : unicode::encodeUtf8(word)) encoded += byteToUnicode_[byte];
    appendWord(encoded, ids);
  }
}

std::vector<int64_t> ClipTokenizer::tokenize(const std::string& prompt, bool splitSpecialTokens) const {
  std::vector<int64_t> ids;
  if (!splitSpecialTokens) {
    appendChunk(prompt, ids);
    return ids;
  }
  // Cut the special-token strings out of the raw text first; clean and BPE the pieces between.
  size_t chunkStart = 0;
  for (size_t i = 0; i < prompt.size();) {
    const std::pair<std::string, int64_t>* hit = nullptr;
    for (const auto& s : specialTokens_) {
      if (prompt.compare(i, s.first.size(), s.first) == 0) {
        hit = &s;
        break;
      }
    }
    if (!hit) {
      ++i;
      continue;
    }
    if (i > chunkStart) appendChunk(prompt.substr(chunkStart, i - chunkStart), ids);
    ids.push_back(hit->second);
    i += hit->first.size();
    chunkStart = i;
  }
  if (chunkStart < prompt.size()) appendChunk(prompt.substr(chunkStart), ids);
  return ids;
}

std::vector<int64_t> ClipTokenizer::encode(const std::string& prompt) const {
  const std::vector<int64_t> tokens = tokenize(prompt, true);
  std::vector<int64_t> ids;
  ids.reserve(maxLength_);
  ids.push_back(bosId_);
  const size_t keep = std::min(tokens.size(), static_cast<size_t>(maxLength_ - 2));
  ids.insert(ids.end(), tokens.begin(), tokens.begin() + static_cast<long>(keep));
  ids.push_back(eosId_);
  ids.resize(maxLength_, padId_);
  return ids;
}

}  // namespace droste::diffusion

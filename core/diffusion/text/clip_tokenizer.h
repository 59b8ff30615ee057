#pragma once
// CLIP byte-level BPE tokenizer giving Hugging Face CLIPTokenizer's ids (with ftfy installed),
// built from a tokenizer folder: vocab.json, merges.txt, tokenizer_config.json,
// special_tokens_map.json. Qt-free; the Unicode handling is in unicode_text.h.

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace droste::diffusion {

class ClipTokenizer {
 public:
  // Throws io::ModelFileError (naming the file) when a file is missing or malformed.
  static ClipTokenizer fromFolder(const std::filesystem::path& folder);

  // [bos] + the first maxLength-2 BPE ids + [eos], right-padded with the pad id to maxLength (77).
  std::vector<int64_t> encode(const std::string& prompt) const;

  // The BPE ids of the prompt, without bos/eos, truncation or padding. With splitSpecialTokens
  // (what HF does) every special-token string in the raw text (the bos/eos/unk/pad strings) is cut
  // out first and maps straight to its id; without it the result is openai/CLIP SimpleTokenizer's.
  std::vector<int64_t> tokenize(const std::string& prompt, bool splitSpecialTokens = true) const;

  int64_t bosId() const { return bosId_; }
  int64_t eosId() const { return eosId_; }
  int64_t padId() const { return padId_; }
  int maxLength() const { return maxLength_; }
  size_t vocabSize() const { return vocab_.size(); }

 private:
  ClipTokenizer() = default;
  void appendChunk(const std::string& text, std::vector<int64_t>& ids) const;
  void appendWord(const std::string& byteEncodedWord, std::vector<int64_t>& ids) const;

  std::unordered_map<std::string, int64_t> vocab_;
  std::unordered_map<std::string, int> mergeRanks_;  // "first second" -> rank
  std::vector<std::string> byteToUnicode_;           // 256 entries, UTF-8
  std::vector<std::pair<std::string, int64_t>> specialTokens_;
  std::string bosToken_, eosToken_;
  int64_t bosId_ = 0, eosId_ = 0, padId_ = 0;
  int maxLength_ = 77;
};

}  // namespace droste::diffusion

// libFuzzer target for the CLIP tokenizer's text input: any bytes as a prompt (valid UTF-8 or not,
// HTML entities, special-token strings, very long words). It must never crash, hang or trip a
// sanitizer, and its promises must hold: exactly maxLength ids, bos first, every id in the vocabulary.
// The tokenizer folder comes from DROSTE_FUZZ_TOKENIZER (the runner points it at a fixture model's).
#include "core/diffusion/text/clip_tokenizer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

namespace {
std::unique_ptr<droste::diffusion::ClipTokenizer> tokenizer;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* folder = std::getenv("DROSTE_FUZZ_TOKENIZER");
  if (!folder) __builtin_trap();  // the runner sets it
  tokenizer = std::make_unique<droste::diffusion::ClipTokenizer>(droste::diffusion::ClipTokenizer::fromFolder(folder));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string prompt(reinterpret_cast<const char*>(data), size);
  const std::vector<int64_t> ids = tokenizer->encode(prompt);
  if (ids.size() != size_t(tokenizer->maxLength()) || ids.front() != tokenizer->bosId()) __builtin_trap();
  for (const int64_t id : ids)
    if (id < 0 || id >= int64_t(tokenizer->vocabSize())) __builtin_trap();
  return 0;
}

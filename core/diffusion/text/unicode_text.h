#pragma once
// The Unicode text handling the CLIP tokenizer needs, without Qt or ICU: UTF-8 <-> code points,
// the character classes of Python's `regex` module (\s, \p{L}, \p{N} under IGNORECASE), Python's
// str.lower / str.isspace, NFC normalisation and html.unescape. The data tables are generated
// from Python itself (tools/unicode/gen_unicode_tables.py), so the classes match the reference.

#include <string>
#include <string_view>

namespace droste::diffusion::unicode {

// Invalid UTF-8 sequences become U+FFFD (as Python's errors="replace" decoding does).
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(std::u32string_view text);
void appendUtf8(std::string& out, char32_t cp);

bool isRegexLetter(char32_t cp);   // [\p{L}]           (IGNORECASE)
bool isRegexNumber(char32_t cp);   // [\p{N}]           (IGNORECASE)
bool isRegexOther(char32_t cp);    // [^\s\p{L}\p{N}]   (IGNORECASE)
bool isRegexSpace(char32_t cp);    // \s
bool isPythonSpace(char32_t cp);   // str.isspace()

// Python's str.lower(), including the final-sigma rule (approximated: a capital sigma after a
// letter and not before one becomes the final form).
std::u32string toLower(std::u32string_view text);

// Unicode canonical composition (NFC).
std::u32string nfc(std::u32string_view text);

// Python's html.unescape (HTML5 named references, numeric references with its replacement rules).
std::u32string htmlUnescape(std::u32string_view text);

}  // namespace droste::diffusion::unicode

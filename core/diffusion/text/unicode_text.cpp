#include "core/diffusion/text/unicode_text.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace droste::diffusion::unicode {
namespace {

struct CodepointRange {
  char32_t lo, hi;
};
struct LowerMapping {
  char32_t cp;
  char32_t lower[3];
};
struct Decomposition {
  char32_t cp, first, second;
};
struct Composition {
  char32_t first, second, composite;
};
struct CombiningClassRange {
  char32_t lo, hi;
  uint8_t cls;
};
struct HtmlEntity {
  const char* name;
  const char* utf8;
};
struct InvalidCharref {
  char32_t number, replacement;
};

#include "core/diffusion/text/unicode_tables.inc"

template <size_t N>
bool inRanges(const CodepointRange (&ranges)[N], char32_t cp) {
  auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                             [](char32_t c, const CodepointRange& r) { return c < r.lo; });
  return it != std::begin(ranges) && cp <= std::prev(it)->hi;
}

constexpr char32_t kReplacement = 0xFFFD;

// Hangul syllables compose and decompose algorithmically (Unicode 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

uint8_t combiningClass(char32_t cp) {
  auto it = std::upper_bound(std::begin(kCombiningClass), std::end(kCombiningClass), cp,
                             [](char32_t c, const CombiningClassRange& r) { return c < r.lo; });
  if (it == std::begin(kCombiningClass)) return 0;
  --it;
  return cp <= it->hi ? it->cls : 0;
}

void decompose(char32_t cp, std::u32string& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount) out.push_back(kTBase + s % kTCount);
    return;
  }
  auto it = std::lower_bound(std::begin(kDecomposition), std::end(kDecomposition), cp,
                             [](const Decomposition& d, char32_t c) { return d.cp < c; });
  if (it == std::end(kDecomposition) || it->cp != cp) {
    out.push_back(cp);
    return;
  }
  decompose(it->first, out);
  if (it->second) decompose(it->second, out);
}

char32_t compose(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
    return a + (b - kTBase);
  auto it = std::lower_bound(std::begin(kComposition), std::end(kComposition), std::make_pair(a, b),
                             [](const Composition& c, const std::pair<char32_t, char32_t>& key) {
                               return std::make_pair(c.first, c.second) < key;
                             });
  if (it != std::end(kComposition) && it->first == a && it->second == b) return it->composite;
  return 0;
}

bool isAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isAsciiHexDigit(char32_t c) { return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hexValue(char32_t c) { return isAsciiDigit(c) ? int(c - '0') : (c >= 'a' ? int(c - 'a' + 10) : int(c - 'A' + 10)); }

// html.unescape's replacement of one numeric reference.
std::u32string numericReference(uint64_t num) {
  auto invalid = std::lower_bound(std::begin(kInvalidCharrefs), std::end(kInvalidCharrefs), num,
                                  [](const InvalidCharref& r, uint64_t n) { return r.number < n; });
  if (invalid != std::end(kInvalidCharrefs) && invalid->number == num) return std::u32string(1, invalid->replacement);
  if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) return std::u32string(1, kReplacement);
  if (std::binary_search(std::begin(kInvalidCodepoints), std::end(kInvalidCodepoints), static_cast<char32_t>(num)))
    return {};
  return std::u32string(1, static_cast<char32_t>(num));
}

const HtmlEntity* findEntity(const std::string& name) {
  auto it = std::lower_bound(std::begin(kHtmlEntities), std::end(kHtmlEntities), name,
                             [](const HtmlEntity& e, const std::string& n) { return std::string_view(e.name) < n; });
  return it != std::end(kHtmlEntities) && name == it->name ? &*it : nullptr;
}

}  // namespace

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) appendUtf8(out, cp);
  return out;
}

std::u32string decodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const uint8_t b = p[i];
    if (b < 0x80) {
      out.push_back(b);
      ++i;
      continue;
    }
    int length = 0;
    char32_t cp = 0;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2, cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3, cp = b & 0x0F;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4, cp = b & 0x07;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      out.push_back(kReplacement);  // stray continuation byte or invalid lead byte
      ++i;
      continue;
    }
    // Replace the maximal invalid prefix by one U+FFFD, as Python's decoder does.
    int k = 1;
    for (; k < length; ++k) {
      if (i + k >= n) break;
      const uint8_t c = p[i + k];
      const uint8_t min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
      if (c < min || c > max) break;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (k == length) {
      out.push_back(cp);
      i += length;
    } else {
      out.push_back(kReplacement);
      i += k;
    }
  }
  return out;
}

bool isRegexLetter(char32_t cp) { return inRanges(kRegexLetter, cp); }
bool isRegexNumber(char32_t cp) { return inRanges(kRegexNumber, cp); }
bool isRegexOther(char32_t cp) { return inRanges(kRegexOther, cp); }
bool isRegexSpace(char32_t cp) { return inRanges(kRegexSpace, cp); }
bool isPythonSpace(char32_t cp) { return inRanges(kPythonSpace, cp); }

std::u32string toLower(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp == 0x3A3) {  // GREEK CAPITAL LETTER SIGMA: final form at the end of a word
      const bool afterLetter = i > 0 && isRegexLetter(text[i - 1]);
      const bool beforeLetter = i + 1 < text.size() && isRegexLetter(text[i + 1]);
      out.push_back(afterLetter && !beforeLetter ? 0x3C2 : 0x3C3);
      continue;
    }
    auto it = std::lower_bound(std::begin(kLower), std::end(kLower), cp,
                               [](const LowerMapping& m, char32_t c) { return m.cp < c; });
    if (it == std::end(kLower) || it->cp != cp) {
      out.push_back(cp);
      continue;
    }
    for (char32_t l : it->lower)
      if (l) out.push_back(l);
  }
  return out;
}

std::u32string nfc(std::u32string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x300; })) return std::u32string(text);

  std::u32string decomposed;
  decomposed.reserve(text.size());
  for (char32_t cp : text) decompose(cp, decomposed);
  // Canonical ordering: stable sort of every run of non-starters by combining class.
  for (size_t i = 0; i < decomposed.size();) {
    if (combiningClass(decomposed[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < decomposed.size() && combiningClass(decomposed[j]) != 0) ++j;
    std::stable_sort(decomposed.begin() + i, decomposed.begin() + j,
                     [](char32_t a, char32_t b) { return combiningClass(a) < combiningClass(b); });
    i = j;
  }
  // Canonical composition.
  std::u32string out;
  out.reserve(decomposed.size());
  long starter = -1;    // index in out of the last starter
  int lastClass = -1;   // class of the last character after the starter (-1: none yet)
  for (char32_t cp : decomposed) {
    const int cls = combiningClass(cp);
    if (starter >= 0 && (lastClass == -1 || (lastClass != 0 && lastClass < cls))) {
      if (char32_t composite = compose(out[starter], cp)) {
        out[starter] = composite;
        continue;
      }
    }
    if (cls == 0) {
      starter = static_cast<long>(out.size());
      lastClass = -1;
    } else {
      lastClass = cls;
    }
    out.push_back(cp);
  }
  return out;
}

std::u32string htmlUnescape(std::u32string_view s) {
  if (s.find(U'&') == std::u32string_view::npos) return std::u32string(s);
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != U'&' || i + 1 >= s.size()) {
      out.push_back(s[i++]);
      continue;
    }
    const size_t start = i + 1;
    if (s[start] == U'#') {
      // &#[0-9]+;?  or  &#[xX][0-9a-fA-F]+;?
      const bool hex = start + 1 < s.size() && (s[start + 1] == U'x' || s[start + 1] == U'X');
      size_t j = start + (hex ? 2 : 1);
      const size_t digits = j;
      uint64_t num = 0;
      while (j < s.size() && (hex ? isAsciiHexDigit(s[j]) : isAsciiDigit(s[j]))) {
        num = std::min<uint64_t>(num * (hex ? 16 : 10) + hexValue(s[j]), 0x7FFFFFFF);  // large = invalid anyway
        ++j;
      }
      if (j == digits) {  // no digits: not a reference ('#' is excluded from names too)
        out.push_back(s[i++]);
        continue;
      }
      if (j < s.size() && s[j] == U';') ++j;
      out += numericReference(num);
      i = j;
      continue;
    }
    // [^\t\n\f <&#;]{1,32};?
    size_t j = start;
    auto nameChar = [](char32_t c) {
      return c != U'\t' && c != U'\n' && c != U'\f' && c != U' ' && c != U'<' && c != U'&' && c != U'#' && c != U';';
    };
    while (j < s.size() && j - start < 32 && nameChar(s[j])) ++j;
    if (j == start) {
      out.push_back(s[i++]);
      continue;
    }
    if (j < s.size() && s[j] == U';') ++j;
    const std::u32string_view name = s.substr(start, j - start);
    const std::string nameUtf8 = encodeUtf8(name);
    if (const HtmlEntity* e = findEntity(nameUtf8)) {
      out += decodeUtf8(e->utf8);
    } else {
      // The longest entity name that is a prefix (names are ASCII, so byte prefixes are code point prefixes).
      bool found = false;
      for (size_t x = name.size() - 1; x > 1 && !found; --x) {
        const std::string prefix = encodeUtf8(name.substr(0, x));
        if (const HtmlEntity* p = findEntity(prefix)) {
          out += decodeUtf8(p->utf8);
          out += name.substr(x);
          found = true;
        }
      }
      if (!found) {
        out.push_back(U'&');
        out += name;
      }
    }
    i = j;
  }
  return out;
}

}  // namespace droste::diffusion::unicode

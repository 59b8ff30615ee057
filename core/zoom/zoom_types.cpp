#include "core/zoom/zoom_types.h"
#include "core/zoom/keyframe.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace droste::zoom {
namespace {

template <typename E, size_t N>
std::optional<E> lookup(const std::pair<E, const char*> (&table)[N], const QString& name) {
  for (const auto& [value, text] : table)
    if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0) return value;
  return std::nullopt;
}

template <typename E, size_t N>
QString nameOf(const std::pair<E, const char*> (&table)[N], E value) {
  for (const auto& [v, text] : table)
    if (v == value) return QString::fromLatin1(text);
  return {};
}

const std::pair<OutpaintMethod, const char*> kMethods[] = {{OutpaintMethod::Direct, "direct"},
                                                           {OutpaintMethod::Sequential, "sequential"}};
const std::pair<PaddingMode, const char*> kPaddings[] = {{PaddingMode::Symmetric, "symmetric"},
                                                         {PaddingMode::Reflect, "reflect"},
                                                         {PaddingMode::Edge, "edge"},
                                                         {PaddingMode::Black, "black"},
                                                         {PaddingMode::BlurredStretch, "blurred-stretch"}};
const std::pair<ImportFit, const char*> kFits[] = {{ImportFit::CenterCrop, "crop"}, {ImportFit::Pad, "pad"}};
const std::pair<KeyframeState, const char*> kStates[] = {{KeyframeState::Fresh, "fresh"},
                                                         {KeyframeState::Stale, "stale"},
                                                         {KeyframeState::Generating, "generating"},
                                                         {KeyframeState::Failed, "failed"}};
const std::pair<PainterKind, const char*> kPainters[] = {{PainterKind::StableDiffusion, "sd"},
                                                         {PainterKind::Draft, "draft"}};

}  // namespace

QString toString(OutpaintMethod v) { return nameOf(kMethods, v); }
QString toString(PaddingMode v) { return nameOf(kPaddings, v); }
QString toString(ImportFit v) { return nameOf(kFits, v); }
QString toString(KeyframeState v) { return nameOf(kStates, v); }
QString toString(PainterKind v) { return nameOf(kPainters, v); }
std::optional<OutpaintMethod> outpaintMethodFromString(const QString& s) { return lookup(kMethods, s); }
std::optional<PaddingMode> paddingModeFromString(const QString& s) { return lookup(kPaddings, s); }
std::optional<ImportFit> importFitFromString(const QString& s) { return lookup(kFits, s); }
std::optional<KeyframeState> keyframeStateFromString(const QString& s) { return lookup(kStates, s); }
std::optional<PainterKind> painterKindFromString(const QString& s) { return lookup(kPainters, s); }

QStringList paddingModeNames() {
  QStringList names;
  for (const auto& entry : kPaddings) names << QString::fromLatin1(entry.second);
  return names;
}

namespace {

int shortSide(const OutpaintOptions& o) { return o.width >= o.height ? o.height : o.width; }

// p x short / long when that is a whole multiple of 8, else -1. A multiple of 8 keeps every canvas one
// (the model's latents are 1/8 the size), also the sequential one that grows by one side at a time.
int exactShortRing(int ring, int shortSide, int longSide) {
  const long long scaled = 1LL * ring * shortSide;
  if (scaled % longSide != 0) return -1;
  const int shortRing = int(scaled / longSide);
  return shortRing % 8 == 0 ? shortRing : -1;
}

}  // namespace

int OutpaintOptions::ringX() const {
  return width >= height ? outpaint : int(1LL * outpaint * width / height);
}

int OutpaintOptions::ringY() const {
  return height >= width ? outpaint : int(1LL * outpaint * height / width);
}

std::vector<int> OutpaintOptions::exactRings() const {
  std::vector<int> rings;
  for (int p = 8; p <= longSide() / 2; p += 8)
    if (exactShortRing(p, shortSide(*this), longSide()) > 0) rings.push_back(p);
  return rings;
}

void OutpaintOptions::validate() const {
  auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
  for (const auto& [side, name] : {std::pair{width, "width"}, std::pair{height, "height"}})
    if (side < 64 || side > 4096 || side % 8 != 0)
      fail(std::string("Keyframe ") + name + " " + std::to_string(side) +
           " is not allowed: use a multiple of 8 from 64 to 4096 (e.g. 512)");
  const int half = longSide() / 2;
  if (outpaint < 8 || outpaint > half || outpaint % 8 != 0)
    fail("Outpaint ring " + std::to_string(outpaint) + " px is not allowed: use a multiple of 8 from 8 to " +
         std::to_string(half) + " (half the keyframe's long side)");
  if (exactShortRing(outpaint, shortSide(*this), longSide()) < 0) {
    const std::vector<int> rings = exactRings();
    std::string choices;
    for (size_t i = 0; i < rings.size() && i < 6; ++i) choices += (i ? ", " : "") + std::to_string(rings[i]);
    fail("An outpaint ring of " + std::to_string(outpaint) + " px does not zoom " + std::to_string(width) + "x" +
         std::to_string(height) + " keyframes by the same factor on both axes" +
         (rings.empty() ? std::string(": no ring does; use a size with a simpler ratio, e.g. 1024x576 for 16:9")
                        : ": use " + choices + " px"));
  }
  if (maskOverlap < 0 || maskOverlap > std::min(ringX(), ringY()) / 2)
    fail("Mask overlap " + std::to_string(maskOverlap) + " px is not allowed: use 0 to " +
         std::to_string(std::min(ringX(), ringY()) / 2));
}

}  // namespace droste::zoom

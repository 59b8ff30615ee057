#include "core/zoom/zoom_types.h"
#include "core/zoom/keyframe.h"

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

void OutpaintOptions::validate() const {
  auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
  if (size < 64 || size > 4096 || size % 8 != 0)
    fail("Keyframe size " + std::to_string(size) + " is not allowed: use a multiple of 8 from 64 to 4096 (e.g. 512)");
  if (outpaint < 8 || outpaint > size / 2 || outpaint % 8 != 0)
    fail("Outpaint ring " + std::to_string(outpaint) + " px is not allowed: use a multiple of 8 from 8 to " +
         std::to_string(size / 2) + " (half the keyframe size)");
  if (maskOverlap < 0 || maskOverlap > outpaint / 2)
    fail("Mask overlap " + std::to_string(maskOverlap) + " px is not allowed: use 0 to " + std::to_string(outpaint / 2));
}

}  // namespace droste::zoom

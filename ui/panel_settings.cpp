#include "ui/panel_settings.h"

#include "core/zoom/keyframe_shapes.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace droste::ui {

PanelValues panelValuesFor(const zoom::ProjectSettings& s, PanelValues v) {
  v.prompt = s.prompt;
  v.negativePrompt = s.negativePrompt;
  v.model = s.painter == zoom::PainterKind::Draft ? QString::fromLatin1(kDraftModelEntry) : s.model;
  v.scheduler = s.scheduler;
  v.steps = s.steps;
  v.guidance = s.guidance;
  v.keyframeSize = s.outpaint.keyframeSize();
  v.outpaint = s.outpaint.outpaint;
  v.method = zoom::toString(s.outpaint.method);
  v.padding = zoom::toString(s.outpaint.padding);
  v.seedLocked = s.lockedSeed.has_value();
  if (s.lockedSeed) v.seed = *s.lockedSeed;  // unlocked, the seed field is the panel's own
  v.keyframesToAdd = s.keyframesToAdd;
  return v;
}

zoom::ProjectSettings settingsFromPanel(const PanelValues& v, zoom::ProjectSettings s) {
  s.prompt = v.prompt;
  s.negativePrompt = v.negativePrompt;
  if (v.model == QLatin1String(kDraftModelEntry)) {
    s.painter = zoom::PainterKind::Draft;
  } else {
    s.painter = zoom::PainterKind::StableDiffusion;
    s.model = v.model;
  }
  s.scheduler = v.scheduler;
  s.steps = v.steps;
  s.guidance = v.guidance;
  s.outpaint.width = v.keyframeSize.width();
  s.outpaint.height = v.keyframeSize.height();
  // Within half the long side, and a ring that zooms both axes alike (the nearest one where the shape needs it).
  s.outpaint.outpaint = zoom::nearestExactRing(s.outpaint, std::min(v.outpaint, s.outpaint.longSide() / 2 / 8 * 8));
  s.outpaint.method = zoom::outpaintMethodFromString(v.method).value_or(s.outpaint.method);
  s.outpaint.padding = zoom::paddingModeFromString(v.padding).value_or(s.outpaint.padding);
  s.lockedSeed = v.seedLocked ? std::optional<std::uint64_t>(v.seed) : std::nullopt;
  s.keyframesToAdd = v.keyframesToAdd;
  return s;
}

QString undoTextForField(const QString& field) {
  static const QHash<QString, const char*> names{
      {QStringLiteral("prompt"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Edit prompt")},
      {QStringLiteral("negativePrompt"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Edit negative prompt")},
      {QStringLiteral("model"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change model")},
      {QStringLiteral("scheduler"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change sampler")},
      {QStringLiteral("steps"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change steps")},
      {QStringLiteral("guidance"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change guidance")},
      {QStringLiteral("keyframeSize"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change keyframe size")},
      {QStringLiteral("outpaint"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change outpaint ring")},
      {QStringLiteral("method"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change method")},
      {QStringLiteral("padding"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change padding")},
      {QStringLiteral("seed"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change locked seed")},
      {QStringLiteral("seedLocked"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Lock or unlock seed")},
      {QStringLiteral("keyframesToAdd"), QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change keyframes to add")}};
  const char* name = names.value(field, QT_TRANSLATE_NOOP("droste::ui::PanelSettings", "Change setting"));
  return QCoreApplication::translate("droste::ui::PanelSettings", name);
}

}  // namespace droste::ui

#pragma once
// A painter that needs no model: instant (< 50 ms for a 512^2 keyframe), deterministic per seed, and
// plausible enough for a layout preview. Masked pixels get the pre-filled picture (the mirrored
// continuation) softly blurred, with low-frequency colour variation and film grain drawn from the seed;
// a fully masked canvas (the first keyframe) gets a procedural landscape of fractal noise whose colours
// come from the prompt and the seed. Strength below 1 (a detail pass) keeps the picture and only sharpens
// it and adds grain, in proportion.
#include "core/zoom/painter.h"

namespace droste::zoom {

class DraftPainter : public Painter {
 public:
  QImage paint(const PaintRequest& request, const PaintProgressFn& progress = {},
               const std::atomic_bool* cancel = nullptr) override;
  QString name() const override { return QStringLiteral("draft"); }
};

}  // namespace droste::zoom

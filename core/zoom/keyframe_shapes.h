#pragma once
// The keyframe shapes an artist picks from (1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3) and the sizes of each
// that the zoom can use: multiples of 8 on both sides with at least one ring that zooms both axes alike.
#include "core/zoom/zoom_types.h"

#include <QSize>
#include <QString>

#include <optional>
#include <vector>

namespace droste::zoom {

struct KeyframeShape {
  int across = 1;  // width : height
  int down = 1;
  QString id() const { return QString::number(across) + QLatin1Char(':') + QString::number(down); }  // "16:9"
};

const std::vector<KeyframeShape>& keyframeShapes();

// The shape `size` has exactly, if it is one of keyframeShapes().
std::optional<KeyframeShape> shapeOf(QSize size);

// Sizes of `shape` that keyframes can have, near the usual long sides from 256 to 2048 px, smallest first.
std::vector<QSize> keyframeSizes(const KeyframeShape& shape);

// The ring closest to `wanted` that zooms `options`' keyframe size evenly (OutpaintOptions::exactRings());
// `wanted` itself when it does, or when no ring does (validate() then explains).
int nearestExactRing(const OutpaintOptions& options, int wanted);

}  // namespace droste::zoom

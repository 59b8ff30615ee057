#include "core/zoom/keyframe_shapes.h"

#include <algorithm>
#include <cstdlib>

namespace droste::zoom {

const std::vector<KeyframeShape>& keyframeShapes() {
  static const std::vector<KeyframeShape> shapes{{1, 1}, {16, 9}, {9, 16}, {4, 3}, {3, 4}, {3, 2}, {2, 3}};
  return shapes;
}

std::optional<KeyframeShape> shapeOf(QSize size) {
  for (const KeyframeShape& shape : keyframeShapes())
    if (1LL * size.width() * shape.down == 1LL * size.height() * shape.across) return shape;
  return std::nullopt;
}

std::vector<QSize> keyframeSizes(const KeyframeShape& shape) {
  std::vector<QSize> usable;
  const int longPart = std::max(shape.across, shape.down), shortPart = std::min(shape.across, shape.down);
  for (int longSide = 256; longSide <= 2048; longSide += 8) {
    if (longSide * shortPart % longPart != 0) continue;
    const int shortSide = longSide * shortPart / longPart;
    if (shortSide % 8 != 0) continue;
    OutpaintOptions o;
    o.width = shape.across >= shape.down ? longSide : shortSide;
    o.height = shape.across >= shape.down ? shortSide : longSide;
    if (!o.exactRings().empty()) usable.push_back(o.keyframeSize());
  }
  // The usable size nearest to each usual long side (SD 1.x paints 512, SD 2 768, SDXL 1024).
  std::vector<QSize> sizes;
  const auto longSide = [](QSize s) { return std::max(s.width(), s.height()); };
  for (const int target : {256, 384, 512, 640, 768, 1024, 1280, 1536, 2048}) {
    if (usable.empty()) break;
    const QSize nearest = *std::min_element(usable.begin(), usable.end(), [&](QSize a, QSize b) {
      return std::abs(longSide(a) - target) < std::abs(longSide(b) - target);
    });
    if (std::find(sizes.begin(), sizes.end(), nearest) == sizes.end()) sizes.push_back(nearest);
  }
  return sizes;
}

int nearestExactRing(const OutpaintOptions& options, int wanted) {
  const std::vector<int> rings = options.exactRings();
  if (rings.empty() || std::find(rings.begin(), rings.end(), wanted) != rings.end()) return wanted;
  return *std::min_element(rings.begin(), rings.end(),
                           [wanted](int a, int b) { return std::abs(a - wanted) < std::abs(b - wanted); });
}

}  // namespace droste::zoom

#include "core/zoom/geometry.h"

#include <cmath>

namespace droste::zoom {

QRectF ZoomGeometry::innerRect() const {
  const double s = scale();
  return QRectF(ringX * s, ringY * s, width * s, height * s);
}

QRect pixelsWhollyInside(const QRectF& r) {
  // Small tolerance so exact edges (e.g. p*s integral) count as inside.
  const int left = static_cast<int>(std::ceil(r.left() - 1e-9));
  const int right = static_cast<int>(std::floor(r.right() + 1e-9));
  const int top = static_cast<int>(std::ceil(r.top() - 1e-9));
  const int bottom = static_cast<int>(std::floor(r.bottom() + 1e-9));
  return QRect(left, top, right - left, bottom - top);
}

QRect ZoomGeometry::keptPixels() const { return pixelsWhollyInside(innerRect()); }

}  // namespace droste::zoom

#include "core/zoom/geometry.h"

#include <cmath>

namespace droste::zoom {

QRectF ZoomGeometry::innerRect() const {
  const double s = scale();
  return QRectF(outpaint * s, outpaint * s, size * s, size * s);
}

QRect ZoomGeometry::keptPixels() const {
  const QRectF r = innerRect();
  // Small tolerance so exact edges (e.g. p*s integral) count as inside.
  const int first = static_cast<int>(std::ceil(r.left() - 1e-9));
  const int end = static_cast<int>(std::floor(r.right() + 1e-9));
  return QRect(first, first, end - first, end - first);
}

}  // namespace droste::zoom

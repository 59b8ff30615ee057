#pragma once
// Zoom geometry of the keyframe chain. Keyframe k is keyframe k-1 shrunk by S/(S+2p) into the centre
// of a (S+2p)^2 canvas whose ring was painted, then the whole canvas resampled to S x S.
// Coordinates are pixel edges: pixel x covers [x, x+1).
#include <QRect>
#include <QRectF>

namespace droste::zoom {

struct ZoomGeometry {
  int size = 512;      // S
  int outpaint = 128;  // p

  int canvasSize() const { return size + 2 * outpaint; }
  // S / (S + 2p): how much keyframe k-1 shrinks inside keyframe k.
  double scale() const { return double(size) / double(canvasSize()); }
  // Where keyframe k-1 lies inside keyframe k (sub-pixel exact, keyframe-k pixel units).
  QRectF innerRect() const;
  // Pixels of keyframe k that lie wholly inside innerRect(): the part that only keyframe k-1 decides.
  QRect keptPixels() const;
  // Where keyframe k-1 lies inside the (S+2p)^2 canvas: integer, [p, p+S).
  QRect innerRectOnCanvas() const { return QRect(outpaint, outpaint, size, size); }
};

}  // namespace droste::zoom

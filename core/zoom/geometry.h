#pragma once
// Zoom geometry of the keyframe chain. Keyframe k is keyframe k-1 shrunk by s = W/(W+2rx) = H/(H+2ry)
// into the centre of a (W+2rx) x (H+2ry) canvas whose ring was painted, then the whole canvas resampled
// to W x H. Coordinates are pixel edges: pixel x covers [x, x+1).
#include "core/zoom/zoom_types.h"

#include <QRect>
#include <QRectF>
#include <QSize>

namespace droste::zoom {

// The pixels wholly inside `r` (pixel x covers [x, x+1)); edges within 1e-9 of a whole pixel count as whole.
QRect pixelsWhollyInside(const QRectF& r);

struct ZoomGeometry {
  // All four, so that an old two-number geometry {S, p} cannot compile into a wrong one.
  ZoomGeometry(int w, int h, int rx, int ry) : width(w), height(h), ringX(rx), ringY(ry) {}
  static ZoomGeometry of(const OutpaintOptions& options) {
    return {options.width, options.height, options.ringX(), options.ringY()};
  }
  static ZoomGeometry square(int size, int ring) { return {size, size, ring, ring}; }

  int width;   // W
  int height;  // H
  int ringX;   // rx: ring on the left and on the right
  int ringY;   // ry: ring on the top and at the bottom

  QSize canvasSize() const { return {width + 2 * ringX, height + 2 * ringY}; }
  // W / (W + 2rx): how much keyframe k-1 shrinks inside keyframe k (the same on both axes).
  double scale() const { return double(width) / double(width + 2 * ringX); }
  // Where keyframe k-1 lies inside keyframe k (sub-pixel exact, keyframe-k pixel units).
  QRectF innerRect() const;
  // Pixels of keyframe k that lie wholly inside innerRect(): the part that only keyframe k-1 decides.
  QRect keptPixels() const;
  // Where keyframe k-1 lies inside the canvas: integer, [rx, rx+W) x [ry, ry+H).
  QRect innerRectOnCanvas() const { return QRect(ringX, ringY, width, height); }
};

}  // namespace droste::zoom

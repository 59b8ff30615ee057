#include "core/zoom/seam.h"

#include "core/imaging/pixel_formats.h"
#include "core/imaging/resample.h"
#include "core/zoom/geometry.h"
#include "core/zoom/masks.h"
#include "core/zoom/outpaint.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace droste::zoom {
namespace {

// Keyframe pixels of half a ring (at least 4): the band repaintSeam() paints on each side of the edge.
int seamHalfWidth(const OutpaintOptions& options) {
  const ZoomGeometry g = ZoomGeometry::of(options);
  return std::max(4, int(std::lround(std::min(g.ringX, g.ringY) * g.scale() / 2.0)));
}

// How far the repainted band fades into the pixels on either side of it.
int seamFeather(const OutpaintOptions& options) { return std::max(2, seamHalfWidth(options) / 2); }

// Per-pixel alpha of `region`: 1 inside, ramping to 0 over its outermost `ramp` pixels.
double regionAlpha(int x, int y, const QRect& region, int ramp) {
  const int d = std::min({x - region.left(), region.right() - x, y - region.top(), region.bottom() - y});
  if (d < 0) return 0.0;
  return std::min(1.0, double(d + 1) / double(ramp + 1));
}

}  // namespace

QImage pasteInnerKeyframe(const QImage& outer, const QImage& inner, const OutpaintOptions& options) {
  return pasteInnerKeyframe(outer, inner, options, ZoomGeometry::of(options).keptPixels());
}

QImage pasteInnerKeyframe(const QImage& outerIn, const QImage& innerIn, const OutpaintOptions& options, const QRect& region) {
  const QSize size = options.keyframeSize();
  if (outerIn.size() != size || innerIn.size() != size)
    throw std::invalid_argument("pasteInnerKeyframe: both keyframes must be the project's keyframe size");
  const QImage outer = imaging::toRgb888(outerIn), inner = imaging::toRgb888(innerIn);
  const ZoomGeometry g = ZoomGeometry::of(options);
  // The canvas the engine shrinks is `inner` at [rx, rx+W) x [ry, ry+H): the same sample positions here.
  const QImage shrunk = imaging::resample(inner, QRectF(-g.ringX, -g.ringY, g.canvasSize().width(), g.canvasSize().height()),
                                          size, imaging::ResampleFilter::AreaSpline);
  QImage out = outer.copy();
  constexpr int kRamp = 2;
  for (int y = std::max(0, region.top()); y <= std::min(size.height() - 1, region.bottom()); ++y) {
    const uchar* s = shrunk.constScanLine(y);
    uchar* o = out.scanLine(y);
    for (int x = std::max(0, region.left()); x <= std::min(size.width() - 1, region.right()); ++x) {
      const double a = regionAlpha(x, y, region, kRamp);
      for (int c = 0; c < 3; ++c) o[3 * x + c] = uchar(std::lround(a * s[3 * x + c] + (1.0 - a) * o[3 * x + c]));
    }
  }
  return out;
}

namespace {

// The band proper (painted fully), around the edge of the inner keyframe's place; the feather lies outside it.
QRect bandInner(const OutpaintOptions& options) {
  const int b = seamHalfWidth(options);
  return ZoomGeometry::of(options).keptPixels().adjusted(b, b, -b, -b);
}

QRect bandOuter(const OutpaintOptions& options) {
  const int b = seamHalfWidth(options);
  return ZoomGeometry::of(options).keptPixels().adjusted(-b, -b, b, b) & QRect(QPoint(0, 0), options.keyframeSize());
}

}  // namespace

QRect seamInside(const OutpaintOptions& options) {
  const int f = seamFeather(options) + 1;
  return bandInner(options).adjusted(f, f, -f, -f);
}

QRect seamOutside(const OutpaintOptions& options) {
  const int f = seamFeather(options) + 1;
  return bandOuter(options).adjusted(-f, -f, f, f) & QRect(QPoint(0, 0), options.keyframeSize());
}

QImage repaintSeam(const QImage& picture, const OutpaintOptions& options, Painter& painter, const PaintRequest& base,
                   const PaintProgressFn& progress, const std::atomic_bool* cancel) {
  const QSize size = options.keyframeSize();
  const int feather = seamFeather(options);
  // 255 outside the band's inner rectangle (ramping inside it) and inside its outer one (ramping outside it).
  const OutpaintMask outsideInner = ringMask(size, bandInner(options), feather);
  const QRect grown = bandOuter(options).adjusted(-feather, -feather, feather, feather) & QRect(QPoint(0, 0), size);
  const OutpaintMask outsideOuter = ringMask(size, grown, feather);
  QImage blend(size, QImage::Format_Grayscale8), paint(size, QImage::Format_Grayscale8);
  for (int y = 0; y < size.height(); ++y) {
    const uchar* a = outsideInner.blend.constScanLine(y);
    const uchar* b = outsideOuter.blend.constScanLine(y);
    uchar* out = blend.scanLine(y);
    uchar* p = paint.scanLine(y);
    for (int x = 0; x < size.width(); ++x) {
      out[x] = std::min<uchar>(a[x], uchar(255 - b[x]));
      p[x] = out[x] > 0 ? 255 : 0;
    }
  }
  PaintRequest request = base;
  request.image = imaging::toRgb888(picture);
  request.mask = paint;
  const QImage painted = imaging::toRgb888(painter.paint(request, progress, cancel));
  if (painted.size() != size) throw std::runtime_error("The painter returned a picture of the wrong size");
  return blendByMask(painted, request.image, blend);
}

QImage keyframeFromPicture(const QImage& picture, ImportFit fit, const QImage& inner, const OutpaintOptions& options,
                           Painter& painter, const PaintRequest& base, const PaintProgressFn& progress,
                           const std::atomic_bool* cancel) {
  const QImage fitted = fitImportedImage(picture, options.keyframeSize(), fit);
  if (inner.isNull()) return fitted;
  return repaintSeam(pasteInnerKeyframe(fitted, inner, options), options, painter, base, progress, cancel);
}

}  // namespace droste::zoom

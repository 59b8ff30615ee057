#pragma once
// Separable, sub-pixel exact image resampling. Destination pixel x covers the source interval
// [source.left() + x*rx, source.left() + (x+1)*rx) with rx = source.width()/dst.width(); the kernel is
// widened by rx when shrinking (anti-aliased). Samples outside the picture repeat its edge.
#include <QImage>
#include <QRectF>
#include <QSize>

namespace droste::zoom {

enum class ResampleFilter {
  Area,     // box over the exact footprint (no overshoot)
  Lanczos3, // sharper; results clamped to [0, 255]
};

// src: Format_RGB888 or Format_Grayscale8 (other formats are converted to RGB888). Result has src's format.
QImage resample(const QImage& src, const QRectF& source, QSize dstSize,
                ResampleFilter filter = ResampleFilter::Lanczos3);
inline QImage resized(const QImage& src, QSize dstSize, ResampleFilter filter = ResampleFilter::Lanczos3) {
  return resample(src, QRectF(0, 0, src.width(), src.height()), dstSize, filter);
}

// The 8-bit image formats zoom code works in.
QImage toRgb888(const QImage& image);
QImage toGray8(const QImage& image);

}  // namespace droste::zoom

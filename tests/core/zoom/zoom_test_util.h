#pragma once
// Helpers for the zoom tests: an independent (naive, double precision) reference of the chain geometry,
// PSNR, and stand-in painters.
#include "core/zoom/painter.h"
#include "core/zoom/padding.h"
#include "core/zoom/resample.h"

#include <QImage>
#include <QRect>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace droste::zoom::test {

inline double lanczos3(double x) {
  auto sinc = [](double v) { return std::abs(v) < 1e-8 ? 1.0 : std::sin(std::numbers::pi * v) / (std::numbers::pi * v); };
  return std::abs(x) < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0;
}

// Pixel (x, y) of keyframe k predicted from keyframe k-1 alone: k-1 sits at [p, p+S) of the (S+2p)
// canvas that is shrunk to S with an anti-aliased Lanczos-3 kernel. Written directly from the geometry.
inline void predictPixel(const QImage& previous, int S, int p, int x, int y, double out[3]) {
  const double r = double(S + 2 * p) / S;  // canvas pixels per keyframe pixel
  const double cx = (x + 0.5) * r - p, cy = (y + 0.5) * r - p;  // centre in previous-keyframe coordinates
  const int radius = int(std::ceil(3.0 * r)) + 1;
  double acc[3] = {0, 0, 0}, norm = 0;
  for (int j = int(cy) - radius; j <= int(cy) + radius; ++j) {
    const double wy = lanczos3((j + 0.5 - cy) / r);
    if (wy == 0) continue;
    for (int i = int(cx) - radius; i <= int(cx) + radius; ++i) {
      const double w = wy * lanczos3((i + 0.5 - cx) / r);
      if (w == 0) continue;
      const uchar* px = previous.constScanLine(std::clamp(j, 0, S - 1)) + 3 * std::clamp(i, 0, S - 1);
      for (int c = 0; c < 3; ++c) acc[c] += w * px[c];
      norm += w;
    }
  }
  for (int c = 0; c < 3; ++c) out[c] = std::clamp(acc[c] / norm, 0.0, 255.0);
}

// PSNR of `image` against the prediction from `previous` over `area`.
inline double keptAreaPsnr(const QImage& image, const QImage& previous, int S, int p, const QRect& area) {
  double se = 0;
  long long n = 0;
  for (int y = area.top(); y <= area.bottom(); ++y)
    for (int x = area.left(); x <= area.right(); ++x) {
      double ref[3];
      predictPixel(previous, S, p, x, y, ref);
      const uchar* px = image.constScanLine(y) + 3 * x;
      for (int c = 0; c < 3; ++c) se += (px[c] - ref[c]) * (px[c] - ref[c]);
      n += 3;
    }
  const double mse = se / double(n);
  return mse <= 1e-12 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

inline void meanColor(const QImage& image, const QRect& area, double out[3]) {
  double sum[3] = {0, 0, 0};
  for (int y = area.top(); y <= area.bottom(); ++y)
    for (int x = area.left(); x <= area.right(); ++x)
      for (int c = 0; c < 3; ++c) sum[c] += image.constScanLine(y)[3 * x + c];
  const double n = double(area.width()) * area.height();
  for (int c = 0; c < 3; ++c) out[c] = sum[c] / n;
}

// A stand-in for VAE drift: tints and blurs the WHOLE canvas, mask or not.
class TintBlurPainter : public Painter {
 public:
  QImage paint(const PaintRequest& request, const PaintProgressFn&, const std::atomic_bool*) override {
    QImage out = boxBlur(toRgb888(request.image), 2, 1);
    const double gain[3] = {1.06, 0.97, 0.93};
    const double offset[3] = {4.0, 0.0, -2.0};
    for (int y = 0; y < out.height(); ++y) {
      uchar* px = out.scanLine(y);
      for (int x = 0; x < out.width() * 3; ++x)
        px[x] = uchar(std::clamp(std::lround(px[x] * gain[x % 3] + offset[x % 3]), 0L, 255L));
    }
    return out;
  }
  QString name() const override { return QStringLiteral("tint-blur"); }
};

}  // namespace droste::zoom::test

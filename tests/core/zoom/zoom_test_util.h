#pragma once
// Helpers for the zoom tests: an independent (naive, double precision) reference of the chain geometry,
// PSNR, and stand-in painters.
#include "core/imaging/pixel_formats.h"
#include "core/zoom/geometry.h"
#include "core/zoom/padding.h"
#include "core/zoom/painter.h"

#include <QImage>
#include <QRect>

#include <algorithm>
#include <cmath>
#include <vector>

namespace droste::zoom::test {

// Catmull-Rom through the points (m, F(m)), at x.
template <class Points>
double catmullRom(const Points& F, double x) {
  const int m = int(std::floor(x));
  const double t = x - m;
  const double p0 = F(m - 1), p1 = F(m), p2 = F(m + 1), p3 = F(m + 2);
  return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t + (3 * p1 - p0 - 3 * p2 + p3) * t * t * t);
}

// Weights of source pixels first, first+1, ... for the mean over [centre - width/2, centre + width/2]
// of the smooth picture whose running sum is interpolated (Catmull-Rom) through the pixels' running
// sums: the chain's shrink filter, written from its definition, one unit impulse at a time.
inline std::vector<double> areaSplineWeights(double centre, double width, int& first) {
  first = int(std::floor(centre - width / 2)) - 2;
  std::vector<double> weights(size_t(std::ceil(width)) + 5);
  for (size_t impulse = 0; impulse < weights.size(); ++impulse) {
    const int at = first + int(impulse);
    auto runningSum = [at](int m) { return m > at ? 1.0 : 0.0; };  // sum of pixels j < m of the impulse at `at`
    weights[impulse] = (catmullRom(runningSum, centre + width / 2) - catmullRom(runningSum, centre - width / 2)) / width;
  }
  return weights;
}

// Pixel (x, y) of keyframe k predicted from keyframe k-1 alone: k-1 sits at [rx, rx+W) x [ry, ry+H) of the
// canvas that is shrunk to W x H with the area spline, edges repeated. Written directly from the geometry.
inline void predictPixel(const QImage& previous, const ZoomGeometry& g, int x, int y, double out[3]) {
  const double r = double(g.width + 2 * g.ringX) / g.width;  // canvas pixels per keyframe pixel, both axes
  int fx = 0, fy = 0;
  const std::vector<double> wx = areaSplineWeights((x + 0.5) * r - g.ringX, r, fx);  // previous-keyframe coordinates
  const std::vector<double> wy = areaSplineWeights((y + 0.5) * r - g.ringY, r, fy);
  double acc[3] = {0, 0, 0};
  for (size_t j = 0; j < wy.size(); ++j)
    for (size_t i = 0; i < wx.size(); ++i) {
      const double w = wy[j] * wx[i];
      const uchar* px = previous.constScanLine(std::clamp(fy + int(j), 0, g.height - 1)) +
                        3 * std::clamp(fx + int(i), 0, g.width - 1);
      for (int c = 0; c < 3; ++c) acc[c] += w * px[c];
    }
  for (int c = 0; c < 3; ++c) out[c] = std::clamp(acc[c], 0.0, 255.0);
}

// PSNR of `image` against the prediction from `previous` over `area`.
inline double keptAreaPsnr(const QImage& image, const QImage& previous, const ZoomGeometry& g, const QRect& area) {
  double se = 0;
  long long n = 0;
  for (int y = area.top(); y <= area.bottom(); ++y)
    for (int x = area.left(); x <= area.right(); ++x) {
      double ref[3];
      predictPixel(previous, g, x, y, ref);
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
    QImage out = boxBlur(imaging::toRgb888(request.image), 2, 1);
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

#include "core/render/resample.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace droste::render {

RgbxPlane toRgbxPlane(const QImage& image) {
  const QImage rgbx = image.convertToFormat(QImage::Format_RGBX8888);
  RgbxPlane plane;
  plane.width = rgbx.width();
  plane.height = rgbx.height();
  plane.pixels.resize(size_t(plane.width) * size_t(plane.height));
  for (int y = 0; y < plane.height; ++y)
    std::copy_n(reinterpret_cast<const uint32_t*>(rgbx.constScanLine(y)), plane.width, plane.pixels.data() + size_t(y) * plane.width);
  return plane;
}

namespace {

RgbxPlane halve(const RgbxPlane& src) {
  RgbxPlane dst;
  dst.width = (src.width + 1) / 2;
  dst.height = (src.height + 1) / 2;
  dst.pixels.resize(size_t(dst.width) * size_t(dst.height));
  for (int y = 0; y < dst.height; ++y) {
    const uint32_t* r0 = src.row(2 * y);
    const uint32_t* r1 = src.row(std::min(2 * y + 1, src.height - 1));  // odd size: repeat the edge
    uint32_t* out = dst.pixels.data() + size_t(y) * dst.width;
    for (int x = 0; x < dst.width; ++x) {
      const int xa = 2 * x, xb = std::min(2 * x + 1, src.width - 1);
      uint32_t packed = 0;
      for (int c = 0; c < 32; c += 8) {
        const uint32_t sum = ((r0[xa] >> c) & 255) + ((r0[xb] >> c) & 255) + ((r1[xa] >> c) & 255) + ((r1[xb] >> c) & 255);
        packed |= ((sum + 2) >> 2) << c;  // rounded mean
      }
      out[x] = packed;
    }
  }
  return dst;
}

double keysCubic(double x) {
  constexpr double a = -0.5;
  x = std::abs(x);
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
  if (x < 2.0) return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
  return 0.0;
}

}  // namespace

MipPyramid buildMipPyramid(const QImage& image, int smallestSide) {
  if (image.isNull()) throw std::invalid_argument("Cannot build a mip pyramid of an empty image.");
  MipPyramid pyramid;
  pyramid.levels.push_back(toRgbxPlane(image));
  while (std::min(pyramid.levels.back().width, pyramid.levels.back().height) >= 2 * smallestSide)
    pyramid.levels.push_back(halve(pyramid.levels.back()));
  return pyramid;
}

FilterTable makeFilterTable(int outputBegin, int outputEnd, double scale, double offset, int sourceSize, ShrinkFilter shrink) {
  FilterTable table;
  const int count = std::max(0, outputEnd - outputBegin);
  const bool spline = shrink == ShrinkFilter::AreaSpline;
  const bool area = scale > 1.0 && shrink == ShrinkFilter::Area;
  const double stretch = std::max(scale, 1.0);
  // Half-width in source pixels. The spline also reads the pixel beyond each end of the footprint.
  const double support = spline ? 0.5 * scale + 1.0 : area ? 0.5 * scale : 2.0 * stretch;
  table.taps = std::min(sourceSize, int(std::ceil(2.0 * support)) + 1);
  table.first.resize(count);
  table.weights.assign(size_t(count) * table.taps, 0.0f);
  std::vector<double> w;
  for (int i = 0; i < count; ++i) {
    const double s = (outputBegin + i + 0.5) * scale + offset;
    const int lo = int(std::floor(s - support));
    const int hi = int(std::ceil(s + support));  // exclusive
    w.assign(hi - lo, 0.0);
    double total = 0.0;
    if (spline) {
      // mean over [s - scale/2, s + scale/2] = (F(right) - F(left)) / scale, with F the running sum
      // (F(m) = sum of pixels j < m) interpolated by Catmull-Rom; pixel j's weight is the sum of the
      // coefficients of the points m > j.
      auto addEnd = [&](double x, double sign) {
        const int m0 = int(std::floor(x));
        const double t = x - m0;
        const double c[4] = {0.5 * ((-t + 2.0) * t - 1.0) * t, 0.5 * ((3.0 * t - 5.0) * t * t + 2.0),
                             0.5 * ((-3.0 * t + 4.0) * t + 1.0) * t, 0.5 * (t - 1.0) * t * t};
        // Point m0 + 2 lies past the window only when x is a whole number, and then its coefficient
        // c[3] is 0: stop at the window's end (AddressSanitizer found the read one past it).
        for (int q = 0; q < 4; ++q)
          for (int j = lo; j < std::min(m0 - 1 + q, hi); ++j) w[j - lo] += sign * c[q] / scale;
      };
      addEnd(s + 0.5 * scale, 1.0);
      addEnd(s - 0.5 * scale, -1.0);
    }
    for (int j = lo; j < hi && !spline; ++j) {
      double v;
      if (area) {
        v = std::max(0.0, std::min(double(j + 1), s + support) - std::max(double(j), s - support));
      } else {
        v = keysCubic((j + 0.5 - s) / stretch);
      }
      w[j - lo] = v;
      total += v;
    }
    if (spline) total = 1.0;  // the coefficients already sum to 1 (the running sum grows by 1 per pixel)
    // Fold taps that fall outside the image onto the edge pixel, inside a window of `taps`.
    const int start = std::clamp(lo, 0, sourceSize - table.taps);
    table.first[i] = start;
    float* out = table.weights.data() + size_t(i) * table.taps;
    for (int j = lo; j < hi; ++j) {
      if (w[j - lo] == 0.0) continue;
      const int t = std::clamp(j, 0, sourceSize - 1) - start;
      if (t < 0 || t >= table.taps) throw std::logic_error("filter window too small");
      out[t] += float(w[j - lo] / total);
    }
  }
  return table;
}

}  // namespace droste::render

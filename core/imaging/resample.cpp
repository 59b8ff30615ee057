#include "core/imaging/resample.h"

#include "core/imaging/pixel_formats.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace droste::imaging {
namespace {

double keysCubic(double x) {
  constexpr double a = -0.5;
  x = std::abs(x);
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
  if (x < 2.0) return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
  return 0.0;
}

// Half-width of the filter in source pixels. The spline also reads the pixel beyond each end of the footprint.
double support(ResampleFilter filter, double scale) {
  switch (filter) {
    case ResampleFilter::AreaSpline:
      return 0.5 * scale + 1.0;
    case ResampleFilter::Box:
      return 0.5 * std::max(scale, 1.0);
    case ResampleFilter::Cubic:
      return 2.0 * std::max(scale, 1.0);
  }
  throw std::invalid_argument("unknown resample filter");
}

// Weights of the source pixels [lo, lo + w.size()) for the output pixel centred on source position s.
void areaSplineWeights(double s, double scale, int lo, std::vector<double>& w) {
  const int hi = lo + int(w.size());
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

}  // namespace

FilterTable makeFilterTable(int outputBegin, int outputEnd, double scale, double offset, int sourceSize,
                            ResampleFilter filter) {
  if (!(scale > 0.0) || sourceSize <= 0) throw std::invalid_argument("makeFilterTable: empty source or scale");
  FilterTable table;
  const int count = std::max(0, outputEnd - outputBegin);
  const double half = support(filter, scale);
  const double stretch = std::max(scale, 1.0);
  table.taps = std::min(sourceSize, int(std::ceil(2.0 * half)) + 1);
  table.first.resize(count);
  table.weights.assign(size_t(count) * table.taps, 0.0f);
  std::vector<double> w;
  for (int i = 0; i < count; ++i) {
    const double s = (outputBegin + i + 0.5) * scale + offset;
    const int lo = int(std::floor(s - half));
    const int hi = int(std::ceil(s + half));  // exclusive
    w.assign(hi - lo, 0.0);
    double total = 1.0;  // the spline's coefficients already sum to 1 (the running sum grows by 1 per pixel)
    if (filter == ResampleFilter::AreaSpline) {
      areaSplineWeights(s, scale, lo, w);
    } else {
      total = 0.0;
      for (int j = lo; j < hi; ++j) {
        const double v = filter == ResampleFilter::Box
                             ? std::max(0.0, std::min(double(j + 1), s + half) - std::max(double(j), s - half))
                             : keysCubic((j + 0.5 - s) / stretch);
        w[j - lo] = v;
        total += v;
      }
    }
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

QImage resample(const QImage& input, const QRectF& source, QSize size, ResampleFilter filter) {
  if (input.isNull() || size.isEmpty()) throw std::invalid_argument("resample: empty image or size");
  if (source.width() <= 0 || source.height() <= 0) throw std::invalid_argument("resample: empty source rectangle");
  const QImage src = input.format() == QImage::Format_Grayscale8 ? input : toRgb888(input);
  const int channels = src.format() == QImage::Format_Grayscale8 ? 1 : 3;
  const int dw = size.width(), dh = size.height();
  const FilterTable tx = makeFilterTable(0, dw, source.width() / dw, source.left(), src.width(), filter);
  const FilterTable ty = makeFilterTable(0, dh, source.height() / dh, source.top(), src.height(), filter);

  // Horizontal pass over the source rows the vertical pass reads, into floats.
  const int rowLo = ty.first.front(), rowHi = ty.first.back() + ty.taps;  // `first` never decreases
  const size_t stride = size_t(dw) * channels;
  // Reused per thread: a fresh multi-megabyte buffer per call costs more in page faults than the filtering.
  thread_local std::vector<float> mid;
  if (mid.size() < size_t(rowHi - rowLo) * stride) mid.resize(size_t(rowHi - rowLo) * stride);
  for (int y = rowLo; y < rowHi; ++y) {
    const uchar* in = src.constScanLine(y);
    float* out = mid.data() + size_t(y - rowLo) * stride;
    for (int x = 0; x < dw; ++x) {
      const float* w = tx.weights.data() + size_t(x) * tx.taps;
      const uchar* p = in + size_t(tx.first[x]) * channels;
      for (int c = 0; c < channels; ++c) {
        float acc = 0.0f;
        for (int t = 0; t < tx.taps; ++t) acc += w[t] * p[t * channels + c];
        out[size_t(x) * channels + c] = acc;
      }
    }
  }
  // Vertical pass, rounded to 8 bits.
  QImage dst(size, src.format());
  std::vector<float> acc(stride);
  for (int y = 0; y < dh; ++y) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    const float* w = ty.weights.data() + size_t(y) * ty.taps;
    for (int t = 0; t < ty.taps; ++t) {
      const float* row = mid.data() + size_t(ty.first[y] + t - rowLo) * stride;
      for (size_t i = 0; i < stride; ++i) acc[i] += w[t] * row[i];
    }
    uchar* out = dst.scanLine(y);
    for (size_t i = 0; i < stride; ++i) out[i] = uchar(std::clamp(acc[i] + 0.5f, 0.0f, 255.0f));
  }
  return dst;
}

}  // namespace droste::imaging

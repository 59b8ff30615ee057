#include "core/zoom/resample.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace droste::zoom {
namespace {

// Taps of one output sample: `count` consecutive (edge-clamped) source indices from `first`.
struct Taps {
  std::vector<int> first;
  std::vector<int> count;
  std::vector<float> weights;  // count[j] weights per output j, at offset j * maxTaps
  int maxTaps = 0;
};

double sinc(double x) {
  if (std::abs(x) < 1e-8) return 1.0;
  const double px = std::numbers::pi * x;
  return std::sin(px) / px;
}

double lanczos3(double x) { return std::abs(x) < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0; }

// Weights for mapping `dstLen` samples onto the source interval [start, start + length) of `srcLen` pixels.
Taps makeTaps(int dstLen, double start, double length, ResampleFilter filter) {
  Taps taps;
  const double ratio = length / dstLen;         // source pixels per destination pixel
  const double widen = std::max(ratio, 1.0);    // anti-aliasing when shrinking
  const double radius = filter == ResampleFilter::Lanczos3 ? 3.0 * widen : 0.5 * widen + 0.5;
  taps.maxTaps = static_cast<int>(std::ceil(2.0 * radius)) + 2;
  taps.first.resize(dstLen);
  taps.count.resize(dstLen);
  taps.weights.assign(static_cast<size_t>(dstLen) * taps.maxTaps, 0.0f);
  std::vector<double> w(taps.maxTaps);
  for (int j = 0; j < dstLen; ++j) {
    const double centre = start + (j + 0.5) * ratio;  // in source edge coordinates
    const int lo = static_cast<int>(std::floor(centre - radius));
    int n = 0;
    double sum = 0.0;
    for (int i = lo; i < lo + taps.maxTaps; ++i) {
      double weight;
      if (filter == ResampleFilter::Lanczos3) {
        weight = lanczos3((i + 0.5 - centre) / widen);
      } else {
        // Overlap of source pixel [i, i+1) with the footprint [centre - widen/2, centre + widen/2).
        const double a = std::max<double>(i, centre - 0.5 * widen);
        const double b = std::min<double>(i + 1, centre + 0.5 * widen);
        weight = std::max(0.0, b - a);
      }
      w[n++] = weight;
      sum += weight;
    }
    // Trim leading/trailing zero weights.
    int begin = 0, end = n;
    while (begin < end && w[begin] == 0.0) ++begin;
    while (end > begin && w[end - 1] == 0.0) --end;
    taps.first[j] = lo + begin;
    taps.count[j] = end - begin;
    for (int k = begin; k < end; ++k)
      taps.weights[static_cast<size_t>(j) * taps.maxTaps + (k - begin)] = static_cast<float>(w[k] / sum);
  }
  return taps;
}

}  // namespace

QImage toRgb888(const QImage& image) {
  return image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
}

QImage toGray8(const QImage& image) {
  return image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
}

QImage resample(const QImage& input, const QRectF& source, QSize dstSize, ResampleFilter filter) {
  if (input.isNull() || dstSize.isEmpty()) throw std::invalid_argument("resample: empty image or size");
  if (source.width() <= 0 || source.height() <= 0) throw std::invalid_argument("resample: empty source rectangle");
  const QImage src = input.format() == QImage::Format_Grayscale8 ? input : toRgb888(input);
  const int channels = src.format() == QImage::Format_Grayscale8 ? 1 : 3;
  const int sw = src.width(), sh = src.height();
  const int dw = dstSize.width(), dh = dstSize.height();
  const Taps tx = makeTaps(dw, source.left(), source.width(), filter);
  const Taps ty = makeTaps(dh, source.top(), source.height(), filter);

  // Source rows the vertical pass needs.
  int rowLo = sh, rowHi = -1;
  for (int j = 0; j < dh; ++j) {
    rowLo = std::min(rowLo, std::clamp(ty.first[j], 0, sh - 1));
    rowHi = std::max(rowHi, std::clamp(ty.first[j] + ty.count[j] - 1, 0, sh - 1));
  }
  // Horizontal pass: rows [rowLo, rowHi] -> float buffer dw * channels per row.
  const int rowCount = rowHi - rowLo + 1;
  const size_t stride = static_cast<size_t>(dw) * channels;
  // Reused per thread: a fresh multi-megabyte buffer per call costs more in page faults than the filtering.
  thread_local std::vector<float> mid;
  if (mid.size() < static_cast<size_t>(rowCount) * stride) mid.resize(static_cast<size_t>(rowCount) * stride);
  // Byte offsets of every tap, edge-clamped once here rather than in the loop.
  std::vector<int> offsets(static_cast<size_t>(dw) * tx.maxTaps);
  for (int j = 0; j < dw; ++j)
    for (int k = 0; k < tx.count[j]; ++k)
      offsets[static_cast<size_t>(j) * tx.maxTaps + k] = std::clamp(tx.first[j] + k, 0, sw - 1) * channels;
  for (int y = rowLo; y <= rowHi; ++y) {
    const uchar* in = src.constScanLine(y);
    float* out = mid.data() + static_cast<size_t>(y - rowLo) * stride;
    for (int j = 0; j < dw; ++j) {
      const float* w = tx.weights.data() + static_cast<size_t>(j) * tx.maxTaps;
      const int* off = offsets.data() + static_cast<size_t>(j) * tx.maxTaps;
      const int n = tx.count[j];
      if (channels == 3) {
        float r = 0, g = 0, b = 0;
        for (int k = 0; k < n; ++k) {
          const uchar* p = in + off[k];
          r += w[k] * p[0];
          g += w[k] * p[1];
          b += w[k] * p[2];
        }
        out[3 * j] = r;
        out[3 * j + 1] = g;
        out[3 * j + 2] = b;
      } else {
        float v = 0;
        for (int k = 0; k < n; ++k) v += w[k] * in[off[k]];
        out[j] = v;
      }
    }
  }
  // Vertical pass.
  QImage dst(dstSize, src.format());
  std::vector<float> acc(stride);
  for (int j = 0; j < dh; ++j) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    const float* w = ty.weights.data() + static_cast<size_t>(j) * ty.maxTaps;
    for (int k = 0; k < ty.count[j]; ++k) {
      const int y = std::clamp(ty.first[j] + k, 0, sh - 1);
      const float* row = mid.data() + static_cast<size_t>(y - rowLo) * stride;
      const float wk = w[k];
      for (size_t i = 0; i < stride; ++i) acc[i] += wk * row[i];
    }
    uchar* out = dst.scanLine(j);
    for (size_t i = 0; i < stride; ++i) out[i] = static_cast<uchar>(std::clamp(acc[i] + 0.5f, 0.0f, 255.0f));
  }
  return dst;
}

}  // namespace droste::zoom

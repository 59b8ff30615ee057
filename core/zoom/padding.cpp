#include "core/zoom/padding.h"

#include "core/imaging/pixel_formats.h"
#include "core/imaging/resample.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace droste::zoom {
namespace {

// Maps a coordinate outside [0, n) back into it for the mirror modes, or clamps.
int mapIndex(int x, int n, PaddingMode mode) {
  if (x >= 0 && x < n) return x;
  if (n == 1) return 0;
  switch (mode) {
    case PaddingMode::Symmetric: {  // ... 1 0 | 0 1 2 ... n-1 | n-1 n-2 ...
      const int period = 2 * n;
      int m = x % period;
      if (m < 0) m += period;
      return m < n ? m : period - 1 - m;
    }
    case PaddingMode::Reflect: {  // ... 2 1 | 0 1 2 ... n-1 | n-2 ...
      const int period = 2 * n - 2;
      int m = x % period;
      if (m < 0) m += period;
      return m < n ? m : period - m;
    }
    default:
      return std::clamp(x, 0, n - 1);
  }
}

void boxBlurLine(const uchar* in, uchar* out, int n, int step, int channels, int radius) {
  // Running sum over a window of 2r+1 with edge repetition; step = distance between samples in bytes.
  const int window = 2 * radius + 1;
  for (int c = 0; c < channels; ++c) {
    int sum = 0;
    for (int k = -radius; k <= radius; ++k) sum += in[std::clamp(k, 0, n - 1) * step + c];
    for (int i = 0; i < n; ++i) {
      out[i * step + c] = static_cast<uchar>((sum + window / 2) / window);
      const int add = std::min(i + radius + 1, n - 1);
      const int sub = std::max(i - radius, 0);
      sum += in[add * step + c] - in[sub * step + c];
    }
  }
}

}  // namespace

QImage padImage(const QImage& input, int left, int top, int right, int bottom, PaddingMode mode) {
  if (input.isNull()) throw std::invalid_argument("padImage: empty image");
  if (left < 0 || top < 0 || right < 0 || bottom < 0) throw std::invalid_argument("padImage: negative padding");
  const QImage src = imaging::toRgb888(input);
  const int w = src.width(), h = src.height();
  const int cw = w + left + right, ch = h + top + bottom;
  QImage canvas(cw, ch, QImage::Format_RGB888);

  if (mode == PaddingMode::Black) {
    canvas.fill(Qt::black);
  } else if (mode == PaddingMode::BlurredStretch) {
    // The picture stretched over the whole canvas, blurred so no stretched detail shows.
    const QImage stretched = imaging::resized(src, QSize(cw, ch), imaging::ResampleFilter::Box);
    canvas = softBlur(stretched, std::max(4, std::max(cw, ch) / 24));
  } else {
    std::vector<int> xmap(cw);
    for (int x = 0; x < cw; ++x) xmap[x] = mapIndex(x - left, w, mode);
    for (int y = 0; y < ch; ++y) {
      const uchar* in = src.constScanLine(mapIndex(y - top, h, mode));
      uchar* out = canvas.scanLine(y);
      for (int x = 0; x < cw; ++x) std::memcpy(out + 3 * x, in + 3 * xmap[x], 3);
    }
  }
  // The picture itself, exactly.
  for (int y = 0; y < h; ++y) std::memcpy(canvas.scanLine(y + top) + 3 * left, src.constScanLine(y), 3 * size_t(w));
  return canvas;
}

QImage boxBlur(const QImage& input, int radius, int passes) {
  QImage a = input.format() == QImage::Format_Grayscale8 ? input.copy() : imaging::toRgb888(input).copy();
  if (radius <= 0 || passes <= 0) return a;
  const int channels = a.format() == QImage::Format_Grayscale8 ? 1 : 3;
  const int w = a.width(), h = a.height();
  QImage b(a.size(), a.format());
  const int r = std::min(radius, std::max(w, h));
  std::vector<uchar> colIn(static_cast<size_t>(h) * channels), colOut(colIn.size());
  for (int pass = 0; pass < passes; ++pass) {
    for (int y = 0; y < h; ++y) boxBlurLine(a.constScanLine(y), b.scanLine(y), w, channels, channels, r);
    for (int x = 0; x < w; ++x) {
      for (int y = 0; y < h; ++y) std::memcpy(&colIn[size_t(y) * channels], b.constScanLine(y) + x * channels, channels);
      boxBlurLine(colIn.data(), colOut.data(), h, channels, channels, r);
      for (int y = 0; y < h; ++y) std::memcpy(a.scanLine(y) + x * channels, &colOut[size_t(y) * channels], channels);
    }
  }
  return a;
}

QImage softBlur(const QImage& src, int radius, int factor) {
  factor = std::max(1, factor);
  const QSize small(std::max(1, src.width() / factor), std::max(1, src.height() / factor));
  const QImage down = imaging::resized(src, small, imaging::ResampleFilter::Box);
  const QImage blurred = boxBlur(down, std::max(1, radius / factor), 3);
  return imaging::resized(blurred, src.size(), imaging::ResampleFilter::Box);
}

}  // namespace droste::zoom

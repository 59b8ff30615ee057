#pragma once
// The seed's in-between frames, reimplemented from its description as the baseline to beat:
// between keyframes k and k+1 it crops keyframe k+1 with a border that moves linearly in pixels,
// resizes the crop to the output with Pillow's bicubic, and pastes keyframe k, resized the same
// way, at integer pixel coordinates in the middle (hard edge).
#include "core/render/keyframe_stack.h"
#include "core/render/resample.h"

#include <QImage>

#include <cmath>

namespace droste::test {

// Separable resize of `src` to size x size with Pillow-style antialiased bicubic.
inline QImage pillowBicubicResize(const QImage& src, int size) {
  using namespace droste::render;
  const QImage in = src.convertToFormat(QImage::Format_RGB888);
  const FilterTable fx = makeFilterTable(0, size, double(in.width()) / size, 0.0, in.width(), ShrinkFilter::Cubic);
  const FilterTable fy = makeFilterTable(0, size, double(in.height()) / size, 0.0, in.height(), ShrinkFilter::Cubic);
  std::vector<float> tmp(size_t(in.height()) * size * 3);
  for (int y = 0; y < in.height(); ++y) {
    const uchar* line = in.constScanLine(y);
    for (int x = 0; x < size; ++x)
      for (int c = 0; c < 3; ++c) {
        float acc = 0;
        for (int t = 0; t < fx.taps; ++t) acc += fx.weights[size_t(x) * fx.taps + t] * line[(fx.first[x] + t) * 3 + c];
        tmp[(size_t(y) * size + x) * 3 + c] = acc;
      }
  }
  QImage out(size, size, QImage::Format_RGB888);
  for (int y = 0; y < size; ++y) {
    uchar* line = out.scanLine(y);
    for (int x = 0; x < size; ++x)
      for (int c = 0; c < 3; ++c) {
        float acc = 0;
        for (int t = 0; t < fy.taps; ++t) acc += fy.weights[size_t(y) * fy.taps + t] * tmp[(size_t(fy.first[y] + t) * size + x) * 3 + c];
        line[x * 3 + c] = uchar(std::clamp(int(std::lround(acc)), 0, 255));
      }
  }
  return out;
}

struct SeedFrame {
  QImage image;
  double width = 0;  // the view's width in world units (keyframe 0 = 1), from the crop it took
};

// Frame at fraction t in [0, 1) of the step from keyframe k to k+1, `output` pixels square.
inline SeedFrame seedFrame(const droste::render::KeyframeStack& stack, int k, double t, int output) {
  const int S = stack.size;
  const double ratio = droste::render::zoomRatio(stack);
  const double innerSpan = S / ratio;                    // keyframe k's footprint in keyframe k+1
  const double crop = innerSpan + t * (S - innerSpan);   // linear in pixels: the pulsing zoom
  const int border = int(std::lround((S - crop) / 2.0));
  const int cropSize = S - 2 * border;
  SeedFrame frame;
  frame.image = pillowBicubicResize(stack.keyframes[k + 1].copy(border, border, cropSize, cropSize), output);
  frame.width = std::pow(ratio, k + 1) * cropSize / S;
  const int inner = int(std::lround(innerSpan * output / cropSize));
  const QImage pasted = pillowBicubicResize(stack.keyframes[k], inner);
  const int at = (output - inner) / 2;
  QImage& img = frame.image;
  for (int y = 0; y < inner; ++y)
    if (y + at >= 0 && y + at < output) {
      const int x0 = std::max(0, -at), x1 = std::min(inner, output - at);
      if (x1 > x0) std::copy_n(pasted.constScanLine(y) + x0 * 3, (x1 - x0) * 3, img.scanLine(y + at) + (x0 + at) * 3);
    }
  return frame;
}

}  // namespace droste::test

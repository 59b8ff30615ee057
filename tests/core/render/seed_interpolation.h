#pragma once
// The seed's in-between frames, reimplemented from its description as the baseline to beat:
// between keyframes k and k+1 it crops keyframe k+1 with a border that moves linearly in pixels,
// resizes the crop to the output with Pillow's bicubic, and pastes keyframe k, resized the same
// way, at integer pixel coordinates in the middle (hard edge).
#include "core/imaging/resample.h"
#include "core/render/keyframe_stack.h"

#include <QImage>

#include <cmath>

namespace droste::test {

// `src` resized to size x size with Pillow-style antialiased bicubic.
inline QImage pillowBicubicResize(const QImage& src, int size) {
  return droste::imaging::resized(src.convertToFormat(QImage::Format_RGB888), QSize(size, size), droste::imaging::ResampleFilter::Cubic);
}

struct SeedFrame {
  QImage image;
  double width = 0;  // the view's width in world units (keyframe 0 = 1), from the crop it took
};

// Frame at fraction t in [0, 1) of the step from keyframe k to k+1, `output` pixels square.
inline SeedFrame seedFrame(const droste::render::KeyframeStack& stack, int k, double t, int output) {
  const int S = stack.width;  // the seed knew square keyframes only
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

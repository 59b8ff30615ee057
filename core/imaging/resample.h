#pragma once
// The one resampler of Droste: the zoom engine shrinks its canvas into the next keyframe with it,
// and the renderer draws inner keyframes with the same filter tables, so a keyframe's centre and the
// renderer's picture of the keyframe inside it agree by construction.
//
// Coordinates are pixel edges: source pixel j spans [j, j+1). Output pixel i (centre i + 0.5) shows
// the source around s = (i + 0.5) * scale + offset, scale = source pixels per output pixel.
// Samples outside the source repeat its edge pixel.
#include <QImage>
#include <QRectF>
#include <QSize>

#include <vector>

namespace droste::imaging {

enum class ResampleFilter {
  // The mean of a smooth picture whose pixel means are the source pixels (Catmull-Rom through the
  // running sum) over the output pixel's footprint: exact for area-averaged pictures, sharp, no ringing
  // worth the name. Keyframes are made and rendered with it (measured best on the renderer's quality test).
  AreaSpline,
  // Box over the exact footprint when shrinking, linear when enlarging: smooth, never overshoots
  // (masks, blurs and noise in the draft painter and the padding modes).
  Box,
  // Keys cubic (a = -0.5), widened by the scale when shrinking: Pillow's antialiased bicubic.
  Cubic,
};

// Weights of a 1-D resampling: output pixel i takes sum_t weights[i*taps + t] * source[first[i] + t]
// for output pixels [outputBegin, outputEnd) (index i counts from outputBegin). Weights sum to 1;
// every tap lies inside [0, sourceSize).
struct FilterTable {
  int taps = 0;
  std::vector<int> first;
  std::vector<float> weights;
};

FilterTable makeFilterTable(int outputBegin, int outputEnd, double scale, double offset, int sourceSize,
                            ResampleFilter filter);

// The part `source` (in source pixels, may be fractional) of `image` resampled to `size`. `image` is
// Format_RGB888 or Format_Grayscale8 (anything else is converted to RGB888); the result has its format.
QImage resample(const QImage& image, const QRectF& source, QSize size,
                ResampleFilter filter = ResampleFilter::AreaSpline);

inline QImage resized(const QImage& image, QSize size, ResampleFilter filter = ResampleFilter::AreaSpline) {
  return resample(image, QRectF(0, 0, image.width(), image.height()), size, filter);
}

}  // namespace droste::imaging

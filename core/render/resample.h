#pragma once
// Building blocks of the zoom renderer: RGBX pixel planes, 2x box mip pyramids and 1-D
// separable filter tables for an axis-aligned scale + offset.
#include <QImage>

#include <cstdint>
#include <vector>

namespace droste::render {

// 4 floats (R, G, B, unused) that the compiler keeps in one SIMD register.
typedef float Vec4f __attribute__((vector_size(16)));

// 8-bit RGBX pixels (byte order R, G, B, X), rows packed.
struct RgbxPlane {
  int width = 0;
  int height = 0;
  std::vector<uint32_t> pixels;
  const uint32_t* row(int y) const { return pixels.data() + size_t(y) * size_t(width); }
};

RgbxPlane toRgbxPlane(const QImage& image);

// levels[l] pixel (x, y) is the mean of the 2^l x 2^l block of level 0 at (x*2^l, y*2^l):
// exactly the area average, so shrinking by a power of two loses nothing but detail.
struct MipPyramid {
  std::vector<RgbxPlane> levels;
};

MipPyramid buildMipPyramid(const QImage& image, int smallestSide = 4);

enum class ShrinkFilter {
  Area,        // exact overlap of the output pixel's footprint with the source pixels
  Cubic,       // Keys cubic (a = -0.5) widened by the scale factor (Pillow's antialiased bicubic)
  AreaSpline,  // the footprint's mean of a smooth image whose pixel means are the source pixels
               // (Catmull-Rom through the running sum): exact for area-averaged pictures; also enlarges
};

// Weights of a 1-D resampling: output pixel i (centre i + 0.5) takes
//   sum_t weights[i*taps + t] * source[first[i] + t],
// for the source position s = (i + 0.5) * scale + offset (source pixel j spans [j, j+1)).
// Positions outside [0, sourceSize) repeat the edge pixel; weights sum to 1 (no colour change).
struct FilterTable {
  int taps = 0;
  std::vector<int> first;
  std::vector<float> weights;
};

// Enlarging (scale < 1) uses the Keys cubic, except with AreaSpline; shrinking uses `shrink`.
FilterTable makeFilterTable(int outputBegin, int outputEnd, double scale, double offset, int sourceSize, ShrinkFilter shrink);

}  // namespace droste::render

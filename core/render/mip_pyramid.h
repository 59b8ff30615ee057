#pragma once
// The zoom renderer's source pictures: RGBX pixel planes and their 2x box mip pyramids (the filter
// tables come from core/imaging/resample.h, shared with the zoom engine).
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

}  // namespace droste::render

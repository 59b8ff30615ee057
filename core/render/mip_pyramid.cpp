#include "core/render/mip_pyramid.h"

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

}  // namespace

MipPyramid buildMipPyramid(const QImage& image, int smallestSide) {
  if (image.isNull()) throw std::invalid_argument("Cannot build a mip pyramid of an empty image.");
  MipPyramid pyramid;
  pyramid.levels.push_back(toRgbxPlane(image));
  while (std::min(pyramid.levels.back().width, pyramid.levels.back().height) >= 2 * smallestSide)
    pyramid.levels.push_back(halve(pyramid.levels.back()));
  return pyramid;
}

}  // namespace droste::render

#include "core/io/image_tensor.h"

#include <ATen/ATen.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace droste::io {

namespace {

// Rows of an 8-bit image without the scanline padding: [H, W, channels] uint8.
at::Tensor packedBytes(const QImage& image, int channels) {
  const int w = image.width(), h = image.height();
  at::Tensor out = at::empty({h, w, channels}, at::kByte);
  uint8_t* dst = out.data_ptr<uint8_t>();
  for (int y = 0; y < h; ++y) std::memcpy(dst + size_t(y) * w * channels, image.constScanLine(y), size_t(w) * channels);
  return out;
}

void requireNonEmpty(const QImage& image, const char* what) {
  if (image.isNull() || image.width() <= 0 || image.height() <= 0)
    throw std::invalid_argument(std::string(what) + " is empty (the file could not be read?)");
}

}  // namespace

at::Tensor imageToTensor(const QImage& image) {
  requireNonEmpty(image, "the image");
  const at::Tensor hwc = packedBytes(image.convertToFormat(QImage::Format_RGB888), 3);
  const at::Tensor x = hwc.to(at::kFloat) / 255.0f;  // IEEE float32 division, as numpy
  return (2.0f * x - 1.0f).permute({2, 0, 1}).unsqueeze(0).contiguous();
}

at::Tensor maskToTensor(const QImage& mask) {
  requireNonEmpty(mask, "the mask");
  at::Tensor grey;
  if (mask.format() == QImage::Format_Grayscale8) {
    grey = packedBytes(mask, 1).squeeze(2);
  } else {
    // PIL's RGB -> L with its fixed-point weights (integer arithmetic, exact).
    const at::Tensor rgb = packedBytes(mask.convertToFormat(QImage::Format_RGB888), 3).to(at::kInt);
    const at::Tensor r = rgb.select(2, 0), g = rgb.select(2, 1), b = rgb.select(2, 2);
    grey = ((19595 * r + 38470 * g + 7471 * b + 32768) / 65536).to(at::kByte);
  }
  return (grey.to(at::kFloat) / 255.0f).unsqueeze(0).unsqueeze(0).contiguous();
}

QImage tensorToImage(const at::Tensor& imageIn) {
  at::Tensor image = imageIn;
  if (image.dim() == 4) {
    if (image.size(0) != 1) throw std::invalid_argument("tensorToImage: expected one image, got a batch");
    image = image[0];
  }
  if (image.dim() != 3 || image.size(0) != 3)
    throw std::invalid_argument("tensorToImage: expected [1,3,H,W] or [3,H,W]");
  const at::Tensor u8 = (image.detach().to(at::kCPU, at::kFloat).clamp(0, 1) * 255.0f)
                            .round()
                            .to(at::kByte)
                            .permute({1, 2, 0})
                            .contiguous();
  return rgbU8ToImage(u8);
}

QImage rgbU8ToImage(const at::Tensor& hwcIn) {
  if (hwcIn.dim() != 3 || hwcIn.size(2) != 3 || hwcIn.scalar_type() != at::kByte)
    throw std::invalid_argument("rgbU8ToImage: expected uint8 [H,W,3]");
  const at::Tensor hwc = hwcIn.to(at::kCPU).contiguous();
  const int h = static_cast<int>(hwc.size(0)), w = static_cast<int>(hwc.size(1));
  QImage out(w, h, QImage::Format_RGB888);
  const uint8_t* src = hwc.data_ptr<uint8_t>();
  for (int y = 0; y < h; ++y) std::memcpy(out.scanLine(y), src + size_t(y) * w * 3, size_t(w) * 3);
  return out;
}

}  // namespace droste::io

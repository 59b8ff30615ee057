// core/io/image_tensor against the reference's pre/post-processing (goldens README section 6).
#include "core/diffusion/pipeline/inpaint_stages.h"
#include "core/io/image_tensor.h"
#include "core/io/safetensors.h"
#include "tests/fixtures.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstring>

using namespace droste;

namespace {

io::SafetensorsFile golden(const char* name) {
  return io::SafetensorsFile(test::fixturesDir() / "goldens" / name);
}

QImage rgbImage(const at::Tensor& hwc) { return io::rgbU8ToImage(hwc); }

QImage greyImage(const at::Tensor& hw) {
  const at::Tensor c = hw.contiguous();
  QImage img(int(c.size(1)), int(c.size(0)), QImage::Format_Grayscale8);
  for (int y = 0; y < img.height(); ++y)
    std::memcpy(img.scanLine(y), c.data_ptr<uint8_t>() + size_t(y) * img.width(), size_t(img.width()));
  return img;
}

TEST(ImageTensor, ImageMatchesTheReferenceInitImageExactly) {
  for (const char* file : {"pipeline_pndm.safetensors", "pipeline_nonsquare_128x192.safetensors"}) {
    const auto g = golden(file);
    const at::Tensor t = io::imageToTensor(rgbImage(g.loadStored("image_u8")));
    EXPECT_TRUE(at::equal(t, g.loadStored("init_image"))) << file;
    // The same picture with an alpha channel: alpha is ignored.
    const QImage argb = rgbImage(g.loadStored("image_u8")).convertToFormat(QImage::Format_ARGB32);
    EXPECT_TRUE(at::equal(io::imageToTensor(argb), g.loadStored("init_image"))) << file;
  }
}

TEST(ImageTensor, MaskGreyLevelsMatchTheReference) {
  const auto g = golden("pipeline_nonsquare_128x192.safetensors");  // a ramp: grey levels matter
  const at::Tensor maskU8 = g.loadStored("mask_u8");
  const at::Tensor grey = io::maskToTensor(greyImage(maskU8));
  EXPECT_TRUE(at::equal(grey, diffusion::maskFromGreyU8(maskU8)));
  EXPECT_TRUE(at::equal((grey >= 0.5).to(at::kFloat), g.loadStored("mask_condition")));
  // The same mask saved as RGB gives the same grey levels (PIL's convert("L")).
  const at::Tensor rgb = maskU8.unsqueeze(2).repeat({1, 1, 3}).contiguous();
  EXPECT_TRUE(at::equal(io::maskToTensor(rgbImage(rgb)), grey));
}

TEST(ImageTensor, ColouredMaskUsesPilWeights) {
  // PIL: L = (19595 R + 38470 G + 7471 B + 32768) >> 16 -> red 76, green 150, blue 29.
  const at::Tensor rgb = at::tensor({255, 0, 0, 0, 255, 0, 0, 0, 255}, at::kByte).reshape({1, 3, 3});
  const at::Tensor m = io::maskToTensor(rgbImage(rgb));
  const at::Tensor expected = at::tensor({76, 150, 29}, at::kFloat).reshape({1, 1, 1, 3}) / 255.0f;
  EXPECT_TRUE(at::equal(m, expected)) << m;
}

TEST(ImageTensor, TensorToImageRoundsLikeNumpy) {
  // round(x * 255), half to even: 0.5 * 255 = 127.5 -> 128, and 2.5/255 * 255 -> 2.
  const at::Tensor t = at::tensor({0.0f, 1.0f, 0.5f, 2.5f / 255.0f, -0.2f, 1.3f}, at::kFloat).reshape({1, 3, 1, 2});
  const QImage img = io::tensorToImage(t);
  ASSERT_EQ(img.format(), QImage::Format_RGB888);
  ASSERT_EQ(img.size(), QSize(2, 1));
  const uint8_t* p = img.constScanLine(0);
  EXPECT_EQ(p[0], 0);    // R(0,0)
  EXPECT_EQ(p[1], 128);  // G(0,0) = 0.5
  EXPECT_EQ(p[2], 0);    // B(0,0) clamped from -0.2
  EXPECT_EQ(p[3], 255);  // R(1,0)
  EXPECT_EQ(p[4], uint8_t(std::nearbyint(2.5f / 255.0f * 255.0f)));
  EXPECT_EQ(p[5], 255);  // clamped from 1.3
  // Round trip of a golden picture: u8 -> [-1,1] -> [0,1] -> u8 is exact.
  const auto g = golden("pipeline_pndm.safetensors");
  const at::Tensor u8 = g.loadStored("image_u8");
  const QImage back = io::tensorToImage((io::imageToTensor(rgbImage(u8)) + 1) / 2);
  EXPECT_EQ(back, rgbImage(u8));
}

TEST(ImageTensor, EmptyImagesAreRejected) {
  EXPECT_THROW(io::imageToTensor(QImage()), std::invalid_argument);
  EXPECT_THROW(io::maskToTensor(QImage()), std::invalid_argument);
}

}  // namespace

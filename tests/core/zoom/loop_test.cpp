// Closing the loop (core/zoom/loop): the chain's two ends become one picture, every keyframe still holds
// the one inside it, and a video of one loop period plays on from its first frame without a jump.
#include "core/render/zoom_renderer.h"
#include "core/render/zoom_timing.h"
#include "core/zoom/draft_painter.h"
#include "core/zoom/geometry.h"
#include "core/zoom/loop.h"
#include "core/zoom/outpaint.h"
#include "core/zoom/seam.h"
#include "tests/core/render/sinusoid_scene.h"
#include "tests/core/zoom/zoom_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace droste::zoom {
namespace {

std::vector<QImage> draftChain(const OutpaintOptions& options, int keyframes) {
  DraftPainter painter;
  PaintRequest request;
  request.prompt = QStringLiteral("a spiral staircase in a lighthouse");
  request.seed = 21;
  std::vector<QImage> chain{paintFirstKeyframe(options, painter, request)};
  for (int k = 1; k < keyframes; ++k) {
    request.seed = 21 + std::uint64_t(k);
    chain.push_back(outpaintKeyframe(chain.back(), options, painter, request));
  }
  return chain;
}

double mse(const QImage& a, const QImage& b) {
  const double p = droste::test::psnr(a, b);
  return p >= 99.0 ? 0.0 : 255.0 * 255.0 / std::pow(10.0, p / 10.0);
}

class ClosingTheLoop : public ::testing::TestWithParam<QSize> {};

TEST_P(ClosingTheLoop, EndsAgreeAndEveryKeyframeHoldsTheOneInside) {
  OutpaintOptions options;
  options.width = GetParam().width();
  options.height = GetParam().height();
  options.outpaint = GetParam().width() == GetParam().height() ? 64 : 128;  // 16:9: 72 px on the short sides
  const std::vector<QImage> chain = draftChain(options, 4);
  DraftPainter painter;
  PaintRequest seam;
  seam.prompt = QStringLiteral("a spiral staircase in a lighthouse");
  seam.seed = 99;
  const ClosedLoop loop = closeLoop(chain, options, painter, seam);
  std::printf("%dx%d: %d rounds, largest difference of the ends %d\n", options.width, options.height, loop.rounds,
              loop.largestDifference);
  ASSERT_EQ(loop.keyframes.size(), chain.size());
  EXPECT_LE(loop.largestDifference, 1);
  EXPECT_LE(loop.rounds, 10);  // 1.5^3 = 3.4 (16:9: 2^3 = 8) times smaller a round: under a pixel after 4-7
  EXPECT_EQ(loop.keyframes.front(), loop.keyframes.back());
  // The outermost keyframe keeps its ring: only what lies inside it (shrunk by the zoom) changed.
  const ZoomGeometry g = ZoomGeometry::of(options);
  const QRect kept = g.keptPixels();
  for (int y = 0; y < options.height; ++y)
    for (int x = 0; x < options.width; ++x)
      if (!kept.adjusted(-1, -1, 1, 1).contains(x, y))
        ASSERT_EQ(loop.keyframes.back().pixel(x, y), chain.back().pixel(x, y)) << x << "," << y;
  // Each keyframe's centre is the one inside it shrunk, as outpainting makes it; keyframe 1's inside its
  // repainted seam band.
  for (size_t k = 1; k < loop.keyframes.size(); ++k) {
    const QRect area = k == 1 ? seamInside(options).adjusted(4, 4, -4, -4) : kept.adjusted(4, 4, -4, -4);
    const double p = test::keptAreaPsnr(loop.keyframes[k], loop.keyframes[k - 1], g, area);
    std::printf("keyframe %zu: centre vs the one inside it shrunk %.1f dB\n", k, p);
    EXPECT_GE(p, 45.0) << "keyframe " << k;
  }
}

TEST_P(ClosingTheLoop, TheVideoPlaysOnFromItsFirstFrameWithoutAJump) {
  OutpaintOptions options;
  options.width = GetParam().width();
  options.height = GetParam().height();
  options.outpaint = GetParam().width() == GetParam().height() ? 64 : 128;
  DraftPainter painter;
  const ClosedLoop loop = closeLoop(draftChain(options, 4), options, painter, PaintRequest{});
  render::KeyframeStack stack{loop.keyframes, options.width, options.height, options.outpaint};
  const render::ZoomRenderer renderer(stack);
  const QSize frame = options.keyframeSize();
  // The period's end shows its start.
  EXPECT_GE(droste::test::psnr(renderer.frame(renderer.maxZoom(), frame), renderer.frame(0, frame)), 45.0);

  render::ZoomTiming timing;
  timing.fps = 12;
  timing.loop = true;
  const render::ZoomSchedule schedule(timing, renderer.keyframeCount() - 1);
  ASSERT_EQ(schedule.frameCount(), 3 * 12);  // N-1 steps, no frame for position N (it is frame 0)
  std::vector<QImage> frames;
  for (int i = 0; i < schedule.frameCount(); ++i) frames.push_back(renderer.frame(schedule.zoomAt(i), frame));
  std::vector<double> steps;
  for (size_t i = 1; i < frames.size(); ++i) steps.push_back(mse(frames[i - 1], frames[i]));
  const double atLoop = mse(frames.back(), frames.front());
  std::vector<double> sorted = steps;
  std::sort(sorted.begin(), sorted.end());
  std::printf("%dx%d: frame difference (MSE) at the loop point %.2f; ordinary neighbours median %.2f, largest %.2f\n",
              options.width, options.height, atLoop, sorted[sorted.size() / 2], sorted.back());
  EXPECT_LE(atLoop, sorted.back());
}

INSTANTIATE_TEST_SUITE_P(Shapes, ClosingTheLoop, ::testing::Values(QSize(256, 256), QSize(256, 144)),
                         [](const auto& info) {
                           return std::to_string(info.param.width()) + "x" + std::to_string(info.param.height());
                         });

TEST(ClosingTheLoop, NeedsThreeKeyframes) {
  OutpaintOptions options;
  options.width = options.height = 128;
  options.outpaint = 32;
  DraftPainter painter;
  try {
    closeLoop(draftChain(options, 2), options, painter, PaintRequest{});
    FAIL() << "a loop of two keyframes was closed";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("at least 3 keyframes"), std::string::npos) << e.what();
  }
}

// Pasting the unchanged inner keyframe back changes nothing where only it decides the pixels.
TEST(Seam, PastingTheSameInnerKeyframeBackChangesNothing) {
  OutpaintOptions options;
  options.width = 256;
  options.height = 144;
  options.outpaint = 128;
  const std::vector<QImage> chain = draftChain(options, 2);
  const QImage again = pasteInnerKeyframe(chain[1], chain[0], options);
  EXPECT_GE(droste::test::psnr(again, chain[1]), 50.0);
}

}  // namespace
}  // namespace droste::zoom

namespace droste::zoom {
namespace {

// The artist's picture as a keyframe: untouched outside the seam band, the keyframe inside it pasted in
// (as outpainting would have made it) inside the band.
TEST(Seam, APictureTakesTheKeyframeInsideItAndKeepsItsOwnPixelsOutsideTheSeam) {
  OutpaintOptions options;
  options.width = 256;
  options.height = 144;
  options.outpaint = 128;
  const std::vector<QImage> chain = draftChain(options, 2);
  QImage picture(400, 300, QImage::Format_RGB888);  // another shape: cropped to 16:9
  for (int y = 0; y < picture.height(); ++y)
    for (int x = 0; x < picture.width(); ++x) picture.setPixelColor(x, y, QColor(x % 256, y % 256, (x * y) % 256));
  DraftPainter painter;
  PaintRequest seam;
  seam.seed = 5;
  const QImage keyframe = keyframeFromPicture(picture, ImportFit::CenterCrop, chain[1], options, painter, seam);
  ASSERT_EQ(keyframe.size(), QSize(256, 144));
  const QImage fitted = fitImportedImage(picture, QSize(256, 144), ImportFit::CenterCrop);
  const QRect outside = seamOutside(options);
  for (int y = 0; y < 144; ++y)
    for (int x = 0; x < 256; ++x)
      if (!outside.contains(x, y)) ASSERT_EQ(keyframe.pixel(x, y), fitted.pixel(x, y)) << x << "," << y;
  const ZoomGeometry g = ZoomGeometry::of(options);
  EXPECT_GE(test::keptAreaPsnr(keyframe, chain[1], g, seamInside(options).adjusted(4, 4, -4, -4)), 45.0);
  // Keyframe 0 has nothing inside it: the picture fitted, nothing painted.
  EXPECT_EQ(keyframeFromPicture(picture, ImportFit::CenterCrop, QImage(), options, painter, seam), fitted);
}

}  // namespace
}  // namespace droste::zoom

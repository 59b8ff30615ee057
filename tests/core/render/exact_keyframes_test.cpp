// The renderer against chains the zoom engine made (draft painter, paste-back): at a whole zoom
// position the frame is the keyframe, and just before it the frame already shows it, because the
// engine shrinks each keyframe into the next with the renderer's own filter (core/imaging).
#include "core/imaging/resample.h"
#include "core/render/zoom_renderer.h"
#include "core/zoom/draft_painter.h"
#include "core/zoom/outpaint.h"
#include "tests/core/render/sinusoid_scene.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace droste::render {
namespace {

struct ChainCase {
  int width;
  int height;
  int outpaint;
  zoom::OutpaintMethod method;
  bool atKeyframeSize;
};

KeyframeStack engineChain(const ChainCase& c, int keyframes) {
  zoom::OutpaintOptions options;
  options.width = c.width;
  options.height = c.height;
  options.outpaint = c.outpaint;
  options.method = c.method;
  options.paintAtKeyframeSize = c.atKeyframeSize;
  zoom::DraftPainter painter;
  zoom::PaintRequest request;
  request.prompt = QStringLiteral("a lighthouse on a cliff, stormy sea");
  request.seed = 7;
  KeyframeStack stack;
  stack.width = c.width;
  stack.height = c.height;
  stack.outpaint = c.outpaint;
  stack.keyframes.push_back(zoom::paintFirstKeyframe(options, painter, request));
  for (int k = 1; k < keyframes; ++k) {
    request.seed = 7 + std::uint64_t(k);
    stack.keyframes.push_back(zoom::outpaintKeyframe(stack.keyframes.back(), options, painter, request));
  }
  return stack;
}

class ExactKeyframes : public ::testing::TestWithParam<ChainCase> {};

TEST_P(ExactKeyframes, WholeZoomPositionsShowTheKeyframeBitForBit) {
  const KeyframeStack stack = engineChain(GetParam(), 4);
  const ZoomRenderer renderer(stack);
  const QSize frameSize(stack.width, stack.height);
  for (int k = 0; k < 4; ++k) {
    const QImage frame = renderer.frame(k, frameSize).convertToFormat(QImage::Format_RGB888);
    EXPECT_EQ(frame, stack.keyframes[size_t(k)]) << "z = " << k;
  }
}

// Approaching keyframe k from below, the inner keyframe k-1 is drawn shrunk by the zoom ratio: the
// same filter at the same place as the engine's shrink, so the frame converges on keyframe k and the
// step onto it is no larger than an ordinary step between frames.
TEST_P(ExactKeyframes, TheFrameJustBeforeAKeyframeAlreadyShowsIt) {
  const KeyframeStack stack = engineChain(GetParam(), 4);
  const ZoomRenderer renderer(stack);
  const QSize frameSize(stack.width, stack.height);
  for (int k = 1; k < 4; ++k) {
    const QImage keyframe = stack.keyframes[size_t(k)];
    const double justBefore = test::psnr(renderer.frame(k - 1e-4, frameSize), keyframe);
    // An ordinary step between frames: 1/30 of a keyframe (30 frames per keyframe).
    const double ordinaryStep = test::psnr(renderer.frame(k - 1.0 / 30.0, frameSize), keyframe);
    std::printf("z -> %d: %.2f dB just before, %.2f dB one frame before\n", k, justBefore, ordinaryStep);
    EXPECT_GE(justBefore, 45.0) << "z -> " << k;
    EXPECT_GT(justBefore, ordinaryStep) << "z -> " << k;
  }
}

// Frames of the keyframes' shape show the whole keyframe, at any size; another shape is a centred crop.
TEST(WideKeyframes, FramesOfTheirShapeShowAllOfThemAndOtherShapesCrop) {
  const KeyframeStack stack = engineChain(ChainCase{256, 144, 128, zoom::OutpaintMethod::Direct, false}, 3);
  const ZoomRenderer renderer(stack);
  EXPECT_EQ(renderer.keyframeSize(), QSize(256, 144));
  EXPECT_DOUBLE_EQ(renderer.zoomRatio(), 2.0);
  const QImage enlarged = renderer.frame(0, QSize(512, 288));
  const double whole = test::psnr(enlarged, imaging::resized(stack.keyframes[0], QSize(512, 288)));
  const QImage square = renderer.frame(1.4, QSize(288, 288));
  const QImage wide = renderer.frame(1.4, QSize(512, 288));
  const double crop = test::psnr(square, wide.copy(112, 0, 288, 288));
  std::printf("16:9 frame at z = 0 vs the keyframe enlarged: %.2f dB; square frame vs the centre of the wide one: %.2f dB\n",
              whole, crop);
  EXPECT_GE(whole, 50.0);
  EXPECT_GE(crop, 99.0);
}

INSTANTIATE_TEST_SUITE_P(Chains, ExactKeyframes,
                         ::testing::Values(ChainCase{256, 256, 64, zoom::OutpaintMethod::Direct, false},
                                           ChainCase{192, 192, 32, zoom::OutpaintMethod::Direct, false},
                                           ChainCase{200, 200, 96, zoom::OutpaintMethod::Sequential, false},
                                           ChainCase{256, 256, 64, zoom::OutpaintMethod::Direct, true},
                                           ChainCase{256, 144, 128, zoom::OutpaintMethod::Direct, false},
                                           ChainCase{144, 256, 128, zoom::OutpaintMethod::Sequential, false},
                                           ChainCase{384, 256, 48, zoom::OutpaintMethod::Direct, true}),
                         [](const auto& info) {
                           const ChainCase& c = info.param;
                           return std::to_string(c.width) + "x" + std::to_string(c.height) + "_" +
                                  std::to_string(c.outpaint) +
                                  (c.method == zoom::OutpaintMethod::Direct ? "_direct" : "_sequential") +
                                  (c.atKeyframeSize ? "_at_keyframe_size" : "");
                         });

}  // namespace
}  // namespace droste::render

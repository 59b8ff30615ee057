// Render copies (core/zoom/render_copies): keyframes enlarged once for a video larger than the model
// paints, optionally detailed in tiles by the painter, then pasted into each other at render resolution so
// that the renderer still shows each copy exactly at its zoom position and never jumps onto it.
#include "core/render/zoom_renderer.h"
#include "core/zoom/draft_painter.h"
#include "core/zoom/loop.h"
#include "core/zoom/outpaint.h"
#include "core/zoom/project_file.h"
#include "core/zoom/render_copies.h"
#include "tests/core/render/sinusoid_scene.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <utility>
#include <vector>

namespace droste::zoom {
namespace {

render::KeyframeStack draftStack(int width, int height, int outpaint, int keyframes) {
  OutpaintOptions options;
  options.width = width;
  options.height = height;
  options.outpaint = outpaint;
  DraftPainter painter;
  PaintRequest request;
  request.prompt = QStringLiteral("a greenhouse full of orchids, morning fog");
  request.seed = 5;
  render::KeyframeStack stack{{paintFirstKeyframe(options, painter, request)}, width, height, outpaint, true};
  for (int k = 1; k < keyframes; ++k) {
    request.seed = 5 + std::uint64_t(k);
    stack.keyframes.push_back(outpaintKeyframe(stack.keyframes.back(), options, painter, request));
  }
  return stack;
}

// Gives the tile back unchanged: a detail pass with it must be the plain enlargement, to the bit.
class IdentityPainter : public Painter {
 public:
  QImage paint(const PaintRequest& r, const PaintProgressFn&, const std::atomic_bool*) override {
    ++calls;
    EXPECT_LT(r.strength, 1.0);
    return r.image;
  }
  QString name() const override { return QStringLiteral("identity"); }
  int calls = 0;
};

// Shifts each tile's brightness by an amount of its own: the blend must spread the difference over the
// overlap instead of showing a seam.
class TileShiftPainter : public Painter {
 public:
  QImage paint(const PaintRequest& r, const PaintProgressFn&, const std::atomic_bool*) override {
    QImage out = r.image.convertToFormat(QImage::Format_RGB888);
    const int shift = int(r.seed % 5) * 10 - 20;  // -20 .. +20 levels
    for (int y = 0; y < out.height(); ++y) {
      uchar* p = out.scanLine(y);
      for (int i = 0; i < 3 * out.width(); ++i) p[i] = uchar(std::clamp(p[i] + shift, 0, 255));
    }
    return out;
  }
  QString name() const override { return QStringLiteral("shift"); }
};

// Writes down the prompts of every tile it is asked to paint, in order, and gives the tile back.
class PromptRecordingPainter : public Painter {
 public:
  QImage paint(const PaintRequest& r, const PaintProgressFn&, const std::atomic_bool*) override {
    asked.push_back({r.prompt, r.negativePrompt});
    return r.image;
  }
  QString name() const override { return QStringLiteral("prompts"); }
  std::vector<KeyframePrompts> asked;
};

TEST(RenderCopySize, TheSmallestSizeThatCoversTheFrameAndKeepsTheZoomExact) {
  // 512^2 with a 128 px ring: sides in steps of 4 (the ring is a quarter of the side).
  EXPECT_EQ(renderCopySize(draftStack(512, 512, 128, 1), QSize(1920, 1080)), QSize(1920, 1920));
  EXPECT_EQ(renderCopySize(draftStack(512, 512, 128, 1), QSize(1922, 1080)), QSize(1924, 1924));
  // 16:9 keyframes fill a 16:9 frame exactly at 1080p and at 4K.
  EXPECT_EQ(renderCopySize(draftStack(256, 144, 128, 1), QSize(1920, 1080)), QSize(1920, 1080));
  EXPECT_EQ(renderCopySize(draftStack(256, 144, 128, 1), QSize(3840, 2160)), QSize(3840, 2160));
  // Portrait keyframes, and never smaller than the keyframes.
  EXPECT_EQ(renderCopySize(draftStack(144, 256, 128, 1), QSize(1080, 1920)), QSize(1080, 1920));
  EXPECT_EQ(renderCopySize(draftStack(256, 144, 128, 1), QSize(64, 64)), QSize(256, 144));
  // A size that would not keep the ring whole is refused, naming one that does.
  const render::KeyframeStack stack = draftStack(256, 144, 128, 2);
  try {
    makeRenderCopies(stack, QSize(500, 281), nullptr, {});
    FAIL() << "an inexact size was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("use 512x288"), std::string::npos) << e.what();
  }
}

TEST(RenderCopies, AnUnchangedDetailPassIsThePlainEnlargementBitForBit) {
  const render::KeyframeStack stack = draftStack(128, 128, 32, 3);
  const QSize size = renderCopySize(stack, QSize(768, 768));
  const RenderCopies plain = makeRenderCopies(stack, size, nullptr, {});
  IdentityPainter identity;
  DetailSettings detail;
  detail.strength = 0.3;
  int lastDone = -1, lastCount = -1;
  const RenderCopies detailed = makeRenderCopies(stack, size, &identity, detail, [&](const RenderCopyProgress& p) {
    lastDone = p.tilesDone;
    lastCount = p.tileCount;
  });
  ASSERT_EQ(detailed.images.size(), stack.keyframes.size());
  for (size_t k = 0; k < stack.keyframes.size(); ++k) EXPECT_EQ(detailed.images[k], plain.images[k]) << "copy " << k;
  // Every planned tile was painted once; the inner copies' centres (replaced by paste-back) were not.
  EXPECT_EQ(identity.calls, detailTileCount(stack, size));
  EXPECT_EQ(lastDone, identity.calls);
  EXPECT_EQ(lastCount, identity.calls);
  // 768^2 in 128^2 tiles overlapping by at least 16 px: a 7x7 grid, of which the inner copies skip the 3x3
  // tiles that lie wholly inside the copy pasted into them.
  EXPECT_EQ(detailTileCount(stack, size), 49 + 2 * (49 - 9));
  EXPECT_EQ(detailed.source, render::fingerprint(stack));
  EXPECT_EQ(detailed.size(), size);
}

// A zoom whose keyframes were painted with prompts of their own (a forest, then a city): each copy's tiles
// are detailed with its keyframe's prompts, and a keyframe without its own with the project's.
TEST(RenderCopies, EachCopyIsDetailedWithItsKeyframesPrompts) {
  const render::KeyframeStack stack = draftStack(128, 128, 32, 3);
  ProjectSettings settings;
  settings.prompt = QStringLiteral("the project's prompt");
  settings.negativePrompt = QStringLiteral("the project's negative");
  std::vector<Keyframe> keyframes(3);
  keyframes[0].prompt = QStringLiteral("a forest");
  keyframes[1].prompt = QStringLiteral("a city");
  keyframes[1].negativePrompt = QStringLiteral("trees");
  const std::vector<KeyframePrompts> prompts = keyframePromptsOf(settings, keyframes);
  const std::vector<KeyframePrompts> expected{{QStringLiteral("a forest"), QStringLiteral("the project's negative")},
                                              {QStringLiteral("a city"), QStringLiteral("trees")},
                                              {QStringLiteral("the project's prompt"), QStringLiteral("the project's negative")}};
  EXPECT_EQ(prompts, expected);

  const QSize size = renderCopySize(stack, QSize(384, 384));
  PromptRecordingPainter painter;
  DetailSettings detail;
  detail.strength = 0.3;
  detail.base.prompt = QStringLiteral("base");
  detail.base.negativePrompt = QStringLiteral("base negative");
  detail.keyframePrompts = {prompts[0], prompts[1]};  // keyframe 2 has none: base's
  makeRenderCopies(stack, size, &painter, detail);
  // The copies are detailed in chain order: one run of tiles per keyframe, each with its prompts.
  std::vector<std::pair<KeyframePrompts, int>> runs;
  for (const KeyframePrompts& asked : painter.asked) {
    if (runs.empty() || !(runs.back().first == asked)) runs.push_back({asked, 0});
    ++runs.back().second;
  }
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].first, prompts[0]);
  EXPECT_EQ(runs[1].first, prompts[1]);
  EXPECT_EQ(runs[2].first, (KeyframePrompts{QStringLiteral("base"), QStringLiteral("base negative")}));
  EXPECT_EQ(int(painter.asked.size()), detailTileCount(stack, size));
  for (const auto& run : runs) EXPECT_GT(run.second, 0);
}

TEST(RenderCopies, TilesBlendWithoutSeams) {
  const render::KeyframeStack stack = draftStack(128, 128, 32, 1);
  const QSize size = renderCopySize(stack, QSize(384, 384));
  const QImage plain = makeRenderCopies(stack, size, nullptr, {}).images[0];
  TileShiftPainter shift;
  DetailSettings detail;
  detail.strength = 0.3;
  const QImage shifted = makeRenderCopies(stack, size, &shift, detail).images[0];
  // The tiles' shifts differ by up to 40 levels; across an overlap of at least 16 px the change between
  // neighbouring pixels (beyond the picture's own) stays within a few levels.
  int largestStep = 0, largestShift = 0;
  for (int y = 0; y < size.height(); ++y)
    for (int x = 0; x + 1 < size.width(); ++x)
      for (int c = 0; c < 3; ++c) {
        const auto offset = [&](const QImage& img, int xx, int yy) {
          return int(img.constScanLine(yy)[3 * xx + c]) - int(plain.constScanLine(yy)[3 * xx + c]);
        };
        // Only where no channel is clipped at 0 or 255 (there the shift is cut short).
        const int v = plain.constScanLine(y)[3 * x + c], w = plain.constScanLine(y)[3 * (x + 1) + c];
        if (std::min(v, w) < 21 || std::max(v, w) > 234) continue;
        largestShift = std::max(largestShift, std::abs(offset(shifted, x, y)));
        largestStep = std::max(largestStep, std::abs(offset(shifted, x + 1, y) - offset(shifted, x, y)));
        if (y + 1 < size.height()) {
          const int u = plain.constScanLine(y + 1)[3 * x + c];
          if (u >= 21 && u <= 234)
            largestStep = std::max(largestStep, std::abs(offset(shifted, x, y + 1) - offset(shifted, x, y)));
        }
      }
  std::printf("largest tile shift %d levels, largest step between neighbours %d\n", largestShift, largestStep);
  EXPECT_GE(largestShift, 10);  // the painter did change the tiles
  EXPECT_LE(largestStep, 4);
}

// The renderer over detailed copies: a whole zoom position is its copy, and the frame just before it
// already shows it (the copy's centre is the copy inside it, pasted at render resolution).
TEST(RenderCopies, TheRendererShowsEachCopyExactlyAndNeverJumpsOntoIt) {
  for (const QSize shape : {QSize(128, 128), QSize(256, 144)}) {
    const render::KeyframeStack stack = draftStack(shape.width(), shape.height(), shape.width() / 4 * (shape.width() == shape.height() ? 1 : 2), 4);
    const QSize size = renderCopySize(stack, QSize(3 * shape.width(), 3 * shape.height()));
    DraftPainter painter;
    DetailSettings detail;
    detail.strength = 0.4;
    detail.base.seed = 11;
    const RenderCopies copies = makeRenderCopies(stack, size, &painter, detail);
    const render::KeyframeStack copyStack = renderCopyStack(stack, copies);
    EXPECT_DOUBLE_EQ(render::zoomRatio(copyStack), render::zoomRatio(stack));
    const render::ZoomRenderer renderer(copyStack);
    // Detail was added: the copies differ from the plain enlargement.
    const RenderCopies plain = makeRenderCopies(stack, size, nullptr, {});
    const double fromPlain = test::psnr(copies.images[0], plain.images[0]);
    EXPECT_LT(fromPlain, 40.0);
    for (int k = 0; k < 4; ++k) {
      EXPECT_EQ(renderer.frame(k, size).convertToFormat(QImage::Format_RGB888), copies.images[size_t(k)]) << k;
      if (k == 0) continue;
      const double justBefore = test::psnr(renderer.frame(k - 1e-4, size), copies.images[size_t(k)]);
      const double ordinaryStep = test::psnr(renderer.frame(k - 1.0 / 30.0, size), copies.images[size_t(k)]);
      std::printf("%dx%d copies of %dx%d, z -> %d: %.2f dB just before, %.2f dB one frame before (detail vs plain "
                  "%.1f dB)\n", size.width(), size.height(), shape.width(), shape.height(), k, justBefore, ordinaryStep,
                  fromPlain);
      EXPECT_GE(justBefore, 45.0) << k;
      EXPECT_GT(justBefore, ordinaryStep) << k;
    }
  }
}

TEST(RenderCopies, AClosedLoopStaysClosed) {
  OutpaintOptions options;
  options.width = options.height = 96;
  options.outpaint = 24;
  render::KeyframeStack stack = draftStack(96, 96, 24, 4);
  DraftPainter painter;
  PaintRequest seam;
  seam.seed = 3;
  stack.keyframes = closeLoop(stack.keyframes, options, painter, seam).keyframes;
  ASSERT_EQ(stack.keyframes.front(), stack.keyframes.back());
  DetailSettings detail;
  detail.strength = 0.4;
  const RenderCopies copies = makeRenderCopies(stack, renderCopySize(stack, QSize(288, 288)), &painter, detail);
  EXPECT_EQ(copies.images.front(), copies.images.back());
  const render::ZoomRenderer renderer(renderCopyStack(stack, copies));
  EXPECT_EQ(renderer.frame(0, copies.size()), renderer.frame(3, copies.size()));
  // Without paste-back (centres the model repainted) the ends are one picture all the same.
  stack.centresPasted = false;
  const RenderCopies unpasted = makeRenderCopies(stack, renderCopySize(stack, QSize(288, 288)), &painter, detail);
  EXPECT_EQ(unpasted.images.front(), unpasted.images.back());
}

TEST(RenderCopies, CancelStopsThePassAndTheFingerprintFollowsThePictures) {
  const render::KeyframeStack stack = draftStack(64, 64, 16, 2);
  std::atomic_bool cancel{true};
  DraftPainter painter;
  DetailSettings detail;
  detail.strength = 0.3;
  EXPECT_THROW(makeRenderCopies(stack, renderCopySize(stack, QSize(256, 256)), &painter, detail, {}, &cancel),
               droste::Cancelled);
  render::KeyframeStack changed = stack;
  changed.keyframes[1].setPixel(3, 3, qRgb(1, 2, 3));
  EXPECT_NE(render::fingerprint(changed), render::fingerprint(stack));
  EXPECT_EQ(render::fingerprint(render::KeyframeStack(stack)), render::fingerprint(stack));
  EXPECT_THROW(makeRenderCopies(stack, QSize(256, 256), nullptr, detail), std::invalid_argument);  // no painter
  detail.strength = 1.0;  // would paint every tile anew
  EXPECT_THROW(makeRenderCopies(stack, QSize(256, 256), &painter, detail), std::invalid_argument);
  detail.strength = 0.3;
  detail.base.steps = 3;  // 0.9 of a step
  EXPECT_THROW(makeRenderCopies(stack, QSize(256, 256), &painter, detail), std::invalid_argument);
}

}  // namespace
}  // namespace droste::zoom

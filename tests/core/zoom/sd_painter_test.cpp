// The Stable Diffusion painter with the tiny fixture model: a keyframe chain through the engine, and cancel.
#include "core/engine/engine.h"
#include "core/render/zoom_renderer.h"
#include "core/zoom/geometry.h"
#include "core/zoom/project.h"
#include "core/zoom/seam.h"
#include "core/imaging/resample.h"
#include "core/zoom/project_file.h"
#include "core/zoom/sd_painter.h"
#include "tests/core/render/sinusoid_scene.h"
#include "tests/core/zoom/test_app.h"
#include "tests/core/zoom/zoom_test_util.h"
#include "tests/fixtures.h"

#include <QCoro/QCoroTask>

#include <gtest/gtest.h>

using namespace droste;

namespace {

QString tinyModel() {
  return QString::fromStdString((droste::test::fixturesDir() / "tiny-sd2-inpainting").string());
}

// The tiny model's settings for a chain of `size` keyframes with a `ring` px ring, `steps` steps.
zoom::ProjectSettings tinyModelSettings(QSize size, int ring, int steps) {
  zoom::ProjectSettings s;
  s.prompt = QStringLiteral("a photo of a cat");
  s.painter = zoom::PainterKind::StableDiffusion;
  s.model = tinyModel();
  s.steps = steps;
  s.outpaint.width = size.width();
  s.outpaint.height = size.height();
  s.outpaint.outpaint = ring;
  return s;
}

}  // namespace

// Keyframe 0, two outpainted ones and a repaint with the same seed, through the engine.
void paintThreeKeyframes(QSize size, int ring) {
  zoom::test::ensureApp();
  engine::Engine engine;
  zoom::Project p;
  zoom::ProjectSettings s = tinyModelSettings(size, ring, 3);
  s.negativePrompt = QStringLiteral("blurry");
  p.setSettings(s);
  int steps = 0, total = 0;
  QObject::connect(&engine, &engine::Engine::progress, [&](const engine::Progress& pr) {
    steps = std::max(steps, pr.step);
    total = std::max(total, pr.total);
  });
  engine::JobResult r = QCoro::waitFor(engine.generateFirst(&p));
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  r = QCoro::waitFor(engine.outpaintNext(&p, 2));
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  ASSERT_EQ(p.keyframeCount(), 3);
  EXPECT_GE(steps, 3);  // UNet evaluations: PNDM adds one warm-up step
  EXPECT_EQ(steps, total);
  EXPECT_EQ(engine.loadedModel().painter, zoom::PainterKind::StableDiffusion);
  const auto g = zoom::ZoomGeometry::of(s.outpaint);
  const QRect area = g.keptPixels().adjusted(4, 4, -4, -4);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(p.keyframe(k).state, zoom::KeyframeState::Fresh);
    EXPECT_EQ(p.keyframe(k).image.size(), size);
    if (k > 0) EXPECT_GE(zoom::test::keptAreaPsnr(p.keyframe(k).image, p.keyframe(k - 1).image, g, area), 40.0);
  }
  // The renderer shows each keyframe exactly at its whole zoom position (#14 item 5), also when the model painted it.
  render::KeyframeStack stack{{}, size.width(), size.height(), ring};
  for (int k = 0; k < 3; ++k) stack.keyframes.push_back(p.keyframe(k).image);
  const render::ZoomRenderer renderer(stack);
  for (int k = 0; k < 3; ++k)
    EXPECT_EQ(renderer.frame(k, size).convertToFormat(QImage::Format_RGB888), p.keyframe(k).image) << "z = " << k;
  // Same seed, same picture (the chain is reproducible).
  const QImage before = p.keyframe(2).image;
  r = QCoro::waitFor(engine.regenerate(&p, 2, /*keepSeed=*/true));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(p.keyframe(2).image, before);
}

TEST(SdPainter, ThreeKeyframeChainThroughTheEngine) {
  paintThreeKeyframes(QSize(128, 128), 32);  // the tiny model's native size
}

// 16:9, painted in full: a 512x288 canvas (latents 64x36, not a multiple of the UNet's 8x down-sampling).
TEST(SdPainter, WideChainThroughTheEngine) { paintThreeKeyframes(QSize(256, 144), 128); }

// Closing the loop and ending on a picture with the model painting the seams (16:9, three keyframes).
TEST(SdPainter, ClosesALoopAndEndsOnAPicture) {
  zoom::test::ensureApp();
  engine::Engine engine;
  zoom::Project p;
  p.setSettings(tinyModelSettings(QSize(256, 144), 128, 2));
  ASSERT_TRUE(QCoro::waitFor(engine.generateFirst(&p)).ok);
  ASSERT_TRUE(QCoro::waitFor(engine.outpaintNext(&p, 2)).ok);
  const QImage outermost = p.keyframe(2).image;
  const engine::JobResult loop = QCoro::waitFor(engine.closeLoop(&p));
  ASSERT_TRUE(loop.ok) << loop.error.toStdString();
  EXPECT_EQ(p.keyframe(0).image, p.keyframe(2).image);
  const auto g = zoom::ZoomGeometry::of(p.settings().outpaint);
  // Keyframe 2 holds the new keyframe 1 (with its repainted seam) in its centre.
  EXPECT_GE(zoom::test::keptAreaPsnr(p.keyframe(2).image, p.keyframe(1).image, g, g.keptPixels().adjusted(4, 4, -4, -4)),
            40.0);
  // The seam band of keyframe 1 was painted by the model: it differs from the pasted picture there.
  EXPECT_NE(p.keyframe(1).image, outermost);

  QImage picture(160, 90, QImage::Format_RGB888);
  picture.fill(QColor(30, 160, 220));
  const engine::JobResult exit = QCoro::waitFor(engine.replaceWithPicture(&p, 3, picture, zoom::ImportFit::CenterCrop));
  ASSERT_TRUE(exit.ok) << exit.error.toStdString();
  ASSERT_EQ(p.keyframeCount(), 4);
  EXPECT_EQ(p.keyframe(3).image.pixelColor(0, 0), QColor(30, 160, 220));
  EXPECT_GE(zoom::test::keptAreaPsnr(p.keyframe(3).image, p.keyframe(2).image, g,
                                     zoom::seamInside(p.settings().outpaint).adjusted(4, 4, -4, -4)),
            40.0);
}

TEST(SdPainter, CancelStopsWithinOneStep) {
  auto painter = zoom::SdPainter::load(tinyModel(), QStringLiteral("cpu"), QStringLiteral("fp32"));
  zoom::PaintRequest r;
  r.image = QImage(128, 128, QImage::Format_RGB888);
  r.image.fill(Qt::black);
  r.mask = QImage(128, 128, QImage::Format_Grayscale8);
  r.mask.fill(255);
  r.prompt = QStringLiteral("a photo of a cat");
  r.steps = 20;
  std::atomic_bool cancel{false};
  int lastStep = 0, stepAtCancel = -1;
  auto progress = [&](const zoom::PaintProgress& p) {
    lastStep = p.step;
    EXPECT_FALSE(p.preview.isNull());
    if (p.step == 2) {
      stepAtCancel = p.step;
      cancel = true;
    }
  };
  EXPECT_THROW(painter->paint(r, progress, &cancel), droste::Cancelled);
  EXPECT_EQ(stepAtCancel, 2);
  EXPECT_LE(lastStep - stepAtCancel, 1) << "more than one step ran after cancel";
  // Still usable afterwards.
  cancel = false;
  r.steps = 2;
  EXPECT_EQ(painter->paint(r, {}, &cancel).size(), QSize(128, 128));
}

// Render copies for a video three times the keyframes' size, the model adding detail at strength 0.5 in
// tiles of the keyframe size, through the engine: progress in steps, the copies kept by the project, each
// shown exactly at its zoom position, and no jump onto it (#14 item 2).
TEST(SdPainter, AddsDetailToRenderCopiesThroughTheEngine) {
  zoom::test::ensureApp();
  engine::Engine engine;
  zoom::Project p;
  p.setSettings(tinyModelSettings(QSize(64, 64), 16, 4));
  ASSERT_TRUE(QCoro::waitFor(engine.generateFirst(&p)).ok);
  ASSERT_TRUE(QCoro::waitFor(engine.outpaintNext(&p, 2)).ok);
  int step = 0, total = 0;
  QObject::connect(&engine, &engine::Engine::progress, [&](const engine::Progress& pr) {
    step = std::max(step, pr.step);
    total = std::max(total, pr.total);
  });
  const engine::JobResult r = QCoro::waitFor(engine.makeRenderCopies(&p, QSize(192, 192), 0.5));
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  const std::optional<zoom::RenderCopies> copies = p.currentRenderCopies();
  ASSERT_TRUE(copies);
  ASSERT_EQ(copies->images.size(), 3u);
  EXPECT_EQ(copies->size(), QSize(192, 192));
  EXPECT_EQ(copies->png.size(), 3u);  // encoded on the worker, not when the project is saved
  EXPECT_GT(total, 0);
  EXPECT_EQ(step, total);
  const render::KeyframeStack stack = zoom::keyframeStackOf(p.settings(), p.keyframes());
  const render::ZoomRenderer renderer(zoom::renderCopyStack(stack, *copies));
  const QImage plain = droste::imaging::resized(p.keyframe(0).image, QSize(192, 192));
  const double fromPlain = droste::test::psnr(copies->images[0], plain);
  std::printf("detailed copy vs plain enlargement: %.2f dB\n", fromPlain);
  EXPECT_LT(fromPlain, 35.0);  // the model changed the enlargement
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(renderer.frame(k, copies->size()).convertToFormat(QImage::Format_RGB888), copies->images[size_t(k)]);
    if (k == 0) continue;
    const double justBefore = droste::test::psnr(renderer.frame(k - 1e-4, copies->size()), copies->images[size_t(k)]);
    std::printf("z -> %d: %.2f dB just before\n", k, justBefore);
    EXPECT_GE(justBefore, 45.0);
  }
  // A keyframe painted again: the copies no longer belong to the chain.
  ASSERT_TRUE(QCoro::waitFor(engine.regenerate(&p, 2, /*keepSeed=*/false)).ok);
  EXPECT_FALSE(p.currentRenderCopies());
}

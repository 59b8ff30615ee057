// Outpainting geometry, masks and paste-back, with the draft painter and stand-in painters.
#include "core/zoom/draft_painter.h"
#include "core/zoom/geometry.h"
#include "core/zoom/masks.h"
#include "core/zoom/outpaint.h"
#include "tests/core/zoom/zoom_test_util.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <vector>

using namespace droste::zoom;
using droste::zoom::test::keptAreaPsnr;
using droste::zoom::test::meanColor;

namespace {

PaintRequest requestFor(std::uint64_t seed) {
  PaintRequest r;
  r.prompt = QStringLiteral("a castle on a hill at dusk");
  r.seed = seed;
  return r;
}

// The kept pixels, inset by the reach of the shrink filter (beyond that, ring pixels legitimately mix in).
QRect keptAreaForComparison(const ZoomGeometry& g) {
  const int reach = 4;  // the area-spline shrink reaches 2 keyframe pixels; +2 to spare
  return g.keptPixels().adjusted(reach, reach, -reach, -reach);
}

struct ChainCase {
  OutpaintMethod method;
  PaddingMode padding;
  bool atKeyframeSize;
  QSize size{256, 256};
  int ring = 64;  // on the long sides; 16:9 256x144 takes 128 (72 on the short ones: a multiple of 8)
};

class ChainGeometry : public ::testing::TestWithParam<ChainCase> {};

}  // namespace

TEST(ZoomGeometry, InnerRectIsSubPixelExact) {
  const auto g = ZoomGeometry::square(512, 128);
  EXPECT_EQ(g.canvasSize(), QSize(768, 768));
  EXPECT_DOUBLE_EQ(g.scale(), 512.0 / 768.0);
  EXPECT_NEAR(g.innerRect().left(), 128.0 * 512.0 / 768.0, 1e-12);  // 85.333...
  EXPECT_NEAR(g.innerRect().width(), 512.0 * 512.0 / 768.0, 1e-12);
  EXPECT_EQ(g.keptPixels(), QRect(86, 86, 340, 340));  // pixels 86..425 lie wholly inside [85.33, 426.67)
  const auto even = ZoomGeometry::square(512, 256);  // s = 1/2: exact edges count as inside
  EXPECT_EQ(even.keptPixels(), QRect(128, 128, 256, 256));
}

// 16:9 at 1024x576 with a 128 px ring: 72 px on the short sides, so both axes zoom by 1280/1024 = 1.25.
TEST(ZoomGeometry, WideKeyframesZoomByTheSameFactorOnBothAxes) {
  OutpaintOptions o;
  o.width = 1024;
  o.height = 576;
  o.outpaint = 128;
  EXPECT_NO_THROW(o.validate());
  EXPECT_EQ(o.ringX(), 128);
  EXPECT_EQ(o.ringY(), 72);
  EXPECT_EQ(o.canvasSize(), QSize(1280, 720));
  EXPECT_DOUBLE_EQ(o.zoomRatio(), 1.25);
  const auto g = ZoomGeometry::of(o);
  EXPECT_DOUBLE_EQ(double(g.canvasSize().height()) / o.height, o.zoomRatio());
  EXPECT_NEAR(g.innerRect().left(), 102.4, 1e-9);
  EXPECT_NEAR(g.innerRect().top(), 57.6, 1e-9);
  EXPECT_EQ(g.keptPixels(), QRect(103, 58, 818, 460));  // [102.4, 921.6) x [57.6, 518.4)
  // Tall: the long axis is vertical.
  std::swap(o.width, o.height);
  EXPECT_EQ(o.ringX(), 72);
  EXPECT_EQ(o.ringY(), 128);
}

TEST(ZoomGeometry, RingsThatCannotZoomEvenlyAreRefusedWithTheOnesThatCan) {
  OutpaintOptions o;
  o.width = 1024;
  o.height = 576;
  o.outpaint = 64;  // 36 px on the short side: not a multiple of 8 (a sequential canvas would be 612 px high)
  try {
    o.validate();
    FAIL() << "accepted a ring that does not zoom evenly";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("use 128, 256, 384, 512 px"), std::string::npos) << e.what();
  }
  EXPECT_EQ(o.exactRings(), (std::vector<int>{128, 256, 384, 512}));
  o.width = 512;
  o.height = 512;
  EXPECT_EQ(o.exactRings().size(), 32u);  // square: every multiple of 8 up to 256
  o.width = 1000;  // 1000x512: 125:64, no ring fits
  o.outpaint = 64;
  EXPECT_TRUE(o.exactRings().empty());
  EXPECT_THROW(o.validate(), std::invalid_argument);
}

TEST(OutpaintOptions, RejectsBadSizesWithAReadableMessage) {
  OutpaintOptions o;
  EXPECT_NO_THROW(o.validate());
  o.outpaint = 100;
  EXPECT_THROW(o.validate(), std::invalid_argument);
  o.outpaint = 264;  // > S/2
  EXPECT_THROW(o.validate(), std::invalid_argument);
  o.outpaint = 8;
  o.width = o.height = 500;
  try {
    o.validate();
    FAIL() << "size 500 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("multiple of 8"), std::string::npos);
  }
}

TEST(OutpaintMasks, DirectRingCoversExactlyTheNewPixels) {
  for (const auto& [S, p] : {std::pair{512, 128}, {256, 8}, {128, 64}}) {
    const auto g = ZoomGeometry::square(S, p);
    const OutpaintMask m = ringMask(g.canvasSize(), g.innerRectOnCanvas(), 0);
    const long long ring = 1LL * (S + 2 * p) * (S + 2 * p) - 1LL * S * S;
    EXPECT_EQ(countNonZero(m.paint), ring) << S << "+" << p;
    EXPECT_EQ(countNonZero(m.blend), ring);
    // No kept pixel is masked, including the last column and row of the old picture.
    for (int y = p; y < p + S; ++y)
      for (int x = p; x < p + S; ++x) ASSERT_EQ(m.paint.constScanLine(y)[x], 0) << x << "," << y;
    EXPECT_EQ(m.paint.constScanLine(p + S)[p + S], 255);  // first new pixel past the corner
    EXPECT_EQ(m.paint.constScanLine(p - 1)[p - 1], 255);
  }
}

TEST(OutpaintMasks, OverlapAddsAFeatheredBandInsideOnly) {
  const int S = 256, p = 64, o = 6;
  const auto g = ZoomGeometry::square(S, p);
  const OutpaintMask m = ringMask(g.canvasSize(), g.innerRectOnCanvas(), o);
  const long long ring = 1LL * (S + 2 * p) * (S + 2 * p) - 1LL * S * S;
  const long long band = 1LL * S * S - 1LL * (S - 2 * o) * (S - 2 * o);
  EXPECT_EQ(countNonZero(m.paint), ring + band);
  EXPECT_EQ(countNonZero(m.blend), ring + band);
  // The blend ramps down monotonically from the edge inwards.
  const uchar* row = m.blend.constScanLine(p + S / 2);
  EXPECT_EQ(row[p - 1], 255);
  for (int d = 0; d + 1 < o; ++d) EXPECT_GT(row[p + d], row[p + d + 1]);
  EXPECT_GT(row[p + o - 1], 0);
  EXPECT_EQ(row[p + o], 0);
}

TEST(OutpaintMasks, SequentialStepsCoverOneNewSideEach) {
  const int S = 512, p = 128;
  // Growing canvas: left, top, right, bottom.
  int w = S, h = S;
  const int grow[4][4] = {{p, 0, 0, 0}, {0, p, 0, 0}, {0, 0, p, 0}, {0, 0, 0, p}};
  long long total = 0;
  for (const auto& gr : grow) {
    const QRect keep(gr[0], gr[1], w, h);
    w += gr[0] + gr[2];
    h += gr[1] + gr[3];
    const OutpaintMask m = ringMask(QSize(w, h), keep, 0);
    const long long expected = 1LL * w * h - 1LL * keep.width() * keep.height();
    EXPECT_EQ(countNonZero(m.paint), expected);
    total += expected;
  }
  EXPECT_EQ(total, 1LL * (S + 2 * p) * (S + 2 * p) - 1LL * S * S);

  // At keyframe size: the four side masks partition the ring exactly.
  const auto g = ZoomGeometry::square(S, p);
  const QRect keep = g.keptPixels();
  QImage sum(S, S, QImage::Format_Grayscale8);
  sum.fill(0);
  for (Side side : {Side::Left, Side::Top, Side::Right, Side::Bottom}) {
    const OutpaintMask m = sideMask(QSize(S, S), keep, side, 0);
    for (int y = 0; y < S; ++y)
      for (int x = 0; x < S; ++x)
        if (m.paint.constScanLine(y)[x]) sum.scanLine(y)[x] += 1;
  }
  long long once = 0, twice = 0;
  for (int y = 0; y < S; ++y)
    for (int x = 0; x < S; ++x) {
      const int v = sum.constScanLine(y)[x];
      EXPECT_EQ(v == 0, keep.contains(x, y)) << x << "," << y;
      once += v == 1;
      twice += v > 1;
    }
  EXPECT_EQ(once, 1LL * S * S - 1LL * keep.width() * keep.height());
  EXPECT_EQ(twice, 0);
}

TEST_P(ChainGeometry, CentreOfEachKeyframeIsThePreviousOneShrunk) {
  const ChainCase c = GetParam();
  OutpaintOptions options;
  options.width = c.size.width();
  options.height = c.size.height();
  options.outpaint = c.ring;
  options.method = c.method;
  options.padding = c.padding;
  options.paintAtKeyframeSize = c.atKeyframeSize;
  const auto g = ZoomGeometry::of(options);
  DraftPainter painter;
  std::vector<QImage> chain{paintFirstKeyframe(options, painter, requestFor(7))};
  for (int k = 1; k < 6; ++k) chain.push_back(outpaintKeyframe(chain.back(), options, painter, requestFor(7 + k)));
  const QRect area = keptAreaForComparison(g);
  double worst = 99.0;
  for (int k = 1; k < 6; ++k) {
    ASSERT_EQ(chain[k].size(), c.size);
    ASSERT_EQ(chain[k].format(), QImage::Format_RGB888);
    const double psnr = keptAreaPsnr(chain[k], chain[k - 1], g, area);
    EXPECT_GE(psnr, 40.0) << "keyframe " << k;
    worst = std::min(worst, psnr);
  }
  RecordProperty("worst_kept_area_psnr_db", std::to_string(worst));
  std::printf("worst kept-area PSNR over the chain: %.1f dB\n", worst);
}

INSTANTIATE_TEST_SUITE_P(
    AllMethodsAndPaddings, ChainGeometry,
    ::testing::Values(ChainCase{OutpaintMethod::Direct, PaddingMode::Symmetric, false},
                      ChainCase{OutpaintMethod::Direct, PaddingMode::Reflect, false},
                      ChainCase{OutpaintMethod::Direct, PaddingMode::Edge, false},
                      ChainCase{OutpaintMethod::Direct, PaddingMode::Black, false},
                      ChainCase{OutpaintMethod::Direct, PaddingMode::BlurredStretch, false},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Symmetric, false},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Reflect, false},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Edge, false},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Black, false},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::BlurredStretch, false},
                      ChainCase{OutpaintMethod::Direct, PaddingMode::Symmetric, true},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Reflect, true},
                      // Wide and tall keyframes: painted in full, the ring in proportion.
                      ChainCase{OutpaintMethod::Direct, PaddingMode::Symmetric, false, QSize(256, 144), 128},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Edge, false, QSize(256, 144), 128},
                      ChainCase{OutpaintMethod::Direct, PaddingMode::BlurredStretch, true, QSize(256, 144), 128},
                      ChainCase{OutpaintMethod::Direct, PaddingMode::Reflect, false, QSize(144, 256), 128},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Black, true, QSize(144, 256), 128},
                      ChainCase{OutpaintMethod::Sequential, PaddingMode::Symmetric, false, QSize(192, 256), 64}),
    [](const auto& info) {
      return (info.param.method == OutpaintMethod::Direct ? std::string("Direct") : std::string("Sequential")) +
             "_" + toString(info.param.padding).remove(QLatin1Char('-')).toStdString() +
             (info.param.atKeyframeSize ? "_AtKeyframeSize" : "") +
             (info.param.size == QSize(256, 256) ? std::string()
                                                 : "_" + std::to_string(info.param.size.width()) + "x" +
                                                       std::to_string(info.param.size.height()));
    });

TEST(PasteBack, KeepsTheKeptAreaColourOverTwentyKeyframes) {
  OutpaintOptions options;
  options.width = options.height = 128;
  options.outpaint = 32;
  const auto g = ZoomGeometry::of(options);
  const QRect area = keptAreaForComparison(g);
  DraftPainter draft;
  const QImage first = paintFirstKeyframe(options, draft, requestFor(3));
  droste::zoom::test::TintBlurPainter drift;

  auto worstStepShift = [&](bool pasteBack) {
    options.pasteBack = pasteBack;
    QImage previous = first;
    double worst = 0;
    for (int k = 1; k <= 20; ++k) {
      const QImage next = outpaintKeyframe(previous, options, drift, requestFor(k));
      // Mean of the kept area vs the mean the previous keyframe predicts for it.
      double got[3], want[3] = {0, 0, 0};
      meanColor(next, area, got);
      for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
          double px[3];
          droste::zoom::test::predictPixel(previous, g, x, y, px);
          for (int c = 0; c < 3; ++c) want[c] += px[c];
        }
      for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(got[c] - want[c] / (area.width() * area.height())));
      previous = next;
    }
    return worst;
  };
  EXPECT_LT(worstStepShift(true), 0.5);   // paste-back: the painter's drift never reaches the kept pixels
  EXPECT_GT(worstStepShift(false), 2.0);  // control: without it the same painter shifts the colour
}

TEST(DraftPainter, IsDeterministicPerSeedAndPaintsOnlyTheMask) {
  OutpaintOptions options;
  options.width = options.height = 128;
  options.outpaint = 32;
  DraftPainter painter;
  const QImage a = paintFirstKeyframe(options, painter, requestFor(11));
  const QImage b = paintFirstKeyframe(options, painter, requestFor(11));
  const QImage c = paintFirstKeyframe(options, painter, requestFor(12));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  // Not flat: a first keyframe has structure.
  double mean[3];
  meanColor(a, a.rect(), mean);
  double var = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) var += std::pow(a.constScanLine(y)[3 * x] - mean[0], 2);
  EXPECT_GT(var / (a.width() * a.height()), 25.0);

  // Unmasked pixels come back untouched, even without paste-back.
  const QImage padded = padImage(a, 32, 32, 32, 32, PaddingMode::Symmetric);
  const OutpaintMask m = ringMask(padded.size(), QRect(32, 32, 128, 128), 0);
  PaintRequest r = requestFor(5);
  r.image = padded;
  r.mask = m.paint;
  const QImage out = painter.paint(r);
  EXPECT_EQ(out.copy(32, 32, 128, 128), a);
  EXPECT_NE(out, padded);
}

// Regenerating a keyframe with its own prompt changes its ring (it did not: only the first keyframe used
// the prompt), and leaves the inner picture alone.
TEST(DraftPainter, AKeyframesOwnPromptChangesItsRing) {
  OutpaintOptions options;
  options.width = options.height = 128;
  options.outpaint = 32;
  DraftPainter painter;
  const QImage first = paintFirstKeyframe(options, painter, requestFor(11));
  PaintRequest r = requestFor(5);
  r.image = padImage(first, 32, 32, 32, 32, PaddingMode::Symmetric);
  r.mask = ringMask(r.image.size(), QRect(32, 32, 128, 128), 0).paint;
  r.prompt = QStringLiteral("a red desert at dusk");
  const QImage desert = painter.paint(r);
  r.prompt = QStringLiteral("a green forest in the rain");
  const QImage forest = painter.paint(r);
  EXPECT_EQ(desert.copy(32, 32, 128, 128), forest.copy(32, 32, 128, 128));
  double a[3], b[3];
  meanColor(desert, QRect(0, 0, desert.width(), 24), a);  // the top band of the ring
  meanColor(forest, QRect(0, 0, forest.width(), 24), b);
  EXPECT_GT(std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]), 6.0);
  EXPECT_EQ(painter.paint(r), forest);  // still deterministic
}

TEST(DraftPainter, HonoursCancel) {
  DraftPainter painter;
  PaintRequest r = requestFor(1);
  r.image = QImage(64, 64, QImage::Format_RGB888);
  r.image.fill(Qt::gray);
  r.mask = QImage(64, 64, QImage::Format_Grayscale8);
  r.mask.fill(255);
  std::atomic_bool cancel{true};
  EXPECT_THROW(painter.paint(r, {}, &cancel), droste::Cancelled);
}

TEST(Import, CropAndPadGiveKeyframesOfTheirShape) {
  QImage wide(300, 150, QImage::Format_RGB888);
  wide.fill(Qt::red);
  const QImage cropped = fitImportedImage(wide, QSize(128, 128), ImportFit::CenterCrop);
  EXPECT_EQ(cropped.size(), QSize(128, 128));
  EXPECT_EQ(cropped.pixelColor(0, 0), QColor(Qt::red));
  const QImage padded = fitImportedImage(wide, QSize(128, 128), ImportFit::Pad);
  EXPECT_EQ(padded.size(), QSize(128, 128));
  EXPECT_EQ(padded.pixelColor(64, 0), QColor(Qt::black));
  EXPECT_EQ(padded.pixelColor(64, 64), QColor(Qt::red));
  EXPECT_THROW(fitImportedImage(QImage(), QSize(128, 128), ImportFit::Pad), std::invalid_argument);

  // A 2:1 picture into 16:9 keyframes: cropping cuts its sides, padding adds bands above and below.
  for (int x = 0; x < 300; ++x)
    for (int y = 0; y < 150; ++y)
      if (x < 10 || x >= 290) wide.setPixelColor(x, y, Qt::blue);  // only the outer columns are blue
  const QImage wideCrop = fitImportedImage(wide, QSize(256, 144), ImportFit::CenterCrop);
  EXPECT_EQ(wideCrop.size(), QSize(256, 144));
  EXPECT_EQ(wideCrop.pixelColor(0, 72), QColor(Qt::red));  // 300 -> 266.7 px kept: the blue columns are cut
  const QImage widePad = fitImportedImage(wide, QSize(256, 144), ImportFit::Pad);
  EXPECT_EQ(widePad.size(), QSize(256, 144));
  EXPECT_EQ(widePad.pixelColor(128, 0), QColor(Qt::black));  // 150 -> 168.75 px tall: bands top and bottom
  EXPECT_EQ(widePad.pixelColor(0, 72), QColor(Qt::blue));
}

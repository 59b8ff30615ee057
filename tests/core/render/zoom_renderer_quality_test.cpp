// Acceptance of the zoom renderer against a ground truth that exists at every scale: a chain
// made as a perfect outpainter would (keyframe k = the scene at width ratio^k), compared with
// the scene itself at the width each frame shows. The seed's interpolation is measured the
// same way as the baseline.
#include "core/render/zoom_renderer.h"
#include "tests/core/render/seed_interpolation.h"
#include "tests/core/render/sinusoid_scene.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace droste::render {
namespace {

constexpr int kSize = 512;
constexpr int kOutpaint = 128;
constexpr int kSteps = 4;  // keyframes 0..4

struct Chain {
  // 12 octaves up to 4x finer than keyframe 0 resolves (so every keyframe holds aliased detail, as
  // area-averaged pixels do), equal energy per octave like photographs, amplitude near the 8-bit limit.
  test::SinusoidScene scene{0.25, 1024.0, 4, 5.5, 20261128};
  KeyframeStack stack;
  double ratio = double(kSize + 2 * kOutpaint) / kSize;
  Chain() {
    stack.width = stack.height = kSize;
    stack.outpaint = kOutpaint;
    for (int k = 0; k <= kSteps; ++k) stack.keyframes.push_back(scene.render(std::pow(ratio, k), kSize));
  }
};

const Chain& chain() {
  static const Chain c;
  return c;
}

const ZoomRenderer& renderer() {
  static const ZoomRenderer r(chain().stack);
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// The zoom positions checked: just after and just before every keyframe, and between.
std::vector<double> probePositions() {
  std::vector<double> zs;
  for (int k = 0; k < kSteps; ++k)
    for (double f : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) zs.push_back(k + f);
  return zs;
}

TEST(ZoomRendererQuality, MatchesGroundTruthAtEveryZoom) {
  std::vector<double> ours, seed;
  std::printf("     z   ours dB   seed dB\n");
  for (double z : probePositions()) {
    const double width = std::pow(chain().ratio, z);
    const double a = test::psnr(renderer().frame(z, QSize(kSize, kSize)), chain().scene.render(width, kSize));
    // The seed at the same moment of its step (its own geometry, compared at its own width).
    const int k = int(std::floor(z));
    const test::SeedFrame sf = test::seedFrame(chain().stack, k, z - k, kSize);
    const double b = test::psnr(sf.image, chain().scene.render(sf.width, kSize));
    std::printf("%6.2f   %7.2f   %7.2f\n", z, a, b);
    ours.push_back(a);
    seed.push_back(b);
  }
  const double oursMedian = median(ours), oursMin = *std::min_element(ours.begin(), ours.end());
  std::printf("ours: median %.2f dB, min %.2f dB | seed: median %.2f dB, min %.2f dB\n", oursMedian, oursMin, median(seed),
              *std::min_element(seed.begin(), seed.end()));
  EXPECT_GE(oursMedian, 34.0);
  EXPECT_GE(oursMin, 31.5);
}

TEST(ZoomRendererQuality, IntegerZoomShowsTheKeyframe) {
  for (int k = 0; k <= kSteps; ++k) {
    const double p = test::psnr(renderer().frame(k, QSize(kSize, kSize)), chain().stack.keyframes[k]);
    std::printf("z = %d: %.2f dB against keyframe %d\n", k, p, k);
    EXPECT_GE(p, 45.0) << "z = " << k;
  }
}

// 2x2 box average: a 2S frame shrunk exactly onto the S grid.
QImage halve(const QImage& image) {
  const QImage in = image.convertToFormat(QImage::Format_RGB888);
  QImage out(in.width() / 2, in.height() / 2, QImage::Format_RGB888);
  for (int y = 0; y < out.height(); ++y)
    for (int x = 0; x < out.width() * 3; ++x) {
      const int c = x % 3, px = x / 3;
      const int sum = in.constScanLine(2 * y)[6 * px + c] + in.constScanLine(2 * y)[6 * px + 3 + c] +
                      in.constScanLine(2 * y + 1)[6 * px + c] + in.constScanLine(2 * y + 1)[6 * px + 3 + c];
      out.scanLine(y)[x] = uchar((sum + 2) / 4);
    }
  return out;
}

TEST(ZoomRendererQuality, OtherOutputSizesMatchGroundTruth) {
  for (double z : {0.3, 2.8}) {
    const double width = std::pow(chain().ratio, z);
    const double small = test::psnr(renderer().frame(z, QSize(256, 256)), chain().scene.render(width, 256));
    // Enlarging cannot invent the detail finer than the keyframes hold, so a 1024 px frame is
    // checked for geometry and colour on the 512 grid.
    const double large = test::psnr(halve(renderer().frame(z, QSize(1024, 1024))), chain().scene.render(width, 512));
    std::printf("z = %.2f: 256 px %.2f dB, 1024 px (box-halved) %.2f dB\n", z, small, large);
    EXPECT_GE(small, 31.5) << z;
    EXPECT_GE(large, 31.5) << z;
  }
}

TEST(ZoomRendererQuality, WideAndTallFramesAreCropsOfTheSquare) {
  const QImage square = renderer().frame(1.37, QSize(640, 640));
  const QImage wide = renderer().frame(1.37, QSize(640, 360));
  const QImage tall = renderer().frame(1.37, QSize(360, 640));
  EXPECT_EQ(wide, square.copy(0, 140, 640, 360));
  EXPECT_EQ(tall, square.copy(140, 0, 360, 640));
}

// The view width a frame really shows, found by fitting the ground truth: a parabola through
// the squared error at widths around the nominal one (log scale).
double measuredWidth(const QImage& frame, double nominal) {
  std::vector<double> xs, es;
  for (int i = -3; i <= 3; ++i) {
    const double x = i * 0.004;
    const double p = test::psnr(frame, chain().scene.render(nominal * std::exp(x), frame.width()));
    xs.push_back(x);
    es.push_back(std::pow(10.0, -p / 10.0));  // relative MSE
  }
  // Least-squares parabola e = c0 + c1 x + c2 x².
  double s[5] = {0, 0, 0, 0, 0}, t[3] = {0, 0, 0};
  for (size_t i = 0; i < xs.size(); ++i) {
    double xp = 1;
    for (int d = 0; d < 5; ++d) {
      s[d] += xp;
      if (d < 3) t[d] += xp * es[i];
      xp *= xs[i];
    }
  }
  const double m[3][3] = {{s[0], s[1], s[2]}, {s[1], s[2], s[3]}, {s[2], s[3], s[4]}};
  const double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                     m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  auto solve = [&](int col) {
    double a[3][3];
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) a[r][c] = (c == col) ? t[r] : m[r][c];
    return (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
            a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])) / det;
  };
  const double c1 = solve(1), c2 = solve(2);
  return nominal * std::exp(-c1 / (2.0 * c2));
}

TEST(ZoomRendererQuality, PerFrameZoomFactorIsConstant) {
  constexpr int kFramesPerStep = 6, kPixels = 256;
  std::vector<double> ours, seed;
  for (int f = 0; f <= 2 * kFramesPerStep; ++f) {
    const double z = 0.5 + double(f) / kFramesPerStep;  // across the keyframe at z = 1 and z = 2
    ours.push_back(measuredWidth(renderer().frame(z, QSize(kPixels, kPixels)), std::pow(chain().ratio, z)));
    const int k = int(std::floor(z));
    const test::SeedFrame sf = test::seedFrame(chain().stack, k, z - k, kPixels);
    seed.push_back(measuredWidth(sf.image, sf.width));
  }
  // max/min over consecutive frames of the zoom factor w(f+1)/w(f), or of its logarithm (the speed).
  auto spread = [](const std::vector<double>& widths, bool logarithmic) {
    double lo = 1e9, hi = 0;
    for (size_t i = 1; i < widths.size(); ++i) {
      const double factor = logarithmic ? std::log(widths[i] / widths[i - 1]) : widths[i] / widths[i - 1];
      lo = std::min(lo, factor);
      hi = std::max(hi, factor);
    }
    return hi / lo;
  };
  std::printf("zoom factor per frame max/min: ours %.4f, seed %.4f; zoom speed max/min: ours %.3f, seed %.3f\n",
              spread(ours, false), spread(seed, false), spread(ours, true), spread(seed, true));
  EXPECT_LE(spread(ours, false), 1.01);
  // The measurement must see the seed's pulsing, or it proves nothing.
  EXPECT_GE(spread(seed, true), 1.2);
}

}  // namespace
}  // namespace droste::render

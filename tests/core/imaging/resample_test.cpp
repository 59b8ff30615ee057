// The shared resampler (core/imaging): what the zoom engine and the renderer both rely on.
#include "core/imaging/resample.h"

#include <gtest/gtest.h>

#include <QColor>
#include <QImage>

#include <cstdint>
#include <random>

namespace droste::imaging {
namespace {

constexpr ResampleFilter kFilters[] = {ResampleFilter::AreaSpline, ResampleFilter::Box, ResampleFilter::Cubic};

QImage noise(int width, int height, std::uint32_t seed) {
  std::mt19937 random(seed);
  QImage image(width, height, QImage::Format_RGB888);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < 3 * width; ++x) image.scanLine(y)[x] = uchar(random() & 255);
  return image;
}

double tapSum(const FilterTable& table, int i) {
  double sum = 0.0;
  for (int t = 0; t < table.taps; ++t) sum += table.weights[size_t(i) * table.taps + t];
  return sum;
}

TEST(ResampleFilterTable, WeightsSumToOneAndStayInsideTheSource) {
  for (const ResampleFilter filter : kFilters)
    for (const double scale : {0.3, 0.75, 1.0, 4.0 / 3.0, 1.5, 2.0, 3.7})
      for (const double offset : {0.0, -2.25, 5.5}) {
        const FilterTable table = makeFilterTable(-3, 40, scale, offset, 29, filter);
        for (int i = 0; i < 43; ++i) {
          EXPECT_NEAR(tapSum(table, i), 1.0, 1e-5) << "scale " << scale << ", pixel " << i;
          EXPECT_GE(table.first[i], 0);
          EXPECT_LE(table.first[i] + table.taps, 29);
        }
      }
}

// Halving exactly: every footprint ends on a whole source pixel, where the spline's window used to
// be read one past its end (AddressSanitizer; DROSTE_SANITIZE=address,undefined ./dev.sh test).
TEST(ResampleFilterTable, WholeNumberFootprintsStayInsideTheirWindow) {
  for (const double scale : {2.0, 4.0, 1.0}) {
    const FilterTable table = makeFilterTable(0, 64, scale, 0.0, int(64 * scale), ResampleFilter::AreaSpline);
    for (int i = 0; i < 64; ++i) {
      EXPECT_NEAR(tapSum(table, i), 1.0, 1e-5) << "scale " << scale << ", pixel " << i;
      EXPECT_GE(table.first[i], 0);
      EXPECT_LE(table.first[i] + table.taps, int(64 * scale));
    }
  }
}

// Scale 1 on the pixel grid copies: the renderer shows a keyframe at z = k bit for bit through it.
TEST(Resample, OneToOneOnThePixelGridCopiesEveryFilter) {
  const QImage source = noise(37, 23, 1);
  for (const ResampleFilter filter : kFilters) {
    EXPECT_EQ(resized(source, source.size(), filter), source);
    EXPECT_EQ(resample(source, QRectF(5, 3, 20, 11), QSize(20, 11), filter), source.copy(5, 3, 20, 11));
  }
}

// Shrinking by a whole factor with the area filters is the block mean.
TEST(Resample, WholeFactorShrinkIsTheBlockMean) {
  QImage source(8, 8, QImage::Format_Grayscale8);
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) source.scanLine(y)[x] = uchar(((x / 2 + y / 2) % 2) * 200 + x);
  const QImage box = resized(source, QSize(4, 4), ResampleFilter::Box);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) {
      const int sum = source.scanLine(2 * y)[2 * x] + source.scanLine(2 * y)[2 * x + 1] +
                      source.scanLine(2 * y + 1)[2 * x] + source.scanLine(2 * y + 1)[2 * x + 1];
      EXPECT_NEAR(box.scanLine(y)[x], sum / 4.0, 0.5 + 1e-3) << x << "," << y;
    }
}

// A flat picture stays flat at any scale and offset (no colour change at the edges either).
TEST(Resample, FlatStaysFlat) {
  QImage flat(31, 17, QImage::Format_RGB888);
  flat.fill(QColor(12, 200, 77));
  for (const ResampleFilter filter : kFilters)
    for (const QSize size : {QSize(7, 5), QSize(64, 40), QSize(31, 17)}) {
      const QImage out = resample(flat, QRectF(-3.5, 2.25, 40.0, 11.0), size, filter);
      for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) ASSERT_EQ(out.pixelColor(x, y), QColor(12, 200, 77)) << x << "," << y;
    }
}

TEST(Resample, BoxNeverOvershoots) {
  QImage edge(16, 4, QImage::Format_Grayscale8);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 16; ++x) edge.scanLine(y)[x] = x < 8 ? 10 : 240;
  for (const int width : {5, 11, 29, 64}) {
    const QImage out = resized(edge, QSize(width, 4), ResampleFilter::Box);
    for (int x = 0; x < width; ++x) {
      EXPECT_GE(out.scanLine(1)[x], 10);
      EXPECT_LE(out.scanLine(1)[x], 240);
    }
  }
}

TEST(Resample, RefusesEmptyInput) {
  EXPECT_THROW(resized(QImage(), QSize(4, 4)), std::invalid_argument);
  EXPECT_THROW(resized(noise(4, 4, 2), QSize(0, 4)), std::invalid_argument);
  EXPECT_THROW(resample(noise(4, 4, 2), QRectF(0, 0, 0, 4), QSize(4, 4)), std::invalid_argument);
}

}  // namespace
}  // namespace droste::imaging

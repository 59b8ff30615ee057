#pragma once
// A test image that can be evaluated at any scale: a sum of sinusoids over many octaves, each
// pixel the exact area average of the continuous image over the pixel's square.
#include <QImage>
#include <QSize>

#include <algorithm>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace droste::test {

class SinusoidScene {
 public:
  // Frequencies from minCycles to maxCycles cycles per world unit, `perOctave` waves per octave of
  // equal amplitude (equal energy per octave, like natural images), random directions and phases.
  // colourSpread: how far (radians, at most pi) the three channels' phases may differ; small values give
  // detail mostly in brightness, as in photographs.
  SinusoidScene(double minCycles, double maxCycles, int perOctave, double amplitude, uint32_t seed, double colourSpread = M_PI) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int octaves = int(std::ceil(std::log2(maxCycles / minCycles)));
    for (int o = 0; o < octaves; ++o) {
      for (int i = 0; i < perOctave; ++i) {
        const double f = minCycles * std::pow(2.0, o + unit(rng));
        const double angle = 2.0 * M_PI * unit(rng);
        Wave w;
        w.u = f * std::cos(angle);
        w.v = f * std::sin(angle);
        const double base = 2.0 * M_PI * unit(rng);
        for (double& phase : w.phase) phase = base + colourSpread * (2.0 * unit(rng) - 1.0);
        w.amplitude = amplitude;
        waves_.push_back(w);
      }
    }
  }

  // The square [-width/2, width/2]² (centred on the origin) as pixels² area-averaged pixels.
  // Throws if a value leaves [0, 255] (the 8-bit image would no longer be an exact average).
  QImage render(double width, int pixels) const { return render(width, pixels, QSize(pixels, pixels)); }

  // The centred crop `crop` of that image (what a 16:9 frame shows of the square view).
  QImage render(double width, int pixels, QSize crop) const {
    const double pitch = width / pixels;
    const int W = crop.width(), H = crop.height();
    const int left = (pixels - W) / 2, top = (pixels - H) / 2;
    std::vector<double> acc(size_t(W) * H * 3, 127.5);
    std::vector<double> sx(W), cx(W), sy(H), cy(H);
    for (const Wave& w : waves_) {
      const double box = sinc(w.u * pitch) * sinc(w.v * pitch) * w.amplitude;
      for (int c = 0; c < 3; ++c) {
        for (int i = 0; i < W; ++i) {
          const double pos = -width / 2.0 + (left + i + 0.5) * pitch;
          sx[i] = std::sin(2.0 * M_PI * w.u * pos + w.phase[c]);
          cx[i] = std::cos(2.0 * M_PI * w.u * pos + w.phase[c]);
        }
        for (int i = 0; i < H; ++i) {
          const double pos = -width / 2.0 + (top + i + 0.5) * pitch;
          sy[i] = std::sin(2.0 * M_PI * w.v * pos) * box;
          cy[i] = std::cos(2.0 * M_PI * w.v * pos) * box;
        }
        for (int y = 0; y < H; ++y) {
          double* row = acc.data() + size_t(y) * W * 3 + c;
          for (int x = 0; x < W; ++x) row[3 * x] += sx[x] * cy[y] + cx[x] * sy[y];  // sin(a + b)
        }
      }
    }
    QImage image(W, H, QImage::Format_RGB888);
    for (int y = 0; y < H; ++y) {
      uchar* line = image.scanLine(y);
      const double* row = acc.data() + size_t(y) * W * 3;
      for (int i = 0; i < W * 3; ++i) {
        if (row[i] < -0.5 || row[i] > 255.5) throw std::runtime_error("scene leaves the 8-bit range; lower the amplitude");
        line[i] = uchar(std::lround(std::clamp(row[i], 0.0, 255.0)));
      }
    }
    return image;
  }

 private:
  struct Wave {
    double u = 0, v = 0, amplitude = 0;
    double phase[3] = {0, 0, 0};
  };
  static double sinc(double t) { return std::abs(t) < 1e-12 ? 1.0 : std::sin(M_PI * t) / (M_PI * t); }
  std::vector<Wave> waves_;
};

// PSNR over R, G, B of two images of the same size (any formats).
inline double psnr(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) throw std::invalid_argument("psnr: sizes differ");
  const QImage x = a.convertToFormat(QImage::Format_RGB888), y = b.convertToFormat(QImage::Format_RGB888);
  double sum = 0;
  for (int r = 0; r < x.height(); ++r) {
    const uchar* p = x.constScanLine(r);
    const uchar* q = y.constScanLine(r);
    for (int i = 0; i < x.width() * 3; ++i) {
      const double d = double(p[i]) - double(q[i]);
      sum += d * d;
    }
  }
  const double mse = sum / (double(x.width()) * x.height() * 3);
  return mse == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

}  // namespace droste::test

#include "core/zoom/color_match.h"

#include "core/zoom/padding.h"

#include <algorithm>
#include <cmath>

namespace droste::zoom {
namespace {

struct Stats {
  double sum[3] = {0, 0, 0};
  double sq[3] = {0, 0, 0};
  long long n = 0;
  void add(const uchar* p) {
    for (int c = 0; c < 3; ++c) {
      sum[c] += p[c];
      sq[c] += double(p[c]) * p[c];
    }
    ++n;
  }
  double mean(int c) const { return sum[c] / double(n); }
  double sd(int c) const { return std::sqrt(std::max(0.0, sq[c] / double(n) - mean(c) * mean(c))); }
};

}  // namespace

void matchRingColors(QImage& canvas, const QImage& blend, int band) {
  // The seam neighbourhood: pixels within `band` of the other kind, found by blurring the blend mask.
  const QImage near = boxBlur(blend, std::max(1, band / 2), 2);
  Stats kept, ring;
  for (int y = 0; y < canvas.height(); ++y) {
    const uchar* px = canvas.constScanLine(y);
    const uchar* b = blend.constScanLine(y);
    const uchar* n = near.constScanLine(y);
    for (int x = 0; x < canvas.width(); ++x) {
      if (b[x] == 0 && n[x] > 0) kept.add(px + 3 * x);
      else if (b[x] == 255 && n[x] < 255) ring.add(px + 3 * x);
    }
  }
  if (kept.n < 16 || ring.n < 16) return;
  double gain[3], offset[3];
  for (int c = 0; c < 3; ++c) {
    gain[c] = ring.sd(c) > 1.0 ? std::clamp(kept.sd(c) / ring.sd(c), 0.5, 2.0) : 1.0;
    offset[c] = kept.mean(c) - gain[c] * ring.mean(c);
  }
  for (int y = 0; y < canvas.height(); ++y) {
    uchar* px = canvas.scanLine(y);
    const uchar* b = blend.constScanLine(y);
    for (int x = 0; x < canvas.width(); ++x) {
      if (b[x] == 0) continue;
      const double a = b[x] / 255.0;
      for (int c = 0; c < 3; ++c) {
        const double v = px[3 * x + c];
        const double matched = gain[c] * v + offset[c];
        px[3 * x + c] = static_cast<uchar>(std::clamp(std::lround(v + a * (matched - v)), 0L, 255L));
      }
    }
  }
}

}  // namespace droste::zoom

#include "core/zoom/masks.h"

#include <algorithm>
#include <climits>
#include <stdexcept>

namespace droste::zoom {
namespace {

// Ramp value for a kept pixel at distance d (0 = first pixel inside) from a new region.
uchar ramp(int d, int overlap) {
  if (d >= overlap) return 0;
  return static_cast<uchar>(std::lround(255.0 * double(overlap - d) / double(overlap + 1)));
}

OutpaintMask blank(QSize canvas) {
  OutpaintMask m{QImage(canvas, QImage::Format_Grayscale8), QImage(canvas, QImage::Format_Grayscale8)};
  m.paint.fill(0);
  m.blend.fill(0);
  return m;
}

// Row pointers of both masks (scanLine() on a non-const QImage checks for sharing on every call).
struct Rows {
  uchar* paint;
  uchar* blend;
  void set(int x, uchar value) {
    blend[x] = std::max(blend[x], value);
    if (value > 0) paint[x] = 255;
  }
};
Rows rows(OutpaintMask& m, int y) { return {m.paint.scanLine(y), m.blend.scanLine(y)}; }

// Which part of the ring a new pixel (outside keep) belongs to.
Side partOf(int x, int y, const QRect& k) {
  if (x < k.left()) return Side::Left;
  if (y < k.top()) return Side::Top;
  if (x > k.right()) return Side::Right;
  return Side::Bottom;
}

}  // namespace

OutpaintMask ringMask(QSize canvas, const QRect& keep, int overlap) {
  if (!QRect(QPoint(0, 0), canvas).contains(keep)) throw std::invalid_argument("ringMask: keep outside the canvas");
  OutpaintMask m = blank(canvas);
  const bool openL = keep.left() > 0, openT = keep.top() > 0;
  const bool openR = keep.right() < canvas.width() - 1, openB = keep.bottom() < canvas.height() - 1;
  for (int y = 0; y < canvas.height(); ++y) {
    Rows row = rows(m, y);
    for (int x = 0; x < canvas.width(); ++x) {
      if (x < keep.left() || x > keep.right() || y < keep.top() || y > keep.bottom()) {
        row.set(x, 255);
        continue;
      }
      int d = INT_MAX;
      if (openL) d = std::min(d, x - keep.left());
      if (openT) d = std::min(d, y - keep.top());
      if (openR) d = std::min(d, keep.right() - x);
      if (openB) d = std::min(d, keep.bottom() - y);
      if (d != INT_MAX) row.set(x, ramp(d, overlap));
    }
  }
  return m;
}

OutpaintMask sideMask(QSize canvas, const QRect& keep, Side side, int overlap) {
  if (!QRect(QPoint(0, 0), canvas).contains(keep)) throw std::invalid_argument("sideMask: keep outside the canvas");
  OutpaintMask m = blank(canvas);
  for (int y = 0; y < canvas.height(); ++y) {
    Rows row = rows(m, y);
    for (int x = 0; x < canvas.width(); ++x) {
      if (x < keep.left() || x > keep.right() || y < keep.top() || y > keep.bottom()) {
        if (partOf(x, y, keep) == side) row.set(x, 255);
        continue;
      }
      int d = INT_MAX;  // distance to this side's new part, only where that side is open
      switch (side) {
        case Side::Left: if (keep.left() > 0) d = x - keep.left(); break;
        case Side::Top: if (keep.top() > 0) d = y - keep.top(); break;
        case Side::Right: if (keep.right() < canvas.width() - 1) d = keep.right() - x; break;
        case Side::Bottom: if (keep.bottom() < canvas.height() - 1) d = keep.bottom() - y; break;
      }
      if (d != INT_MAX) row.set(x, ramp(d, overlap));
    }
  }
  return m;
}

QImage blendByMask(const QImage& over, const QImage& under, const QImage& alpha) {
  QImage out = under.copy();
  for (int y = 0; y < out.height(); ++y) {
    const uchar* a = alpha.constScanLine(y);
    const uchar* o = over.constScanLine(y);
    uchar* u = out.scanLine(y);
    for (int x = 0; x < out.width(); ++x) {
      if (a[x] == 0) continue;
      for (int c = 0; c < 3; ++c) u[3 * x + c] = uchar((o[3 * x + c] * a[x] + u[3 * x + c] * (255 - a[x]) + 127) / 255);
    }
  }
  return out;
}

long long countNonZero(const QImage& gray8) {
  long long n = 0;
  for (int y = 0; y < gray8.height(); ++y) {
    const uchar* row = gray8.constScanLine(y);
    for (int x = 0; x < gray8.width(); ++x) n += row[x] != 0;
  }
  return n;
}

}  // namespace droste::zoom

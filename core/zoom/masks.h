#pragma once
// Outpaint masks. The paint mask covers exactly the new pixels (everything outside the kept rectangle)
// plus an optional overlap band of `overlap` pixels into the old picture. The blend mask says how much of
// the painted picture replaces the canvas when the kept pixels are pasted back: 255 on new pixels, a
// linear ramp across the overlap band (feathered seam), 0 on the rest of the old picture.
#include <QImage>
#include <QRect>
#include <QSize>

namespace droste::zoom {

struct OutpaintMask {
  QImage paint;  // Format_Grayscale8, 0 or 255
  QImage blend;  // Format_Grayscale8, 0..255
};

// All of the canvas outside `keep` is new. Sides of `keep` that touch the canvas border get no overlap.
OutpaintMask ringMask(QSize canvas, const QRect& keep, int overlap);

// One side of the ring around `keep`, for sequential outpainting on a fixed canvas. The four parts cover
// the ring exactly once: Left = every pixel left of keep; Top = above keep and not left of it; Right =
// right of keep and not above it; Bottom = below keep, between its left and right edges.
enum class Side { Left, Top, Right, Bottom };
OutpaintMask sideMask(QSize canvas, const QRect& keep, Side side, int overlap);

// over * a + under * (1 - a) per RGB888 pixel, a = alpha / 255 (Grayscale8, the same size): `under` comes
// back exactly where alpha is 0 (paste-back of kept pixels, a feathered seam).
QImage blendByMask(const QImage& over, const QImage& under, const QImage& alpha);

// Number of pixels with value > 0.
long long countNonZero(const QImage& gray8);

}  // namespace droste::zoom

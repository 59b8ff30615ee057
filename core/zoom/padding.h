#pragma once
// Pre-fill of the new ring before the painter sees it.
#include "core/zoom/zoom_types.h"

#include <QImage>

namespace droste::zoom {

// `src` placed at (left, top) of a (w + left + right) x (h + top + bottom) canvas, the rest filled by `mode`.
// Result is Format_RGB888. The src pixels are copied exactly.
QImage padImage(const QImage& src, int left, int top, int right, int bottom, PaddingMode mode);

// Separable box blur repeated `passes` times (3 passes approximate a Gaussian of sigma ~ radius*0.8).
// Format_RGB888 or Format_Grayscale8; edges repeat.
QImage boxBlur(const QImage& src, int radius, int passes = 3);

// A strong, cheap blur: shrinks by `factor`, box-blurs there, and scales back up.
QImage softBlur(const QImage& src, int radius, int factor = 4);

}  // namespace droste::zoom

#pragma once
// Colour matching of a newly painted ring to the kept picture next to it: a per-channel gain and offset
// that gives the ring's band along the seam the mean and spread of the kept band on the other side.
#include <QImage>

namespace droste::zoom {

// canvas: Format_RGB888, modified in place. blend: the blend mask (255 = new, 0 = kept). band: width in
// pixels of the two bands compared. Pixels are changed in proportion to their blend value.
void matchRingColors(QImage& canvas, const QImage& blend, int band);

}  // namespace droste::zoom

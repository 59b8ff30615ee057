#pragma once
// The 8-bit formats the zoom engine works in: RGB888 pictures and Grayscale8 masks.
#include <QImage>

namespace droste::imaging {

inline QImage toRgb888(const QImage& image) {
  return image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
}

inline QImage toGray8(const QImage& image) {
  return image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
}

}  // namespace droste::imaging

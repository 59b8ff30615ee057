// libFuzzer target for image import: any bytes decoded as a picture (PNG, JPEG, … by Qt's readers, as the
// app's "Import start image", "Replace with a picture…" and drag and drop do) and fitted into keyframes
// of several shapes, cropped and padded. Qt's decoders are not instrumented; our fitting and resampling
// are. A crash, a sanitizer report or a fitted picture of the wrong size or format is a bug.
#include "core/zoom/outpaint.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>

#include <cstddef>
#include <cstdint>
#include <exception>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");  // image plug-ins want an application object
  static QGuiApplication app(*argc, *argv);
  QImageReader::setAllocationLimit(64);  // MB: a huge header must be refused, not allocated
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::ReadOnly);
  QImageReader reader(&buffer);
  reader.setAutoTransform(true);
  const QImage picture = reader.read();
  if (picture.isNull()) return 0;
  for (const QSize keyframe : {QSize(64, 64), QSize(96, 54), QSize(48, 96)})
    for (const auto fit : {droste::zoom::ImportFit::CenterCrop, droste::zoom::ImportFit::Pad}) {
      try {
        const QImage fitted = droste::zoom::fitImportedImage(picture, keyframe, fit);
        if (fitted.size() != keyframe || fitted.format() != QImage::Format_RGB888) __builtin_trap();
      } catch (const std::exception&) {
      }
    }
  return 0;
}

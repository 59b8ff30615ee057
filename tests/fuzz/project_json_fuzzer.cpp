// libFuzzer target for project.json itself: the input is the JSON document, wrapped here into a valid
// .droste archive (correct CRCs) next to two small keyframe pictures, so that mutations reach the
// settings and keyframe readers instead of stopping at the ZIP's checksum (project_file_fuzzer's fate).
// Every rejection must be an exception derived from std::exception; an accepted project must keep the
// promises the app relies on (valid settings, keyframe pictures of the project's size).
#include "core/io/zip_store.h"
#include "core/zoom/project_file.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <unistd.h>

namespace {

QString scratchFile() {
  static const QString path = QStringLiteral("/tmp/droste-fuzz-project-json-%1.droste").arg(::getpid());
  return path;
}

QByteArray png(int width, int height) {
  QImage image(width, height, QImage::Format_RGB888);
  image.fill(Qt::darkCyan);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");  // QImage's PNG codec wants an application object
  static QGuiApplication app(*argc, *argv);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const QByteArray square = png(64, 64), wide = png(256, 144);
  const droste::io::ZipEntries entries{
      {QStringLiteral("project.json"), QByteArray(reinterpret_cast<const char*>(data), qsizetype(size))},
      {QStringLiteral("keyframes/0000.png"), square},
      {QStringLiteral("keyframes/0001.png"), wide},
  };
  {
    QFile file(scratchFile());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) __builtin_trap();
    file.write(droste::io::writeStoredZip(entries));
  }
  try {
    const droste::zoom::ProjectData project = droste::zoom::loadProjectFile(scratchFile());
    project.settings.outpaint.validate();  // accepted settings are valid ones
    const QSize keyframe = project.settings.outpaint.keyframeSize();
    for (const droste::zoom::Keyframe& k : project.keyframes)
      if (!k.image.isNull() && k.image.size() != keyframe) __builtin_trap();
    if (project.renderCopies)  // accepted render copies are whole: every picture there, of their size
      for (const QImage& copy : project.renderCopies->images)
        if (copy.isNull() || copy.size() != project.renderCopies->size()) __builtin_trap();
  } catch (const std::exception&) {
  }
  return 0;
}

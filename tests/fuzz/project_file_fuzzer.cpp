// libFuzzer target for the project file (.droste): the ZIP container, project.json and the keyframe
// PNGs, as loadProjectFile reads them from disk. Every rejection must be an exception derived from
// std::exception (the app shows its message); a crash, a hang or a sanitizer report is a bug, and so
// is an accepted project whose keyframe pictures break the promises the renderer relies on.
#include "core/zoom/project_file.h"

#include <QFile>
#include <QGuiApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <unistd.h>

namespace {

QString scratchFile() {
  static const QString path = QStringLiteral("/tmp/droste-fuzz-project-%1.droste").arg(::getpid());
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  // QImage's PNG reader wants an application object (no display: the offscreen platform).
  qputenv("QT_QPA_PLATFORM", "offscreen");
  static QGuiApplication app(*argc, *argv);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    QFile file(scratchFile());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) __builtin_trap();
    file.write(reinterpret_cast<const char*>(data), qint64(size));
  }
  try {
    const droste::zoom::ProjectData project = droste::zoom::loadProjectFile(scratchFile());
    const QSize size = project.settings.outpaint.keyframeSize();
    for (const droste::zoom::Keyframe& k : project.keyframes)
      if (!k.image.isNull() && k.image.size() != size) __builtin_trap();
  } catch (const std::exception&) {
  }
  return 0;
}

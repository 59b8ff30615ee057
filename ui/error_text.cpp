#include "ui/error_text.h"

namespace droste::ui {

QString ErrorText::adviceFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ModelUnusable:
      return tr("Choose another model in Settings → Models, or download one there.");
    case ErrorKind::PrecisionNotHere:
      return tr("Choose another device or precision in Settings → General.");
    case ErrorKind::OutOfMemoryCpu:
      return tr("Use a smaller keyframe size, choose bf16 precision in Settings → General, or close other programs.");
    case ErrorKind::OutOfMemoryGpu:
      return tr("Use a smaller keyframe size, choose fp16 precision in Settings → General, or paint on the CPU.");
    case ErrorKind::Overflow:
      return tr("Choose a higher precision in Settings → General: fp32 is exact.");
    case ErrorKind::Disk:
      return tr("Check that the folder exists, that you may write there, and that the disk has room.");
    case ErrorKind::Failed:
    case ErrorKind::BadInput:
      break;
  }
  return {};
}

}  // namespace droste::ui

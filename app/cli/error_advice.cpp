#include "app/cli/error_advice.h"

namespace droste::cli {

std::string adviceFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ModelUnusable: return "`droste-cli models` lists the usable ones";
    case ErrorKind::PrecisionNotHere: return "choose another with --dtype or --device; `droste-cli info` says what runs here";
    case ErrorKind::OutOfMemoryCpu: return "use a smaller picture, --dtype bf16, or close other programs";
    case ErrorKind::OutOfMemoryGpu: return "use a smaller picture, --dtype fp16, or --device cpu";
    case ErrorKind::Overflow: return "run again with --dtype fp32 (exact)";
    case ErrorKind::Disk: return "check that the folder exists, is writable and has room";
    case ErrorKind::Failed:
    case ErrorKind::BadInput: break;
  }
  return {};
}

std::string withAdvice(const std::string& message, ErrorKind kind) {
  const std::string advice = adviceFor(kind);
  return advice.empty() ? message : message + " (" + advice + ")";
}

}  // namespace droste::cli

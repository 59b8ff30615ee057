#pragma once
// One error vocabulary for the whole engine: a kind, which decides what the artist can do about it, and
// a message, which says what happened (the file, the size, the step) and carries no advice. Each front
// end adds the advice for the kind in its own terms: the app translated and pointing at its settings
// (ui/error_text.h), the command line pointing at its flags (app/cli/error_advice.h). Plain C++ (no Qt,
// no torch), for every layer; a cancel is not an error (core/cancellation.h).
#include <new>
#include <stdexcept>
#include <string>

namespace droste {

enum class ErrorKind {
  Failed,            // no more useful kind: the message is all there is (a library's own words)
  BadInput,          // a picture, size or setting the engine cannot take
  ModelUnusable,     // missing, broken or unsupported model files
  PrecisionNotHere,  // the chosen device or precision does not run on this machine
  OutOfMemoryCpu,    // the computer's memory ran out
  OutOfMemoryGpu,    // the GPU's memory ran out
  Overflow,          // the picture became NaN/infinite at a reduced precision
  Disk,              // a file or folder could not be read or written
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// The kind of any exception: an Error's own; running out of memory in new is OutOfMemoryCpu.
inline ErrorKind errorKindOf(const std::exception& e) {
  if (const auto* error = dynamic_cast<const Error*>(&e)) return error->kind();
  if (dynamic_cast<const std::bad_alloc*>(&e)) return ErrorKind::OutOfMemoryCpu;
  if (dynamic_cast<const std::invalid_argument*>(&e)) return ErrorKind::BadInput;
  return ErrorKind::Failed;
}

}  // namespace droste

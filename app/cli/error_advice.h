#pragma once
// The command line's words for the engine's error kinds (core/errors.h): what to do about it with
// droste-cli's own flags. The app says the same with its settings (ui/error_text.h).
#include "core/errors.h"

#include <string>

namespace droste::cli {

// Empty when the message says it all.
std::string adviceFor(ErrorKind kind);

// "message" or "message (advice)": the one line a failed command prints after its name.
std::string withAdvice(const std::string& message, ErrorKind kind);

}  // namespace droste::cli

#pragma once
// The error of a model file that cannot be used. Torch-free, so that the parsers of model folders
// (tokenizer, configs) and their fuzzers need no libtorch.
#include "core/errors.h"

#include <string>

namespace droste::io {

// A model file that cannot be used; the message names the file (and tensor) and says why.
class ModelFileError : public Error {
 public:
  explicit ModelFileError(const std::string& message, ErrorKind kind = ErrorKind::ModelUnusable)
      : Error(kind, message) {}
};

}  // namespace droste::io

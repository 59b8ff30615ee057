#pragma once
// The one exception type of the Hub download, with a kind the UI can branch on (offer a token field
// for Unauthorized, a retry button for Offline) and a message an artist can act on.
#include <stdexcept>
#include <string>

namespace droste::hub {

class HubError : public std::runtime_error {
 public:
  enum class Kind {
    Offline,       // no connection to the endpoint (or HF_HUB_OFFLINE is set)
    Unauthorized,  // 401: gated or private model and no (valid) token
    Forbidden,     // 403: the token has no access (gated model whose conditions were not accepted)
    NotFound,      // 404: no such model, revision or file
    NoUsableFiles, // the repo has no fp16/fp32 .safetensors weights Droste can use (pickles only, ...)
    DiskFull,      // not enough free space for what is still missing
    Disk,          // writing into the cache failed (permissions, a folder that cannot be made): not the Hub's fault
    Integrity,     // size or checksum differs from the Hub's metadata
    Server,        // any other HTTP failure or malformed answer
    Cancelled,     // cancel() was called; partial files are kept for a resume
  };
  HubError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace droste::hub

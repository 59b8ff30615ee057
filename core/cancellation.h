#pragma once
// The one way long work stops when the artist cancels: the work polls an atomic flag at its natural
// points (a denoising step, a band of rows, a video frame) and throws Cancelled; whoever started the job
// catches it and reports "cancelled", never a failure. Plain C++ (no Qt, no torch), for every layer.
#include <atomic>
#include <stdexcept>

namespace droste {

class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("Cancelled") {}
};

// Throws Cancelled when *cancel is set (a null flag never cancels).
inline void throwIfCancelled(const std::atomic_bool* cancel) {
  if (cancel && cancel->load()) throw Cancelled();
}

}  // namespace droste

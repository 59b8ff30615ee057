#include "core/render/keyframe_stack.h"

#include <stdexcept>
#include <string>

namespace droste::render {

double zoomRatio(const KeyframeStack& stack) {
  return double(stack.size + 2 * stack.outpaint) / double(stack.size);
}

void validate(const KeyframeStack& stack) {
  if (stack.keyframes.empty()) throw std::invalid_argument("The keyframe chain is empty: generate at least one keyframe.");
  if (stack.size < 8) throw std::invalid_argument("Keyframe size " + std::to_string(stack.size) + " is too small (at least 8 pixels).");
  if (stack.outpaint <= 0)
    throw std::invalid_argument("Outpaint width must be positive (got " + std::to_string(stack.outpaint) + " pixels).");
  for (size_t k = 0; k < stack.keyframes.size(); ++k) {
    const QImage& img = stack.keyframes[k];
    if (img.isNull()) throw std::invalid_argument("Keyframe " + std::to_string(k) + " has no image.");
    if (img.width() != stack.size || img.height() != stack.size)
      throw std::invalid_argument("Keyframe " + std::to_string(k) + " is " + std::to_string(img.width()) + "x" +
                                  std::to_string(img.height()) + " but the chain's size is " + std::to_string(stack.size) +
                                  "x" + std::to_string(stack.size) + ".");
  }
}

}  // namespace droste::render

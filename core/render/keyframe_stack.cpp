#include "core/render/keyframe_stack.h"

#include <QCryptographicHash>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace droste::render {

double zoomRatio(const KeyframeStack& stack) {
  const int longSide = std::max(stack.width, stack.height);
  return double(longSide + 2 * stack.outpaint) / double(longSide);
}

QByteArray fingerprint(const KeyframeStack& stack) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  const QByteArray geometry = QByteArray::number(stack.width) + 'x' + QByteArray::number(stack.height) + '+' +
                              QByteArray::number(stack.outpaint) + (stack.centresPasted ? "p" : "b");
  hash.addData(geometry);
  for (const QImage& keyframe : stack.keyframes) {
    const QImage rgb = keyframe.convertToFormat(QImage::Format_RGB888);
    for (int y = 0; y < rgb.height(); ++y)
      hash.addData(QByteArrayView(reinterpret_cast<const char*>(rgb.constScanLine(y)), 3 * rgb.width()));
  }
  return hash.result().toHex();
}

void validate(const KeyframeStack& stack) {
  const auto size = [](int w, int h) { return std::to_string(w) + "x" + std::to_string(h); };
  if (stack.keyframes.empty()) throw std::invalid_argument("The keyframe chain is empty: generate at least one keyframe.");
  if (std::min(stack.width, stack.height) < 8)
    throw std::invalid_argument("Keyframe size " + size(stack.width, stack.height) + " is too small (at least 8 pixels).");
  if (stack.outpaint <= 0)
    throw std::invalid_argument("Outpaint width must be positive (got " + std::to_string(stack.outpaint) + " pixels).");
  for (size_t k = 0; k < stack.keyframes.size(); ++k) {
    const QImage& img = stack.keyframes[k];
    if (img.isNull()) throw std::invalid_argument("Keyframe " + std::to_string(k) + " has no image.");
    if (img.width() != stack.width || img.height() != stack.height)
      throw std::invalid_argument("Keyframe " + std::to_string(k) + " is " + size(img.width(), img.height()) +
                                  " but the chain's size is " + size(stack.width, stack.height) + ".");
  }
}

}  // namespace droste::render

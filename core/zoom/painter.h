#pragma once
// A painter turns (padded picture, mask, prompt, seed) into a painted picture of the same size.
// Outpainting (direct or sequential) is painter-agnostic: it only calls paint().
#include "core/cancellation.h"

#include <QImage>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>

namespace droste::zoom {

struct PaintRequest {
  QImage image;  // Format_RGB888, width and height multiples of 8; masked pixels hold the padding pre-fill
  QImage mask;   // Format_Grayscale8, same size; 255 = repaint, 0 = keep
  QString prompt;
  QString negativePrompt;
  std::uint64_t seed = 0;
  int steps = 25;
  double guidance = 7.5;
  QString scheduler;  // empty = the model's own
  // strength 1 = ignore the masked pixels; below 1 the model starts from the re-noised picture (the draft
  // painter then keeps the picture and adds detail in proportion). pasteBack puts the unmasked original
  // pixels back (outpainting blends them back itself, feathered).
  double strength = 1.0;
  bool pasteBack = false;
};

struct PaintProgress {
  int step = 0;   // steps done
  int total = 0;  // steps in this generation
  QImage preview; // cheap preview of the picture so far (may be smaller than the canvas); may be null
};
using PaintProgressFn = std::function<void(const PaintProgress&)>;

class Painter {
 public:
  virtual ~Painter() = default;
  // Returns the painted picture, Format_RGB888, the request's size. Throws droste::Cancelled (core/cancellation.h) when *cancel
  // becomes true (checked at least once per step), std::runtime_error with a readable message on failure.
  virtual QImage paint(const PaintRequest& request, const PaintProgressFn& progress = {},
                       const std::atomic_bool* cancel = nullptr) = 0;
  virtual QString name() const = 0;
};

}  // namespace droste::zoom

#pragma once
// Closing the loop, the Droste effect: a chain of N keyframes becomes one whose zoom never ends. The
// outermost keyframe becomes keyframe 0; each keyframe takes the (new) one inside it into its centre,
// keyframe 1 with its seam band repainted (its ring was painted around the old keyframe 0). As keyframe
// N-1 holds keyframe 0 in its centre and keyframe 0 is keyframe N-1, this repeats until the two agree
// (each round changes a part 1/ratio^(N-1) as large, until it is under a pixel). Then zoom position N-1 shows
// what zoom position 0 shows, and a video of positions [0, N-1) plays in a seamless loop.
#include "core/zoom/painter.h"
#include "core/zoom/zoom_types.h"

#include <QImage>

#include <atomic>
#include <vector>

namespace droste::zoom {

// At least 3 keyframes (2 zoom steps): with fewer, keyframe 1 would have to hold itself.
inline constexpr int kMinimumLoopKeyframes = 3;

struct ClosedLoop {
  std::vector<QImage> keyframes;  // the same count, W x H, Format_RGB888
  int rounds = 0;                 // rounds until keyframe N-1 and keyframe 0 agreed
  int largestDifference = 0;      // between keyframe 0 and keyframe N-1 after the last round (at most 1 when
                                  // they agreed; keyframe 0 is then set to keyframe N-1 exactly)
};

// `base` carries prompt, negative prompt, seed, steps, guidance and scheduler of the seam repaint.
// Throws std::invalid_argument for a chain too short or of the wrong size; droste::Cancelled.
ClosedLoop closeLoop(const std::vector<QImage>& chain, const OutpaintOptions& options, Painter& painter,
                     const PaintRequest& base, const PaintProgressFn& progress = {},
                     const std::atomic_bool* cancel = nullptr);

}  // namespace droste::zoom

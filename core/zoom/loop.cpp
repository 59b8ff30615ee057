#include "core/zoom/loop.h"

#include "core/imaging/pixel_formats.h"
#include "core/zoom/seam.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace droste::zoom {
namespace {

// The changed part shrinks by ratio^(N-1) a round: under a pixel after log(long side) / log(ratio^(N-1))
// rounds, 5 to 7 for a 512 px chain of 4 keyframes with a 128 px ring, about 50 for the thinnest ring and
// the shortest chain. Each round only resamples, milliseconds per keyframe.
constexpr int kMaximumRounds = 64;

int largestDifference(const QImage& a, const QImage& b) {
  int worst = 0;
  for (int y = 0; y < a.height(); ++y) {
    const uchar* p = a.constScanLine(y);
    const uchar* q = b.constScanLine(y);
    for (int i = 0; i < 3 * a.width(); ++i) worst = std::max(worst, std::abs(int(p[i]) - int(q[i])));
  }
  return worst;
}

}  // namespace

ClosedLoop closeLoop(const std::vector<QImage>& chainIn, const OutpaintOptions& options, Painter& painter,
                     const PaintRequest& base, const PaintProgressFn& progress, const std::atomic_bool* cancel) {
  options.validate();
  const int n = int(chainIn.size());
  if (n < kMinimumLoopKeyframes)
    throw std::invalid_argument("Closing the loop needs at least " + std::to_string(kMinimumLoopKeyframes) +
                                " keyframes (it has " + std::to_string(n) + "): add keyframes first");
  std::vector<QImage> chain;
  for (const QImage& k : chainIn) {
    if (k.size() != options.keyframeSize()) throw std::invalid_argument("A keyframe is not the project's keyframe size");
    chain.push_back(imaging::toRgb888(k));
  }
  // Round 1: keyframe 0 becomes the outermost one; keyframe 1 takes it in and gets a new seam.
  chain[0] = chain[n - 1];
  chain[1] = repaintSeam(pasteInnerKeyframe(chain[1], chain[0], options), options, painter, base, progress, cancel);
  for (int k = 2; k < n; ++k) chain[k] = pasteInnerKeyframe(chain[k], chain[k - 1], options);
  ClosedLoop result;
  result.rounds = 1;
  result.largestDifference = largestDifference(chain[0], chain[n - 1]);
  // Later rounds only carry the change inwards (the repainted seam and its feather stay): each shrinks it
  // by ratio^(N-1).
  const QRect insideSeam = seamInside(options);
  // Within one level the ends agree (8-bit rounding can keep a last level flickering between rounds).
  while (result.largestDifference > 1 && result.rounds < kMaximumRounds) {
    throwIfCancelled(cancel);
    chain[0] = chain[n - 1];
    chain[1] = pasteInnerKeyframe(chain[1], chain[0], options, insideSeam);
    for (int k = 2; k < n; ++k) chain[k] = pasteInnerKeyframe(chain[k], chain[k - 1], options);
    ++result.rounds;
    result.largestDifference = largestDifference(chain[0], chain[n - 1]);
  }
  chain[0] = chain[n - 1];  // exactly: the loop's two ends are one picture
  result.keyframes = std::move(chain);
  return result;
}

}  // namespace droste::zoom

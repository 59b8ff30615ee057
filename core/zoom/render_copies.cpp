#include "core/zoom/render_copies.h"

#include "core/cancellation.h"
#include "core/imaging/pixel_formats.h"
#include "core/imaging/resample.h"
#include "core/render/zoom_renderer.h"
#include "core/zoom/geometry.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace droste::zoom {
namespace {

std::string sizeText(QSize s) { return std::to_string(s.width()) + "x" + std::to_string(s.height()); }

int longSide(const render::KeyframeStack& s) { return std::max(s.width, s.height); }
int shortSide(const render::KeyframeStack& s) { return std::min(s.width, s.height); }

// Where keyframe k-1 lies inside keyframe k, in pixels of a picture of `size` (sub-pixel exact).
QRectF innerRect(QSize size, double ratio) {
  const double w = size.width() / ratio, h = size.height() / ratio;
  return QRectF((size.width() - w) / 2.0, (size.height() - h) / 2.0, w, h);
}

// Tile starts along one axis: n tiles of `tile` pixels over `length`, evenly spread, overlapping by at least
// `overlap` (one tile when it fits).
std::vector<int> tileStarts(int length, int tile, int overlap) {
  if (length <= tile) return {0};
  overlap = std::min(overlap, tile / 2);  // tiny keyframes: still a step forward
  const int n = int(std::ceil(double(length - overlap) / double(tile - overlap)));
  std::vector<int> starts(std::max(2, n));
  for (size_t i = 0; i < starts.size(); ++i)
    starts[i] = int(std::lround(double(i) * (length - tile) / double(starts.size() - 1)));
  return starts;
}

bool isClosedLoop(const render::KeyframeStack& stack) {
  return stack.keyframes.size() >= 3 && stack.keyframes.front() == stack.keyframes.back();
}

// The tile grid of a copy, and the tiles the detail pass paints in each copy: all of them, except those that
// lie wholly in the part that the copy inside replaces (paste-back), and none in copy 0 of a closed loop (it
// becomes the last copy).
struct TilePlan {
  std::vector<QRect> grid;
  std::vector<std::vector<QRect>> painted;  // per keyframe
};

TilePlan tilePlan(const render::KeyframeStack& stack, QSize copySize) {
  const QSize tile(stack.width, stack.height);
  const int overlap = std::max(16, std::min(tile.width(), tile.height()) / 8);
  TilePlan plan;
  for (int y : tileStarts(copySize.height(), tile.height(), overlap))
    for (int x : tileStarts(copySize.width(), tile.width(), overlap)) plan.grid.emplace_back(QPoint(x, y), tile);
  const double ratio = render::zoomRatio(stack);
  // Where paste-back replaces every pixel (the fade and the filter's reach kept clear).
  const int fade = int(std::ceil(render::innerLayerRamp(render::RenderOptions{}, ratio))) + 3;
  const QRect replaced = pixelsWhollyInside(innerRect(copySize, ratio)).adjusted(fade, fade, -fade, -fade);
  plan.painted.resize(stack.keyframes.size());
  for (size_t k = 0; k < plan.painted.size(); ++k) {
    if (k == 0 && isClosedLoop(stack)) continue;
    for (const QRect& r : plan.grid)
      if (!(k > 0 && stack.centresPasted && replaced.contains(r))) plan.painted[k].push_back(r);
  }
  return plan;
}

// Blend weight of a tile along one axis at local position t: ramps where a neighbour overlaps it.
float rampWeight(int t, int length, int overlapBefore, int overlapAfter) {
  float w = 1.0f;
  if (overlapBefore > 0 && t < overlapBefore) w *= (t + 0.5f) / float(overlapBefore);
  if (overlapAfter > 0 && t >= length - overlapAfter) w *= (length - t - 0.5f) / float(overlapAfter);
  return w;
}

// Overlap of tile `r` with its neighbours before / after it along x (or y) in the grid.
void neighbourOverlaps(const std::vector<QRect>& all, const QRect& r, bool horizontal, int& before, int& after) {
  before = after = 0;
  for (const QRect& o : all) {
    if (o == r) continue;
    const bool sameLine = horizontal ? o.top() == r.top() : o.left() == r.left();
    if (!sameLine) continue;
    const int a0 = horizontal ? r.left() : r.top(), a1 = horizontal ? r.right() + 1 : r.bottom() + 1;
    const int b0 = horizontal ? o.left() : o.top(), b1 = horizontal ? o.right() + 1 : o.bottom() + 1;
    if (b0 < a0 && b1 > a0) before = std::max(before, b1 - a0);
    if (b0 > a0 && b0 < a1) after = std::max(after, a1 - b0);
  }
}

// The painter's low-strength repaint of each planned tile, blended into `copy` across the overlaps with
// weights that sum to one wherever tiles meet (where no tile was painted, the enlargement stays).
void detailCopy(QImage& copy, const std::vector<QRect>& grid, const std::vector<QRect>& tiles, Painter& painter,
                const PaintRequest& base, double strength, const std::function<void(int, const PaintProgress&)>& tileProgress,
                const std::atomic_bool* cancel) {
  if (tiles.empty()) return;
  const int w = copy.width(), h = copy.height();
  std::vector<float> sum(size_t(w) * h * 3, 0.0f), weight(size_t(w) * h, 0.0f);
  QImage mask(tiles.front().size(), QImage::Format_Grayscale8);
  mask.fill(255);
  for (size_t t = 0; t < tiles.size(); ++t) {
    throwIfCancelled(cancel);
    const QRect r = tiles[t];
    PaintRequest request = base;
    request.image = copy.copy(r);
    request.mask = mask;
    request.strength = strength;
    request.pasteBack = false;
    request.seed = base.seed + t;
    const PaintProgressFn progress = [&](const PaintProgress& p) { tileProgress(int(t), p); };
    const QImage painted = imaging::toRgb888(painter.paint(request, progress, cancel));
    if (painted.size() != r.size())
      throw std::runtime_error("The painter returned a " + sizeText(painted.size()) + " picture for a " +
                               sizeText(r.size()) + " tile");
    int beforeX, afterX, beforeY, afterY;
    neighbourOverlaps(grid, r, true, beforeX, afterX);
    neighbourOverlaps(grid, r, false, beforeY, afterY);
    std::vector<float> wx(r.width());
    for (int x = 0; x < r.width(); ++x) wx[x] = rampWeight(x, r.width(), beforeX, afterX);
    for (int y = 0; y < r.height(); ++y) {
      const float wy = rampWeight(y, r.height(), beforeY, afterY);
      const uchar* p = painted.constScanLine(y);
      const size_t row = size_t(r.top() + y) * w + r.left();
      for (int x = 0; x < r.width(); ++x) {
        const float a = wx[x] * wy;
        weight[row + x] += a;
        for (int c = 0; c < 3; ++c) sum[3 * (row + x) + c] += a * p[3 * x + c];
      }
    }
  }
  for (int y = 0; y < h; ++y) {
    uchar* o = copy.scanLine(y);
    for (int x = 0; x < w; ++x) {
      const size_t i = size_t(y) * w + x;
      const float a = weight[i];
      if (a <= 0.0f) continue;
      for (int c = 0; c < 3; ++c) {
        const float v = (sum[3 * i + c] + std::max(0.0f, 1.0f - a) * o[3 * x + c]) / std::max(1.0f, a);
        o[3 * x + c] = uchar(std::clamp(v + 0.5f, 0.0f, 255.0f));
      }
    }
  }
}

// Copy `outer` takes `inner` into its centre, shrunk with the renderer's filter at the renderer's place, on
// every pixel the renderer blends `inner` into (any opacity): there the frame just before the zoom reaches
// `outer` blends two equal pictures, so the step onto `outer` shows nothing new. (A soft paste would be
// blended twice.) Returns the largest change of a channel.
int pasteInner(QImage& outer, const QImage& inner, double ratio) {
  const QSize size = outer.size();
  const double ramp = render::innerLayerRamp(render::RenderOptions{}, ratio);
  int x0, x1, y0, y1;
  std::vector<float> ax, ay;
  render::innerLayerCoverage(size.width(), size.width() / (2.0 * ratio), ramp, x0, x1, ax);
  render::innerLayerCoverage(size.height(), size.height() / (2.0 * ratio), ramp, y0, y1, ay);
  if (x1 <= x0 || y1 <= y0) return 0;
  const QRectF place = innerRect(size, ratio);
  const QRectF source((x0 - place.left()) * ratio, (y0 - place.top()) * ratio, (x1 - x0) * ratio, (y1 - y0) * ratio);
  const QImage shrunk = imaging::resample(inner, source, QSize(x1 - x0, y1 - y0), imaging::ResampleFilter::AreaSpline);
  int largest = 0;
  for (int y = y0; y < y1; ++y) {
    const uchar* s = shrunk.constScanLine(y - y0);
    uchar* o = outer.scanLine(y) + 3 * x0;
    for (int x = 0; x < x1 - x0; ++x) {
      if (std::min(ax[size_t(x)], ay[size_t(y - y0)]) <= 0.0f) continue;
      for (int c = 0; c < 3; ++c) {
        largest = std::max(largest, std::abs(int(s[3 * x + c]) - int(o[3 * x + c])));
        o[3 * x + c] = s[3 * x + c];
      }
    }
  }
  return largest;
}

}  // namespace

QSize renderCopySize(const render::KeyframeStack& stack, QSize atLeast) {
  render::validate(stack);
  const int L = longSide(stack), S = shortSide(stack), p = stack.outpaint;
  // The copy's long side must make the short side and the ring whole: a multiple of L/gcd(L, S) and L/gcd(L, p).
  const long long a = L / std::gcd(L, S), b = L / std::gcd(L, p);
  const long long step = std::lcm(a, b);
  const bool wide = stack.width >= stack.height;
  const int needLong = std::max(wide ? atLeast.width() : atLeast.height(),
                                int(std::ceil(double(wide ? atLeast.height() : atLeast.width()) * L / S)));
  const long long copyLong = std::max<long long>(L, (needLong + step - 1) / step * step);
  const int copyShort = int(copyLong * S / L);
  // Qt reads pictures of up to 256 MB (4 bytes a pixel) back from the project: 64 megapixels (8K is 33).
  if (copyLong > 16384 || copyLong * copyShort > (64ll << 20))
    throw std::invalid_argument("Render copies of " + std::to_string(copyLong) + " pixels on the long side are too large "
                                "for the project file (at most 64 megapixels): choose a smaller video size");
  return wide ? QSize(int(copyLong), copyShort) : QSize(copyShort, int(copyLong));
}

int detailTileCount(const render::KeyframeStack& stack, QSize copySize) {
  int n = 0;
  for (const auto& tiles : tilePlan(stack, copySize).painted) n += int(tiles.size());
  return n;
}

RenderCopies makeRenderCopies(const render::KeyframeStack& stack, QSize copySize, Painter* painter,
                              const DetailSettings& detail, const RenderCopyProgressFn& progress,
                              const std::atomic_bool* cancel) {
  if (renderCopySize(stack, copySize) != copySize)
    throw std::invalid_argument("Render copies of " + sizeText(copySize) + " do not keep the zoom of " +
                                sizeText(QSize(stack.width, stack.height)) + " keyframes exactly (use " +
                                sizeText(renderCopySize(stack, copySize)) + ")");
  if (!(detail.strength >= 0.0 && detail.strength < 1.0))
    throw std::invalid_argument("The detail strength must be at least 0 and below 1 (1 would paint the picture anew)");
  if (detail.strength > 0.0 && !painter) throw std::invalid_argument("The detail pass needs a painter");
  if (detail.strength > 0.0 && int(detail.base.steps * detail.strength) < 1)
    throw std::invalid_argument("A detail strength of " + std::to_string(detail.strength) + " with " +
                                std::to_string(detail.base.steps) + " steps leaves no step to run: raise either");
  const double ratio = render::zoomRatio(stack);
  const bool loop = isClosedLoop(stack);
  TilePlan plan;
  if (detail.strength > 0.0) plan = tilePlan(stack, copySize);
  plan.painted.resize(stack.keyframes.size());
  int tileCount = 0;
  for (const auto& tiles : plan.painted) tileCount += int(tiles.size());

  RenderCopies copies;
  copies.detailStrength = detail.strength;
  copies.source = render::fingerprint(stack);
  int tilesDone = 0;
  for (size_t k = 0; k < stack.keyframes.size(); ++k) {
    throwIfCancelled(cancel);
    QImage copy = imaging::resized(imaging::toRgb888(stack.keyframes[k]), copySize, imaging::ResampleFilter::AreaSpline);
    if (!plan.painted[k].empty()) {
      const auto tileProgress = [&](int tile, const PaintProgress& p) {
        if (!progress) return;
        const double within = p.total > 0 ? double(p.step) / p.total : 0.0;
        progress({tilesDone + tile, tileCount, (tilesDone + tile + within) / tileCount, p});
      };
      PaintRequest base = detail.base;
      base.seed += 1000003ull * k;
      if (k < detail.keyframePrompts.size()) {
        base.prompt = detail.keyframePrompts[k].prompt;
        base.negativePrompt = detail.keyframePrompts[k].negativePrompt;
      }
      detailCopy(copy, plan.grid, plan.painted[k], *painter, base, detail.strength, tileProgress, cancel);
      tilesDone += int(plan.painted[k].size());
      if (progress) progress({tilesDone, tileCount, double(tilesDone) / tileCount, {}});
    }
    copies.images.push_back(std::move(copy));
  }

  if (stack.centresPasted) {
    const auto pasteChain = [&] {
      int largest = 0;
      for (size_t k = 1; k < copies.images.size(); ++k)
        largest = std::max(largest, pasteInner(copies.images[k], copies.images[k - 1], ratio));
      return largest;
    };
    pasteChain();
    // A closed loop: the first copy is the last one, whose centre then changes in a part ratio^(N-1)
    // times smaller each round, until no channel moves by more than a level.
    for (int round = 0; loop && round < 16; ++round) {
      copies.images.front() = copies.images.back();
      throwIfCancelled(cancel);
      if (pasteChain() <= 1) break;
    }
  }
  if (loop) copies.images.front() = copies.images.back();  // also without paste-back: the video wraps onto it
  if (progress && tileCount == 0) progress({0, 0, 1.0, {}});
  return copies;
}

render::KeyframeStack renderCopyStack(const render::KeyframeStack& keyframes, const RenderCopies& copies) {
  const QSize size = copies.size();
  const int copyLong = std::max(size.width(), size.height());
  const long long ring = 1LL * keyframes.outpaint * copyLong;
  if (copies.images.size() != keyframes.keyframes.size() || ring % longSide(keyframes) != 0)
    throw std::invalid_argument("The render copies do not belong to this keyframe chain");
  return render::KeyframeStack{copies.images, size.width(), size.height(), int(ring / longSide(keyframes)),
                               keyframes.centresPasted};
}

}  // namespace droste::zoom

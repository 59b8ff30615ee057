#pragma once
// Render copies: every keyframe enlarged once, for a video with more pixels than the model paints (1080p to
// 4K from 512-1024 px keyframes). Optionally a detail pass repaints each copy at low strength with the
// painter, in overlapping tiles of the keyframe size (what the model paints best), blended across the
// overlaps, so an enlargement gains detail instead of blur. Then, as at painting time, each copy takes the
// copy inside it into its centre (paste-back at render resolution), so the renderer shows no jump when it
// moves from one copy to the next, and a closed loop stays closed.
#include "core/render/keyframe_stack.h"
#include "core/zoom/painter.h"

#include <QByteArray>
#include <QImage>
#include <QSize>

#include <atomic>
#include <functional>
#include <vector>

namespace droste::zoom {

struct RenderCopies {
  std::vector<QImage> images;  // one per keyframe, chain order, Format_RGB888, all the same size
  double detailStrength = 0.0; // 0: enlarged only
  QByteArray source;           // render::fingerprint of the chain they were made from: stale when it differs
  // The images as PNG, once encoded (by the engine's worker, or as read from the project file), so that
  // saving and autosaving do not encode 4K pictures again; empty: not encoded yet.
  std::vector<QByteArray> png;
  QSize size() const { return images.empty() ? QSize() : images.front().size(); }
  bool operator==(const RenderCopies& o) const {
    return images == o.images && detailStrength == o.detailStrength && source == o.source;
  }
};

// A keyframe's prompts (zoom::keyframePromptsOf).
struct KeyframePrompts {
  QString prompt;
  QString negativePrompt;
  bool operator==(const KeyframePrompts&) const = default;
};

struct DetailSettings {
  // 0: enlarge only. Else the painter repaints each tile with this strength (img2img), below 1 and with at
  // least one of base.steps left to run: 0.2-0.4 adds detail and keeps the picture.
  double strength = 0.0;
  PaintRequest base;  // prompt, negative prompt, seed, steps, guidance, scheduler; image and mask are set per tile
  // Per keyframe of the stack (chain order): each copy is detailed with its own keyframe's prompts, so a zoom
  // from a forest into a city does not grow trees in the city. A keyframe past the end takes base's prompts.
  std::vector<KeyframePrompts> keyframePrompts;
};

// The smallest copy size, not smaller than `atLeast` on either axis, that keeps the chain's exact zoom
// ratio: the copies' width, height and ring are whole pixels (W' = W * m / d for the right d).
QSize renderCopySize(const render::KeyframeStack& stack, QSize atLeast);

// Tiles the detail pass paints for `stack` at `copySize` (for progress: the painter reports steps per tile).
int detailTileCount(const render::KeyframeStack& stack, QSize copySize);

struct RenderCopyProgress {
  int tilesDone = 0;
  int tileCount = 0;
  double fraction = 0.0;  // of the whole pass, including the current tile's steps
  PaintProgress tile;     // the painter's steps (and preview) in the tile being painted
};
using RenderCopyProgressFn = std::function<void(const RenderCopyProgress&)>;

// Throws std::invalid_argument for a size that is not renderCopySize()'s kind or smaller than the keyframes, a
// strength outside [0, 1) or one that leaves no denoising step,
// droste::Cancelled, and what the painter throws. `painter` may be null when detail.strength is 0.
RenderCopies makeRenderCopies(const render::KeyframeStack& stack, QSize copySize, Painter* painter,
                              const DetailSettings& detail, const RenderCopyProgressFn& progress = {},
                              const std::atomic_bool* cancel = nullptr);

// The stack the renderer draws from the copies (ring scaled like the pictures).
render::KeyframeStack renderCopyStack(const render::KeyframeStack& keyframes, const RenderCopies& copies);

}  // namespace droste::zoom

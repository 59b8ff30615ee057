#pragma once
// Making keyframes: the first one from a prompt (or an imported picture), and each next one by
// outpainting the previous one (direct or sequential, at canvas size or at keyframe size).
#include "core/zoom/painter.h"
#include "core/zoom/zoom_types.h"

#include <QImage>

#include <atomic>
#include <functional>

namespace droste::zoom {

// Called before each generation with what the painter is given (for the UI's "show input and mask").
using PaintInputFn = std::function<void(int generation, int generations, const QImage& image, const QImage& mask)>;

// Number of painter calls one keyframe takes (1 for direct, 4 for sequential).
int generationsPerKeyframe(const OutpaintOptions& options);

// Keyframe 0 from the prompt: an all-black W x H canvas under an all-white mask. `base` carries prompt,
// negative prompt, seed, steps, guidance, scheduler; its image/mask are ignored.
QImage paintFirstKeyframe(const OutpaintOptions& options, Painter& painter, const PaintRequest& base,
                          const PaintProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr,
                          const PaintInputFn& inputs = {});

// Keyframe k from keyframe k-1 (W x H). Generation g of a sequential keyframe uses seed base.seed + g.
// Returns W x H, Format_RGB888. The centre of the result is `previous` scaled by 1/zoomRatio() at
// ZoomGeometry::innerRect(); with paste-back on, no painter output reaches the kept pixels.
QImage outpaintKeyframe(const QImage& previous, const OutpaintOptions& options, Painter& painter,
                        const PaintRequest& base, const PaintProgressFn& progress = {},
                        const std::atomic_bool* cancel = nullptr, const PaintInputFn& inputs = {});

// An imported picture fitted to the keyframe size: centre-cropped to its shape, or padded (black) to it,
// then resampled with the keyframe filter (the area spline, core/imaging).
QImage fitImportedImage(const QImage& image, QSize size, ImportFit fit);

// The canvas painted at canvas size shrunk to the keyframe (the last step of outpaintKeyframe, exposed for tests).
QImage shrinkCanvasToKeyframe(const QImage& canvas, QSize size);

}  // namespace droste::zoom

#pragma once
// Putting a keyframe back into the one around it after either changed: the inner keyframe shrunk into
// the outer one's centre with the zoom engine's own filter (so the renderer shows it seamlessly), and
// the band around that centre repainted so that an outer picture that was not painted around it blends.
// Used to close a loop and to replace a keyframe with an artist's picture.
#include "core/zoom/painter.h"
#include "core/zoom/zoom_types.h"

#include <QImage>
#include <QRect>

#include <atomic>

namespace droste::zoom {

// `outer` with `inner` (the keyframe inside it) shrunk into its centre where only `inner` decides the
// pixels: inside `region` (default: ZoomGeometry::keptPixels()), ramping to `outer` over its outermost
// two pixels. Exactly what outpainting makes there.
QImage pasteInnerKeyframe(const QImage& outer, const QImage& inner, const OutpaintOptions& options);
QImage pasteInnerKeyframe(const QImage& outer, const QImage& inner, const OutpaintOptions& options, const QRect& region);

// The band around the inner keyframe's place (about half a ring wide, across its edge, feathered on both
// sides) that repaintSeam() paints.
QRect seamInside(const OutpaintOptions& options);   // pixels inside this stay as pasted
QRect seamOutside(const OutpaintOptions& options);  // pixels outside this stay as they were

// `picture` (the inner keyframe already pasted) with the seam band repainted by `painter` from `base`'s
// prompt and seed, feathered into the pixels around it.
QImage repaintSeam(const QImage& picture, const OutpaintOptions& options, Painter& painter, const PaintRequest& base,
                   const PaintProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr);

// A keyframe from the artist's picture: fitted to the keyframe size (crop or pad to its shape) and, when
// it has an `inner` keyframe (null for keyframe 0), that one pasted into its centre and the seam repainted.
QImage keyframeFromPicture(const QImage& picture, ImportFit fit, const QImage& inner, const OutpaintOptions& options,
                           Painter& painter, const PaintRequest& base, const PaintProgressFn& progress = {},
                           const std::atomic_bool* cancel = nullptr);

}  // namespace droste::zoom

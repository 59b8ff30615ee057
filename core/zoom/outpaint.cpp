#include "core/zoom/outpaint.h"

#include "core/imaging/pixel_formats.h"
#include "core/imaging/resample.h"
#include "core/zoom/color_match.h"
#include "core/zoom/geometry.h"
#include "core/zoom/masks.h"
#include "core/zoom/padding.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace droste::zoom {
namespace {

// One generation: paint `canvas` under `mask`, then paste the kept pixels back (per options) and match
// colours. Returns the new canvas.
QImage paintStep(const QImage& canvas, const OutpaintMask& mask, const OutpaintOptions& options, Painter& painter,
                 const PaintRequest& base, int generation, int generations, const PaintProgressFn& progress,
                 const std::atomic_bool* cancel, const PaintInputFn& inputs) {
  PaintRequest request = base;
  request.image = canvas;
  request.mask = mask.paint;
  request.seed = base.seed + static_cast<std::uint64_t>(generation);
  if (inputs) inputs(generation, generations, request.image, request.mask);
  PaintProgressFn stepProgress;
  if (progress) {
    stepProgress = [&](const PaintProgress& p) {
      // Report across all generations of this keyframe.
      PaintProgress total = p;
      total.step = generation * p.total + p.step;
      total.total = generations * p.total;
      progress(total);
    };
  }
  QImage painted = imaging::toRgb888(painter.paint(request, stepProgress, cancel));
  if (painted.size() != canvas.size())
    throw std::runtime_error("The painter returned a " + std::to_string(painted.width()) + "x" +
                             std::to_string(painted.height()) + " picture for a " + std::to_string(canvas.width()) +
                             "x" + std::to_string(canvas.height()) + " canvas");
  // Kept pixels come back exactly where the blend mask is 0.
  if (options.pasteBack) painted = blendByMask(painted, canvas, mask.blend);
  if (options.colorMatch) matchRingColors(painted, mask.blend, std::max(8, options.outpaint / 4));
  return painted;
}

}  // namespace

int generationsPerKeyframe(const OutpaintOptions& options) {
  return options.method == OutpaintMethod::Direct ? 1 : 4;
}

QImage shrinkCanvasToKeyframe(const QImage& canvas, QSize size) {
  // The renderer draws the previous keyframe inside this one with the same filter (core/imaging), so at a
  // whole zoom position the keyframe and the renderer's picture of the keyframes inside it agree.
  return imaging::resized(canvas, size, imaging::ResampleFilter::AreaSpline);
}

QImage paintFirstKeyframe(const OutpaintOptions& options, Painter& painter, const PaintRequest& base,
                          const PaintProgressFn& progress, const std::atomic_bool* cancel, const PaintInputFn& inputs) {
  options.validate();
  QImage canvas(options.keyframeSize(), QImage::Format_RGB888);
  canvas.fill(Qt::black);
  QImage mask(options.keyframeSize(), QImage::Format_Grayscale8);
  mask.fill(255);
  PaintRequest request = base;
  request.image = canvas;
  request.mask = mask;
  if (inputs) inputs(0, 1, canvas, mask);
  QImage painted = imaging::toRgb888(painter.paint(request, progress, cancel));
  if (painted.size() != canvas.size()) throw std::runtime_error("The painter returned a picture of the wrong size");
  return painted;
}

QImage outpaintKeyframe(const QImage& previousIn, const OutpaintOptions& options, Painter& painter,
                        const PaintRequest& base, const PaintProgressFn& progress, const std::atomic_bool* cancel,
                        const PaintInputFn& inputs) {
  options.validate();
  const QSize size = options.keyframeSize();
  const int rx = options.ringX(), ry = options.ringY();
  if (previousIn.size() != size)
    throw std::invalid_argument("The previous keyframe is " + std::to_string(previousIn.width()) + "x" +
                                std::to_string(previousIn.height()) + ", expected " + std::to_string(size.width()) +
                                "x" + std::to_string(size.height()));
  const QImage previous = imaging::toRgb888(previousIn);
  const ZoomGeometry geometry = ZoomGeometry::of(options);
  const int generations = generationsPerKeyframe(options);
  const int o = options.maskOverlap;
  QImage result;

  if (!options.paintAtKeyframeSize) {
    QImage canvas;
    if (options.method == OutpaintMethod::Direct) {
      canvas = padImage(previous, rx, ry, rx, ry, options.padding);
      const OutpaintMask mask = ringMask(canvas.size(), geometry.innerRectOnCanvas(), o);
      canvas = paintStep(canvas, mask, options, painter, base, 0, 1, progress, cancel, inputs);
    } else {
      // The seed's way: the canvas grows one side at a time (left, top, right, bottom).
      canvas = previous;
      const int grow[4][4] = {{rx, 0, 0, 0}, {0, ry, 0, 0}, {0, 0, rx, 0}, {0, 0, 0, ry}};
      for (int g = 0; g < 4; ++g) {
        const QRect keep(grow[g][0], grow[g][1], canvas.width(), canvas.height());
        const QImage padded = padImage(canvas, grow[g][0], grow[g][1], grow[g][2], grow[g][3], options.padding);
        const OutpaintMask mask = ringMask(padded.size(), keep, o);
        canvas = paintStep(padded, mask, options, painter, base, g, generations, progress, cancel, inputs);
      }
    }
    result = shrinkCanvasToKeyframe(canvas, size);
  } else {
    // Shrink first, paint at W x H: the ring is every pixel not wholly inside the previous keyframe's place.
    const QImage padded = padImage(previous, rx, ry, rx, ry, options.padding);
    QImage canvas = shrinkCanvasToKeyframe(padded, size);
    const QRect keep = geometry.keptPixels();
    if (options.method == OutpaintMethod::Direct) {
      canvas = paintStep(canvas, ringMask(canvas.size(), keep, o), options, painter, base, 0, 1, progress, cancel,
                         inputs);
    } else {
      const Side order[4] = {Side::Left, Side::Top, Side::Right, Side::Bottom};
      for (int g = 0; g < 4; ++g)
        canvas = paintStep(canvas, sideMask(canvas.size(), keep, order[g], o), options, painter, base, g,
                           generations, progress, cancel, inputs);
    }
    result = canvas;
  }
  return result;
}

QImage fitImportedImage(const QImage& imageIn, QSize size, ImportFit fit) {
  if (imageIn.isNull()) throw std::invalid_argument("The start image is empty or could not be read");
  const QImage image = imaging::toRgb888(imageIn);
  const double w = image.width(), h = image.height();
  const double aspect = double(size.width()) / size.height();
  if (fit == ImportFit::CenterCrop) {
    // The largest centred part of the keyframe's shape.
    const double cw = std::min(w, h * aspect), ch = std::min(h, w / aspect);
    return imaging::resample(image, QRectF((w - cw) / 2.0, (h - ch) / 2.0, cw, ch), size,
                             imaging::ResampleFilter::AreaSpline);
  }
  // The smallest canvas of the keyframe's shape around the picture, black outside it.
  const int pw = int(std::lround(std::max(w, h * aspect))), ph = int(std::lround(std::max(h, w / aspect)));
  QImage padded(pw, ph, QImage::Format_RGB888);
  padded.fill(Qt::black);
  const int x0 = (pw - image.width()) / 2, y0 = (ph - image.height()) / 2;
  for (int y = 0; y < image.height(); ++y)
    std::copy_n(image.constScanLine(y), 3 * image.width(), padded.scanLine(y + y0) + 3 * x0);
  return imaging::resized(padded, size, imaging::ResampleFilter::AreaSpline);
}

}  // namespace droste::zoom

#pragma once
// The frame at any continuous zoom position of a keyframe chain.
#include "core/imaging/resample.h"
#include "core/render/keyframe_stack.h"
#include "core/render/mip_pyramid.h"

#include <QImage>
#include <QSize>

#include <vector>

namespace droste::render {

struct RenderOptions {
  // The zoom engine makes keyframes with AreaSpline; another filter is for comparisons only.
  imaging::ResampleFilter filter = imaging::ResampleFilter::AreaSpline;
  double blendWidth = 3.0;  // soft border of an inner keyframe, in output pixels
};

// How an inner keyframe is blended over the one around it, along one axis of the frame: opacity alpha[i - begin]
// for output pixels [begin, end), where the keyframe spans halfSize output pixels either side of the centre
// and fades in over `ramp` pixels (innerLayerRamp) from its edge. Render copies paste an inner copy the same way.
void innerLayerCoverage(int outputSize, double halfSize, double ramp, int& begin, int& end, std::vector<float>& alpha);
// The fade of a keyframe drawn with `scale` keyframe pixels per output pixel.
double innerLayerRamp(const RenderOptions& options, double scale);

// z = k shows keyframe k filling the frame; z = k + f shows a view zoomRatio ^ f times wider, so
// the zoom speed is the same at every z. Each point comes from the innermost keyframe that holds it
// at the frame's resolution or finer; inner keyframes are blended over outer ones across a soft border.
// At a whole z with the frame as large as a keyframe, the frame is that keyframe, bit for bit.
// Thread-safe: frame() is const and may run on several threads at once.
class ZoomRenderer {
 public:
  explicit ZoomRenderer(KeyframeStack stack, RenderOptions options = {});

  int keyframeCount() const { return int(pyramids_.size()); }
  double maxZoom() const { return double(pyramids_.size() - 1); }  // N
  QSize keyframeSize() const { return keyframeSize_; }
  double zoomRatio() const { return ratio_; }

  // The frame at z (clamped to [0, N]), outputSize any size: the view of keyframe z (ratio^z times
  // keyframe 0) scaled to cover the frame and centre-cropped where the frame's shape differs.
  // Format_RGBX8888. One thread: an export renders several frames at once instead (one concurrency
  // model: frames in parallel, in video/export_job.cpp).
  QImage frame(double z, QSize outputSize) const;

  // Same into caller memory (RGBX8888 rows of `stride` bytes); rows [rowBegin, rowEnd) only.
  void renderRows(double z, QSize outputSize, uchar* pixels, qsizetype stride, int rowBegin, int rowEnd) const;

 private:
  std::vector<MipPyramid> pyramids_;
  QSize keyframeSize_;
  bool centresPasted_ = true;
  double ratio_ = 1.0;
  RenderOptions options_;
};

}  // namespace droste::render

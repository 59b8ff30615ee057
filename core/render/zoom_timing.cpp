#include "core/render/zoom_timing.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace droste::render {

ZoomSchedule::ZoomSchedule(const ZoomTiming& timing, int steps) : timing_(timing), steps_(steps) {
  if (!(timing.fps > 0.0) || timing.fps > 1000.0) throw std::invalid_argument("The frame rate must be between 0 and 1000.");
  if (!(timing.secondsPerKeyframe > 0.0)) throw std::invalid_argument("Seconds per keyframe must be positive.");
  if (!(timing.holdSeconds >= 0.0)) throw std::invalid_argument("The hold time cannot be negative.");
  if (steps < 0) throw std::invalid_argument("The chain has no keyframes.");
  if (timing.loop && (timing.ease || timing.holdSeconds > 0.0))
    throw std::invalid_argument("A looping video cannot ease in and out or hold its ends: its last frame leads into its first.");
  if (timing.loop && steps < 1) throw std::invalid_argument("A loop needs at least two keyframes.");
  rampSeconds_ = timing.ease ? timing.secondsPerKeyframe * std::min(1, steps) : 0.0;
  const double motionSeconds = steps * timing.secondsPerKeyframe + rampSeconds_;
  // A loop's period is a whole number of frames, so that the step from its last frame to its first is
  // an ordinary one (its speed follows from that number).
  motionFrames_ = timing.loop ? std::max(1, int(std::lround(motionSeconds * timing.fps)))
                              : int(std::ceil(motionSeconds * timing.fps - 1e-9)) + 1;
  holdFrames_ = int(std::lround(timing.holdSeconds * timing.fps));
}

double ZoomSchedule::motionZoom(double t) const {
  const double speed = 1.0 / timing_.secondsPerKeyframe;  // keyframes per second at full speed
  const double e = rampSeconds_;
  const double total = steps_ * timing_.secondsPerKeyframe + e;
  double z;
  if (e <= 0.0) {
    z = t * speed;
  } else if (t < e) {
    z = speed * t * t / (2.0 * e);  // constant acceleration from rest
  } else if (t > total - e) {
    const double r = total - t;
    z = steps_ - speed * r * r / (2.0 * e);
  } else {
    z = speed * (t - e / 2.0);
  }
  return std::clamp(z, 0.0, double(steps_));
}

double ZoomSchedule::zoomAt(int frame) const {
  frame = std::clamp(frame, 0, frameCount() - 1);
  const int motionFrame = std::clamp(frame - holdFrames_, 0, motionFrames_ - 1);
  const double z = timing_.loop ? double(steps_) * motionFrame / motionFrames_ : motionZoom(motionFrame / timing_.fps);
  return timing_.direction == ZoomDirection::Out ? z : steps_ - z;
}

}  // namespace droste::render

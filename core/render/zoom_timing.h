#pragma once
// Which zoom position each video frame shows.
namespace droste::render {

enum class ZoomDirection { Out, In };  // Out: keyframe 0 -> N (zooming out); In: reversed

struct ZoomTiming {
  double fps = 30.0;
  double secondsPerKeyframe = 1.0;
  ZoomDirection direction = ZoomDirection::Out;
  bool ease = false;         // accelerate over the first and brake over the last keyframe step
  double holdSeconds = 0.0;  // still frames before the first and after the last moving frame
  // A closed loop (zoom::closeLoop): position N shows position 0, so the video stops one frame short of
  // it and plays on from its first frame without a jump. No easing or holds (they would stop the zoom).
  bool loop = false;
};

// Without easing or holds frame f shows z = f / (fps * secondsPerKeyframe), from 0 to N inclusive
// (N * fps * spk + 1 frames; a loop leaves out N, which is its frame 0 again). Easing keeps that speed in the middle and adds one keyframe step's
// time (at most N steps') for the two ramps, so the zoom factor per frame stays constant outside them.
class ZoomSchedule {
 public:
  ZoomSchedule(const ZoomTiming& timing, int steps);  // steps = N (keyframes - 1); throws on bad timing

  int frameCount() const { return holdFrames_ * 2 + motionFrames_; }
  double zoomAt(int frame) const;  // clamped to [0, frameCount)
  double durationSeconds() const { return frameCount() / timing_.fps; }

 private:
  double motionZoom(double seconds) const;  // zooming-out position after `seconds` of motion
  ZoomTiming timing_;
  int steps_ = 0;
  int holdFrames_ = 0;
  int motionFrames_ = 1;
  double rampSeconds_ = 0.0;
};

}  // namespace droste::render

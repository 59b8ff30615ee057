#include "core/render/zoom_timing.h"

#include <gtest/gtest.h>

#include <cmath>

namespace droste::render {
namespace {

TEST(ZoomTiming, PlainScheduleIsLinearInZ) {
  ZoomTiming t;
  t.fps = 30;
  t.secondsPerKeyframe = 2;
  const ZoomSchedule s(t, 3);
  ASSERT_EQ(s.frameCount(), 3 * 60 + 1);
  for (int f = 0; f < s.frameCount(); ++f) EXPECT_DOUBLE_EQ(s.zoomAt(f), f / 60.0) << f;
  EXPECT_DOUBLE_EQ(s.zoomAt(s.frameCount() - 1), 3.0);
}

TEST(ZoomTiming, InIsOutReversed) {
  ZoomTiming out;
  out.fps = 24;
  ZoomTiming in = out;
  in.direction = ZoomDirection::In;
  const ZoomSchedule a(out, 4), b(in, 4);
  ASSERT_EQ(a.frameCount(), b.frameCount());
  for (int f = 0; f < a.frameCount(); ++f) EXPECT_NEAR(b.zoomAt(f), a.zoomAt(a.frameCount() - 1 - f), 1e-12);
}

TEST(ZoomTiming, HoldRepeatsTheEnds) {
  ZoomTiming t;
  t.fps = 10;
  t.holdSeconds = 0.5;
  const ZoomSchedule s(t, 2);
  ASSERT_EQ(s.frameCount(), 5 + 21 + 5);
  for (int f = 0; f <= 5; ++f) EXPECT_EQ(s.zoomAt(f), 0.0);
  EXPECT_GT(s.zoomAt(6), 0.0);
  for (int f = 25; f < 31; ++f) EXPECT_EQ(s.zoomAt(f), 2.0);
  EXPECT_LT(s.zoomAt(24), 2.0);
}

TEST(ZoomTiming, EaseStartsAndStopsSmoothlyAndKeepsTheSpeedBetween) {
  ZoomTiming t;
  t.fps = 20;
  t.ease = true;
  const ZoomSchedule s(t, 4);
  EXPECT_EQ(s.frameCount(), 5 * 20 + 1);  // one extra step's time for the two ramps
  EXPECT_EQ(s.zoomAt(0), 0.0);
  EXPECT_EQ(s.zoomAt(s.frameCount() - 1), 4.0);
  const double full = 1.0 / 20;  // z per frame at full speed
  EXPECT_LT(s.zoomAt(1) - s.zoomAt(0), 0.1 * full);
  for (int f = 25; f < 75; ++f) EXPECT_NEAR(s.zoomAt(f + 1) - s.zoomAt(f), full, 1e-9) << f;
  for (int f = 0; f + 1 < s.frameCount(); ++f) EXPECT_GE(s.zoomAt(f + 1), s.zoomAt(f));
}

// A loop stops one frame short of position N (which is its frame 0), in both directions.
TEST(ZoomTiming, ALoopLeavesOutItsLastPosition) {
  ZoomTiming t;
  t.fps = 10;
  t.loop = true;
  const ZoomSchedule out(t, 3);
  EXPECT_EQ(out.frameCount(), 30);
  EXPECT_EQ(out.zoomAt(0), 0.0);
  EXPECT_NEAR(out.zoomAt(29), 2.9, 1e-12);
  t.direction = ZoomDirection::In;
  const ZoomSchedule in(t, 3);
  EXPECT_EQ(in.frameCount(), 30);
  EXPECT_EQ(in.zoomAt(0), 3.0);
  EXPECT_NEAR(in.zoomAt(29), 0.1, 1e-12);
  // A period of a whole number of frames: 29.97 fps over 3 s makes 90, the wrap one ordinary step.
  t.fps = 29.97;
  const ZoomSchedule ntsc(t, 3);
  EXPECT_EQ(ntsc.frameCount(), 90);
  EXPECT_NEAR(ntsc.zoomAt(0) - ntsc.zoomAt(1), 3.0 / 90, 1e-12);
  EXPECT_NEAR(ntsc.zoomAt(89), 3.0 / 90, 1e-12);  // zooming in: the next frame is position 3, frame 0 again
  t.ease = true;
  EXPECT_THROW(ZoomSchedule(t, 3), std::invalid_argument);
  t.ease = false;
  t.holdSeconds = 1;
  EXPECT_THROW(ZoomSchedule(t, 3), std::invalid_argument);
}

TEST(ZoomTiming, RejectsNonsense) {
  ZoomTiming t;
  t.fps = 0;
  EXPECT_THROW(ZoomSchedule(t, 2), std::invalid_argument);
  t.fps = 30;
  t.secondsPerKeyframe = -1;
  EXPECT_THROW(ZoomSchedule(t, 2), std::invalid_argument);
}

}  // namespace
}  // namespace droste::render

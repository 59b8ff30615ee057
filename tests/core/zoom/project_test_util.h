#pragma once
// A project with every setting away from its default and keyframes of random noise (any lossy step shows).
#include "core/zoom/project.h"

#include <QImage>

#include <random>

namespace droste::zoom::test {

inline QImage noiseImage(int size, unsigned seed) {
  QImage image(size, size, QImage::Format_RGB888);
  std::mt19937 rng(seed);
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < 3 * size; ++x) image.scanLine(y)[x] = uchar(rng() & 0xff);
  return image;
}

inline ProjectSettings unusualSettings(int size = 64, int outpaint = 16) {
  ProjectSettings s;
  s.prompt = QStringLiteral("a spiral staircase, \"quoted\", ünïcødé ✓");
  s.negativePrompt = QStringLiteral("blurry\nlow quality");
  s.model = QStringLiteral("/models/sd2-inpainting");
  s.scheduler = QStringLiteral("dpmpp_2m_karras");
  s.steps = 37;
  s.guidance = 6.123456789012345;
  s.painter = PainterKind::Draft;
  s.outpaint.width = s.outpaint.height = size;
  s.outpaint.outpaint = outpaint;
  s.outpaint.method = OutpaintMethod::Sequential;
  s.outpaint.padding = PaddingMode::BlurredStretch;
  s.outpaint.maskOverlap = 4;
  s.outpaint.pasteBack = false;
  s.outpaint.colorMatch = true;
  s.outpaint.paintAtKeyframeSize = true;
  return s;
}

// Four keyframes: imported fresh, fresh with overrides and a 64-bit seed, failed with error, stale without picture.
inline void fillProject(Project& project, int size = 64, unsigned salt = 0) {
  project.setSettings(unusualSettings(size, size / 4));
  Keyframe a;
  a.image = noiseImage(size, 1 + salt);
  a.imported = true;
  a.state = KeyframeState::Fresh;
  Keyframe b;
  b.image = noiseImage(size, 2 + salt);
  b.prompt = QStringLiteral("override ✓");
  b.negativePrompt = QString();  // empty override differs from "none"
  b.seed = 0xFFFFFFFFFFFFFFF5ull;
  b.state = KeyframeState::Fresh;
  Keyframe c;
  c.image = noiseImage(size, 3 + salt);
  c.seed = 42;
  c.state = KeyframeState::Failed;
  c.error = QStringLiteral("Out of GPU memory");
  Keyframe d;
  d.seed = 7;
  d.state = KeyframeState::Stale;
  for (const Keyframe& k : {a, b, c, d}) project.insertKeyframe(project.keyframeCount(), k);
}

}  // namespace droste::zoom::test

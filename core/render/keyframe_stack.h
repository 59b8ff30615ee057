#pragma once
// The renderer's input: a chain of W x H keyframes where keyframe k+1 is keyframe k zoomed out.
#include <QByteArray>
#include <QImage>

#include <vector>

namespace droste::render {

// keyframes[k+1] was made by shrinking keyframes[k] by 1/zoomRatio into the centre of a canvas
// zoomRatio times larger on both axes, painting the ring around it and resizing back to W x H.
struct KeyframeStack {
  std::vector<QImage> keyframes;
  int width = 0;     // W: every keyframe is W x H
  int height = 0;    // H
  int outpaint = 0;  // p: ring added on each long side per step, in canvas pixels
  // Keyframe k's centre is keyframe k-1 shrunk (Droste pastes it back with the renderer's filter; a perfect
  // outpainter elsewhere area-averages): the renderer then draws no keyframe smaller than the frame's pixels,
  // and a whole zoom position shows its keyframe exactly. False for a centre the model repainted (paste-back
  // off, a mask overlap): every inner keyframe is blended in, so that nothing pops when one stops being drawn.
  bool centresPasted = true;
};

// Width ratio between consecutive keyframes: (L+2p)/L for the long side L (the short side zooms alike).
double zoomRatio(const KeyframeStack& stack);

// Identifies the chain's pictures and geometry (SHA-256): what is made from the chain (render copies) is
// current while the fingerprint stays the same.
QByteArray fingerprint(const KeyframeStack& stack);

// Throws std::invalid_argument naming the first problem (empty chain, wrong size, null image).
void validate(const KeyframeStack& stack);

}  // namespace droste::render

#pragma once
// The renderer's input: a chain of square keyframes where keyframe k+1 is keyframe k zoomed out.
#include <QImage>

#include <vector>

namespace droste::render {

// keyframes[k+1] was made by shrinking keyframes[k] by size/(size+2*outpaint) into the centre of
// a (size+2*outpaint)² canvas, painting the ring around it and resizing back to size².
struct KeyframeStack {
  std::vector<QImage> keyframes;
  int size = 0;      // S: every keyframe is S x S
  int outpaint = 0;  // p: ring width added per step, in pixels of the (S+2p)² canvas
};

// Width ratio between consecutive keyframes: (S+2p)/S.
double zoomRatio(const KeyframeStack& stack);

// Throws std::invalid_argument naming the first problem (empty chain, wrong size, null image).
void validate(const KeyframeStack& stack);

}  // namespace droste::render

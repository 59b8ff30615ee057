#pragma once
// QImage <-> model tensors, with the reference pipeline's exact pre/post-processing
// (diffusers' VaeImageProcessor and PIL's convert("L")). The one place where pixels become tensors.

#include <ATen/core/Tensor.h>
#include <QImage>

namespace droste::io {

// RGB image -> [1,3,H,W] float32 in [-1,1]: 2 * (u8 / 255) - 1 (alpha is ignored).
at::Tensor imageToTensor(const QImage& image);

// Mask -> [1,1,H,W] float32 in [0,1]: the grey level (PIL "L": (19595 R + 38470 G + 7471 B + 32768) >> 16)
// divided by 255. White = repaint; the pipeline binarises (>= 0.5).
at::Tensor maskToTensor(const QImage& mask);

// [1,3,H,W] or [3,H,W] in [0,1] (any float dtype / device) -> RGB888, round(x * 255) (half to even, as numpy).
QImage tensorToImage(const at::Tensor& image);

// uint8 [H,W,3] (e.g. StepProgress::preview) -> RGB888 copy.
QImage rgbU8ToImage(const at::Tensor& hwc);

}  // namespace droste::io

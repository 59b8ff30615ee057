#include "core/diffusion/pipeline/inpaint_stages.h"

#include <torch/torch.h>

#include <sstream>
#include <stdexcept>

namespace droste::diffusion {

at::Tensor imageFromRgbU8(const at::Tensor& hwc) {
  if (hwc.dim() != 3 || hwc.size(2) != 3 || hwc.scalar_type() != at::kByte)
    throw std::invalid_argument("expected an RGB image as uint8 [H,W,3]");
  const at::Tensor x = hwc.to(at::kFloat) / 255.0f;
  return (2.0f * x - 1.0f).permute({2, 0, 1}).unsqueeze(0).contiguous();
}

at::Tensor maskFromGreyU8(const at::Tensor& hw) {
  if (hw.dim() != 2 || hw.scalar_type() != at::kByte) throw std::invalid_argument("expected a mask as uint8 [H,W]");
  return (hw.to(at::kFloat) / 255.0f).unsqueeze(0).unsqueeze(0).contiguous();
}

InpaintInputs prepareInputs(const at::Tensor& image, const at::Tensor& mask, int64_t f) {
  if (!image.defined() || image.dim() != 4 || image.size(0) != 1 || image.size(1) != 3)
    throw std::invalid_argument("the image must be one RGB picture ([1,3,H,W] tensor)");
  if (!mask.defined() || mask.dim() != 4 || mask.size(0) != 1 || mask.size(1) != 1)
    throw std::invalid_argument("the mask must be one grey-level picture ([1,1,H,W] tensor)");
  const int64_t h = image.size(2), w = image.size(3);
  if (h % f != 0 || w % f != 0 || h == 0 || w == 0) {
    std::ostringstream msg;
    msg << "the image is " << w << "x" << h << " pixels; Stable Diffusion needs a width and height that are "
        << "multiples of " << f << " (e.g. " << std::max<int64_t>(f, w / f * f) << "x" << std::max<int64_t>(f, h / f * f)
        << "): crop or resize it";
    throw std::invalid_argument(msg.str());
  }
  if (mask.size(2) != h || mask.size(3) != w) {
    std::ostringstream msg;
    msg << "the mask is " << mask.size(3) << "x" << mask.size(2) << " pixels but the image is " << w << "x" << h
        << ": the mask must have exactly the image's size";
    throw std::invalid_argument(msg.str());
  }
  InpaintInputs in;
  in.initImage = image.to(at::kFloat);
  const at::Tensor m = mask.to(at::kFloat);
  in.maskCondition = (m >= 0.5).to(at::kFloat);
  in.maskedImage = in.initImage * (in.maskCondition < 0.5);
  return in;
}

at::Tensor latentMask(const at::Tensor& maskCondition, int64_t f) {
  using at::indexing::Slice;
  return maskCondition.index({Slice(), Slice(), Slice(0, at::indexing::None, f), Slice(0, at::indexing::None, f)})
      .contiguous();
}

at::Tensor applyGuidance(const at::Tensor& unetOut, double guidanceScale) {
  const auto halves = unetOut.chunk(2, 0);
  return halves[0] + guidanceScale * (halves[1] - halves[0]);
}

int startStepFor(int n, double strength) {
  const int initT = std::min(static_cast<int>(n * strength), n);
  return std::max(n - initT, 0);
}

at::Tensor latentPreview(const at::Tensor& latents) {
  // Least-squares fit of RGB (in [-1,1]) to the 4 channels of SD1/SD2 VAE latents: a common
  // approximation that gives recognisable colours and shapes at latent resolution.
  static const float kLatentToRgb[4][3] = {
      {0.298f, 0.207f, 0.208f}, {0.187f, 0.286f, 0.173f}, {-0.158f, 0.189f, 0.264f}, {-0.184f, -0.271f, -0.473f}};
  const at::Tensor map = torch::from_blob(const_cast<float*>(&kLatentToRgb[0][0]), {4, 3}, at::kFloat);
  const at::Tensor lat = latents.detach()[0].to(at::kCPU, at::kFloat);  // [4,h,w]
  const at::Tensor rgb = at::einsum("khw,kc->hwc", {lat, map});
  return ((rgb + 1.0f) * 127.5f).clamp(0, 255).round().to(at::kByte).contiguous();
}

}  // namespace droste::diffusion

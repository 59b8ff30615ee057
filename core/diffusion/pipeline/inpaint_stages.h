#pragma once
// The stages of the reference inpainting pipeline (diffusers' StableDiffusionInpaintPipeline,
// see ../shared/fixtures/goldens/README.md section 6), each a small function that is tested alone
// against the goldens. Qt-free.

#include <ATen/core/Tensor.h>

namespace droste::diffusion {

// uint8 [H,W,3] RGB -> [1,3,H,W] float32 in [-1,1]: 2 * (u8 / 255) - 1 (float32 arithmetic, as numpy).
at::Tensor imageFromRgbU8(const at::Tensor& hwc);
// uint8 [H,W] grey -> [1,1,H,W] float32 in [0,1]: u8 / 255.
at::Tensor maskFromGreyU8(const at::Tensor& hw);

struct InpaintInputs {
  at::Tensor initImage;      // [1,3,H,W] in [-1,1]
  at::Tensor maskCondition;  // [1,1,H,W], 1 where mask >= 0.5 (repaint), else 0
  at::Tensor maskedImage;    // initImage * (maskCondition < 0.5): 0 (mid-grey) in the hole
};

// Validates sizes (clear messages for a size that is not a multiple of the VAE's latentFactor, its
// downsampleFactor(): 8 for SD1/SD2, or a mask of another size) and binarises the mask.
InpaintInputs prepareInputs(const at::Tensor& image, const at::Tensor& mask, int64_t latentFactor);

// The mask at latent resolution: F.interpolate(mask, size=(H/f, W/f)) in nearest mode, i.e. the
// top-left pixel of every f x f block (f = latentFactor, 8 for SD1/SD2).
at::Tensor latentMask(const at::Tensor& maskCondition, int64_t latentFactor);

// Classifier-free guidance on a [uncond; cond] batch: u + scale * (c - u).
at::Tensor applyGuidance(const at::Tensor& unetOut, double guidanceScale);

// Index of the first timestep run for `strength` (diffusers' get_timesteps): n - min(int(n * strength), n).
int startStepFor(int numInferenceSteps, double strength);

// A cheap preview of latents [1,4,h,w] without the VAE: a fixed linear map of the 4 latent
// channels to RGB; uint8 [h,w,3] on the CPU.
at::Tensor latentPreview(const at::Tensor& latents);

}  // namespace droste::diffusion

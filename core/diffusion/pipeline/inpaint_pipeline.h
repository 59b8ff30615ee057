#pragma once
// Stable Diffusion inpainting, step for step as diffusers' StableDiffusionInpaintPipeline
// (../shared/fixtures/goldens/README.md sections 6 and 6b) and, for SDXL models, as
// StableDiffusionXLInpaintPipeline (tests/fixtures/sdxl/README.md): 9-channel inpainting UNets and the
// latent-blending path for plain 4-channel UNets, classifier-free guidance, strength < 1, noise from
// a CPU generator in the reference's order. Plus what the zoom needs: cancel between steps, a
// per-step callback with a cheap preview, optional paste-back. Qt-free.

#include "core/diffusion/schedulers/sampler.h"
#include "core/errors.h"

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace droste::diffusion {

struct ModelSource;
class ClipTokenizer;
class ClipTextModel;
class UNet2DConditionModel;
class AutoencoderKL;

struct InpaintRequest {
  at::Tensor image;  // [1,3,H,W] in [-1,1]
  at::Tensor mask;   // [1,1,H,W] in [0,1], 1 = repaint (binarised at 0.5)
  std::string prompt, negativePrompt;
  int steps = 25;
  double guidance = 7.5;  // <= 1 disables classifier-free guidance
  uint64_t seed = 0;
  double strength = 1.0;  // (0, 1]: below 1 starts from the re-noised picture
  std::string scheduler;  // empty = the model's own; else one of schedulerNames()
  bool pasteBack = false; // put the unmasked original pixels back after decoding
  // SDXL models with force_zeros_for_empty_prompt: an empty negative prompt guides with zero embeddings,
  // as diffusers does for negative_prompt=None; false encodes the empty string (negative_prompt="").
  bool zeroEmptyNegativePrompt = true;
};

struct StepProgress {
  // Denoising steps as the artist asked for them (denoisingStepNumbers): 25 steps report 1..25, and PNDM,
  // which evaluates its first step twice, reports step 1 twice. One callback per UNet evaluation.
  int step;            // steps done, 1..total
  int total;           // denoising steps of this run (fewer than asked for when strength < 1)
  at::Tensor preview;  // uint8 [h,w,3] cheap latent->RGB at latent resolution, CPU
};
using StepCallback = std::function<void(const StepProgress&)>;

// The computation produced NaN/inf: ErrorKind::Overflow at a reduced precision (a higher one helps),
// ErrorKind::ModelUnusable when even fp32 overflowed (broken weights or picture).
class NumericalError : public Error {
 public:
  using Error::Error;
};

class InpaintPipeline {
 public:
  struct Components;  // tokenizer(s), text encoder(s), UNet, VAE, scheduler config

  InpaintPipeline(std::unique_ptr<Components> components, c10::Device device, c10::ScalarType dtype);
  ~InpaintPipeline();

  // Loads every component of the model straight into dtype on device. Throws with an actionable
  // message for unsupported models (a UNet that is neither 4- nor 9-channel) or fp16 on the CPU.
  static std::unique_ptr<InpaintPipeline> load(const ModelSource& model, c10::Device device, c10::ScalarType dtype);

  // [1,3,H,W] float in [0,1] on the CPU. Throws Cancelled when *cancel becomes true (checked
  // between steps), std::invalid_argument for bad input, NumericalError for NaN output.
  at::Tensor run(const InpaintRequest& request, const StepCallback& onStep = {},
                 const std::atomic_bool* cancel = nullptr);

  // Every intermediate of the next runs under the reference's tensor names (`prompt_embeds`,
  // `draw{j}`, `step{i}.unet_in`, `decoded`, ...), for golden tests and debugging.
  using Trace = std::function<void(const std::string& name, const at::Tensor& value)>;
  void setTrace(Trace trace) { trace_ = std::move(trace); }

  // The text encoders (SDXL's: 1.6 GB in bf16) are needed only to encode a prompt not seen before: by
  // default a run releases them after encoding, and a later run with a new prompt loads them again from
  // the model's files (about a second; the last few prompts' encodings are remembered, so a zoom chain
  // with one prompt never does). Keeping them trades that memory for the reload.
  void setKeepTextEncodersLoaded(bool keep) { keepTextEncodersLoaded_ = keep; }
  bool textEncodersLoaded() const;

  bool inpaintingUNet() const;  // 9 input channels (else the 4-channel blending path)
  bool sdxl() const;            // two text encoders and the size/crop conditioning
  c10::Device device() const { return device_; }
  c10::ScalarType dtype() const { return dtype_; }
  const nlohmann::json& schedulerConfig() const;

 private:
  class Run;  // one run(): its stages and what they share (inpaint_pipeline.cpp)
  at::Tensor runUnguarded(const InpaintRequest& request, const StepCallback& onStep, const std::atomic_bool* cancel);
  at::Tensor encodePrompt(const std::string& text, const char* idsName);
  // One text through the text encoder(s): what encodePrompt gives (embeds only) or encodePromptXl (both).
  struct EncodedText {
    at::Tensor embeds;  // [1,77,D]; SDXL: [1,77,D1+D2], both encoders' penultimate hidden states side by side
    at::Tensor pooled;  // SDXL: [1,P], the second encoder's projected pooled output
  };
  EncodedText encodePromptXl(const std::string& text, const std::string& idsName);
  void releaseTextEncoders();
  const EncodedText* cachedEncoding(const std::string& text) const;  // null when traced or not seen
  void rememberEncoding(const std::string& text, EncodedText encoded);
  void trace(const std::string& name, const at::Tensor& value) const {
    if (trace_) trace_(name, value);
  }

  std::unique_ptr<Components> c_;
  c10::Device device_;
  c10::ScalarType dtype_;
  Trace trace_;
  bool keepTextEncodersLoaded_ = false;
  std::vector<std::pair<std::string, EncodedText>> encodedTexts_;  // oldest first
};

}  // namespace droste::diffusion

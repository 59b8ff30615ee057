#include "core/diffusion/pipeline/inpaint_pipeline.h"

#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/weights.h"
#include "core/diffusion/runtime/memory_budget.h"
#include "core/diffusion/models/clip_text_model.h"
#include "core/diffusion/models/inference_conv2d.h"
#include "core/diffusion/models/unet.h"
#include "core/diffusion/models/vae.h"
#include "core/diffusion/pipeline/inpaint_stages.h"
#include "core/diffusion/runtime/device_choice.h"
#include "core/diffusion/runtime/heap.h"
#include "core/diffusion/schedulers/scheduler_factory.h"
#include "core/diffusion/text/clip_tokenizer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <new>
#include <optional>
#include <sstream>

namespace droste::diffusion {

struct InpaintPipeline::Components {
  std::shared_ptr<ClipTokenizer> tokenizer, tokenizer2;  // tokenizer2, textEncoder2: SDXL only
  ClipTextModel textEncoder{nullptr}, textEncoder2{nullptr};  // null while released (releaseTextEncoders)
  // Where they load from again: the weights stay mapped, not resident (see loadTextEncoders).
  ComponentSource textEncoderSource, textEncoder2Source;
  LoadOptions textLoadOptions;
  bool sdxl = false;

  // Loads the text encoder(s) from their sources, each's freed loading buffers returned before the next.
  void loadTextEncoders() {
    textEncoder = loadClipTextModel(textEncoderSource.config, *textEncoderSource.weights, textLoadOptions);
    releaseFreedHeapMemory();
    if (!sdxl) return;
    textEncoder2 = loadClipTextModel(textEncoder2Source.config, *textEncoder2Source.weights, textLoadOptions,
                                     /*withProjection=*/true);
    releaseFreedHeapMemory();
  }
  UNet2DConditionModel unet{nullptr};
  AutoencoderKL vae{nullptr};
  // The pipeline's, or fp32 for a force_upcast VAE (SDXL's) at a reduced precision: diffusers upcasts it for
  // fp16 only, but in bf16 it loses the all-black keyframe's picture too (27.9 dB from the fp32 golden against
  // 38.9 dB upcast: droste-bench parity --fixtures tests/fixtures/sdxl --dtype bf16), and the VAE is 3% of
  // the model's weights.
  c10::ScalarType vaeDtype = c10::ScalarType::Float;
  bool forceZerosForEmptyPrompt = false;
  nlohmann::json schedulerConfig;
};

namespace {

// What to do about it is the front end's (ErrorKind::Overflow: a higher precision); the message says
// where and at which precision.
void requireFinite(const at::Tensor& t, const std::string& where, c10::ScalarType dtype) {
  if (at::isfinite(t).all().item<bool>()) return;
  const std::string what = "the picture became NaN/infinite " + where;
  if (dtype == at::kHalf) throw NumericalError(ErrorKind::Overflow, what + ": fp16 overflowed");
  if (dtype == at::kBFloat16) throw NumericalError(ErrorKind::Overflow, what + ": bf16 overflowed");
  throw NumericalError(ErrorKind::ModelUnusable,
                       what + ": even fp32 overflowed, so the model's weights or the input picture are broken");
}

std::string paintingWhat(const InpaintRequest& request) {
  const auto size = request.image.sizes();
  return size.size() == 4 ? "while painting a " + std::to_string(size[3]) + "x" + std::to_string(size[2]) + " picture"
                          : std::string("while painting");
}

// Checked before anything is prepared, so that a bad request fails at once.
const InpaintRequest& validated(const InpaintRequest& request) {
  if (request.steps < 1) throw std::invalid_argument("the number of steps must be at least 1");
  if (!(request.strength > 0.0 && request.strength <= 1.0))
    throw std::invalid_argument("strength must be above 0 and at most 1");
  return request;
}

bool isOutOfMemory(const std::string& what) {
  return what.find("out of memory") != std::string::npos || what.find("DefaultCPUAllocator: can't allocate") !=
                                                                   std::string::npos;
}

// Out of memory on that device, in the engine's vocabulary; `during` says what was being done.
[[noreturn]] void throwOutOfMemory(c10::Device device, const std::string& during) {
  throw Error(device.is_cuda() ? ErrorKind::OutOfMemoryGpu : ErrorKind::OutOfMemoryCpu,
              std::string(device.is_cuda() ? "the GPU" : "the computer") + " ran out of memory " + during);
}

}  // namespace

InpaintPipeline::InpaintPipeline(std::unique_ptr<Components> components, c10::Device device, c10::ScalarType dtype)
    : c_(std::move(components)), device_(device), dtype_(dtype) {}

InpaintPipeline::~InpaintPipeline() = default;

bool InpaintPipeline::inpaintingUNet() const { return c_->unet->config().inChannels == 9; }

bool InpaintPipeline::sdxl() const { return c_->sdxl; }

bool InpaintPipeline::textEncodersLoaded() const { return static_cast<bool>(c_->textEncoder); }

void InpaintPipeline::releaseTextEncoders() {
  c_->textEncoder = nullptr;
  c_->textEncoder2 = nullptr;
  releaseFreedHeapMemory();
}

const nlohmann::json& InpaintPipeline::schedulerConfig() const { return c_->schedulerConfig; }

std::unique_ptr<InpaintPipeline> InpaintPipeline::load(const ModelSource& model, c10::Device device,
                                                       c10::ScalarType dtype) {
  // Before any weight is read: fp16 on the CPU (libtorch has no fp16 matrix multiply there), bf16 on a
  // CPU without AVX-512 (oneDNN's bf16 kernels throw there), and other dtypes are refused.
  requirePrecisionRunsHere(device, dtype);
  // The weights alone must fit in what is free (checked from the headers; the GPU's own limit is found
  // by loading, which reports running out).
  if (device.is_cpu())
    requireCpuMemoryFor(model.name + "'s weights in " + precisionName(precisionOf(dtype)),
                        uint64_t(describeModel(model).parameterCount) * c10::elementSize(dtype));
  auto c = std::make_unique<Components>();
  try {
    c->tokenizer = std::make_shared<ClipTokenizer>(ClipTokenizer::fromFolder(model.tokenizerDir));
    LoadOptions options;
    options.dtype = dtype;
    options.device = device;
    c->textEncoderSource = model.textEncoder;
    c->textLoadOptions = options;
    if (model.textEncoder2.weights) {
      if (model.tokenizer2Dir.empty())
        throw Error(ErrorKind::ModelUnusable, model.name + ": the SDXL model's second tokenizer was not found");
      c->tokenizer2 = std::make_shared<ClipTokenizer>(ClipTokenizer::fromFolder(model.tokenizer2Dir));
      c->textEncoder2Source = model.textEncoder2;
      c->sdxl = true;
      c->forceZerosForEmptyPrompt = model.forceZerosForEmptyPrompt;
    }
    // One component at a time, each packed and its freed loading buffers returned before the next, so
    // loading never holds much more than the weights.
    c->loadTextEncoders();
    c->unet = loadUNet(model.unet.config, *model.unet.weights, dtype, device);
    if (c->unet->config().textTimeConditioning() != static_cast<bool>(c->textEncoder2))
      throw Error(ErrorKind::ModelUnusable,
                  model.name + (c->textEncoder2 ? ": the model has two text encoders but its UNet lacks SDXL's size "
                                                  "conditioning (addition_embed_type text_time)"
                                                : ": the UNet needs SDXL's pooled text embedding, but the model has "
                                                  "only one text encoder"));
    if (device.is_cpu()) packConvolutionsForCpu(*c->unet);
    releaseFreedHeapMemory();
    c->vaeDtype = dtype != at::kFloat && VaeConfig::fromJson(model.vae.config).forceUpcast ? at::kFloat : dtype;
    c->vae = loadVae(model.vae.config, model.vae.weights, c->vaeDtype, device);
    if (device.is_cpu()) packConvolutionsForCpu(*c->vae);
    releaseFreedHeapMemory();
  } catch (const std::bad_alloc&) {
    throwOutOfMemory(device, "while loading " + model.name);
  } catch (const c10::Error& e) {
    if (isOutOfMemory(e.what())) throwOutOfMemory(device, "while loading " + model.name);
    throw;
  }
  const int64_t in = c->unet->config().inChannels;
  if (in != 9 && in != 4)
    throw Error(ErrorKind::ModelUnusable,
                model.name + ": the UNet takes " + std::to_string(in) +
                    " input channels; only inpainting (9) and plain text-to-image (4) UNets are supported");
  c->schedulerConfig = model.schedulerConfig;
  return std::make_unique<InpaintPipeline>(std::move(c), device, dtype);
}

at::Tensor InpaintPipeline::run(const InpaintRequest& request, const StepCallback& onStep,
                                const std::atomic_bool* cancel) {
  try {
    return runUnguarded(request, onStep, cancel);
  } catch (const std::bad_alloc&) {
    throwOutOfMemory(device_, paintingWhat(request));
  } catch (const c10::Error& e) {
    if (isOutOfMemory(e.what())) throwOutOfMemory(device_, paintingWhat(request));
    throw;
  }
}

const InpaintPipeline::EncodedText* InpaintPipeline::cachedEncoding(const std::string& text) const {
  if (trace_) return nullptr;  // a traced run shows every stage, the text encoders' included
  for (const auto& [cachedText, encoded] : encodedTexts_)
    if (cachedText == text) return &encoded;
  return nullptr;
}

void InpaintPipeline::rememberEncoding(const std::string& text, EncodedText encoded) {
  constexpr size_t kRemembered = 8;  // a few prompts and negative prompts of one session
  if (encodedTexts_.size() == kRemembered) encodedTexts_.erase(encodedTexts_.begin());
  encodedTexts_.emplace_back(text, std::move(encoded));
}

at::Tensor InpaintPipeline::encodePrompt(const std::string& text, const char* idsName) {
  if (const EncodedText* cached = cachedEncoding(text)) return cached->embeds;
  if (!c_->textEncoder) c_->loadTextEncoders();
  const std::vector<int64_t> ids = c_->tokenizer->encode(text);
  const at::Tensor idsTensor = torch::tensor(ids, at::kLong).unsqueeze(0);  // [1,77]
  trace(idsName, idsTensor);
  const at::Tensor embeds = c_->textEncoder->forward(idsTensor.to(device_));  // [1,77,D]
  rememberEncoding(text, {embeds, {}});
  return embeds;
}

// diffusers' SDXL encode_prompt for one text: each tokenizer/encoder pair's hidden states before the
// last layer, concatenated on the feature axis; the pooled embedding comes from the second encoder.
InpaintPipeline::EncodedText InpaintPipeline::encodePromptXl(const std::string& text, const std::string& idsName) {
  if (const EncodedText* cached = cachedEncoding(text)) return *cached;
  if (!c_->textEncoder) c_->loadTextEncoders();
  auto encode = [&](ClipTokenizer& tokenizer, ClipTextModel& encoder, const std::string& name) {
    const at::Tensor ids = torch::tensor(tokenizer.encode(text), at::kLong).unsqueeze(0);  // [1,77]
    trace(name, ids);
    return encoder->encode(ids.to(device_));
  };
  const ClipTextOutput first = encode(*c_->tokenizer, c_->textEncoder, idsName);
  const ClipTextOutput second = encode(*c_->tokenizer2, c_->textEncoder2, idsName + "_2");
  EncodedText prompt;
  prompt.embeds = at::cat({first.hiddenStates.end()[-2], second.hiddenStates.end()[-2]}, -1);
  prompt.pooled = second.textEmbeds;
  rememberEncoding(text, prompt);
  return prompt;
}

// One call of run(), stage by stage in the reference's order. It holds what the stages share: the
// request, the scheduler and the one CPU generator whose draws must come in the reference's order and
// shapes, and the tensors one stage hands to the next.
class InpaintPipeline::Run {
 public:
  // Validates the request and prepares the image and mask (traced as the reference names them).
  Run(InpaintPipeline& pipeline, const InpaintRequest& request, const std::atomic_bool* cancel);

  void encodePrompts();         // 1. prompt embeddings, [uncond, cond] with guidance
  void encodePromptsXl();       //    the same for SDXL, with the pooled embeddings and size ids
  void chooseTimesteps();       // 2. a tail of the schedule for strength < 1
  void prepareLatents();        // 3. image latents (when needed), noise, the starting latents
  void prepareConditioning();   // 4. the masked image's latents and the mask at latent resolution
  void denoise(const StepCallback& onStep);  // 5. the sampling loop
  at::Tensor decode() const;    // 6. [1,3,H,W] in [0,1] on the CPU
  at::Tensor pasteBack(const at::Tensor& image) const;  // the original pixels where the mask keeps them

 private:
  void checkCancel() const { throwIfCancelled(cancel_); }
  // The next draw of the generator, as the reference, in dtype (default: the pipeline's).
  at::Tensor draw(at::IntArrayRef shape, std::optional<c10::ScalarType> dtype = std::nullopt);
  at::Tensor encodeLatents(const at::Tensor& image);  // VAE encode and sample (takes a draw)
  at::Tensor predictNoise(const at::Tensor& scaled, double t);   // one UNet evaluation, guided
  at::Tensor blendOutsideMask(int step, const at::Tensor& stepped) const;
  void reportStep(int step, const at::Tensor& stepLatents, const std::vector<int>& stepNumbers,
                  const StepCallback& onStep) const;
  void trace(const std::string& name, const at::Tensor& value) const { pipeline_.trace(name, value); }

  InpaintPipeline& pipeline_;
  Components& c_;
  const InpaintRequest& request_;
  const std::atomic_bool* cancel_;
  const int64_t latentFactor_;  // 8 for SD1/SD2
  const InpaintInputs inputs_;
  std::unique_ptr<Scheduler> scheduler_;
  bool cfg_ = false;
  bool nineChannels_ = false;
  at::TensorOptions opts_;
  at::Generator generator_;
  int drawIndex_ = 0;
  int encodeIndex_ = 0;
  int unetCall_ = 0;
  at::Tensor promptEmbeds_;
  UNetAddedConditions added_;  // SDXL: pooled text embeddings and size/crop ids, [uncond, cond] with guidance
  std::vector<double> timesteps_;
  at::Tensor imageLatents_;  // only for the 4-channel blend or strength < 1
  at::Tensor noise_;
  at::Tensor latents_;
  at::Tensor maskLatent_;    // doubled with guidance, like maskedImageLatents_
  at::Tensor maskedImageLatents_;
  at::Tensor initMask_;      // the mask at latent resolution, once
};

InpaintPipeline::Run::Run(InpaintPipeline& pipeline, const InpaintRequest& request, const std::atomic_bool* cancel)
    : pipeline_(pipeline),
      c_(*pipeline.c_),
      request_(validated(request)),
      cancel_(cancel),
      latentFactor_(c_.vae->config().downsampleFactor()),
      inputs_(prepareInputs(request.image, request.mask, latentFactor_)) {
  trace("init_image", inputs_.initImage);
  trace("mask_condition", inputs_.maskCondition);
  trace("masked_image", inputs_.maskedImage);
  checkCancel();
  scheduler_ = makeScheduler(request_.scheduler, c_.schedulerConfig);
  cfg_ = request_.guidance > 1.0;
  nineChannels_ = pipeline_.inpaintingUNet();
  opts_ = at::TensorOptions().device(pipeline_.device_).dtype(pipeline_.dtype_);
}

void InpaintPipeline::Run::encodePrompts() {
  if (pipeline_.sdxl()) return encodePromptsXl();
  promptEmbeds_ = pipeline_.encodePrompt(request_.prompt, "text_input_ids");
  if (cfg_) promptEmbeds_ = at::cat({pipeline_.encodePrompt(request_.negativePrompt, "uncond_input_ids"), promptEmbeds_});
  promptEmbeds_ = promptEmbeds_.to(pipeline_.dtype_);
  trace("prompt_embeds", promptEmbeds_);
}

void InpaintPipeline::Run::encodePromptsXl() {
  const EncodedText cond = pipeline_.encodePromptXl(request_.prompt, "text_input_ids");
  promptEmbeds_ = cond.embeds;
  at::Tensor pooled = cond.pooled;
  // [original height, width, crop top, left, target height, width]: the whole picture, uncropped.
  const double h = static_cast<double>(inputs_.initImage.size(2)), w = static_cast<double>(inputs_.initImage.size(3));
  at::Tensor timeIds = torch::tensor({h, w, 0.0, 0.0, h, w}, at::kFloat).unsqueeze(0);
  if (cfg_) {
    EncodedText uncond;
    if (request_.negativePrompt.empty() && request_.zeroEmptyNegativePrompt && c_.forceZerosForEmptyPrompt) {
      uncond.embeds = at::zeros_like(cond.embeds);
      uncond.pooled = at::zeros_like(cond.pooled);
    } else {
      uncond = pipeline_.encodePromptXl(request_.negativePrompt, "uncond_input_ids");
    }
    promptEmbeds_ = at::cat({uncond.embeds, promptEmbeds_});
    pooled = at::cat({uncond.pooled, pooled});
    timeIds = at::cat({timeIds, timeIds});
  }
  promptEmbeds_ = promptEmbeds_.to(pipeline_.dtype_);
  added_.textEmbeds = pooled.to(pipeline_.dtype_);
  added_.timeIds = timeIds.to(opts_);
  trace("prompt_embeds", promptEmbeds_);
  trace("add_text_embeds", added_.textEmbeds);
  trace("add_time_ids", added_.timeIds);
}

void InpaintPipeline::Run::chooseTimesteps() {
  scheduler_->setTimesteps(request_.steps);
  const int tStart = startStepFor(request_.steps, request_.strength) * scheduler_->order();
  const std::vector<double> all = scheduler_->timestepValues();
  timesteps_.assign(all.begin() + std::min<size_t>(tStart, all.size()), all.end());
  if (timesteps_.empty())
    throw std::invalid_argument("strength " + std::to_string(request_.strength) + " with " +
                                std::to_string(request_.steps) + " steps leaves no denoising step; raise either");
  scheduler_->setBeginIndex(tStart);
  trace("timesteps", scheduler_->timesteps().slice(0, tStart));
}

at::Tensor InpaintPipeline::Run::draw(at::IntArrayRef shape, std::optional<c10::ScalarType> dtype) {
  const at::Tensor noise = at::randn(shape, generator_, at::TensorOptions().dtype(at::kFloat));
  trace("draw" + std::to_string(drawIndex_++), noise);
  return noise.to(opts_.dtype(dtype.value_or(pipeline_.dtype_)));
}

at::Tensor InpaintPipeline::Run::encodeLatents(const at::Tensor& image) {
  const std::string prefix = "vae_encode" + std::to_string(encodeIndex_++) + ".";
  trace(prefix + "input", image);
  // The reference hands the VAE a channels-last view of its NHWC pixel array; the same layout
  // takes the same convolution/GroupNorm kernels and so the same rounding (goldens README 6).
  const LatentDistribution dist =
      c_.vae->encode(image.to(opts_.dtype(c_.vaeDtype)).contiguous(at::MemoryFormat::ChannelsLast));
  trace(prefix + "mean", dist.mean);
  trace(prefix + "std", dist.std);
  const at::Tensor noise = draw(dist.mean.sizes(), c_.vaeDtype);
  return (c_.vae->scalingFactor() * dist.sample(noise)).to(pipeline_.dtype_);
}

void InpaintPipeline::Run::prepareLatents() {
  generator_ = at::detail::createCPUGenerator(request_.seed);
  const int64_t h = inputs_.initImage.size(2) / latentFactor_, w = inputs_.initImage.size(3) / latentFactor_;
  const std::vector<int64_t> latentShape{1, c_.vae->config().latentChannels, h, w};  // [1,4,h,w] for SD1/SD2
  const bool strengthMax = request_.strength == 1.0;
  if (!nineChannels_ || !strengthMax) {
    imageLatents_ = encodeLatents(inputs_.initImage);
    trace("image_latents", imageLatents_);
  }
  noise_ = draw(latentShape);
  trace("noise", noise_);
  latents_ = strengthMax ? noise_ * scheduler_->initNoiseSigma()
                         : scheduler_->addNoise(imageLatents_, noise_, timesteps_.front());
  trace("initial_latents", latents_);
}

void InpaintPipeline::Run::prepareConditioning() {
  // Encoded even for 4-channel UNets: it takes a draw.
  maskedImageLatents_ = encodeLatents(inputs_.maskedImage);
  maskLatent_ = latentMask(inputs_.maskCondition, latentFactor_).to(opts_);
  initMask_ = maskLatent_;
  if (cfg_) {
    maskLatent_ = at::cat({maskLatent_, maskLatent_});
    maskedImageLatents_ = at::cat({maskedImageLatents_, maskedImageLatents_});
  }
  trace("mask_latent", maskLatent_);
  trace("masked_image_latents", maskedImageLatents_);
  if (!nineChannels_) trace("init_mask", initMask_);
}

at::Tensor InpaintPipeline::Run::predictNoise(const at::Tensor& scaled, double t) {
  const std::string prefix = "step" + std::to_string(unetCall_++) + ".";
  at::Tensor x = cfg_ ? at::cat({scaled, scaled}) : scaled;
  if (nineChannels_) x = at::cat({x, maskLatent_, maskedImageLatents_}, 1);
  trace(prefix + "unet_in", x);
  const at::Tensor tTensor = at::scalar_tensor(t, at::TensorOptions().dtype(at::kFloat).device(pipeline_.device_));
  const at::Tensor out = c_.unet->forward(x, tTensor, promptEmbeds_, pipeline_.sdxl() ? &added_ : nullptr);
  trace(prefix + "unet_out", out);
  const at::Tensor noisePred = cfg_ ? applyGuidance(out, request_.guidance) : out;
  trace(prefix + "noise_pred", noisePred);
  return noisePred;
}

// Legacy inpainting (4-channel UNets): paste the image's latents, noised to the next step's level,
// outside the mask.
at::Tensor InpaintPipeline::Run::blendOutsideMask(int step, const at::Tensor& stepped) const {
  const std::string prefix = "step" + std::to_string(step) + ".";
  trace(prefix + "latents_before_blend", stepped);
  at::Tensor proper = imageLatents_;
  if (step + 1 < static_cast<int>(timesteps_.size())) {
    trace(prefix + "noise_timestep", at::scalar_tensor(timesteps_[step + 1], at::kDouble).reshape({1}));
    proper = scheduler_->addNoise(imageLatents_, noise_, timesteps_[step + 1]);
  }
  trace(prefix + "init_latents_proper", proper);
  return (1 - initMask_) * proper + initMask_ * stepped;
}

void InpaintPipeline::Run::reportStep(int step, const at::Tensor& stepLatents, const std::vector<int>& stepNumbers,
                                      const StepCallback& onStep) const {
  trace("step" + std::to_string(step) + ".latents", stepLatents);
  // The step's one wait for the device: the latents ([1,4,h,w], a few KB) come to the CPU once, for
  // both the NaN check and the preview.
  const at::Tensor hostLatents = stepLatents.detach().to(at::kCPU, at::kFloat);
  const int done = stepNumbers[step], total = stepNumbers.back();
  requireFinite(hostLatents, "at denoising step " + std::to_string(done) + " of " + std::to_string(total),
                pipeline_.dtype_);
  if (onStep) onStep(StepProgress{done, total, latentPreview(hostLatents)});
}

void InpaintPipeline::Run::denoise(const StepCallback& onStep) {
  const ModelFn model = [this](const at::Tensor& scaled, double t) { return predictNoise(scaled, t); };
  SamplerHooks hooks;
  hooks.cancel = cancel_;
  if (!nineChannels_)
    hooks.afterStep = [this](int step, at::Tensor stepped) { return blendOutsideMask(step, stepped); };
  const std::vector<int> stepNumbers = denoisingStepNumbers(timesteps_);
  hooks.onStep = [&](int step, int, const at::Tensor& stepLatents) {
    reportStep(step, stepLatents, stepNumbers, onStep);
  };
  releaseFreedHeapMemory();  // what the VAE encoder freed at full resolution
  latents_ = runSampler(*scheduler_, latents_, timesteps_, model, generator_, hooks);
  releaseFreedHeapMemory();  // the UNet's activations, before the decoder's full-resolution ones
  checkCancel();
}

at::Tensor InpaintPipeline::Run::decode() const {
  const at::Tensor decodeInput = latents_ / c_.vae->scalingFactor();
  trace("decode_input", decodeInput);
  const at::Tensor decoded = c_.vae->decode(decodeInput.to(c_.vaeDtype));
  trace("decoded", decoded);
  requireFinite(decoded, "in the VAE decoder", pipeline_.dtype_);
  const at::Tensor image = (decoded / 2 + 0.5).clamp(0, 1).to(at::kCPU, at::kFloat);
  trace("image", image.permute({0, 2, 3, 1}));
  return image;
}

at::Tensor InpaintPipeline::Run::pasteBack(const at::Tensor& image) const {
  // The original pixels wherever the (binarised) mask keeps them.
  const at::Tensor original = (inputs_.initImage.to(at::kFloat) + 1) / 2;
  const at::Tensor keep = inputs_.maskCondition.to(at::kFloat) < 0.5;
  return at::where(keep, original, image);
}

at::Tensor InpaintPipeline::runUnguarded(const InpaintRequest& request, const StepCallback& onStep,
                                         const std::atomic_bool* cancel) {
  c10::InferenceMode inferenceMode;
  Run run(*this, request, cancel);
  run.encodePrompts();
  if (!keepTextEncodersLoaded_) releaseTextEncoders();  // their memory goes to the UNet's and VAE's activations
  run.chooseTimesteps();
  run.prepareLatents();
  run.prepareConditioning();
  run.denoise(onStep);
  const at::Tensor image = run.decode();
  return (request.pasteBack ? run.pasteBack(image) : image).contiguous();
}

}  // namespace droste::diffusion

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
#include <sstream>

namespace droste::diffusion {

struct InpaintPipeline::Components {
  std::shared_ptr<ClipTokenizer> tokenizer;
  ClipTextModel textEncoder{nullptr};
  UNet2DConditionModel unet{nullptr};
  AutoencoderKL vae{nullptr};
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

const nlohmann::json& InpaintPipeline::schedulerConfig() const { return c_->schedulerConfig; }

std::unique_ptr<InpaintPipeline> InpaintPipeline::load(const ModelSource& model, c10::Device device,
                                                       c10::ScalarType dtype) {
  if (model.family == ModelFamily::SDXL)
    throw Error(ErrorKind::ModelUnusable, model.name +
                                              " is an SDXL model: SDXL is not supported yet; use a Stable Diffusion "
                                              "1.x or 2.x (inpainting) model");
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
    // One component at a time, each packed and its freed loading buffers returned before the next, so
    // loading never holds much more than the weights.
    c->textEncoder = loadClipTextModel(model.textEncoder.config, *model.textEncoder.weights, options);
    releaseFreedHeapMemory();
    c->unet = loadUNet(model.unet.config, *model.unet.weights, dtype, device);
    if (device.is_cpu()) packConvolutionsForCpu(*c->unet);
    releaseFreedHeapMemory();
    c->vae = loadVae(model.vae.config, model.vae.weights, dtype, device);
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

at::Tensor InpaintPipeline::encodePrompt(const std::string& text, const char* idsName) {
  const std::vector<int64_t> ids = c_->tokenizer->encode(text);
  const at::Tensor idsTensor = torch::tensor(ids, at::kLong).unsqueeze(0);  // [1,77]
  trace(idsName, idsTensor);
  return c_->textEncoder->forward(idsTensor.to(device_));  // [1,77,D]
}

at::Tensor InpaintPipeline::runUnguarded(const InpaintRequest& request, const StepCallback& onStep,
                                         const std::atomic_bool* cancel) {
  c10::InferenceMode inferenceMode;
  if (request.steps < 1) throw std::invalid_argument("the number of steps must be at least 1");
  if (!(request.strength > 0.0 && request.strength <= 1.0))
    throw std::invalid_argument("strength must be above 0 and at most 1");
  const VaeConfig& vaeConfig = c_->vae->config();
  const int64_t latentFactor = vaeConfig.downsampleFactor();  // 8 for SD1/SD2
  const InpaintInputs inputs = prepareInputs(request.image, request.mask, latentFactor);
  trace("init_image", inputs.initImage);
  trace("mask_condition", inputs.maskCondition);
  trace("masked_image", inputs.maskedImage);
  auto checkCancel = [&] {
    throwIfCancelled(cancel);
  };
  checkCancel();

  auto scheduler = makeScheduler(request.scheduler, c_->schedulerConfig);
  const bool cfg = request.guidance > 1.0;
  const bool nineChannels = inpaintingUNet();
  const auto opts = at::TensorOptions().device(device_).dtype(dtype_);

  // 1. Prompt embeddings, [uncond, cond] with guidance.
  at::Tensor promptEmbeds = encodePrompt(request.prompt, "text_input_ids");
  if (cfg) promptEmbeds = at::cat({encodePrompt(request.negativePrompt, "uncond_input_ids"), promptEmbeds});
  promptEmbeds = promptEmbeds.to(dtype_);
  trace("prompt_embeds", promptEmbeds);

  // 2. Timesteps (a tail of the schedule for strength < 1).
  scheduler->setTimesteps(request.steps);
  const int tStart = startStepFor(request.steps, request.strength) * scheduler->order();
  const std::vector<double> all = scheduler->timestepValues();
  const std::vector<double> timesteps(all.begin() + std::min<size_t>(tStart, all.size()), all.end());
  if (timesteps.empty())
    throw std::invalid_argument("strength " + std::to_string(request.strength) + " with " +
                                std::to_string(request.steps) + " steps leaves no denoising step; raise either");
  scheduler->setBeginIndex(tStart);
  trace("timesteps", scheduler->timesteps().slice(0, tStart));

  // 3. Random draws: one CPU generator, the reference's order and shapes.
  at::Generator generator = at::detail::createCPUGenerator(request.seed);
  int drawIndex = 0;
  auto draw = [&](at::IntArrayRef shape) {
    const at::Tensor noise = at::randn(shape, generator, at::TensorOptions().dtype(at::kFloat));
    trace("draw" + std::to_string(drawIndex++), noise);
    return noise.to(opts);
  };
  const double sf = c_->vae->scalingFactor();
  int encodeIndex = 0;
  auto encodeLatents = [&](const at::Tensor& image) {
    const std::string prefix = "vae_encode" + std::to_string(encodeIndex++) + ".";
    trace(prefix + "input", image);
    // The reference hands the VAE a channels-last view of its NHWC pixel array; the same layout
    // takes the same convolution/GroupNorm kernels and so the same rounding (goldens README 6).
    const LatentDistribution dist = c_->vae->encode(image.to(opts).contiguous(at::MemoryFormat::ChannelsLast));
    trace(prefix + "mean", dist.mean);
    trace(prefix + "std", dist.std);
    return sf * dist.sample(draw(dist.mean.sizes()));
  };
  const int64_t h = inputs.initImage.size(2) / latentFactor, w = inputs.initImage.size(3) / latentFactor;
  const std::vector<int64_t> latentShape{1, vaeConfig.latentChannels, h, w};  // [1,4,h,w] for SD1/SD2
  const bool strengthMax = request.strength == 1.0;

  at::Tensor imageLatents;
  if (!nineChannels || !strengthMax) {
    imageLatents = encodeLatents(inputs.initImage);
    trace("image_latents", imageLatents);
  }
  const at::Tensor noise = draw(latentShape);
  trace("noise", noise);
  at::Tensor latents = strengthMax ? noise * scheduler->initNoiseSigma()
                                   : scheduler->addNoise(imageLatents, noise, timesteps.front());
  trace("initial_latents", latents);

  // 4. Conditioning: the masked image's latents (encoded even for 4-channel UNets: it takes a draw).
  at::Tensor maskedImageLatents = encodeLatents(inputs.maskedImage);
  at::Tensor maskLatent = latentMask(inputs.maskCondition, latentFactor).to(opts);
  const at::Tensor initMask = maskLatent;
  if (cfg) {
    maskLatent = at::cat({maskLatent, maskLatent});
    maskedImageLatents = at::cat({maskedImageLatents, maskedImageLatents});
  }
  trace("mask_latent", maskLatent);
  trace("masked_image_latents", maskedImageLatents);
  if (!nineChannels) trace("init_mask", initMask);

  // 5. Denoising.
  int unetCall = 0;
  const ModelFn model = [&](const at::Tensor& scaled, double t) {
    const std::string prefix = "step" + std::to_string(unetCall++) + ".";
    at::Tensor x = cfg ? at::cat({scaled, scaled}) : scaled;
    if (nineChannels) x = at::cat({x, maskLatent, maskedImageLatents}, 1);
    trace(prefix + "unet_in", x);
    const at::Tensor tTensor = at::scalar_tensor(t, at::TensorOptions().dtype(at::kFloat).device(device_));
    const at::Tensor out = c_->unet->forward(x, tTensor, promptEmbeds);
    trace(prefix + "unet_out", out);
    const at::Tensor noisePred = cfg ? applyGuidance(out, request.guidance) : out;
    trace(prefix + "noise_pred", noisePred);
    return noisePred;
  };
  SamplerHooks hooks;
  hooks.cancel = cancel;
  if (!nineChannels) {
    // Legacy inpainting: paste the image's latents, noised to the next step's level, outside the mask.
    hooks.afterStep = [&](int i, at::Tensor stepped) {
      const std::string prefix = "step" + std::to_string(i) + ".";
      trace(prefix + "latents_before_blend", stepped);
      at::Tensor proper = imageLatents;
      if (i + 1 < static_cast<int>(timesteps.size())) {
        trace(prefix + "noise_timestep", at::scalar_tensor(timesteps[i + 1], at::kDouble).reshape({1}));
        proper = scheduler->addNoise(imageLatents, noise, timesteps[i + 1]);
      }
      trace(prefix + "init_latents_proper", proper);
      return (1 - initMask) * proper + initMask * stepped;
    };
  }
  const std::vector<int> stepNumbers = denoisingStepNumbers(timesteps);
  hooks.onStep = [&](int i, int, const at::Tensor& stepLatents) {
    trace("step" + std::to_string(i) + ".latents", stepLatents);
    // The step's one wait for the device: the latents ([1,4,h,w], a few KB) come to the CPU once, for
    // both the NaN check and the preview.
    const at::Tensor hostLatents = stepLatents.detach().to(at::kCPU, at::kFloat);
    const int step = stepNumbers[i], steps = stepNumbers.back();
    requireFinite(hostLatents, "at denoising step " + std::to_string(step) + " of " + std::to_string(steps), dtype_);
    if (onStep) onStep(StepProgress{step, steps, latentPreview(hostLatents)});
  };
  releaseFreedHeapMemory();  // what the VAE encoder freed at full resolution
  latents = runSampler(*scheduler, latents, timesteps, model, generator, hooks);
  releaseFreedHeapMemory();  // the UNet's activations, before the decoder's full-resolution ones
  checkCancel();

  // 6. Decode.
  const at::Tensor decodeInput = latents / sf;
  trace("decode_input", decodeInput);
  const at::Tensor decoded = c_->vae->decode(decodeInput);
  trace("decoded", decoded);
  requireFinite(decoded, "in the VAE decoder", dtype_);
  at::Tensor image = (decoded / 2 + 0.5).clamp(0, 1).to(at::kCPU, at::kFloat);
  trace("image", image.permute({0, 2, 3, 1}));
  if (request.pasteBack) {
    // The original pixels wherever the (binarised) mask keeps them.
    const at::Tensor original = (inputs.initImage.to(at::kFloat) + 1) / 2;
    const at::Tensor keep = inputs.maskCondition.to(at::kFloat) < 0.5;
    image = at::where(keep, original, image);
  }
  return image.contiguous();
}

}  // namespace droste::diffusion

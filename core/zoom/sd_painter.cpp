#include "core/zoom/sd_painter.h"

#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/pipeline/inpaint_pipeline.h"
#include "core/diffusion/runtime/device_choice.h"
#include "core/diffusion/schedulers/sampler.h"
#include "core/io/image_tensor.h"
#include "core/zoom/resample.h"

#include <c10/util/Exception.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace droste::zoom {
namespace {

bool mentionsOutOfMemory(const std::string& what) {
  return what.find("out of memory") != std::string::npos || what.find("OutOfMemory") != std::string::npos;
}

}  // namespace

std::shared_ptr<SdPainter> SdPainter::load(const QString& model, const QString& device, const QString& precision,
                                           const QString& configFolder) {
  // Unknown names and precisions that do not run here are refused before the model is opened.
  const diffusion::DeviceChoice choice =
      diffusion::chooseDevice(diffusion::parseDeviceKind(device.toStdString()), diffusion::parsePrecision(precision.toStdString()));
  const c10::Device dev = choice.device;
  const c10::ScalarType dtype = choice.dtype;
  std::optional<std::filesystem::path> configs;
  if (!configFolder.isEmpty()) configs = std::filesystem::path(configFolder.toStdString());
  const diffusion::ModelSource source = diffusion::openModel(model.toStdString(), configs);
  auto pipeline = diffusion::InpaintPipeline::load(source, dev, dtype);
  const QString description =
      QStringLiteral("%1 (%2, %3)")
          .arg(QString::fromStdString(source.name), QString::fromStdString(dev.str()),
               QString::fromLatin1(diffusion::precisionName(diffusion::precisionOf(dtype))));
  return std::make_shared<SdPainter>(std::move(pipeline), description);
}

SdPainter::SdPainter(std::unique_ptr<diffusion::InpaintPipeline> pipeline, QString description)
    : pipeline_(std::move(pipeline)), description_(std::move(description)) {}

SdPainter::~SdPainter() = default;

QImage SdPainter::paint(const PaintRequest& request, const PaintProgressFn& progress, const std::atomic_bool* cancel) {
  diffusion::InpaintRequest r;
  r.image = io::imageToTensor(toRgb888(request.image));
  r.mask = io::maskToTensor(request.mask);  // grey levels as PIL's convert("L") makes them
  r.prompt = request.prompt.toStdString();
  r.negativePrompt = request.negativePrompt.toStdString();
  r.steps = request.steps;
  r.guidance = request.guidance;
  r.seed = request.seed;
  r.scheduler = request.scheduler.toStdString();
  r.strength = request.strength;
  r.pasteBack = request.pasteBack;
  diffusion::StepCallback onStep;
  if (progress)
    onStep = [&progress](const diffusion::StepProgress& p) {
      progress(PaintProgress{p.step, p.total, p.preview.defined() ? io::rgbU8ToImage(p.preview) : QImage()});
    };
  try {
    return io::tensorToImage(pipeline_->run(r, onStep, cancel));
  } catch (const diffusion::NumericalError& e) {
    throw std::runtime_error(std::string("The picture came out as NaN (numbers overflowed): ") + e.what() +
                             " Try bf16 or fp32 precision.");
  } catch (const c10::Error& e) {
    const std::string what = e.what_without_backtrace();
    if (mentionsOutOfMemory(what))
      throw std::runtime_error("The GPU ran out of memory while painting a " + std::to_string(request.image.width()) +
                               "x" + std::to_string(request.image.height()) +
                               " canvas. Use a smaller keyframe or ring, paint at keyframe size, or fp16.");
    throw std::runtime_error("Painting failed: " + what);
  }
}

}  // namespace droste::zoom

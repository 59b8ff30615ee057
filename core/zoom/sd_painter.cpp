#include "core/zoom/sd_painter.h"

#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/pipeline/inpaint_pipeline.h"
#include "core/diffusion/runtime/device_choice.h"
#include "core/diffusion/schedulers/sampler.h"
#include "core/imaging/pixel_formats.h"
#include "core/io/image_tensor.h"

#include <c10/util/Exception.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace droste::zoom {

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
  r.image = io::imageToTensor(imaging::toRgb888(request.image));
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
  // The pipeline's errors (out of memory, overflow, bad input) come with their kind (core/errors.h);
  // what is left is a library's own failure.
  try {
    return io::tensorToImage(pipeline_->run(r, onStep, cancel));
  } catch (const c10::Error& e) {
    throw Error(ErrorKind::Failed, "Painting failed: " + std::string(e.what_without_backtrace()));
  }
}

}  // namespace droste::zoom

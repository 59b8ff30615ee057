#include "core/zoom/sd_painter.h"

#include "core/diffusion/inpaint_pipeline.h"
#include "core/diffusion/model_source.h"
#include "core/diffusion/schedulers/sampler.h"
#include "core/io/image_tensor.h"
#include "core/zoom/resample.h"

#include <torch/cuda.h>

#include <c10/util/Exception.h>

#include <stdexcept>
#include <string>

namespace droste::zoom {
namespace {

c10::Device pickDevice(const QString& device) {
  if (device == QLatin1String("cpu")) return c10::Device(c10::kCPU);
  if (device == QLatin1String("cuda")) {
    if (!torch::cuda::is_available())
      throw std::runtime_error("CUDA was asked for, but no CUDA GPU is available to this build; choose the CPU");
    return c10::Device(c10::kCUDA, 0);
  }
  if (device != QLatin1String("auto") && !device.isEmpty())
    throw std::runtime_error("Unknown device '" + device.toStdString() + "': use auto, cpu or cuda");
  return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
}

c10::ScalarType pickDtype(const QString& precision, const c10::Device& device) {
  if (precision == QLatin1String("fp32")) return c10::kFloat;
  if (precision == QLatin1String("fp16")) return c10::kHalf;
  if (precision == QLatin1String("bf16")) return c10::kBFloat16;
  if (precision != QLatin1String("auto") && !precision.isEmpty())
    throw std::runtime_error("Unknown precision '" + precision.toStdString() + "': use auto, fp32, fp16 or bf16");
  return device.is_cuda() ? c10::kHalf : c10::kFloat;
}

bool mentionsOutOfMemory(const std::string& what) {
  return what.find("out of memory") != std::string::npos || what.find("OutOfMemory") != std::string::npos;
}

}  // namespace

std::shared_ptr<SdPainter> SdPainter::load(const QString& model, const QString& device, const QString& precision) {
  const c10::Device dev = pickDevice(device);
  const c10::ScalarType dtype = pickDtype(precision, dev);
  const diffusion::ModelSource source = diffusion::openModel(model.toStdString());
  auto pipeline = diffusion::InpaintPipeline::load(source, dev, dtype);
  const QString description = QStringLiteral("%1 (%2, %3)")
                                  .arg(QString::fromStdString(source.name), QString::fromStdString(dev.str()),
                                       QString::fromLatin1(c10::toString(dtype)));
  return std::make_shared<SdPainter>(std::move(pipeline), description);
}

SdPainter::SdPainter(std::unique_ptr<diffusion::InpaintPipeline> pipeline, QString description)
    : pipeline_(std::move(pipeline)), description_(std::move(description)) {}

SdPainter::~SdPainter() = default;

QImage SdPainter::paint(const PaintRequest& request, const PaintProgressFn& progress, const std::atomic_bool* cancel) {
  diffusion::InpaintRequest r;
  r.image = io::imageToTensor(toRgb888(request.image));
  r.mask = io::maskToTensor(toGray8(request.mask).convertToFormat(QImage::Format_RGB888));
  r.prompt = request.prompt.toStdString();
  r.negativePrompt = request.negativePrompt.toStdString();
  r.steps = request.steps;
  r.guidance = request.guidance;
  r.seed = request.seed;
  r.scheduler = request.scheduler.toStdString();
  r.pasteBack = false;  // outpainting pastes back itself, with the feathered blend mask
  diffusion::StepCallback onStep;
  if (progress)
    onStep = [&progress](const diffusion::StepProgress& p) {
      progress(PaintProgress{p.step, p.total, p.preview.defined() ? io::rgbU8ToImage(p.preview) : QImage()});
    };
  try {
    return io::tensorToImage(pipeline_->run(r, onStep, cancel));
  } catch (const diffusion::Cancelled&) {
    throw PaintCancelled();
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

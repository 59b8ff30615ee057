#pragma once
// The Stable Diffusion painter: runs the inpainting pipeline (core/diffusion) on the padded canvas.
// The header keeps torch out of its includers.
#include "core/zoom/painter.h"

#include <memory>

namespace droste::diffusion {
class InpaintPipeline;
}

namespace droste::zoom {

class SdPainter : public Painter {
 public:
  // model: diffusers folder, single checkpoint file or repo id. device: auto | cpu | cuda.
  // precision: auto (core/diffusion/runtime/precision.h: fp16 on CUDA, bf16 on CPUs with native bf16,
  // else fp32) | fp32 | fp16 | bf16. configFolder: a diffusers folder with the configs and tokenizer for a
  // single file (empty: its own or its family's). Throws with a readable message, before loading for what
  // cannot run here.
  static std::shared_ptr<SdPainter> load(const QString& model, const QString& device = QStringLiteral("auto"),
                                         const QString& precision = QStringLiteral("auto"),
                                         const QString& configFolder = {});
  explicit SdPainter(std::unique_ptr<diffusion::InpaintPipeline> pipeline, QString description);
  ~SdPainter() override;

  // Throws droste::Cancelled within one denoising step of *cancel turning true; failures are droste::Error
  // with their kind (out of memory on the CPU or the GPU, overflow, bad input); the painter stays usable.
  QImage paint(const PaintRequest& request, const PaintProgressFn& progress = {},
               const std::atomic_bool* cancel = nullptr) override;
  QString name() const override { return description_; }

 private:
  std::unique_ptr<diffusion::InpaintPipeline> pipeline_;
  QString description_;
};

}  // namespace droste::zoom

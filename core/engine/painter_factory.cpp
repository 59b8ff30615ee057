#include "core/engine/painter_factory.h"

#include "core/zoom/draft_painter.h"
#include "core/zoom/sd_painter.h"

#include <stdexcept>

namespace droste::engine {

std::shared_ptr<zoom::Painter> createPainter(const ModelSpec& spec) {
  if (spec.painter == zoom::PainterKind::Draft) return std::make_shared<zoom::DraftPainter>();
  if (spec.model.isEmpty())
    throw std::runtime_error("No Stable Diffusion model is chosen: pick a model folder or file in Settings, "
                             "or use the draft painter");
  return zoom::SdPainter::load(spec.model, spec.device, spec.precision);
}

}  // namespace droste::engine

#pragma once
// Creates the painter a ModelSpec asks for (on the engine's worker thread: loading a model is slow).
#include "core/engine/engine.h"

#include <memory>

namespace droste::engine {

// Throws std::runtime_error with an artist-readable message (model missing, not an inpainting model, ...).
std::shared_ptr<zoom::Painter> createPainter(const ModelSpec& spec);

}  // namespace droste::engine

#pragma once
// Checking a model before it is loaded: do its weights fit the networks its configs describe?

#include "core/diffusion/loading/model_source.h"

namespace droste::diffusion {

// Checks, from the safetensors headers and the configs alone (no weight is read; milliseconds even for
// SDXL), that the text encoder, UNet and VAE each have exactly the tensors their configs imply, with
// the shapes they imply. Throws io::ModelFileError listing every problem.
void validateModel(const ModelSource& model);

}  // namespace droste::diffusion

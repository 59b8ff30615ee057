#pragma once
// CLIP text encoder (Hugging Face CLIPTextModel, and CLIPTextModelWithProjection: SDXL's second encoder)
// for any size its config.json describes. Parameter names equal the transformers state-dict keys
// (text_model.embeddings..., text_model.encoder.layers.{i}..., text_model.final_layer_norm,
// text_projection), so loading is a name lookup (loadWeights).

#include "core/diffusion/loading/weights.h"
#include "core/diffusion/models/clip_text_config.h"

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <memory>
#include <string>
#include <vector>

namespace droste::diffusion {


// Everything one forward pass gives (transformers' output fields).
struct ClipTextOutput {
  at::Tensor lastHiddenState;              // [B,T,hidden], after final_layer_norm
  std::vector<at::Tensor> hiddenStates;    // [0] embeddings, [k] after layer k (before the final norm)
  at::Tensor pooled;                       // [B,hidden]: lastHiddenState at each row's end-of-text token
  at::Tensor textEmbeds;                   // [B,projectionDim]: pooled through text_projection (if any)
};

namespace detail {
class ClipTextTransformerImpl;
}

class ClipTextModelImpl : public torch::nn::Module {
 public:
  explicit ClipTextModelImpl(const ClipTextConfig& config);

  // ids: int64 [B, T] (T <= maxPositions) -> last_hidden_state [B, T, hidden] (after final_layer_norm).
  at::Tensor forward(const at::Tensor& ids);
  // Also returns the residual stream: hiddenStates[0] = embeddings, [k] = after layer k (before the final norm).
  at::Tensor forward(const at::Tensor& ids, std::vector<at::Tensor>* hiddenStates);
  // All outputs. The end-of-text token is found as transformers does: the first position of the
  // highest id in the row (49407 = <|endoftext|> is the highest id of the CLIP vocabulary).
  ClipTextOutput encode(const at::Tensor& ids);

  const ClipTextConfig& config() const { return config_; }

 private:
  ClipTextConfig config_;
  std::shared_ptr<detail::ClipTextTransformerImpl> textModel_;
  at::Tensor textProjection_;  // [projectionDim, hidden], no bias; undefined without a projection
};
TORCH_MODULE(ClipTextModel);

// Builds the model from its config json and loads its weights (converted to options.dtype on
// options.device; the optional position_ids buffer of older checkpoints is ignored). Eval mode.
// `withProjection`: a CLIPTextModelWithProjection (its text_projection.weight is loaded too).
ClipTextModel loadClipTextModel(const nlohmann::json& config, const WeightSource& weights, const LoadOptions& options,
                                bool withProjection = false);

}  // namespace droste::diffusion

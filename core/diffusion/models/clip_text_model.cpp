#include "core/diffusion/models/clip_text_model.h"

#include "core/diffusion/models/normalization.h"

#include "core/io/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace droste::diffusion {


namespace detail {
namespace {

// Parameter holders that allocate without initialising: every value is replaced by loadWeights,
// and untouched memory is never resident, so building a full-size model costs no RAM or time.
at::Tensor uninitialised(at::IntArrayRef shape) { return at::empty(shape); }

struct LinearImpl : torch::nn::Module {
  LinearImpl(int64_t in, int64_t out) {
    weight = register_parameter("weight", uninitialised({out, in}), /*requires_grad=*/false);
    bias = register_parameter("bias", uninitialised({out}), false);
  }
  at::Tensor forward(const at::Tensor& x) { return at::linear(x, weight, bias); }
  at::Tensor weight, bias;
};
TORCH_MODULE(Linear);

struct LayerNormImpl : torch::nn::Module {
  LayerNormImpl(int64_t size, double eps) : eps(eps) {
    weight = register_parameter("weight", uninitialised({size}), false);
    bias = register_parameter("bias", uninitialised({size}), false);
  }
  at::Tensor forward(const at::Tensor& x) { return layerNorm(x, weight, bias, eps); }
  double eps;
  at::Tensor weight, bias;
};
TORCH_MODULE(LayerNorm);

struct EmbeddingImpl : torch::nn::Module {
  EmbeddingImpl(int64_t count, int64_t dim) { weight = register_parameter("weight", uninitialised({count, dim}), false); }
  at::Tensor weight;
};
TORCH_MODULE(Embedding);

struct ClipAttentionImpl : torch::nn::Module {
  ClipAttentionImpl(int64_t hidden, int64_t heads) : heads(heads), headDim(hidden / heads) {
    qProj = register_module("q_proj", Linear(hidden, hidden));
    kProj = register_module("k_proj", Linear(hidden, hidden));
    vProj = register_module("v_proj", Linear(hidden, hidden));
    outProj = register_module("out_proj", Linear(hidden, hidden));
  }
  // x [B, T, C], mask [T, T] additive (0 / -inf).
  at::Tensor forward(const at::Tensor& x, const at::Tensor& mask) {
    const int64_t b = x.size(0), t = x.size(1);
    auto split = [&](const at::Tensor& y) { return y.view({b, t, heads, headDim}).transpose(1, 2); };
    const at::Tensor q = split(qProj(x) * (1.0 / std::sqrt(static_cast<double>(headDim))));
    const at::Tensor k = split(kProj(x));
    const at::Tensor v = split(vProj(x));
    at::Tensor scores = at::matmul(q, k.transpose(-1, -2)) + mask;
    at::Tensor probs = at::softmax(scores, -1);
    at::Tensor out = at::matmul(probs, v).transpose(1, 2).reshape({b, t, heads * headDim});
    return outProj(out);
  }
  int64_t heads, headDim;
  Linear qProj{nullptr}, kProj{nullptr}, vProj{nullptr}, outProj{nullptr};
};
TORCH_MODULE(ClipAttention);

struct ClipMlpImpl : torch::nn::Module {
  ClipMlpImpl(int64_t hidden, int64_t intermediate, bool quickGelu) : quickGelu(quickGelu) {
    fc1 = register_module("fc1", Linear(hidden, intermediate));
    fc2 = register_module("fc2", Linear(intermediate, hidden));
  }
  at::Tensor forward(const at::Tensor& x) {
    at::Tensor h = fc1(x);
    h = quickGelu ? h * at::sigmoid(1.702 * h) : at::gelu(h);
    return fc2(h);
  }
  bool quickGelu;
  Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ClipMlp);

struct ClipEncoderLayerImpl : torch::nn::Module {
  explicit ClipEncoderLayerImpl(const ClipTextConfig& c) {
    auto norm = [&] { return LayerNorm(c.hiddenSize, c.layerNormEps); };
    selfAttn = register_module("self_attn", ClipAttention(c.hiddenSize, c.numHeads));
    layerNorm1 = register_module("layer_norm1", norm());
    mlp = register_module("mlp", ClipMlp(c.hiddenSize, c.intermediateSize, c.hiddenAct == "quick_gelu"));
    layerNorm2 = register_module("layer_norm2", norm());
  }
  at::Tensor forward(at::Tensor x, const at::Tensor& mask) {
    x = x + selfAttn(layerNorm1(x), mask);
    return x + mlp(layerNorm2(x));
  }
  ClipAttention selfAttn{nullptr};
  LayerNorm layerNorm1{nullptr}, layerNorm2{nullptr};
  ClipMlp mlp{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

struct ClipEmbeddingsImpl : torch::nn::Module {
  explicit ClipEmbeddingsImpl(const ClipTextConfig& c) {
    tokenEmbedding = register_module("token_embedding", Embedding(c.vocabSize, c.hiddenSize));
    positionEmbedding = register_module("position_embedding", Embedding(c.maxPositions, c.hiddenSize));
  }
  Embedding tokenEmbedding{nullptr}, positionEmbedding{nullptr};
};
TORCH_MODULE(ClipEmbeddings);

struct ClipEncoderImpl : torch::nn::Module {
  explicit ClipEncoderImpl(const ClipTextConfig& c) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.numLayers; ++i) layers->push_back(ClipEncoderLayer(c));
  }
  torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(ClipEncoder);

}  // namespace

class ClipTextTransformerImpl : public torch::nn::Module {
 public:
  explicit ClipTextTransformerImpl(const ClipTextConfig& c) {
    embeddings = register_module("embeddings", ClipEmbeddings(c));
    encoder = register_module("encoder", ClipEncoder(c));
    finalLayerNorm = register_module("final_layer_norm", LayerNorm(c.hiddenSize, c.layerNormEps));
  }

  at::Tensor forward(const at::Tensor& ids, std::vector<at::Tensor>* hiddenStates) {
    const int64_t t = ids.size(1);
    at::Tensor x = at::embedding(embeddings->tokenEmbedding->weight, ids) + embeddings->positionEmbedding->weight.slice(0, 0, t);
    // Causal: query i does not see keys j > i. Padding is not masked (diffusers passes no attention mask).
    const at::Tensor mask =
        at::full({t, t}, -std::numeric_limits<double>::infinity(), x.options()).triu(1);
    if (hiddenStates) hiddenStates->push_back(x);
    for (const auto& layer : *encoder->layers) {
      x = layer->as<ClipEncoderLayer>()->forward(x, mask);
      if (hiddenStates) hiddenStates->push_back(x);
    }
    return finalLayerNorm(x);
  }

  ClipEmbeddings embeddings{nullptr};
  ClipEncoder encoder{nullptr};
  LayerNorm finalLayerNorm{nullptr};
};

}  // namespace detail

ClipTextModelImpl::ClipTextModelImpl(const ClipTextConfig& config) : config_(config) {
  textModel_ = register_module("text_model", std::make_shared<detail::ClipTextTransformerImpl>(config));
  if (config.projectionDim > 0) {
    auto projection = std::make_shared<torch::nn::Module>();
    textProjection_ = projection->register_parameter("weight", at::empty({config.projectionDim, config.hiddenSize}),
                                                     /*requires_grad=*/false);
    register_module("text_projection", projection);
  }
}

at::Tensor ClipTextModelImpl::forward(const at::Tensor& ids) { return forward(ids, nullptr); }

at::Tensor ClipTextModelImpl::forward(const at::Tensor& ids, std::vector<at::Tensor>* hiddenStates) {
  TORCH_CHECK(ids.dim() == 2, "ClipTextModel: input ids must be [batch, tokens]");
  TORCH_CHECK(ids.size(1) <= config_.maxPositions, "ClipTextModel: at most ", config_.maxPositions, " tokens");
  return textModel_->forward(ids.to(torch::kLong), hiddenStates);
}

ClipTextOutput ClipTextModelImpl::encode(const at::Tensor& ids) {
  ClipTextOutput out;
  out.lastHiddenState = forward(ids, &out.hiddenStates);
  // The first position of each row's highest id, found on the CPU (ids are tiny; argmax's tie rule
  // is not something to rely on across libtorch versions).
  const at::Tensor hostIds = ids.to(at::kCPU, torch::kLong).contiguous();
  const auto idsOf = hostIds.accessor<int64_t, 2>();
  std::vector<int64_t> endOfText(ids.size(0), 0);
  for (int64_t b = 0; b < hostIds.size(0); ++b)
    for (int64_t t = 1; t < hostIds.size(1); ++t)
      if (idsOf[b][t] > idsOf[b][endOfText[b]]) endOfText[b] = t;
  const auto longOn = at::TensorOptions().dtype(at::kLong).device(out.lastHiddenState.device());
  out.pooled = out.lastHiddenState.index({at::arange(ids.size(0), longOn), torch::tensor(endOfText, at::kLong).to(longOn)});
  if (textProjection_.defined()) out.textEmbeds = at::linear(out.pooled, textProjection_);
  return out;
}

ClipTextModel loadClipTextModel(const nlohmann::json& config, const WeightSource& weights, const LoadOptions& options,
                                bool withProjection) {
  ClipTextModel model = constructInDtype<ClipTextModel>(
      options.dtype, ClipTextConfig::fromJson(config, weights.describe() + " (text encoder config)", withProjection));
  LoadOptions opts = options;
  auto userIgnore = options.ignoreUnexpected;
  opts.ignoreUnexpected = [userIgnore](const std::string& name) {
    return name == "text_model.embeddings.position_ids" || (userIgnore && userIgnore(name));
  };
  loadWeights(*model, weights, opts);
  model->eval();
  return model;
}

}  // namespace droste::diffusion

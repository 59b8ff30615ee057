#include "core/diffusion/loading/checkpoint_keys.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace droste::diffusion {
namespace {

const std::string kUNetPrefix = "model.diffusion_model.";
const std::string kVaePrefix = "first_stage_model.";
const std::string kOpenClipPrefix = "cond_stage_model.model.";
const std::string kHfClipPrefix = "cond_stage_model.transformer.";
const std::string kXlText1Prefix = "conditioner.embedders.0.transformer.";
const std::string kXlText2Prefix = "conditioner.embedders.1.model.";

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, size_t from) {
  std::string out;
  for (size_t i = from; i < parts.size(); ++i) out += (out.empty() ? "" : ".") + parts[i];
  return out;
}

bool toInt(const std::string& s, int& out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && out >= 0;
}

// Inside a UNet resnet: in_layers.0 -> norm1, ...
std::string unetResnetRest(const std::vector<std::string>& p, size_t from) {
  if (p.size() < from + 1) return {};
  static const std::map<std::string, std::string> kPairs = {
      {"in_layers.0", "norm1"},  {"in_layers.2", "conv1"},  {"emb_layers.1", "time_emb_proj"},
      {"out_layers.0", "norm2"}, {"out_layers.3", "conv2"},
  };
  if (p[from] == "skip_connection") return "conv_shortcut." + join(p, from + 1);
  if (p.size() < from + 2) return {};
  auto it = kPairs.find(p[from] + "." + p[from + 1]);
  return it == kPairs.end() ? std::string() : it->second + "." + join(p, from + 2);
}

std::string vaeResnetRest(const std::vector<std::string>& p, size_t from) {
  if (p.size() > from && p[from] == "nin_shortcut") return "conv_shortcut." + join(p, from + 1);
  return join(p, from);
}

}  // namespace

std::string translateUNetKey(const std::string& key, int L) {
  const auto p = split(key);
  const size_t n = p.size();
  int a = 0, b = 0;
  if (p[0] == "time_embed" && n >= 3) {
    if (p[1] == "0") return "time_embedding.linear_1." + join(p, 2);
    if (p[1] == "2") return "time_embedding.linear_2." + join(p, 2);
  } else if (p[0] == "label_emb" && n >= 4 && p[1] == "0") {  // SDXL's size/pooled-text embedding
    if (p[2] == "0") return "add_embedding.linear_1." + join(p, 3);
    if (p[2] == "2") return "add_embedding.linear_2." + join(p, 3);
  } else if (p[0] == "out" && n >= 3) {
    if (p[1] == "0") return "conv_norm_out." + join(p, 2);
    if (p[1] == "2") return "conv_out." + join(p, 2);
  } else if (p[0] == "input_blocks" && n >= 4 && toInt(p[1], a) && toInt(p[2], b)) {
    if (a == 0) return b == 0 ? "conv_in." + join(p, 3) : key;
    const int level = (a - 1) / (L + 1), j = (a - 1) % (L + 1);
    const std::string down = "down_blocks." + std::to_string(level) + ".";
    if (j == L) {
      if (b == 0 && p[3] == "op") return down + "downsamplers.0.conv." + join(p, 4);
    } else if (b == 0) {
      const std::string rest = unetResnetRest(p, 3);
      if (!rest.empty()) return down + "resnets." + std::to_string(j) + "." + rest;
    } else if (b == 1) {
      return down + "attentions." + std::to_string(j) + "." + join(p, 3);
    }
  } else if (p[0] == "middle_block" && n >= 3 && toInt(p[1], a)) {
    if (a == 0 || a == 2) {
      const std::string rest = unetResnetRest(p, 2);
      if (!rest.empty()) return "mid_block.resnets." + std::to_string(a / 2) + "." + rest;
    } else if (a == 1) {
      return "mid_block.attentions.0." + join(p, 2);
    }
  } else if (p[0] == "output_blocks" && n >= 4 && toInt(p[1], a) && toInt(p[2], b)) {
    const std::string up = "up_blocks." + std::to_string(a / (L + 1)) + ".";
    const int j = a % (L + 1);
    if (b == 0) {
      const std::string rest = unetResnetRest(p, 3);
      if (!rest.empty()) return up + "resnets." + std::to_string(j) + "." + rest;
    } else if (p[3] == "conv" && (b == 1 || b == 2)) {
      return up + "upsamplers.0.conv." + join(p, 4);
    } else if (b == 1) {
      return up + "attentions." + std::to_string(j) + "." + join(p, 3);
    }
  }
  return key;
}

std::string translateVaeKey(const std::string& key, int upLevels) {
  const auto p = split(key);
  const size_t n = p.size();
  int a = 0, b = 0;
  if ((p[0] != "encoder" && p[0] != "decoder") || n < 3) return key;
  const std::string side = p[0] + ".";
  if (p[1] == "norm_out") return side + "conv_norm_out." + join(p, 2);
  if (p[1] == "down" && n >= 5 && toInt(p[2], a)) {
    const std::string block = side + "down_blocks." + std::to_string(a) + ".";
    if (p[3] == "block" && toInt(p[4], b)) return block + "resnets." + p[4] + "." + vaeResnetRest(p, 5);
    if (p[3] == "downsample" && p[4] == "conv") return block + "downsamplers.0.conv." + join(p, 5);
  }
  if (p[1] == "up" && n >= 5 && toInt(p[2], a) && a < upLevels) {
    const std::string block = side + "up_blocks." + std::to_string(upLevels - 1 - a) + ".";  // reversed
    if (p[3] == "block" && toInt(p[4], b)) return block + "resnets." + p[4] + "." + vaeResnetRest(p, 5);
    if (p[3] == "upsample" && p[4] == "conv") return block + "upsamplers.0.conv." + join(p, 5);
  }
  if (p[1] == "mid" && n >= 4) {
    if (p[2] == "block_1") return side + "mid_block.resnets.0." + vaeResnetRest(p, 3);
    if (p[2] == "block_2") return side + "mid_block.resnets.1." + vaeResnetRest(p, 3);
    if (p[2] == "attn_1") {
      static const std::map<std::string, std::string> kAttention = {
          {"norm", "group_norm"}, {"q", "to_q"}, {"k", "to_k"}, {"v", "to_v"}, {"proj_out", "to_out.0"}};
      auto it = kAttention.find(p[3]);
      if (it != kAttention.end()) return side + "mid_block.attentions.0." + it->second + "." + join(p, 4);
    }
  }
  return key;
}

CheckpointLayout inspectCheckpoint(const io::SafetensorsFile& file) {
  CheckpointLayout layout;
  int maxBlock = -1, maxXlBlock = -1;
  const std::string resblocks = kOpenClipPrefix + "transformer.resblocks.";
  const std::string xlResblocks = kXlText2Prefix + "transformer.resblocks.";
  auto blockIndex = [](const std::string& rest) {
    int i = -1;
    return toInt(rest.substr(0, rest.find('.')), i) ? i : -1;
  };
  for (const auto& e : file.entries()) {
    if (startsWith(e.name, kUNetPrefix)) layout.isLdm = true;
    if (startsWith(e.name, kOpenClipPrefix)) layout.openClipText = true;
    if (startsWith(e.name, kHfClipPrefix)) layout.hfClipText = true;
    if (startsWith(e.name, "conditioner.embedders.")) layout.sdxl = true;
    if (startsWith(e.name, resblocks)) maxBlock = std::max(maxBlock, blockIndex(e.name.substr(resblocks.size())));
    if (startsWith(e.name, xlResblocks)) maxXlBlock = std::max(maxXlBlock, blockIndex(e.name.substr(xlResblocks.size())));
  }
  layout.openClipLayers = maxBlock + 1;
  layout.xlOpenClipLayers = maxXlBlock + 1;
  return layout;
}

SingleFileWeightSource::SingleFileWeightSource(std::shared_ptr<const io::SafetensorsFile> file,
                                               CheckpointComponent component)
    : file_(std::move(file)) {
  if (component == CheckpointComponent::UNet) {
    label_ = "UNet";
    addUNet();
  } else if (component == CheckpointComponent::Vae) {
    label_ = "VAE";
    addVae();
  } else if (component == CheckpointComponent::TextEncoder2) {
    label_ = "text encoder 2";
    addOpenClipText(kXlText2Prefix, inspectCheckpoint(*file_).xlOpenClipLayers, /*projection=*/true);
  } else {
    label_ = "text encoder";
    const CheckpointLayout layout = inspectCheckpoint(*file_);
    if (layout.sdxl)
      addHfClipText(kXlText1Prefix);
    else if (layout.openClipText)
      addOpenClipText(kOpenClipPrefix, layout.openClipLayers - 1, /*projection=*/false);
    else if (layout.hfClipText)
      addHfClipText(kHfClipPrefix);
  }
  if (map_.empty()) {
    static const char* kWhat[] = {"UNet (model.diffusion_model.*)", "VAE (first_stage_model.*)",
                                  "text encoder (cond_stage_model.* or conditioner.embedders.0.*)",
                                  "second text encoder (conditioner.embedders.1.*)"};
    throw io::ModelFileError(file_->path().string() + ": this checkpoint has no " +
                             kWhat[static_cast<int>(component)] +
                             " weights; it is not a complete Stable Diffusion checkpoint");
  }
}

SingleFileWeightSource::Mapping SingleFileWeightSource::direct(const io::TensorEntry& entry) {
  Mapping m;
  m.fileKey = entry.name;
  m.shape = entry.shape;
  return m;
}

void SingleFileWeightSource::addUNet() {
  // layers_per_block: the first downsampler sits at input_blocks.{L+1}.0.op.
  int firstOp = -1;
  for (const auto& e : file_->entries()) {
    if (!startsWith(e.name, kUNetPrefix + "input_blocks.")) continue;
    const auto p = split(e.name.substr(kUNetPrefix.size()));
    int a = 0;
    if (p.size() > 3 && p[3] == "op" && toInt(p[1], a)) firstOp = firstOp < 0 ? a : std::min(firstOp, a);
  }
  const int layersPerBlock = firstOp > 1 ? firstOp - 1 : 2;
  for (const auto& e : file_->entries())
    if (startsWith(e.name, kUNetPrefix)) add(translateUNetKey(e.name.substr(kUNetPrefix.size()), layersPerBlock), direct(e));
}

void SingleFileWeightSource::addVae() {
  std::set<std::string> upLevels;
  for (const auto& e : file_->entries()) {
    const std::string up = kVaePrefix + "decoder.up.";
    if (startsWith(e.name, up)) upLevels.insert(e.name.substr(up.size(), e.name.find('.', up.size()) - up.size()));
  }
  for (const auto& e : file_->entries()) {
    if (!startsWith(e.name, kVaePrefix)) continue;
    const std::string name = translateVaeKey(e.name.substr(kVaePrefix.size()), static_cast<int>(upLevels.size()));
    Mapping m = direct(e);
    // The mid-block attention projections are 1x1 convolutions in LDM, Linear layers in diffusers.
    const bool attention = name.find("mid_block.attentions.0.to_") != std::string::npos;
    if (attention && e.shape.size() == 4 && e.shape[2] == 1 && e.shape[3] == 1) {
      m.kind = Mapping::Kind::Conv1x1ToLinear;
      m.shape = {e.shape[0], e.shape[1]};
    }
    add(name, std::move(m));
  }
}

void SingleFileWeightSource::addOpenClipText(const std::string& prefix, int keep, bool projection) {
  for (const auto& e : file_->entries()) {
    if (!startsWith(e.name, prefix)) continue;
    const std::string key = e.name.substr(prefix.size());
    const auto p = split(key);
    if (key == "token_embedding.weight") {
      add("text_model.embeddings.token_embedding.weight", direct(e));
    } else if (key == "positional_embedding") {
      add("text_model.embeddings.position_embedding.weight", direct(e));
    } else if (p[0] == "ln_final") {
      add("text_model.final_layer_norm." + join(p, 1), direct(e));
    } else if (key == "text_projection" && projection && e.shape.size() == 2) {
      // OpenCLIP multiplies x @ P with P [width, dim]; transformers' Linear holds P's transpose.
      Mapping m = direct(e);
      m.kind = Mapping::Kind::Transposed;
      m.shape = {e.shape[1], e.shape[0]};
      add("text_projection.weight", std::move(m));
    } else if (key == "text_projection" || key == "logit_scale" || key == "attn_mask") {
      continue;  // not used by Stable Diffusion 1/2
    } else if (p.size() >= 4 && p[0] == "transformer" && p[1] == "resblocks") {
      addOpenClipResblock(e, key, keep);
    } else {
      add(key, direct(e));  // unknown: reported as unexpected by the loader
    }
  }
}

// `key` is transformer.resblocks.{i}.<rest>; resblocks from `keep` on are dropped.
void SingleFileWeightSource::addOpenClipResblock(const io::TensorEntry& e, const std::string& key, int keep) {
  const auto p = split(key);
  int i = 0;
  if (!toInt(p[2], i)) {
    add(key, direct(e));
    return;
  }
  if (i >= keep) return;  // the dropped last layer
  const std::string layer = "text_model.encoder.layers." + p[2] + ".";
  const std::string rest = join(p, 3);
  if (rest == "attn.in_proj_weight" || rest == "attn.in_proj_bias") {
    addFusedProjection(e, layer, rest == "attn.in_proj_weight" ? "weight" : "bias");
    return;
  }
  static const std::map<std::string, std::string> kLayer = {
      {"attn.out_proj", "self_attn.out_proj"}, {"ln_1", "layer_norm1"}, {"ln_2", "layer_norm2"},
      {"mlp.c_fc", "mlp.fc1"},                  {"mlp.c_proj", "mlp.fc2"}};
  for (const auto& [from, to] : kLayer) {
    if (startsWith(rest, from + ".")) {
      add(layer + to + rest.substr(from.size()), direct(e));
      return;
    }
  }
  add(layer + rest, direct(e));
}

void SingleFileWeightSource::addFusedProjection(const io::TensorEntry& e, const std::string& layer,
                                                const std::string& suffix) {
  // Fused projection: rows [0, D) = q, [D, 2D) = k, [2D, 3D) = v.
  if (e.shape.empty() || e.shape[0] % 3 != 0) {
    add(layer + "self_attn.in_proj." + suffix, direct(e));  // reported as unexpected
    return;
  }
  const int64_t d = e.shape[0] / 3;
  const char* names[] = {"q_proj", "k_proj", "v_proj"};
  for (int k = 0; k < 3; ++k) {
    Mapping m = direct(e);
    m.kind = Mapping::Kind::Rows;
    m.rowBegin = k * d;
    m.rowEnd = (k + 1) * d;
    m.shape[0] = d;
    add(layer + "self_attn." + names[k] + "." + suffix, std::move(m));
  }
}

void SingleFileWeightSource::addHfClipText(const std::string& prefix) {
  // OpenAI CLIP (SD1): Hugging Face CLIPTextModel keys under the prefix (very old files lack "text_model.").
  for (const auto& e : file_->entries()) {
    if (!startsWith(e.name, prefix)) continue;
    std::string key = e.name.substr(prefix.size());
    if (!startsWith(key, "text_model.")) key = "text_model." + key;
    add(key, direct(e));
  }
}

void SingleFileWeightSource::add(const std::string& name, Mapping mapping) {
  if (!map_.emplace(name, std::move(mapping)).second)
    throw io::ModelFileError(describe() + ": two tensors of the file map to '" + name + "'; the file is damaged");
}

std::vector<std::string> SingleFileWeightSource::names() const {
  std::vector<std::string> out;
  out.reserve(map_.size());
  for (const auto& [name, m] : map_) out.push_back(name);
  return out;
}

std::vector<int64_t> SingleFileWeightSource::shape(const std::string& name) const {
  auto it = map_.find(name);
  if (it == map_.end()) throw io::ModelFileError(describe() + ": has no tensor for '" + name + "'");
  return it->second.shape;
}

at::Tensor SingleFileWeightSource::load(const std::string& name, c10::ScalarType dtype, c10::Device device) const {
  auto it = map_.find(name);
  if (it == map_.end()) throw io::ModelFileError(describe() + ": has no tensor for '" + name + "'");
  const Mapping& m = it->second;
  switch (m.kind) {
    case Mapping::Kind::Rows:
      return file_->loadRows(m.fileKey, m.rowBegin, m.rowEnd, dtype, device);
    case Mapping::Kind::Conv1x1ToLinear:
      return file_->load(m.fileKey, dtype, device).view(m.shape);
    case Mapping::Kind::Transposed:
      return file_->load(m.fileKey, dtype, device).t().contiguous();
    case Mapping::Kind::Direct:
      break;
  }
  return file_->load(m.fileKey, dtype, device);
}

std::string SingleFileWeightSource::describe() const { return file_->path().string() + " (" + label_ + ")"; }

std::string SingleFileWeightSource::fileKey(const std::string& name) const {
  auto it = map_.find(name);
  return it == map_.end() ? std::string() : it->second.fileKey;
}

}  // namespace droste::diffusion

#pragma once
// Single-file checkpoints in the original LDM / A1111 layout, translated to diffusers names in
// this one place: a WeightSource per component whose names() are the diffusers / transformers keys.
//
//   UNet          model.diffusion_model.*      input/middle/output_blocks -> down/mid/up_blocks
//   VAE           first_stage_model.*          encoder.down / decoder.up (reversed) ...; mid attention
//                                              q/k/v/proj_out 1x1 convs -> to_q/to_k/to_v/to_out.0 Linear
//   text (SD1)    cond_stage_model.transformer.*   HF CLIPTextModel keys unchanged
//   text (SD2)    cond_stage_model.model.*     OpenCLIP: fused in_proj split into q/k/v, last resblock dropped
//   SDXL          model.diffusion_model.*      as above, plus label_emb.0.{0,2} -> add_embedding.linear_{1,2}
//                 conditioner.embedders.0.transformer.*   text encoder 1: HF CLIPTextModel keys
//                 conditioner.embedders.1.model.*         text encoder 2: OpenCLIP, every resblock kept,
//                                                         text_projection [width, dim] -> its transpose
//
// Ignored: the LatentDiffusion schedule buffers, model_ema.*, the SD2 text_projection, logit_scale, the
// last SD2 OpenCLIP resblock, position_ids, and any other key outside the component prefixes.

#include "core/diffusion/loading/weights.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace droste::diffusion {

enum class CheckpointComponent { UNet, Vae, TextEncoder, TextEncoder2 /* SDXL */ };

// What the key names of a single file say about it.
struct CheckpointLayout {
  bool isLdm = false;          // has model.diffusion_model.* keys
  bool openClipText = false;   // SD2: cond_stage_model.model.*
  bool hfClipText = false;     // SD1: cond_stage_model.transformer.*
  bool sdxl = false;           // conditioner.embedders.* (SDXL: both text encoders there)
  int openClipLayers = 0;      // SD2 resblocks in the file (diffusers uses one less)
  int xlOpenClipLayers = 0;    // SDXL's second encoder's resblocks (all used)
};
CheckpointLayout inspectCheckpoint(const io::SafetensorsFile& file);

class SingleFileWeightSource : public WeightSource {
 public:
  // Throws io::ModelFileError when the file lacks the component.
  SingleFileWeightSource(std::shared_ptr<const io::SafetensorsFile> file, CheckpointComponent component);

  std::vector<std::string> names() const override;
  std::vector<int64_t> shape(const std::string& name) const override;
  at::Tensor load(const std::string& name, c10::ScalarType dtype, c10::Device device) const override;
  std::string describe() const override;

  // The file's key for a diffusers name (for messages and tests); empty when unknown.
  std::string fileKey(const std::string& name) const;

 private:
  struct Mapping {
    std::string fileKey;
    enum class Kind { Direct, Conv1x1ToLinear, Rows, Transposed } kind = Kind::Direct;
    int64_t rowBegin = 0, rowEnd = 0;  // Kind::Rows
    std::vector<int64_t> shape;        // the diffusers shape
  };
  static Mapping direct(const io::TensorEntry& entry);  // the file's tensor as it is
  // One per component and layout: each adds the diffusers names of its keys.
  void addUNet();
  void addVae();
  // OpenCLIP text towers under `prefix`: SD2 keeps layers - 1 resblocks and no projection, SDXL all of both.
  void addOpenClipText(const std::string& prefix, int keep, bool projection);
  void addOpenClipResblock(const io::TensorEntry& entry, const std::string& key, int keep);
  void addFusedProjection(const io::TensorEntry& entry, const std::string& layer, const std::string& suffix);
  void addHfClipText(const std::string& prefix);  // SD1, SDXL's first encoder
  void add(const std::string& name, Mapping mapping);

  std::shared_ptr<const io::SafetensorsFile> file_;
  std::string label_;
  std::map<std::string, Mapping> map_;
};

// The LDM -> diffusers name of one UNet key (without the model.diffusion_model. prefix);
// layersPerBlock is the number of resnets per down level. Unknown keys come back unchanged.
std::string translateUNetKey(const std::string& ldmKey, int layersPerBlock);
// The LDM -> diffusers name of one VAE key (without first_stage_model.); upLevels = decoder levels.
std::string translateVaeKey(const std::string& ldmKey, int upLevels);

}  // namespace droste::diffusion

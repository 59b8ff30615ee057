#pragma once
// The project file (".droste"): a ZIP archive (stored entries, no compression: PNGs are compressed
// already) holding project.json and keyframes/NNNN.png, so an artist can unzip it and see the pictures.
// Written atomically: a temporary file next to the target, flushed to disk, then renamed over it.
// Reading validates everything (signatures, sizes, CRCs, JSON, version, image sizes) before it returns.
#include "core/render/keyframe_stack.h"
#include "core/zoom/keyframe.h"
#include "core/zoom/render_copies.h"

#include <QImage>
#include <QString>

#include <vector>

namespace droste::zoom {

// Version 2 added keyframes of any shape ("width" and "height"). A square project is still written as
// version 1 (with "size"), so the Droste before it opens it; only a non-square one needs version 2.
inline constexpr int kProjectFormatVersion = 2;

struct ProjectData {
  ProjectSettings settings;
  std::vector<Keyframe> keyframes;
  // Enlarged (and detailed) keyframes for large videos, stored as render/NNNN.png; made from the chain
  // whose fingerprint they carry. Derived data: a project whose copies cannot be read opens without them.
  std::optional<RenderCopies> renderCopies;
};

// Throws std::runtime_error naming the file and what to do; the target is untouched on failure.
void saveProjectFile(const QString& path, const ProjectData& data);
// Throws std::runtime_error ("... is damaged", "... was made by a newer Droste", "... does not exist").
ProjectData loadProjectFile(const QString& path);

// The painted chain as the renderer takes it: the keyframes up to the first unpainted one (or one of another size).
render::KeyframeStack keyframeStackOf(const ProjectSettings& settings, const std::vector<Keyframe>& keyframes);

// Each keyframe's prompts as the project holds them now (its own, or the project's), chain order: for the
// detail pass. A keyframe whose prompt was edited and not yet repainted is detailed with the new one.
std::vector<KeyframePrompts> keyframePromptsOf(const ProjectSettings& settings, const std::vector<Keyframe>& keyframes);

// The copies when they were made from exactly this chain, else nullopt.
std::optional<RenderCopies> currentRenderCopies(const ProjectData& data);

// Encodes the copies' PNGs once (slow for 4K pictures: call it off the GUI thread).
void encodeRenderCopies(RenderCopies& copies);

// For the renderer / `droste-cli render`: the painted keyframes (chain order, innermost first),
// the keyframe size W x H and the ring p. Stops at the first keyframe without a picture.
struct ProjectKeyframes {
  std::vector<QImage> keyframes;  // Format_RGB888, W x H
  int width = 0;
  int height = 0;
  int outpaint = 0;
  bool centresPasted = true;  // paste-back on and no mask overlap (render::KeyframeStack::centresPasted)
  std::optional<RenderCopies> renderCopies;  // stored copies made from exactly these keyframes
};
ProjectKeyframes loadProjectKeyframes(const QString& path);

}  // namespace droste::zoom

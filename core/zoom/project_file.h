#pragma once
// The project file (".droste"): a ZIP archive (stored entries, no compression: PNGs are compressed
// already) holding project.json and keyframes/NNNN.png, so an artist can unzip it and see the pictures.
// Written atomically: a temporary file next to the target, flushed to disk, then renamed over it.
// Reading validates everything (signatures, sizes, CRCs, JSON, version, image sizes) before it returns.
#include "core/zoom/keyframe.h"

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
};

// Throws std::runtime_error naming the file and what to do; the target is untouched on failure.
void saveProjectFile(const QString& path, const ProjectData& data);
// Throws std::runtime_error ("... is damaged", "... was made by a newer Droste", "... does not exist").
ProjectData loadProjectFile(const QString& path);

// For the renderer / `droste-cli render`: the painted keyframes (chain order, innermost first),
// the keyframe size W x H and the ring p. Stops at the first keyframe without a picture.
struct ProjectKeyframes {
  std::vector<QImage> keyframes;  // Format_RGB888, W x H
  int width = 0;
  int height = 0;
  int outpaint = 0;
  bool centresPasted = true;  // paste-back on and no mask overlap (render::KeyframeStack::centresPasted)
};
ProjectKeyframes loadProjectKeyframes(const QString& path);

}  // namespace droste::zoom

#pragma once
// What `droste-cli render` and `bench-render` read: a project file, or a folder of keyframe PNGs
// (innermost first in name order) plus the outpaint ring width.
#include "core/render/keyframe_stack.h"

#include <QString>

#include <optional>

namespace droste::cli {

// Throws std::runtime_error naming the file or folder and what to do.
render::KeyframeStack loadKeyframeInput(const QString& path, std::optional<int> outpaint);

}  // namespace droste::cli

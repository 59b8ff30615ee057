#include "core/session/chain_geometry.h"

#include "core/session/project_commands.h"
#include "core/zoom/outpaint.h"
#include "core/zoom/project.h"

#include <algorithm>

namespace droste::session {

std::vector<zoom::Keyframe> chainForGeometry(std::vector<zoom::Keyframe> chain, const zoom::OutpaintOptions& before,
                                             const zoom::OutpaintOptions& after) {
  const bool newSize = after.keyframeSize() != before.keyframeSize();
  const bool newRing = after.outpaint != before.outpaint;
  if (!newSize && !newRing) return chain;
  for (size_t i = newSize ? 0 : 1; i < chain.size(); ++i) {
    zoom::Keyframe& k = chain[i];
    if (k.imported) {
      if (newSize) k.image = zoom::fitImportedImage(k.image, after.keyframeSize(), zoom::ImportFit::CenterCrop);
      // A picture after the first holds the keyframe inside it: it is fitted around the new one again.
      if (i > 0 && k.state == zoom::KeyframeState::Fresh) k.state = zoom::KeyframeState::Stale;
      continue;
    }
    if (k.state == zoom::KeyframeState::Fresh) k.state = zoom::KeyframeState::Stale;
  }
  return chain;
}

int countStale(const std::vector<zoom::Keyframe>& chain) {
  return int(std::count_if(chain.begin(), chain.end(), [](const zoom::Keyframe& k) {
    return k.state == zoom::KeyframeState::Stale || k.state == zoom::KeyframeState::Failed;
  }));
}

ChainGeometryCommand::ChainGeometryCommand(zoom::Project* project, zoom::ProjectSettings settingsBefore,
                                           zoom::ProjectSettings settingsAfter, std::vector<zoom::Keyframe> chainBefore,
                                           std::vector<zoom::Keyframe> chainAfter, QString field, const QString& text)
    : QUndoCommand(text), project_(project), settingsBefore_(std::move(settingsBefore)),
      settingsAfter_(std::move(settingsAfter)), chainBefore_(std::move(chainBefore)),
      chainAfter_(std::move(chainAfter)), field_(std::move(field)) {}

void ChainGeometryCommand::undo() {
  restoreKeyframes(*project_, chainBefore_);
  project_->setSettings(settingsBefore_);
}

void ChainGeometryCommand::redo() {
  project_->setSettings(settingsAfter_);
  restoreKeyframes(*project_, chainAfter_);
}

bool ChainGeometryCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const ChainGeometryCommand*>(other);
  if (next->field_ != field_ || next->project_ != project_) return false;
  settingsAfter_ = next->settingsAfter_;
  chainAfter_ = next->chainAfter_;
  return true;
}

}  // namespace droste::session

#include "core/session/project_commands.h"

#include "core/zoom/project.h"

namespace droste::session {

SettingsCommand::SettingsCommand(zoom::Project* project, zoom::ProjectSettings before, zoom::ProjectSettings after,
                                 QString field, const QString& text)
    : QUndoCommand(text), project_(project), before_(std::move(before)), after_(std::move(after)),
      field_(std::move(field)) {}

void SettingsCommand::undo() { project_->setSettings(before_); }
void SettingsCommand::redo() { project_->setSettings(after_); }

bool SettingsCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const SettingsCommand*>(other);
  if (next->field_ != field_ || next->project_ != project_) return false;
  after_ = next->after_;
  setObsolete(after_ == before_);
  return true;
}

ChainCommand::ChainCommand(zoom::Project* project, std::vector<zoom::Keyframe> before,
                           std::vector<zoom::Keyframe> after, const QString& text)
    : QUndoCommand(text), project_(project), before_(std::move(before)), after_(std::move(after)) {}

void ChainCommand::undo() {
  restoreKeyframes(*project_, before_);
  applied_ = false;
}

void ChainCommand::redo() {
  if (applied_) return;
  restoreKeyframes(*project_, after_);
  applied_ = true;
}

void restoreKeyframes(zoom::Project& project, const std::vector<zoom::Keyframe>& keyframes) {
  const int target = static_cast<int>(keyframes.size());
  while (project.keyframeCount() > target) project.takeKeyframe(project.keyframeCount() - 1);
  for (int i = 0; i < project.keyframeCount(); ++i)
    if (!(project.keyframe(i) == keyframes[i])) project.replaceKeyframe(i, keyframes[i]);
  for (int i = project.keyframeCount(); i < target; ++i) project.insertKeyframe(i, keyframes[i]);
}

}  // namespace droste::session

#pragma once
// Undo commands over the Project document. Settings edits merge while the same field is edited
// in a row (typing a prompt is one undo step per field, not per key); keyframe edits store the
// chain before and after (QImages are shared, so a snapshot costs a few pointers).
#include "core/zoom/keyframe.h"

#include <QUndoCommand>

#include <vector>

namespace droste::zoom {
class Project;
}

namespace droste::session {

class SettingsCommand : public QUndoCommand {
 public:
  SettingsCommand(zoom::Project* project, zoom::ProjectSettings before, zoom::ProjectSettings after, QString field,
                  const QString& text);
  void undo() override;
  void redo() override;
  int id() const override { return 1; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  zoom::Project* project_;
  zoom::ProjectSettings before_, after_;
  QString field_;
};

// The keyframe chain went from `before` to `after` (already applied when pushed).
class ChainCommand : public QUndoCommand {
 public:
  ChainCommand(zoom::Project* project, std::vector<zoom::Keyframe> before, std::vector<zoom::Keyframe> after,
               const QString& text);
  void undo() override;
  void redo() override;

 private:
  zoom::Project* project_;
  std::vector<zoom::Keyframe> before_, after_;
  bool applied_ = true;  // the first redo() comes from push(), after the edit already happened
};

// Makes the project's chain equal to `keyframes` with the fewest signals (replace, then trim/append).
void restoreKeyframes(zoom::Project& project, const std::vector<zoom::Keyframe>& keyframes);

}  // namespace droste::session

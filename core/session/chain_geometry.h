#pragma once
// A new keyframe size or outpaint ring changes the geometry of the whole chain: the keyframes painted
// for the old geometry turn stale in the same undo step as the settings edit.
#include "core/zoom/keyframe.h"

#include <QUndoCommand>

#include <vector>

namespace droste::zoom {
class Project;
}

namespace droste::session {

// The chain as the new geometry leaves it. Every keyframe fits inside the next one by the ring, at the
// keyframe size, so: a new size makes every painted keyframe stale (keyframe 1 is repainted from the
// prompt), a new ring every keyframe after the first. An imported picture is never repainted: it is
// refitted to the new size instead (which may throw); one after the first turns stale, so that the
// keyframe inside it is pasted into it again. Method and padding only change how the
// next keyframes are painted, so they leave the chain alone.
std::vector<zoom::Keyframe> chainForGeometry(std::vector<zoom::Keyframe> chain, const zoom::OutpaintOptions& before,
                                             const zoom::OutpaintOptions& after);

// Keyframes that "Regenerate stale" would repaint.
int countStale(const std::vector<zoom::Keyframe>& chain);

// Settings and chain in one undo step. Edits of one field in a row (a slider drag) merge.
class ChainGeometryCommand : public QUndoCommand {
 public:
  ChainGeometryCommand(zoom::Project* project, zoom::ProjectSettings settingsBefore, zoom::ProjectSettings settingsAfter,
                       std::vector<zoom::Keyframe> chainBefore, std::vector<zoom::Keyframe> chainAfter, QString field,
                       const QString& text);
  void undo() override;
  void redo() override;
  int id() const override { return 2; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  zoom::Project* project_;
  zoom::ProjectSettings settingsBefore_, settingsAfter_;
  std::vector<zoom::Keyframe> chainBefore_, chainAfter_;
  QString field_;
};

}  // namespace droste::session

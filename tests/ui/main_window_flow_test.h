#pragma once
// The artist's whole flow through the real main window with the draft painter, and the promise
// that the window stays responsive while the engine paints.
#include <QObject>

class MainWindowFlowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void init();
  void cleanup();
  void wholeFlowWithDraftPainter();
  void eventLoopNeverStallsWhileGenerating();
  void settingEditsAreUndoable();
  void timelineContextActionsEditTheChain();
  void noModelShowsBannerAndDraftPainter();
  void dropAnImageStartsFromIt();
  void closingDuringAJobTouchesNothing();  // last: see the note in the .cpp
};

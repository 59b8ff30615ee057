#pragma once
// The artist's whole flow through the real main window with the draft painter and with the tiny
// Stable Diffusion fixture model through the real engine, and the promise
// that the window stays responsive while the engine paints.
#include <QObject>

class MainWindowFlowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void init();
  void cleanup();
  void wholeFlowWithDraftPainter();
  void wholeFlowWithTinyModel();
  void eventLoopNeverStallsWhileGenerating();
  void settingEditsAreUndoable();
  void lockedSeedAndKeyframesToAddAreKeptWithTheProject();
  void timelineContextActionsEditTheChain();
  void chainGeometryEditsMarkDependentKeyframesStale();
  void closeTheLoopFromTheMenuIsOneUndoStep();
  void playPreviewAndAboutOpenAndClose();
  void noModelShowsBannerAndDraftPainter();
  void unusableModelsAreRefusedOnChoosing();
  void dropAnImageStartsFromIt();
  void closingDuringAJobTouchesNothing();  // last: see the note in the .cpp
};

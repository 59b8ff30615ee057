#pragma once
// The window's building blocks on their own: each widget's values, signals and what it shows.
#include <QObject>

class WidgetsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void init();
  void sliderSpinKeepsBothHalvesInStep();
  void promptPanelRoundTripsValuesWithoutEchoingEdits();
  void promptPanelShapeKeepsTheSizeAndOffersUsableSizes();
  void promptPanelSeedLockKeepsTheSeed();
  void panelControlsTakeTheWheelOnlyWithFocus();
  void previewShowsLiveStepAndInputToggle();
  void timelineShowsEntriesBadgesAndScrubs();
  void timelineKeepsSelectionWhenEntriesChange();
  void exportDialogComputesSizeAndRemembersChoices();
  void settingsDialogStoresPreferences();
  void settingsDialogOffersOnlyPrecisionsThatRunHere();
  void formLabelsUseTheirMnemonics();
  void settingValueFallsBackToDefault();
  void jobStatusBarFormatsProgress();
  void errorAdviceNamesTheAppsControlsNotFlags();
};

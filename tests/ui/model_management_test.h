#pragma once
// Settings -> Models and the Hub download dialog: the tiny fixture models are listed with the right
// facts, added places and the default persist, and a download from an in-process fake Hub
// (HF_ENDPOINT pointing at it, HF_HOME a scratch folder) shows its progress and lands in the list.
#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

class ModelManagementTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanupTestCase();

  void listsTheFixtureModelsWithFamilyAndInpainting();
  void brokenModelsShowTheirProblemInTheirRow();
  void addedFolderPersistsAndRemoveForgetsIt();
  void setAsDefaultWritesThePreference();
  void downloadShowsProgressAndTheModelAppearsInTheList();
  void unknownRepoShowsNotFound();
  void aStoppedDownloadResumesWhenStartedAgain();
  void noConnectionSaysSo();
  void cancelAndCloseMidDownloadAreSafe();
  void bannerDownloadMakesTheWindowUseTheModel();

 private:
  std::unique_ptr<QTemporaryDir> scratch_;  // HF_HOME and the default model folder, fresh per test
  QMap<QByteArray, QByteArray> savedEnv_;
};

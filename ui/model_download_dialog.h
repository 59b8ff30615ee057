#pragma once
// Download a model from the Hugging Face Hub by repo id: progress with bytes, speed and time left,
// Cancel, and a clear message when offline, gated (401/403), unknown (404) or out of disk space.
// Pressing Download again resumes what an earlier try left in the cache. The transfer runs in the
// application's download line (core/hub/downloads.h), not in the dialog; closing the dialog cancels it.
#include "core/hub/hub_error.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace droste::hub {
class Downloads;
struct DownloadProgress;
}  // namespace droste::hub

namespace droste::ui {

class ModelDownloadDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ModelDownloadDialog(QWidget* parent = nullptr);
  ~ModelDownloadDialog() override;

  // With true (the default) a finished download offers "Use this model"; with false the caller
  // uses the model itself on downloaded() and the dialog just says so.
  void setOfferToUse(bool offer) { offerToUse_ = offer; }
  void setRepoId(const QString& repoId);
  void startDownload();   // the Download button
  void cancelDownload();  // the Cancel button
  bool isDownloading() const { return busy_; }
  QString errorText() const;
  // Close / Escape / the window's close button: cancels a running download first.
  void reject() override;

 Q_SIGNALS:
  void downloaded(const QString& snapshotDir);
  void useModelRequested(const QString& snapshotDir);
  void downloadFailed(const QString& explanation);

 private:
  void onPlanned(qint64 bytesTotal, qint64 bytesToFetch, int filesToFetch);
  void onProgress(const droste::hub::DownloadProgress& progress);
  void onFinished(const QString& snapshotDir);
  void onFailed(const QString& message, droste::hub::HubError::Kind kind);
  void setBusy(bool busy);
  void showStatus(const QString& text, bool error);
  QString explain(droste::hub::HubError::Kind kind, const QString& repoId) const;
  QString formatEta(double seconds) const;

  QComboBox* suggested_;  // well-known inpainting models: choosing one fills in repo_
  QLineEdit* repo_;
  QPushButton* download_;
  QPushButton* cancel_;
  QProgressBar* bar_;
  QLabel* transfer_;  // bytes, speed, time left
  QLabel* file_;      // the file being fetched
  QLabel* status_;    // success or the error
  QPushButton* use_;
  QDialogButtonBox* buttons_;

  droste::hub::Downloads& downloads_;  // the application's; this dialog only shows what it started
  bool busy_ = false;
  bool offerToUse_ = true;
  bool errorShown_ = false;
  QString repoOfJob_;
  QString snapshotDir_;
};

}  // namespace droste::ui

#pragma once
// The permanent part of the status bar: device and model on the left, the window's last message
// (QStatusBar::showMessage) beside them, and while a job runs its progress (keyframe n/N, step, it/s,
// time left) with a Cancel button. The message has its own label here: QStatusBar draws messages only
// left of its first permanent widget, and this one spans the whole bar, so they were never seen.
#include "ui/retranslator.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace droste::ui {

struct JobProgressView {
  QString job;            // "Painting keyframe 3"
  int keyframeNumber = 0; // 1-based within the job
  int keyframeTotal = 0;
  int step = 0, total = 0;
  double itPerSec = 0.0;
  double etaSeconds = -1.0;
  bool frames = false;    // an export: step/total count frames
};

class JobStatusBar : public QWidget {
  Q_OBJECT
 public:
  explicit JobStatusBar(QWidget* parent = nullptr);

  void setDevice(const QString& device);
  void setModel(const QString& model);
  void showProgress(const JobProgressView& p);
  void setBusy(bool busy);  // shows/hides the progress part
  void showMessage(const QString& text);  // connected to QStatusBar::messageChanged; empty: none

  QString progressText() const;
  static QString formatEta(double seconds);

 Q_SIGNALS:
  void cancelRequested();

 protected:
  void changeEvent(QEvent* event) override;  // LanguageChange: every text again

 private:
  Retranslator texts_;
  QLabel* device_;
  QLabel* model_;
  QLabel* message_;
  QLabel* job_;
  QProgressBar* bar_;
  QLabel* speed_;
  QPushButton* cancel_;
};

}  // namespace droste::ui

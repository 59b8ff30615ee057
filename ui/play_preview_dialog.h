#pragma once
// View > Play Preview: plays a quick render of the zoom in a loop (Qt Multimedia).
#include <QDialog>

class QMediaPlayer;
class QVideoWidget;
class QLabel;

namespace droste::ui {

class PlayPreviewDialog : public QDialog {
  Q_OBJECT
 public:
  // Plays `videoFile` (deleted by the caller after the dialog closes).
  explicit PlayPreviewDialog(const QString& videoFile, QWidget* parent = nullptr);
  ~PlayPreviewDialog() override;

  QMediaPlayer* player() const { return player_; }

 private:
  QMediaPlayer* player_;
  QVideoWidget* video_;
  QLabel* error_;
};

}  // namespace droste::ui

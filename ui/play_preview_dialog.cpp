#include "ui/play_preview_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace droste::ui {

PlayPreviewDialog::PlayPreviewDialog(const QString& videoFile, QWidget* parent)
    : QDialog(parent), player_(new QMediaPlayer(this)), video_(new QVideoWidget(this)), error_(new QLabel(this)) {
  setObjectName(QStringLiteral("PlayPreviewDialog"));
  setWindowTitle(tr("Preview of the zoom"));
  video_->setMinimumSize(512, 512);
  error_->setWordWrap(true);
  error_->hide();
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* pause = buttons->addButton(tr("Pause"), QDialogButtonBox::ActionRole);
  auto* column = new QVBoxLayout(this);
  column->addWidget(video_, 1);
  column->addWidget(error_);
  column->addWidget(buttons);

  player_->setVideoOutput(video_);
  player_->setLoops(QMediaPlayer::Infinite);
  player_->setSource(QUrl::fromLocalFile(videoFile));
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(pause, &QPushButton::clicked, this, [this, pause] {
    if (player_->playbackState() == QMediaPlayer::PlayingState) {
      player_->pause();
      pause->setText(tr("Play"));
    } else {
      player_->play();
      pause->setText(tr("Pause"));
    }
  });
  connect(player_, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& message) {
    error_->setText(tr("The preview cannot be played: %1. Qt Multimedia's GStreamer backend needs the "
                       "gstreamer1.0-libav package for H.264 video.").arg(message));
    error_->show();
  });
  player_->play();
}

PlayPreviewDialog::~PlayPreviewDialog() {
  // The player must stop and let go of its output before the video widget goes (BUILD-NOTES gotcha 5).
  player_->stop();
  player_->setVideoOutput(nullptr);
  delete player_;
}

}  // namespace droste::ui

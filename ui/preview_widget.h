#pragma once
// The large picture in the middle: the selected keyframe, the zoom at the scrub position, or the
// live denoising preview while a keyframe is painted ("Step n/N" over it). A toggle shows the
// padded input with the mask (the ring that will be painted) tinted over it.
#include "ui/retranslator.h"

#include <QImage>
#include <QWidget>

class QToolButton;

namespace droste::ui {

class BackgroundScaler;

class PreviewWidget : public QWidget {
  Q_OBJECT
 public:
  explicit PreviewWidget(QWidget* parent = nullptr);

  // What is shown when nothing is live: a keyframe or a rendered zoom frame, with a caption.
  void setImage(const QImage& image, const QString& caption = {});
  // The painter's input for the shown keyframe (padded image and mask; white = repaint).
  void setInput(const QImage& padded, const QImage& mask);
  // A live denoising preview; step/total go into the overlay. clearLive() returns to the image.
  void setLive(const QImage& preview, int step, int total);
  void clearLive();
  bool isLive() const { return live_; }

  void setPlaceholder(const QString& text);
  bool showsInput() const;
  void setShowInput(bool on);

  QImage image() const { return image_; }
  QString overlayText() const;  // what is written over the picture (for tests and accessibility)
  // True while the smoothly scaled picture for the current view is still being made on a pool thread.
  bool isScaling() const;

 Q_SIGNALS:
  void imageDropped(const QString& path);

 protected:
  void paintEvent(QPaintEvent*) override;
  void resizeEvent(QResizeEvent*) override;
  void dragEnterEvent(QDragEnterEvent*) override;
  void dropEvent(QDropEvent*) override;
  void changeEvent(QEvent* event) override;  // LanguageChange: every text again

 private:
  Retranslator texts_;
  QImage composedInput();  // cached per input
  QImage shownImage();
  // Draws `shown` into `target`: the smooth picture from the background scaler when it is ready,
  // else a cheap bilinear stand-in (and asks the scaler for the smooth one).
  void drawShown(QPainter& p, const QImage& shown, const QRect& target);
  void onScaled(qint64 sourceKey, const QImage& image);

  BackgroundScaler* scaler_;
  QImage scaled_;  // the smooth picture of the source with cacheKey scaledSource_, at scaledSize_
  qint64 scaledSource_ = 0;
  QSize scaledSize_;
  qint64 requestedSource_ = 0;  // what the scaler is working on, so a repaint does not ask twice
  QSize requestedSize_;
  QImage composed_;  // padded input with the tinted mask, made once per setInput()

  QImage image_, padded_, mask_, live_image_;
  QString caption_, placeholder_;
  int step_ = 0, total_ = 0;
  bool live_ = false;
  QToolButton* inputToggle_;
};

}  // namespace droste::ui

#pragma once
// The large picture in the middle: the selected keyframe, the zoom at the scrub position, or the
// live denoising preview while a keyframe is painted ("Step n/N" over it). A toggle shows the
// padded input with the mask (the ring that will be painted) tinted over it.
#include <QImage>
#include <QWidget>

class QToolButton;

namespace droste::ui {

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

 Q_SIGNALS:
  void imageDropped(const QString& path);

 protected:
  void paintEvent(QPaintEvent*) override;
  void resizeEvent(QResizeEvent*) override;
  void dragEnterEvent(QDragEnterEvent*) override;
  void dropEvent(QDropEvent*) override;

 private:
  QImage composedInput() const;
  QImage shownImage() const;
  const QImage& scaledForDisplay(const QImage& shown);  // cached: scaling a big picture is slow

  QImage scaled_;
  qint64 scaledSource_ = 0;
  QSize scaledSize_;

  QImage image_, padded_, mask_, live_image_;
  QString caption_, placeholder_;
  int step_ = 0, total_ = 0;
  bool live_ = false;
  QToolButton* inputToggle_;
};

}  // namespace droste::ui

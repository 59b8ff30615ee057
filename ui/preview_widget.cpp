#include "ui/preview_widget.h"

#include "ui/background_scaler.h"

#include <QDragEnterEvent>
#include <QEvent>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>

namespace droste::ui {

namespace {
QString firstImagePath(const QMimeData* mime) {
  if (!mime || !mime->hasUrls()) return {};
  const QList<QByteArray> formats = QImageReader::supportedImageFormats();
  for (const QUrl& url : mime->urls()) {
    if (!url.isLocalFile()) continue;
    const QString path = url.toLocalFile();
    if (formats.contains(QFileInfo(path).suffix().toLower().toLatin1())) return path;
  }
  return {};
}

void drawBadge(QPainter& p, const QPoint& topLeft, const QString& text, const QFont& font) {
  p.setFont(font);
  const QRect textRect = p.fontMetrics().boundingRect(text).adjusted(-10, -6, 10, 6);
  const QRect box(topLeft, textRect.size());
  QPainterPath path;
  path.addRoundedRect(box, 6, 6);
  p.fillPath(path, QColor(0, 0, 0, 170));
  p.setPen(Qt::white);
  p.drawText(box, Qt::AlignCenter, text);
}
}  // namespace

PreviewWidget::PreviewWidget(QWidget* parent)
    : QWidget(parent), scaler_(new BackgroundScaler(this)), inputToggle_(new QToolButton(this)) {
  connect(scaler_, &BackgroundScaler::scaled, this,
          [this](int, qint64 sourceKey, const QImage& image) { onScaled(sourceKey, image); });
  setObjectName(QStringLiteral("Preview"));
  setAcceptDrops(true);
  setMinimumSize(320, 240);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setAutoFillBackground(false);
  inputToggle_->setObjectName(QStringLiteral("showInputToggle"));
  inputToggle_->setCheckable(true);
  inputToggle_->setEnabled(false);
  connect(inputToggle_, &QToolButton::toggled, this, qOverload<>(&QWidget::update));
  texts_.add([this] {
    inputToggle_->setText(tr("Show input && mask"));
    inputToggle_->setToolTip(tr("Show what the painter receives for this keyframe: the previous keyframe shrunk "
                                "and padded, with the ring it repaints tinted red."));
    // Names the tool bar button as it reads there (in the menu: Generate ▸ Generate First Keyframe).
    placeholder_ = tr("Type a prompt on the left and press “Generate”,\n"
                      "or drop a picture here to zoom out of it.");
    update();
  });
}

void PreviewWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) texts_.retranslate();
  QWidget::changeEvent(event);
}

void PreviewWidget::setImage(const QImage& image, const QString& caption) {
  image_ = image;
  caption_ = caption;
  update();
}

void PreviewWidget::setInput(const QImage& padded, const QImage& mask) {
  padded_ = padded;
  mask_ = mask;
  composed_ = {};
  inputToggle_->setEnabled(!padded_.isNull());
  if (padded_.isNull()) inputToggle_->setChecked(false);
  update();
}

void PreviewWidget::setLive(const QImage& preview, int step, int total) {
  live_image_ = preview;
  step_ = step;
  total_ = total;
  live_ = true;
  update();
}

void PreviewWidget::clearLive() {
  live_ = false;
  live_image_ = {};
  update();
}

void PreviewWidget::setPlaceholder(const QString& text) {
  placeholder_ = text;
  update();
}

bool PreviewWidget::showsInput() const { return inputToggle_->isChecked(); }
void PreviewWidget::setShowInput(bool on) { inputToggle_->setChecked(on && inputToggle_->isEnabled()); }

QString PreviewWidget::overlayText() const {
  if (live_) return total_ > 0 ? tr("Painting — step %1/%2").arg(step_).arg(total_) : tr("Painting…");
  if (showsInput() && !padded_.isNull()) return tr("Painter input: red = ring to paint");
  return caption_;
}

QImage PreviewWidget::composedInput() {
  if (!composed_.isNull()) return composed_;
  QImage& out = composed_;
  out = padded_.convertToFormat(QImage::Format_ARGB32_Premultiplied);
  if (mask_.isNull()) return out;
  const QImage mask = mask_.convertToFormat(QImage::Format_Grayscale8).scaled(out.size());
  QImage tint(out.size(), QImage::Format_ARGB32_Premultiplied);
  tint.fill(Qt::transparent);
  for (int y = 0; y < tint.height(); ++y) {
    const uchar* m = mask.constScanLine(y);
    auto* t = reinterpret_cast<QRgb*>(tint.scanLine(y));
    for (int x = 0; x < tint.width(); ++x) {
      const int a = m[x] * 140 / 255;  // premultiplied red at up to 55 % opacity
      t[x] = qRgba(a, 0, 0, a);
    }
  }
  QPainter p(&out);
  p.drawImage(0, 0, tint);
  return out;
}

QImage PreviewWidget::shownImage() {
  if (live_) return live_image_;
  if (showsInput() && !padded_.isNull()) return composedInput();
  return image_;
}

void PreviewWidget::drawShown(QPainter& p, const QImage& shown, const QRect& target) {
  if (shown.size() == target.size()) {
    p.drawImage(target.topLeft(), shown);
    return;
  }
  if (shown.cacheKey() == scaledSource_ && target.size() == scaledSize_) {
    p.drawImage(target.topLeft(), scaled_);
    return;
  }
  // Area-averaged scaling of a big picture takes tens of milliseconds: it runs on a pool thread while
  // a bilinear stand-in (a few milliseconds) is shown for the moment.
  p.drawImage(target, shown);
  if (shown.cacheKey() != requestedSource_ || target.size() != requestedSize_) {
    requestedSource_ = shown.cacheKey();
    requestedSize_ = target.size();
    scaler_->request(0, shown, target.size());
  }
}

void PreviewWidget::onScaled(qint64 sourceKey, const QImage& image) {
  if (sourceKey == requestedSource_) {
    requestedSource_ = 0;
    requestedSize_ = {};
  }
  if (sourceKey != shownImage().cacheKey()) return;  // a picture no longer shown
  scaled_ = image;
  scaledSource_ = sourceKey;
  scaledSize_ = image.size();
  update();
}

bool PreviewWidget::isScaling() const { return !scaler_->isIdle(); }

void PreviewWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(38, 38, 42));
  p.setRenderHint(QPainter::SmoothPixmapTransform);

  const QImage shown = shownImage();
  if (shown.isNull()) {
    p.setPen(QColor(200, 200, 200));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    p.setFont(f);
    p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
    return;
  }
  const QSize fitted = shown.size().scaled(size() - QSize(16, 16), Qt::KeepAspectRatio);
  const QRect target(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
  drawShown(p, shown, target);

  const QString text = overlayText();
  if (!text.isEmpty()) {
    QFont f = font();
    f.setBold(live_);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    drawBadge(p, target.topLeft() + QPoint(10, 10), text, f);
  }
  if (live_ && total_ > 0) {  // a thin progress line along the bottom of the picture
    const QRect bar(target.left(), target.bottom() - 5, target.width() * step_ / total_, 6);
    p.fillRect(bar, QColor(90, 170, 255));
  }
}

void PreviewWidget::resizeEvent(QResizeEvent*) {
  inputToggle_->adjustSize();
  inputToggle_->move(width() - inputToggle_->width() - 10, height() - inputToggle_->height() - 10);
}

void PreviewWidget::dragEnterEvent(QDragEnterEvent* event) {
  if (!firstImagePath(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void PreviewWidget::dropEvent(QDropEvent* event) {
  const QString path = firstImagePath(event->mimeData());
  if (path.isEmpty()) return;
  event->acceptProposedAction();
  Q_EMIT imageDropped(path);
}

}  // namespace droste::ui

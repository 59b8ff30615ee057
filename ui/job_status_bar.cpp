#include "ui/job_status_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>
#include <cmath>

namespace droste::ui {

JobStatusBar::JobStatusBar(QWidget* parent)
    : QWidget(parent), device_(new QLabel(this)), model_(new QLabel(this)), message_(new QLabel(this)), job_(new QLabel(this)),
      bar_(new QProgressBar(this)), speed_(new QLabel(this)), cancel_(new QPushButton(this)) {
  setObjectName(QStringLiteral("JobStatusBar"));
  device_->setObjectName(QStringLiteral("statusDevice"));
  model_->setObjectName(QStringLiteral("statusModel"));
  message_->setObjectName(QStringLiteral("statusMessage"));
  // Takes what room is left and never widens the window (a long path is cut; the tooltip has it whole).
  message_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  message_->setTextFormat(Qt::PlainText);
  job_->setObjectName(QStringLiteral("statusJob"));
  speed_->setObjectName(QStringLiteral("statusSpeed"));
  bar_->setObjectName(QStringLiteral("statusProgress"));
  cancel_->setObjectName(QStringLiteral("statusCancel"));
  bar_->setMaximumWidth(220);
  bar_->setTextVisible(true);
  // Device and painter texts come from the window (setDevice/setModel), job texts with each progress.
  texts_.add([this] {
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop painting or exporting (Esc). Keyframes already finished are kept."));
    device_->setToolTip(tr("Where the painter runs (Settings > Preferences to change)"));
    model_->setToolTip(tr("The painter in use"));
  });
  speed_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("99.9 it/s · 99:59 left")));

  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(4, 0, 4, 0);
  row->addWidget(device_);
  row->addWidget(model_);
  row->addSpacing(12);
  row->addWidget(message_, 1);
  row->addWidget(job_);
  row->addWidget(bar_);
  row->addWidget(speed_);
  row->addWidget(cancel_);
  connect(cancel_, &QPushButton::clicked, this, &JobStatusBar::cancelRequested);
  // As tall idle as busy: the status bar must not grow when a job starts, or the panels above it jump.
  setMinimumHeight(std::max({bar_->sizeHint().height(), cancel_->sizeHint().height(), job_->sizeHint().height()}));
  setBusy(false);
}

void JobStatusBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) texts_.retranslate();
  QWidget::changeEvent(event);
}

void JobStatusBar::setDevice(const QString& device) { device_->setText(tr("Device: %1").arg(device)); }
void JobStatusBar::setModel(const QString& model) { model_->setText(tr("  Painter: %1").arg(model)); }

QString JobStatusBar::formatEta(double seconds) {
  if (seconds < 0 || !std::isfinite(seconds)) return {};
  const int s = int(std::lround(seconds));
  if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                            .arg(s % 60, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void JobStatusBar::showProgress(const JobProgressView& p) {
  QString what = p.job;
  if (p.keyframeTotal > 1) what += tr(" (%1 of %2)").arg(p.keyframeNumber).arg(p.keyframeTotal);
  job_->setText(what);
  if (p.total > 0) {
    bar_->setRange(0, p.total);
    bar_->setValue(std::clamp(p.step, 0, p.total));
    bar_->setFormat(p.frames ? tr("frame %v/%m") : tr("step %v/%m"));
  } else {  // a keyframe starting: no step count yet (not "step 0/1")
    bar_->setRange(0, 0);
    bar_->setFormat(tr("preparing…"));
  }
  QStringList parts;
  if (p.itPerSec > 0) parts << tr("%1 it/s").arg(QLocale().toString(p.itPerSec, 'f', p.itPerSec < 10 ? 2 : 1));
  const QString eta = formatEta(p.etaSeconds);
  if (!eta.isEmpty()) parts << tr("%1 left").arg(eta);
  speed_->setText(parts.join(QStringLiteral(" · ")));
}

void JobStatusBar::setBusy(bool busy) {
  for (QWidget* w : {static_cast<QWidget*>(job_), static_cast<QWidget*>(bar_), static_cast<QWidget*>(speed_),
                     static_cast<QWidget*>(cancel_)})
    w->setVisible(busy);
  if (!busy) {
    job_->clear();
    speed_->clear();
    bar_->reset();
  }
}

void JobStatusBar::showMessage(const QString& text) {
  message_->setText(text);
  message_->setToolTip(text);
}

QString JobStatusBar::progressText() const {
  return QStringLiteral("%1 %2 %3").arg(job_->text(), bar_->text(), speed_->text());
}

}  // namespace droste::ui

#include "ui/slider_spin.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace droste::ui {

SliderSpin::SliderSpin(double minimum, double maximum, double step, int decimals, QWidget* parent)
    : QWidget(parent), slider_(new QSlider(Qt::Horizontal, this)), spin_(new QDoubleSpinBox(this)),
      min_(minimum), step_(step) {
  spin_->setRange(minimum, maximum);
  spin_->setSingleStep(step);
  spin_->setDecimals(decimals);
  spin_->setKeyboardTracking(false);  // typing "150" must not pass through 1 and 15
  spin_->setMinimumWidth(72);
  setFocusProxy(spin_);  // a form label's mnemonic (its buddy is this widget) focuses the number
  slider_->setRange(0, toSlider(maximum));
  slider_->setPageStep(std::max(1, slider_->maximum() / 10));

  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(slider_, 1);
  row->addWidget(spin_);

  connect(slider_, &QSlider::valueChanged, this, [this](int s) { setValue(fromSlider(s)); });
  connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    const QSignalBlocker block(slider_);
    slider_->setValue(toSlider(v));
    Q_EMIT valueChanged(v);
  });
}

int SliderSpin::toSlider(double v) const { return static_cast<int>(std::lround((v - min_) / step_)); }
double SliderSpin::fromSlider(int s) const { return min_ + s * step_; }

double SliderSpin::value() const { return spin_->value(); }

void SliderSpin::setValue(double v) {
  if (std::abs(v - spin_->value()) < 1e-9) return;
  spin_->setValue(v);  // its signal syncs the slider and emits ours
}

void SliderSpin::setSuffix(const QString& suffix) { spin_->setSuffix(suffix); }

void SliderSpin::setToolTip(const QString& tip) {
  QWidget::setToolTip(tip);
  slider_->setToolTip(tip);
  spin_->setToolTip(tip);
}

}  // namespace droste::ui

#pragma once
// A slider paired with a spin box: drag for a rough value, type for an exact one.
#include <QWidget>

class QSlider;
class QDoubleSpinBox;

namespace droste::ui {

class SliderSpin : public QWidget {
  Q_OBJECT
 public:
  // decimals = 0 gives an integer control; step is both the slider tick and the spin step.
  SliderSpin(double minimum, double maximum, double step, int decimals, QWidget* parent = nullptr);

  double value() const;
  int intValue() const { return static_cast<int>(value() + 0.5); }
  void setValue(double v);  // emits valueChanged only when the value really changes
  void setSuffix(const QString& suffix);
  void setToolTip(const QString& tip);  // on both halves
  QDoubleSpinBox* spinBox() const { return spin_; }
  QSlider* slider() const { return slider_; }

 Q_SIGNALS:
  void valueChanged(double value);

 private:
  int toSlider(double v) const;
  double fromSlider(int s) const;

  QSlider* slider_;
  QDoubleSpinBox* spin_;
  double min_, step_;
};

}  // namespace droste::ui

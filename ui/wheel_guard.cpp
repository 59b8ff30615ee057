#include "ui/wheel_guard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace droste::ui {
namespace {

class WheelGuard : public QObject {
 public:
  using QObject::QObject;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() != QEvent::Wheel) return false;
    const auto* control = static_cast<QWidget*>(watched);
    if (control->hasFocus()) return false;
    // Ignored and filtered: the control does not see it, and Qt hands it on to the parents (the scroll area).
    event->ignore();
    return true;
  }
};

}  // namespace

void scrollPastUnfocusedControls(QWidget* root) {
  auto* guard = new WheelGuard(root);
  for (QWidget* control : root->findChildren<QWidget*>()) {
    const bool takesTheWheel = qobject_cast<QComboBox*>(control) || qobject_cast<QAbstractSpinBox*>(control) ||
                               (qobject_cast<QAbstractSlider*>(control) && !control->inherits("QScrollBar"));
    if (!takesTheWheel) continue;
    control->setFocusPolicy(Qt::StrongFocus);  // the wheel does not give them focus
    control->installEventFilter(guard);
  }
}

}  // namespace droste::ui

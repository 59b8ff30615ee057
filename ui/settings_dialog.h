#pragma once
// Settings > Preferences: where the model is, which device and precision run it, how many CPU
// threads, and the interface language. Reads and writes the typed preferences (app_preferences.h).
#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace droste::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SettingsDialog(QWidget* parent = nullptr);

  void load();   // from the preferences into the fields
  void store();  // from the fields into the preferences (done on OK)

 private:
  QLineEdit* modelLocation_;
  QComboBox* device_;
  QComboBox* precision_;
  QSpinBox* threads_;
  QComboBox* language_;
};

}  // namespace droste::ui

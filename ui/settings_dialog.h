#pragma once
// Settings > Preferences. General: where the model is, which device and precision run it, how many
// CPU threads, and the interface language, stored on OK. Models: the model manager, whose actions
// (add, remove, set as default, download) take effect at once. Reads and writes the typed
// preferences (app_preferences.h).
#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace droste::ui {

class ModelManagerWidget;

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SettingsDialog(QWidget* parent = nullptr);

  void load();   // from the preferences into the fields
  void store();  // from the fields into the preferences (done on OK)

  void showModelsPage();
  ModelManagerWidget* modelManager() const { return models_; }

 private:
  // Fills the precision list with what runs on the chosen device here (runtime/precision.h), keeping
  // the current choice when it is still offered.
  void offerPrecisions();

  bool cudaAvailable_;
  QLineEdit* modelLocation_;
  QComboBox* device_;
  QComboBox* precision_;
  QSpinBox* threads_;
  QComboBox* language_;
  QTabWidget* tabs_;
  ModelManagerWidget* models_;
};

}  // namespace droste::ui

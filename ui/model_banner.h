#pragma once
// The first-run banner above the preview: no model was found, the draft painter is used meanwhile,
// and here is how to get one: choose a folder or a file, or download one from the Hugging Face Hub.
#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace droste::ui {

class ModelBanner : public QFrame {
  Q_OBJECT
 public:
  explicit ModelBanner(QWidget* parent = nullptr);

 Q_SIGNALS:
  void chooseFolder();
  void chooseFile();
  void downloadModel();
  void dismissed();

 protected:
  void changeEvent(QEvent* event) override;  // LanguageChange: the texts again

 private:
  void retranslateUi();
  QLabel* text_ = nullptr;
  QPushButton *folder_ = nullptr, *file_ = nullptr, *download_ = nullptr;
  QToolButton* close_ = nullptr;
};

}  // namespace droste::ui
